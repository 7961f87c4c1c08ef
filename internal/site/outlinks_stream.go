package site

import (
	"bytes"
	"io"
	"path"
	"strings"
)

// stream wraps a file being streamed to the output so that its addresses
// are read as it passes, as scan reads a whole file. A full address of the
// site ends at one of addressEnds, so the text is read up to the last of
// them and the rest is carried to the next write: an address is never cut
// in two. HTML, whose links need the whole file parsed, is gathered and
// read on Close; so is any file when the site's address itself holds one
// of addressEnds.
func (o *outputLinks) stream(name string, w io.WriteCloser) io.WriteCloser {
	switch path.Ext(name) {
	case ".xml", ".json", ".txt", ".svg", ".csv":
		if o.abs == "" {
			return w // scan would find nothing
		}
	case ".html":
	default:
		return w
	}
	return &scanningWriter{o: o, name: name, out: w, whole: path.Ext(name) == ".html" || strings.ContainsAny(o.abs, addressEnds)}
}

type scanningWriter struct {
	o     *outputLinks
	name  string
	out   io.WriteCloser
	whole bool
	carry []byte
}

func (s *scanningWriter) Write(p []byte) (int, error) {
	s.carry = append(s.carry, p...)
	if !s.whole {
		if end := bytes.LastIndexAny(s.carry, addressEnds); end >= 0 {
			s.o.scan(s.name, s.carry[:end+1])
			s.carry = append(s.carry[:0], s.carry[end+1:]...)
		}
	}
	return s.out.Write(p)
}

func (s *scanningWriter) Close() error {
	s.o.scan(s.name, s.carry)
	s.carry = nil
	return s.out.Close()
}
