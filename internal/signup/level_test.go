package signup

import (
	"bytes"
	"os"
	"strings"
	"testing"
)

// A Level column puts the level inside the entry of pledges, spelt as the
// pledge spells it, and the page it makes passes check; a level the pledge
// does not have is refused with the levels it has.
func TestLevelColumnGoesInsideThePledgesEntry(t *testing.T) {
	dir := exampleSite(t)
	csv := "Organisation name,Website,Date signed,Pledge level\n" +
		"Nour Café,https://nour.example.org/,2025-02-01,leading\n" +
		"Willow Tenants,https://willow.example.org/,2025-02-02,\n" +
		"Oak Lane,https://oaklane.example.org/,2025-02-03,Gold\n"
	plan, err := Prepare(Options{Source: os.DirFS(dir), File: "a.csv", Data: []byte(csv)})
	if err != nil {
		t.Fatal(err)
	}
	hasDiag(t, plan.Diags, `a.csv:4:4: error: Pledge level (column D): "Gold" is not a level of the pledge signed; write one of: Committed; Leading`)
	var nour, willow []byte
	for _, it := range plan.Items {
		switch it.Name {
		case "Nour Café":
			nour = it.text
		case "Willow Tenants":
			willow = it.text
		}
	}
	want := "pledges:\n  - pledge: two-way-pledge\n    level: \"Leading\"\n"
	if !bytes.Contains(nour, []byte(want)) {
		t.Errorf("the page for a row with a level lacks\n%s\nit is:\n%s", want, nour)
	}
	if !bytes.Contains(willow, []byte("pledges: [two-way-pledge]\n")) {
		t.Errorf("a row with no level should keep the plain list of pledges:\n%s", willow)
	}
	for _, d := range plan.Diags {
		if d.Pos.Line == 2 {
			t.Errorf("the row with a level has a problem: %s", d)
		}
	}
}

// --questions offers the pledge's levels as the choices of a Level question.
func TestQuestionsListLevels(t *testing.T) {
	dir := exampleSite(t)
	var out strings.Builder
	if err := Questions(&out, os.DirFS(dir), ""); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "\"Level\" (choice)\n    Choices: Committed; Leading\n") {
		t.Errorf("the questions do not offer the levels:\n%s", out.String())
	}
}
