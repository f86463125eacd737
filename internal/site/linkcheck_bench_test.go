package site

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/quire-docs/quire/internal/config"
	"github.com/quire-docs/quire/internal/linkcheck"
)

// linkSitePages is the size of the site BenchmarkLinkcheck10000 builds.
const linkSitePages = 10000

// genLinkSite returns a site of n pages in sections of 100 (so the
// sidebar, which lists the current section, stays the same size whatever
// n), each page with headings and links of every kind the checker
// resolves: markdown-relative with anchors, root-relative, same-page
// anchors and an image.
func genLinkSite(n int) fstest.MapFS {
	fsys := fstest.MapFS{"content/_index.md": {Data: []byte("---\ntitle: Home\n---\nWelcome.\n")}}
	sections := (n + 99) / 100
	for s := 0; s < sections; s++ {
		fsys[fmt.Sprintf("content/s%d/_index.md", s)] = &fstest.MapFile{
			Data: []byte(fmt.Sprintf("---\ntitle: Section %d\nweight: %d\n---\nSection intro.\n", s, s+1)),
		}
		fsys[fmt.Sprintf("content/s%d/diagram.png", s)] = &fstest.MapFile{Data: []byte("PNG")}
	}
	for i := 0; i < n; i++ {
		s, next, other := i/100, (i+1)%n, (i*7919)%n
		var b strings.Builder
		fmt.Fprintf(&b, "---\ntitle: Page %d\nweight: %d\n---\n\n", i, i%100+1)
		for h := 0; h < 6; h++ {
			fmt.Fprintf(&b, "## Part %d\n\nSee [the next page](../s%d/p%d.md#part-%d), [another](/s%d/p%d/#part-%d), [above](#part-%d) and ![a diagram](diagram.png).\n\n",
				h, next/100, next, h, other/100, other, (h+1)%6, max(h-1, 0))
			b.WriteString("Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor.\n\n")
		}
		fsys[fmt.Sprintf("content/s%d/p%d.md", s, i)] = &fstest.MapFile{Data: []byte(b.String())}
	}
	return fsys
}

// BenchmarkLinkcheck10000 measures the offline link check (parse every
// page's final HTML once, check every internal link and anchor) of a
// generated 10,000-page site against the build without the check:
// check/build is the check's time as a fraction of the build's. Run with
// -benchtime=1x: one iteration builds 10,000 pages.
func BenchmarkLinkcheck10000(b *testing.B) {
	fsys := genLinkSite(linkSitePages)
	cfg, _, err := config.Parse(nil)
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	var build, check time.Duration
	for b.Loop() {
		t0 := time.Now()
		s, err := Build(ctx, fsys, cfg, Options{Links: LinksOff})
		if err != nil {
			b.Fatal(err)
		}
		t1 := time.Now()
		l := linkcheck.Collect(ctx, s.Files, nil, linkcheck.Options{BaseURL: cfg.BaseURL})
		if bad, ok := l.Internal(ctx); len(bad) != 0 || ok == 0 {
			b.Fatalf("generated site: %d broken links, %d ok", len(bad), ok)
		}
		t2 := time.Now()
		build += t1.Sub(t0)
		check += t2.Sub(t1)
	}
	n := float64(b.N)
	b.ReportMetric(float64(build.Milliseconds())/n, "build-ms")
	b.ReportMetric(float64(check.Milliseconds())/n, "check-ms")
	b.ReportMetric(float64(check)/float64(build), "check/build")
}
