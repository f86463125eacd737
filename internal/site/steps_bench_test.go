package site

import (
	"context"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/quire-docs/quire/internal/content"
	"github.com/quire-docs/quire/internal/diag"
	"github.com/quire-docs/quire/internal/linkcheck"
	"github.com/quire-docs/quire/internal/publish"
	"github.com/quire-docs/quire/internal/sitemap"
)

// builtState is a build's state once every page is rendered, captured by
// Options.rendered, and the outputs the pages produced.
type builtState struct {
	b    *builder
	tree *content.Site
	out  publish.Outputs // b.out before the per-site steps, in build order
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
		st.b, st.tree, st.out = b, tree, b.out // Dedupe leaves it as it is
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
// The link check is timed with every page parsed ahead (Options.Parsed)
// and one page parsed anew, as after an edit: collect and broken through
// a linkcheck.Memo, the -nomemo steps without (okcount is what Internal
// adds to that: quire serve does not count), and collect-unparsed as
// quire serve ran it before pages were parsed ahead.
// total adds up the steps of such a rebuild. Run with -benchtime=Nx
// (each iteration runs every step once).
func BenchmarkRebuildSteps10000(b *testing.B) {
	st, built := buildForSteps(b, 10000)
	bd, tree := st.b, st.tree
	pages := float64(len(tree.Pages))
	var ds diag.List
	// Outputs added after reset share st.out's slice and overwrite what
	// the last step added; withExtras adds them all again.
	reset := func() { bd.out = st.out }
	withExtras := func() {
		reset()
		bd.addAliases(tree, &ds)
		bd.addExtras(tree, &ds)
		bd.addSearchIndex()
	}

	// The outputs of the per-site steps, for the steps after them.
	withExtras()
	files, _ := bd.out.Dedupe()
	parsed := map[string]*linkcheck.Parsed{}
	for _, f := range files {
		if strings.HasSuffix(f.Path, ".html") {
			parsed[f.Path] = linkcheck.Parse(f.Data)
		}
	}
	lpages := bd.linkPages()
	ctx := context.Background()
	lopts := func(parsed map[string]*linkcheck.Parsed, memo *linkcheck.Memo) linkcheck.Options {
		return linkcheck.Options{BaseURL: bd.cfg.BaseURL, Parsed: parsed, Memo: memo}
	}
	// A rebuild after a one-page edit: that page parsed anew, the link
	// check through a Memo that has seen the last build.
	edited := tree.Pages[len(tree.Pages)/2].OutPath
	var editedData []byte
	for _, f := range files {
		if f.Path == edited {
			editedData = f.Data
		}
	}
	memo := linkcheck.NewMemo()
	linkcheck.Collect(ctx, files, lpages, lopts(parsed, memo)).Broken(ctx)
	var l *linkcheck.Links

	// Steps marked alone are alternatives to others (without a Memo, or
	// part of another step) and are not in the total.
	steps := []struct {
		name      string
		alone     bool
		prep, run func()
	}{
		{name: "aliases", run: func() { bd.addAliases(tree, &ds) }, prep: reset},
		{name: "extras", run: func() { bd.addExtras(tree, &ds) }, prep: reset},
		{name: "sitemap", alone: true, run: func() { _, _ = sitemap.File(bd.site.Pages, bd.min, nil) }},
		{name: "search", run: func() { bd.addSearchIndex() }, prep: reset},
		{name: "dedupe", run: func() { bd.out.Dedupe() }, prep: withExtras},
		{name: "validate", run: func() { _ = bd.validate(files) }},
		{name: "linkpages", run: func() { bd.linkPages() }},
		{name: "collect-unparsed", alone: true, run: func() { linkcheck.Collect(ctx, files, lpages, lopts(nil, nil)) }},
		{name: "collect-nomemo", alone: true, run: func() { l = linkcheck.Collect(ctx, files, lpages, lopts(parsed, nil)) }},
		{name: "broken-nomemo", alone: true, run: func() { l.Broken(ctx) }},
		{name: "okcount", alone: true, run: func() { l.Internal(ctx) }},
		{name: "collect", run: func() { l = linkcheck.Collect(ctx, files, lpages, lopts(parsed, memo)) },
			prep: func() { parsed[edited] = linkcheck.Parse(editedData) }},
		{name: "broken", run: func() { l.Broken(ctx) }},
		{name: "unsent", run: func() { bd.pages.sent.Unsent(files) }},
		{name: "servermap", run: func() {
			m := make(map[string]*publish.File, len(built.Files))
			for i := range built.Files {
				m[built.Files[i].Path] = &built.Files[i]
			}
		}},
	}
	times := make([]time.Duration, len(steps))
	allocs := make([]uint64, len(steps))
	var ms runtime.MemStats
	b.ResetTimer()
	for b.Loop() {
		for i, s := range steps {
			if s.prep != nil {
				s.prep()
			}
			// Each step starts with the heap collected, so it pays for
			// its own garbage only; its bytes allocated say how much
			// collecting it adds in a long-running server.
			runtime.GC()
			runtime.ReadMemStats(&ms)
			before := ms.TotalAlloc
			start := time.Now()
			s.run()
			times[i] += time.Since(start)
			runtime.ReadMemStats(&ms)
			allocs[i] += ms.TotalAlloc - before
		}
	}
	var total time.Duration
	for i, s := range steps {
		if !s.alone {
			total += times[i]
		}
		b.ReportMetric(float64(times[i].Microseconds())/float64(b.N)/pages, "µs/page-"+s.name)
		b.ReportMetric(float64(allocs[i])/float64(b.N)/pages, "B/page-"+s.name)
	}
	b.ReportMetric(float64(total.Microseconds())/float64(b.N)/pages, "µs/page-total")
	b.ReportMetric(0, "ns/op")
}
