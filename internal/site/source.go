package site

import (
	"io/fs"
	"os"
)

// OpenSource opens a site folder for reading. The folder is opened as an
// os.Root, so no path, however it is written and whatever symbolic links
// it passes through, can read a file outside the folder: a link in content/
// to /etc/passwd or to a secret elsewhere on the machine is refused instead
// of being published.
func OpenSource(dir string) (fs.FS, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	// The root stays open for the life of the program: the server reads
	// from it on every save, and a build ends with the program.
	return root.FS(), nil
}
