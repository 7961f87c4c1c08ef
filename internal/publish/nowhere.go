package publish

import "fmt"

// Nowhere is an output that keeps nothing. `coproduce check` builds into
// it: every step runs as for a folder, so it finds every problem a build
// would, without holding the site's files in memory (200 MB at 10,000
// signatories) or writing them.
type Nowhere struct{}

// WriteFile drops data, refusing only a name a folder would refuse.
func (Nowhere) WriteFile(name string, data []byte) error {
	if _, ok := CleanName(name); !ok {
		return fmt.Errorf("refusing to write %q outside the output folder", name)
	}
	return nil
}
