package browsertest

import (
	"strings"
	"testing"
)

// Easy Read in a real browser: the pages keep the one sentence to a line
// they are written in, and every page with an Easy Read twin links to it
// at the top, before the heading, where a reader who needs it looks first.

const easyReadLinkScript = `(() => {
	const link = document.querySelector('main .easy-read-link a');
	if (!link) return {found: false};
	const h1 = document.querySelector('main h1');
	const firstH2 = document.querySelector('main h2');
	const r = link.getBoundingClientRect();
	return {
		found: true,
		beforeH1: !!h1 && !!(link.compareDocumentPosition(h1) & Node.DOCUMENT_POSITION_FOLLOWING),
		beforeH2: !firstH2 || !!(link.compareDocumentPosition(firstH2) & Node.DOCUMENT_POSITION_FOLLOWING),
		onFirstScreen: r.top + window.scrollY < window.innerHeight,
	};
})()`

func TestEasyReadLinkAtTheTop(t *testing.T) {
	requireChromium(t)
	s := rootSite(t)
	tabs := newTabPool(t, tabSetup{width: 320, height: 640})
	tested := 0
	for _, p := range s.pagesToTest() {
		if !fileContains(t, s, p, "easy-read-link") {
			continue
		}
		tested++
		t.Run(p.kindName()+"/"+p.name(), func(t *testing.T) {
			ctx := tabs.openPage(t, s, p)
			r := eval[struct {
				Found         bool `json:"found"`
				BeforeH1      bool `json:"beforeH1"`
				BeforeH2      bool `json:"beforeH2"`
				OnFirstScreen bool `json:"onFirstScreen"`
			}](t, ctx, easyReadLinkScript)
			switch {
			case !r.Found:
				t.Errorf("easy read: %s has no link to its twin in <main>", p.path)
			case !r.BeforeH1 || !r.BeforeH2 || !r.OnFirstScreen:
				t.Errorf("easy read: on %s the link to the twin is not at the top (before the h1: %v, before any h2: %v, on the first screen at 320 px: %v)", p.path, r.BeforeH1, r.BeforeH2, r.OnFirstScreen)
			}
		})
	}
	if tested < 2 {
		t.Fatalf("easy read: the example has %d pages with an Easy Read link; the test needs a page and its twin", tested)
	}
}

// easyReadLinesScript lists the paragraphs of an Easy Read page that hold
// more than one sentence with fewer line breaks than sentences.
const easyReadLinesScript = `(() => [...document.querySelectorAll('.easy-read .body p, .easy-read .body li')].map(p => {
	const text = p.textContent.trim();
	const sentences = text.split(/[.!?](?:\s+|$)/).filter(s => s.trim()).length;
	return {text: text.slice(0, 60), sentences, breaks: p.querySelectorAll('br').length};
}).filter(p => p.sentences > 1 && p.breaks < p.sentences - 1))()`

func TestEasyReadKeepsOneSentenceToALine(t *testing.T) {
	requireChromium(t)
	s := rootSite(t)
	tabs := newTabPool(t, tabSetup{})
	tested := 0
	for _, p := range s.pagesToTest() {
		if !fileContains(t, s, p, `class="easy-read"`) && !fileContains(t, s, p, "class=easy-read>") {
			continue
		}
		tested++
		t.Run(p.kindName()+"/"+p.name(), func(t *testing.T) {
			ctx := tabs.openPage(t, s, p)
			for _, bad := range eval[[]struct {
				Text      string `json:"text"`
				Sentences int    `json:"sentences"`
				Breaks    int    `json:"breaks"`
			}](t, ctx, easyReadLinesScript) {
				t.Errorf("easy read: on %s a paragraph runs %d sentences together on %d lines: %q…", p.path, bad.Sentences, bad.Breaks+1, bad.Text)
			}
		})
	}
	if tested == 0 {
		t.Fatal("easy read: the example has no Easy Read page")
	}
}

func fileContains(t *testing.T, s *site, p page, text string) bool {
	t.Helper()
	return strings.Contains(readPage(t, s, p), text)
}
