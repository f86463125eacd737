package funcs

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"net/url"
	"regexp"
	"strings"
	"unicode"

	"github.com/BurntSushi/toml"
	"github.com/goccy/go-yaml"
)

// Transform is Hugo's transform namespace (and the encoding and urls
// functions that transform strings).
type Transform struct{}

// Jsonify encodes v as JSON, map keys sorted: jsonify [OPTIONS] INPUT with
// OPTIONS a map of "prefix", "indent" (strings) and "noHTMLEscape" (bool).
func (Transform) Jsonify(args ...any) (template.HTML, error) {
	var opts map[string]any
	var v any
	switch len(args) {
	case 1:
		v = args[0]
	case 2:
		m, ok := args[0].(map[string]any)
		if !ok {
			return "", fmt.Errorf("jsonify: OPTIONS must be a map (dict), got %T", args[0])
		}
		opts, v = m, args[1]
	default:
		return "", errors.New("jsonify: want [OPTIONS] INPUT")
	}
	var prefix, indent string
	escape := true
	for _, k := range sortedStringKeys(opts) {
		switch strings.ToLower(k) {
		case "prefix":
			prefix, _ = toStr(opts[k])
		case "indent":
			indent, _ = toStr(opts[k])
		case "nohtmlescape":
			escape = !truth(opts[k])
		default:
			return "", fmt.Errorf("jsonify: unknown option %q (want prefix, indent, noHTMLEscape)", k)
		}
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(escape)
	if prefix != "" || indent != "" {
		enc.SetIndent(prefix, indent)
	}
	if err := enc.Encode(v); err != nil {
		return "", fmt.Errorf("jsonify: %w", err)
	}
	return template.HTML(strings.TrimSuffix(buf.String(), "\n")), nil
}

func sortedStringKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sortStrings(keys)
	return keys
}

// Unmarshal decodes JSON, TOML, YAML or CSV text into maps and slices:
// transform.Unmarshal [OPTIONS] INPUT. The format is guessed from the text
// (JSON starts with { or [; TOML has key = value lines; CSV is what has
// the delimiter on every line and is none of the others); OPTIONS may set
// "delimiter" and "comment" for CSV.
func (Transform) Unmarshal(args ...any) (any, error) {
	var opts map[string]any
	var in any
	switch len(args) {
	case 1:
		in = args[0]
	case 2:
		m, ok := args[0].(map[string]any)
		if !ok {
			return nil, fmt.Errorf("transform.Unmarshal: OPTIONS must be a map (dict), got %T", args[0])
		}
		opts, in = m, args[1]
	default:
		return nil, errors.New("transform.Unmarshal: want [OPTIONS] INPUT")
	}
	s, err := str("transform.Unmarshal", in)
	if err != nil {
		return nil, err
	}
	delim, comment := ',', rune(0)
	for _, k := range sortedStringKeys(opts) {
		v, _ := toStr(opts[k])
		r := []rune(v)
		if len(r) != 1 {
			return nil, fmt.Errorf("transform.Unmarshal: option %q must be one character, got %q", k, v)
		}
		switch strings.ToLower(k) {
		case "delimiter":
			delim = r[0]
		case "comment":
			comment = r[0]
		default:
			return nil, fmt.Errorf("transform.Unmarshal: unknown option %q (want delimiter, comment)", k)
		}
	}
	return unmarshalText(s, delim, comment, opts != nil)
}

var tomlLine = regexp.MustCompile(`(?m)^\s*(\[[^\]]+\]|[A-Za-z0-9_."-]+\s*=)`)

func unmarshalText(s string, delim, comment rune, csvAsked bool) (any, error) {
	t := strings.TrimSpace(s)
	if t == "" {
		return map[string]any{}, nil
	}
	var v any
	switch {
	case !csvAsked && (t[0] == '{' || t[0] == '['):
		if err := json.Unmarshal([]byte(t), &v); err != nil {
			return nil, fmt.Errorf("transform.Unmarshal: JSON: %w", err)
		}
		return v, nil
	case !csvAsked && tomlLine.MatchString(t):
		m := map[string]any{}
		if _, err := toml.Decode(s, &m); err != nil {
			return nil, fmt.Errorf("transform.Unmarshal: TOML: %w", err)
		}
		return m, nil
	case !csvAsked && (strings.Contains(t, ": ") || strings.Contains(t, ":\n") || strings.HasPrefix(t, "- ") || strings.HasPrefix(t, "---")):
		if err := yaml.Unmarshal([]byte(s), &v); err != nil {
			return nil, fmt.Errorf("transform.Unmarshal: YAML: %w", err)
		}
		return v, nil
	}
	r := csv.NewReader(strings.NewReader(s))
	r.Comma, r.Comment = delim, comment
	r.FieldsPerRecord = -1
	rows, err := r.ReadAll()
	if err != nil {
		return nil, fmt.Errorf("transform.Unmarshal: CSV: %w", err)
	}
	return rows, nil
}

// URLize turns s into a URL path segment as Hugo does: spaces become "-",
// characters other than letters, digits and . _ - / # + ~ are dropped, the
// result is lower-cased and percent-encoded:
// {{ "vim (text editor)" | urlize }} → vim-text-editor.
func (Transform) URLize(s any) (string, error) {
	x, err := str("urlize", s)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	for _, r := range strings.TrimSpace(x) {
		switch {
		case unicode.IsSpace(r):
			b.WriteByte('-')
		case unicode.IsLetter(r), unicode.IsDigit(r), unicode.IsMark(r), strings.ContainsRune("._-/#+~", r):
			b.WriteRune(r)
		}
	}
	return (&url.URL{Path: strings.ToLower(b.String())}).EscapedPath(), nil
}

// Anchorize returns s as a GitHub-style anchor, the way quire's heading
// ids are made: {{ "This is a title" | anchorize }} → this-is-a-title.
func (Transform) Anchorize(s any) (string, error) {
	x, err := str("anchorize", s)
	return slug(x), err
}

// slug is markdown.Slug (github-slugger), which this package cannot import
// (layering); TestSlugMatchesMarkdown keeps the two the same.
func slug(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range strings.ToLower(s) {
		switch {
		case r == ' ':
			b.WriteByte('-')
		case r == '-' || r == '_',
			unicode.IsLetter(r), unicode.IsMark(r), unicode.IsNumber(r),
			unicode.Is(unicode.Pc, r):
			b.WriteRune(r)
		}
	}
	return b.String()
}
