package serve

import (
	"fmt"
	"net/http"
	"sync"
	"time"
)

// event is one message to the browsers: "reload" for the whole page, or
// "css" with a JSON map from a theme file name to its new link.
type event struct {
	name, data string
}

// hub sends events to every open /__reload stream. Each stream ends when
// its browser goes away or the server stops, so no goroutine outlives it.
type hub struct {
	mu      sync.Mutex
	clients map[chan event]bool
	closed  chan struct{}
	once    sync.Once
}

func newHub() *hub {
	return &hub{clients: map[chan event]bool{}, closed: make(chan struct{})}
}

// send queues ev for every client. A client too slow to take it gets a
// full reload later anyway, so a full queue drops the event.
func (h *hub) send(ev event) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for c := range h.clients {
		select {
		case c <- ev:
		default:
		}
	}
}

// count is the number of open streams.
func (h *hub) count() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return len(h.clients)
}

// close ends every stream, so http.Server.Shutdown does not wait on them.
func (h *hub) close() { h.once.Do(func() { close(h.closed) }) }

// keepAlive is how often an idle stream gets a comment line, so proxies
// and browsers keep it open.
const keepAlive = 20 * time.Second

// ServeHTTP streams events as Server-Sent Events.
func (h *hub) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	flusher, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming is not supported", http.StatusInternalServerError)
		return
	}
	c := make(chan event, 8)
	h.mu.Lock()
	h.clients[c] = true
	h.mu.Unlock()
	defer func() {
		h.mu.Lock()
		delete(h.clients, c)
		h.mu.Unlock()
	}()

	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("X-Accel-Buffering", "no")
	fmt.Fprint(w, "retry: 500\n: connected\n\n")
	flusher.Flush()
	tick := time.NewTicker(keepAlive)
	defer tick.Stop()
	for {
		select {
		case <-r.Context().Done():
			return
		case <-h.closed:
			return
		case <-tick.C:
			fmt.Fprint(w, ": ping\n\n")
		case ev := <-c:
			fmt.Fprintf(w, "event: %s\ndata: %s\n\n", ev.name, ev.data)
		}
		flusher.Flush()
	}
}

// clientScript reloads the page on "reload" and swaps stylesheets on
// "css". It is served as a file because the theme's Content-Security-Policy
// forbids inline scripts.
const clientScript = `(function () {
  "use strict";
  if (!window.EventSource) { return; }
  var plain = function (href) {
    return href.split("?")[0].replace(/\.[0-9a-f]{8}\.css$/, ".css").replace(/^.*\//, "");
  };
  var source = new EventSource("/__reload");
  source.addEventListener("reload", function () { window.location.reload(); });
  source.addEventListener("css", function (e) {
    var links = JSON.parse(e.data);
    var sheets = document.querySelectorAll('link[rel="stylesheet"]');
    for (var i = 0; i < sheets.length; i++) {
      var next = links[plain(sheets[i].getAttribute("href"))];
      if (next) {
        sheets[i].setAttribute("href", next.indexOf(".css") > 0 && next === sheets[i].getAttribute("href") ? next + "?t=" + Date.now() : next);
      }
    }
  });
})();
`
