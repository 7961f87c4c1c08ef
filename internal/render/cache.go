package render

import (
	"bytes"
	"fmt"
	"html/template"
	"strings"
	"sync"
)

// partialCache keeps what partialCached rendered, for the life of one
// Templates, which is one build or one live-preview update: the content
// does not change while it lives, so a partial rendered with the same
// variants gives the same HTML every time.
//
// It exists for the site's navigation and footer, which are the same on
// thousands of pages but were a third of the template work of every page.
type partialCache struct {
	mu   sync.RWMutex
	html map[string]template.HTML
}

// partialCached renders the partial name with data the first time it is
// asked for with these variants, and returns the same HTML after that.
// The theme must pass as variants everything the partial reads that
// differs between the pages sharing it, such as the page's language:
//
//	{{partialCached "partials/footer.html" . .Lang}}
//
// A partial cached with no variants is rendered once for the whole site.
// It sees the partials as the theme defines them, not a page template's
// own {{define}}s.
func (ts *Templates) partialCached(name string, data any, variants ...any) (template.HTML, error) {
	key := cacheKey(name, variants)
	c := &ts.cache
	c.mu.RLock()
	h, ok := c.html[key]
	c.mu.RUnlock()
	if ok {
		return h, nil
	}
	// Two workers may both miss at the start and render it twice; both
	// get the same HTML, so that costs one render and no lock held
	// across a template.
	var buf bytes.Buffer
	if err := ts.Partial(&buf, name, data); err != nil {
		return "", err
	}
	h = template.HTML(buf.String())
	c.mu.Lock()
	if c.html == nil {
		c.html = map[string]template.HTML{}
	}
	c.html[key] = h
	c.mu.Unlock()
	return h, nil
}

// cacheKey joins the partial's name and its variants. Variants are
// written with %v and separated by a character no page data holds.
func cacheKey(name string, variants []any) string {
	var b strings.Builder
	b.WriteString(name)
	for _, v := range variants {
		b.WriteByte(0)
		switch v := v.(type) {
		case string: // most variants: no fmt for them
			b.WriteString(v)
		case fmt.Stringer:
			b.WriteString(v.String())
		default:
			fmt.Fprint(&b, v)
		}
	}
	return b.String()
}
