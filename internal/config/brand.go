package config

import (
	"path"
	"slices"
	"strings"

	"github.com/quire-docs/quire/internal/diag"
)

// Brand is what the default theme reads of [params] to brand a site
// without copying its files, checked here so a typo is an error at its
// key rather than a page that silently lacks a logo. The theme reads the
// values themselves from .Site.Params; Brand keeps what a build checks
// further: the files the keys name and the accent colours.
type Brand struct {
	// Files are the files the keys name (logo, logoDark, favicon,
	// customCSS, customJS, images), in that order: each must be in the
	// site's assets or static directories.
	Files []BrandFile
	// Accent and AccentDark are accentColor and accentColorDark; nil when
	// unset. The theme uses Accent in the dark scheme too when AccentDark
	// is nil.
	Accent, AccentDark *BrandColour
}

// BrandFile is a file named by a key of [params], and where.
type BrandFile struct {
	Key  string // "params.logo", "params.customCSS"
	Path string // slash path as written, without a leading "/"
	Pos  Pos
}

// Missing reports each file of b.Files that is not a file of the site
// (has, given a slash path, says whether it is), as an error at its key,
// in b.Files' order.
func (b Brand) Missing(has func(path string) bool) []*diag.Diagnostic {
	var ds []*diag.Diagnostic
	for _, f := range b.Files {
		if has(f.Path) {
			continue
		}
		ds = append(ds, diag.Errorf(f.Pos.File, f.Pos.Line, f.Pos.Col, "%s: %s is not a file of the site", f.Key, f.Path).
			WithHint("put it in the assets directory (stylesheets and scripts get fingerprinted) or a static directory, at that path"))
	}
	return ds
}

// BrandColour is a colour of [params], and where.
type BrandColour struct {
	Key    string // "params.accentColor"
	Colour Colour
	Pos    Pos
}

// Pos is where a key is written in the configuration.
type Pos struct {
	File      string
	Line, Col int
}

// SocialServices are the names [params.social] may use, in the order the
// theme shows them; "twitter" and "x" are one service.
var SocialServices = []string{"github", "gitlab", "mastodon", "x", "twitter", "discord", "slack", "linkedin", "youtube", "rss"}

// brand reads the theme's keys of [params] (found in t at its source key),
// matched case-insensitively as Hugo matches params, and reports each
// misuse at its key.
func (d *decoder) brand(t tree) Brand {
	var b Brand
	pk, ok := findKey(t.m, "params")
	if !ok {
		return b
	}
	params, ok := t.m[pk].(map[string]any)
	if !ok {
		return b // reported by walk
	}
	at := func(path ...string) Pos {
		p := d.pos.lookup(append([]string{pk}, path...))
		return Pos{p.file, p.line, p.col}
	}
	bad := func(p Pos, format string, args ...any) {
		d.diags.Add(diag.Errorf(p.File, p.Line, p.Col, format, args...))
	}
	// find is findKey, with a warning when the key is spelt in another
	// case: the theme's templates look it up as it is documented.
	find := func(key string) (string, bool) {
		k, ok := findKey(params, key)
		if ok && k != key {
			p := at(k)
			d.diags.Add(diag.Warnf(p.File, p.Line, p.Col, "params.%s: the theme reads this key spelt %s", k, key).
				WithHint("write it as %s", key))
		}
		return k, ok
	}
	str := func(key string) (string, Pos, bool) {
		k, ok := find(key)
		if !ok {
			return "", Pos{}, false
		}
		p := at(k)
		s, ok := params[k].(string)
		if !ok {
			bad(p, "params.%s: expected a string, got %s", key, typeName(params[k]))
		}
		return s, p, ok && s != ""
	}
	list := func(key string) ([]string, Pos) {
		k, ok := find(key)
		if !ok {
			return nil, Pos{}
		}
		p := at(k)
		switch v := params[k].(type) {
		case string:
			return []string{v}, p
		case []any:
			out := make([]string, 0, len(v))
			for i, e := range v {
				s, ok := e.(string)
				if !ok {
					bad(p, "params.%s[%d]: expected a string, got %s", key, i, typeName(e))
					continue
				}
				out = append(out, s)
			}
			return out, p
		}
		bad(p, "params.%s: expected a string or a list of strings, got %s", key, typeName(params[k]))
		return nil, p
	}
	file := func(key, name string, p Pos) {
		clean := strings.TrimPrefix(name, "/")
		switch {
		case name == "":
			bad(p, "params.%s: empty file name", key)
		case strings.Contains(name, "://") || strings.HasPrefix(name, "//"):
			bad(p, "params.%s: %q is an address; name a file of the site's assets or static directory", key, name)
		case path.Clean(clean) != clean || strings.HasPrefix(clean, "../"):
			bad(p, "params.%s: %q is not a clean path inside the site", key, name)
		default:
			b.Files = append(b.Files, BrandFile{Key: "params." + key, Path: clean, Pos: p})
		}
	}
	for _, key := range []string{"logo", "logoDark", "favicon"} {
		if s, p, ok := str(key); ok {
			file(key, s, p)
		}
	}
	for _, key := range []string{"customCSS", "customJS", "images"} {
		names, p := list(key)
		for _, n := range names {
			file(key, n, p)
		}
	}
	colour := func(key string) *BrandColour {
		s, p, ok := str(key)
		if !ok {
			return nil
		}
		c, err := ParseColour(s)
		if err != nil {
			d.diags.Add(diag.Errorf(p.File, p.Line, p.Col, "params.%s: %v", key, err).
				WithHint("named colours are not read: write the hex, e.g. #0b7285"))
			return nil
		}
		return &BrandColour{Key: "params." + key, Colour: c, Pos: p}
	}
	b.Accent, b.AccentDark = colour("accentColor"), colour("accentColorDark")
	if k, ok := find("headerLinks"); ok {
		d.headerLinks(params[k], at(k), bad)
	}
	if k, ok := find("social"); ok {
		d.social(params[k], k, at)
	}
	return b
}

// headerLinks checks [[params.headerLinks]], v, written at p: tables with
// a name and a url, spelt so.
func (d *decoder) headerLinks(v any, p Pos, bad func(Pos, string, ...any)) {
	var links []map[string]any
	switch v := v.(type) {
	case []map[string]any:
		links = v
	case []any:
		for i, e := range v {
			m, ok := e.(map[string]any)
			if !ok {
				bad(p, "params.headerLinks[%d]: expected a table with name and url, got %s", i, typeName(e))
				continue
			}
			links = append(links, m)
		}
	default:
		bad(p, "params.headerLinks: expected a list of tables with name and url, got %s", typeName(v))
	}
	for i, l := range links {
		for _, f := range []string{"name", "url"} {
			if s, ok := l[f].(string); !ok || s == "" {
				bad(p, "params.headerLinks[%d]: %s must be a non-empty string", i, f)
			}
		}
	}
}

// social checks [params.social], v, whose source key is k: a link for each
// service named, and a name the theme has an icon for.
func (d *decoder) social(v any, k string, at func(...string) Pos) {
	// Warnings rather than errors: a Hugo theme's params.social may have
	// another shape, and the theme then shows no social links.
	m, ok := v.(map[string]any)
	if !ok {
		p := at(k)
		d.diags.Add(diag.Warnf(p.File, p.Line, p.Col, "params.social: expected a table of service = \"URL\", got %s, so the theme shows no social links", typeName(v)))
		return
	}
	for _, name := range sortedKeys(m) {
		p := at(k, name)
		if s, ok := m[name].(string); !ok || s == "" {
			d.diags.Add(diag.Warnf(p.File, p.Line, p.Col, "params.social.%s: expected a URL, got %s, so the theme shows no link", name, typeName(m[name])))
			continue
		}
		if !slices.Contains(SocialServices, name) {
			w := diag.Warnf(p.File, p.Line, p.Col, "params.social.%s: the theme has no icon for %q, so it shows no link", name, name)
			if c := diag.Closest(name, SocialServices); c != "" {
				w.WithHint("did you mean %s?", c)
			} else {
				w.WithHint("known services: %s", strings.Join(SocialServices, ", "))
			}
			d.diags.Add(w)
		}
	}
}
