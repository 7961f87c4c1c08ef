package signup

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/coproduce/coproduce/internal/content"
	"github.com/coproduce/coproduce/internal/diag"
	"github.com/coproduce/coproduce/internal/markdown"
)

// Every key the import can write is one package content reads for a
// signatory, so a new line in Fields cannot make pages that check refuses.
func TestFieldsAreSignatoryKeys(t *testing.T) {
	known := content.KnownKeys(content.KindSignatory)
	for _, f := range Fields {
		if f.Key != Description && !slices.Contains(known, f.Key) && !slices.Contains(content.PledgeEntryKeys, f.Key) {
			t.Errorf("Fields maps headers to %q, which is not a signatory key", f.Key)
		}
		if normHeader(f.Headers[0]) == "" {
			t.Errorf("%s has no header", f.Key)
		}
	}
}

func TestReadDate(t *testing.T) {
	day := func(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }
	for _, c := range []struct {
		in        string
		order     DateOrder
		want      time.Time
		ambiguous bool
	}{
		{"2025-02-01", DayFirst, day(2025, 2, 1), false},
		{"2025-02-01 10:30:00", DayFirst, day(2025, 2, 1), false},
		{"2025-02-01T10:30:00Z", DayFirst, day(2025, 2, 1), false},
		{"2025/02/03 9:12:05 AM GMT", MonthFirst, day(2025, 2, 3), false},
		{"1/2/2025", DayFirst, day(2025, 2, 1), true},
		{"1/2/2025", MonthFirst, day(2025, 1, 2), true},
		{"01/02/25 10:31", DayFirst, day(2025, 2, 1), true},
		{"13/2/2025", DayFirst, day(2025, 2, 13), false},
		{"2/2/2025", DayFirst, day(2025, 2, 2), false},
		{"1.2.2025", DayFirst, day(2025, 2, 1), true},
		{"1 February 2025", MonthFirst, day(2025, 2, 1), false},
		{"February 1, 2025", DayFirst, day(2025, 2, 1), false},
		{"Saturday, 1st February 2025", DayFirst, day(2025, 2, 1), false},
		{"1 Sept 2025", DayFirst, day(2025, 9, 1), false},
	} {
		got := readDate(c.in, c.order)
		if !got.ok || !got.date.Equal(c.want) || got.ambiguous != c.ambiguous {
			t.Errorf("readDate(%q, %s) = %+v, want %s ambiguous %v", c.in, c.order, got, c.want.Format(time.DateOnly), c.ambiguous)
		}
	}
	for _, in := range []string{"31/2/2025", "13/13/2025", "30 February 2025"} {
		if got := readDate(in, DayFirst); got.ok || !got.nearly {
			t.Errorf("readDate(%q) = %+v, want a date that does not exist", in, got)
		}
	}
	for _, in := range []string{"soon", "last week", "2025", "1/2"} {
		if got := readDate(in, DayFirst); got.ok {
			t.Errorf("readDate(%q) = %+v, want no date", in, got)
		}
	}
}

func TestColumnOrder(t *testing.T) {
	for _, c := range []struct {
		answers []string
		want    DateOrder
	}{
		{[]string{"1/2/2025", "18/05/2026"}, DayFirst},
		{[]string{"1/2/2025", "5/18/2026"}, MonthFirst},
		{[]string{"1/2/2025", "3/4/2025"}, OrderUnknown},
		{[]string{"13/2/2025", "2/13/2025"}, OrderUnknown},
		{[]string{"2025-02-13"}, OrderUnknown},
	} {
		if got := columnOrder(c.answers); got != c.want {
			t.Errorf("columnOrder(%q) = %v, want %v", c.answers, got, c.want)
		}
	}
}

// A free-text answer is shown as the organisation wrote it: nothing in it
// becomes a heading, a list, a link, emphasis or markup.
func TestAnswersAreShownAsWritten(t *testing.T) {
	answers := []string{
		"# We are number one",
		"<script>alert(1)</script> and <b>bold</b>",
		"[our site](javascript:alert(1)) and ![logo](x.png)",
		"* not a list, _not_ emphasis, **not** strong",
		"1. not a numbered list",
		"- not a bullet",
		"    four spaces are not code",
		"Tea &amp; cake, `not code`, ~~not struck~~, a | pipe",
		"> not a quote",
		"===",
	}
	conv := markdown.New()
	for _, a := range answers {
		var html bytes.Buffer
		if _, err := conv.Convert([]byte(paragraphs(a)), &html, nil); err != nil {
			t.Fatal(err)
		}
		out := html.String()
		for _, tag := range []string{"<h1", "<h2", "<ul", "<ol", "<li", "<a ", "<img", "<em", "<strong", "<code", "<pre", "<del", "<blockquote", "<script", "<b>", "<table"} {
			if strings.Contains(out, tag) {
				t.Errorf("%q became %q, which has %s", a, out, tag)
			}
		}
	}
	var html bytes.Buffer
	conv.Convert([]byte(paragraphs("Tea &amp; cake <b>")), &html, nil)
	if !strings.Contains(html.String(), "Tea &amp;amp; cake &lt;b&gt;") {
		t.Errorf("the text is not kept as written: %s", html.String())
	}
}

func TestDomainAndNameKeys(t *testing.T) {
	same := [][2]string{
		{"https://www.kite.org.uk/", "http://kite.org.uk/about"},
		{"https://KITE.org.uk", "https://m.kite.org.uk/"},
		{"https://www.facebook.com/kitearts", "https://facebook.com/KiteArts/"},
	}
	for _, p := range same {
		if domainKey(p[0]) != domainKey(p[1]) {
			t.Errorf("%s and %s should be the same organisation's", p[0], p[1])
		}
	}
	if domainKey("https://facebook.com/kitearts") == domainKey("https://facebook.com/nourcafe") {
		t.Error("two organisations' Facebook pages are not one organisation")
	}
	if nameKey("The Kite Arts Trust") != nameKey("kite arts trust") || nameKey("Café Nour") != nameKey("Cafe Nour") {
		t.Error("names differing only in case, accents or a leading The are one organisation")
	}
}

func TestMapping(t *testing.T) {
	data := []byte("columns:\n  \"What is your organisation called?\": title\n  \"Web link\": website\n  \"Your email\": contact\n  \"How did you hear about us?\": skip\ndates: month first\n")
	m, diags := ParseMapping("map.yaml", data)
	if m == nil || len(diags) > 0 {
		t.Fatal(diags)
	}
	dir := exampleSite(t)
	csv := "Timestamp,What is your organisation called?,Web link,Your email,How did you hear about us?,Date signed\n" +
		"1/2/2025 10:00,Nour Café,https://nour.example.org/,amal@nour.example.org,A friend,1/2/2025\n"
	plan, err := Prepare(Options{Source: os.DirFS(dir), File: "a.csv", Data: []byte(csv), Mapping: m})
	if err != nil {
		t.Fatal(err)
	}
	if plan.Count(Create) != 1 || len(plan.Diags) != 0 {
		t.Fatalf("plan %+v, problems %v", plan.Items, plan.Diags)
	}
	if !bytes.Contains(plan.Items[0].text, []byte("signed: 2025-01-02\n")) || bytes.Contains(plan.Items[0].text, []byte("amal@")) || bytes.Contains(plan.Items[0].text, []byte("friend")) {
		t.Errorf("the page is\n%s", plan.Items[0].text)
	}

	for _, c := range []struct{ data, want string }{
		{"columns:\n  Website: webiste\n", "map.yaml:2:12: error: \"webiste\" is not something a column can fill; did you mean website?"},
		{"colums:\n  Website: website\n", "map.yaml:1:1: error: \"colums\" is not a setting of a mapping file; did you mean columns?"},
		{"dates: sometimes\n", "map.yaml:1:8: error: dates should say which comes first"},
	} {
		if _, diags := ParseMapping("map.yaml", []byte(c.data)); !strings.HasPrefix(diags.Error(), c.want) {
			t.Errorf("%q: got %q, want %q", c.data, diags.Error(), c.want)
		}
	}
}

// The rows a form sends wrongly are each reported at their own cell, all
// in one run, in the column's own words.
func TestRowProblems(t *testing.T) {
	dir := exampleSite(t)
	csv := "Organisation name,Website,Date signed,Size,Pledge,About your organisation\n" +
		",https://a.example.org/,2025-02-01,small,The two-way pledge,\n" +
		"B Trust,,31/2/2025,huge,Pay pledge,\n" +
		"C Trust,https://c.example.org/,soon,small,,\n" +
		"D Trust,https://d.example.org/,2025-02-01,small,two-way-pledge,\"We, the board of trustees of D Trust together with all our staff and volunteers and the people who use our services across the county, have agreed unanimously and with great enthusiasm to sign this pledge.\"\n" +
		"D Trust,https://www.d.example.org,2025-02-02,small,two-way-pledge,\n" +
		"E\u0007 Trust,https://e.example.org/,2025-02-01,small,two-way-pledge,\n"
	plan, err := Prepare(Options{Source: os.DirFS(dir), File: "a.csv", Data: []byte(csv)})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"a.csv:2:1: error: Organisation name (column A): the answer is empty",
		"a.csv:3:2: error: Website (column B): the answer is empty",
		`a.csv:3:3: error: Date signed (column C): "31/2/2025" is not a real date`,
		`a.csv:3:4: error: Size (column D): size "huge" is not one of the allowed sizes; write one of: micro, small, medium, large`,
		`a.csv:3:5: error: Pledge (column E): "Pay pledge" is not a pledge on this site; write one of: The two-way pledge`,
		`a.csv:4:3: error: Date signed (column C): "soon" is not a date`,
		"a.csv:4:5: error: Pledge (column E): the answer is empty",
		"a.csv:5:6: warning: About your organisation (column F): ",
		"a.csv:7:1: error: Organisation name (column A): title has an invisible control character in it",
	} {
		hasDiag(t, plan.Diags, want)
	}
	checkPlan(t, plan, []wantRow{{2, Invalid, ""}, {3, Invalid, ""}, {4, Invalid, ""}, {5, Create, "content/signatories/d-trust.md"}, {6, Repeat, ""}, {7, Invalid, ""}})
	if plan.Items[4].RepeatOf != 5 {
		t.Errorf("row 6 repeats row %d, want 5", plan.Items[4].RepeatOf)
	}
	row7 := 0
	for _, d := range plan.Diags {
		if d.Line == 5 && d.Severity == diag.Error {
			t.Errorf("row 5 has only warnings: %s", d)
		}
		if d.Line == 7 {
			row7++
		}
	}
	if row7 != 1 {
		t.Errorf("row 7 has one mistake, in its name, reported %d times:\n%s", row7, plan.Diags.Error())
	}
}

func TestContactsPlace(t *testing.T) {
	site := t.TempDir()
	for _, bad := range []string{"content/contacts.csv", "static/people.csv", "public/x.csv"} {
		if _, err := ContactsPlace(site, filepath.Join(site, bad)); err == nil {
			t.Errorf("%s is published, so the contacts file must not go there", bad)
		}
	}
	if warn, err := ContactsPlace(site, filepath.Join(site, "contacts.csv")); err != nil || warn == "" {
		t.Errorf("inside the site folder: want a warning, got %q, %v", warn, err)
	}
	if warn, err := ContactsPlace(site, filepath.Join(filepath.Dir(site), "contacts.csv")); err != nil || warn != "" {
		t.Errorf("outside the site folder: want no warning, got %q, %v", warn, err)
	}
}

// Columns the import does not know are left out and named; a column of
// email addresses is kept off the page whatever its header says.
func TestUnknownAndPersonalColumnsAreLeftOut(t *testing.T) {
	dir := exampleSite(t)
	csv := "Organisation name,Website,Date signed,Membership tier,Reminders go to,Phone number\n" +
		"Nour Café,https://nour.example.org/,2025-02-01,Gold,amal@nour.example.org,+44 117 496 0000\n"
	plan, err := Prepare(Options{Source: os.DirFS(dir), File: "a.csv", Data: []byte(csv)})
	if err != nil {
		t.Fatal(err)
	}
	hasDiag(t, plan.Diags, `a.csv:1:4: warning: Membership tier (column D) is not a question the import knows, so its answers are left out`)
	if len(plan.Diags) != 1 || plan.Count(Create) != 1 {
		t.Fatalf("plan %+v, problems:\n%s", plan.Items, plan.Diags.Error())
	}
	for _, leak := range []string{"Gold", "amal@", "496"} {
		if bytes.Contains(plan.Items[0].text, []byte(leak)) {
			t.Errorf("%q is on the page:\n%s", leak, plan.Items[0].text)
		}
	}
	if plan.Contacts.Len() != 1 || !slices.Equal(plan.Contacts.Columns(), []string{"Reminders go to", "Phone number"}) {
		t.Errorf("contacts: %d rows, columns %q", plan.Contacts.Len(), plan.Contacts.Columns())
	}
	var merged []byte
	merged, _, _ = plan.Contacts.merge(nil)
	if !strings.Contains(string(merged), "nour-cafe,Nour Café,amal@nour.example.org,'+44 117 496 0000") {
		t.Errorf("the contacts file is\n%s", merged)
	}
}

// Without a Date signed question, the day the form was sent is the date
// signed, and the plan says so.
func TestSignedFromTheFormsTimestamp(t *testing.T) {
	dir := exampleSite(t)
	for _, c := range []struct{ csv, want string }{
		{"Timestamp,Organisation name,Website\n2025/02/03 9:12:05 AM GMT,Nour Café,https://nour.example.org/\n", "signed: 2025-02-03\n"},
		{"ID,Start time,Completion time,Organisation name,Website\n1,2/3/25 9:00,2/3/25 9:12,Nour Café,https://nour.example.org/\n", "signed: 2025-03-02\n"},
	} {
		plan, err := Prepare(Options{Source: os.DirFS(dir), File: "a.csv", Data: []byte(c.csv)})
		if err != nil {
			t.Fatal(err)
		}
		if plan.Count(Create) != 1 || !bytes.Contains(plan.Items[0].text, []byte(c.want)) {
			t.Errorf("%q: plan %+v, problems %v", c.csv, plan.Items, plan.Diags)
			continue
		}
		if !strings.Contains(strings.Join(plan.Notes, "\n"), "is the date signed") {
			t.Errorf("the plan does not say where the date came from: %q", plan.Notes)
		}
	}
}

// Someone who sends the form twice, the first time with a mistake, has the
// second answer imported.
func TestCorrectedAnswerBelowAMistakeIsImported(t *testing.T) {
	dir := exampleSite(t)
	for _, csv := range []string{
		// a date the import cannot read
		"Organisation name,Website,Date signed\n" +
			"Nour Café,https://nour.example.org/,31/2/2025\n" +
			"Nour Café,https://nour.example.org/,28/2/2025\n",
		// a website that check refuses
		"Organisation name,Website,Date signed\n" +
			"Nour Café,nour café,28/2/2025\n" +
			"Nour Café,https://nour.example.org/,28/2/2025\n",
	} {
		plan, err := Prepare(Options{Source: os.DirFS(dir), File: "a.csv", Data: []byte(csv)})
		if err != nil {
			t.Fatal(err)
		}
		checkPlan(t, plan, []wantRow{{2, Invalid, ""}, {3, Create, "content/signatories/nour-cafe.md"}})
	}
}
