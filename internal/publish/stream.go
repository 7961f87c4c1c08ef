package publish

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"hash"
	"io"
	"os"
	"path"
	"path/filepath"
)

// Creator is an Output that can also take a file as a stream, so a large
// file (the open data of a big register) is written as it is made rather
// than held whole in memory first.
type Creator interface {
	Create(name string) (io.WriteCloser, error)
}

// Create opens the file name of out for writing. The file is complete
// once Close returns nil. An Output that cannot stream gets the bytes in
// one WriteFile on Close.
func Create(out Output, name string) (io.WriteCloser, error) {
	if c, ok := out.(Creator); ok {
		return c.Create(name)
	}
	return &wholeFile{out: out, name: name}, nil
}

// wholeFile gathers a stream for an Output that takes whole files.
type wholeFile struct {
	bytes.Buffer
	out  Output
	name string
}

func (w *wholeFile) Close() error { return w.out.WriteFile(w.name, w.Bytes()) }

// Create streams one file of the build into its folder. Its bytes are
// hashed as they pass, for the stamp; when they turn out the same as the
// earlier build's, the earlier file takes the place of the new one, as
// WriteFile would have linked it.
func (d *Dir) Create(name string) (io.WriteCloser, error) {
	if d.aborted.Load() {
		return nil, errAborted
	}
	clean, err := cleanOrRefuse(name)
	if err != nil {
		return nil, err
	}
	target := filepath.Join(d.tmp, filepath.FromSlash(clean))
	if err := d.makeFolder(path.Dir(clean)); err != nil {
		return nil, err
	}
	f, err := createExclusive(target)
	if err != nil {
		return nil, err
	}
	w := &dirFile{d: d, name: clean, target: target, f: f, hash: sha256.New()}
	w.buf = bufio.NewWriterSize(f, 64<<10)
	return w, nil
}

type dirFile struct {
	d      *Dir
	name   string
	target string
	f      *os.File
	buf    *bufio.Writer
	hash   hash.Hash
	size   int64
}

func (w *dirFile) Write(p []byte) (int, error) {
	if w.d.aborted.Load() {
		return 0, errAborted
	}
	w.hash.Write(p)
	w.size += int64(len(p))
	return w.buf.Write(p)
}

func (w *dirFile) Close() error {
	err := w.buf.Flush()
	if cerr := w.f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	if w.d.aborted.Load() {
		return errAborted
	}
	sum := fileSum{size: w.size, sum: [16]byte(w.hash.Sum(nil)[:16])}
	w.d.linkEarlier(w.name, w.target, sum) // the written file stays if not
	w.d.mu.Lock()
	w.d.files[w.name] = sum
	w.d.mu.Unlock()
	return nil
}

// Create streams one file into memory; it is there once Close returns.
func (m *Memory) Create(name string) (io.WriteCloser, error) {
	if _, err := cleanOrRefuse(name); err != nil {
		return nil, err
	}
	return &wholeFile{out: m, name: name}, nil
}
