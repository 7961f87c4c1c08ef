//go:build linux

package site

import (
	"bytes"
	"io/fs"
	"os"
	"path"
	"slices"
	"strings"
	"unsafe"

	"golang.org/x/sys/unix"
)

// listFolder lists the folder name, opened through the root, with the
// type of each entry as the kernel gives it. A folder opened in an
// os.Root asks the file system about every entry it lists (Go cannot
// look an entry up later by path there): 10,000 calls for a folder of
// 10,000 signatories, about 40 ms, and every build lists its content
// twice (for the fingerprint and the loader). An entry whose type the
// file system does not give is asked about through the root.
func (s *source) listFolder(name string) ([]fs.DirEntry, error) {
	f, err := s.root.OpenFile(name, os.O_RDONLY|unix.O_DIRECTORY, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	conn, err := f.SyscallConn()
	if err != nil {
		return nil, err
	}
	var entries []fs.DirEntry
	var readErr error
	buf := make([]byte, 32<<10)
	err = conn.Control(func(fd uintptr) {
		for {
			n, err := unix.Getdents(int(fd), buf)
			if err == unix.EINTR {
				continue
			}
			if err != nil {
				readErr = &fs.PathError{Op: "readdir", Path: name, Err: err}
				return
			}
			if n <= 0 {
				return
			}
			entries = appendDirents(entries, buf[:n], s, name)
		}
	})
	if err == nil {
		err = readErr
	}
	slices.SortFunc(entries, func(a, b fs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
	return entries, err
}

// appendDirents appends the entries of a buffer filled by getdents64:
// each a record of inode (8 bytes), offset (8), record length (2), type
// (1) and a name ended by a NUL.
func appendDirents(entries []fs.DirEntry, buf []byte, s *source, dir string) []fs.DirEntry {
	for len(buf) >= 19 {
		reclen := int(*(*uint16)(unsafe.Pointer(&buf[16])))
		if reclen < 19 || reclen > len(buf) {
			break
		}
		rec := buf[:reclen]
		buf = buf[reclen:]
		nameBytes := rec[19:]
		if i := bytes.IndexByte(nameBytes, 0); i >= 0 {
			nameBytes = nameBytes[:i]
		}
		entryName := string(nameBytes)
		if entryName == "." || entryName == ".." {
			continue
		}
		e := &listedEntry{name: entryName, dir: dir, s: s}
		switch rec[18] {
		case unix.DT_DIR:
			e.typ = fs.ModeDir
		case unix.DT_REG:
			e.typ = 0
		case unix.DT_LNK:
			e.typ = fs.ModeSymlink
		case unix.DT_FIFO:
			e.typ = fs.ModeNamedPipe
		case unix.DT_SOCK:
			e.typ = fs.ModeSocket
		case unix.DT_CHR:
			e.typ = fs.ModeDevice | fs.ModeCharDevice
		case unix.DT_BLK:
			e.typ = fs.ModeDevice
		default: // DT_UNKNOWN: the file system does not say
			info, err := e.lstat()
			if err != nil {
				continue // gone since it was listed
			}
			e.typ, e.info = info.Mode().Type(), info
		}
		entries = append(entries, e)
	}
	return entries
}

// listedEntry is an entry of a folder listed by listFolder. Info asks the
// file system through the root, once.
type listedEntry struct {
	name, dir string
	typ       fs.FileMode
	info      fs.FileInfo
	s         *source
}

func (e *listedEntry) lstat() (fs.FileInfo, error) { return e.s.root.Lstat(path.Join(e.dir, e.name)) }

func (e *listedEntry) Name() string      { return e.name }
func (e *listedEntry) IsDir() bool       { return e.typ.IsDir() }
func (e *listedEntry) Type() fs.FileMode { return e.typ }
func (e *listedEntry) String() string    { return fs.FormatDirEntry(e) }

func (e *listedEntry) Info() (fs.FileInfo, error) {
	if e.info != nil {
		return e.info, nil
	}
	return e.lstat()
}
