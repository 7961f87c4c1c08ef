package site

import (
	"fmt"
	"io"
	"sort"
	"sync"

	"github.com/coproduce/coproduce/internal/diag"
	"github.com/coproduce/coproduce/internal/publish"
)

// output is where a step writes, passed to it rather than kept in the
// builder: a whole build, an update of the preview, and the site-wide
// files an update records apart each write through their own. Every file
// goes through rec; write minifies it on the way in, rec.WriteFile writes
// what is minified already.
type output struct {
	rec *recorder
	min *publish.Minifier
	// pages, while renderPages runs, writes pages on goroutines of their
	// own (writer.go); nil otherwise, when a page is written at once.
	pages *pageWriter
}

// write minifies a file and writes it.
func (o output) write(name string, data []byte) error {
	return publish.Minified(o.rec, o.min).WriteFile(name, data)
}

// recorder passes files on to the real output and remembers their names,
// so links can be checked against what was actually written. Once claims
// are set it refuses a file nobody claimed (see outputs.go): a step that
// writes a path it did not list would otherwise race another for it.
type recorder struct {
	out    publish.Output
	claims *claims      // nil before the claims are made
	links  *outputLinks // reads each file for the addresses it points to, when set
	mu     sync.RWMutex // Has is called for most links of every page
	names  map[string]bool
}

func newRecorder(out publish.Output) *recorder {
	return &recorder{out: out, names: map[string]bool{}}
}

func (r *recorder) WriteFile(name string, data []byte) error {
	name, err := r.claimedName(name)
	if err != nil {
		return err
	}
	if r.links != nil {
		r.links.scan(name, data)
	}
	r.note(name)
	return r.out.WriteFile(name, data)
}

// claimed refuses names nobody claimed, once the claims are made.
func (r *recorder) claimed(names ...string) error {
	for _, name := range names {
		if r.claims != nil && !r.claims.has(name) {
			return fmt.Errorf("%s was written without being claimed first; this is a fault in coproduce or its theme, please report it", name)
		}
	}
	return nil
}

// claimedName refuses name as claimed does, and returns it as the claims
// of a final build hold it, when they hold it as it is written: the
// recorder and the output keep that copy instead of one of their own,
// made again by the step that writes the file (220,000 names at 100,000
// signatories, kept to the end of the build).
func (r *recorder) claimedName(name string) (string, error) {
	if r.claims != nil && r.claims.owners == nil {
		if own, ok := r.claims.settled.find(name); ok {
			return own, nil
		}
	}
	return name, r.claimed(name)
}

// note remembers names as written.
func (r *recorder) note(names ...string) {
	r.mu.Lock()
	for _, name := range names {
		r.names[name] = true
	}
	r.mu.Unlock()
}

// Create passes a streamed file on to the real output, checked and
// remembered as WriteFile does. Its addresses are read as the stream
// passes (see outputLinks.stream).
func (r *recorder) Create(name string) (io.WriteCloser, error) {
	name, err := r.claimedName(name)
	if err != nil {
		return nil, err
	}
	w, err := publish.Create(r.out, name)
	if err != nil {
		return nil, err
	}
	r.note(name)
	if r.links != nil {
		w = r.links.stream(name, w)
	}
	return w, nil
}

// writeLater writes the files names with write: when the output is the
// live preview's memory, only once one of them is first asked for (see
// publish.Memory.WriteLater), else at once. The files are claimed and
// recorded as written either way. Their addresses are not checked in the
// preview: write must make them from pages the build has checked.
func (r *recorder) writeLater(names []string, write func(out publish.Output) error) error {
	m, ok := r.out.(*publish.Memory)
	inner, wrapped := r.out.(*recorder)
	if !ok && !wrapped {
		return write(r)
	}
	if err := r.claimed(names...); err != nil {
		return err
	}
	r.note(names...)
	if wrapped {
		return inner.writeLater(names, write)
	}
	return m.WriteLater(names, write)
}

// promised reports whether a file was written or, in a final build, will
// be: such a build claims every file before it writes the first, and
// fails if it leaves one it claimed unwritten (keptPromises). So a link
// to a page or badge not written yet is known good at once, and need not
// wait in memory to the end of a build of 100,000 signatories.
func (r *recorder) promised(name string) bool {
	if r.claims != nil && r.claims.owners == nil {
		return r.claims.claimedAs(name)
	}
	return r.Has(name)
}

// keptPromises reports each file claimed and not written, after a whole
// build with no error: a fault, since links to it passed as soon as they
// were found (in a final build), or at the end (linkIndex.written).
func (r *recorder) keptPromises(diags *diag.List) {
	if r.claims == nil {
		return
	}
	r.claims.each(func(name string) {
		if !r.Has(name) {
			diags.Errorf(diag.Pos{File: name}, "please report this, with your site, to the people who make coproduce",
				"%s was to be written but was not, so links to it could not be checked; this is a fault in coproduce or its theme", name)
		}
	})
}

// Has reports whether a file was written.
func (r *recorder) Has(name string) bool {
	r.mu.RLock()
	defer r.mu.RUnlock()
	return r.names[name]
}

// Names lists the written files, sorted.
func (r *recorder) Names() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := make([]string, 0, len(r.names))
	for n := range r.names {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}
