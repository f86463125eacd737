package markdown

import (
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/quire-docs/quire/internal/toc"
)

func TestSlug(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"How does Rancher secure it's communications to the Kubernetes API server?", "how-does-rancher-secure-its-communications-to-the-kubernetes-api-server"},
		{"Café", "café"},
		{"Security FAQ's", "security-faqs"},
		{"Security FAQ’s", "security-faqs"},
		{"Hello_World 123", "hello_world-123"},
		{"a  b", "a--b"},
		{"foo-bar", "foo-bar"},
		{"C++ & Go!", "c--go"},
		{"日本語 テスト", "日本語-テスト"},
		{"Emoji 🎉 here", "emoji--here"},
		{"?!", ""},
		{"Use --drafts to preview", "use---drafts-to-preview"},
		{"a -- b --- c", "a----b-----c"},
	}
	for _, tt := range tests {
		if got := Slug(tt.in); got != tt.want {
			t.Errorf("Slug(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// ids renders src and returns its heading ids.
func ids(t *testing.T, src string) []string {
	t.Helper()
	res, err := New(Options{}).Render([]byte(src))
	if err != nil {
		t.Fatalf("Render(%q): %v", src, err)
	}
	var out []string
	for _, h := range res.Headings {
		out = append(out, h.ID)
	}
	return out
}

func TestHeadingIDs(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, src string
		want      []string
	}{
		{"GitHubApostrophe", "## How does Rancher secure it's communications to the Kubernetes API server?", []string{"how-does-rancher-secure-its-communications-to-the-kubernetes-api-server"}},
		{"UnicodeKept", "# Café", []string{"café"}},
		{"TypographerApostropheDropped", "#### Security FAQ's", []string{"security-faqs"}},
		{"DuplicatesNumbered", "## Setup\n\n## Setup\n\n## Setup", []string{"setup", "setup-1", "setup-2"}},
		{"FromLinkText", `## Use [quire](https://x "t")`, []string{"use-quire"}},
		{"FromEmphasisAndCode", "## *Fast* `build`", []string{"fast-build"}},
		{"EscapesResolved", `## a\*b &amp; c`, []string{"ab--c"}},
		{"EmptyGetsHeading", "##\n\n## ?\n\n## !", []string{"heading", "heading-1", "heading-2"}},
		{"CustomKept", "## Setup {#install}", []string{"install"}},
		{"CustomBeforeAuto", "## A {#setup}\n\n## Setup", []string{"setup", "setup-1"}},
		{"CustomAfterAuto", "## Setup\n\n## A {#setup}", []string{"setup-1", "setup"}},
		{"CustomDuplicateMadeUnique", "## A {#x}\n\n## B {#x}", []string{"x", "x-1"}},
		{"SetextHeading", "Title\n=====\n\nSub\n---", []string{"title", "sub"}},
		{"NestedInBlockquoteAndList", "> ## Quote\n\n- ## Item", []string{"quote", "item"}},
		{"IDsPerRender", "## Setup", []string{"setup"}},
		{"DoubleHyphenKept", "## Use --drafts to preview", []string{"use---drafts-to-preview"}},
		{"EnAndEmDashesKept", "## a -- b --- c", []string{"a----b-----c"}},
		{"NothingReservedByDefault", "## Quire main", []string{"quire-main"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := ids(t, tt.src)
			if strings.Join(got, " ") != strings.Join(tt.want, " ") {
				t.Errorf("ids of %q = %q, want %q", tt.src, got, tt.want)
			}
		})
	}
}

func TestReservedIDs(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, src string
		reserved  []string
		want      []string
	}{
		{"AutoIDAvoidsReserved", "## Quire main", []string{"quire-main"}, []string{"quire-main-1"}},
		{"CustomIDAvoidsReserved", "## A {#quire-main}", []string{"quire-main"}, []string{"quire-main-1"}},
		{"SuffixAvoidsReservedToo", "## Quire main\n\n## Quire main", []string{"quire-main", "quire-main-1"}, []string{"quire-main-2", "quire-main-3"}},
		{"OthersUntouched", "## Setup", []string{"quire-main"}, []string{"setup"}},
		{"ReservedPerRender", "## Quire main", []string{"quire-main"}, []string{"quire-main-1"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			r := New(Options{ReservedIDs: tt.reserved})
			for range 2 { // the second Render must not see the first's ids
				res, err := r.Render([]byte(tt.src))
				if err != nil {
					t.Fatal(err)
				}
				var got []string
				for _, h := range res.Headings {
					got = append(got, h.ID)
				}
				if strings.Join(got, " ") != strings.Join(tt.want, " ") {
					t.Errorf("ids of %q with %q reserved = %q, want %q", tt.src, tt.reserved, got, tt.want)
				}
			}
		})
	}
}

func TestHeadingAttributes(t *testing.T) {
	t.Parallel()
	src := []byte(`## A {#x .c1 .c2 style="position:fixed" onclick="alert(1)" data-x="1" title="t"}`)
	tests := []struct {
		name      string
		unsafe    bool
		want      string
		forbidden []string
	}{
		{"SafeKeepsOnlyIDAndClass", false, `<h2 id="x" class="c1 c2">A`, []string{"style", "onclick", "data-x", "title="}},
		{"UnsafeKeepsGlobalAndData", true, `<h2 id="x" class="c1 c2" style="position:fixed" data-x="1" title="t">A`, []string{"onclick"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			res, err := New(Options{Unsafe: tt.unsafe}).Render(src)
			if err != nil {
				t.Fatal(err)
			}
			html := string(res.HTML)
			if !strings.Contains(html, tt.want) {
				t.Errorf("HTML = %s\nwant it to contain %s", html, tt.want)
			}
			for _, f := range tt.forbidden {
				if strings.Contains(html, f) {
					t.Errorf("HTML = %s\nwant no %s", html, f)
				}
			}
		})
	}
}

func TestHeadingsAndAnchors(t *testing.T) {
	t.Parallel()
	res, err := New(Options{}).Render([]byte("## Setup\n\n### It's `go`\n"))
	if err != nil {
		t.Fatal(err)
	}
	want := []toc.Heading{{Level: 2, ID: "setup", Text: "Setup"}, {Level: 3, ID: "its-go", Text: "It’s go"}}
	if fmt.Sprint(res.Headings) != fmt.Sprint(want) {
		t.Errorf("Headings = %v, want %v", res.Headings, want)
	}
	html := string(res.HTML)
	for _, w := range []string{
		`<h2 id="setup">Setup<a class="anchor" href="#setup" aria-label="Link to this section: Setup">#</a></h2>`,
		`aria-label="Link to this section: It’s go">#</a></h3>`,
	} {
		if !strings.Contains(html, w) {
			t.Errorf("HTML = %s\nwant it to contain %s", html, w)
		}
	}
}

func TestLinkPositions(t *testing.T) {
	t.Parallel()
	src := "# [H](/h)\n\n- a [b](/b)\n\npara ![i](/i)\n<https://x.y>\n"
	res, err := New(Options{}).Render([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	want := []Link{
		{Dest: "/h", URL: "/h", Pos: Pos{1, 3}},
		{Dest: "/b", URL: "/b", Pos: Pos{3, 5}},
		{Dest: "/i", URL: "/i", Image: true, Pos: Pos{5, 6}},
		{Dest: "https://x.y", URL: "https://x.y", Pos: Pos{6, 1}},
	}
	if fmt.Sprint(res.Links) != fmt.Sprint(want) {
		t.Errorf("Links = %v, want %v", res.Links, want)
	}
}

func TestRawHTML(t *testing.T) {
	t.Parallel()
	src := []byte("<div>x</div>\n\na <b>b</b>\n")
	t.Run("DroppedAndReportedWhenSafe", func(t *testing.T) {
		t.Parallel()
		res, err := New(Options{}).Render(src)
		if err != nil {
			t.Fatal(err)
		}
		if s := string(res.HTML); strings.Contains(s, "<div") || strings.Contains(s, "<b>") || strings.Contains(s, "omitted") {
			t.Errorf("HTML = %q, want raw HTML left out", s)
		}
		want := []Pos{{1, 1}, {3, 3}, {3, 7}}
		if fmt.Sprint(res.RawHTML) != fmt.Sprint(want) {
			t.Errorf("RawHTML = %v, want %v", res.RawHTML, want)
		}
	})
	t.Run("RenderedWhenUnsafe", func(t *testing.T) {
		t.Parallel()
		res, err := New(Options{Unsafe: true}).Render(src)
		if err != nil {
			t.Fatal(err)
		}
		if s := string(res.HTML); !strings.Contains(s, "<div>x</div>") || !strings.Contains(s, "<b>b</b>") {
			t.Errorf("HTML = %q, want raw HTML kept", s)
		}
		if len(res.RawHTML) != 0 {
			t.Errorf("RawHTML = %v, want none when Unsafe", res.RawHTML)
		}
	})
}

func TestCodeBlocks(t *testing.T) {
	t.Parallel()
	tests := []struct{ name, src, want string }{
		{"KnownLanguageHighlighted", "```go\nfunc f() {}\n```", `<pre class="chroma"><code class="language-go"><span class="kd">func</span>`},
		{"UnknownLanguageEscaped", "```nope\n<script>\n```", `<code class="language-nope">&lt;script&gt;`},
		{"NoLanguagePlain", "```\n<b>\n```", "<pre class=\"chroma\"><code>&lt;b&gt;\n</code></pre>"},
		{"InfoStringAttributesIgnored", "```go {linenos=true}\nx\n```", `class="language-go"`},
		{"Indented", "    a < b\n", "<pre class=\"chroma\"><code>a &lt; b\n</code></pre>"},
	}
	r := New(Options{})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			res, err := r.Render([]byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			if s := string(res.HTML); !strings.Contains(s, tt.want) || strings.Contains(s, "style=") {
				t.Errorf("Render(%q) = %q, want it to contain %q and no style=", tt.src, s, tt.want)
			}
		})
	}
}

// TestConcurrentRender shares one Renderer between goroutines; run with
// -race. Each page must get its own ids (no "-1" leaking across pages).
func TestConcurrentRender(t *testing.T) {
	t.Parallel()
	r := New(Options{})
	src := []byte("## Setup\n\n## Setup\n\n```go\nx := 1\n```\n\n[a](/a)\n")
	want, err := r.Render(src)
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 20 {
				got, err := r.Render(src)
				if err != nil {
					t.Error(err)
					return
				}
				if string(got.HTML) != string(want.HTML) || fmt.Sprint(got.Headings) != fmt.Sprint(want.Headings) {
					t.Errorf("concurrent Render differs:\n%s\nwant\n%s", got.HTML, want.HTML)
					return
				}
			}
		})
	}
	wg.Wait()
}

func FuzzRender(f *testing.F) {
	for _, file := range goldenFiles(f) {
		a, err := txtar.ParseFile(file)
		if err != nil {
			f.Fatal(err)
		}
		if in, ok := section(a, "input.md"); ok {
			f.Add([]byte(in), false)
			f.Add([]byte(in), true)
		}
	}
	f.Add([]byte("## {#}\n\n[x]( <\x00>)\n\n![[a](b)](c)"), false)
	f.Add([]byte("```"+strings.Repeat("x", 20_000)+"\ncode\n```\n"), false)
	f.Add([]byte("$$\na_1 $$ b\n\n\\(x\\) *\\(y*\\)\n\n```math\nz\n```\n```mermaid\ng\n```"), true)
	// The unsafe renderer also has math and Mermaid on.
	m := DefaultMath()
	safe, unsafe := New(Options{}), New(Options{Unsafe: true, Math: &m, Mermaid: true})
	f.Fuzz(func(t *testing.T, src []byte, u bool) {
		r := safe
		if u {
			r = unsafe
		}
		res, err := r.Render(src)
		if ne := (*NestingError)(nil); errors.As(err, &ne) {
			return // too deep to render: refused, as it must be, with its position
		}
		if err != nil {
			t.Fatalf("Render(%q): %v", src, err)
		}
		seen := map[string]bool{}
		for _, h := range res.Headings {
			if h.ID == "" || seen[h.ID] {
				t.Fatalf("Render(%q): heading id %q empty or repeated", src, h.ID)
			}
			seen[h.ID] = true
		}
		for _, l := range res.Links {
			if l.Pos.Line < 0 || l.Pos.Col < 0 {
				t.Fatalf("Render(%q): bad position %v", src, l.Pos)
			}
		}
	})
}

func TestBlackfridayHeadingIDs(t *testing.T) {
	t.Parallel()
	r := New(Options{HeadingIDs: "blackfriday"})
	res, err := r.Render([]byte("## What's Next?\n\n### Option B—Bring Your Own Certificate: Self-Signed\n\n## Part 11: Backup (rancher-cluster.yml)\n\n## What's Next?\n\n## Amazon Only:<br/>Tag Resources\n"))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"what-s-next", "option-b-bring-your-own-certificate-self-signed", "part-11-backup-rancher-cluster-yml", "what-s-next-1", "amazon-only-br-tag-resources"}
	var got []string
	for _, h := range res.Headings {
		got = append(got, h.ID)
	}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("blackfriday ids = %v, want %v", got, want)
	}
	for in, want := range map[string]string{"": "", "?!": "", "  Ünïcode  42 ": "ünïcode-42", "a--b": "a-b"} {
		if got := SlugBlackfriday(in); got != want {
			t.Errorf("SlugBlackfriday(%q) = %q, want %q", in, got, want)
		}
	}
}
