package linkcheck

import (
	"encoding/json"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sync/atomic"
	"testing"
)

const wayback = "https://web.archive.org/web/*/{url}"

func TestArchiveHint(t *testing.T) {
	t.Parallel()
	mux := http.NewServeMux()
	mux.HandleFunc("/ok", func(w http.ResponseWriter, r *http.Request) {})
	mux.HandleFunc("/404", http.NotFound)
	mux.HandleFunc("/410", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusGone) })
	mux.HandleFunc("/500", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusInternalServerError) })
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	for _, tc := range []struct {
		name, url, tmpl string
		hint            string
		anchors         bool
	}{
		{"NotFoundGetsTheTemplate", srv.URL + "/404", wayback, "archived copies: https://web.archive.org/web/*/" + srv.URL + "/404", false},
		{"GoneGetsTheTemplate", srv.URL + "/410", wayback, "archived copies: https://web.archive.org/web/*/" + srv.URL + "/410", false},
		{"FragmentIsLeftOut", srv.URL + "/404#part", wayback, "archived copies: https://web.archive.org/web/*/" + srv.URL + "/404", false},
		{"QueryTemplateEscapes", srv.URL + "/404?a=1&b=2", "https://archive.example/find?u={url}",
			"archived copies: https://archive.example/find?u=" + url.QueryEscape(srv.URL+"/404?a=1&b=2"), false},
		{"EmptyTemplateTurnsItOff", srv.URL + "/404", "", "", false},
		{"ServerErrorIsNotDead", srv.URL + "/500", wayback, "", false},
		{"OKHasNone", srv.URL + "/ok", wayback, "", false},
		{"AnchorCheckOfADeadPage", srv.URL + "/404#part", wayback, "archived copies: https://web.archive.org/web/*/" + srv.URL + "/404", true},
		{"MissingAnchorIsNotDead", srv.URL + "/ok#part", wayback, "", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			r := check(t, ExternalOptions{ArchiveURL: tc.tmpl, Anchors: tc.anchors}, tc.url)
			if r.Hint != tc.hint {
				t.Errorf("hint %q, want %q", r.Hint, tc.hint)
			}
		})
	}
	t.Run("NoSuchHostGetsTheTemplate", func(t *testing.T) {
		t.Parallel()
		fake := DoerFunc(func(r *http.Request) (*http.Response, error) {
			return nil, &url.Error{Op: "Head", URL: r.URL.String(), Err: &net.OpError{Op: "dial", Err: &net.DNSError{Err: "no such host", Name: r.URL.Host, IsNotFound: true}}}
		})
		r := check(t, ExternalOptions{Doer: fake, ArchiveURL: wayback}, "https://gone.invalid/a")
		if want := "archived copies: https://web.archive.org/web/*/https://gone.invalid/a"; r.Hint != want {
			t.Errorf("hint %q, want %q", r.Hint, want)
		}
	})
}

// TestArchiveAPI asks a local stand-in of the Wayback availability API.
func TestArchiveAPI(t *testing.T) {
	t.Parallel()
	site := httptest.NewServer(http.NotFoundHandler())
	t.Cleanup(site.Close)
	var asked atomic.Int32
	api := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		asked.Add(1)
		if r.URL.Path != "/wayback/available" {
			http.NotFound(w, r)
			return
		}
		switch r.URL.Query().Get("url") {
		case site.URL + "/archived":
			json.NewEncoder(w).Encode(map[string]any{"url": r.URL.Query().Get("url"), "archived_snapshots": map[string]any{
				"closest": map[string]any{"available": true, "status": "200", "timestamp": "20200102030405",
					"url": "http://web.archive.org/web/20200102030405/" + site.URL + "/archived"}}})
		case site.URL + "/broken-api":
			w.WriteHeader(http.StatusServiceUnavailable)
		case site.URL + "/bad-snapshot":
			json.NewEncoder(w).Encode(map[string]any{"archived_snapshots": map[string]any{
				"closest": map[string]any{"available": true, "url": "javascript:alert(1)"}}})
		default:
			json.NewEncoder(w).Encode(map[string]any{"archived_snapshots": map[string]any{}})
		}
	}))
	t.Cleanup(api.Close)
	for _, tc := range []struct {
		name, path, apiURL string
		hint               string
		asked              int32
	}{
		{"ClosestSnapshot", "/archived", api.URL + "/wayback/available",
			"archived copy: http://web.archive.org/web/20200102030405/" + site.URL + "/archived", 1},
		{"NoSnapshot", "/never", api.URL + "/wayback/available", "no archived copy found", 1},
		{"APIFailsFallsBackToTheTemplate", "/broken-api", api.URL + "/wayback/available",
			"archived copies: https://web.archive.org/web/*/" + site.URL + "/broken-api", 1},
		{"NotAnHTTPSnapshotFallsBackToTheTemplate", "/bad-snapshot", api.URL + "/wayback/available",
			"archived copies: https://web.archive.org/web/*/" + site.URL + "/bad-snapshot", 1},
		{"NoRequestUnlessAsked", "/archived", "",
			"archived copies: https://web.archive.org/web/*/" + site.URL + "/archived", 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before := asked.Load()
			r := check(t, ExternalOptions{ArchiveURL: wayback, ArchiveAPI: tc.apiURL}, site.URL+tc.path)
			if r.Hint != tc.hint {
				t.Errorf("hint %q, want %q", r.Hint, tc.hint)
			}
			if n := asked.Load() - before; n != tc.asked {
				t.Errorf("the API was asked %d times, want %d", n, tc.asked)
			}
		})
	}
}
