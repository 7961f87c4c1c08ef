package publish

import (
	"sort"
	"sync"
)

// Memory keeps a build in memory, for the development server, which must
// never write into public/.
type Memory struct {
	mu    sync.RWMutex
	files map[string]stored // see packed.go
	later map[string]*later // files made when first asked for
}

// later is a group of files one function writes, the first time one of
// them is asked for.
type later struct {
	once  sync.Once
	write func(out Output) error
	files *Memory
	err   error
}

func (l *later) get(name string) ([]byte, bool) {
	l.once.Do(func() {
		l.files = NewMemory()
		l.err = l.write(l.files)
	})
	if l.err != nil {
		return nil, false
	}
	return l.files.Get(name)
}

// NewMemory returns an empty in-memory output.
func NewMemory() *Memory { return &Memory{files: map[string]stored{}, later: map[string]*later{}} }

// WriteLater stores names as files that write writes, when one of them is
// first asked for. The live preview keeps files nobody reads while
// editing, such as the open data, this way, so a save does not wait for
// them. A name write does not write, or an error, reads as no file.
func (m *Memory) WriteLater(names []string, write func(out Output) error) error {
	l := &later{write: write}
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, name := range names {
		clean, err := cleanOrRefuse(name)
		if err != nil {
			return err
		}
		delete(m.files, clean)
		m.later[clean] = l
	}
	return nil
}

// WriteFile stores one file.
func (m *Memory) WriteFile(name string, data []byte) error {
	clean, err := cleanOrRefuse(name)
	if err != nil {
		return err
	}
	// Callers reuse their buffers once WriteFile returns, as with
	// io.Writer, so the bytes are copied (and compressed) rather than
	// kept.
	file := store(clean, data)
	m.mu.Lock()
	m.files[clean] = file
	delete(m.later, clean)
	m.mu.Unlock()
	return nil
}

// Get returns a file and whether it exists. The caller must not change
// the bytes.
func (m *Memory) Get(name string) ([]byte, bool) {
	m.mu.RLock()
	file, ok := m.files[name]
	l := m.later[name]
	m.mu.RUnlock()
	if !ok && l != nil {
		return l.get(name) // made outside the lock: it may take a while
	}
	if !ok {
		return nil, false
	}
	return file.bytes(), true
}

// Has reports whether a file exists, without making a file that is made
// when first asked for.
func (m *Memory) Has(name string) bool {
	m.mu.RLock()
	defer m.mu.RUnlock()
	_, ok := m.files[name]
	return ok || m.later[name] != nil
}

// Remove deletes a file, for incremental rebuilds that drop a page.
func (m *Memory) Remove(name string) {
	m.mu.Lock()
	delete(m.files, name)
	delete(m.later, name)
	m.mu.Unlock()
}

// Names lists every file, sorted.
func (m *Memory) Names() []string {
	m.mu.RLock()
	defer m.mu.RUnlock()
	names := make([]string, 0, len(m.files)+len(m.later))
	for n := range m.files {
		names = append(names, n)
	}
	for n := range m.later {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// Len is the number of files.
func (m *Memory) Len() int {
	m.mu.RLock()
	defer m.mu.RUnlock()
	return len(m.files) + len(m.later)
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
		delete(m.later, name)
	}
	for name, data := range from.files {
		m.files[name] = data
		delete(m.later, name)
	}
	for name, l := range from.later {
		m.later[name] = l
		delete(m.files, name)
	}
}

// Replace swaps the whole content for the files of from in one step.
func (m *Memory) Replace(from *Memory) {
	from.mu.RLock()
	fresh := make(map[string]stored, len(from.files))
	for name, data := range from.files {
		fresh[name] = data
	}
	fresher := make(map[string]*later, len(from.later))
	for name, l := range from.later {
		fresher[name] = l
	}
	from.mu.RUnlock()
	m.mu.Lock()
	m.files, m.later = fresh, fresher
	m.mu.Unlock()
}
