package publish

import (
	"bytes"
	"fmt"
	"sort"
	"sync"
)

// Memory keeps a build in memory, for the development server, which must
// never write into public/.
type Memory struct {
	mu    sync.RWMutex
	files map[string][]byte
}

// NewMemory returns an empty in-memory output.
func NewMemory() *Memory { return &Memory{files: map[string][]byte{}} }

// WriteFile stores one file.
func (m *Memory) WriteFile(name string, data []byte) error {
	clean, ok := CleanName(name)
	if !ok {
		return fmt.Errorf("refusing to write %q outside the output folder", name)
	}
	// Callers reuse their buffers once WriteFile returns, as with
	// io.Writer, so the bytes are copied rather than kept.
	data = bytes.Clone(data)
	m.mu.Lock()
	m.files[clean] = data
	m.mu.Unlock()
	return nil
}

// Get returns a file and whether it exists.
func (m *Memory) Get(name string) ([]byte, bool) {
	m.mu.RLock()
	defer m.mu.RUnlock()
	data, ok := m.files[name]
	return data, ok
}

// Remove deletes a file, for incremental rebuilds that drop a page.
func (m *Memory) Remove(name string) {
	m.mu.Lock()
	delete(m.files, name)
	m.mu.Unlock()
}

// Names lists every file, sorted.
func (m *Memory) Names() []string {
	m.mu.RLock()
	defer m.mu.RUnlock()
	names := make([]string, 0, len(m.files))
	for n := range m.files {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// Len is the number of files.
func (m *Memory) Len() int {
	m.mu.RLock()
	defer m.mu.RUnlock()
	return len(m.files)
}

// Apply writes the files of from and removes the files named in removes in
// one step, so a reader sees the site either before or after an
// incremental rebuild, never half of it.
func (m *Memory) Apply(from *Memory, removes []string) {
	from.mu.RLock()
	defer from.mu.RUnlock()
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, name := range removes {
		delete(m.files, name)
	}
	for name, data := range from.files {
		m.files[name] = data
	}
}

// Replace swaps the whole content for the files of from in one step.
func (m *Memory) Replace(from *Memory) {
	from.mu.RLock()
	fresh := make(map[string][]byte, len(from.files))
	for name, data := range from.files {
		fresh[name] = data
	}
	from.mu.RUnlock()
	m.mu.Lock()
	m.files = fresh
	m.mu.Unlock()
}
