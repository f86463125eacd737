package site

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/quire-docs/quire/internal/publish"
	"github.com/quire-docs/quire/internal/search"
	"github.com/quire-docs/quire/internal/sitetest"
)

func byPath(files []publish.File) map[string][]byte {
	m := map[string][]byte{}
	for _, f := range files {
		m[f.Path] = f.Data
	}
	return m
}

// TestOutputGetsEveryPage: with an Output, each page is sent once and left
// out of Site.Files, and sent plus kept files are exactly the in-memory
// build's files.
func TestOutputGetsEveryPage(t *testing.T) {
	t.Parallel()
	fsys, cfg := corpusFS(t, 60)
	mem, err := Build(context.Background(), fsys, cfg, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var rec sitetest.Recorder
	streamed, err := Build(context.Background(), fsys, cfg, Options{Output: &rec})
	if err != nil {
		t.Fatal(err)
	}
	// Each page is sent, and so is its search fragment (pages with the
	// same fragment share one file).
	pages, frags := 0, 0
	for p := range rec.Files {
		if strings.HasPrefix(p, search.Dir+"f-") {
			frags++
		} else {
			pages++
		}
	}
	if pages != streamed.Pages || frags == 0 || frags > pages {
		t.Errorf("Output got %d pages and %d search fragments, want one page each (%d) and a fragment for most", pages, frags, streamed.Pages)
	}
	got := byPath(streamed.Files)
	for p, data := range rec.Files {
		if _, dup := got[p]; dup {
			t.Errorf("%s was sent and is also in Site.Files", p)
		}
		got[p] = data
	}
	want := byPath(mem.Files)
	for p, data := range want {
		if g, ok := got[p]; !ok {
			t.Errorf("%s is missing with Output", p)
		} else if !bytes.Equal(g, data) {
			i := 0
			for i < len(g) && i < len(data) && g[i] == data[i] {
				i++
			}
			lo := max(0, i-150)
			t.Errorf("%s differs with Output at byte %d:\n%s\nwithout:\n%s", p, i, g[lo:min(len(g), i+150)], data[lo:min(len(data), i+150)])
		}
	}
	if len(got) != len(want) {
		t.Errorf("with Output %d files, without %d", len(got), len(want))
	}
	// The rest of the search index's files and the pages' markdown twins
	// (which llms-full.txt holds anyway) are kept, not sent: count the
	// others.
	others := func(fs []publish.File) int {
		n := 0
		for _, f := range fs {
			if !strings.HasPrefix(f.Path, search.Dir) && !strings.HasSuffix(f.Path, ".md") {
				n++
			}
		}
		return n
	}
	if kept, all := others(streamed.Files), others(mem.Files); kept >= all/2 {
		t.Errorf("Site.Files kept %d of %d files; pages should have been sent", kept, all)
	}
}

// TestOutputKeepsLinkCheck: pages sent to Output are still link checked:
// the same broken anchor fails both builds with the same message.
func TestOutputKeepsLinkCheck(t *testing.T) {
	t.Parallel()
	fsys, cfg := corpusFS(t, 30)
	fsys["content/broken.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Broken\n---\n\nSee [nowhere](#no-such-heading).\n")}
	_, memErr := Build(context.Background(), fsys, cfg, Options{})
	_, outErr := Build(context.Background(), fsys, cfg, Options{Output: &sitetest.Recorder{}})
	if memErr == nil || outErr == nil {
		t.Fatalf("errors = %v / %v, want the broken anchor reported by both builds", memErr, outErr)
	}
	if memErr.Error() != outErr.Error() {
		t.Errorf("with Output the build reports\n%v\nwithout\n%v", outErr, memErr)
	}
}
