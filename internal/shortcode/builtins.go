package shortcode

import (
	"errors"
	"fmt"
	"html"
	"html/template"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/quire-docs/quire/internal/highlight"
)

// outKind says how an output is inserted.
type outKind int

const (
	asWritten outKind = iota // {{< >}}: HTML; {{% %}}: markdown
	asHTML                   // HTML in either form
	asText                   // text put into the markdown in either form (URLs, params)
)

// builtinHTML names the embedded templates whose output is HTML in both
// forms; a site template of the same name replaces one and follows the
// form as any other does.
var builtinHTML = map[string]bool{"figure": true}

// goBuiltins returns the shortcodes written in Go, the themes' as theme
// (themeOf) has them. A site template of the same name replaces one.
func goBuiltins(theme string) map[string]*entry {
	m := themeBuiltins(theme)
	m["ref"] = &entry{file: "ref", run: func(x *expander, c *Call) (string, outKind, error) { return x.ref(c, true) }}
	m["relref"] = &entry{file: "relref", run: func(x *expander, c *Call) (string, outKind, error) { return x.ref(c, false) }}
	m["highlight"] = &entry{file: "highlight", inner: true, run: runHighlight}
	m["param"] = &entry{file: "param", run: runParam}
	m["youtube"] = &entry{file: "youtube", run: runYouTube}
	return m
}

// ref resolves "path#anchor" (or "#anchor" on the page itself) to the
// page's absolute (ref) or relative (relref) URL. A missing page is an
// error now; a missing anchor is checked by the caller (Expansion.Anchors).
func (x *expander) ref(c *Call, abs bool) (string, outKind, error) {
	arg := c.str(0)
	if c.IsNamedParams {
		arg = c.str("path")
	}
	if arg == "" {
		return "", 0, errors.New(`wants a page path, as {{< ` + c.Name + ` "docs/page.md" >}}`)
	}
	p, anchor, _ := strings.Cut(arg, "#")
	if x.env.Ref == nil {
		return "", 0, fmt.Errorf("cannot resolve %q here", arg)
	}
	t, err := x.env.Ref(p)
	if err != nil {
		return "", 0, err
	}
	u := t.RelPermalink
	if abs {
		u = t.Permalink
	}
	if p == "" {
		u = ""
	}
	if anchor != "" {
		u += "#" + anchor
		d := x.diagAt(c.offset, c.Name, "no heading #%s on the page %q", anchor, arg)
		d.WithHint("link to one of the page's heading ids, or drop the #anchor")
		x.exp.Anchors = append(x.exp.Anchors, Anchor{Page: t.Page, ID: anchor, Err: d})
	}
	return u, asText, nil
}

// runParam prints a page parameter, else a site parameter.
func runParam(x *expander, c *Call) (string, outKind, error) {
	key := c.str(0)
	if key == "" {
		return "", 0, errors.New(`wants a parameter name, as {{< param "name" >}}`)
	}
	if x.env.Param != nil {
		if v, ok := x.env.Param(key); ok {
			if m, ok := v.(map[string]any); ok {
				return "", 0, tableParamError(key, m)
			}
			return fmt.Sprint(v), asText, nil
		}
	}
	return "", 0, fmt.Errorf("no parameter %q in the page's front matter or the site's [params]", key)
}

// tableParamError is the error for {{< param KEY >}} where KEY holds a
// table: printing it would put a Go map into the page.
func tableParamError(key string, m map[string]any) error {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	if len(keys) == 0 {
		return fmt.Errorf(`parameter %q is a table, not a value: name one of its keys, as {{< param "%s.KEY" >}} (it has none)`, key, key)
	}
	return fmt.Errorf(`parameter %q is a table, not a value: name one of its keys, as {{< param "%s.%s" >}} (its keys: %s)`,
		key, key, keys[0], strings.Join(keys, ", "))
}

// runHighlight renders its inner text as code: {{< highlight LANG "OPTIONS" >}}.
func runHighlight(x *expander, c *Call) (string, outKind, error) {
	lang, opts := c.str(0), c.str(1)
	if c.IsNamedParams {
		lang = c.str("lang")
		opts = c.str("options")
	}
	code := strings.TrimLeft(string(c.Inner), "\r\n")
	code = strings.TrimRight(code, " \t\r\n") + "\n"
	lo, lines, err := highlight.ParseOptions(opts)
	if err != nil {
		return "", 0, err
	}
	var b strings.Builder
	if lines {
		err = highlight.CodeLines(&b, lang, code, lo)
	} else {
		err = highlight.Code(&b, lang, code)
	}
	return b.String(), asHTML, err
}

// youtubeID is what a YouTube video id looks like.
var youtubeID = regexp.MustCompile(`^[A-Za-z0-9_-]{1,64}$`)

// runYouTube embeds a video from youtube-nocookie.com, which sets no
// cookies until the reader plays it; it adds no script to the page.
func runYouTube(x *expander, c *Call) (string, outKind, error) {
	id := c.str(0)
	if c.IsNamedParams {
		id = c.str("id")
	}
	if !youtubeID.MatchString(id) {
		return "", 0, fmt.Errorf("wants a video id such as %q, got %q", "0RKpf3rK57I", id)
	}
	q := []string{}
	for _, k := range []string{"start", "end"} {
		if v := c.str(k); v != "" {
			n, err := strconv.Atoi(v)
			if err != nil || n < 0 {
				return "", 0, fmt.Errorf("%s=%s: want seconds", k, v)
			}
			q = append(q, k+"="+strconv.Itoa(n))
		}
	}
	for _, k := range []string{"autoplay", "loop", "mute"} {
		if c.str(k) == "true" {
			q = append(q, k+"=1")
			if k == "loop" {
				q = append(q, "playlist="+id)
			}
		}
	}
	if c.str("controls") == "false" {
		q = append(q, "controls=0")
	}
	src := "https://www.youtube-nocookie.com/embed/" + id
	if len(q) > 0 {
		src += "?" + strings.Join(q, "&")
	}
	title := c.str("title")
	if title == "" {
		title = "YouTube video"
	}
	loading := "lazy"
	if c.str("loading") == "eager" {
		loading = "eager"
	}
	class := "youtube"
	if v := c.str("class"); v != "" {
		class = v
	}
	return fmt.Sprintf(`<div class="%s"><iframe src="%s" title="%s" loading="%s" `+
		`allow="accelerometer; autoplay; clipboard-write; encrypted-media; gyroscope; picture-in-picture; web-share" `+
		`referrerpolicy="strict-origin-when-cross-origin" allowfullscreen `+
		`style="aspect-ratio:16/9;width:100%%;height:auto;border:0"></iframe></div>`,
		html.EscapeString(class), html.EscapeString(src), html.EscapeString(title), loading), asHTML, nil
}

// inlineHTML strips the <p> around markdown that rendered as one
// paragraph, as Hugo's markdownify does.
func inlineHTML(h template.HTML) template.HTML {
	s := strings.TrimSpace(string(h))
	if strings.HasPrefix(s, "<p>") && strings.HasSuffix(s, "</p>") && strings.Count(s, "<p>") == 1 {
		return template.HTML(s[3 : len(s)-4])
	}
	return h
}
