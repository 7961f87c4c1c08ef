//go:build unix

package site

import (
	"os"

	"golang.org/x/sys/unix"
)

// openFolder opens the folder dir through root, or returns nil if it is
// not a folder: O_DIRECTORY, which the root gives every folder on a path
// but the last, keeps a pipe where a folder should be from blocking.
func openFolder(root *os.Root, dir string) *os.File {
	f, err := root.OpenFile(dir, os.O_RDONLY|unix.O_DIRECTORY, 0)
	if err != nil {
		return nil
	}
	return f
}

// openNoFollow opens the file named file in the folder, unless it is a
// symbolic link, and gives the file shown as name; nil if it cannot.
func openNoFollow(folder *os.File, file, name string) *os.File {
	conn, err := folder.SyscallConn()
	if err != nil {
		return nil
	}
	fd := -1
	conn.Control(func(dirfd uintptr) {
		for {
			fd, err = unix.Openat(int(dirfd), file, unix.O_RDONLY|unix.O_CLOEXEC|unix.O_NOFOLLOW, 0)
			if err != unix.EINTR {
				return
			}
		}
	})
	if err != nil || fd < 0 {
		return nil
	}
	return os.NewFile(uintptr(fd), name)
}
