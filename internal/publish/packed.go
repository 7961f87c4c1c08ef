package publish

import (
	"bytes"
	"compress/flate"
	"io"
	"path"
)

// The live preview keeps the whole built site in memory: at 10,000
// signatories 190 MB of pages, about two thirds of all it holds, and ten
// times that at 100,000. Pages compress four to five times with the
// quickest DEFLATE level, which costs about a twentieth of a build's
// processor time, so Memory keeps text files compressed and expands one
// when it is asked for: the preview serves a handful of pages a save.

// packedMin is the smallest file worth compressing: below it the saving
// is a few bytes and the work the same.
const packedMin = 512

// packedExts are the extensions of the text files a build writes; others
// (pictures, fonts, PDFs) are compressed already.
var packedExts = map[string]bool{
	".html": true, ".css": true, ".js": true, ".svg": true, ".xml": true,
	".json": true, ".txt": true, ".csv": true, ".webmanifest": true,
	"": true, // _headers, _redirects
}

// stored is one file as Memory keeps it: data as written, or, when size
// is above zero, its size bytes compressed.
type stored struct {
	data []byte
	size int
}

// compressors are DEFLATE writers kept from file to file: each holds
// about a megabyte of tables, and a sync.Pool would be emptied by every
// collection, which comes every few pages in a build.
var compressors = make(chan *flate.Writer, 8)

// store returns data as Memory keeps it, in memory of its own: the
// caller may reuse data.
func store(name string, data []byte) stored {
	if len(data) < packedMin || !packedExts[path.Ext(name)] {
		return stored{data: bytes.Clone(data)}
	}
	buf := Buffers.Get()
	defer Buffers.Put(buf)
	var zw *flate.Writer
	select {
	case zw = <-compressors:
		zw.Reset(buf)
	default:
		zw, _ = flate.NewWriter(buf, flate.BestSpeed) // the level is valid
	}
	_, err := zw.Write(data)
	if err == nil {
		err = zw.Close()
	}
	select {
	case compressors <- zw:
	default:
	}
	if err != nil || buf.Len() >= len(data) {
		return stored{data: bytes.Clone(data)}
	}
	return stored{data: bytes.Clone(buf.Bytes()), size: len(data)}
}

// bytes returns the file as it was written, in memory of its own when it
// was compressed.
func (s stored) bytes() []byte {
	if s.size == 0 {
		return s.data
	}
	out := make([]byte, s.size)
	zr := flate.NewReader(bytes.NewReader(s.data))
	defer zr.Close()
	if _, err := io.ReadFull(zr, out); err != nil {
		// Only this package compressed it, in memory: it cannot be
		// corrupt unless memory is.
		panic("publish: a file kept in memory does not expand: " + err.Error())
	}
	return out
}
