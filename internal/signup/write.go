package signup

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
)

// Written says what Write did.
type Written struct {
	Created, Updated []string // site-relative files
	Left             []string // files changed or made by someone else since the plan, left alone
	ContactsAdded    int
}

// Write makes the plan's new pages in the site folder dir, and with update
// also its changes to pages already there. It never overwrites a file: a
// page made meanwhile is left as it is, and so is a page changed since the
// plan read it. Files are written through an os.Root, so no name can lead
// outside the site folder. contactsFile, when not "", receives the
// personal details, merged with what it holds.
func (p *Plan) Write(dir string, update bool, contactsFile string) (*Written, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	defer root.Close()
	w := &Written{}
	for _, it := range p.Items {
		switch {
		case it.Action == Create:
			made, err := createFile(root, it.File, it.text)
			if err != nil {
				return w, err
			}
			if made {
				w.Created = append(w.Created, it.File)
			} else {
				w.Left = append(w.Left, it.File)
			}
		case it.Action == Update && update && it.text != nil:
			done, err := replaceFile(root, it.File, it.old, it.text)
			if err != nil {
				return w, err
			}
			if done {
				w.Updated = append(w.Updated, it.File)
			} else {
				w.Left = append(w.Left, it.File)
			}
		}
	}
	if contactsFile != "" && p.Contacts.Len() > 0 {
		n, err := writeContacts(contactsFile, p.Contacts)
		if err != nil {
			return w, err
		}
		w.ContactsAdded = n
	}
	return w, nil
}

// createFile writes a new file, reporting false when it is there already.
func createFile(root *os.Root, name string, data []byte) (bool, error) {
	if err := root.MkdirAll(path.Dir(name), 0o755); err != nil {
		return false, err
	}
	f, err := root.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		root.Remove(name)
		return false, err
	}
	return true, f.Close()
}

// replaceFile puts data in place of a file that still holds old, through
// a new file renamed over it, so a failure never leaves half a page.
func replaceFile(root *os.Root, name string, old, data []byte) (bool, error) {
	now, err := root.ReadFile(name)
	if err != nil || !bytes.Equal(now, old) {
		return false, nil
	}
	tmp := path.Join(path.Dir(name), "."+path.Base(name)+".import~")
	root.Remove(tmp)
	f, err := root.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return false, err
	}
	_, werr := f.Write(data)
	if cerr := f.Close(); werr == nil {
		werr = cerr
	}
	if werr == nil {
		werr = root.Rename(tmp, name)
	}
	if werr != nil {
		root.Remove(tmp)
		return false, werr
	}
	return true, nil
}

// writeContacts merges the details into the contacts file, readable only
// by its owner, since it holds personal data.
func writeContacts(file string, c *Contacts) (int, error) {
	old, err := os.ReadFile(file)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return 0, err
	}
	data, added, err := c.merge(old)
	if err != nil {
		return 0, fmt.Errorf("%s could not be read as CSV: %w", file, err)
	}
	if added == 0 {
		return 0, nil
	}
	tmp := filepath.Join(filepath.Dir(file), "."+filepath.Base(file)+".import~")
	if err := os.WriteFile(tmp, data, 0o600); err != nil {
		return 0, err
	}
	if err := os.Rename(tmp, file); err != nil {
		os.Remove(tmp)
		return 0, err
	}
	return added, nil
}
