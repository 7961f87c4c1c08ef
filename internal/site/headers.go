package site

import (
	"sort"
	"strings"
)

// contentSecurityPolicy allows only the site's own files: no inline script
// or style, no plugins, no framing. The default theme is written for it
// (no <script> without src, no style= attribute), so an injected script in
// a page's Markdown cannot run. Pictures come only from the site too: the
// certificate's QR code is SVG inside the page, and a Markdown picture
// with a data: address is refused by the link checks.
const contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; " +
	"font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'"

// securityHeaders go on every response.
var securityHeaders = [][2]string{
	{"Content-Security-Policy", contentSecurityPolicy},
	{"X-Content-Type-Options", "nosniff"},
	{"Referrer-Policy", "strict-origin-when-cross-origin"},
	{"Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"},
	{"X-Frame-Options", "DENY"},
	{"Cross-Origin-Opener-Policy", "same-origin"},
}

// SecurityHeaders returns the headers every published response should
// carry, so the development server can send the same ones and a page that
// breaks under the policy breaks in the preview, not first on the host.
func SecurityHeaders() [][2]string { return append([][2]string(nil), securityHeaders...) }

// immutable lets a host and every browser keep a fingerprinted file for a
// year: a changed file gets a new name, so no reader ever sees a stale one.
const immutable = "public, max-age=31536000, immutable"

// writeHeaders writes _headers, the file Netlify and Cloudflare Pages read
// to add HTTP headers. Paths carry the base path, because a site built for
// https://example.org/coproduction/ is served from /coproduction/ on its
// host. Other hosts ignore the file.
func (b *builder) writeHeaders(o output) error {
	base := b.rs.Config.BasePath()
	var s strings.Builder
	s.WriteString("# Written by coproduce: HTTP headers for Netlify and Cloudflare Pages.\n")
	s.WriteString(base + "*\n")
	for _, h := range securityHeaders {
		s.WriteString("  " + h[0] + ": " + h[1] + "\n")
	}
	var assets []string
	for _, published := range b.rs.Assets {
		assets = append(assets, published)
	}
	sort.Strings(assets) // the same site gives the same file
	for _, a := range assets {
		s.WriteString("\n" + base + strings.TrimPrefix(a, "/") + "\n")
		s.WriteString("  Cache-Control: " + immutable + "\n")
	}
	return o.rec.WriteFile("_headers", []byte(s.String()))
}
