package publish

import (
	"bufio"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// The stamp is the file every build writes at the top of its output. It
// says the folder is a build's to replace, and it lists every file the
// build wrote with its size and a hash of its bytes, so that the next
// build can take a file whose bytes have not changed from this one (a hard
// link, not a new copy), and can tell when nothing at all has changed.
//
//	This folder was written by coproduce build, which replaces it whole.
//	coproduce-build 2
//	inputs <what the build was made from, as the caller fingerprinted it>
//	record <what the caller asked to keep with the build, base64>
//	<hash> <size> <name>
//	...
//
// A stamp is only ever trusted for files no newer than the stamp itself: a
// file edited by hand after the build is written again, not linked.

const stampHeader = "This folder was written by coproduce build, which replaces it whole.\n"

const stampVersion = "coproduce-build 2"

// fileSum is what the stamp knows of one file: its size and the first 16
// bytes of the SHA-256 of its content.
type fileSum struct {
	size int64
	sum  [16]byte
}

func sumOf(data []byte) fileSum {
	full := sha256.Sum256(data)
	return fileSum{size: int64(len(data)), sum: [16]byte(full[:16])}
}

// stamp is a build's stamp, read back.
type stamp struct {
	inputs  string
	record  []byte
	files   map[string]fileSum
	written time.Time // when the stamp was written: later files were edited by hand
}

// readStamp reads the stamp of the build in dir, or returns nil when there
// is none this version of the tool can use (no build, an older stamp, a
// damaged one): the next build then writes every file.
func readStamp(dir string) *stamp {
	f, err := os.Open(filepath.Join(dir, Stamp))
	if err != nil {
		return nil
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil
	}
	st := &stamp{files: map[string]fileSum{}, written: info.ModTime()}
	r := bufio.NewReaderSize(f, 64<<10)
	line := func() (string, bool) {
		s, err := r.ReadString('\n')
		if err != nil {
			return "", false
		}
		return s[:len(s)-1], true
	}
	if h, ok := line(); !ok || h+"\n" != stampHeader {
		return nil
	}
	if v, ok := line(); !ok || v != stampVersion {
		return nil
	}
	in, _ := line() // a missing line is "", which has no prefix
	var ok bool
	if st.inputs, ok = strings.CutPrefix(in, "inputs "); !ok {
		return nil
	}
	rec, _ := line()
	if rec, ok = strings.CutPrefix(rec, "record "); !ok {
		return nil
	}
	if st.record, err = base64.StdEncoding.DecodeString(rec); err != nil {
		return nil
	}
	for {
		s, err := r.ReadString('\n')
		if err == io.EOF && s == "" {
			return st
		}
		if err != nil {
			return nil
		}
		name, sum, ok := parseFileLine(s[:len(s)-1])
		if !ok {
			return nil
		}
		st.files[name] = sum
	}
}

func parseFileLine(s string) (string, fileSum, bool) {
	hash, rest, ok1 := strings.Cut(s, " ")
	size, name, ok2 := strings.Cut(rest, " ")
	n, err := strconv.ParseInt(size, 10, 64)
	if !ok1 || !ok2 || err != nil || hex.DecodedLen(len(hash)) != 16 {
		return "", fileSum{}, false
	}
	var fs fileSum
	fs.size = n
	if _, err := hex.Decode(fs.sum[:], []byte(hash)); err != nil {
		return "", fileSum{}, false
	}
	if strings.HasPrefix(name, `"`) {
		if name, err = strconv.Unquote(name); err != nil {
			return "", fileSum{}, false
		}
	}
	return name, fs, true
}

// writeStamp writes the stamp of a finished build into dir.
func writeStamp(dir, inputs string, record []byte, files map[string]fileSum) error {
	f, err := os.OpenFile(filepath.Join(dir, Stamp), os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 64<<10)
	fmt.Fprintf(w, "%s%s\ninputs %s\nrecord %s\n", stampHeader, stampVersion, oneLine(inputs), base64.StdEncoding.EncodeToString(record))
	var buf []byte
	for name, fs := range files {
		buf = hex.AppendEncode(buf[:0], fs.sum[:])
		buf = append(buf, ' ')
		buf = strconv.AppendInt(buf, fs.size, 10)
		buf = append(buf, ' ')
		if strings.ContainsFunc(name, func(r rune) bool { return r < ' ' || r == 0x7f }) || strings.HasPrefix(name, `"`) {
			buf = strconv.AppendQuote(buf, name)
		} else {
			buf = append(buf, name...)
		}
		buf = append(buf, '\n')
		w.Write(buf)
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func oneLine(s string) string { return strings.NewReplacer("\n", " ", "\r", " ").Replace(s) }

// intact reports whether the folder dir still holds exactly the files the
// stamp lists, none of them changed since: no file added, removed, resized
// or written after the stamp, and no other folder. It reads the folder's
// listing, not the files.
func (st *stamp) intact(dir string) bool {
	folders := map[string]bool{".": true}
	for name := range st.files {
		for d := path.Dir(name); !folders[d]; d = path.Dir(d) {
			folders[d] = true
		}
	}
	seenFiles, seenFolders := 0, 0
	ok := true
	var walk func(rel string) bool
	walk = func(rel string) bool {
		entries, err := os.ReadDir(filepath.Join(dir, filepath.FromSlash(rel)))
		if err != nil {
			return false
		}
		seenFolders++
		for _, e := range entries {
			name := path.Join(rel, e.Name())
			switch {
			case e.IsDir():
				if !folders[name] || !walk(name) {
					return false
				}
			case rel == "." && e.Name() == Stamp:
			default:
				want, listed := st.files[name]
				if !listed || !e.Type().IsRegular() {
					return false
				}
				info, err := e.Info()
				if err != nil || info.Size() != want.size || info.ModTime().After(st.written) {
					return false
				}
				seenFiles++
			}
		}
		return true
	}
	ok = walk(".")
	return ok && seenFiles == len(st.files) && seenFolders == len(folders)
}
