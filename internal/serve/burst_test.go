package serve

import (
	"bytes"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/coproduce/coproduce/internal/publish"
	"github.com/coproduce/coproduce/internal/site"
	"github.com/coproduce/coproduce/internal/sitegen"
)

// 200 saves as fast as the disk takes them, alternating good and broken
// front matter and bodies across three files: the server must not panic,
// and once the saves stop it must serve exactly what a clean build of the
// final files writes.
func TestBurstOfSavesEndsEqualToCleanBuild(t *testing.T) {
	r := start(t, 20, nil)
	files := []string{sitegen.SignatoryFile(2), sitegen.SignatoryFile(5), "content/principles/relationships.md"}
	origs := map[string]string{}
	for _, f := range files {
		origs[f] = read(t, r.dir, f)
	}
	for i := range 200 {
		f := files[i%len(files)]
		data := strings.Replace(origs[f], "---\n\n", "---\n\nSave number "+strconv.Itoa(i)+".\n\n", 1)
		switch i % 4 {
		case 1:
			data = strings.Replace(data, "title:", "titel:", 1) // unknown key
		case 3:
			data = strings.Replace(data, "---\n\n", "---\n\n[a broken link](/no/such/page/)\n\n", 1)
		}
		if i == 199 || i == 198 || i == 197 {
			data = strings.Replace(origs[f], "---\n\n", "---\n\nFinal save "+strconv.Itoa(i)+".\n\n", 1)
		}
		write(t, r.dir, f, data)
	}
	// Wait until the saves have settled: a rebuild with no errors whose
	// output shows the last save.
	deadline := time.Now().Add(60 * time.Second)
	for {
		_, body := r.get(sitegen.SignatoryURL(5))
		if !r.srv.Diags().HasErrors() && strings.Contains(body, "Final save 199.") {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the server never settled on the final content: %v", r.srv.Diags())
		}
		time.Sleep(50 * time.Millisecond)
	}
	time.Sleep(200 * time.Millisecond) // let any batch still in flight land
	sameAsClean(t, r.srv.Output(), r.dir)
}

// sameAsClean compares every file the server holds with a clean build.
func sameAsClean(t *testing.T, got *publish.Memory, dir string) {
	t.Helper()
	want := publish.NewMemory()
	res := site.Build(site.Options{Source: os.DirFS(dir), Output: want, Now: testNow})
	if res.Diags.HasErrors() {
		t.Fatalf("the clean build has errors: %v", res.Diags)
	}
	gn, wn := got.Names(), want.Names()
	if strings.Join(gn, "\n") != strings.Join(wn, "\n") {
		t.Fatalf("the server holds %d files, a clean build writes %d", len(gn), len(wn))
	}
	for _, n := range wn {
		a, _ := got.Get(n)
		b, _ := want.Get(n)
		if !bytes.Equal(a, b) {
			t.Errorf("%s differs from a clean build", n)
		}
	}
}
