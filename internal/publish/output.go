// Package publish writes a built site: to a folder, swapped in whole only
// when the build succeeded, or to memory for the development server.
//
// It promises that a build either replaces the output folder entirely (files
// that no longer have a source are gone) or leaves it exactly as it was. It
// also minifies HTML, CSS, JS, SVG, JSON and XML as they are written.
package publish

import (
	"fmt"
	"path"
	"strings"
)

// Output receives the files of a build. Names are slash-separated paths
// from the site root, such as "principles/equal-voice/index.html".
// Implementations are safe for concurrent use, and do not keep data after
// WriteFile returns: the caller may reuse its buffer at once.
type Output interface {
	WriteFile(name string, data []byte) error
}

// CleanName checks that a file name stays inside the output and returns it
// in clean form. Build code only ever produces such names; this guards the
// one place where bytes reach the disk.
func CleanName(name string) (string, bool) {
	clean := path.Clean("/" + name)[1:]
	if clean == "" || strings.Contains(name, "\\") || strings.HasPrefix(clean, "../") || clean == ".." {
		return "", false
	}
	if clean == name {
		// The caller's own string, not the copy made to clean it: the
		// output keeps every name it wrote to the end of a build, and so
		// does the site that wrote it (224,000 at 100,000 signatories).
		return name, true
	}
	return clean, true
}

// cleanOrRefuse is CleanName for an output about to write name: the
// clean name, or the error every output gives for a name outside it.
func cleanOrRefuse(name string) (string, error) {
	clean, ok := CleanName(name)
	if !ok {
		return "", fmt.Errorf("refusing to write %q outside the output folder", name)
	}
	return clean, nil
}
