// Package defaulttheme holds the default theme, embedded so that the
// coproduce binary can build a site anywhere without a copy of the theme.
package defaulttheme

import "embed"

// FS holds templates/, static/ and i18n/ (the theme's words in each
// language) of the default theme.
//
//go:embed templates static i18n
var FS embed.FS
