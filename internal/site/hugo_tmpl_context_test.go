package site

import "testing"

// TestHugoTmplShortcodeContext: what a shortcode template sees, as in
// Hugo: .Page.TableOfContents of the page the shortcode is on (its
// headings, those other shortcodes write included), .Position, .Ordinal,
// .Parent, .Name and .InnerDeindent.
func TestHugoTmplShortcodeContext(t *testing.T) {
	t.Parallel()
	tests := []struct{ name, archive, want string }{
		{"OwnTableOfContents", "-- content/p.md --\n---\ntitle: P\n---\n{{< toc >}}\n\n## First\n\n{{% heading %}}\n\n## Third\n" +
			"-- layouts/shortcodes/toc.html --\n{{ with .Page.TableOfContents }}<div class=\"sc-toc\">{{ . }}</div>{{ end }}\n" +
			"-- layouts/shortcodes/heading.html --\n## Second\n",
			"p/index.html contains <div class=\"sc-toc\"><nav class=\"toc\" aria-label=\"On this page\"><ul><li><a href=\"#first\">First</a></li><li><a href=\"#second\">Second</a></li><li><a href=\"#third\">Third</a></li></ul></nav></div>"},
		{"OwnTableOfContentsEmpty", "-- content/p.md --\n---\ntitle: P\n---\n{{< toc >}}\n\nNo headings.\n" +
			"-- layouts/shortcodes/toc.html --\n<div class=\"sc-toc\">{{ with .Page.TableOfContents }}{{ . }}{{ else }}none{{ end }}</div>\n",
			"p/index.html contains <div class=\"sc-toc\">none</div>"},
		{"PageParam", "-- config.toml --\nminify = false\n[params]\nsiteOnly = \"from site\"\nversion = \"v9\"\n[params.grpc_vers]\ngo = \"v1.2.3\"\n" +
			"-- content/p.md --\n---\ntitle: P\nversion: v3.5\n---\n{{< psubstr version 1 >}} {{< psubstr siteonly 5 >}} {{< psubstr grpc_vers.Go 1 >}} {{< psubstr nothing 0 >}}\n" +
			"-- layouts/shortcodes/psubstr.html --\n{{ with $.Page.Param (.Get 0) }}[{{ substr . ($.Get 1) }}]{{ else }}[none]{{ end }}{{/**/ -}}\n" +
			"-- layouts/_default/single.html --\n{{ define \"main\" }}<p class=\"v\">{{ .Param \"VERSION\" }}</p>{{ .Content }}{{ end }}\n",
			"p/index.html contains <p class=\"v\">v3.5</p>\np/index.html contains [3.5] [site] [1.2.3] [none]"},
		{"CallFields", "-- content/p.md --\n---\ntitle: P\n---\n- item\n\n  {{< outer >}}\n    {{< inner >}}\n    {{< inner >}}\n  {{< /outer >}}\n" +
			"-- layouts/shortcodes/outer.html --\n<pre class=\"o\">{{ .Name }} {{ .Ordinal }} {{ .InnerDeindent }}</pre>\n" +
			"-- layouts/shortcodes/inner.html --\n[{{ .Name }} {{ .Ordinal }} of {{ .Parent.Name }} at {{ .Position }}]\n",
			"p/index.html contains <pre class=\"o\">outer 0 \np/index.html contains [inner 0 of outer at content/p.md:7:5]\np/index.html contains [inner 1 of outer at content/p.md:8:5]\np/index.html lacks  [inner"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			hugoTmplSite(t, tt.archive, tt.want)
		})
	}
}
