package site

import "testing"

// TestHugoTmplShortcodeLookup: shortcode templates come from
// layouts/shortcodes and layouts/_shortcodes (which wins, as in current
// Hugo), as .html or .md files; a .md template is a text template whose
// output is markdown in both call forms.
func TestHugoTmplShortcodeLookup(t *testing.T) {
	t.Parallel()
	const page = "-- content/p.md --\n---\ntitle: P\ncode: \"`a < b`\"\n---\n"
	tests := []struct{ name, archive, want string }{
		{"UnderscoreShortcodes", page + "{{< hi >}}\n" +
			"-- layouts/_shortcodes/hi.html --\n<b class=\"hi\">current</b>\n",
			`p/index.html contains <b class="hi">current</b>`},
		{"UnderscoreShortcodesWin", page + "{{< hi >}} {{< sub/ho >}}\n" +
			"-- layouts/shortcodes/hi.html --\n<b class=\"hi\">old</b>\n" +
			"-- layouts/shortcodes/sub/ho.html --\n<b class=\"ho\">old only</b>\n" +
			"-- layouts/_shortcodes/hi.html --\n<b class=\"hi\">current</b>\n",
			"p/index.html contains <b class=\"hi\">current</b>\np/index.html contains <b class=\"ho\">old only</b>\np/index.html lacks old</b> <b"},
		{"MarkdownTemplate", page + "{{% docs/part %}}\n\n{{< docs/part >}}\n" +
			"-- layouts/shortcodes/docs/part.md --\n### Part of {{ .Page.Title }}\n\n{{ with .Page.Params.code }}Code: {{ . }}{{ end }}\n",
			"p/index.html contains <h2 id=\"part-of-p\">Part of P\np/index.html contains <h2 id=\"part-of-p-1\">Part of P\np/index.html contains <p>Code: <code>a &lt; b</code></p>"},
		{"HTMLWinsOverMarkdown", page + "{{< two >}}\n" +
			"-- layouts/shortcodes/two.html --\n<b class=\"two\">html</b>\n" +
			"-- layouts/shortcodes/two.md --\n**md**\n",
			"p/index.html contains <b class=\"two\">html</b>\np/index.html lacks <strong>md</strong>"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			hugoTmplSite(t, tt.archive, tt.want)
		})
	}
}
