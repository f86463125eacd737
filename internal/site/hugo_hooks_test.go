package site

import (
	"context"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/quire-docs/quire/internal/config"
	"github.com/quire-docs/quire/internal/content"
)

// TestHugoHooks: the site's render hooks (layouts/_markup/render-*.html
// or layouts/_default/_markup/render-*.html) render links, images,
// headings, block quotes and code blocks with Hugo's context fields, and
// the link check sees the URLs a hook writes, traced to the markdown.
func TestHugoHooks(t *testing.T) {
	t.Parallel()
	const page = "-- content/p.md --\n---\ntitle: The Page\n---\n"
	const other = "-- content/q.md --\n---\ntitle: Q\n---\n## Part\n"
	tests := []struct{ name, archive, want string }{
		{"Link", page + "See [*the* other](q.md#part \"T\") and [twice](q.md).\n" + other +
			"-- layouts/_markup/render-link.html --\n" +
			`<a class="hooked" href="{{ .Destination | safeURL }}" title="{{ .Title }}">{{ .Text }}|{{ .PlainText }}|{{ .Ordinal }}|{{ .Position }}|{{ .Page.Title }}</a>` + "\n",
			`p/index.html contains <a class="hooked" href="/q/#part" title="T"><em>the</em> other|the other|0|content/p.md:4:5|The Page</a>` + "\n" +
				`p/index.html contains <a class="hooked" href="/q/" title="">twice|twice|1|content/p.md:4:38|The Page</a>`},
		{"OldHookDir", page + "See [q](q.md).\n" + other +
			"-- layouts/_default/_markup/render-link.html --\n<a data-old href=\"{{ .Destination }}\">{{ .Text }} in {{ .PageInner.Title }}</a>\n",
			`p/index.html contains <a data-old href="/q/">q in The Page</a>`},
		{"CurrentHookDirWins", page + "See [q](q.md).\n" + other +
			"-- layouts/_default/_markup/render-link.html --\n<a data-old href=\"{{ .Destination }}\">{{ .Text }}</a>\n" +
			"-- layouts/_markup/render-link.html --\n<a data-new href=\"{{ .Destination }}\">{{ .Text }}</a>\n",
			"p/index.html contains <a data-new href=\"/q/\">q</a>\np/index.html lacks data-old"},
		{"SectionAndTypeHooks", page + "See [q](q.md).\n" + other +
			"-- content/docs/a.md --\n---\ntitle: A\n---\nSee [q](../q.md).\n" +
			"-- content/guide/b.md --\n---\ntitle: B\ntype: special\n---\nSee [q](../q.md).\n" +
			"-- layouts/_markup/render-link.html --\n<a data-all href=\"{{ .Destination }}\">{{ .Text }}</a>\n" +
			"-- layouts/docs/_markup/render-link.html --\n<a data-docs href=\"{{ .Destination }}\">{{ .Text }}</a>\n" +
			"-- layouts/special/_markup/render-link.html --\n<a data-special href=\"{{ .Destination }}\">{{ .Text }}</a>\n",
			"p/index.html contains <a data-all href=\"/q/\">q</a>\n" +
				"docs/a/index.html contains <a data-docs href=\"/q/\">q</a>\n" +
				"guide/b/index.html contains <a data-special href=\"/q/\">q</a>"},
		{"Image", page + "![An *owl*](owl.png \"Owl\")\n-- content/owl.png --\nPNG\n" +
			"-- layouts/_markup/render-image.html --\n<img src=\"{{ .Destination }}\" alt=\"{{ .PlainText }}\" title=\"{{ .Title }}\" data-ord=\"{{ .Ordinal }}\">\n",
			`p/index.html contains <img src="/owl.png" alt="An owl" title="Owl" data-ord="0">`},
		{"Heading", page + "## Set *up* {.big}\n\nText.\n" +
			"-- layouts/_markup/render-heading.html --\n<h{{ .Level }} id=\"{{ .Anchor }}\" class=\"{{ .Attributes.class }}\">{{ .Text }} ({{ .PlainText }})</h{{ .Level }}>\n",
			`p/index.html contains <h2 id="set-up" class="big">Set <em>up</em> (Set up)</h2>`},
		{"BlockquoteAlert", page + "> [!WARNING]+ Mind it\n> Do **not** do this.\n\n> Just a quote.\n" +
			"-- layouts/_markup/render-blockquote.html --\n<div class=\"bq-{{ .Type }}\" data-alert=\"{{ .AlertType }}\" data-sign=\"{{ .AlertSign }}\" data-title=\"{{ .AlertTitle }}\" data-ord=\"{{ .Ordinal }}\">{{ .Text }}</div>\n",
			`p/index.html contains <div class="bq-alert" data-alert="warning" data-sign="&#43;" data-title="Mind it" data-ord="0"><p>Do <strong>not</strong> do this.</p>` + "\n" +
				`p/index.html contains <div class="bq-regular" data-alert="" data-sign="" data-title="" data-ord="1"><p>Just a quote.</p>` + "\n" +
				"p/index.html lacks [!WARNING]"},
		{"BlockquoteAlertAlone", page + "> [!NOTE]\n\nAfter.\n" +
			"-- layouts/_markup/render-blockquote.html --\n<div class=\"{{ .AlertType }}\">[{{ .Text }}]</div>\n",
			`p/index.html contains <div class="note">[]</div>`},
		{"CodeblockLang", page + "```mermaid {title=\"Flow\" linenos=true hl_lines=[2]}\ngraph TD;\n  A-->B;\n```\n\n```go\npackage main\n```\n" +
			"-- layouts/_markup/render-codeblock-mermaid.html --\n<pre class=\"mermaid\" data-title=\"{{ .Attributes.title }}\" data-linenos=\"{{ .Options.linenos }}\" data-hl=\"{{ index .Options.hl_lines 0 }}\" data-pos=\"{{ .Position }}\">{{ .Inner }}</pre>\n" +
			"-- layouts/_markup/render-codeblock.html --\n<pre data-type=\"{{ .Type }}\" data-ord=\"{{ .Ordinal }}\">{{ .Inner }}</pre>\n",
			"p/index.html contains <pre class=\"mermaid\" data-title=\"Flow\" data-linenos=\"true\" data-hl=\"2\" data-pos=\"content/p.md:4:1\">graph TD;\n" +
				"p/index.html contains A--&gt;B;\n" +
				"p/index.html contains <pre data-type=\"go\" data-ord=\"1\">package main"},
		{"Table", page + "| A | *B* |\n|:--|--:|\n| 1 | 2 |\n| 3 | 4 |\n" +
			"-- layouts/_markup/render-table.html --\n" +
			`<table data-ord="{{ .Ordinal }}" data-pos="{{ .Position }}">{{ range .THead }}<tr>{{ range . }}<th data-align="{{ .Alignment }}">{{ .Text }}</th>{{ end }}</tr>{{ end }}` +
			`{{ range .TBody }}<tr>{{ range . }}<td>{{ .Text }}</td>{{ end }}</tr>{{ end }}</table>` + "\n",
			`p/index.html contains <table data-ord="0" data-pos="content/p.md:4:1"><tr><th data-align="left">A</th><th data-align="right"><em>B</em></th></tr><tr><td>1</td><td>2</td></tr><tr><td>3</td><td>4</td></tr></table>`},
		{"HookWithShortcodes", page + "{{< sc >}}\n\nSee [q](q.md).\n" + other +
			"-- layouts/shortcodes/sc.html --\n<b>sc</b>\n" +
			"-- layouts/_markup/render-link.html --\n<a data-pos=\"{{ .Position }}\" href=\"{{ .Destination }}\">{{ .Text }}</a>\n",
			`p/index.html contains <a data-pos="content/p.md:6:5" href="/q/">q</a>`},
		{"LinkCheckSeesHookOutput", page + "Text.\n\nSee [q](q.md).\n" + other +
			"-- layouts/_markup/render-link.html --\n<a href=\"{{ .Destination }}#gone\">{{ .Text }}</a>\n",
			`error content/p.md:6:5: broken link "q.md": no anchor "gone" on /q/`},
		{"LinkCheckTracesEveryURLOfAHook", page + "Text.\n\nSee [q](q.md) and ![owl](owl.png).\n" + other + "-- content/owl.png --\nPNG\n" +
			"-- layouts/_markup/render-link.html --\n<a href=\"{{ .Destination }}\">{{ .Text }}</a> <a href=\"/elsewhere/\">more</a>\n" +
			"-- layouts/_markup/render-image.html --\n<a href=\"{{ .Destination }}\"><img src=\"/big-{{ .Destination }}\" alt=\"\"></a>\n",
			`error content/p.md:6:5: broken link "q.md": no page or file /elsewhere/` + "\n" +
				`error content/p.md:6:19: broken link "owl.png": no page or file /big-/owl.png`},
		{"HookError", page + "See [q](q.md).\n" + other +
			"-- layouts/_markup/render-link.html --\n{{ .Nope }}\n",
			`error content/p.md:4:5: render hook link: layouts/_markup/render-link.html:1:4: <.Nope>: can't evaluate field Nope in type *markdown.LinkContext`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			hugoTmplSite(t, tt.archive, tt.want)
		})
	}
}

// TestHugoHooksRebuild: a rebuild after a render hook template changed
// renders the pages with the new hook, though their markdown did not
// change and the last build's results are kept for reuse.
func TestHugoHooksRebuild(t *testing.T) {
	t.Parallel()
	fsys := fstest.MapFS{
		"config.toml":                      {Data: []byte("minify = false\n")},
		"content/p.md":                     {Data: []byte("---\ntitle: P\n---\n## Top\n\nSee [top](#top).\n")},
		"layouts/_markup/render-link.html": {Data: []byte(`<a class="v1" href="{{ .Destination }}">{{ .Text }}</a>`)},
	}
	cache, files := NewCache(), content.NewFileCache()
	cfg, _, err := config.Parse(fsys["config.toml"].Data)
	if err != nil {
		t.Fatal(err)
	}
	build := func(changed []string) *Site {
		t.Helper()
		s, err := Build(context.Background(), fsys, cfg, Options{Cache: cache, Files: files, Links: LinksWarn, Changed: changed})
		if err != nil {
			t.Fatalf("Build: %v", err)
		}
		return s
	}
	if got := file(t, build(nil), "p/index.html"); !strings.Contains(got, `<a class="v1" href="#top">top</a>`) {
		t.Fatalf("first build: no v1 link in\n%s", got)
	}
	fsys["layouts/_markup/render-link.html"] = &fstest.MapFile{Data: []byte(`<a class="v2" href="{{ .Destination }}">{{ .Text }}</a>`), ModTime: time.Unix(2, 0)}
	got := file(t, build([]string{"layouts/_markup/render-link.html"}), "p/index.html")
	if !strings.Contains(got, `<a class="v2" href="#top">top</a>`) {
		t.Errorf("rebuild after the hook changed: no v2 link in\n%s", got)
	}
}

// TestHugoHooksBudget: the render hooks of a page body write against one
// budget, the page's (config maxPageBytes): two hooks that each stay
// under it fail the page together, at the link that went past it.
func TestHugoHooksBudget(t *testing.T) {
	t.Parallel()
	hugoTmplSite(t, "-- config.toml --\nminify = false\nmaxPageBytes = 65536\n"+
		"-- content/p.md --\n---\ntitle: P\n---\n[a](#a) and [b](#b)\n"+
		"-- layouts/_markup/render-link.html --\n{{ range 4000 }}0123456789{{ end }}\n",
		`error content/p.md:4:13: render hook link: rendering with layouts/_markup/render-link.html: output exceeds 64 KiB (limit maxPageBytes)`)
}

// TestHugoHooksReadPage: a body rendered by hooks that read .Page is
// rendered anew in a rebuild, so what the hook shows of the page (here its
// title, changed in the front matter) is never stale.
func TestHugoHooksReadPage(t *testing.T) {
	t.Parallel()
	fsys := fstest.MapFS{
		"config.toml":                      {Data: []byte("minify = false\n")},
		"content/p.md":                     {Data: []byte("---\ntitle: Old\n---\n## Top\n\nSee [top](#top).\n")},
		"layouts/_markup/render-link.html": {Data: []byte(`<a class="hooked" href="{{ .Destination }}">{{ .Text }} on {{ .Page.Title }}</a>`)},
	}
	cache, files := NewCache(), content.NewFileCache()
	cfg, _, err := config.Parse(fsys["config.toml"].Data)
	if err != nil {
		t.Fatal(err)
	}
	for i, title := range []string{"Old", "New"} {
		fsys["content/p.md"] = &fstest.MapFile{Data: []byte("---\ntitle: " + title + "\n---\n## Top\n\nSee [top](#top).\n"), ModTime: time.Unix(int64(i+1), 0)}
		s, err := Build(context.Background(), fsys, cfg, Options{Cache: cache, Files: files, Links: LinksWarn, Changed: []string{"content/p.md"}})
		if err != nil {
			t.Fatalf("build %d: %v", i, err)
		}
		if got, want := file(t, s, "p/index.html"), `<a class="hooked" href="#top">top on `+title+`</a>`; !strings.Contains(got, want) {
			t.Errorf("build %d: no %s in\n%s", i, want, got)
		}
	}
}

// TestHugoHooksFenceAttributes: the attributes of a code block a hook
// renders are the hook's to read, so quire does not warn that it ignores
// them; a block no hook renders still gets the warning.
func TestHugoHooksFenceAttributes(t *testing.T) {
	t.Parallel()
	s := mustBuild(t, "-- config.toml --\nminify = false\n"+
		"-- content/p.md --\n---\ntitle: P\n---\n```mermaid {theme=dark}\ngraph TD;\n```\n\n```go {colour=red}\npackage main\n```\n"+
		"-- layouts/_markup/render-codeblock-mermaid.html --\n<pre class=\"mermaid\" data-theme=\"{{ .Attributes.theme }}\">{{ .Inner }}</pre>\n", Options{})
	if got := file(t, s, "p/index.html"); !strings.Contains(got, `<pre class="mermaid" data-theme="dark">graph TD;`) {
		t.Errorf("no mermaid block with its theme in\n%s", got)
	}
	var got []string
	for _, w := range s.Warnings {
		got = append(got, w.Error())
	}
	want := []string{`content/p.md:8:8: unknown code block attribute "colour"; ignored (hint: quire reads linenos, hl_lines, linenostart, anchorlinenos, lineanchors, lineNumbersInTable, title, id, class)`}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestHugoHooksTypeChange: a rebuild after a page's front matter changed
// its type renders its body with the hooks of the new type.
func TestHugoHooksTypeChange(t *testing.T) {
	t.Parallel()
	fsys := fstest.MapFS{
		"config.toml":                              {Data: []byte("minify = false\n")},
		"layouts/_markup/render-link.html":         {Data: []byte(`<a data-all href="{{ .Destination }}">{{ .Text }}</a>`)},
		"layouts/special/_markup/render-link.html": {Data: []byte(`<a data-special href="{{ .Destination }}">{{ .Text }}</a>`)},
	}
	cache, files := NewCache(), content.NewFileCache()
	cfg, _, err := config.Parse(fsys["config.toml"].Data)
	if err != nil {
		t.Fatal(err)
	}
	for i, fm := range []string{"title: P", "title: P\ntype: special"} {
		fsys["content/p.md"] = &fstest.MapFile{Data: []byte("---\n" + fm + "\n---\n## Top\n\nSee [top](#top).\n"), ModTime: time.Unix(int64(i+1), 0)}
		s, err := Build(context.Background(), fsys, cfg, Options{Cache: cache, Files: files, Links: LinksWarn, Changed: []string{"content/p.md"}})
		if err != nil {
			t.Fatalf("build %d: %v", i, err)
		}
		want := []string{`<a data-all href="#top">top</a>`, `<a data-special href="#top">top</a>`}[i]
		if got := file(t, s, "p/index.html"); !strings.Contains(got, want) {
			t.Errorf("build %d: no %s in\n%s", i, want, got)
		}
	}
}

// TestHugoHooksQuickMatchesFull: with render hooks, quick rebuilds after
// text edits (and full ones after a hook changed) give what a full build
// without a cache gives, hooks that read pages or not.
func TestHugoHooksQuickMatchesFull(t *testing.T) {
	t.Parallel()
	for _, hook := range []string{
		`<a class="h" href="{{ .Destination }}">{{ .Text }}</a>`,
		`<a class="h" href="{{ .Destination }}">{{ .Text }} ({{ .Page.Title }})</a>`,
	} {
		fsys := fstest.MapFS{
			"config.toml":                         {Data: []byte("minify = false\n")},
			"content/a.md":                        {Data: []byte("---\ntitle: A\n---\n## Top\n\nSee [b](b.md#notes).\n")},
			"content/b.md":                        {Data: []byte("---\ntitle: B\n---\n## Notes\n\nBack to [a](a.md#top).\n")},
			"layouts/_markup/render-link.html":    {Data: []byte(hook)},
			"layouts/_markup/render-heading.html": {Data: []byte(`<h{{ .Level }} id="{{ .Anchor }}">{{ .Text }}</h{{ .Level }}>`)},
		}
		cache, files := NewCache(), content.NewFileCache()
		tick := 0
		write := func(name, data string) {
			tick++
			fsys[name] = &fstest.MapFile{Data: []byte(data), ModTime: time.Unix(int64(tick), 0)}
		}
		steps := []struct {
			name    string
			edit    func()
			changed []string
			quick   bool
		}{
			{"Cold", func() {}, nil, false},
			{"Text", func() { write("content/a.md", "---\ntitle: A\n---\n## Top\n\nSee [b](b.md#notes), edited.\n") }, []string{"content/a.md"}, true},
			{"HeadingRenamed", func() { write("content/b.md", "---\ntitle: B\n---\n## Remarks\n\nBack to [a](a.md#top).\n") }, []string{"content/b.md"}, true},
			{"Hook", func() {
				write("layouts/_markup/render-heading.html", `<h{{ .Level }} class="v2" id="{{ .Anchor }}">{{ .Text }}</h{{ .Level }}>`)
			},
				[]string{"layouts/_markup/render-heading.html"}, false},
			{"TextAfterHook", func() { write("content/b.md", "---\ntitle: B\n---\n## Remarks\n\nBack to [a](a.md#top), edited.\n") }, []string{"content/b.md"}, true},
		}
		cfg, _, err := config.Parse(fsys["config.toml"].Data)
		if err != nil {
			t.Fatal(err)
		}
		for _, st := range steps {
			st.edit()
			got, err := Build(context.Background(), fsys, cfg, Options{Cache: cache, Files: files, Links: LinksWarn, Changed: st.changed})
			if err != nil {
				t.Fatalf("%s: %v", st.name, err)
			}
			if cache.Quick() != st.quick {
				t.Errorf("%s: quick = %v, want %v", st.name, cache.Quick(), st.quick)
			}
			want, err := Build(context.Background(), fsys, cfg, Options{Links: LinksWarn})
			if err != nil {
				t.Fatalf("%s: full build: %v", st.name, err)
			}
			sameSite(t, st.name, got, want)
		}
	}
}

// TestHugoHooksReadPageReuse: where hooks that read pages ran, a rebuild
// renders the body anew; a body in which no hook ran is reused.
func TestHugoHooksReadPageReuse(t *testing.T) {
	t.Parallel()
	fsys := fstest.MapFS{
		"config.toml":                      {Data: []byte("minify = false\n")},
		"content/_index.md":                {Data: []byte("---\ntitle: Home\n---\nHome text.\n")},
		"content/a.md":                     {Data: []byte("---\ntitle: A\n---\nSee [b](b.md).\n")},
		"content/b.md":                     {Data: []byte("---\ntitle: B\n---\nNo links.\n")},
		"layouts/_markup/render-link.html": {Data: []byte(`<a href="{{ .Destination }}">{{ .Text }} ({{ .Page.Title }})</a>`)},
	}
	cache, files := NewCache(), content.NewFileCache()
	cfg, _, err := config.Parse(fsys["config.toml"].Data)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 2 {
		if _, err := Build(context.Background(), fsys, cfg, Options{Cache: cache, Files: files, Links: LinksWarn}); err != nil {
			t.Fatalf("build %d: %v", i, err)
		}
	}
	if rendered, reused := cache.Last(); rendered != 1 || reused != 2 {
		t.Errorf("second build rendered %d bodies and reused %d, want 1 (a's) and 2", rendered, reused)
	}
}
