package themetest

import (
	"context"
	"io/fs"
	"mime"
	"net/http"
	"net/http/httptest"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"

	"github.com/quire-docs/quire/internal/config"
	"github.com/quire-docs/quire/internal/multilingual"
	"github.com/quire-docs/quire/internal/site"
)

// repoRoot is this repository's top directory, whose docs the tests build.
const repoRoot = "../.."

// docs is this repository's documentation, built in memory.
type docs struct {
	files map[string][]byte // by output path
	pages []string          // URL paths of the HTML pages, sorted
}

// buildDocs builds content/ of this repository with its config.toml and
// baseURL (a root-relative "/" serves from any host).
func buildDocs(t testing.TB) *docs {
	t.Helper()
	cfg, _, _, err := config.LoadSite(repoRoot, "production")
	if err != nil {
		t.Fatalf("loading config.toml: %v", err)
	}
	return buildSite(t, os.DirFS(repoRoot), cfg)
}

// buildSite builds the site in fsys with cfg, in memory.
func buildSite(t testing.TB, fsys fs.FS, cfg config.Config) *docs {
	t.Helper()
	s, err := multilingual.Build(context.Background(), fsys, cfg, site.Options{})
	if err != nil {
		t.Fatalf("building the site: %v", err)
	}
	d := &docs{files: map[string][]byte{}}
	for _, f := range s.Files {
		d.files[f.Path] = f.Data
		if p, ok := strings.CutSuffix(f.Path, "index.html"); ok && (p == "" || strings.HasSuffix(p, "/")) {
			d.pages = append(d.pages, "/"+p)
		}
	}
	return d
}

// serve serves the built docs on 127.0.0.1 as a static host would: "/x/"
// is x/index.html, a missing file is 404.html with status 404.
func serve(t testing.TB, d *docs) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p := strings.TrimPrefix(path.Clean(r.URL.Path), "/")
		if strings.HasSuffix(r.URL.Path, "/") {
			p = strings.TrimPrefix(p+"/index.html", "/")
		}
		data, ok := d.files[p]
		status := http.StatusOK
		if !ok {
			p, data, status = "404.html", d.files["404.html"], http.StatusNotFound
		}
		ct := mime.TypeByExtension(path.Ext(p))
		if ct == "" {
			ct = "application/octet-stream"
		}
		w.Header().Set("Content-Type", ct)
		w.WriteHeader(status)
		w.Write(data)
	}))
	t.Cleanup(srv.Close)
	return srv
}

// tool returns the path of a file of the npm packages in test/browser
// (installed by `npm ci` there; .ci/run does it). When it is missing the
// test is skipped, or fails under CI.
func tool(t testing.TB, rel string) string {
	t.Helper()
	p := filepath.Join(repoRoot, "test", "browser", "node_modules", filepath.FromSlash(rel))
	if _, err := os.Stat(p); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s is missing; .ci/run installs it with npm ci in test/browser", p)
		}
		t.Skipf("%s is missing (run npm ci in test/browser); set CI to make this a failure", p)
	}
	return p
}
