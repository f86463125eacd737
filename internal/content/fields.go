package content

import (
	"errors"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/quire-docs/quire/internal/diag"
)

// position is a 1-based line and column in a file.
type position struct{ Line, Col int }

// parsePage parses one content file (see ParsePage, the tests' way in):
// it also returns where each known key's value is written (by canonical
// key), for errors Load finds later (url, slug); front matter longer than
// maxFront bytes (when maxFront > 0) is an error.
func parsePage(file string, src []byte, maxFront int) (*Page, map[string]position, []*diag.Diagnostic, error) {
	var warns []*diag.Diagnostic
	if w := encodingWarning(file, src); w != nil {
		warns = append(warns, w)
	}
	fm, err := SplitFrontMatter(file, src)
	if err != nil {
		return nil, nil, warns, err
	}
	if fm.LongClose != "" {
		want := strings.Repeat(fm.LongClose[:1], 3)
		warns = append(warns, diag.Warnf(file, fm.BodyLine-1, 1, "front matter closed with %s", quote(fm.LongClose)).
			WithHint("Hugo accepts it; close the front matter with a line of exactly %s", want))
	}
	noOpen := unopenedWarning(file, fm)
	if noOpen != nil {
		warns = append(warns, noOpen)
	}
	if err := checkSize(file, fm, maxFront); err != nil {
		return nil, nil, warns, err
	}
	if err := checkDepth(file, fm, MaxFrontMatterDepth); err != nil {
		return nil, nil, warns, err
	}
	fields, err := decodeFields(file, fm)
	if err != nil {
		return nil, nil, warns, err
	}
	p := &Page{File: file, Body: fm.Body, BodyLine: fm.BodyLine, FrontSum: FrontSum(fm), Params: make(map[string]any), noOpen: noOpen != nil}
	var errs []error
	set := make(map[string]field) // canonical key -> where it was set
	for _, f := range fields {
		lower := strings.ToLower(f.Key)
		p.Params[lower] = f.Value
		canon := canonicalKey(lower)
		if canon == "" {
			if s := suggestKey(f.Key); s != "" {
				warns = append(warns, diag.Warnf(file, f.KeyLine, f.KeyCol, "unknown front matter key %s", quote(f.Key)).
					WithHint("did you mean %q?", s))
			}
			continue
		}
		if prev, dup := set[canon]; dup {
			warns = append(warns, diag.Warnf(file, f.KeyLine, f.KeyCol, "front matter key %s repeats %s on line %d; the last one wins", quote(f.Key), quote(prev.Key), prev.KeyLine))
		}
		set[canon] = f
		if err := p.setField(file, canon, f); err != nil {
			errs = append(errs, err)
		}
	}
	if p.LinkTitle == "" {
		p.LinkTitle = p.Title
	}
	_, setsBuild := set["build"]
	p.headless(file, setsBuild)
	pos := make(map[string]position, len(set))
	for k, f := range set {
		pos[k] = position{f.ValLine, f.ValCol}
	}
	return p, pos, warns, errors.Join(errs...)
}

// setField sets the known field canon from f, or returns a diagnostic at
// the value.
func (p *Page) setField(file, canon string, f field) error {
	bad := func(format string, args ...any) *diag.Diagnostic {
		return diag.Errorf(file, f.ValLine, f.ValCol, format, args...)
	}
	var err *diag.Diagnostic
	switch canon {
	case "title", "linkTitle", "description", "slug", "url", "type":
		s, ok := stringValue(f.Value)
		if !ok {
			return bad("%s must be a string, got %s", canon, describe(f.Value))
		}
		switch canon {
		case "title":
			p.Title = s
		case "linkTitle":
			p.LinkTitle = s
		case "description":
			p.Description = s
		case "slug":
			p.Slug = s
		case "url":
			p.URL = s
		case "type":
			p.Type = s
		}
	case "weight":
		w, integer, fits := wholeNumber(f.Value)
		switch {
		case !integer:
			return bad("weight must be an integer, got %s", describe(f.Value)).WithHint("write weight: 10")
		case !fits:
			return bad("weight %s is out of range (%d to %d)", numberText(f.Value), MinWeight, MaxWeight).
				WithHint("weights only order pages; leave gaps like 10, 20, 30")
		}
		p.Weight = w
	case "draft":
		b, ok := boolValue(f.Value)
		if !ok {
			return bad("draft must be true or false, got %s", describe(f.Value))
		}
		p.Draft = b
	case "date", "lastmod":
		t, ok := timeValue(f.Value)
		if !ok {
			return bad("%s must be a date, got %s", canon, describe(f.Value)).
				WithHint("write a date like 2024-05-01, 2024-05-01T10:00:00 or 2024-05-01T10:00:00Z")
		}
		if canon == "date" {
			p.Date = t
		} else {
			p.Lastmod = t
		}
	case "aliases":
		a, ok := stringList(f.Value)
		if !ok {
			return bad("aliases must be a list of paths, got %s", describe(f.Value)).
				WithHint("write aliases: [/old/path/]")
		}
		p.Aliases = a
	case "cascade":
		var e error
		p.cascades, e = decodeCascade(file, f.ValLine, f.ValCol, f.Value)
		return e
	case "build":
		p.Build, err = buildValue(f, bad)
		if err != nil {
			return err
		}
	case "toc":
		p.TOC, err = tocValue(f, bad)
		if err != nil {
			return err
		}
	}
	return nil
}

// tocValue reads `toc: false`, `toc: true` or a map with startLevel and
// endLevel (1 to 6, start not after end).
func tocValue(f field, bad func(string, ...any) *diag.Diagnostic) (TOCSetting, *diag.Diagnostic) {
	hint := "write toc: false, or toc: {startLevel: 2, endLevel: 4}"
	switch v := f.Value.(type) {
	case nil:
		return TOCSetting{}, nil
	case bool:
		return TOCSetting{Disabled: !v}, nil
	case map[string]any:
		var t TOCSetting
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		sort.Strings(keys) // report the same problem first on every run
		for _, k := range keys {
			n, ok := intValue(v[k])
			name := map[string]string{"startlevel": "startLevel", "endlevel": "endLevel"}[k]
			switch {
			case name == "":
				return TOCSetting{}, bad("unknown toc setting %s", quote(k)).WithHint("%s", hint)
			case !ok || n < 1 || n > 6:
				return TOCSetting{}, bad("toc %s must be a heading level from 1 to 6, got %s", name, describe(v[k])).WithHint("%s", hint)
			case k == "startlevel":
				t.StartLevel = n
			default:
				t.EndLevel = n
			}
		}
		if t.StartLevel > 0 && t.EndLevel > 0 && t.StartLevel > t.EndLevel {
			return TOCSetting{}, bad("toc startLevel %d is after endLevel %d", t.StartLevel, t.EndLevel).WithHint("%s", hint)
		}
		return t, nil
	}
	return TOCSetting{}, bad("toc must be false or a map, got %s", describe(f.Value)).WithHint("%s", hint)
}

// stringValue accepts strings and, as Hugo does, other scalars written
// without quotes (title: 2024). null is "".
func stringValue(v any) (string, bool) {
	switch x := v.(type) {
	case nil:
		return "", true
	case string:
		return x, true
	case int64, uint64, float64, bool:
		return fmt.Sprint(x), true
	}
	return "", false
}

// MinWeight and MaxWeight bound a page's weight: it must fit in an int32,
// so that weights sort the same on every platform.
const (
	MinWeight = math.MinInt32
	MaxWeight = math.MaxInt32
)

// intValue accepts integers from MinWeight to MaxWeight: integers, floats
// with no fraction, and strings holding an integer ("10"). null is 0.
func intValue(v any) (int, bool) {
	n, integer, fits := wholeNumber(v)
	return n, integer && fits
}

// wholeNumber reports whether v is an integer in one of the forms intValue
// accepts, and whether it fits from MinWeight to MaxWeight; n is its value
// only when both hold.
func wholeNumber(v any) (n int, integer, fits bool) {
	switch x := v.(type) {
	case nil:
		return 0, true, true
	case int64:
		if x < MinWeight || x > MaxWeight {
			return 0, true, false
		}
		return int(x), true, true
	case uint64: // only those above math.MaxInt64 are left as uint64
		return 0, true, false
	case float64:
		if x != math.Trunc(x) { // also NaN
			return 0, false, false
		}
		if x < MinWeight || x > MaxWeight { // also ±Inf
			return 0, true, false
		}
		return int(x), true, true
	case string:
		i, err := strconv.ParseInt(strings.TrimSpace(x), 10, 64)
		switch {
		case errors.Is(err, strconv.ErrRange):
			return 0, true, false
		case err != nil:
			return 0, false, false
		}
		return wholeNumber(i)
	}
	return 0, false, false
}

// numberText is a number as written, for an out-of-range message.
func numberText(v any) string {
	if s, ok := v.(string); ok {
		return shorten(strings.TrimSpace(s))
	}
	return shorten(fmt.Sprint(v))
}

// boolValue accepts booleans and the strings "true" and "false" in any case.
// null is false.
func boolValue(v any) (bool, bool) {
	switch x := v.(type) {
	case nil:
		return false, true
	case bool:
		return x, true
	case string:
		switch strings.ToLower(strings.TrimSpace(x)) {
		case "true":
			return true, true
		case "false":
			return false, true
		}
	}
	return false, false
}

// dateLayouts are the string forms a date may take.
var dateLayouts = []string{time.RFC3339, "2006-01-02T15:04:05", "2006-01-02"}

// timeValue accepts native dates (TOML) and strings in dateLayouts; a date
// without a zone is UTC. null is the zero time.
func timeValue(v any) (time.Time, bool) {
	switch x := v.(type) {
	case nil:
		return time.Time{}, true
	case time.Time:
		return x, true
	case string:
		s := strings.TrimSpace(x)
		for _, layout := range dateLayouts {
			if t, err := time.Parse(layout, s); err == nil {
				return t, true
			}
		}
	}
	return time.Time{}, false
}

// stringList accepts a list of strings or a single string.
func stringList(v any) ([]string, bool) {
	switch x := v.(type) {
	case nil:
		return nil, true
	case string:
		return []string{x}, true
	case []any:
		out := make([]string, 0, len(x))
		for _, e := range x {
			s, ok := e.(string)
			if !ok {
				return nil, false
			}
			out = append(out, s)
		}
		return out, true
	}
	return nil, false
}

// describe names a value for an error message: strings quoted, short
// scalars as written, containers by kind.
func describe(v any) string {
	switch x := v.(type) {
	case nil:
		return "nothing"
	case string:
		return quote(x)
	case []any:
		return "a list"
	case map[string]any:
		return "a map"
	case time.Time:
		return "a date"
	}
	return fmt.Sprint(v)
}
