package picture

// How large the default theme ever shows each kind of picture, in CSS
// pixels at a reader's own default text size (1rem = 16 pixels). They are
// read from themes/default/static/style.css; change them with it.

// Box is the largest width and height a picture is shown at; 0 is no
// limit.
type Box struct{ Width, Height int }

// LogoBox holds a signatory's logo, on its page and its printed
// certificate: ".logo { max-height: 6rem }" is 96 pixels high, and the
// page, ".width-container { max-width: 64rem }", is 1024 wide. The
// certificate's own limits (3cm by 8cm, about 113 by 302 pixels) are
// higher than 96, so it shows the logo no larger.
var LogoBox = Box{Width: 1024, Height: 96}

// ColumnWidth is the widest a picture in a page's words is shown: the
// column of text, ".easy-read .body { max-width: 36em }" at Easy Read's
// 1.5rem text, 864 pixels. Other pages' columns are narrower
// (".body { max-width: 40em }" at 1.1875rem text, 760 pixels), and an
// Easy Read picture at the start of a line is smaller still (7.5rem); a
// picture may be shown on any kind of page, so the widest counts.
const ColumnWidth = 864

// Density is how many of a screen's pixels make one CSS pixel on the
// high-resolution screens of most phones and many laptops. A picture
// Density times as wide as it is shown looks sharp on them; any wider
// only makes it slower to load.
const Density = 2
