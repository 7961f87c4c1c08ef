package site_test

import (
	"fmt"
	"strings"
	"testing"
)

// A mistake in a template is one message at the template's own file and
// line, however many pages use it, and a partial that includes itself
// forever is stopped with a message rather than ending the program.
func TestTemplateFaultReportedOnceAtTheTemplate(t *testing.T) {
	for name, tc := range map[string]struct{ footer, want string }{
		"typo": {
			"<footer>\n  <p>{{.Page.Titel}}</p>\n</footer>",
			"templates/partials/footer.html:2:13: the template could not run {{.Page.Titel}}: can't evaluate field Titel in type *content.Page, so 41 pages, such as content/_index.md could not be made",
		},
		"includes itself": {
			"<footer>\n{{partialCached \"partials/footer.html\" . .Lang}}</footer>",
			"templates/partials/footer.html:2:3: partialCached \"partials/footer.html\" is called inside itself more than 32 levels deep",
		},
	} {
		t.Run(name, func(t *testing.T) {
			files := with(map[string]string{"templates/partials/footer.html": tc.footer})
			for i := range 38 {
				files[fmt.Sprintf("content/notes/note-%02d.md", i)] = "---\ntitle: Note\nsummary: x\n---\nHello.\n"
			}
			// Built into memory, as the preview builds: the pages that
			// were not made are not reported again at every link to
			// them (a build into a folder never did).
			res, _ := build(files, "", false)
			errs := errorLines(res)
			if len(errs) != 1 || !strings.HasPrefix(errs[0], tc.want) {
				t.Errorf("got %d errors:\n%s\nwant one starting %s", len(errs), strings.Join(errs, "\n"), tc.want)
			}
		})
	}
}
