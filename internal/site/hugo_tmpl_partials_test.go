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
			`error content/p.md:5:1: shortcode "meta": layouts/shortcodes/meta.html:1: executing "layouts/shortcodes/meta.html" at <partial "nowhere" .Page>: error calling partial: partial "nowhere" not found (looked for layouts/partials/nowhere.html)`},
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
