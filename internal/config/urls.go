package config

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"
)

// URLs holds the settings of how pages' URLs are made from their files.
type URLs struct {
	// DisablePathToLower (disablePathToLower) keeps the case of file and
	// directory names and slugs in URLs; by default they are lower-cased,
	// as Hugo does. Default: false.
	DisablePathToLower bool
	// Permalinks ([permalinks]) are URL patterns such as
	// "/:year/:month/:slug/", by the lower-cased name of a top-level
	// section: Page for the pages under it, Section for its sections.
	// Hugo's plain form, section = pattern, is for pages. Default: none.
	Permalinks Permalinks
}

// Permalinks are URL patterns by page kind, then by top-level section.
type Permalinks struct {
	Page    map[string]string
	Section map[string]string
}

// applyURLs checks and copies disablePathToLower and [permalinks].
func (d *decoder) applyURLs(c *URLs) {
	d.setBool("disablePathToLower", &c.DisablePathToLower)
	if l, ok := d.leaves["permalinks"]; ok {
		d.applyPermalinks(l, &c.Permalinks)
	}
}

// applyPermalinks reads Hugo's forms of [permalinks]: section = pattern,
// and [permalinks.page] and [permalinks.section] tables of them. Hugo's
// taxonomy and term patterns are accepted and unused: quire has no
// taxonomies. Every pattern's tokens are checked.
func (d *decoder) applyPermalinks(l leaf, c *Permalinks) {
	t := l.value.(map[string]any)
	set := func(dst *map[string]string, key string, v any, where []string) {
		name := "permalinks." + strings.Join(where, ".")
		at := d.keyLeaf(l, append([]string{"permalinks"}, where...))
		s, ok := v.(string)
		if !ok {
			d.addAt(at, &problem{fmt.Sprintf("%s: expected a string, got %s", name, typeName(v)), `write a URL pattern such as "/:year/:month/:slug/"`})
			return
		}
		if p := checkPermalink(s); p != nil {
			p.msg = name + ": " + p.msg
			d.addAt(at, p)
			return
		}
		if *dst == nil {
			*dst = map[string]string{}
		}
		(*dst)[strings.ToLower(key)] = s
	}
	for _, k := range sortedKeys(t) {
		sub, isTable := t[k].(map[string]any)
		if !isTable {
			set(&c.Page, k, t[k], []string{k})
			continue
		}
		var dst *map[string]string
		switch strings.ToLower(k) {
		case "page":
			dst = &c.Page
		case "section":
			dst = &c.Section
		case "taxonomy", "term":
			dst = new(map[string]string) // checked, then dropped
		default:
			d.addAt(d.keyLeaf(l, []string{"permalinks", k}), &problem{fmt.Sprintf("permalinks.%s: unknown page kind %q", k, k),
				`use [permalinks.page] or [permalinks.section], or write SECTION = "PATTERN" directly under [permalinks]`})
			continue
		}
		for _, s := range sortedKeys(sub) {
			set(dst, s, sub[s], []string{k, s})
		}
	}
}

// keyLeaf is l with the position of the key at path, when it is known.
func (d *decoder) keyLeaf(l leaf, path []string) leaf {
	if p := d.pos.lookup(path); p.line > 0 {
		l.pos = p
	}
	return l
}

// permalinkToken matches a token of a permalink pattern, as Hugo does:
// ":name", with an optional slice such as ":sections[1:]".
var permalinkToken = regexp.MustCompile(`:\w+(\[.+?\])?`)

// permalinkTokens are the tokens of Hugo's that quire expands: keep them
// in step with content's permalinkValue, which expands them.
var permalinkTokens = []string{
	"year", "month", "monthname", "day", "weekday", "weekdayname", "yearday",
	"section", "sections", "title", "slug", "slugorfilename", "filename",
	"contentbasename", "slugorcontentbasename",
}

// checkPermalink reports the first token of pattern that quire does not
// expand. Besides permalinkTokens, ":sections[...]" takes a slice, and a
// token that is a layout of Go's time package (":06", ":Jan") formats
// the page's date, as in Hugo.
func checkPermalink(pattern string) *problem {
	for _, tok := range permalinkToken.FindAllString(pattern, -1) {
		name, slice, _ := strings.Cut(tok[1:], "[")
		switch {
		case slice != "" && name == "sections":
			continue
		case slice != "":
		case slices.Contains(permalinkTokens, name), referenceTime.Format(name) != name:
			continue
		}
		return &problem{fmt.Sprintf("unknown token %q in %q", tok, pattern),
			"tokens: :" + strings.Join(permalinkTokens, " :") + ", :sections[1:], or a Go time layout such as :06"}
	}
	return nil
}

// referenceTime is a date whose formatting changes every layout element.
var referenceTime = time.Date(2019, 9, 10, 11, 12, 13, 0, time.UTC)
