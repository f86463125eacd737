package linkcheck

import (
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/quire-docs/quire/internal/diag"
)

// writeMarkdown prints the report as GitHub-flavoured markdown, for a
// job's step summary ($GITHUB_STEP_SUMMARY) or an issue body. Its layout
// is stable (content/docs/link-checking.md documents it):
//
//	## Link check
//
//	| checked | ok | broken | warnings | skipped | from the cache |
//	| ---: | ---: | ---: | ---: | ---: | ---: |
//	| 47 | 41 | 4 | 1 | 1 | 1 |
//
//	### Broken links
//
//	#### content/faq/a.md
//
//	| place | link | reason |
//	| --- | --- | --- |
//	| `content/faq/a.md:3:1` | `upgrade.md#rolback` → `/faq/upgrade/#rolback` | no anchor … |
//
//	### Warnings
//
//	(the same, for warnings)
//
// Pages (citing files) are sorted by path, places by line and column. A
// section with nothing in it says so in one line ("No broken links.").
// Places and links are code spans, shown as they are; reasons and
// headings are escaped text. Nothing of a URL or a reason can end a cell,
// start a link or an HTML tag, or format text.
func (r *Report) writeMarkdown(w io.Writer) error {
	var b strings.Builder
	s := r.Summary
	b.WriteString("## Link check\n\n")
	b.WriteString("| checked | ok | broken | warnings | skipped | from the cache |\n")
	b.WriteString("| ---: | ---: | ---: | ---: | ---: | ---: |\n")
	fmt.Fprintf(&b, "| %d | %d | %d | %d | %d | %d |\n", s.Total, s.OK, s.Errors, s.Warnings, s.Skipped, s.Cached)
	r.mdSection(&b, "Broken links", "No broken links.", Error)
	r.mdSection(&b, "Warnings", "No warnings.", Warning)
	_, err := io.WriteString(w, b.String())
	return err
}

// mdSection writes the places of the links of outcome o, grouped by the
// file citing them.
func (r *Report) mdSection(b *strings.Builder, title, none string, o Outcome) {
	fmt.Fprintf(b, "\n### %s\n\n", title)
	type placed struct {
		src Source
		res Result
	}
	byFile := map[string][]placed{}
	for _, l := range r.Links {
		if l.Outcome != o {
			continue
		}
		for _, s := range l.Sources {
			byFile[s.File] = append(byFile[s.File], placed{s, l})
		}
	}
	if len(byFile) == 0 {
		b.WriteString(none + "\n")
		return
	}
	files := make([]string, 0, len(byFile))
	for f := range byFile {
		files = append(files, f)
	}
	sort.Strings(files)
	for i, f := range files {
		if i > 0 {
			b.WriteString("\n")
		}
		ps := byFile[f]
		sort.SliceStable(ps, func(i, j int) bool {
			if ps[i].src != ps[j].src {
				return sourceLess(ps[i].src, ps[j].src)
			}
			return ps[i].res.URL < ps[j].res.URL
		})
		fmt.Fprintf(b, "#### %s\n\n", mdText(f))
		b.WriteString("| place | link | reason |\n| --- | --- | --- |\n")
		for _, p := range ps {
			link := p.src.Text
			if link == "" || link == p.res.URL {
				link = mdCode(p.res.URL)
			} else {
				link = mdCode(link) + " → " + mdCode(p.res.URL)
			}
			fmt.Fprintf(b, "| %s | %s | %s |\n", mdCode(sourcePlace(p.src)), link, mdText(withHint(p.res.Reason, p.res.Hint)))
		}
	}
}

// sourcePlace is "file:line:col", or less when the position is unknown.
func sourcePlace(s Source) string {
	p := s.File
	if s.Line > 0 {
		p += ":" + strconv.Itoa(s.Line)
		if s.Column > 0 {
			p += ":" + strconv.Itoa(s.Column)
		}
	}
	return p
}

// mdEscaper backslash-escapes the characters that could end a table cell
// (|), start a link, an image, an autolink, HTML or an entity ([ ] < > &),
// format text (* _ ~ `, $ for GitHub's math), or escape the next one (\).
// A backslash before any ASCII punctuation is a literal in CommonMark.
var mdEscaper = strings.NewReplacer(
	`\`, `\\`, "|", `\|`, "[", `\[`, "]", `\]`, "<", `\<`, ">", `\>`, "&", `\&`,
	"*", `\*`, "_", `\_`, "~", `\~`, "`", "\\`", "$", `\$`,
)

// mdCode makes s a code span for a table cell: shown as it is, never a
// link or markup. Control characters are shown as escapes
// (diag.Escape), | is escaped (GitHub's tables split cells at | even in
// code spans), and the span's fence is longer than any run of backticks
// in s.
func mdCode(s string) string {
	s = diag.Escape(s)
	if s == "" {
		return ""
	}
	longest, run := 0, 0
	for _, c := range []byte(s) {
		if c == '`' {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	fence := strings.Repeat("`", longest+1)
	pad := ""
	if s[0] == '`' || s[len(s)-1] == '`' || s[0] == ' ' && s[len(s)-1] == ' ' {
		pad = " " // stripped again by the parser
	}
	return fence + pad + strings.ReplaceAll(s, "|", `\|`) + pad + fence
}

// mdText makes s safe as the text of a table cell or a heading: control
// characters and newlines are shown as escapes (diag.Escape), then
// markdown's special characters are backslash-escaped.
func mdText(s string) string {
	return mdEscaper.Replace(diag.Escape(s))
}
