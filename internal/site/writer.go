package site

import (
	"bytes"
	"sync"

	"github.com/coproduce/coproduce/internal/content"
	"github.com/coproduce/coproduce/internal/diag"
	"github.com/coproduce/coproduce/internal/publish"
)

// pageWriter writes rendered pages on goroutines of their own, so a worker
// goes on to the next page while the disk is busy with the last one. On a
// small virtual machine creating a folder and a file costs as much as
// rendering the page; with the writes in the same goroutine a core would sit
// idle for each of them.
//
// Pages are minified by the worker into a buffer lent by publish.Buffers
// and given back once the file is written, so memory stays at a few
// buffers per worker however many pages the site has.
type pageWriter struct {
	out      *recorder
	minifier *publish.Minifier
	files    chan pageFile
	done     sync.WaitGroup

	mu    sync.Mutex
	diags diag.List
}

type pageFile struct {
	page *content.Page
	name string
	data *bytes.Buffer
}

// newPageWriter starts writers for workers rendering goroutines: more
// writers than workers, since a writer spends most of its time waiting.
func newPageWriter(out *recorder, minifier *publish.Minifier, workers int) *pageWriter {
	w := &pageWriter{out: out, minifier: minifier, files: make(chan pageFile, 2*workers)}
	for range 2*workers + 2 {
		w.done.Add(1)
		go w.run()
	}
	return w
}

func (w *pageWriter) run() {
	defer w.done.Done()
	for f := range w.files {
		if err := w.out.WriteFile(f.name, f.data.Bytes()); err != nil {
			w.mu.Lock()
			w.diags = append(w.diags, writeFailed(f.page, err)...)
			w.mu.Unlock()
		}
		publish.Buffers.Put(f.data)
	}
}

// write minifies html into a pooled buffer and queues it. html may be
// reused by the caller as soon as write returns.
func (w *pageWriter) write(p *content.Page, name string, html []byte) {
	buf := publish.Buffers.Get()
	w.minifier.Into(buf, name, html)
	w.files <- pageFile{page: p, name: name, data: buf}
}

// close waits for every queued page to be written and returns the
// problems met.
func (w *pageWriter) close() diag.List {
	close(w.files)
	w.done.Wait()
	return w.diags
}

// writePage writes one rendered page: through the writers during a full
// build, at once otherwise (a rebuild of a few pages).
func writePage(o output, p *content.Page, name string, html []byte) diag.List {
	if o.pages != nil {
		o.pages.write(p, name, html)
		return nil
	}
	if err := o.write(name, html); err != nil {
		return writeFailed(p, err)
	}
	return nil
}

func writeFailed(p *content.Page, err error) diag.List {
	var diags diag.List
	diags.Errorf(diag.Pos{File: p.File, Line: 1, Col: 1}, "check there is space on the disk and the output folder can be written", "could not write the page: %v", err)
	return diags
}

// final reports whether o is the end of the process (see finalOutput):
// then what was kept only for the live preview's next update (a page's
// Markdown once rendered) can be let go as the build goes. The preview
// builds into memory.
func (o output) final() bool { return finalOutput(o.rec.out) }

// finalOutput reports whether out is the end of the process: a folder
// written by `coproduce build`, or nowhere for `coproduce check`. Such a
// build loads no page's Markdown until the page is rendered
// (content.Options.BodiesOnDemand), and lets it go after.
func finalOutput(out publish.Output) bool {
	switch out.(type) {
	case *publish.Dir, publish.Nowhere, *publish.Nowhere:
		return true
	}
	return false
}
