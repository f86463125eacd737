package markdown

import (
	"fmt"
	"strings"
	"sync"
	"testing"
)

// mapResolver resolves the destinations in m and keeps the others, and
// records what it was asked.
type mapResolver struct {
	m     map[string]string
	mu    sync.Mutex
	asked []string
}

func (r *mapResolver) resolve(dest string) (string, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.asked = append(r.asked, dest)
	url, ok := r.m[dest]
	return url, ok
}

func TestRenderPageResolve(t *testing.T) {
	t.Parallel()
	m := map[string]string{"https://a.md/x": "/no/", "a.md": "/a/", "img.png": "/x/img.png", "#x": "#y", "ref.md": "/ref/"}
	tests := []struct {
		name, src string
		want      []string // substrings of the HTML
		links     []Link   // Dest, URL and Image only
		asked     []string // what the resolver is called with, in order
	}{
		{"InlineLinkRewritten", "[a](a.md)", []string{`<a href="/a/">a</a>`}, []Link{{Dest: "a.md", URL: "/a/"}}, []string{"a.md"}},
		{"ImageRewritten", "![i](img.png)", []string{`<img src="/x/img.png" alt="i">`}, []Link{{Dest: "img.png", URL: "/x/img.png", Image: true}}, []string{"img.png"}},
		{"UnchangedWhenNotOK", "[b](b.md)", []string{`<a href="b.md">b</a>`}, []Link{{Dest: "b.md", URL: "b.md"}}, []string{"b.md"}},
		{"TitlesKept", `[a](a.md "T") ![i](img.png "I")`, []string{`<a href="/a/" title="T">a</a>`, `<img src="/x/img.png" alt="i" title="I">`}, []Link{{Dest: "a.md", URL: "/a/"}, {Dest: "img.png", URL: "/x/img.png", Image: true}}, []string{"a.md", "img.png"}},
		{"FragmentPassedToResolver", "[x](#x)", []string{`<a href="#y">x</a>`}, []Link{{Dest: "#x", URL: "#y"}}, []string{"#x"}},
		{"ReferenceLinkEachUse", "[one][r] and [two][r]\n\n[r]: ref.md", []string{`<a href="/ref/">one</a> and <a href="/ref/">two</a>`}, []Link{{Dest: "ref.md", URL: "/ref/"}, {Dest: "ref.md", URL: "/ref/"}}, []string{"ref.md", "ref.md"}},
		{"AutolinksNotResolved", "<https://a.md/x> and https://a.md/y", []string{`<a href="https://a.md/x">`, `<a href="https://a.md/y">`}, []Link{{Dest: "https://a.md/x", URL: "https://a.md/x"}, {Dest: "https://a.md/y", URL: "https://a.md/y"}}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			r := &mapResolver{m: m}
			res, err := New(Options{Unsafe: true}).RenderPage([]byte(tt.src), RenderOptions{Resolve: r.resolve})
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range tt.want {
				if !strings.Contains(string(res.HTML), w) {
					t.Errorf("RenderPage(%q) HTML = %s\nwant it to contain %s", tt.src, res.HTML, w)
				}
			}
			var got []Link
			for _, l := range res.Links {
				got = append(got, Link{Dest: l.Dest, URL: l.URL, Image: l.Image})
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.links) {
				t.Errorf("RenderPage(%q) Links = %v, want %v", tt.src, got, tt.links)
			}
			if fmt.Sprint(r.asked) != fmt.Sprint(tt.asked) {
				t.Errorf("RenderPage(%q) asked the resolver %q, want %q (once per link, no autolinks)", tt.src, r.asked, tt.asked)
			}
		})
	}
}

func TestRenderPageRawHTMLNotResolved(t *testing.T) {
	t.Parallel()
	r := &mapResolver{m: map[string]string{"a.md": "/a/"}}
	res, err := New(Options{Unsafe: true}).RenderPage([]byte("<a href=\"a.md\">x</a>\n\n<p><img src=\"a.md\"></p>\n"), RenderOptions{Resolve: r.resolve})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.asked) != 0 || strings.Contains(string(res.HTML), "/a/") {
		t.Errorf("raw HTML resolved: asked %q, HTML %s", r.asked, res.HTML)
	}
}

// TestConcurrentRenderPage gives each goroutine its own resolver on one
// shared Renderer; run with -race. No call may see another's URLs.
func TestConcurrentRenderPage(t *testing.T) {
	t.Parallel()
	r := New(Options{})
	src := []byte("[a](a.md) ![i](img.png) [r][r]\n\n[r]: a.md\n")
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			prefix := fmt.Sprintf("/g%d/", g)
			resolve := func(dest string) (string, bool) { return prefix + dest, true }
			want := fmt.Sprintf(`<p><a href="%[1]sa.md">a</a> <img src="%[1]simg.png" alt="i"> <a href="%[1]sa.md">r</a></p>`, prefix)
			for range 20 {
				res, err := r.RenderPage(src, RenderOptions{Resolve: resolve})
				if err != nil {
					t.Error(err)
					return
				}
				if got := strings.TrimSpace(string(res.HTML)); got != want {
					t.Errorf("concurrent RenderPage = %s, want %s", got, want)
					return
				}
			}
		})
	}
	wg.Wait()
}
