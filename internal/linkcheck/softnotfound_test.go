package linkcheck

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"testing/iotest"
)

// softServer answers every page with 200, as a host with soft 404s does,
// and records the methods it was asked with.
func softServer(t *testing.T) (*httptest.Server, func() []string) {
	t.Helper()
	page := func(title string) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			fmt.Fprintf(w, "<!doctype html><html><head><meta charset=utf-8>\n<TITLE>\n  %s\n</TITLE></head><body><h2 id=\"install\">Install</h2></body></html>", title)
		}
	}
	var mu sync.Mutex
	var methods []string
	mux := http.NewServeMux()
	mux.HandleFunc("/{$}", page("Home"))
	mux.HandleFunc("/missing", page("Page Not Found &ndash; Docs"))
	mux.HandleFunc("/oops", page("Oops, nothing here"))
	mux.HandleFunc("/install", page("Install"))
	mux.HandleFunc("/release-404-notes", page("Release notes"))
	mux.HandleFunc("/notitle", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "<html><body><p>Not found<title>404</title></body></html>")
	})
	mux.HandleFunc("/404.html", page("Sorry"))
	mux.HandleFunc("/old", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/", http.StatusFound) })
	mux.HandleFunc("/older", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/404.html", http.StatusFound) })
	mux.HandleFunc("/renamed", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/install", http.StatusFound) })
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		methods = append(methods, r.Method)
		mu.Unlock()
		mux.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv, func() []string {
		mu.Lock()
		defer mu.Unlock()
		return append([]string(nil), methods...)
	}
}

func TestSoft404(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, path string
		rule       HostRule
		anchors    bool
		outcome    Outcome
		reason     string
	}{
		{name: "NotFoundTitleIsBroken", path: "/missing", rule: HostRule{Soft404: true}, outcome: Error,
			reason: `soft 404: the host answered 200 with a not-found page (title: "Page Not Found – Docs")`},
		{name: "OrdinaryTitleIsOK", path: "/install", rule: HostRule{Soft404: true}, outcome: OK},
		{name: "TitleAfterBodyIsNotLookedFor", path: "/notitle", rule: HostRule{Soft404: true}, outcome: OK},
		{name: "RedirectToRootIsBroken", path: "/old", rule: HostRule{Soft404: true}, outcome: Error,
			reason: "soft 404: the host answered 200 with a not-found page (after redirects to SRV/)"},
		{name: "RedirectTo404PageIsBroken", path: "/older", rule: HostRule{Soft404: true}, outcome: Error,
			reason: "soft 404: the host answered 200 with a not-found page (after redirects to SRV/404.html)"},
		{name: "RedirectToAnotherPageIsOK", path: "/renamed", rule: HostRule{Soft404: true}, outcome: OK},
		{name: "RootItselfIsOK", path: "/", rule: HostRule{Soft404: true}, outcome: OK},
		{name: "Number404InPathIsNotATitle", path: "/release-404-notes", rule: HostRule{Soft404: true}, outcome: OK},
		{name: "OwnMarkersReplaceTheDefaults", path: "/oops", rule: HostRule{Soft404: true, Soft404Markers: []string{"OOPS"}}, outcome: Error,
			reason: `(title: "Oops, nothing here")`},
		{name: "OwnMarkersOnly", path: "/missing", rule: HostRule{Soft404: true, Soft404Markers: []string{"oops"}}, outcome: OK},
		{name: "OffUnlessAsked", path: "/missing", outcome: OK},
		{name: "AnchorsStillFoundAfterTheTitle", path: "/install#install", rule: HostRule{Soft404: true}, anchors: true, outcome: OK},
		{name: "MissingAnchorAfterTheTitle", path: "/install#nope", rule: HostRule{Soft404: true}, anchors: true, outcome: Error,
			reason: `no anchor "nope"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			srv, methods := softServer(t)
			o := ExternalOptions{Hosts: map[string]HostRule{"127.0.0.1": tc.rule}, Anchors: tc.anchors}
			r := check(t, o, srv.URL+tc.path)
			expect(t, r, tc.outcome, 200, strings.ReplaceAll(tc.reason, "SRV", srv.URL))
			if !tc.rule.Soft404 {
				return
			}
			for _, m := range methods() {
				if m != http.MethodGet {
					t.Errorf("a %s request to a soft404 host; want GET only", m)
				}
			}
		})
	}
}

func TestReadTitle(t *testing.T) {
	t.Parallel()
	pad := strings.Repeat("<meta name=x content=y>", 1000) // past one chunk
	for _, tc := range []struct {
		name, page, title string
		found             bool
	}{
		{"Simple", "<title>Not Found</title>", "Not Found", true},
		{"AttributesAndEntities", `<title lang="en">A &amp; B</title>`, "A & B", true},
		{"PastTheFirstChunk", "<head>" + pad + "<title>Late</title>", "Late", true},
		{"BodyFirst", "<body><title>x</title>", "", false},
		{"Unclosed", "<title>never ends", "", false},
		{"None", "<p>plain", "", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			r := iotest.OneByteReader(strings.NewReader(tc.page + "<p>rest of the page"))
			head, title, found := readTitle(r, 1<<20)
			if title != tc.title || found != tc.found {
				t.Errorf("readTitle = %q, %v; want %q, %v", title, found, tc.title, tc.found)
			}
			rest, _ := io.ReadAll(r)
			if got := string(head) + string(rest); got != tc.page+"<p>rest of the page" {
				t.Errorf("head and the rest = %q, want the whole page", got)
			}
		})
	}
}
