package render

import (
	"bytes"
	"fmt"
	"html/template"
	"reflect"
	"sync"

	"github.com/coproduce/coproduce/internal/publish"
)

// partialCache keeps what partialCached rendered, for the life of one
// Templates, which is one build or one live-preview update: the content
// does not change while it lives, so a partial rendered with the same
// variants gives the same HTML every time.
//
// It exists because html/template spends about half a microsecond on
// every function call and escaper of every action: the navigation, footer,
// breadcrumbs and <html> tag are the same on thousands of pages, a
// signatory's sector, region and size lines on hundreds, and a facet's
// filter links on every listing page but its own filter's.
type partialCache struct {
	mu   sync.RWMutex
	html map[string]cachedPartial
}

// cachedPartial is a partial as partialCached rendered it, with what it
// read, which every page that shows it has read too.
type cachedPartial struct {
	html  template.HTML
	reads *Reads
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
func (ex *executor) partialCached(name string, data any, variants ...any) (template.HTML, error) {
	// The key is built on the stack and looked up without a copy: most
	// calls find the partial, and then allocate nothing for the key.
	var buf [256]byte
	key := appendCacheKey(buf[:0], name, variants)
	c := &ex.ts.cache
	c.mu.RLock()
	hit, ok := c.html[string(key)]
	c.mu.RUnlock()
	if ok {
		ex.reads.add(hit.reads)
		return hit.html, nil
	}
	// Two workers may both miss at the start and render it twice; both
	// get the same HTML, so that costs one render and no lock held
	// across a template.
	if ex.depth >= MaxPartialDepth {
		return "", &tooDeep{name: name}
	}
	var out bytes.Buffer
	// What the partial reads is kept with it, even when no page asked
	// for it, since a page may be the next to show it.
	outer := ex.reads
	ex.reads = &Reads{}
	ex.depth++
	err := ex.partial(&out, name, data)
	ex.depth--
	read := ex.reads
	ex.reads = outer
	outer.add(read)
	if err != nil {
		// The mistake is placed here, in the partial, before the
		// template that called it wraps it in its own place.
		return "", ex.ts.faultFrom(err)
	}
	read.Compact()
	// Kept minified: the page minifier copies it as it is into every page
	// that shows it (see publish.Span).
	h := template.HTML(publish.Span(out.String()))
	c.mu.Lock()
	if c.html == nil {
		c.html = map[string]cachedPartial{}
	}
	c.html[string(key)] = cachedPartial{h, read}
	c.mu.Unlock()
	return h, nil
}

// appendCacheKey joins the partial's name and its variants. Variants are
// written as %v writes them and separated by a character no page data
// holds.
func appendCacheKey(b []byte, name string, variants []any) []byte {
	b = append(b, name...)
	for _, v := range variants {
		b = append(b, 0)
		switch v := v.(type) {
		case string: // most variants: no fmt for them
			b = append(b, v...)
		case Crumbs:
			b = v.appendKey(b)
		case fmt.Stringer:
			b = append(b, v.String()...)
		default:
			// A named string, such as a signatory's status, is
			// written as %v writes it, without fmt.
			if rv := reflect.ValueOf(v); rv.Kind() == reflect.String {
				b = append(b, rv.String()...)
			} else {
				b = fmt.Append(b, v)
			}
		}
	}
	return b
}

// tooDeep is the error of a partialCached call MaxPartialDepth levels deep.
type tooDeep struct{ name, by string }

func (e *tooDeep) Error() string {
	by := e.by
	if by == "" {
		by = "partialCached"
	}
	return fmt.Sprintf("%s %q is called inside itself more than %d levels deep", by, e.name, MaxPartialDepth)
}
