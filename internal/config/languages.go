package config

import (
	"strings"

	"github.com/quire-docs/quire/internal/diag"
)

// Language is one language of a multilingual site (a languages block
// with more than one entry): what templates and the build need of it.
type Language struct {
	Code      string // the key of its block: "de"
	Name      string // languageName; default Code
	Weight    int    // weight: the order of languages, lightest first
	Direction string // languageDirection: "ltr" (default) or "rtl"
	// Prefix is the first URL segment of its pages: "" for the default
	// language, unless defaultContentLanguageInSubdir, else Code.
	Prefix  string
	Default bool // the default language (defaultContentLanguage, else "en", else the first)
	// SharedDir is set when another language has the same contentDir:
	// the directory's files are then told apart by their suffix
	// (page.de.md), and those without one are the default language's.
	SharedDir bool
	// Config is the configuration of its pages: the site's with the
	// language's block laid over it; its BaseURL is the site's (see
	// Config.ForLanguage).
	Config *Config

	codeSet bool // its block sets languageCode
}

// ForLanguage returns the configuration to build language l of c with:
// l's own settings, with c's baseURL extended by l's prefix, and the
// settings a command line may change (baseURL, minify) taken from c.
func (c Config) ForLanguage(l Language) Config {
	lc := *l.Config
	lc.BaseURL, lc.BaseURLSet = c.BaseURL, c.BaseURLSet
	if l.Prefix != "" {
		lc.BaseURL += l.Prefix + "/"
	}
	lc.Minify = c.Minify
	lc.Environment = c.Environment
	lc.Languages = c.Languages
	return lc
}

// languageCodes returns the keys of t's languages block in Hugo's order,
// or nil when it has none or is not a table.
func languageCodes(t tree) []string {
	key, ok := findKey(t.m, "languages")
	if !ok {
		return nil
	}
	block, ok := t.m[key].(map[string]any)
	if !ok || len(block) == 0 {
		return nil
	}
	return languageOrder(block)
}

// decodeLanguages decodes t once per language of codes, each on its own
// copy of t, and returns the default language's Config with every
// language's in Languages. A diagnostic that every language's decoding
// finds (a site-wide key's) is reported once, and the Hugo-only keys of
// every language in one warning per file.
func decodeLanguages(t tree, codes []string) (Config, []*diag.Diagnostic, error) {
	key, _ := findKey(t.m, "languages")
	def := defaultLanguage(t.m, t.m[key].(map[string]any))
	inSubdir := false
	if k, ok := findKey(t.m, "defaultContentLanguageInSubdir"); ok {
		inSubdir, _ = t.m[k].(bool) // the schema reports another type
	}
	var (
		all   diag.List
		seen  = map[string]bool{}
		main  Config
		langs = make([]Language, 0, len(codes))
		dirs  = map[string]int{}
	)
	var hugo []hugoKey // every language's, each key once
	for _, code := range codes {
		cfg, meta, warns, err := decodeLanguage(cloneTree(t), code, &hugo)
		var ds diag.List
		ds = append(ds, warns...)
		ds.AddError("", err)
		for _, d := range ds {
			if s := d.String(); !seen[s] {
				seen[s] = true
				all.Add(d)
			}
		}
		if !meta.codeSet {
			cfg.LanguageCode = code
		}
		meta.Default = code == def
		if !meta.Default || inSubdir {
			meta.Prefix = code
		}
		c := cfg
		meta.Config = &c
		dirs[cfg.ContentDir]++
		langs = append(langs, meta)
		if meta.Default {
			main = cfg
		}
	}
	for i := range langs {
		langs[i].SharedDir = dirs[langs[i].Config.ContentDir] > 1
	}
	d := &decoder{}
	for _, k := range hugo {
		if !seen["hugo "+k.path] {
			seen["hugo "+k.path] = true
			d.hugo = append(d.hugo, k)
		}
	}
	d.reportHugo()
	all = append(all, d.diags...)
	main.Languages = langs
	all.Sort()
	return main, all.Warnings(), all.Err()
}

// languageMeta takes the keys that describe a language (languageName,
// weight, languageDirection) out of its settings, at path, into meta.
func (d *decoder) languageMeta(settings map[string]any, path []string, meta *Language) {
	_, meta.codeSet = findKey(settings, "languageCode")
	for _, k := range sortedKeys(settings) {
		p := d.pos.lookup(child(path, k))
		v := settings[k]
		switch strings.ToLower(k) {
		case "languagename":
			s, ok := v.(string)
			if !ok {
				d.diags.Add(diag.Errorf(p.file, p.line, p.col, "%s: expected a string, got %s", joinDots(child(path, k)), typeName(v)))
			} else if s != "" {
				meta.Name = s
			}
		case "weight":
			w, ok := v.(int64)
			if !ok {
				d.diags.Add(diag.Errorf(p.file, p.line, p.col, "%s: expected an integer, got %s", joinDots(child(path, k)), typeName(v)))
			}
			meta.Weight = int(w)
		case "languagedirection", "direction":
			s, _ := v.(string)
			if s != "ltr" && s != "rtl" {
				d.diags.Add(diag.Errorf(p.file, p.line, p.col, "%s: expected \"ltr\" or \"rtl\", got %v", joinDots(child(path, k)), v))
			} else {
				meta.Direction = s
			}
		default:
			continue
		}
		delete(settings, k)
	}
}

func joinDots(path []string) string { return strings.Join(path, ".") }

// cloneTree returns a deep copy of t, so that decoding one language does
// not change what the next one decodes.
func cloneTree(t tree) tree {
	pos := make(keyPositions, len(t.pos))
	for k, v := range t.pos {
		pos[k] = v
	}
	return tree{m: cloneValue(t.m).(map[string]any), pos: pos}
}

func cloneValue(v any) any {
	switch v := v.(type) {
	case map[string]any:
		m := make(map[string]any, len(v))
		for k, x := range v {
			m[k] = cloneValue(x)
		}
		return m
	case []any:
		s := make([]any, len(v))
		for i, x := range v {
			s[i] = cloneValue(x)
		}
		return s
	case []map[string]any:
		s := make([]map[string]any, len(v))
		for i, x := range v {
			s[i] = cloneValue(x).(map[string]any)
		}
		return s
	}
	return v
}
