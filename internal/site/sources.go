package site

// PageSources maps each page of the last good build, by the file it was
// published as (such as "principles/equal-voice/index.html"), to the
// content file that made it (such as "content/principles/equal-voice.md"),
// so the live preview can show a page's own warnings whatever its address:
// a translation, an Easy Read twin or a page with a folder of its own.
// Pages that no content file makes, such as the signatory filters, are not
// in it. Call it between updates, as the preview does after each one.
func (inc *Incremental) PageSources() map[string]string {
	if inc.b == nil || inc.b.rs == nil || inc.b.rs.Content == nil {
		return nil
	}
	pages := inc.b.rs.Content.Pages
	out := make(map[string]string, len(pages))
	for _, p := range pages {
		out[indexFile(p.URL)] = p.File
	}
	return out
}
