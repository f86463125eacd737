package site

import (
	"testing"
)

// TestI18n: the theme's strings and dates follow languageCode, with the
// theme's tables for the languages it speaks and English for the rest; a
// site's i18n/ files override them key by key and add their own, which
// layouts and shortcodes read with T (i18n, lang.Translate), with counts
// and plural forms as in Hugo; broken tables are errors at their line.
func TestI18n(t *testing.T) {
	t.Parallel()
	const page = "-- content/_index.md --\n---\ntitle: Home\n---\n" +
		"-- content/a.md --\n---\ntitle: A\nweight: 1\nlastmod: 2026-03-14\n---\n## One\n\ntext\n\n## Two\n\n```go\nx := 1\n```\n" +
		"-- content/b.md --\n---\ntitle: B\nweight: 2\ndraft: true\n---\nB.\n"
	const single = "-- layouts/_default/single.html --\n{{ define \"main\" }}"
	tests := []struct {
		name, archive, want string
		opts                Options
	}{
		{"GermanSiteGetsGermanStrings", "-- config.toml --\nminify = false\nlanguageCode = \"de-DE\"\n[params]\neditURL = \"https://example.org/edit/\"\n" + page,
			"a/index.html contains <html lang=\"de-DE\">\n" +
				"a/index.html contains >Zum Inhalt springen</a>\n" +
				"a/index.html contains >Auf dieser Seite</button>\n" +
				"a/index.html contains data-title=\"Auf dieser Seite\"\n" +
				"a/index.html contains >Seite bearbeiten</a>\n" +
				"a/index.html contains Zuletzt aktualisiert <time datetime=\"2026-03-14\">14. März 2026</time>\n" +
				"a/index.html contains <span class=\"label\">Weiter</span>\n" +
				"a/index.html contains aria-label=\"Vorherige und nächste Seite\"\n" +
				"a/index.html contains <span class=\"visually-hidden\">Menü</span>\n" +
				"a/index.html contains placeholder=\"Suche\"\n" +
				"a/index.html contains \"copied\":\"Kopiert\"\n" +
				"a/index.html contains \"searchNoResults\":\"Keine Ergebnisse für „{query}“\"\n" +
				"a/index.html contains \"searchPages\":{\"one\":\"{n} Seite\",\"other\":\"{n} Seiten\"}\n" +
				"a/index.html lacks Skip to content\n" +
				"b/index.html contains <span class=\"badge badge-draft\">Entwurf</span>\n" +
				"404.html contains <h1>Seite nicht gefunden</h1>",
			Options{Drafts: true}},
		{"SiteTableOverridesOneKey", "-- config.toml --\nlanguageCode = \"de\"\n" + page +
			"-- i18n/de.toml --\nnext = \"Nächste\"\n",
			"a/index.html contains <span class=\"label\">Nächste</span>\n" +
				"b/index.html contains <span class=\"label\">Zurück</span>\n" +
				"a/index.html contains >Zum Inhalt springen</a>",
			Options{Drafts: true}},
		{"SiteTableInYAMLForARegion", "-- config.toml --\nlanguageCode = \"pt-BR\"\n" + page +
			"-- i18n/pt_BR.yaml --\nnext:\n  other: Seguinte\n",
			"a/index.html contains <span class=\"label\">Seguinte</span>\n" +
				"b/index.html contains <span class=\"label\">Anterior</span>\n" +
				"a/index.html contains Última atualização <time datetime=\"2026-03-14\">14 de março de 2026</time>",
			Options{Drafts: true}},
		{"GoI18nListFormat", "-- config.toml --\nlanguageCode = \"de-DE\"\n" + page +
			"-- i18n/de.yaml --\n- id: next\n  translation: Vor\n" +
			"-- i18n/de-de.json --\n[{\"id\": \"previous\", \"translation\": {\"other\": \"Rück\"}}]\n",
			"a/index.html contains <span class=\"label\">Vor</span>\n" +
				"b/index.html contains <span class=\"label\">Rück</span>",
			Options{Drafts: true}},
		{"LanguageWithoutATableFallsBackToEnglish", "-- config.toml --\nlanguageCode = \"sv-SE\"\n" + page,
			"a/index.html contains <html lang=\"sv-SE\">\n" +
				"a/index.html contains >Skip to content</a>\n" +
				"a/index.html contains Last updated <time datetime=\"2026-03-14\">March 14, 2026</time>\n" +
				"a/index.html contains \"copied\":\"Copied\"",
			Options{}},
		{"DefaultContentLanguageIsTriedAfterLanguageCode", "-- config.toml --\nlanguageCode = \"fr\"\ndefaultContentLanguage = \"de\"\n" + page +
			"-- i18n/de.toml --\nonly = \"nur deutsch\"\n" +
			single + "<p>{{ T \"only\" }}|{{ T \"next\" }}</p>{{ end }}\n",
			"a/index.html contains <p>nur deutsch|Suivant</p>",
			Options{}},
		{"CountAndPluralForms", "-- config.toml --\nminify = false\n" + page +
			"-- i18n/en.toml --\nhello = \"Hello, {{ .Name }}\"\n[pages]\none = \"{{ .Count }} page\"\nother = \"{{ .Count }} pages\"\n" +
			single + "<p>{{ T \"pages\" 1 }}|{{ T \"pages\" 5 }}|{{ T \"pages\" (dict \"Count\" 1) }}|{{ i18n \"Pages\" \"3\" }}|{{ lang.Translate \"pages\" 0 }}|{{ T \"hello\" (dict \"Name\" \"Ann & Bo\") }}</p>{{ end }}\n",
			"a/index.html contains <p>1 page|5 pages|1 page|3 pages|0 pages|Hello, Ann &amp; Bo</p>",
			Options{}},
		{"PluralFormsOfTheLanguage", "-- config.toml --\nlanguageCode = \"ru\"\n" + page +
			"-- i18n/ru.toml --\n[files]\none = \"{{ .Count }} файл\"\nfew = \"{{ .Count }} файла\"\nmany = \"{{ .Count }} файлов\"\nother = \"{{ .Count }} файла\"\n" +
			single + "<p>{{ T \"files\" 1 }}|{{ T \"files\" 3 }}|{{ T \"files\" 5 }}|{{ T \"files\" 11 }}|{{ T \"files\" 21 }}|{{ T \"files\" 1.5 }}</p>{{ end }}\n",
			"a/index.html contains <p>1 файл|3 файла|5 файлов|11 файлов|21 файл|1.5 файла</p>",
			Options{}},
		{"MissingKeyIsEmpty", "-- config.toml --\n" + page + single + "<p>[{{ T \"nope\" }}]</p>{{ end }}\n",
			"a/index.html contains <p>[]</p>", Options{}},
		{"MissingKeyPlaceholder", "-- config.toml --\nenableMissingTranslationPlaceholders = true\n" + page + single + "<p>{{ T \"nope\" }}</p>{{ end }}\n",
			"a/index.html contains <p>[i18n] nope</p>", Options{}},
		{"ShortcodesTranslate", "-- config.toml --\nlanguageCode = \"fr\"\n" +
			"-- content/p.md --\n---\ntitle: P\n---\n{{< t >}}\n" +
			"-- layouts/shortcodes/t.html --\n<b>{{ T \"next\" }} {{ dateFormat \":date_long\" \"2026-07-14\" }} {{ dateFormat \"Monday\" \"2026-07-14\" }}</b>\n",
			"p/index.html contains <b>Suivant 14 juillet 2026 mardi</b>", Options{}},
		{"MalformedTables", "-- config.toml --\n" + page +
			"-- i18n/de.toml --\nnext = \"Weiter\"\n[prev]\nothr = \"Zurück\"\n" +
			"-- i18n/fr.toml --\nnext = \n" +
			"-- i18n/es.yaml --\nnext: \"Siguiente\"\nprev:\n  - a\n" +
			"-- i18n/it.toml --\nnext = \"{{ .Count \"\n",
			"error i18n/de.toml:3:1: prev.othr: \"othr\" is not a plural form (hint: use zero, one, two, few, many, other)\n" +
				"error i18n/es.yaml:2:1: prev: want a string or a table of plural forms, got a list\n" +
				"error i18n/fr.toml:1:8: invalid TOML: expected value but found '\\n' instead\n" +
				"error i18n/it.toml:1:1: next: bad template in translation: unclosed action",
			Options{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			s, err := buildTxtar(t, tt.archive, tt.opts)
			checkHugo(t, s, err, tt.want)
		})
	}
}
