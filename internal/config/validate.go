package config

import (
	"fmt"
	"path"
	"path/filepath"
	"strings"

	"github.com/alecthomas/chroma/v2/styles"
	"github.com/quire-docs/quire/internal/diag"
)

// apply copies the well-typed leaves into c, checking each value and
// reporting every invalid one at the line of its key.
func (d *decoder) apply(c *Config) {
	_, c.BaseURLSet = d.leaves["baseURL"]
	if l, ok := d.leaves["baseURL"]; ok && l.value == "" {
		// Hugo's default, and what "hugo new site" writes: serve from the
		// root of whatever host the site lands on.
		d.diags.Add(diag.Warnf(l.pos.file, l.pos.line, l.pos.col, `baseURL: "" is not an absolute URL; pages get root-relative links and no absolute Permalink`).
			WithHint(`set baseURL to the site's address, such as "https://example.org/"`))
	} else if ok {
		if u, p := normaliseBaseURL(l.value.(string)); p != nil {
			p.msg = "baseURL: " + p.msg
			d.addAt(l, p)
		} else {
			c.BaseURL = u
		}
	}
	d.setString("title", &c.Title)
	d.setString("languageCode", &c.LanguageCode)
	d.setString("defaultContentLanguage", &c.DefaultContentLanguage)
	if _, ok := d.leaves["languageCode"]; !ok && c.DefaultContentLanguage != "" {
		c.LanguageCode = c.DefaultContentLanguage // Hugo's: a language's code is its key unless set
	}
	d.setBool("enableMissingTranslationPlaceholders", &c.MissingTranslationPlaceholders)
	d.setString("layoutDir", &c.LayoutDir)
	d.setString("assetDir", &c.AssetDir)
	d.setStaticDirs(&c.StaticDirs)
	d.setDir("contentDir", &c.ContentDir)
	d.setDir("publishDir", &c.PublishDir)
	if l, ok := d.leaves["publishDir"]; ok && c.PublishDir == l.value {
		d.checkPublishDir(l, c.PublishDir, c.ContentDir)
	}
	d.setBool("minify", &c.Minify)
	d.applyRender(&c.Render)
	d.setBool("markup.tableOfContents.ordered", &c.TOC.Ordered)
	d.setBool("markup.goldmark.renderer.unsafe", &c.Unsafe)
	d.setBool("markup.headings.normalize", &c.NormalizeHeadings)
	d.setHeadingIDs(&c.HeadingIDs)
	d.applyMath(&c.Math, &c.Mermaid)
	d.setLevels(&c.TOC)
	d.setStyle("markup.highlight.style", &c.Highlight.Style)
	d.setStyle("markup.highlight.darkStyle", &c.Highlight.DarkStyle)
	d.applyLinkCheck(&c.LinkCheck)
	d.applyPublish(&c.Publish)
	d.applyLimits(&c.Limits)
	d.applySecurity(&c.Security)
	d.applyURLs(&c.URLs)
	d.setBool("enableGitInfo", &c.GitInfo)
	d.setBool("llms.enable", &c.LLMs.Enable)
	if l, ok := d.leaves["params"]; ok {
		c.Params = l.value.(map[string]any)
	}
}

// setHeadingIDs sets the automatic heading id type: Hugo's names, of
// which quire has "github" and "blackfriday" ("github-ascii" is not
// supported).
func (d *decoder) setHeadingIDs(dst *string) {
	l, ok := d.leaves["markup.goldmark.parser.autoHeadingIDType"]
	if !ok {
		return
	}
	switch v := l.value.(string); v {
	case "github", "blackfriday":
		*dst = v
	default:
		d.addAt(l, &problem{fmt.Sprintf("markup.goldmark.parser.autoHeadingIDType: unknown type %q", v),
			`use "github" (GitHub's anchors, the default) or "blackfriday" (Hugo's before 0.60)`})
	}
}

// problem is a value error before it gets its position.
type problem struct{ msg, hint string }

func (d *decoder) addAt(l leaf, p *problem) {
	e := diag.Errorf(l.pos.file, l.pos.line, l.pos.col, "%s", p.msg)
	if p.hint != "" {
		e.WithHint("%s", p.hint)
	}
	d.diags.Add(e)
}

func (d *decoder) setString(name string, dst *string) {
	if l, ok := d.leaves[name]; ok {
		*dst = l.value.(string)
	}
}

func (d *decoder) setBool(name string, dst *bool) {
	if l, ok := d.leaves[name]; ok {
		*dst = l.value.(bool)
	}
}

// setDir sets a directory that must not be empty.
func (d *decoder) setDir(name string, dst *string) {
	l, ok := d.leaves[name]
	if !ok {
		return
	}
	v := l.value.(string)
	if strings.TrimSpace(v) == "" {
		d.addAt(l, &problem{name + ": must not be empty", fmt.Sprintf("remove the key to use the default %q", *dst)})
		return
	}
	*dst = v
}

// checkPublishDir rejects output directories that would overwrite the site:
// publishing replaces the whole directory.
func (d *decoder) checkPublishDir(l leaf, publish, content string) {
	p := path.Clean(filepath.ToSlash(publish))
	switch {
	case p == "." || p == "/":
		d.addAt(l, &problem{fmt.Sprintf("publishDir: %q would replace the whole site", publish), `use a subdirectory such as "public"`})
	case p == path.Clean(filepath.ToSlash(content)):
		d.addAt(l, &problem{fmt.Sprintf("publishDir: %q is also the contentDir", publish), `use a separate directory such as "public"`})
	}
}

// setLevels checks the table-of-contents levels: each 0 (automatic) or a
// heading level 1..6, and startLevel <= endLevel when both are set.
func (d *decoder) setLevels(t *TOC) {
	const start, end = "markup.tableOfContents.startLevel", "markup.tableOfContents.endLevel"
	ok := true
	for _, k := range []struct {
		name string
		dst  *int
	}{{start, &t.StartLevel}, {end, &t.EndLevel}} {
		l, set := d.leaves[k.name]
		if !set {
			continue
		}
		n := l.value.(int64)
		if n < 0 || n > 6 {
			d.addAt(l, &problem{fmt.Sprintf("%s: %d is not a heading level", k.name, n), "use 1 to 6, or 0 for automatic"})
			ok = false
			continue
		}
		*k.dst = int(n)
	}
	if ok && t.StartLevel != 0 && t.EndLevel != 0 && t.StartLevel > t.EndLevel {
		l := d.leaves[end]
		d.addAt(l, &problem{
			fmt.Sprintf("%s: %d is less than startLevel %d", end, t.EndLevel, t.StartLevel),
			"endLevel must be at least startLevel; 0 means startLevel + 2",
		})
	}
}

// setStyle checks a chroma style name and stores the registry's spelling.
func (d *decoder) setStyle(name string, dst *string) {
	l, ok := d.leaves[name]
	if !ok {
		return
	}
	v := l.value.(string)
	key := strings.ToLower(strings.TrimSpace(v))
	if _, ok := styles.Registry[key]; ok {
		*dst = key
		return
	}
	hint := "valid styles include " + strings.Join(popularStyles, ", ")
	if best := diag.Closest(key, styles.Names()); best != "" {
		hint = fmt.Sprintf("did you mean %q? %s", best, hint)
	}
	d.addAt(l, &problem{fmt.Sprintf("%s: unknown chroma style %q", name, v), hint})
}

// popularStyles are listed in the hint for an unknown style; all are in
// chroma's registry.
var popularStyles = []string{"github", "github-dark", "monokai", "dracula", "nord", "solarized-light", "solarized-dark", "catppuccin-latte", "catppuccin-mocha"}
