package content

import (
	"bytes"
	"io"
	"io/fs"

	"github.com/coproduce/coproduce/internal/diag"
	"github.com/coproduce/coproduce/internal/picture"
	"github.com/coproduce/coproduce/internal/svgsafe"
)

// Picture is what a build knows of a picture under content/: its size,
// read once from the file's header when the site is read (and again when
// the file is saved), so every page that shows it gives it a width and a
// height, and its weight, for the checks.
type Picture struct {
	Size  picture.Size // zero when the file's size could not be read
	Bytes int64
}

// readPicture reads a picture's size and weight. An SVG is read whole,
// as it is also checked for anything active (see checkSVG). A picture
// that cannot be read keeps a zero Size: pages show it without a width
// and height, and copying it reports the fault.
func readPicture(fsys fs.FS, name string, opts Options, diags *diag.List) Picture {
	file := displayName(opts.Dir, name)
	svg := picture.Kind(name) == "svg"
	f, err := fsys.Open(name)
	if err != nil {
		if svg {
			problem, fix := diag.ReadProblem(err)
			diags.Errorf(diag.Pos{File: file}, fix, "%s", problem)
		}
		return Picture{}
	}
	defer f.Close()
	var pic Picture
	if info, err := f.Stat(); err == nil {
		pic.Bytes = info.Size()
	}
	if !svg {
		pic.Size, _ = picture.Read(name, f)
		return pic
	}
	// One byte more than the limit is enough for Check to refuse it.
	data, err := io.ReadAll(io.LimitReader(f, svgsafe.MaxSize+1))
	if err != nil {
		problem, fix := diag.ReadProblem(err)
		diags.Errorf(diag.Pos{File: file}, fix, "%s", problem)
		return pic
	}
	checkSVG(data, file, diags)
	pic.Size, _ = picture.Read(name, bytes.NewReader(data))
	return pic
}

// checkSVG reports each script, event handler or outside address in an
// SVG picture (a logo, an Easy Read picture) at its line and column:
// served from the site's own address, such a picture could run a script
// as the site. The picture stays in the site's list of files, so a page
// that shows it is not also told it is missing.
func checkSVG(data []byte, file string, diags *diag.List) {
	for _, p := range svgsafe.Check(data) {
		diags.Errorf(diag.Pos{File: file, Line: p.Line, Col: p.Col}, p.Fix, "%s", p.Problem)
	}
}
