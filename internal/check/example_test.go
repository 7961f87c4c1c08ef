package check_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/coproduce/coproduce/internal/check"
)

// TestExampleSite holds the example site in content/ to its own rules: it
// must pass every check with no errors and no warnings. Run with -v to see
// each page's reading age.
func TestExampleSite(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the whole example site")
	}
	diags := buildReport(t, "../..")
	if len(diags) > 0 {
		t.Errorf("the example site has %s:\n%s", diags.Summary(), strings.Join(lines(diags), "\n"))
	}
	res := buildSite(t, "../..")
	var b strings.Builder
	for _, p := range res.Site.Pages {
		if p.Lang != "" {
			continue
		}
		m := check.Measure(p.Body)
		fmt.Fprintf(&b, "%-50s age %2d  (%d words, %d sentences)\n", p.File, m.ReadingAge(), m.Words, m.Sentences)
	}
	t.Logf("reading ages:\n%s", b.String())
}
