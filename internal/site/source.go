package site

import (
	"io/fs"
	"os"
	"path"
	"strings"
	"sync"
	"sync/atomic"
)

// OpenSource opens a site folder for a command that reads it once and
// ends (build, check, due, import). The folder is opened as an os.Root,
// so no path, however it is written and whatever symbolic links it passes
// through, can read a file outside the folder: a link in content/ to
// /etc/passwd or to a secret elsewhere on the machine is refused instead
// of being published.
//
// An os.Root opens every folder on a file's path, one at a time, and
// closes them again: for content/signatories/name.md five calls into the
// kernel before the file's own, and a build reads each of its pages
// three times (for the fingerprint of what it was made from, to load it,
// and to render it). The folders a file is read from are kept open
// instead, opened once through the root, and each file opened in its
// folder with one call that does not follow a symbolic link: a link
// goes through the root as before. A folder moved while the command runs
// would be read where it was opened, so the live preview, which reads the
// site again after every save, uses OpenSourceToWatch.
func OpenSource(dir string) (fs.FS, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	// The root stays open for the life of the program, as do the
	// folders: a build ends with the program.
	return &source{root: root, fsys: root.FS()}, nil
}

// OpenSourceToWatch opens a site folder, as OpenSource does, for a
// program that reads it again after every change (the live preview): each
// file is opened through the root from the site's folder, wherever its
// folders have been moved since.
func OpenSourceToWatch(dir string) (fs.FS, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	// The root stays open for the life of the program: the server reads
	// from it on every save.
	return root.FS(), nil
}

// source is a site folder opened as an os.Root, with the folders files
// are read from kept open (see OpenSource). fs.ReadFile reads a file
// through Open, with room made once for its size.
type source struct {
	root    *os.Root
	fsys    fs.FS        // root.FS(): every call goes through the root
	folders sync.Map     // a folder's name to its *os.File
	kept    atomic.Int32 // folders kept open, or being opened to be
}

func (s *source) Open(name string) (fs.File, error) {
	if f := s.openInFolder(name); f != nil {
		return f, nil
	}
	return s.fsys.Open(name)
}

func (s *source) ReadDir(name string) ([]fs.DirEntry, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: fs.ErrInvalid}
	}
	return s.listFolder(name)
}

func (s *source) Stat(name string) (fs.FileInfo, error) { return fs.Stat(s.fsys, name) }

// openInFolder opens the file name in its folder, kept open, or returns
// nil when that cannot be done in one call (a file at the top of the
// site, a symbolic link, a file that is not there, a system without
// the call): the root then opens it, and says why it cannot.
//
// A kept folder is the folder, wherever it is moved: someone who moves
// content/stories out of the site while a build runs, and puts a
// stories/x.md beside it, has that file read where the root would find
// none. It takes write access to the site folder during the build, which
// can as well put any file in it; what a site's files say, links
// included, can read nothing outside it.
func (s *source) openInFolder(name string) *os.File {
	if !fs.ValidPath(name) {
		return nil
	}
	dir, file := path.Split(name)
	if dir == "" {
		return nil
	}
	folder := s.folder(dir[:len(dir)-1])
	if folder == nil {
		return nil
	}
	return openNoFollow(folder, file, strings.TrimSuffix(s.root.Name(), "/")+"/"+name)
}

// maxKeptFolders is how many folders a source keeps open. A site's pages
// are mostly in a few folders; one with a folder for every page (each
// with its pictures) reads the rest through the root, rather than hold
// thousands of files open and run out of them (the limit is 256 on some
// systems, and the build's own output needs some).
const maxKeptFolders = 64

// folder returns the folder dir opened through the root, kept for later,
// or nil once maxKeptFolders are kept.
func (s *source) folder(dir string) *os.File {
	if f, ok := s.folders.Load(dir); ok {
		return f.(*os.File)
	}
	if s.kept.Add(1) > maxKeptFolders {
		s.kept.Add(-1)
		return nil
	}
	f := openFolder(s.root, dir)
	if f == nil {
		s.kept.Add(-1)
		return nil
	}
	if kept, loaded := s.folders.LoadOrStore(dir, f); loaded {
		f.Close()
		s.kept.Add(-1)
		return kept.(*os.File)
	}
	return f
}
