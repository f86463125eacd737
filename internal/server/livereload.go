package server

import (
	"fmt"
	"net/http"
	"strconv"
	"sync"
	"time"
)

// livereloadPath is where the live-reload event stream is served.
const livereloadPath = "/_quire/livereload"

// keepalive is how often an idle stream gets a comment, so proxies and
// browsers do not time it out.
const keepalive = 30 * time.Second

// hub wakes every live-reload stream after each build.
type hub struct {
	mu      sync.Mutex
	clients map[chan struct{}]bool
	done    chan struct{} // closed by close
	closed  bool
}

func newHub() *hub {
	return &hub{clients: map[chan struct{}]bool{}, done: make(chan struct{})}
}

// subscribe returns a channel that receives after each build; ok is
// false once the hub is closed.
func (h *hub) subscribe() (ch chan struct{}, ok bool) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.closed {
		return nil, false
	}
	// One slot: a stream that is still writing when two builds finish
	// needs to wake once, and then sends the latest version.
	ch = make(chan struct{}, 1)
	h.clients[ch] = true
	return ch, true
}

func (h *hub) unsubscribe(ch chan struct{}) {
	h.mu.Lock()
	defer h.mu.Unlock()
	delete(h.clients, ch)
}

func (h *hub) broadcast() {
	h.mu.Lock()
	defer h.mu.Unlock()
	for ch := range h.clients {
		select {
		case ch <- struct{}{}:
		default: // already woken
		}
	}
}

func (h *hub) close() {
	h.mu.Lock()
	defer h.mu.Unlock()
	if !h.closed {
		h.closed = true
		close(h.done)
	}
}

// serveLivereload streams Server-Sent Events: a "build" event whose data
// names the latest build, on connecting and after every build. A page
// knows the build it came from, so it reloads on any other, including one
// it missed while disconnected or one of a restarted server.
func (s *Server) serveLivereload(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("Cache-Control", "no-cache")
	h.Set("X-Accel-Buffering", "no")
	if r.Method == http.MethodHead {
		return
	}
	wake, ok := s.hub.subscribe()
	if !ok {
		http.Error(w, "server shutting down", http.StatusServiceUnavailable)
		return
	}
	defer s.hub.unsubscribe(wake)
	rc := http.NewResponseController(w)
	send := func(msg string) bool {
		if _, err := fmt.Fprint(w, msg); err != nil {
			return false
		}
		return rc.Flush() == nil
	}
	sent := -1
	event := func() bool {
		v := s.state.Load().version
		if v == sent {
			return true
		}
		sent = v
		return send("event: build\ndata: " + s.buildID(v) + "\n\n")
	}
	// Browsers reconnect after retry milliseconds when the stream breaks
	// (a restarted server): the first event then tells a stale page.
	if !send("retry: 1000\n\n") || !event() {
		return
	}
	tick := time.NewTicker(keepalive)
	defer tick.Stop()
	for {
		select {
		case <-wake:
			if !event() {
				return
			}
		case <-tick.C:
			if !send(": keepalive\n\n") {
				return
			}
		case <-r.Context().Done():
			return
		case <-s.hub.done:
			return
		}
	}
}

// buildID names build number v of this process.
func (s *Server) buildID(v int) string { return s.epoch + "-" + strconv.Itoa(v) }

// reloadScript returns the script injected into every HTML page served
// for the build named id: it listens to the stream and reloads the page
// when another build is announced, restoring the scroll position when the
// same page comes back. A hidden tab lets go of its stream (browsers allow
// only about six connections to one server over HTTP/1.1, and every open
// stream takes one) and takes it up again when shown, reloading then if
// the site was rebuilt meanwhile.
func reloadScript(id string) string {
	return `<script data-quire-livereload>(function(){` +
		`var v="` + id + `",k="quire-scroll:"+location.pathname+location.search,es=null;` +
		`try{var y=sessionStorage.getItem(k);if(y!==null){sessionStorage.removeItem(k);` +
		`var go=function(){window.scrollTo(0,+y)};go();addEventListener("DOMContentLoaded",go);addEventListener("load",go)}}catch(e){}` +
		`function open(){es=new EventSource("` + livereloadPath + `");` +
		`es.addEventListener("build",function(e){if(e.data!==v){es.close();` +
		`try{sessionStorage.setItem(k,String(window.scrollY))}catch(x){}location.reload()}})}` +
		`document.addEventListener("visibilitychange",function(){` +
		`if(document.hidden){if(es){es.close();es=null}}else if(!es){open()}});` +
		`if(!document.hidden)open()` +
		`})()</script>`
}
