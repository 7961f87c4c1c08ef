package publish

import "io"

// Nowhere is an output that keeps nothing. `coproduce check` builds into
// it: every step runs as for a folder, so it finds the problems a build
// would, without holding the site's files in memory (200 MB at 10,000
// signatories) or writing them.
type Nowhere struct{}

// WriteFile drops data, refusing only a name a folder would refuse.
func (Nowhere) WriteFile(name string, data []byte) error {
	_, err := cleanOrRefuse(name)
	return err
}

// Create takes a file as a stream and drops it as it comes, so the open
// data of a large register (tens of megabytes at 100,000 signatories) is
// never held whole on its way to nowhere.
func (Nowhere) Create(name string) (io.WriteCloser, error) {
	if _, err := cleanOrRefuse(name); err != nil {
		return nil, err
	}
	return dropped{}, nil
}

type dropped struct{}

func (dropped) Write(p []byte) (int, error) { return len(p), nil }
func (dropped) Close() error                { return nil }
