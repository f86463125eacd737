package funcs

import (
	"html/template"
	"strconv"
	"strings"
)

// HugoVersion is what hugo.Version returns: the Hugo release whose
// template functions quire follows, so a theme's "needs Hugo 0.120 or
// later" check passes.
const HugoVersion = "0.152.0"

// Hugo is what Hugo's hugo function returns, for templates that ask about
// the build: {{ if hugo.IsProduction }}.
type Hugo struct {
	env  string
	data func() map[string]any
}

// VersionString is a version that eq, lt, ge, ... compare by its numbers,
// as Hugo's: {{ if ge hugo.Version "0.99" }} holds for 0.152.0.
type VersionString string

func (v VersionString) String() string { return string(v) }

// Version is HugoVersion.
func (Hugo) Version() VersionString { return HugoVersion }

// Environment is Options.Environment, "production" by default.
func (h Hugo) Environment() string { return h.env }

func (h Hugo) IsProduction() bool  { return h.env == "production" }
func (h Hugo) IsDevelopment() bool { return h.env == "development" }

// IsServer reports whether the site is being served by quire serve.
func (h Hugo) IsServer() bool { return h.env == "development" }

// Data is the site's data (data/ files), as .Site.Data; empty outside a
// page's rendering.
func (h Hugo) Data() map[string]any {
	if h.data != nil {
		if d := h.data(); d != nil {
			return d
		}
	}
	return map[string]any{}
}

// Generator is the generator meta tag, naming quire.
func (Hugo) Generator() template.HTML {
	return `<meta name="generator" content="quire">`
}

// compareVersions orders a and b when one of them is a VersionString and
// the other a version too (a VersionString, a string or a number such as
// 0.99): by their dot-separated numbers, a missing number being 0.
func compareVersions(a, b any) (int, bool) {
	_, va := a.(VersionString)
	_, vb := b.(VersionString)
	if !va && !vb {
		return 0, false
	}
	x, ok1 := versionParts(a)
	y, ok2 := versionParts(b)
	if !ok1 || !ok2 {
		return 0, false
	}
	for i := 0; i < len(x) || i < len(y); i++ {
		var p, q int
		if i < len(x) {
			p = x[i]
		}
		if i < len(y) {
			q = y[i]
		}
		if p != q {
			return cmp3(p < q, p > q), true
		}
	}
	return 0, true
}

// versionParts splits "v0.120.1-DEV" into [0 120 1]; a suffix after "-"
// or "+" is ignored.
func versionParts(v any) ([]int, bool) {
	var s string
	switch x := v.(type) {
	case VersionString:
		s = string(x)
	case string:
		s = x
	case float64:
		s = strconv.FormatFloat(x, 'f', -1, 64)
	case int:
		s = strconv.Itoa(x)
	default:
		return nil, false
	}
	s = strings.TrimPrefix(strings.TrimSpace(s), "v")
	if i := strings.IndexAny(s, "-+"); i >= 0 {
		s = s[:i]
	}
	var out []int
	for _, p := range strings.Split(s, ".") {
		n, err := strconv.Atoi(p)
		if err != nil || n < 0 {
			return nil, false
		}
		out = append(out, n)
	}
	return out, true
}
