package signup

import (
	"crypto/sha256"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/coproduce/coproduce/internal/diag"
	"github.com/coproduce/coproduce/internal/publish"
	"github.com/coproduce/coproduce/internal/site"
)

// exampleSite copies the repository's example site, which has the pledge
// and the signatories the fixtures name, into a folder of the test's own.
func exampleSite(t testing.TB) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.CopyFS(filepath.Join(dir, "content"), os.DirFS("../../content")); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile("../../site.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "site.yaml"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

func prepare(t testing.TB, dir, fixture string, opts Options) *Plan {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", fixture))
	if err != nil {
		t.Fatal(err)
	}
	opts.Source, opts.File, opts.Data = os.DirFS(dir), fixture, data
	plan, err := Prepare(opts)
	if err != nil {
		t.Fatal(err)
	}
	return plan
}

// snapshot is every file under dir with a hash of its bytes, to show that
// a second import changed nothing at all.
func snapshot(t testing.TB, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		out[p] = fmt.Sprintf("%x", sha256.Sum256(data))
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

type wantRow struct {
	row    int
	action Action
	file   string
}

func checkPlan(t *testing.T, plan *Plan, want []wantRow) {
	t.Helper()
	if len(plan.Items) != len(want) {
		t.Fatalf("%d rows planned, want %d: %+v", len(plan.Items), len(want), plan.Items)
	}
	for i, w := range want {
		it := plan.Items[i]
		if it.Row != w.row || it.Action != w.action || w.file != "" && it.File != w.file {
			t.Errorf("row %d: action %d for %s, want row %d action %d for %s", it.Row, it.Action, it.File, w.row, w.action, w.file)
		}
	}
}

func hasDiag(t *testing.T, diags diag.List, want string) {
	t.Helper()
	for _, d := range diags {
		if strings.HasPrefix(d.String(), want) {
			return
		}
	}
	t.Errorf("no problem starting %q among:\n%s", want, diags.Error())
}

// buildsClean builds the site as "coproduce build" does and fails on any
// error, and on any of the emails appearing in content/ or the output.
func buildsClean(t *testing.T, dir string, emails []string) {
	t.Helper()
	out := publish.NewMemory()
	res := site.Build(site.Options{Source: os.DirFS(dir), Output: out})
	if res.Diags.HasErrors() {
		t.Fatalf("the site does not build after the import:\n%s", res.Diags.Error())
	}
	for _, d := range res.Diags {
		if strings.Contains(d.File, "signatories/") && d.Severity == diag.Error {
			t.Error(d.String())
		}
	}
	for _, name := range out.Names() {
		data, _ := out.Get(name)
		for _, e := range emails {
			if strings.Contains(string(data), e) {
				t.Errorf("the output file %s has the respondent's email address %s", name, e)
			}
		}
	}
	filepath.WalkDir(filepath.Join(dir, "content"), func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			data, _ := os.ReadFile(p)
			for _, e := range emails {
				if strings.Contains(string(data), e) {
					t.Errorf("%s has the respondent's email address %s", p, e)
				}
			}
		}
		return nil
	})
}

var microsoftEmails = []string{"sam.jones@riverside.example.org", "ali@harbour.example.org", "jo.brown@willow.example.org", "pat@brightwater.example.org", "Sam Jones", "Jo Brown", "Pat Green"}
var googleEmails = []string{"lee@oakfield.example.org", "kim@stmarks.example.org", "robin@kite.example.org", "nat@greenway.example.org"}

func TestMicrosoftFormsExport(t *testing.T) {
	dir := exampleSite(t)
	plan := prepare(t, dir, "microsoft-forms.csv", Options{})
	checkPlan(t, plan, []wantRow{
		{2, Create, "content/signatories/riverside-food-bank.md"},
		{3, Invalid, ""},
		{4, Create, "content/signatories/willow-tenants-network.md"},
		{5, Update, "content/signatories/brightwater-housing.md"},
	})
	hasDiag(t, plan.Diags, `microsoft-forms.csv:3:7: error: Website (column G): website: "harbour arts website" is not a web address`)
	hasDiag(t, plan.Diags, `microsoft-forms.csv:2:11: warning: Date signed (column K): 03/02/2025 was read as 3 February 2025`)
	if plan.Diags.Count(diag.Error) != 1 {
		t.Errorf("want only the bad website as an error:\n%s", plan.Diags.Error())
	}
	if c := plan.Items[3].Changes; len(c) != 1 || c[0].Key != "region" || c[0].New != "Bristol and Bath" {
		t.Errorf("the update of Brightwater is %+v, want only its region", c)
	}

	before := snapshot(t, dir)
	if len(plan.Items) > 0 && len(snapshot(t, dir)) != len(before) {
		t.Fatal("Prepare wrote a file")
	}
	contacts := filepath.Join(t.TempDir(), "contacts.csv")
	done, err := plan.Write(dir, false, contacts)
	if err != nil {
		t.Fatal(err)
	}
	if len(done.Created) != 2 || len(done.Updated) != 0 {
		t.Errorf("made %v and updated %v, want two pages made and none updated without --update", done.Created, done.Updated)
	}
	page, _ := os.ReadFile(filepath.Join(dir, "content/signatories/willow-tenants-network.md"))
	for _, line := range []string{"signed: 2025-02-01\n", `website: "https://www.willow.example.org"` + "\n", "pledges: [two-way-pledge]\n"} {
		if !strings.Contains(string(page), line) {
			t.Errorf("the page for row 4 lacks %q:\n%s", line, page)
		}
	}
	page, _ = os.ReadFile(filepath.Join(dir, "content/signatories/riverside-food-bank.md"))
	for _, line := range []string{`sector: "Food, housing and advice"`, `  - "We will share the minutes of every meeting."`, `size: "small"`} {
		if !strings.Contains(string(page), line) {
			t.Errorf("the page for row 2 lacks %q:\n%s", line, page)
		}
	}
	people, _ := os.ReadFile(contacts)
	if !strings.Contains(string(people), "riverside-food-bank,Riverside Food Bank,sam.jones@riverside.example.org,Sam Jones") {
		t.Errorf("the contacts file is\n%s", people)
	}
	buildsClean(t, dir, microsoftEmails)
}

func TestGoogleFormsExport(t *testing.T) {
	dir := exampleSite(t)
	plan := prepare(t, dir, "google-forms.csv", Options{})
	checkPlan(t, plan, []wantRow{
		{2, Create, "content/signatories/oakfield-youth-club.md"},
		{3, Create, "content/signatories/st-marks-community-cafe.md"},
		{4, Unchanged, "content/signatories/kite-youth-arts.md"},
		{5, Invalid, ""},
	})
	hasDiag(t, plan.Diags, `google-forms.csv:5:4: error: Website (column D): website: "greenway mental health" is not a web address`)
	for _, d := range plan.Diags {
		if d.Severity == diag.Warning && strings.Contains(d.Problem, "was read as") {
			t.Errorf("18/05/2026 in the column shows the dates are day first; no need to warn: %s", d)
		}
	}
	if _, err := plan.Write(dir, false, ""); err != nil {
		t.Fatal(err)
	}
	page, _ := os.ReadFile(filepath.Join(dir, "content/signatories/st-marks-community-cafe.md"))
	for _, line := range []string{"signed: 2025-02-01\n", "We are a café, a meeting place and a pantry.\n\nCome in for tea and a chat.\n"} {
		if !strings.Contains(string(page), line) {
			t.Errorf("the page for row 3 lacks %q:\n%s", line, page)
		}
	}
	buildsClean(t, dir, googleEmails)
}

// Running the same export again, with --write and --update, changes no
// byte of the site or of the contacts file.
func TestSameImportTwiceChangesNothing(t *testing.T) {
	for _, fixture := range []string{"microsoft-forms.csv", "google-forms.csv"} {
		t.Run(fixture, func(t *testing.T) {
			dir := exampleSite(t)
			contacts := filepath.Join(t.TempDir(), "contacts.csv")
			first, err := prepare(t, dir, fixture, Options{}).Write(dir, true, contacts)
			if err != nil {
				t.Fatal(err)
			}
			if len(first.Created) == 0 || first.ContactsAdded == 0 {
				t.Fatalf("the first import made %v and kept %d contacts", first.Created, first.ContactsAdded)
			}
			before := snapshot(t, dir)
			contactsBefore, _ := os.ReadFile(contacts)
			plan := prepare(t, dir, fixture, Options{})
			if n := plan.Count(Create) + plan.Count(Update); n != 0 {
				t.Errorf("the second run plans %d changes: %+v", n, plan.Items)
			}
			again, err := plan.Write(dir, true, contacts)
			if err != nil {
				t.Fatal(err)
			}
			if len(again.Created)+len(again.Updated)+again.ContactsAdded != 0 {
				t.Errorf("the second run wrote %+v", again)
			}
			after := snapshot(t, dir)
			for name, sum := range before {
				if after[name] != sum {
					t.Errorf("%s changed on the second run", name)
				}
			}
			if len(after) != len(before) {
				t.Errorf("the second run made %d files", len(after)-len(before))
			}
			if contactsAfter, _ := os.ReadFile(contacts); string(contactsAfter) != string(contactsBefore) {
				t.Errorf("the contacts file changed on the second run")
			}
		})
	}
}

// --update changes only the lines of the keys that differ, leaving the
// editor's comments, order and text as they were.
func TestUpdateChangesOnlyTheDifferingLines(t *testing.T) {
	dir := exampleSite(t)
	name := filepath.Join(dir, "content/signatories/brightwater-housing.md")
	old, _ := os.ReadFile(name)
	done, err := prepare(t, dir, "microsoft-forms.csv", Options{}).Write(dir, true, "")
	if err != nil {
		t.Fatal(err)
	}
	if len(done.Updated) != 1 {
		t.Fatalf("updated %v", done.Updated)
	}
	now, _ := os.ReadFile(name)
	want := strings.Replace(string(old), `region: "Bristol"`, `region: "Bristol and Bath"`, 1)
	if string(now) != want {
		t.Errorf("the page after --update is\n%s\nwant\n%s", now, want)
	}
}

// A page made by someone else between the plan and the write is never
// written over.
func TestWriteNeverOverwrites(t *testing.T) {
	dir := exampleSite(t)
	plan := prepare(t, dir, "microsoft-forms.csv", Options{})
	mine := filepath.Join(dir, "content/signatories/riverside-food-bank.md")
	if err := os.WriteFile(mine, []byte("an editor's own page"), 0o644); err != nil {
		t.Fatal(err)
	}
	done, err := plan.Write(dir, false, "")
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(mine); string(got) != "an editor's own page" {
		t.Errorf("the editor's page was written over: %s", got)
	}
	if len(done.Left) != 1 {
		t.Errorf("left %v, want the editor's page reported", done.Left)
	}
}

// The fixtures are the files the forms write, byte for byte: a checkout
// that changed their line ends would quietly test less.
func TestFixturesAreAsTheFormsWriteThem(t *testing.T) {
	ms, _ := os.ReadFile("testdata/microsoft-forms.csv")
	g, _ := os.ReadFile("testdata/google-forms.csv")
	if !strings.HasPrefix(string(ms), "\ufeff") || !strings.Contains(string(ms), "\r\n") {
		t.Error("microsoft-forms.csv should start with a byte-order mark and end its rows with CRLF")
	}
	if strings.HasPrefix(string(g), "\ufeff") || !strings.Contains(string(g), "\r\n") {
		t.Error("google-forms.csv should have no byte-order mark and end its rows with CRLF")
	}
	for _, data := range [][]byte{ms, g} {
		if !strings.Contains(string(data), "\"We will ") || !strings.Contains(string(data), ".\nWe will") {
			t.Error("each fixture should have an answer with a comma and a line break in quotes")
		}
	}
}
