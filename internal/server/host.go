package server

import (
	"net"
	"net/http"
	"strings"
)

// allowedHost reports whether r's Host header names this server in a way
// no other web site can: a loopback name (localhost, *.localhost) or
// address (127.0.0.0/8, [::1]), one of Options.AllowHosts, or the very
// address the connection came in on. Anything else may be a name an
// attacker's page rebound to this machine (DNS rebinding), through which
// the page could read the preview, drafts included.
func (s *Server) allowedHost(r *http.Request) bool {
	host := hostName(r.Host)
	switch {
	case host == "":
		return false
	case host == "localhost" || strings.HasSuffix(host, ".localhost"):
		return true
	case s.allow[host]:
		return true
	}
	ip := net.ParseIP(host)
	if ip == nil {
		return false
	}
	if ip.IsLoopback() {
		return true
	}
	// An address, unlike a name, cannot be rebound: a page that has it in
	// its origin is this server's own.
	local, ok := r.Context().Value(http.LocalAddrContextKey).(*net.TCPAddr)
	return ok && local.IP.Equal(ip)
}

// hostName is the host of a Host header or --allow-host value, without
// port, brackets, trailing dot or upper case.
func hostName(h string) string {
	if name, _, err := net.SplitHostPort(h); err == nil {
		h = name
	}
	h = strings.TrimSuffix(strings.TrimPrefix(h, "["), "]")
	return strings.ToLower(strings.TrimSuffix(h, "."))
}

// forbidHost answers a request whose Host is not allowed: 403, and
// nothing of the site.
func forbidHost(w http.ResponseWriter) {
	noCache(w)
	w.Header().Set("X-Content-Type-Options", "nosniff")
	http.Error(w, "403 forbidden: this preview answers only to localhost and the names it was started with (quire serve --allow-host NAME)", http.StatusForbidden)
}
