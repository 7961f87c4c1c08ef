//go:build !linux

package site

import "io/fs"

// listFolder lists the folder name through the root (see source_linux.go
// for why Linux lists it another way).
func (s *source) listFolder(name string) ([]fs.DirEntry, error) { return fs.ReadDir(s.fsys, name) }
