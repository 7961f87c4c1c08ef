// Package check holds the rules an editor's content is checked against,
// beyond what reading the front matter already reports, and their messages.
//
// It promises that every problem is one diag.Diagnostic with the file, line
// and column where the editor can fix it, a plain statement of what is
// wrong and what to write instead; that it never panics on any body; and
// that the same content always gives the same messages.
//
// # Rules
//
// [Page] checks one page's body, from the markdown.Report of its
// conversion and the body itself:
//
//   - in a case study marked anonymised: true, an email address, UK phone
//     number, postcode or street address in the front matter or the body
//     (error at each, never repeating it; see package privacy);
//   - an image without alt text (error), and alt text that says nothing:
//     a file name, one word for a picture (in English or Welsh), or the
//     page's title again, in the body or in logo_alt (warning);
//   - a link with no words (error); link text that does not say where the
//     link goes, such as "click here", "here", "read more", "more", "this
//     page" or "link", or a bare web address as text (warning);
//   - a level 1 heading (#) in the body, since the page title is the one
//     main heading, and a heading that skips a level, such as ### straight
//     after the title (warning);
//   - a heading whose id the theme already gives to a part of the same
//     page, such as ## How to sign on a pledge ([ThemeIDs]) (error);
//   - a link, autolinks included, that starts with a scheme other than
//     https, http, mailto or tel, such as <javascript:...> (error; the
//     advice never repeats the address);
//   - HTML pasted into the Markdown, such as <b>, <span style> or an
//     embed code, which the page shows as text (warning at each tag, with
//     the Markdown to write instead);
//   - a link or picture whose address has a space, such as
//     ![The team](My Photo.png), which Markdown leaves as text (warning,
//     with the <My Photo.png> form and a name without spaces);
//   - plain English (warnings): sentences over 25 words, paragraphs over 80
//     words, and a reading age above the site's target;
//   - a picture (PNG, JPEG, GIF, WebP, AVIF) more than twice as wide as the
//     sharpest it is ever shown in a page's column (warning, with the
//     width to resize it to; see pictures.go and package picture).
//
// [Site] checks across pages: two files whose addresses differ only in
// capital letters (error), file names with capitals, spaces or other
// characters that make awkward addresses (warning), and a signatory's logo
// over [MaxLogoBytes] or more than twice as wide as the sharpest it is
// ever shown (warning, at the logo: line).
//
// Every message belongs to a rule that "coproduce check --rule" names
// (diag.Rules), and every message reads at the site's default reading age
// (messages_test.go reads them all with the checks of this package).
//
// Broken links, links to missing .md files and anchors are checked by the
// build itself, which knows every file it wrote; front matter is checked
// as it is read, by package content.
//
// # Reading age
//
// The reading age of a page is the Automated Readability Index (ARI), the
// US school grade that can read the text, plus five, since US grade 1 starts
// at about age 6:
//
//	grade = 4.71 × letters/words + 0.5 × words/sentences − 21.43
//	age   = round(grade + 5), at least 5
//
// ARI counts letters rather than syllables, so it needs no dictionary and
// works the same on every word. Only running text counts: paragraphs and
// list items, not headings, tables, code or image alt text. Each list item
// ends a sentence, as a reader takes it in as one. Hyphens, dashes and
// slashes separate words ("lived-experience" is two words). A code span or
// a bare web address counts as one short word.
//
// Two adjustments keep the estimate honest for the sites this tool makes:
// names (capitalised words inside a sentence, such as "Greater Manchester")
// are left out of letters per word, because readers take a name in whole.
// There is no allowance on top of the target ([Margin] is 0): a page whose
// age is even one year above reading_age is flagged, although formulas like
// this one are only good to about two years either way, because the target
// is what GOV.UK asks for and a site wanting slack can raise reading_age
// where everyone sees it. Pages with fewer than [MinWordsForAge] words are not
// given an age at all, and pages in another language than the site's are
// not measured, since the formula is for English.
//
// The target is reading_age in site.yaml, default 9, the GOV.UK target.
package check
