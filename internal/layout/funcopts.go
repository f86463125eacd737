package layout

import (
	"crypto/sha256"
	"fmt"
	"html/template"
	"slices"
	"strings"

	"github.com/quire-docs/quire/internal/funcs"
	"github.com/quire-docs/quire/internal/highlight"
)

// SetFuncs binds Hugo's functions in layouts and partials to o: the
// build's time (now), environment (hugo.Environment), the variables
// os.Getenv may read and where warnf's messages go. o.BaseURL and o.Files
// are ignored: the base URL is the page's site's, and layouts read no
// files (their output is memoised by keys that do not cover such reads).
// The time, environment and getenv patterns are part of the Fingerprint.
// Call it before rendering, not during.
func (t *Templates) SetFuncs(o funcs.Options) {
	o.BaseURL, o.Files = "", nil
	t.funcOpts = o
	h := sha256.New()
	h.Write(t.fp[:])
	fmt.Fprintf(h, "now=%s env=%q", o.Now.UTC().Format("2006-01-02T15:04:05.999999999Z"), o.Environment)
	for _, re := range o.GetenvAllow {
		fmt.Fprintf(h, " getenv=%q", re.String())
	}
	h.Sum(t.fp[:0])
}

// funcOptions returns SetFuncs' options bound to baseURL.
func (t *Templates) funcOptions(baseURL string) funcs.Options {
	o := t.funcOpts
	o.BaseURL = baseURL
	return o
}

// highlightFunc is Hugo's highlight function: highlight CODE LANG
// [OPTIONS], OPTIONS a string ("linenos=table,hl_lines=2 4-5") or a map
// (dict "linenos" true "hl_lines" "2 4-5"). Code is rendered as fenced
// code blocks are.
func highlightFunc(code, lang any, opts ...any) (template.HTML, error) {
	if len(opts) > 1 {
		return "", fmt.Errorf("highlight: want CODE LANG [OPTIONS], got %d options", len(opts))
	}
	var o string
	if len(opts) == 1 {
		switch x := opts[0].(type) {
		case nil:
		case map[string]any:
			var parts []string
			for _, k := range sortedKeys(x) {
				parts = append(parts, k+"="+optionValue(x[k]))
			}
			o = strings.Join(parts, ",")
		default:
			o = toString(x)
		}
	}
	lo, lines, err := highlight.ParseOptions(o)
	if err != nil {
		return "", fmt.Errorf("highlight: %w", err)
	}
	var b strings.Builder
	c, l := toString(code), toString(lang)
	if lines {
		err = highlight.CodeLines(&b, l, c, lo)
	} else {
		err = highlight.Code(&b, l, c)
	}
	return template.HTML(b.String()), err
}

// optionValue writes a map option's value as the string form spells it:
// a list of lines [2 "4-5"] as "2 4-5".
func optionValue(v any) string {
	if l, ok := v.([]any); ok {
		parts := make([]string, len(l))
		for i, x := range l {
			parts[i] = toString(x)
		}
		return strings.Join(parts, " ")
	}
	return toString(v)
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
