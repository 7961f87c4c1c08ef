package publish

import (
	"bytes"
	"sync"
)

// Buffers lends buffers to whoever renders or minifies a whole file at a
// time and is done with it once the file is written. A buffer grows to
// the largest file it held and is kept at that size, so a build of many
// files stops allocating room for them after its first few.
var Buffers = &bufferPool{}

// bufferPool is a sync.Pool of *bytes.Buffer. A collection empties a
// sync.Pool only after a second collection finds it unused, so buffers
// lent and given back between collections survive them.
type bufferPool struct{ pool sync.Pool }

// maxKeptBuffer is the largest buffer given back that is kept: one huge
// page should not hold its room for the rest of the build.
const maxKeptBuffer = 4 << 20

// Get lends an empty buffer.
func (bp *bufferPool) Get() *bytes.Buffer {
	if buf, ok := bp.pool.Get().(*bytes.Buffer); ok {
		return buf
	}
	return new(bytes.Buffer)
}

// Put gives a buffer back. Its bytes must not be used after.
func (bp *bufferPool) Put(buf *bytes.Buffer) {
	if buf.Cap() > maxKeptBuffer {
		return
	}
	buf.Reset()
	bp.pool.Put(buf)
}
