package site

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/quire-docs/quire/internal/content"
	"github.com/quire-docs/quire/internal/diag"
	"github.com/quire-docs/quire/internal/linkcheck"
	"github.com/quire-docs/quire/internal/publish"
)

// builtState is a build's state once every page is rendered, captured by
// Options.rendered, and the outputs the pages produced.
type builtState struct {
	b    *builder
	tree *content.Site
	out  []output // b.out before the per-site steps, in build order
}

// buildForSteps builds the corpus of n pages as quire serve rebuilds it
// (drafts, links as warnings, a Cache, no Output), twice so the second
// build is a rebuild that reuses the cache, and returns the second
// build's state.
func buildForSteps(tb testing.TB, n int) (*builtState, *Site) {
	tb.Helper()
	fsys, cfg := corpusFS(tb, n)
	var st builtState
	opts := Options{Drafts: true, Links: LinksWarn, Cache: NewCache()}
	opts.rendered = func(b *builder, tree *content.Site) {
		st.b, st.tree, st.out = b, tree, append([]output(nil), b.out...)
	}
	var s *Site
	for range 2 {
		var err error
		if s, err = Build(context.Background(), fsys, cfg, opts); err != nil {
			tb.Fatal(err)
		}
	}
	return &st, s
}

// BenchmarkRebuildSteps10000 builds the generated 10,000-page corpus the
// way quire serve rebuilds it, then times each step Build runs over all
// pages after rendering, on that state, and reports each as µs/page: what
// a rebuild after a one-page edit pays beyond markdown and templates.
// Run with -benchtime=Nx (each iteration runs every step once).
func BenchmarkRebuildSteps10000(b *testing.B) {
	st, built := buildForSteps(b, 10000)
	bd, tree := st.b, st.tree
	pages := float64(len(tree.Pages))
	var ds diag.List
	reset := func() { bd.out = append(bd.out[:0], st.out...) }

	// The outputs of the per-site steps, for the steps after them.
	reset()
	bd.addAliases(tree, &ds)
	bd.addExtras(tree, &ds)
	bd.addSearchIndex()
	withExtras := append([]output(nil), bd.out...)
	files := bd.dedupe(&ds)
	parsed := map[string]*linkcheck.Parsed{}
	for _, f := range files {
		if strings.HasSuffix(f.Path, ".html") {
			parsed[f.Path] = linkcheck.Parse(f.Data)
		}
	}
	lpages := bd.linkPages(tree)
	ctx := context.Background()
	var internalTime time.Duration // of the internal step, without its Collect

	steps := []struct {
		name string
		run  func()
	}{
		{"aliases", func() { reset(); bd.addAliases(tree, &ds) }},
		{"extras", func() { reset(); bd.addExtras(tree, &ds) }},
		{"sitemap", func() { _, _ = bd.minifyFile("sitemap.xml", bd.sitemap()) }},
		{"search", func() { reset(); bd.addSearchIndex() }},
		{"dedupe", func() { bd.out = append(bd.out[:0], withExtras...); bd.dedupe(&ds) }},
		{"validate", func() { _ = publish.Validate(files) }},
		{"linkpages", func() { bd.linkPages(tree) }},
		{"collect-parse", func() {
			linkcheck.Collect(ctx, files, lpages, linkcheck.Options{BaseURL: bd.cfg.BaseURL})
		}},
		{"collect-parsed", func() {
			linkcheck.Collect(ctx, files, lpages, linkcheck.Options{BaseURL: bd.cfg.BaseURL, Parsed: parsed})
		}},
		{"internal", func() {
			l := linkcheck.Collect(ctx, files, lpages, linkcheck.Options{BaseURL: bd.cfg.BaseURL, Parsed: parsed})
			start := time.Now()
			l.Internal(ctx)
			internalTime += time.Since(start)
		}},
		{"unsent", func() { bd.unsent(files) }},
		{"servermap", func() {
			m := make(map[string]*publish.File, len(built.Files))
			for i := range built.Files {
				m[built.Files[i].Path] = &built.Files[i]
			}
		}},
	}
	times := make([]time.Duration, len(steps))
	b.ResetTimer()
	for b.Loop() {
		for i, s := range steps {
			if s.name == "internal" {
				internalTime = 0
				s.run()
				times[i] += internalTime
				continue
			}
			start := time.Now()
			s.run()
			times[i] += time.Since(start)
		}
	}
	var total time.Duration
	for i, s := range steps {
		if s.name != "collect-parse" {
			total += times[i]
		}
		b.ReportMetric(float64(times[i].Microseconds())/float64(b.N)/pages, "µs/page-"+s.name)
	}
	b.ReportMetric(float64(total.Microseconds())/float64(b.N)/pages, "µs/page-total")
	b.ReportMetric(0, "ns/op")
}
