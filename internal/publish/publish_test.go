package publish

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unsafe"
)

// tree lists every file under dir with its content, for comparing folders.
// tree reads every file of a folder but the build stamp, which every
// build writes.
func tree(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || d.Name() == Stamp {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func writeAll(t *testing.T, d *Dir, files map[string]string) {
	t.Helper()
	for name, text := range files {
		if err := d.WriteFile(name, []byte(text)); err != nil {
			t.Fatal(err)
		}
	}
}

func TestDirCommitReplacesTheWholeFolder(t *testing.T) {
	parent := t.TempDir()
	public := filepath.Join(parent, "public")
	d, err := NewDir(public)
	if err != nil {
		t.Fatal(err)
	}
	writeAll(t, d, map[string]string{"index.html": "one", "old/index.html": "gone soon"})
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	d, _ = NewDir(public)
	writeAll(t, d, map[string]string{"index.html": "two", "new/index.html": "new"})
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	got := tree(t, public)
	if len(got) != 2 || got["index.html"] != "two" || got["new/index.html"] != "new" {
		t.Errorf("public = %v; want only the second build", got)
	}
	if entries, _ := os.ReadDir(parent); len(entries) != 1 {
		t.Errorf("left beside public: %v", names(entries))
	}
}

func TestDirAbortLeavesTheOldFolderAsItWas(t *testing.T) {
	parent := t.TempDir()
	public := filepath.Join(parent, "public")
	before := map[string]string{"index.html": "<p>before</p>", "about/index.html": "about", "hand-made.txt": "keep"}
	for name, text := range before {
		os.MkdirAll(filepath.Dir(filepath.Join(public, name)), 0o755)
		os.WriteFile(filepath.Join(public, name), []byte(text), 0o644)
	}
	os.WriteFile(filepath.Join(public, Stamp), nil, 0o644) // an earlier build
	d, err := NewDir(public)
	if err != nil {
		t.Fatal(err)
	}
	writeAll(t, d, map[string]string{"index.html": "<p>half</p>", "principles/index.html": "x"})
	d.Abort()
	got := tree(t, public)
	if len(got) != len(before) {
		t.Errorf("public = %v, want %v", got, before)
	}
	for name, text := range before {
		if got[name] != text {
			t.Errorf("%s = %q, want %q", name, got[name], text)
		}
	}
	if entries, _ := os.ReadDir(parent); len(entries) != 1 {
		t.Errorf("left beside public: %v", names(entries))
	}
}

func TestWritesStayInsideTheOutput(t *testing.T) {
	parent := t.TempDir()
	d, err := NewDir(filepath.Join(parent, "public"))
	if err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"..", "", "/", `a\..\b`} {
		if err := d.WriteFile(bad, []byte("x")); err == nil {
			t.Errorf("WriteFile(%q) was allowed", bad)
		}
	}
	// A name that climbs is held at the top of the output.
	for _, climb := range []string{"../escape.html", "a/../../escape.html"} {
		if err := d.WriteFile(climb, []byte("x")); err != nil {
			t.Error(err)
		}
	}
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	if entries, _ := os.ReadDir(parent); len(entries) != 1 {
		t.Errorf("written beside public: %v", names(entries))
	}
	if got := tree(t, filepath.Join(parent, "public")); len(got) != 1 || got["escape.html"] != "x" {
		t.Errorf("public = %v", got)
	}
	for in, want := range map[string]string{"/index.html": "index.html", "a/./b/../c.html": "a/c.html", "../x": "x"} {
		if got, ok := CleanName(in); !ok || got != want {
			t.Errorf("CleanName(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
}

// A build keeps the name of every file it wrote to its end, and the site
// that wrote it keeps it too: a name already clean is the caller's own
// string, not a second copy of it.
func TestACleanNameIsNotCopied(t *testing.T) {
	name := "signatories/an-organisation/index.html"
	got, ok := CleanName(name)
	if !ok || got != name {
		t.Fatalf("CleanName(%q) = %q, %v", name, got, ok)
	}
	if unsafe.StringData(got) != unsafe.StringData(name) {
		t.Errorf("CleanName(%q) made a copy of a name already clean; 224,000 names are kept to the end of a large build", name)
	}
}

func TestMemoryKeepsItsOwnCopy(t *testing.T) {
	m := NewMemory()
	buf := []byte("first")
	m.WriteFile("/a.html", buf)
	copy(buf, "XXXXX")
	if got, _ := m.Get("a.html"); string(got) != "first" {
		t.Errorf("after the caller reused its buffer the file reads %q", got)
	}
	m.WriteFile("..", []byte("no"))
	if strings.Join(m.Names(), ",") != "a.html" {
		t.Errorf("names = %v", m.Names())
	}
}

func TestMinifier(t *testing.T) {
	mf := NewMinifier()
	cases := []struct{ name, in, want string }{
		{"a.html", "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<title>T</title>\n</head>\n<body>\n<p class=\"x\">  Hello   there </p>\n</body>\n</html>\n",
			`<!doctype html><html lang="en"><head><title>T</title></head><body><p class="x">Hello there</p></body></html>`},
		{"a.css", "body {\n  color : red ;\n}\n", "body{color:red}"},
		{"a.json", "{ \"a\" : [1, 2] }\n", `{"a":[1,2]}`},
		{"a.xml", "<?xml version=\"1.0\"?>\n<a>\n  <b>x</b>\n</a>\n", `<?xml version="1.0"?><a><b>x</b></a>`},
		{"a.txt", "  kept  as  is \n", "  kept  as  is \n"},
		// An SVG file is minified; an SVG drawn inside a page is kept as
		// our code wrote it (the QR code), for speed.
		{"a.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\">\n  <path d=\"M 1.000 1 h 2\"/>\n</svg>\n", `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><path d="M1 1h2"/></svg>`},
		{"b.html", "<!DOCTYPE html><html><head><title>T</title></head><body><svg viewBox=\"0 0 10 10\"><path d=\"M 1.000 1 h 2\"/></svg></body></html>",
			`<!doctype html><html><head><title>T</title></head><body><svg viewBox="0 0 10 10"><path d="M 1.000 1 h 2"/></svg></body></html>`},
		{"broken.json", "{ not json", "{ not json"},
	}
	for _, tc := range cases {
		if got := string(mf.Bytes(tc.name, []byte(tc.in))); got != tc.want {
			t.Errorf("%s: got %q, want %q", tc.name, got, tc.want)
		}
	}
}

func names(entries []os.DirEntry) []string {
	var out []string
	for _, e := range entries {
		out = append(out, e.Name())
	}
	sort.Strings(out)
	return out
}

func TestDirRefusesToReplaceTheSources(t *testing.T) {
	site := t.TempDir()
	content := filepath.Join(site, "content")
	os.MkdirAll(content, 0o755)
	for _, out := range []string{site, content, filepath.Dir(site)} {
		if d, err := NewDir(out, site, content); err == nil {
			d.Abort()
			t.Errorf("NewDir(%s) would replace the sources", out)
		}
	}
	d, err := NewDir(filepath.Join(site, "public"), site, content)
	if err != nil {
		t.Fatalf("the default output folder was refused: %v", err)
	}
	d.Abort()
}

func TestDirRefusesWhatIsNotAnEarlierBuild(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "notes.txt")
	os.WriteFile(file, []byte("mine"), 0o644)
	docs := filepath.Join(dir, "documents")
	os.MkdirAll(docs, 0o755)
	os.WriteFile(filepath.Join(docs, "letter.odt"), []byte("mine"), 0o644)
	for _, out := range []string{file, docs} {
		if d, err := NewDir(out); err == nil {
			d.Abort()
			t.Errorf("NewDir(%s) would replace it", out)
		}
	}
	if data, _ := os.ReadFile(filepath.Join(docs, "letter.odt")); string(data) != "mine" {
		t.Error("the documents were touched")
	}
	empty := filepath.Join(dir, "empty")
	os.MkdirAll(empty, 0o755)
	built := filepath.Join(dir, "public")
	os.MkdirAll(built, 0o755)
	os.WriteFile(filepath.Join(built, Stamp), nil, 0o644)
	// A folder with only an index.html of someone's own is not a build.
	hand := filepath.Join(dir, "handmade")
	os.MkdirAll(hand, 0o755)
	os.WriteFile(filepath.Join(hand, "index.html"), []byte("mine"), 0o644)
	if _, err := NewDir(hand); err == nil {
		t.Error("a folder with only an index.html was taken for an earlier build")
	}
	for _, out := range []string{empty, built, filepath.Join(dir, "new")} {
		d, err := NewDir(out)
		if err != nil {
			t.Errorf("NewDir(%s): %v", out, err)
			continue
		}
		d.Abort()
	}
}

// An output inside a source folder, or a site folder reached through a
// symbolic link, is refused: the build would read its output back in, or
// delete the site.
func TestDirRefusesOutputInsideSourcesOrThroughLinks(t *testing.T) {
	dir := t.TempDir()
	site := filepath.Join(dir, "site")
	content := filepath.Join(site, "content")
	os.MkdirAll(content, 0o755)
	if _, err := NewDir(filepath.Join(content, "out"), site, content); err == nil {
		t.Error("an output inside content/ was allowed")
	}
	link := filepath.Join(dir, "link")
	if err := os.Symlink(site, link); err != nil {
		t.Skip("no symbolic links here: ", err)
	}
	if _, err := NewDir(site, link, filepath.Join(link, "content")); err == nil {
		t.Error("the site folder, named through a link, was allowed as the output")
	}
}
