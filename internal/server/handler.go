package server

import (
	"bytes"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// ServeHTTP serves the last good build from memory: GET and HEAD only,
// every response revalidated (Cache-Control: no-cache with an ETag per
// build), index.html for directory URLs, the site's 404.html with status
// 404, and the live-reload stream. A path that is not a plain path below
// the site (dot segments, encoded slashes or backslashes, NUL) is a 404.
// A request whose Host header is not allowed (allowedHost) is a 403,
// whatever it asks for.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if !s.allowedHost(r) {
		forbidHost(w)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	st := s.state.Load()
	p, ok := cleanPath(r.URL)
	if !ok {
		s.notFound(w, r, st)
		return
	}
	if p == livereloadPath {
		s.serveLivereload(w, r)
		return
	}
	if !st.good {
		s.send(w, r, st, "index.html", errorPage(st, s.buildID(st.version)), http.StatusServiceUnavailable)
		return
	}
	if p+"/" == st.base || (p == "/" && st.base != "/") {
		redirect(w, r, st.base)
		return
	}
	rel, ok := strings.CutPrefix(p, st.base)
	if !ok {
		s.notFound(w, r, st)
		return
	}
	name := rel
	if name == "" || strings.HasSuffix(name, "/") {
		name += "index.html"
	}
	if f := st.files[name]; f != nil {
		s.send(w, r, st, name, f.Data, http.StatusOK)
		return
	}
	if f, ok := st.deferred.Find(name); ok {
		s.send(w, r, st, name, f.Data, http.StatusOK)
		return
	}
	if st.files[name+"/index.html"] != nil {
		redirect(w, r, p+"/")
		return
	}
	s.notFound(w, r, st)
}

// notFound sends the site's 404.html, or plain text without one.
func (s *Server) notFound(w http.ResponseWriter, r *http.Request, st *state) {
	if f := st.files["404.html"]; f != nil {
		s.send(w, r, st, "404.html", f.Data, http.StatusNotFound)
		return
	}
	if !st.good {
		s.send(w, r, st, "index.html", errorPage(st, s.buildID(st.version)), http.StatusNotFound)
		return
	}
	noCache(w)
	http.Error(w, "404 page not found", http.StatusNotFound)
}

// send writes data as the file name with status. HTML gets the overlay
// and live-reload script. The ETag names the build, so a browser
// revalidating after a rebuild always gets the new page.
func (s *Server) send(w http.ResponseWriter, r *http.Request, st *state, name string, data []byte, status int) {
	ctype := contentType(name, data)
	if strings.HasPrefix(ctype, "text/html") {
		data = inject(data, st, s.buildID(st.version))
	}
	h := w.Header()
	h.Set("Content-Type", ctype)
	h.Set("X-Content-Type-Options", "nosniff")
	noCache(w)
	if status == http.StatusOK {
		h.Set("ETag", `"`+s.buildID(st.version)+`"`)
		// ServeContent answers If-None-Match, Range and HEAD.
		http.ServeContent(w, r, name, time.Time{}, bytes.NewReader(data))
		return
	}
	h.Set("Content-Length", strconv.Itoa(len(data)))
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		w.Write(data)
	}
}

func noCache(w http.ResponseWriter) { w.Header().Set("Cache-Control", "no-cache") }

// redirect sends a temporary redirect to path, keeping the query: the
// URLs of a site being written change, so browsers must not remember it.
func redirect(w http.ResponseWriter, r *http.Request, path string) {
	u := (&url.URL{Path: path}).EscapedPath()
	if r.URL.RawQuery != "" {
		u += "?" + r.URL.RawQuery
	}
	noCache(w)
	http.Redirect(w, r, u, http.StatusFound)
}

// cleanPath returns the decoded path of u when it is a plain absolute
// path: no "." or ".." segments (whether written as such or as %2e), no
// empty segments but a trailing one, no encoded slash or backslash, no
// backslash, NUL or other control character.
func cleanPath(u *url.URL) (string, bool) {
	raw := u.EscapedPath()
	if u.Opaque != "" || !strings.HasPrefix(raw, "/") {
		return "", false
	}
	lower := strings.ToLower(raw)
	if strings.Contains(lower, "%2f") || strings.Contains(lower, "%5c") || strings.Contains(lower, "%00") {
		return "", false
	}
	p, err := url.PathUnescape(raw)
	if err != nil {
		return "", false
	}
	for _, c := range p {
		if c < 0x20 || c == 0x7f || c == '\\' {
			return "", false
		}
	}
	segs := strings.Split(p[1:], "/")
	for i, seg := range segs {
		if seg == "." || seg == ".." || (seg == "" && i != len(segs)-1) {
			return "", false
		}
	}
	return p, true
}
