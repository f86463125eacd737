package config

import (
	"sort"
	"strings"

	"github.com/quire-docs/quire/internal/diag"
)

// hugoOnly reports whether path (lower-cased, dot-separated) is a setting
// of Hugo's that quire knows of and does not implement. Such keys are
// gathered into one warning per file rather than one per key, so that a
// Hugo site's config does not bury a real typo; anything else that is
// unknown is still warned about key by key.
func hugoOnly(path string) bool {
	switch path {
	case
		// Site settings.
		"archetypedir", "author", "build", "builddrafts", "buildexpired", "buildfuture", "caches",
		"canonifyurls", "capitalizelisttitles", "cachedir", "cleandestinationdir",
		"copyright", "datadir",
		"deployment", "disablealiases", "disablehugogeneratorinject", "disablekinds",
		"disablelanguages", "disablelivereload", "disablepathtolower", "disqusshortname",
		"enableemoji",
		"enablerobotstxt", "footnotereturnlinkcontents",
		"frontmatter", "googleanalytics", "hascjklanguage", "httpcache", "i18ndir", "ignoreerrors",
		"ignorefiles", "ignorelogs", "imaging", "mediatypes", "menu", "menus", "module",
		"newcontenteditor", "notimes", "nochmod", "outputformats", "outputs", "paginate",
		"paginatepath", "pagination", "permalinks", "pluralizelisttitles", "privacy",
		"pygmentscodefences", "pygmentscodefencesguesssyntax", "pygmentsoptions", "pygmentsstyle",
		"pygmentsuseclasses", "pygmentsuseclassic", "reflinkserrorlevel", "reflinksnotfoundurl",
		"related", "relativeurls", "removepathaccents", "rsslimit", "sectionpagesmenu", "security",
		"segments", "services", "sitemap", "summarylength", "taxonomies", "theme",
		"themesdir", "timeout", "timezone", "titlecasestyle", "uglyurls", "watch", "workingdir",
		// A language's own settings, once its block is read (see languages).
		"label", "locale",
		// Markup settings beyond those quire reads.
		"markup.defaultmarkdownhandler", "markup.asciidocext", "markup.pandoc", "markup.rst",
		"markup.blackfriday", "markup.goldmark.renderhooks",
		"markup.goldmark.extensions.cjk", "markup.goldmark.extensions.definitionlist",
		"markup.goldmark.extensions.extras", "markup.goldmark.extensions.footnote",
		"markup.goldmark.extensions.linkify", "markup.goldmark.extensions.linkifyprotocol",
		"markup.goldmark.extensions.strikethrough", "markup.goldmark.extensions.table",
		"markup.goldmark.extensions.tasklist", "markup.goldmark.extensions.typographer",
		"markup.goldmark.duplicateresourcefiles",
		"markup.goldmark.parser.attribute", "markup.goldmark.parser.autoheadingid",
		"markup.goldmark.parser.wrapstandaloneimagewithinparagraph",
		"markup.goldmark.renderer.hardwraps", "markup.goldmark.renderer.xhtml",
		"markup.highlight.anchorlinenos", "markup.highlight.codefences", "markup.highlight.guesssyntax",
		"markup.highlight.hl_lines", "markup.highlight.hl_inline", "markup.highlight.lineanchors",
		"markup.highlight.linenostart", "markup.highlight.linenos", "markup.highlight.linenumbersintable",
		"markup.highlight.noclasses", "markup.highlight.tabwidth", "markup.highlight.wrapperclass":
		return true
	}
	return false
}

// hugoKey is a Hugo-only key found while walking, for the summary warning.
type hugoKey struct {
	path string // as written, dotted
	pos  position
}

// reportHugo adds one warning per file listing the Hugo-only keys set in
// it, in the order written.
func (d *decoder) reportHugo() {
	byFile := map[string][]hugoKey{}
	var files []string
	for _, k := range d.hugo {
		if _, ok := byFile[k.pos.file]; !ok {
			files = append(files, k.pos.file)
		}
		byFile[k.pos.file] = append(byFile[k.pos.file], k)
	}
	sort.Strings(files)
	for _, f := range files {
		keys := byFile[f]
		sort.SliceStable(keys, func(i, j int) bool { return keys[i].pos.before(keys[j].pos) })
		names := make([]string, len(keys))
		for i, k := range keys {
			names[i] = k.path
		}
		d.diags.Add(diag.Warnf(f, 0, 0, "Hugo settings quire does not use: %s", strings.Join(names, ", ")).
			WithHint("quire builds without them; the docs page coming-from-hugo says what quire reads"))
	}
}

// languages reads Hugo's languages block and lays the settings of
// language lang ("": the default one, see defaultLanguage) over the
// site's, as Hugo does for the pages of that language; the block is then
// removed. Keys of the language that neither quire nor Hugo knows are its
// params; languageName, weight and languageDirection describe it (meta).
// It returns the language's code, "" when there is no block.
func (d *decoder) languages(t tree, lang string) (code string, meta Language) {
	key, ok := findKey(t.m, "languages")
	if !ok {
		return "", meta
	}
	lp := d.pos.lookup([]string{key})
	v := t.m[key]
	delete(t.m, key)
	block, ok := v.(map[string]any)
	if !ok {
		if v != nil {
			d.diags.Add(diag.Errorf(lp.file, lp.line, lp.col, "languages: expected a table of languages, got %s", typeName(v)))
		}
		return "", meta
	}
	if len(block) == 0 {
		return "", meta
	}
	if lang == "" {
		lang = defaultLanguage(t.m, block)
	}
	settings, ok := block[lang].(map[string]any)
	if !ok && block[lang] != nil {
		p := d.pos.lookup([]string{key, lang})
		d.diags.Add(diag.Errorf(p.file, p.line, p.col, "languages.%s: expected a table, got %s", lang, typeName(block[lang])))
	}
	meta = Language{Code: lang, Name: lang, Direction: "ltr"}
	if ok {
		d.languageMeta(settings, []string{key, lang}, &meta)
		for _, k := range sortedKeys(settings) {
			if findField(schema, k) == nil && hugoOnly(strings.ToLower(k)) {
				d.hugo = append(d.hugo, hugoKey{path: key + "." + lang + "." + k, pos: d.pos.lookup([]string{key, lang, k})})
				delete(settings, k)
			}
		}
		if _, set := findKey(settings, "languageCode"); !set {
			if _, top := findKey(t.m, "languageCode"); !top {
				settings["languageCode"] = lang // Hugo's: a language's code is its key unless set
			}
		}
		langParams(settings, t.pos, []string{key, lang})
		overlay(t.m, t.pos, nil, settings, t.pos, []string{key, lang})
	}
	t.pos.drop([]string{key})
	return lang, meta
}

// hugoMinify reads Hugo's minify table: its minifyOutput is quire's
// minify, its other keys (settings of the minifiers) are Hugo-only.
// quire's own minify is a boolean, which the schema reads as usual.
func (d *decoder) hugoMinify(t tree) {
	k, ok := findKey(t.m, "minify")
	m, isMap := t.m[k].(map[string]any)
	if !ok || !isMap {
		return
	}
	delete(t.m, k)
	for _, sub := range sortedKeys(m) {
		p := d.pos.lookup([]string{k, sub})
		if strings.EqualFold(sub, "minifyOutput") {
			// The schema checks the type, at this key's place.
			t.m[k] = m[sub]
			d.pos[joinPath([]string{k})] = p
			continue
		}
		d.hugo = append(d.hugo, hugoKey{path: k + "." + sub, pos: p})
	}
}

// langParams moves the keys of a language's settings that are neither
// quire's nor Hugo's into its params, as Hugo does ("description" under
// [languages.en] is .Site.Params.description). path is where settings is
// in pos.
func langParams(settings map[string]any, pos keyPositions, path []string) {
	pk, ok := findKey(settings, "params")
	params, isMap := settings[pk].(map[string]any)
	if ok && !isMap {
		return // the schema reports a params that is not a table
	}
	if !ok {
		pk, params = "params", map[string]any{}
	}
	moved := false
	for _, k := range sortedKeys(settings) {
		if k == pk || findField(schema, k) != nil || hugoOnly(strings.ToLower(k)) || strings.EqualFold(k, "cascade") {
			continue
		}
		if _, taken := findKey(params, k); taken {
			continue // params.k wins; k stays and is reported as unknown
		}
		params[k] = settings[k]
		pos.copyFrom(pos, child(path, k), append(child(path, pk), k))
		delete(settings, k)
		pos.drop(child(path, k))
		moved = true
	}
	if moved && !ok {
		settings[pk] = params
	}
}

// defaultLanguage picks the key of block of the default language:
// defaultContentLanguage, else "en", else the first by weight.
func defaultLanguage(site, block map[string]any) string {
	want := "en"
	if k, ok := findKey(site, "defaultContentLanguage"); ok {
		if s, ok := site[k].(string); ok && s != "" {
			want = s
		}
	}
	if k, ok := findKey(block, want); ok {
		return k
	}
	return languageOrder(block)[0]
}

// languageOrder returns the keys of block by weight, then name, as Hugo
// orders languages.
func languageOrder(block map[string]any) []string {
	langs := make([]string, 0, len(block))
	for l := range block {
		langs = append(langs, l)
	}
	weight := func(l string) int64 {
		if m, ok := block[l].(map[string]any); ok {
			if k, ok := findKey(m, "weight"); ok {
				if w, ok := m[k].(int64); ok {
					return w
				}
			}
		}
		return 0
	}
	sort.Slice(langs, func(i, j int) bool {
		wi, wj := weight(langs[i]), weight(langs[j])
		if wi != wj {
			return wi < wj
		}
		return langs[i] < langs[j]
	})
	return langs
}
