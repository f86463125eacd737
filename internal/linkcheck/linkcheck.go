// Package linkcheck checks a built site's internal links, #anchors and external links, and reports them with the source positions that cite them.
//
// The API is small:
//
//   - Collect parses every HTML file of a build once (in parallel) and
//     returns the Links: each page's ids and every href/src with the
//     places (markdown file:line:col, raw HTML, layout file) that cite it.
//   - (*Links).Internal checks site-internal links and #fragments offline,
//     and Diagnostics turns its results into positioned errors or
//     warnings. site.Build runs both on every build; its Options.Links
//     picks the severity (LinksWarn for quire serve) or skips the check.
//   - (*Links).External lists the unique external URLs; a Checker checks
//     them over HTTP (behind the one-method Doer interface, wrapped by
//     retry and rate-limit decorators) with an optional Cache.
//   - NewReport gathers the results; Report.Write prints them as text, JSON, GitHub
//     workflow commands, SARIF, JUnit XML or markdown.
package linkcheck

import (
	"sort"
)

// Kind says whether a link points into the site or outside it.
type Kind string

// Kinds of links.
const (
	Internal Kind = "internal"
	External Kind = "external"
)

// Outcome is the verdict on one link.
type Outcome string

// Outcomes. Only Error fails a check; Warning is for what does not prove
// the link broken (rate limits, bot walls, permanent redirects).
const (
	OK      Outcome = "ok"
	Warning Outcome = "warning"
	Error   Outcome = "error"
	Skipped Outcome = "skipped"
)

// Source is one place that cites a link. File is a slash path relative to
// the site root ("content/faq/a.md", "layouts/partials/footer.html"); Line
// and Column are 1-based, 0 when unknown. Text is the link as written
// there ("../upgrade.md#rollback"), "" when it is the URL itself.
type Source struct {
	File   string `json:"file"`
	Line   int    `json:"line"`
	Column int    `json:"column"`
	Text   string `json:"-"`
}

// Result is the verdict on one unique link with every place citing it.
type Result struct {
	URL     string   `json:"url"`
	Kind    Kind     `json:"kind"`
	Outcome Outcome  `json:"outcome"`
	Status  int      `json:"status,omitempty"` // HTTP status of the last response, external links only
	Reason  string   `json:"reason,omitempty"`
	Hint    string   `json:"hint,omitempty"` // how to fix it: the https:// URL, an archived copy
	Sources []Source `json:"sources"`
	Cached  bool     `json:"cached,omitempty"` // ok from the cache, not checked this run
	// in are the source files of the pages whose HTML holds an external
	// link, sorted (for Changed: a link a changed page's shortcode or
	// template wrote is traced to a layout, yet it is the page's).
	in []string
	// Redirects are the status codes of the redirects followed, in
	// order. MovedTo is where they led when every one was permanent (301,
	// 308) and the page there is ok: what Fix rewrites the link to.
	Redirects []int  `json:"-"`
	MovedTo   string `json:"-"`
}

// sortSources orders sources by file, line, column and text and drops
// duplicates.
func sortSources(ss []Source) []Source {
	sort.Slice(ss, func(i, j int) bool { return sourceLess(ss[i], ss[j]) })
	out := ss[:0]
	for i, s := range ss {
		if i > 0 && s == ss[i-1] {
			continue
		}
		out = append(out, s)
	}
	return out
}

func sourceLess(a, b Source) bool {
	if a.File != b.File {
		return a.File < b.File
	}
	if a.Line != b.Line {
		return a.Line < b.Line
	}
	if a.Column != b.Column {
		return a.Column < b.Column
	}
	return a.Text < b.Text
}

// sortResults orders results by kind (internal first), then URL.
func sortResults(rs []Result) {
	sort.Slice(rs, func(i, j int) bool {
		if rs[i].Kind != rs[j].Kind {
			return rs[i].Kind == Internal
		}
		return rs[i].URL < rs[j].URL
	})
}
