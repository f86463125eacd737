package corpus

import (
	"bytes"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

func TestSameOptionsSameFiles(t *testing.T) {
	t.Parallel()
	opts := Options{Pages: 300, Seed: 7, Port: 9000}
	a, b := Files(opts), Files(opts)
	if !maps.EqualFunc(a, b, bytes.Equal) {
		t.Fatal("two Files calls with the same options differ")
	}
	c := Files(Options{Pages: 300, Seed: 8, Port: 9000})
	if maps.EqualFunc(a, c, bytes.Equal) {
		t.Fatal("seeds 7 and 8 gave the same files")
	}
}

func TestWriteMatchesFiles(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	opts := Options{Pages: 50, Seed: 1, Port: 8080}
	if err := Write(dir, opts); err != nil {
		t.Fatal(err)
	}
	for name, want := range Files(opts) {
		got, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s on disk differs from Files", name)
		}
	}
	if err := Write(dir, opts); err == nil {
		t.Error("Write into a non-empty directory succeeded")
	}
}

var (
	headingRE = regexp.MustCompile(`(?m)^(#{1,6}) (.*)$`)
	fenceRE   = regexp.MustCompile("(?m)^```([a-z]+)$")
	linkRE    = regexp.MustCompile(`\]\(([^)]*)\)`)
	weightRE  = regexp.MustCompile(`(?m)^weight: (\d+)$`)
)

// TestRealisticPages checks the shape the issue asks for on a 2,000-page
// site: drafts, draft sections, nesting, weights, headings, blocks, links
// and the median size.
func TestRealisticPages(t *testing.T) {
	t.Parallel()
	files := Files(Options{Pages: 2000, Seed: 1, Port: 4321})
	var pages, drafts, draftSections, h3Only, dupIDs, tables, lists, external, weightless int
	var sizes []int
	langs := map[string]bool{}
	weights := map[string]int{}
	maxDepth := 0
	for name, data := range files {
		if !strings.HasPrefix(name, "content/") {
			continue
		}
		src := string(data)
		maxDepth = max(maxDepth, strings.Count(name, "/")-1)
		if strings.HasSuffix(name, "/_index.md") {
			if strings.Contains(src, "\ndraft: true\n") {
				draftSections++
			}
			continue
		}
		pages++
		sizes = append(sizes, len(data))
		if strings.Contains(src, "\ndraft: true\n") {
			drafts++
		}
		if m := weightRE.FindStringSubmatch(src); m != nil {
			weights[filepath.Dir(name)+" "+m[1]]++
		} else {
			weightless++
		}
		hs := headingRE.FindAllStringSubmatch(prose(src), -1)
		if len(hs) < 5 || len(hs) > 15 {
			t.Errorf("%s has %d headings, want 5 to 15", name, len(hs))
		}
		minLevel, seen, dup := 6, map[string]bool{}, false
		for _, h := range hs {
			if l := len(h[1]); l < 2 || l > 4 {
				t.Errorf("%s: heading %q is h%d, want h2 to h4", name, h[2], l)
			} else {
				minLevel = min(minLevel, l)
			}
			dup = dup || seen[h[2]]
			seen[h[2]] = true
		}
		if minLevel == 3 {
			h3Only++
		}
		if dup {
			dupIDs++
		}
		for _, m := range fenceRE.FindAllStringSubmatch(src, -1) {
			langs[m[1]] = true
		}
		if strings.Contains(src, "|--------|") {
			tables++
		}
		if strings.Contains(src, "\n- ") || strings.Contains(src, "\n1. ") {
			lists++
		}
		if strings.Contains(src, "](http://127.0.0.1:4321/") {
			external++
		}
	}
	ties := 0
	for _, n := range weights {
		if n > 1 {
			ties++
		}
	}
	slices.Sort(sizes)
	median := sizes[len(sizes)/2]
	checks := []struct {
		what   string
		got    int
		lo, hi int
	}{
		{"pages", pages, 2000, 2000},
		{"drafts (‰)", drafts * 1000 / pages, 30, 70},
		{"draft sections", draftSections, 1, 10},
		{"section depth", maxDepth, 3, 4},
		{"pages with only h3 and h4 (%)", h3Only * 100 / pages, 10, 30},
		{"pages with a repeated heading (%)", dupIDs * 100 / pages, 10, 100},
		{"code languages", len(langs), 5, 10},
		{"pages with tables (%)", tables * 100 / pages, 20, 100},
		{"pages with lists (%)", lists * 100 / pages, 20, 100},
		{"pages with external links (%)", external * 100 / pages, 50, 100},
		{"pages without weight (%)", weightless * 100 / pages, 5, 15},
		{"weights shared by siblings", ties, 100, pages},
		{"median page bytes", median, 4000, 4800},
	}
	for _, c := range checks {
		if c.got < c.lo || c.got > c.hi {
			t.Errorf("%s = %d, want %d to %d", c.what, c.got, c.lo, c.hi)
		}
	}
}

// prose returns src without its fenced code blocks.
func prose(src string) string {
	var b strings.Builder
	in := false
	for _, line := range strings.SplitAfter(src, "\n") {
		if strings.HasPrefix(line, "```") {
			in = !in
			continue
		}
		if !in {
			b.WriteString(line)
		}
	}
	return b.String()
}

// TestLinksPointAtPublishedHeadings resolves every internal link against
// the planned site: its page is published and its anchor is one of the
// ids of the target's headings.
func TestLinksPointAtPublishedHeadings(t *testing.T) {
	t.Parallel()
	opts := Options{Pages: 500, Seed: 3}
	files := Files(opts)
	// The plan Files made, to know the ids.
	gp := newGen(opts)
	gp.plan()
	ids := map[string]map[string]bool{} // published URL → ids
	for _, p := range gp.published {
		set := map[string]bool{}
		for _, h := range p.headings {
			set[h.id] = true
		}
		ids[p.url()] = set
	}
	links := 0
	for _, p := range gp.pages {
		src := string(files[p.file()])
		own := map[string]bool{}
		for _, h := range p.headings {
			own[h.id] = true
		}
		for _, m := range linkRE.FindAllStringSubmatch(src, -1) {
			dest := m[1]
			if strings.HasPrefix(dest, "http://") {
				continue
			}
			links++
			u, frag, _ := strings.Cut(dest, "#")
			set := own
			if u != "" {
				var ok bool
				if set, ok = ids[u]; !ok {
					t.Errorf("%s links to %s, which is not a published page", p.file(), dest)
					continue
				}
			}
			if frag != "" && !set[frag] {
				t.Errorf("%s links to %s: no heading has id %q", p.file(), dest, frag)
			}
		}
	}
	if links < 500 {
		t.Errorf("only %d internal links in 500 pages", links)
	}
}

func TestSlugMatchesDuplicates(t *testing.T) {
	t.Parallel()
	seen := map[string]int{}
	var got []string
	for _, text := range []string{"Example", "Example", "Example 1", "Example"} {
		got = append(got, uniqueID(seen, slug(text)))
	}
	want := "example example-1 example-1-1 example-2"
	if s := strings.Join(got, " "); s != want {
		t.Errorf("ids = %s, want %s", s, want)
	}
}
