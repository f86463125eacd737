package content

import (
	"errors"
	"maps"
	"slices"
	"strings"

	"github.com/quire-docs/quire/internal/diag"
)

// cascade is one entry of a `cascade` (in front matter or the site's
// configuration): front matter values for the pages its target matches,
// as Hugo's cascade gives them.
type cascade struct {
	path, kind, env *glob          // the target; nil matches anything
	params          map[string]any // its params table: .Params only
	values          map[string]any // its other keys (lower case): .Params and the fields quire knows
	file            string         // where the cascade is written, for the values' fields
	line, col       int
}

// SiteCascade is the site configuration's cascade ([cascade] or
// [[cascade]]) as decoded, not yet checked: Value is a table or a list of
// tables (nil when unset), written at File:Line:Col. It has the fields of
// config.Cascade, so one converts to the other.
type SiteCascade struct {
	Value     any
	File      string
	Line, Col int
}

// cascadeTargetHint lists what a target may hold.
const cascadeTargetHint = `a target takes path, kind and environment globs, e.g. target: {path: "{/docs,/docs/**}", kind: page}`

// noCascadeKeys are keys a cascade may not set: they place a page in the
// tree (Hugo refuses them too).
var noCascadeKeys = []string{"cascade", "kind", "lang", "path"}

// pageKinds are Hugo's page kinds, which a target's kind glob must match
// at least one of; quire has the first three.
var pageKinds = []string{"home", "section", "page", "taxonomy", "term"}

// decodeCascade reads a cascade value: one table or a list of tables, each
// with an optional target (or _target, Hugo's older name), an optional
// params table, and front matter keys. The values of keys quire knows
// (weight, toc, ...) are checked here, once; a wrong one is an error and is
// left out. A target's lang and sites are not read: quire builds one
// language. file, line and col are where the cascade's value is written.
func decodeCascade(file string, line, col int, v any) ([]cascade, error) {
	bad := func(format string, args ...any) *diag.Diagnostic {
		return diag.Errorf(file, line, col, format, args...)
	}
	var tables []any
	switch x := normalize(v).(type) {
	case nil:
		return nil, nil
	case map[string]any:
		tables = []any{x}
	case []any:
		tables = x
	default:
		return nil, bad("cascade must be a map or a list of maps, got %s", describe(x)).
			WithHint("write cascade: {params: {color: red}}, or a list of such maps")
	}
	var out []cascade
	var errs []error
	for i, t := range tables {
		m, ok := t.(map[string]any)
		if !ok {
			errs = append(errs, bad("cascade entry %d must be a map, got %s", i+1, describe(t)))
			continue
		}
		c, err := decodeCascadeEntry(file, line, col, m)
		errs = append(errs, err)
		if len(c.params) > 0 || len(c.values) > 0 {
			out = append(out, c)
		}
	}
	return out, errors.Join(errs...)
}

// decodeCascadeEntry reads one table of a cascade; m's keys are lower case.
func decodeCascadeEntry(file string, line, col int, m map[string]any) (cascade, error) {
	c := cascade{values: map[string]any{}, params: map[string]any{}, file: file, line: line, col: col}
	bad := func(format string, args ...any) *diag.Diagnostic {
		return diag.Errorf(file, line, col, format, args...)
	}
	var errs []error
	keys := slices.Sorted(maps.Keys(m))
	for _, k := range keys {
		switch {
		case k == "target" || k == "_target":
			errs = append(errs, c.decodeTarget(bad, k, m[k]))
		case k == "params":
			p, ok := m[k].(map[string]any)
			if !ok && m[k] != nil {
				errs = append(errs, bad("cascade params must be a map, got %s", describe(m[k])))
				continue
			}
			maps.Copy(c.params, p)
		case slices.Contains(noCascadeKeys, k):
			errs = append(errs, bad("cascade cannot set %s", quote(k)).
				WithHint("%s places a page in the tree; set it in the page's own front matter", k))
		}
	}
	for _, k := range keys {
		if k == "target" || k == "_target" || k == "params" || slices.Contains(noCascadeKeys, k) {
			continue
		}
		if canon := canonicalKey(k); canon != "" {
			// Check the value once here, not on every page it reaches.
			if err := (&Page{}).setField(file, canon, c.field(k, m[k])); err != nil {
				var d *diag.Diagnostic
				if errors.As(err, &d) {
					d.Msg = "cascade: " + d.Msg
				}
				errs = append(errs, err)
				continue
			}
		}
		c.values[k] = m[k]
	}
	return c, errors.Join(errs...)
}

// decodeTarget reads a target table into c's globs.
func (c *cascade) decodeTarget(bad func(string, ...any) *diag.Diagnostic, key string, v any) error {
	t, ok := v.(map[string]any)
	if !ok {
		if v == nil {
			return nil
		}
		return bad("cascade %s must be a map, got %s", key, describe(v)).WithHint("%s", cascadeTargetHint)
	}
	var errs []error
	for _, k := range slices.Sorted(maps.Keys(t)) {
		var dst **glob
		switch k {
		case "path":
			dst = &c.path
		case "kind":
			dst = &c.kind
		case "environment":
			dst = &c.env
		case "lang", "sites":
			continue // one language: every page is in it
		default:
			errs = append(errs, bad("unknown cascade %s key %s", key, quote(k)).WithHint("%s", cascadeTargetHint))
			continue
		}
		s, ok := stringValue(t[k])
		if !ok {
			errs = append(errs, bad("cascade %s.%s must be a string, got %s", key, k, describe(t[k])).WithHint("%s", cascadeTargetHint))
			continue
		}
		if s == "" {
			continue
		}
		g, err := compileGlob(s)
		if err != nil {
			errs = append(errs, bad("cascade %s.%s %s is not a valid glob: %v", key, k, quote(s), err))
			continue
		}
		if k == "kind" && !slices.ContainsFunc(pageKinds, g.match) {
			errs = append(errs, bad("cascade %s.kind %s matches no page kind", key, quote(s)).
				WithHint("page kinds are %s", strings.Join(pageKinds, ", ")))
			continue
		}
		*dst = g
	}
	return errors.Join(errs...)
}

// field is the front matter field that c gives a page for key k.
func (c *cascade) field(k string, v any) field {
	return field{Key: k, Value: v, KeyLine: c.line, KeyCol: c.col, ValLine: c.line, ValCol: c.col}
}

// matches reports whether c's target matches a page of the kind and
// logical path given, in the build environment env.
func (c *cascade) matches(kind, path, env string) bool {
	return (c.kind == nil || c.kind.match(kind)) &&
		(c.path == nil || c.path.match(path)) &&
		(c.env == nil || c.env.match(env))
}

// applyCascades gives every page the values of the cascades that reach it,
// with Hugo's rules: a page's own cascade, then its parent section's, and
// so up to the home page's, then the site configuration's; of these, the
// first whose target matches the page and that sets a key gives it, unless
// the page's own front matter sets that key. A cascade reaches the page
// that writes it and, for a section, every page under it. It runs once
// the tree is built and before drafts, types, URLs and the order are
// derived, so a cascade can set draft, type, url, slug, weight and toc as
// well as params.
func (l *loader) applyCascades() {
	site, err := decodeCascade(l.opts.Cascade.File, l.opts.Cascade.Line, l.opts.Cascade.Col, l.opts.Cascade.Value)
	l.diags.AddError(l.opts.Cascade.File, err)
	env := l.opts.Environment
	if env == "" {
		env = "production"
	}
	cascadeTree(l.site.Home, site, env)
}

// cascadeTree applies inherited (nearest first) and p's own cascades to p
// and passes them on to p's children.
func cascadeTree(p *Page, inherited []cascade, env string) {
	all := inherited
	if len(p.cascades) > 0 {
		all = slices.Concat(p.cascades, inherited)
	}
	p.applyCascade(all, env)
	for _, c := range p.Children {
		cascadeTree(c, all, env)
	}
}

// applyCascade sets on p each key of the matching cascades in cs that p's
// front matter does not set, the first cascade's value winning.
func (p *Page) applyCascade(cs []cascade, env string) {
	if len(cs) == 0 {
		return
	}
	kind, path := p.kindName(), p.logicalPath()
	titled := false
	for i := range cs {
		c := &cs[i]
		if !c.matches(kind, path, env) {
			continue
		}
		// Params first, as in Hugo: they win over a key of the same name.
		for k, v := range c.params {
			if _, set := p.Params[k]; !set {
				p.Params[k] = v
			}
		}
		for _, k := range slices.Sorted(maps.Keys(c.values)) {
			if p.hasKey(k) {
				continue
			}
			v := c.values[k]
			p.Params[k] = v
			if canon := canonicalKey(k); canon != "" {
				_ = p.setField(c.file, canon, c.field(k, v)) // checked by decodeCascade
				titled = titled || canon == "title"
			}
		}
	}
	if _, set := p.Params["linktitle"]; titled && !set {
		p.LinkTitle = p.Title // as for a title in front matter
	}
}

// hasKey reports whether p.Params hold k or another spelling of the same
// known key (_build for build), so that a cascade's _build does not
// override a page's build.
func (p *Page) hasKey(k string) bool {
	if _, ok := p.Params[k]; ok {
		return true
	}
	canon := strings.ToLower(canonicalKey(k))
	if canon == "" {
		return false
	}
	if _, ok := p.Params[canon]; ok {
		return true
	}
	for alias, c := range keyAliases {
		if _, ok := p.Params[alias]; ok && strings.EqualFold(c, canon) {
			return true
		}
	}
	return false
}

// kindName is p's kind as Hugo names it.
func (p *Page) kindName() string {
	switch p.Kind {
	case KindHome:
		return "home"
	case KindSection:
		return "section"
	}
	return "page"
}

// logicalPath is p's path as Hugo's cascade targets match it: lower case,
// from the content root with a leading slash, without extension, _index or
// a leaf bundle's index, spaces as dashes: "/" for the home page,
// "/docs/v3.5" for docs/v3.5/_index.md, "/docs/v3.5/install" for
// docs/v3.5/install.md or docs/v3.5/install/index.md.
func (p *Page) logicalPath() string {
	var s string
	switch {
	case p.Kind == KindHome:
		return "/"
	case p.Kind == KindSection:
		s = sectionDir(p)
	case isBundleIndex(p.Path):
		s = dirOf(p.Path)
	default:
		s = strings.TrimSuffix(p.Path, "."+extOf(p.Path))
	}
	return "/" + strings.ReplaceAll(strings.ToLower(s), " ", "-")
}

// extOf is rel's extension without the dot, "" when it has none.
func extOf(rel string) string {
	b := rel[strings.LastIndexByte(rel, '/')+1:]
	if i := strings.LastIndexByte(b, '.'); i >= 0 {
		return b[i+1:]
	}
	return ""
}
