//go:build unix

package publish

import (
	"io"
	"io/fs"
	"os"

	"golang.org/x/sys/unix"
)

// createNew writes data to a file that it creates. A file already at
// target (a name written twice in one build) is unlinked first rather than
// opened: it may be a hard link to the earlier build's file, which must
// stay as it was.
//
// It writes through the system's calls rather than an os.File: the file
// is written whole at once and closed, and an os.File would first try to
// register it with the runtime's poller, which takes four more calls into
// the kernel for every file (twenty-two thousand files at 10,000
// signatories), and fails for a file on disk all the same.
func createNew(target string, data []byte) error {
	const flags = unix.O_WRONLY | unix.O_CREAT | unix.O_EXCL | unix.O_CLOEXEC
	fd, err := retryInterrupted(func() (int, error) { return unix.Open(target, flags, 0o644) })
	if err == unix.EEXIST {
		if err := os.Remove(target); err != nil {
			return err
		}
		fd, err = retryInterrupted(func() (int, error) { return unix.Open(target, flags, 0o644) })
	}
	if err != nil {
		return &fs.PathError{Op: "open", Path: target, Err: err}
	}
	for len(data) > 0 {
		// At most a gigabyte a call, as os.File writes: macOS refuses
		// more than 2 GB in one.
		chunk := data[:min(len(data), 1<<30)]
		n, err := retryInterrupted(func() (int, error) { return unix.Write(fd, chunk) })
		if err == nil && n == 0 {
			err = io.ErrShortWrite
		}
		if err != nil {
			unix.Close(fd)
			return &fs.PathError{Op: "write", Path: target, Err: err}
		}
		data = data[n:]
	}
	// A file system that reports a failed write only when the file is
	// closed (a full disk on a network share) reports it here.
	if err := unix.Close(fd); err != nil {
		return &fs.PathError{Op: "close", Path: target, Err: err}
	}
	return nil
}

// retryInterrupted calls call again while a signal interrupts it.
func retryInterrupted(call func() (int, error)) (int, error) {
	for {
		n, err := call()
		if err != unix.EINTR {
			return n, err
		}
	}
}
