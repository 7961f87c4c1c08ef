//go:build !unix

package site

import "os"

// Without openat every file is opened through the root, and no folder is
// kept open.

func openFolder(root *os.Root, dir string) *os.File { return nil }

func openNoFollow(folder *os.File, file, name string) *os.File { return nil }
