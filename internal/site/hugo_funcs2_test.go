package site

import (
	"strings"
	"testing"
	"time"
)

// TestHugoFuncsBuild: Hugo's functions that depend on the build, in
// layouts, partials and shortcodes: errorf fails the build at the
// template's position, warnf warns once per distinct message, os.Getenv
// reads only what security.funcs.getenv allows, now is the build's fixed
// time, hugo.Version compares as a version and hugo.Data is the site's
// data.
func TestHugoFuncsBuild(t *testing.T) {
	t.Parallel()
	const cfg = "-- config.toml --\nminify = false\n"
	const page = "-- content/p.md --\n---\ntitle: P\n---\n"
	const single = "-- layouts/_default/single.html --\n{{ define \"main\" }}"
	env := map[string]string{"HUGO_STAGE": "beta", "CI": "true", "MY_VAR": "mine", "HOME": "/home/secret"}
	getenv := func(n string) string { return env[n] }
	now := time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC)
	tests := []struct {
		name, archive, want string
		opts                Options
	}{
		{"ErrorfInLayout", cfg + page + "Text.\n" + single + "<p>{{ errorf \"no %s here\" \"author\" }}</p>{{ end }}\n",
			`error layouts/_default/single.html:1:26: <errorf "no %s here" "author">: error calling errorf: no author here (rendering content/p.md)`,
			Options{}},
		{"ErrorfInShortcode", cfg + page + "{{< need >}}\n" +
			"-- layouts/shortcodes/need.html --\n{{ if not (.Get 0) }}{{ errorf \"%s: want a name\" .Name }}{{ end }}\n",
			`error content/p.md:4:1: shortcode "need": layouts/shortcodes/need.html:1: executing "layouts/shortcodes/need.html" at <errorf "%s: want a name" .Name>: error calling errorf: need: want a name`,
			Options{}},
		{"WarnfOncePerMessage", cfg + page + "{{< old >}}\n" +
			"-- content/q.md --\n---\ntitle: Q\n---\n{{< old >}}\n" +
			"-- layouts/shortcodes/old.html --\n{{ warnf \"shortcode %q is deprecated\" .Name }}<i>old</i>\n" +
			single + "{{ .Content }}{{ warnf \"layout says %d\" 1 }}{{ end }}\n",
			"warning shortcode \"old\" is deprecated (hint: warnf in a template)\n" +
				"warning layout says 1 (hint: warnf in a template)\n" +
				"p/index.html contains <i>old</i>",
			Options{}},
		{"GetenvDefaults", cfg + page + "{{< env >}}\n" +
			"-- layouts/shortcodes/env.html --\n<b>{{ getenv \"HUGO_STAGE\" }}/{{ os.Getenv \"CI\" }}/{{ getenv \"HUGO_UNSET\" }}</b>\n" +
			single + "<i>{{ os.Getenv \"HUGO_STAGE\" }}</i>{{ .Content }}{{ end }}\n",
			"p/index.html contains <b>beta/true/</b>\np/index.html contains <i>beta</i>",
			Options{Getenv: getenv}},
		{"GetenvDenied", cfg + page + "Text.\n" + single + "{{ getenv \"HOME\" }}{{ end }}\n",
			`error layouts/_default/single.html:1:23: <getenv "HOME">: error calling getenv: os.Getenv: reading "HOME" is not allowed (the site's security policy allows only the variables its getenv patterns match) (rendering content/p.md)`,
			Options{Getenv: getenv}},
		{"GetenvConfigured", cfg + "[security.funcs]\ngetenv = [\"^MY_\"]\n" + page + "Text.\n" +
			single + "<i>{{ getenv \"MY_VAR\" }}</i>{{ end }}\n",
			"p/index.html contains <i>mine</i>",
			Options{Getenv: getenv}},
		{"GetenvConfiguredReplacesDefaults", cfg + "[security.funcs]\ngetenv = [\"^MY_\"]\n" + page + "Text.\n" +
			single + "{{ getenv \"HUGO_STAGE\" }}{{ end }}\n",
			`error layouts/_default/single.html:1:23: <getenv "HUGO_STAGE">: error calling getenv: os.Getenv: reading "HUGO_STAGE" is not allowed (the site's security policy allows only the variables its getenv patterns match) (rendering content/p.md)`,
			Options{Getenv: getenv}},
		{"NowIsTheBuildsTime", cfg + page + "{{< year >}}\n" +
			"-- layouts/shortcodes/year.html --\n<b>{{ now.Year }}</b>\n" +
			single + "<i>{{ now.Format \"2006-01-02T15:04:05Z07:00\" }}</i>{{ .Content }}{{ end }}\n",
			"p/index.html contains <b>2024</b>\np/index.html contains <i>2024-01-02T03:04:05Z</i>",
			Options{Now: now}},
		{"NowWithoutTimeFails", cfg + page + "Text.\n" + single + "{{ now.Year }}{{ end }}\n",
			`error layouts/_default/single.html:1:23: <now>: error calling now: now: this build has no time (quire build takes it from --now, SOURCE_DATE_EPOCH or the clock) (rendering content/p.md)`,
			Options{}},
		{"HugoVersionAndData", cfg + page + "{{< who >}}\n" +
			"-- data/authors.yaml --\nvh:\n  name: Victor\n" +
			"-- layouts/shortcodes/who.html --\n<b>{{ hugo.Data.authors.vh.name }}</b>\n" +
			single + "<i>{{ if ge hugo.Version \"0.99\" }}new{{ else }}old{{ end }} {{ hugo.Environment }} {{ hugo.Data.authors.vh.name }}</i>{{ .Content }}{{ end }}\n",
			"p/index.html contains <b>Victor</b>\np/index.html contains <i>new production Victor</i>",
			Options{}},
		{"HighlightFunction", cfg + page + "Text.\n" +
			single + "{{ highlight \"x := 1\" \"go\" }}{{ highlight \"a\\nb\" \"text\" (dict \"linenos\" \"table\" \"hl_lines\" (slice 2)) }}{{ end }}\n",
			"p/index.html contains <pre class=\"chroma\"><code class=\"language-go\"><span class=\"nx\">x</span>\n" +
				"p/index.html contains class=\"hl\"",
			Options{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			s, err := buildTxtar(t, tt.archive, tt.opts)
			checkHugo(t, s, err, tt.want)
			if strings.Contains(tt.name, "Once") {
				n := 0
				for _, w := range s.Warnings {
					if strings.Contains(w.Msg, "deprecated") {
						n++
					}
				}
				if n != 1 {
					t.Errorf("%d warnings for the deprecated shortcode used on two pages, want 1", n)
				}
			}
		})
	}
}

// TestHugoSectionShortcodes: layouts/SECTION/_shortcodes/ holds
// shortcodes for the pages under SECTION, over the site-wide ones; the
// deepest section wins, and other pages do not see them.
func TestHugoSectionShortcodes(t *testing.T) {
	t.Parallel()
	const files = "-- config.toml --\nminify = false\n" +
		"-- layouts/_shortcodes/note.html --\n<b>site</b>\n" +
		"-- layouts/docs/_shortcodes/note.html --\n<b>docs {{ .Page.Title }}</b>\n" +
		"-- layouts/docs/_shortcodes/only.html --\n<b>docs only</b>\n" +
		"-- layouts/docs/guides/_shortcodes/note.html --\n<b>guides</b>\n" +
		"-- content/docs/_index.md --\n---\ntitle: Docs\n---\n{{< note >}}\n" +
		"-- content/docs/a.md --\n---\ntitle: A\n---\n{{< note >}} {{< only >}}\n" +
		"-- content/docs/guides/b.md --\n---\ntitle: B\n---\n{{< note >}} {{< only >}}\n" +
		"-- content/blog/c.md --\n---\ntitle: C\n---\n{{< note >}}\n"
	tests := []struct{ name, extra, want string }{
		{"SectionWins", "",
			"docs/index.html contains <b>docs Docs</b>\n" +
				"docs/a/index.html contains <b>docs A</b> <b>docs only</b>\n" +
				"docs/guides/b/index.html contains <b>guides</b> <b>docs only</b>\n" +
				"blog/c/index.html contains <b>site</b>"},
		{"OtherSectionsDoNotSee", "-- content/blog/d.md --\n---\ntitle: D\n---\n{{< only >}}\n",
			`error content/blog/d.md:4:1: shortcode "only": unknown shortcode (hint: add its template as layouts/shortcodes/only.html)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			s, err := buildTxtar(t, files+tt.extra, Options{})
			checkHugo(t, s, err, tt.want)
		})
	}
}

// TestHugoInlineShortcodes: with enableInlineShortcodes (under [security]
// or, Hugo's older spelling, at the top level) a page defines a shortcode
// inline and calls it again self-closing; off, it is left out with a
// warning.
func TestHugoInlineShortcodes(t *testing.T) {
	t.Parallel()
	const page = "-- content/p.md --\n---\ntitle: P\n---\n" +
		"{{< hi.inline \"you\" >}}<b>Hi {{ .Get 0 }} on {{ .Page.Title }}</b>{{< /hi.inline >}}\n\n" +
		"Again: {{< hi.inline \"me\" />}}\n"
	tests := []struct{ name, config, want string }{
		{"SecurityTable", "[security]\nenableInlineShortcodes = true\n",
			"p/index.html contains <b>Hi you on P</b>\np/index.html contains Again: <b>Hi me on P</b>"},
		{"TopLevel", "enableInlineShortcodes = true\n",
			"p/index.html contains <b>Hi you on P</b>\np/index.html contains Again: <b>Hi me on P</b>"},
		{"OffByDefault", "",
			"warning content/p.md:4:1: shortcode \"hi.inline\": inline shortcodes are off, so it is left out (hint: set enableInlineShortcodes = true under [security] in config.toml to run it)\n" +
				"p/index.html lacks Hi"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			s, err := buildTxtar(t, "-- config.toml --\nminify = false\n"+tt.config+page, Options{})
			checkHugo(t, s, err, tt.want)
		})
	}
	t.Run("UsedBeforeDefined", func(t *testing.T) {
		t.Parallel()
		s, err := buildTxtar(t, "-- config.toml --\nminify = false\nenableInlineShortcodes = true\n"+
			"-- content/p.md --\n---\ntitle: P\n---\n{{< yo.inline />}}\n", Options{})
		checkHugo(t, s, err, `error content/p.md:4:1: shortcode "yo.inline": inline shortcode used before it is defined on this page (hint: define it first: {{< yo.inline >}} TEMPLATE {{< /yo.inline >}})`)
	})
}
