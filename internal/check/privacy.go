package check

import (
	"github.com/coproduce/coproduce/internal/content"
	"github.com/coproduce/coproduce/internal/diag"
	"github.com/coproduce/coproduce/internal/markdown"
	"github.com/coproduce/coproduce/internal/privacy"
)

// checkPrivacy reports the email addresses, UK phone numbers, postcodes
// and street addresses in a case study marked anonymised: true, in its
// front matter and its body, as errors: publishing one could identify the
// people the story promised to keep anonymous. The message never repeats
// the detail, since it may be read in a public log.
func checkPrivacy(p *content.Page, ix *lineIndex, at func(markdown.Pos) diag.Pos, ownDomain string, diags *messages) {
	if p.Kind != content.KindCaseStudy || !p.Anonymised() {
		return
	}
	for _, d := range p.PrivateDetails() {
		diags.Errorf(p.At(d.At), d.Kind.Fix(), "%s", d.Kind.Problem())
	}
	for _, f := range privacy.Find(string(p.Body), ownDomain) {
		diags.Errorf(at(ix.pos(f.Start)), f.Kind.Fix(), "%s", f.Kind.Problem())
	}
}
