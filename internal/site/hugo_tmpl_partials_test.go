package site

import (
	"strings"
	"testing"
)

// hugoTmplSite builds archive (minify off unless its config.toml says
// otherwise) and checks want's lines as TestHugo does.
func hugoTmplSite(t *testing.T, archive, want string) {
	t.Helper()
	if !strings.Contains(archive, "-- config.toml --") {
		archive = "-- config.toml --\nminify = false\n" + archive
	}
	s, err := buildTxtar(t, archive, Options{})
	checkHugo(t, s, err, want)
}

// TestHugoTmplPartials: shortcode templates call the layouts' partials as
// Hugo's do, from layouts/partials and layouts/_partials (which wins, as
// in current Hugo), with partialCached and its variants; layouts and
// partials have markdownify.
func TestHugoTmplPartials(t *testing.T) {
	t.Parallel()
	const page = "-- content/p.md --\n---\ntitle: The Page\nnote: \"*marked* down\"\n---\n"
	tests := []struct{ name, archive, want string }{
		{"ShortcodeCallsPartial", page + "{{< meta >}}\n" +
			"-- layouts/shortcodes/meta.html --\n<div class=\"meta\">{{ partial \"meta-links\" .Page }}|{{ partialCached \"meta-links.html\" .Page .Page.Title }}</div>\n" +
			"-- layouts/partials/meta-links.html --\n<a class=\"edit\">{{ .Title }} on {{ site.Title }}</a>{{/* no newline */ -}}\n",
			`p/index.html contains <div class="meta"><a class="edit">The Page on </a>|<a class="edit">The Page on </a></div>`},
		{"ShortcodePartialWithDict", page + "{{< box \"hi\" >}}\n" +
			"-- layouts/shortcodes/box.html --\n{{ partial \"inner/box.html\" (dict \"text\" (.Get 0) \"page\" .Page) }}\n" +
			"-- layouts/partials/inner/box.html --\n<b class=\"box\">{{ .text }} {{ .page.Title }}</b>\n",
			`p/index.html contains <b class="box">hi The Page</b>`},
		{"UnderscorePartialsWin", page + "{{< meta >}}\n" +
			"-- layouts/shortcodes/meta.html --\n{{ partial \"x\" . }}\n" +
			"-- layouts/partials/x.html --\n<i>old</i>\n" +
			"-- layouts/_partials/x.html --\n<i>current</i>\n",
			"p/index.html contains <i>current</i>\np/index.html lacks <i>old</i>"},
		{"UnderscorePartialOverridesTheme", page + "Text.\n" +
			"-- layouts/_partials/footer.html --\n<footer>site footer</footer>\n",
			"p/index.html contains <footer>site footer</footer>"},
		{"MissingPartial", page + "{{< meta >}}\n" +
			"-- layouts/shortcodes/meta.html --\n{{ partial \"nowhere\" .Page }}\n",
			`error content/p.md:5:1: shortcode "meta": layouts/shortcodes/meta.html:1: executing "layouts/shortcodes/meta.html" at <partial "nowhere" .Page>: error calling partial: partial "nowhere" not found (looked for layouts/_partials/nowhere.html and layouts/partials/nowhere.html)`},
		{"MarkdownifyInLayout", page + "Text.\n" +
			"-- layouts/_default/single.html --\n{{ define \"main\" }}<p class=\"note\">{{ .Params.note | markdownify }}</p>{{ partial \"banner\" . }}{{ end }}\n" +
			"-- layouts/partials/banner.html --\n<div class=\"banner\">{{ \"**bold**\" | markdownify }}</div>\n",
			"p/index.html contains <p class=\"note\"><em>marked</em> down</p>\n" +
				"p/index.html contains <div class=\"banner\"><strong>bold</strong></div>"},
		{"ShortcodePartialMarkdownify", page + "{{< meta >}}\n" +
			"-- layouts/shortcodes/meta.html --\n{{ partial \"note\" .Page }}\n" +
			"-- layouts/partials/note.html --\n<span class=\"n\">{{ .Params.note | markdownify }}</span>\n",
			`p/index.html contains <span class="n"><em>marked</em> down</span>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			hugoTmplSite(t, tt.archive, tt.want)
		})
	}
}

// TestHugoTmplPartialBudget: a partial a shortcode calls writes against
// the budget of the page's shortcodes, and the error names the partial.
func TestHugoTmplPartialBudget(t *testing.T) {
	t.Parallel()
	const loop = `{{ range 100000000000 }}0123456789{{ end }}`
	hugoTmplSite(t, "-- config.toml --\nminify = false\nmaxPageBytes = 65536\n"+
		"-- content/p.md --\n---\ntitle: P\n---\n{{< big >}}\n"+
		"-- layouts/shortcodes/big.html --\n{{ partial \"y.html\" . }}\n"+
		"-- layouts/partials/y.html --\n"+loop+"\n",
		`error content/p.md:4:1: shortcode "big": rendering with layouts/partials/y.html: output exceeds 64 KiB (limit maxPageBytes)`)
}

// TestHugoTmplDocsyPartials: Docsy's page-meta-links partial, which Docsy
// sites' own shortcodes call, is built in: the page's edit and issue links
// from [params] github_repo as Docsy makes them, else its editURL. A
// site's own partial of that name wins.
func TestHugoTmplDocsyPartials(t *testing.T) {
	t.Parallel()
	const page = "-- content/docs/p.md --\n---\ntitle: The Page\n---\n{{< page/page-meta-links >}}\n" +
		"-- layouts/shortcodes/page/page-meta-links.html --\n<div class=\"c-global-meta-links\">{{ partial \"page-meta-links\" .Page }}</div>\n"
	tests := []struct{ name, archive, want string }{
		{"GitHubRepo", "-- config.toml --\nminify = false\n[params]\ngithub_repo = \"https://github.com/o/r\"\ngithub_branch = \"dev\"\n" + page,
			"docs/p/index.html contains <a class=\"edit-link\" href=\"https://github.com/o/r/edit/dev/content/docs/p.md\">Edit this page</a>\n" +
				"docs/p/index.html contains <a class=\"issue-link\" href=\"https://github.com/o/r/issues/new?title=The%20Page\">Create an issue</a>"},
		{"EditURL", "-- config.toml --\nminify = false\n[params]\neditURL = \"https://example.com/src/\"\n" + page,
			`docs/p/index.html contains <div class="c-global-meta-links"><div class="page-meta td-page-meta"><a class="edit-link" href="https://example.com/src/content/docs/p.md">Edit this page</a></div>`},
		{"SiteOwnWins", page + "-- layouts/partials/page-meta-links.html --\n<i>mine</i>\n",
			"docs/p/index.html contains <i>mine</i>\ndocs/p/index.html lacks Edit this page"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			hugoTmplSite(t, tt.archive, tt.want)
		})
	}
}
