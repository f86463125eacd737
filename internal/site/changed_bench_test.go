package site

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"

	"github.com/quire-docs/quire/internal/config"
	"github.com/quire-docs/quire/internal/corpus"
	"github.com/quire-docs/quire/internal/gitdiff"
	"github.com/quire-docs/quire/internal/linkcheck"
	"github.com/quire-docs/quire/internal/sitetest"
)

// BenchmarkChangedSince10000 checks the external links of the generated
// 10,000-page corpus, in a git repository made for it, after a branch
// changed one page: all of them (a full check), then only those cited by
// the files changed since main (quire linkcheck --changed-since main,
// the git diff included). The corpus's external URLs point at one local
// server on 127.0.0.1 adding 50 ms of latency to every response, as the
// web does. It reports the URLs requested and the time of each check,
// and full/changed, the full check's time over the changed one's. Run
// with -benchtime=1x: one iteration requests every URL of the site.
func BenchmarkChangedSince10000(b *testing.B) {
	if _, err := exec.LookPath("git"); err != nil {
		b.Skip("no git binary")
	}
	const latency = 50 * time.Millisecond
	var requests atomic.Int64
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		b.Fatal(err)
	}
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		requests.Add(1)
		time.Sleep(latency)
	}))
	srv.Listener.Close()
	srv.Listener = ln
	srv.Start()
	b.Cleanup(srv.Close)

	dir := b.TempDir()
	port := ln.Addr().(*net.TCPAddr).Port
	if err := corpus.Write(dir, corpus.Options{Pages: linkSitePages, Seed: 1, Port: port}); err != nil {
		b.Fatal(err)
	}
	git := func(args ...string) { sitetest.Git(b, dir, "", args...) }
	git("init", "-q", "-b", "main")
	git("add", "-A")
	git("commit", "-q", "-m", "corpus")
	git("checkout", "-q", "-b", "pr")
	// The pull request: one page gets a paragraph with a new link.
	page := firstPage(b, dir)
	f, err := os.OpenFile(page, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		b.Fatal(err)
	}
	fmt.Fprintf(f, "\nSee also [the new reference](http://127.0.0.1:%d/new/reference.html).\n", port)
	if err := f.Close(); err != nil {
		b.Fatal(err)
	}
	git("commit", "-q", "-am", "one page changed")

	data, err := os.ReadFile(filepath.Join(dir, "config.toml"))
	if err != nil {
		b.Fatal(err)
	}
	cfg, _, err := config.Parse(data)
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	s, err := Build(ctx, os.DirFS(dir), cfg, Options{Links: LinksQuiet})
	if err != nil {
		b.Fatal(err)
	}
	all := s.Links.External(ctx)

	var full, changed time.Duration
	var fullN, changedN int64
	check := func(links []linkcheck.Result) int64 {
		requests.Store(0)
		linkcheck.NewChecker(linkcheck.ExternalOptions{}).Check(ctx, links)
		for _, r := range links {
			if r.Outcome != linkcheck.OK {
				b.Fatalf("%s: %s %s", r.URL, r.Outcome, r.Reason)
			}
		}
		return requests.Load()
	}
	for b.Loop() {
		t0 := time.Now()
		fullN = check(append([]linkcheck.Result(nil), all...))
		t1 := time.Now()
		ch, err := gitdiff.Since(ctx, dir, "main")
		if err != nil {
			b.Fatal(err)
		}
		keep, _ := linkcheck.Changed{Files: ch.Files, ContentDir: cfg.ContentDir}.Split(append([]linkcheck.Result(nil), all...))
		changedN = check(keep)
		t2 := time.Now()
		full += t1.Sub(t0)
		changed += t2.Sub(t1)
	}
	n := time.Duration(b.N)
	b.ReportMetric(float64(fullN), "full-requests")
	b.ReportMetric(float64(changedN), "changed-requests")
	b.ReportMetric(float64((full / n).Milliseconds()), "full-ms")
	b.ReportMetric(float64((changed / n).Milliseconds()), "changed-ms")
	b.ReportMetric(float64(full)/float64(changed), "full/changed")
	b.Logf("full check: %d URLs requested in %v; --changed-since main: %d in %v", fullN, (full / n).Round(time.Millisecond), changedN, (changed / n).Round(time.Millisecond))
}

// firstPage returns the path of the corpus's first regular page in
// sorted order (not a section's _index.md).
func firstPage(b *testing.B, dir string) string {
	var found string
	err := filepath.WalkDir(filepath.Join(dir, "content"), func(p string, d os.DirEntry, err error) error {
		if err != nil || found != "" {
			return err
		}
		if !d.IsDir() && filepath.Ext(p) == ".md" && d.Name() != "_index.md" {
			found = p
		}
		return nil
	})
	if err != nil || found == "" {
		b.Fatalf("no page in the corpus: %v", err)
	}
	return found
}
