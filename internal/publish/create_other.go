//go:build !unix

package publish

// createNew writes data to a file that it creates. A file already at
// target (a name written twice in one build) is unlinked first rather than
// opened: it may be a hard link to the earlier build's file, which must
// stay as it was.
func createNew(target string, data []byte) error {
	f, err := createExclusive(target)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
