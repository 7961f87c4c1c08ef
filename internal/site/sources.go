package site

// PageSources finds the page of the last good build published as a file
// (such as "principles/equal-voice/index.html") and gives the content file
// that made it (such as "content/principles/equal-voice.md"), so the live
// preview can show a page's own warnings whatever its address: a
// translation, an Easy Read twin or a page with a folder of its own. It
// gives "" for a file no content file makes, such as a signatory filter.
// It looks in the build that was the last good one when it was called, as
// the preview calls it after each update; a map of every page made on
// every save was a few milliseconds at 10,000 signatories.
func (inc *Incremental) PageSources() func(published string) string {
	if inc.b == nil || inc.b.rs == nil || inc.b.rs.Content == nil {
		return func(string) string { return "" }
	}
	site := inc.b.rs.Content
	return func(published string) string {
		if p := pageOfFile(site, published); p != nil {
			return p.File
		}
		return ""
	}
}
