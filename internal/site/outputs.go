package site

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"golang.org/x/text/unicode/norm"

	"github.com/coproduce/coproduce/internal/content"
	"github.com/coproduce/coproduce/internal/diag"
	"github.com/coproduce/coproduce/internal/publish"
)

// Every file a build writes has one owner, decided before anything is
// written. A build lists every path it will write with the source that asks
// for it (claimOutputs); two sources asking for one path is an error naming
// both, and then nothing is written. The output is wrapped in a claimed
// output that refuses a path nobody claimed, so a step that writes a file
// it did not list fails every test instead of silently winning a race.

// owner is who asks for one output file.
type owner struct {
	pos  diag.Pos // where in the site the file is asked for
	what string   // in words, such as "the page content/about.md"
	// reserved marks files the build makes for the site as a whole; the
	// advice for a clash with one differs.
	reserved bool
	page     bool // a page of content/
	seq      int  // the order of the claim: the later of two is the one reported
}

// outputKey is the form of a path two files clash in: hosts on macOS and
// Windows do not tell About/ from about/, and macOS stores accented names
// decomposed, so those are one file there.
func outputKey(name string) string {
	clean, _ := publish.CleanName(name)
	return strings.ToLower(norm.NFC.String(clean))
}

// claims maps each output file to its owner.
type claims struct {
	owners map[string]owner  // by outputKey
	names  map[string]string // outputKey -> the name as claimed
	// folders counts, for the preview's claims, the files claimed inside
	// each folder (an outputKey) at any depth, so that an update finds a
	// file claimed at a folder's name by looking up its own name
	// (fileFolderClashes). A final build makes no update and keeps none.
	folders map[string]int
	seq     int // claims made so far
	// settled are the outputKeys claimed, sorted, once a final build has
	// made every claim (settle); owners and names are nil then.
	settled nameTable
	// unusual are the names claimed, once settled, that are not their
	// own outputKey (a capital letter, say), and their keys: few or none.
	unusual, unusualKeys map[string]bool
}

// newClaims makes room for about n claims: growing the maps a claim at a
// time was most of the cost of claiming 20,000 files.
func newClaims(n int) *claims {
	return &claims{owners: make(map[string]owner, n), names: make(map[string]string, n)}
}

// reservedStamp is the key of the file a build into a folder writes to
// record what it wrote (publish.Stamp); no source may take its address.
var reservedStamp = outputKey(publish.Stamp)

// claim gives name to o, or reports o at its place when another source has
// it already. The first claim wins, and claims are made in a fixed order
// (what the build makes, then pages, static files, content files, aliases),
// so the same site gives the same messages every time.
func (c *claims) claim(name string, o owner, diags *diag.List) {
	key := outputKey(name)
	if key == reservedStamp {
		diags.Errorf(o.pos, "choose another address: /"+publish.Stamp+" is kept for the record a build keeps of what it wrote",
			"%s would replace the build's record at /%s", o.what, publish.Stamp)
		return
	}
	first, taken := c.owners[key]
	if !taken {
		c.seq++
		o.seq = c.seq
		c.owners[key], c.names[key] = o, name
		if c.folders != nil {
			eachFolder(key, func(folder string) { c.folders[folder]++ })
		}
		return
	}
	if first.what == o.what && first.pos == o.pos {
		return // the same source asking twice, as an alias written twice does
	}
	at := "/" + c.names[key]
	fix := "remove or rename one of them, so each address has one source"
	if first.reserved {
		fix = "choose another address: " + at + " is kept for the file the build makes there (docs/content-model.md lists these)"
	}
	diags.Errorf(o.pos, fix, "%s would replace %s at %s", o.what, first.what, at)
}

// countFolders fills folders from the claims made, for the preview's
// updates; claim and unclaim keep it up to date after.
func (c *claims) countFolders() {
	c.folders = make(map[string]int, len(c.owners)/2)
	for key := range c.owners {
		eachFolder(key, func(folder string) { c.folders[folder]++ })
	}
}

// unclaim takes back the file at key, for an update of the preview.
func (c *claims) unclaim(key string) {
	if _, ok := c.owners[key]; !ok {
		return
	}
	delete(c.owners, key)
	delete(c.names, key)
	eachFolder(key, func(folder string) {
		if c.folders[folder]--; c.folders[folder] == 0 {
			delete(c.folders, folder)
		}
	})
}

// eachFolder calls fn with each folder key is inside, outermost first.
func eachFolder(key string, fn func(folder string)) {
	for i := 0; i < len(key); i++ {
		if key[i] == '/' && i > 0 {
			fn(key[:i])
		}
	}
}

// has reports whether name is claimed.
func (c *claims) has(name string) bool {
	if c.owners == nil {
		return c.settled.has(outputKey(name))
	}
	_, ok := c.owners[outputKey(name)]
	return ok
}

// settle keeps only which files are claimed, once every claim is made:
// who asks for each file is needed only to report two asking for one.
// A final build lets it go, about 400 bytes a page in two maps; the
// live preview keeps it for its next claims.
func (c *claims) settle() {
	keys := make([]string, 0, len(c.owners))
	for k := range c.owners {
		keys = append(keys, k)
		if name := c.names[k]; name != k {
			if c.unusual == nil {
				c.unusual, c.unusualKeys = map[string]bool{}, map[string]bool{}
			}
			c.unusual[name], c.unusualKeys[k] = true, true
		}
	}
	slices.Sort(keys)
	packNames(keys)
	c.settled, c.owners, c.names, c.folders = newNameTable(keys), nil, nil, nil
}

// claimedAs reports whether name is claimed exactly as written, once the
// claims are settled: a link to about/index.html does not reach the file
// About/index.html on a host that tells capitals apart, though both have
// one key.
func (c *claims) claimedAs(name string) bool {
	if c.unusual[name] {
		return true
	}
	return c.settled.has(name) && !c.unusualKeys[name]
}

// claimedExactly reports whether name is claimed exactly as written,
// settled or not.
func (c *claims) claimedExactly(name string) bool {
	if c.owners == nil {
		return c.claimedAs(name)
	}
	return c.names[outputKey(name)] == name
}

// each calls fn with each name claimed, exactly as claimed, settled or
// not.
func (c *claims) each(fn func(name string)) {
	if c.owners == nil {
		c.asClaimed(fn)
		return
	}
	for _, name := range c.names {
		fn(name)
	}
}

// asClaimed is each name claimed, exactly as claimed, once settled.
func (c *claims) asClaimed(fn func(name string)) {
	for _, k := range c.settled.names {
		if !c.unusualKeys[k] {
			fn(k)
		}
	}
	for name := range c.unusual {
		fn(name)
	}
}

// declareFiles lists the files the generated steps say they write, by step
// and in the order of the steps. With the last good build of an update in
// which no page, alias or file came or went (prev), the steps whose files
// follow from those alone keep prev's lists: at 10,000 signatories the
// badges' were 10,000 names made on every save that changed a filter.
func (b *builder) declareFiles(steps []generatedStep, prev *builder) {
	b.declaredSteps, b.declared = make([][]string, len(steps)), nil
	for i, step := range steps {
		if prev != nil && step.byPages && len(prev.declaredSteps) == len(steps) {
			b.declaredSteps[i] = prev.declaredSteps[i]
		} else {
			b.declaredSteps[i] = step.files()
		}
		b.declared = append(b.declared, b.declaredSteps[i]...)
	}
}

// claimOutputs claims every file the build will write: the theme's files
// and the site-wide files first, as their addresses are reserved, then each
// page, each file of static/ and of content/, and each alias.
func (b *builder) claimOutputs(final bool, diags *diag.List) *claims {
	steps := b.generatedSteps()
	b.declareFiles(steps, nil)
	files := b.declaredSteps
	c := newClaims(len(b.themeFiles) + len(b.declared) + len(b.rs.Content.Pages) + len(b.rs.Content.Assets) + len(b.static))
	for _, f := range b.themeFiles {
		c.claim(f.published, owner{pos: diag.Pos{File: f.source}, what: "the theme's file " + f.name, reserved: true}, diags)
	}
	for i, step := range steps {
		for _, name := range files[i] {
			c.claim(name, owner{pos: diag.Pos{File: name}, what: step.what, reserved: true}, diags)
		}
	}
	for _, p := range b.rs.Content.Pages {
		file, o := pageClaim(p)
		if c.has(file) && c.owners[outputKey(file)].page {
			continue // two pages at one address: the content loader says so
		}
		c.claim(file, o, diags)
	}
	for _, name := range b.static {
		c.claim(name, owner{pos: diag.Pos{File: staticDir + "/" + name}, what: "the file " + staticDir + "/" + name}, diags)
	}
	for _, name := range b.rs.Content.Assets {
		c.claim(name, assetOwner(name), diags)
	}
	for _, p := range b.rs.Content.Pages {
		aliasClaims(p, func(name string, o owner) { c.claim(name, o, diags) })
	}
	c.fileFolderClashes(nil, diags)
	if !final {
		c.countFolders()
	}
	if final {
		c.settle()
		// Only the preview's next update reads what each step declared;
		// a final build has none, and the names are the claims' now.
		b.declared, b.declaredSteps = nil, nil
	}
	return c
}

// fileFolderClashes reports each file claimed at a name that another
// file claimed needs as its folder: static/about beside the page
// about/index.html, or static/index.html/notes.txt. No folder can hold
// both, so the build would fail when it came to write the second, and
// `coproduce check`, which writes nothing, would pass; the build fails
// here instead, naming both, before anything is written. keys are the
// claims to look at (nil for all): an update of the preview looks only at
// what it claimed, as the last good build had no such clash. With diags
// nil it only reports whether there is one.
func (c *claims) fileFolderClashes(keys []string, diags *diag.List) bool {
	// clashes maps each file claimed where a folder must be to the first
	// file inside it, by name.
	clashes := map[string]string{}
	note := func(file, inside string) {
		if was, seen := clashes[file]; !seen || inside < was {
			clashes[file] = inside
		}
	}
	// underFile notes key when one of its folders is claimed as a file.
	underFile := func(key string) {
		eachFolder(key, func(folder string) {
			if _, isFile := c.owners[folder]; isFile {
				note(folder, key)
			}
		})
	}
	if keys == nil {
		for k := range c.owners {
			underFile(k)
		}
	}
	for _, k := range keys {
		underFile(k)
		if c.folders[k] > 0 {
			// k is a file, and files are claimed inside it.
			prefix := k + "/"
			for inside := range c.owners {
				if strings.HasPrefix(inside, prefix) {
					note(k, inside)
				}
			}
		}
	}
	if diags != nil {
		for _, file := range slices.Sorted(maps.Keys(clashes)) {
			c.reportFileFolder(file, clashes[file], diags)
		}
	}
	return len(clashes) > 0
}

// reportFileFolder reports the file at key file, which the file at key
// inside needs as its folder, at whichever of the two was claimed later
// (the order of claimOutputs), unless that is a file the build makes.
func (c *claims) reportFileFolder(file, inside string, diags *diag.List) {
	f, in := c.owners[file], c.owners[inside]
	problem := fmt.Sprintf("%s would be written at /%s, which must be a folder to hold /%s (from %s)", f.what, c.names[file], c.names[inside], in.what)
	pos, fix := in.pos, "rename one of them: an address cannot be a file and a folder at once"
	switch {
	case f.reserved && !in.reserved:
		fix = "choose another address: /" + c.names[file] + " is kept for the file the build makes there (docs/content-model.md lists these)"
	case in.reserved && !f.reserved:
		pos, fix = f.pos, "choose another address: /"+c.names[file]+" is kept as a folder for the files the build makes in it"
	case f.seq > in.seq:
		pos = f.pos
	}
	diags.Errorf(pos, fix, "%s", problem)
}

// sameList reports whether a and b are one list, kept from one build to
// the next (declareFiles): not whether they hold the same names.
func sameList(a, b []string) bool {
	return len(a) == len(b) && (len(a) == 0 || &a[0] == &b[0])
}

// pageClaim is the file a page asks for, and the page as its owner.
func pageClaim(p *content.Page) (string, owner) {
	return indexFile(p.URL), owner{pos: diag.Pos{File: p.File, Line: 1, Col: 1}, what: "the page " + p.File, page: true}
}

// assetOwner is a file beside the pages as the owner of its copy.
func assetOwner(name string) owner {
	return owner{pos: diag.Pos{File: "content/" + name}, what: "the file content/" + name}
}

// aliasClaims calls claim with the file each of a page's aliases asks for.
func aliasClaims(p *content.Page, claim func(name string, o owner)) {
	for i, a := range p.Aliases {
		pos := diag.Pos{File: p.File, Line: 1, Col: 1}
		if i < len(p.AliasPos) {
			pos = p.AliasPos[i]
		}
		claim(fileForURL(a), owner{pos: pos, what: fmt.Sprintf("the alias %s in %s:%d", a, p.File, pos.Line)})
	}
}

// updateClaims brings the last good build's claims up to date for an
// update of the preview in which pages, aliases or files came or went:
// the files saved take back what they claimed and claim again, and the
// site-wide files that went or came are taken back or claimed. Claiming
// every file again was a tenth of a second at 10,000 signatories. It
// reports false when a claim meets one already made, for claimOutputs to
// make every claim in order and name both sides as a whole build does.
func (b *builder) updateClaims(prev *builder, changed []string) (*claims, bool) {
	if prev.claims == nil || prev.claims.owners == nil {
		return nil, false
	}
	saved := func(file string) bool { return underAny(strings.TrimPrefix(file, "content/"), changed) }
	steps := b.generatedSteps()
	if b.declaredSteps == nil || len(prev.declaredSteps) != len(steps) {
		b.declareFiles(steps, nil)
	}
	// Only the steps whose lists were made again can have files that
	// came or went. A file one of them declares that a kept step
	// declares too is claimed twice, which claimOutputs then reports.
	var redone []int
	before, now := map[string]bool{}, map[string]bool{}
	for i := range steps {
		if !sameList(b.declaredSteps[i], prev.declaredSteps[i]) {
			redone = append(redone, i)
			for _, name := range prev.declaredSteps[i] {
				before[name] = true
			}
			for _, name := range b.declaredSteps[i] {
				now[name] = true
			}
		}
	}
	declaredBy := map[string]string{} // file -> the step that makes it, for the files no step made before
	var gone []string
	for _, i := range redone {
		for _, name := range b.declaredSteps[i] {
			if !before[name] {
				declaredBy[name] = steps[i].what
			}
		}
		for _, name := range prev.declaredSteps[i] {
			if !now[name] {
				gone = append(gone, name)
			}
		}
	}
	for _, p := range prev.rs.Content.Pages {
		if saved(p.File) {
			file, _ := pageClaim(p)
			gone = append(gone, file)
			aliasClaims(p, func(name string, _ owner) { gone = append(gone, name) })
		}
	}
	for _, a := range prev.rs.Content.Assets {
		if saved("content/" + a) {
			gone = append(gone, a)
		}
	}
	c := &claims{owners: maps.Clone(prev.claims.owners), names: maps.Clone(prev.claims.names), folders: maps.Clone(prev.claims.folders), seq: prev.claims.seq}
	for _, name := range gone {
		c.unclaim(outputKey(name))
	}
	clash := false
	var claimed []string
	claim := func(name string, o owner) {
		key := outputKey(name)
		if _, taken := c.owners[key]; taken || key == reservedStamp {
			clash = true
			return
		}
		c.claim(name, o, nil)
		claimed = append(claimed, key)
	}
	for _, name := range b.declared {
		if what, ok := declaredBy[name]; ok {
			claim(name, owner{pos: diag.Pos{File: name}, what: what, reserved: true})
		}
	}
	for _, p := range b.rs.Content.Pages {
		if saved(p.File) {
			claim(pageClaim(p))
			aliasClaims(p, claim)
		}
	}
	for _, a := range b.rs.Content.Assets {
		if saved("content/" + a) {
			claim(a, assetOwner(a))
		}
	}
	if !clash && c.fileFolderClashes(claimed, nil) {
		clash = true // claimOutputs reports it
	}
	return c, !clash
}
