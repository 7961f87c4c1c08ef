package sitefiles

import "testing"

func TestClassify(t *testing.T) {
	cases := []struct {
		path string
		want Class
	}{
		{"site.yaml", Config},
		{"content/about.md", Page},
		{"content/news/2024/first.md", Page},
		{"content/notes.md.txt", MisnamedPage},
		{"content/notes.MD", MisnamedPage},
		{"content/notes.markdown", MisnamedPage},
		{"content/pic.png", Asset},
		{"content/logo.svg", Asset},
		{"content/_redirects", Asset},
		{"content/about/index.html", Active},
		{"content/page.HTM", Active},
		{"content/x.js", Active},
		{"content/x.mjs", Active},
		{"content/style.css", Active},
		{"content/pic.svgz", Active},
		{"content/feed.xml", Active},
		// Editors' temporary files, in any folder a build reads.
		{"content/#page.md#", EditorTemp},
		{"content/.#page.md", EditorTemp},
		{"content/.page.md.swp", EditorTemp},
		{"content/page.md~", EditorTemp},
		{"content/4913", EditorTemp},
		{"content/page.md___jb_tmp___", EditorTemp},
		{"content/page.md___jb_old___", EditorTemp},
		{"content/page.md.kate-swp", EditorTemp},
		{"content/pic.png.crdownload", EditorTemp},
		{"content/.git/config", EditorTemp},
		{"content/.DS_Store", EditorTemp},
		{"templates/.page.html.swp", EditorTemp},
		{"themes/mine/templates/#x.html#", EditorTemp},
		{"static/#draft.html#", EditorTemp},
		// static/ may hold the hidden files hosts look for.
		{"static/.well-known/security.txt", Static},
		{"static/.htaccess", Static},
		{"static/google123.html", Static},
		{"static/CNAME", Static},
		{"content/.htaccess", EditorTemp},
		{"templates/page.html", Template},
		{"themes/mine/static/x.css", Theme},
		{"README.md", Unrelated},
		{"public/index.html", Unrelated},
		{".git/HEAD", Unrelated},
	}
	for _, c := range cases {
		if got := Classify(c.path); got != c.want {
			t.Errorf("Classify(%q) = %d, want %d", c.path, got, c.want)
		}
	}
}

func TestSkipDirKeepsFoldersNamedWithDigits(t *testing.T) {
	if SkipDir("content/news/2024") {
		t.Error("a folder named 2024 is skipped; only a file of that name is vim's test file")
	}
	for _, d := range []string{"content/.git", "content/drafts~", "static/.cache"} {
		if !SkipDir(d) {
			t.Errorf("SkipDir(%q) = false, want true", d)
		}
	}
	if SkipDir("static/.well-known") {
		t.Error("static/.well-known is skipped; hosts look for security.txt there")
	}
}
