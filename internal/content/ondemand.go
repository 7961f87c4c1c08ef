package content

import (
	"hash/maphash"
	"io/fs"
	"path"
	"strings"

	"github.com/coproduce/coproduce/internal/diag"
)

// A page's Markdown body is most of what a page weighs (about 3 KB of the
// generated sites' pages, against about 2 KB for all the rest), and a build
// needs it only when the page is rendered. A build that ends in a folder
// therefore loads with Options.BodiesOnDemand: each page keeps where its
// body is in its file and what the file held, and Site.Body reads it again
// when the page is rendered. 100,000 pages then hold no 300 MB of Markdown
// from loading to rendering.
//
// A file saved between loading and rendering must not publish the front
// matter of one version with the body of the other: the file read again is
// compared with what was loaded (its length and a hash of its bytes), and a
// file that changed is an error about that file, so the build fails and
// the published site stays as it was.

// bodyPlace is where a page's body is in its file as loaded: after
// Normalize, the bytes from offset to the end, in a file of size bytes
// whose hash is hash. Zero when the body is kept in Page.Body.
type bodyPlace struct {
	hash         uint64
	size, offset int32
}

// fileSeed is the seed of every file's hash: hashes made in one run
// compare.
var fileSeed = maphash.MakeSeed()

// placeBody records where body is in data, the whole file after Normalize,
// so Site.Body can read it again. It reports false, recording nothing, when
// body is not the end of data, which split never gives but which would
// make the offset wrong; the caller keeps the body then.
func placeBody(p *Page, data, body []byte) bool {
	offset := len(data) - len(body)
	if offset < 0 || string(data[offset:]) != string(body) || len(data) > MaxFileSize {
		return false
	}
	p.bodyAt = bodyPlace{hash: maphash.Bytes(fileSeed, data), size: int32(len(data)), offset: int32(offset)}
	return true
}

// Body returns p's Markdown body: the one it holds, or, for a page of a
// site loaded with Options.BodiesOnDemand, the body read again from its
// file. It reports an error about the file, to stop the build, when the
// file can no longer be read or no longer holds the bytes that were
// loaded.
func (s *Site) Body(p *Page) ([]byte, *diag.Diagnostic) {
	if p.Body != nil || p.bodyAt == (bodyPlace{}) || s.fsys == nil {
		return p.Body, nil
	}
	changed := func(problem string) *diag.Diagnostic {
		return &diag.Diagnostic{Pos: diag.Pos{File: p.File, Line: 1, Col: 1}, Severity: diag.Error, Problem: problem,
			Fix: "build again once the file is saved; the site was left as it was", Rule: "files"}
	}
	data, _, err := readPage(s.fsys, s.fsName(p))
	if err != nil {
		return nil, changed("the file could not be read again to make its page: " + err.Error())
	}
	data, bad := Normalize(p.File, data)
	if bad != nil || len(data) != int(p.bodyAt.size) || maphash.Bytes(fileSeed, data) != p.bodyAt.hash {
		return nil, changed("the file changed while the site was being built, so its page would mix the old and the new text")
	}
	return data[p.bodyAt.offset:], nil
}

// fsName is the name of p's file in the folder the site was loaded from:
// its File without the Dir put in front for messages.
func (s *Site) fsName(p *Page) string {
	dir := path.Clean(s.dir) // as displayName put it in front
	if s.dir == "" || dir == "." {
		return p.File
	}
	return strings.TrimPrefix(p.File, dir+"/")
}

// keepBodiesOnDemand makes site read its pages' bodies from fsys when
// asked (see Site.Body).
func (s *Site) keepBodiesOnDemand(fsys fs.FS) { s.fsys = fsys }
