package toc

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"
)

var update = flag.Bool("update", false, "rewrite golden files")

// parseHeadings reads "level id text" lines.
func parseHeadings(t testing.TB, s string) []Heading {
	var hs []Heading
	for line := range strings.Lines(s) {
		line = strings.TrimRight(line, "\n")
		if line == "" {
			continue
		}
		f := strings.SplitN(line, " ", 3)
		if len(f) < 2 {
			t.Fatalf("bad heading line %q", line)
		}
		lvl, err := strconv.Atoi(f[0])
		if err != nil {
			t.Fatalf("bad heading line %q: %v", line, err)
		}
		h := Heading{Level: lvl, ID: f[1]}
		if len(f) == 3 {
			h.Text = f[2]
		}
		hs = append(hs, h)
	}
	return hs
}

// parseOptions reads "start=N end=N ordered".
func parseOptions(t testing.TB, s string) Options {
	var o Options
	for _, f := range strings.Fields(s) {
		k, v, _ := strings.Cut(f, "=")
		n, _ := strconv.Atoi(v)
		switch k {
		case "start":
			o.StartLevel = n
		case "end":
			o.EndLevel = n
		case "ordered":
			o.Ordered = true
		default:
			t.Fatalf("unknown option %q", f)
		}
	}
	return o
}

func TestGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/*.txtar")
	if err != nil || len(files) == 0 {
		t.Fatalf("no golden files: %v", err)
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			sec := map[string]int{}
			for i, f := range ar.Files {
				sec[f.Name] = i
			}
			hi, ok := sec["headings"]
			if !ok {
				t.Fatal("no headings section")
			}
			var opts Options
			if oi, ok := sec["options"]; ok {
				opts = parseOptions(t, string(ar.Files[oi].Data))
			}
			got := string(Build(parseHeadings(t, string(ar.Files[hi].Data)), opts).HTML())
			if got != "" {
				got += "\n"
			}
			wi, ok := sec["want.html"]
			if *update {
				if !ok {
					ar.Files = append(ar.Files, txtar.File{Name: "want.html"})
					wi = len(ar.Files) - 1
				}
				ar.Files[wi].Data = []byte(got)
				if err := os.WriteFile(file, txtar.Format(ar), 0o666); err != nil {
					t.Fatal(err)
				}
				return
			}
			if !ok {
				t.Fatal("no want.html section (run with -update)")
			}
			if want := string(ar.Files[wi].Data); got != want {
				t.Errorf("HTML() =\n%s\nwant\n%s", got, want)
			}
		})
	}
}

// shape renders entries as "id(child,child)" for compact comparisons.
func shape(es []*Entry) string {
	var parts []string
	for _, e := range es {
		s := e.ID
		if len(e.Children) > 0 {
			s += "(" + shape(e.Children) + ")"
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, ",")
}

func hs(levels ...int) []Heading {
	var out []Heading
	for i, l := range levels {
		id := fmt.Sprintf("h%d", i)
		out = append(out, Heading{Level: l, ID: id, Text: "T" + id})
	}
	return out
}

func TestBuildNesting(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		hs   []Heading
		opts Options
		want string
	}{
		{"Flat", hs(2, 2, 2), Options{}, "h0,h1,h2"},
		{"Nested", hs(2, 3, 3, 2, 3), Options{}, "h0(h1,h2),h3(h4)"},
		{"SkippedLevelNestsDirectly", hs(2, 4, 4, 2), Options{}, "h0(h1,h2),h3"},
		{"DeeperStartIsTopLevel", hs(4, 4, 2, 3), Options{}, "h0,h1,h2(h3)"},
		{"OnlyH4sFullTOC", hs(4, 4, 4, 5), Options{}, "h0,h1,h2(h3)"},
		{"AutoEndIsStartPlusTwo", hs(2, 3, 4, 5), Options{}, "h0(h1(h2))"},
		{"ExplicitRange", hs(1, 2, 3, 4), Options{StartLevel: 2, EndLevel: 3}, "h1(h2)"},
		{"ExplicitStartAutoEnd", hs(1, 2, 3, 4, 5), Options{StartLevel: 2}, "h1(h2(h3))"},
		{"H1ExcludedByStart", hs(1, 2, 2), Options{StartLevel: 2, EndLevel: 6}, "h1,h2"},
		{"Empty", nil, Options{}, ""},
		{"NothingInRange", hs(5, 6), Options{StartLevel: 1, EndLevel: 3}, ""},
		{"DropBackAfterDeep", hs(3, 5, 4, 3), Options{}, "h0(h1,h2),h3"},
		{"BlankTextDropped", []Heading{{2, "a", "A"}, {3, "b", " "}, {3, "c", "C"}}, Options{}, "a(c)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if got := shape(Build(tt.hs, tt.opts).Entries); got != tt.want {
				t.Errorf("Build(%v, %+v) = %q, want %q", tt.hs, tt.opts, got, tt.want)
			}
		})
	}
}

func TestHTML(t *testing.T) {
	t.Parallel()
	t.Run("NilRendersNothing", func(t *testing.T) {
		t.Parallel()
		var toc *TOC
		if got := toc.HTML(); got != "" {
			t.Errorf("(*TOC)(nil).HTML() = %q, want \"\"", got)
		}
	})
	t.Run("EmptyRendersNothing", func(t *testing.T) {
		t.Parallel()
		if got := Build(nil, Options{}).HTML(); got != "" {
			t.Errorf("Build(nil).HTML() = %q, want \"\"", got)
		}
	})
	t.Run("EscapesTextAndID", func(t *testing.T) {
		t.Parallel()
		got := string(Build([]Heading{{2, `a"b`, "<x> & y"}}, Options{}).HTML())
		want := `<nav class="toc" aria-label="On this page"><ul><li><a href="#a&#34;b">&lt;x&gt; &amp; y</a></li></ul></nav>`
		if got != want {
			t.Errorf("HTML() = %q, want %q", got, want)
		}
	})
	t.Run("OrderedUsesOl", func(t *testing.T) {
		t.Parallel()
		got := string(Build(hs(2, 3), Options{Ordered: true}).HTML())
		if strings.Contains(got, "<ul>") || strings.Count(got, "<ol>") != 2 {
			t.Errorf("HTML() = %q, want only <ol> lists", got)
		}
	})
}

// checkTOC verifies the invariants of Build and HTML for any input.
func checkTOC(t *testing.T, in []Heading, opts Options) {
	t.Helper()
	toc := Build(in, opts)
	start, end := Levels(in, opts)
	kept := 0
	for _, h := range in {
		if h.Level >= start && h.Level <= end && strings.TrimSpace(h.Text) != "" {
			kept++
		}
	}
	if n := toc.Len(); n != kept {
		t.Fatalf("Build(%v, %+v) has %d entries, want %d", in, opts, n, kept)
	}
	out := string(toc.HTML())
	if kept == 0 {
		if out != "" {
			t.Fatalf("HTML() = %q, want \"\"", out)
		}
		return
	}
	for _, h := range in {
		if h.Level < start || h.Level > end || strings.TrimSpace(h.Text) == "" {
			continue
		}
		if c := strings.Count(out, `href="#`+h.ID+`"`); c != 1 {
			t.Fatalf("HTML() = %q has %q %d times, want once", out, h.ID, c)
		}
	}
	for _, empty := range []string{"<ul></ul>", "<ol></ol>", "<li></li>", "<li><ul>", "<li><ol>"} {
		if strings.Contains(out, empty) {
			t.Fatalf("HTML() = %q contains %q", out, empty)
		}
	}
	depth := 0
	for i := 0; i < len(out); i++ {
		switch {
		case strings.HasPrefix(out[i:], "<ul>"), strings.HasPrefix(out[i:], "<ol>"), strings.HasPrefix(out[i:], "<li>"):
			depth++
		case strings.HasPrefix(out[i:], "</ul>"), strings.HasPrefix(out[i:], "</ol>"), strings.HasPrefix(out[i:], "</li>"):
			depth--
		}
		if depth < 0 {
			t.Fatalf("HTML() = %q is unbalanced", out)
		}
	}
	if depth != 0 {
		t.Fatalf("HTML() = %q is unbalanced", out)
	}
}

func FuzzBuild(f *testing.F) {
	f.Add([]byte{2, 3, 3, 2}, uint8(0), uint8(0))
	f.Add([]byte{4, 4, 2, 3}, uint8(0), uint8(0))
	f.Add([]byte{2, 4, 6, 1}, uint8(2), uint8(4))
	f.Add([]byte{4, 4, 4}, uint8(0), uint8(0))
	files, _ := filepath.Glob("testdata/*.txtar")
	for _, file := range files {
		ar, err := txtar.ParseFile(file)
		if err != nil {
			continue
		}
		for _, af := range ar.Files {
			if af.Name == "headings" {
				var lv []byte
				for _, h := range parseHeadings(f, string(af.Data)) {
					lv = append(lv, byte(h.Level))
				}
				f.Add(lv, uint8(0), uint8(0))
			}
		}
	}
	f.Fuzz(func(t *testing.T, levels []byte, start, end uint8) {
		in := make([]Heading, len(levels))
		for i, l := range levels {
			in[i] = Heading{Level: int(l % 8), ID: fmt.Sprintf("id%d", i), Text: fmt.Sprintf("t%d", i)}
		}
		checkTOC(t, in, Options{StartLevel: int(start % 8), EndLevel: int(end % 8)})
	})
}

func BenchmarkBuild(b *testing.B) {
	var in []Heading
	levels := []int{2, 3, 3, 4, 2, 3, 4, 4, 2}
	for i := range 60 {
		in = append(in, Heading{Level: levels[i%len(levels)], ID: fmt.Sprintf("section-%d", i), Text: fmt.Sprintf("Section %d & more", i)})
	}
	for b.Loop() {
		_ = Build(in, Options{}).HTML()
	}
}
