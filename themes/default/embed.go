// Package defaulttheme holds the default theme, embedded so that the
// coproduce binary can build a site anywhere without a copy of the theme.
package defaulttheme

import "embed"

// FS holds templates/ and static/ of the default theme.
//
//go:embed templates static
var FS embed.FS
