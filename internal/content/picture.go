package content

import (
	"io"
	"io/fs"
	"path"
	"strings"

	"github.com/coproduce/coproduce/internal/diag"
	"github.com/coproduce/coproduce/internal/svgsafe"
)

// isSVG reports whether a file under content/ is an SVG picture, which is
// published only when it holds nothing active.
func isSVG(name string) bool {
	return strings.EqualFold(path.Ext(name), ".svg")
}

// checkPicture reads an SVG picture (a logo, an Easy Read picture) and
// reports each script, event handler or outside address in it at its line
// and column: served from the site's own address, such a picture could run
// a script as the site. The picture stays in the site's list of files, so
// a page that shows it is not also told it is missing.
func checkPicture(fsys fs.FS, name string, opts Options, diags *diag.List) {
	file := displayName(opts.Dir, name)
	f, err := fsys.Open(name)
	if err != nil {
		problem, fix := diag.ReadProblem(err)
		diags.Errorf(diag.Pos{File: file}, fix, "%s", problem)
		return
	}
	defer f.Close()
	// One byte more than the limit is enough for Check to refuse it.
	data, err := io.ReadAll(io.LimitReader(f, svgsafe.MaxSize+1))
	if err != nil {
		problem, fix := diag.ReadProblem(err)
		diags.Errorf(diag.Pos{File: file}, fix, "%s", problem)
		return
	}
	for _, p := range svgsafe.Check(data) {
		diags.Errorf(diag.Pos{File: file, Line: p.Line, Col: p.Col}, p.Fix, "%s", p.Problem)
	}
}
