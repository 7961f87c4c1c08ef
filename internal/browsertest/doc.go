// Package browsertest proves, in a real headless Chromium, that the site
// coproduce builds from the example content meets the accessibility bar set in
// shared/accessibility.md. It has no code of its own: everything is in the
// tests, which build the real CLI, build the example site (once at the root of
// a host and once under the sub-path /coproduction/), serve the output over
// HTTP on 127.0.0.1, and check every page type:
//
//   - axe-core finds no WCAG 2.2 A/AA or best-practice violation, in the light
//     and the dark colour scheme (axe_test.go);
//   - the page reflows at 320 CSS px with no horizontal scrolling
//     (reflow_test.go);
//   - from a fresh load, Tab reaches the skip link first and the header
//     navigation next (keyboard_test.go);
//   - with JavaScript off, the main content and its h1 still show
//     (nojs_test.go);
//   - the Nu HTML Checker finds no error in any HTML or CSS file
//     (vnu_test.go);
//   - under a sub-path, every same-site link and asset resolves and stays
//     inside the sub-path, and every alias page redirects to a real page
//     (subpath_test.go);
//   - full-page screenshots of one page per type, at 320 and 1280 px, land in
//     .screenshots/ for people to look at (screenshots_test.go).
//
// The tools (Chromium, node_modules from `npm ci`, Java) are not Go modules. A
// test that lacks one skips with the command that installs it, except when the
// environment variable CI is set: then a missing tool fails the test, so CI can
// never pass by skipping.
//
// Run the browser tests alone from the repository root with:
//
//	go test -count=1 ./internal/browsertest/
package browsertest
