package content

import (
	"path"
	"slices"
	"strings"

	"github.com/quire-docs/quire/internal/diag"
)

// Language selects the pages of one language of a multilingual site, as
// Hugo names them: page.de.md is the page page.md of language "de", and a
// page without such a suffix belongs to the language whose content dir it
// is in, or, in a directory several languages share, to the default one.
type Language struct {
	Code string // "de"
	// Unsuffixed is set when pages without a language suffix are this
	// language's: it is the default language, or has a content dir of its own.
	Unsuffixed bool
	// Codes are the site's languages: a suffix that names none of them
	// (notes.v2.md) is part of the name, not a language.
	Codes []string
}

// suffix splits rel ("docs/a.de.md") into the page's path without a
// language suffix ("docs/a.md") and the suffix's language ("de"), or
// returns rel and "" when it has none.
func (lang *Language) suffix(rel string) (base, code string) {
	ext := path.Ext(rel)
	stem := strings.TrimSuffix(rel, ext)
	c := path.Ext(stem)
	if c == "" || !slices.Contains(lang.Codes, c[1:]) {
		return rel, ""
	}
	return strings.TrimSuffix(stem, c) + ext, c[1:]
}

// language returns the path under which the markdown file rel is loaded,
// and false when it is another language's. Two files that are the same
// page of this language (a.md and a.de.md) are an error.
func (l *loader) language(rel string) (string, bool) {
	lang := l.opts.Language
	if lang == nil {
		return rel, true
	}
	base, code := lang.suffix(rel)
	switch {
	case code == "" && !lang.Unsuffixed, code != "" && code != lang.Code:
		return "", false
	}
	if l.renamed == nil {
		l.renamed, l.plain = map[string]string{}, map[string]bool{}
	}
	if code == "" {
		if real, ok := l.renamed[rel]; ok {
			l.twice(real, rel)
			return "", false
		}
		l.plain[rel] = true
		return rel, true
	}
	if l.plain[base] {
		l.twice(base, rel)
		return "", false
	}
	l.renamed[base] = rel
	return base, true
}

// twice reports that the files kept and dropped are one page of the
// language; kept is the one built.
func (l *loader) twice(kept, dropped string) {
	file := func(rel string) string { return path.Join(l.dir, rel) }
	l.diags.Add(diag.Errorf(file(dropped), 0, 0, "the same %s page as %s", l.opts.Language.Code, file(kept)).
		WithHint("remove one of them, or give it another language's suffix"))
}
