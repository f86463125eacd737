package linkcheck

import (
	"context"
	"fmt"
	"maps"
	"runtime"
	"slices"
	"strings"

	"golang.org/x/sync/errgroup"

	"github.com/quire-docs/quire/internal/diag"
)

// found is one link of one page with its verdict, before merging.
// Its sources are traced when results are merged, from the page as this
// build has it, so a verdict kept from an earlier build (Memo) still
// points at the right lines.
type found struct {
	url     string
	href    string // as written in the HTML
	outcome Outcome
	reason  string
}

// Internal checks every site-internal link and #fragment of every page:
// the path must name an output file, and a fragment must match an id (or
// <a name>) on the target page, the same page included. It returns one
// Result per unique broken (or skipped) link with every place citing it,
// sorted by URL, and the number of unique internal links that were ok.
// The work is one pass over each page's links, in parallel over pages,
// done once: later calls return the same results.
func (l *Links) Internal(ctx context.Context) (bad []Result, ok int) {
	bad = l.Broken(ctx)
	l.okOnce.Do(func() { l.ok = l.countOK() })
	return bad, l.ok
}

// Broken is Internal without the count of links that are ok, which costs
// a pass over every link of the site.
func (l *Links) Broken(ctx context.Context) []Result {
	l.once.Do(func() { l.bad = l.checkAll(ctx) })
	return l.bad
}

func (l *Links) checkAll(ctx context.Context) (bad []Result) {
	var perDoc [][]found
	if l.memo != nil {
		perDoc, l.okKeys = l.memo.checkAll(ctx, l)
	} else {
		perDoc, l.okKeys = make([][]found, len(l.docs)), make([][]string, len(l.docs))
		all := make([]int, 0, len(l.docs))
		for i, d := range l.docs {
			if d != nil {
				all = append(all, i)
			}
		}
		for i, r := range l.checkSome(ctx, all) {
			perDoc[i], l.okKeys[i] = r.found, r.ok
		}
	}

	byURL := map[string]*Result{}
	for i, fs := range perDoc {
		for _, f := range fs {
			r := byURL[f.url]
			if r == nil {
				r = &Result{URL: f.url, Kind: Internal, Outcome: f.outcome, Reason: f.reason}
				byURL[f.url] = r
			}
			r.Sources = append(r.Sources, l.sources(l.docs[i], f.href)...)
		}
	}
	for _, r := range byURL {
		r.Sources = sortSources(r.Sources)
		bad = append(bad, *r)
	}
	sortResults(bad)
	return bad
}

// checkSome checks the docs at the indexes idx, in parallel, into a slice
// indexed like l.docs.
func (l *Links) checkSome(ctx context.Context, idx []int) []docResult {
	out := make([]docResult, len(l.docs))
	g, ctx := errgroup.WithContext(ctx)
	g.SetLimit(runtime.GOMAXPROCS(0))
	for _, i := range idx {
		if ctx.Err() != nil {
			break
		}
		g.Go(func() error {
			found, ok, frags := l.checkDoc(l.docs[i])
			out[i] = docResult{found: found, ok: okList(ok), frags: frags}
			return nil
		})
	}
	_ = g.Wait()
	return out
}

// countOK counts the unique internal links that are not broken.
func (l *Links) countOK() int {
	broken := make(map[string]bool, len(l.bad))
	for _, r := range l.bad {
		broken[r.URL] = true
	}
	okSet := map[string]struct{}{}
	for _, keys := range l.okKeys {
		for _, k := range keys {
			if !broken[k] {
				okSet[k] = struct{}{}
			}
		}
	}
	return len(okSet)
}

// checkDoc checks the internal links of one page. Sources are traced only
// for links that are not ok, so a nav tree linking every page from every
// page costs one map lookup per link.
func (l *Links) checkDoc(d *doc) (out []found, ok map[string]struct{}, frags []string) {
	ok = make(map[string]struct{}, len(d.refs.ends)) // most links are ok: no growing
	done := map[string]bool{}
	for href := range d.refs.all() {
		// A site-absolute link found ok is ok from every page: the
		// sidebar's links, the same on every page, are resolved once.
		absolute := strings.HasPrefix(href, "/") && !strings.HasPrefix(href, "//")
		if absolute {
			if v, hit := l.absOK.Load(href); hit {
				r := v.(ref)
				if r.frag != "" {
					frags = append(frags, r.path)
				}
				ok[r.url] = struct{}{}
				continue
			}
		}
		r := l.resolve(d.url, href)
		if r.kind != refInternal {
			continue
		}
		if r.frag != "" && !r.outside {
			frags = append(frags, r.path)
		}
		if _, seen := ok[r.url]; seen {
			continue
		}
		outcome, reason := l.verdict(d, r)
		if outcome == OK {
			ok[r.url] = struct{}{}
			if absolute {
				l.absOK.Store(href, r)
			}
			continue
		}
		if done[href] {
			continue // every place of href on this page is already traced
		}
		done[href] = true
		out = append(out, found{url: r.url, href: href, outcome: outcome, reason: reason})
	}
	slices.Sort(frags)
	return out, ok, slices.Compact(frags)
}

// verdict checks one internal ref found on page d.
func (l *Links) verdict(d *doc, r ref) (Outcome, string) {
	if r.outside {
		return Skipped, fmt.Sprintf("outside the site (its base path is %s)", l.base)
	}
	t, exists := l.target(r.path)
	if !exists {
		if why := l.unpublished(r.path); why != "" {
			return Error, fmt.Sprintf("%s %s", l.base+r.path, why)
		}
		return Error, fmt.Sprintf("no page or file %s", l.base+r.path)
	}
	if r.frag == "" || t == nil {
		return OK, "" // fragments of non-HTML files (a PDF's #page=2) are not checked
	}
	if _, ok := t.ids[r.frag]; ok || strings.EqualFold(r.frag, "top") {
		return OK, ""
	}
	where := "on " + t.url
	if t == d {
		where = "on this page"
	}
	reason := fmt.Sprintf("no anchor %q %s", r.frag, where)
	if s := diag.Closest(r.frag, t.sortedIDs()); s != "" {
		reason += fmt.Sprintf(" (did you mean %q?)", s)
	}
	return Error, reason
}

// sortedIDs returns the page's ids in order, for suggestions.
func (d *doc) sortedIDs() []string { return slices.Sorted(maps.Keys(d.ids)) }

// Diagnostics turns results that are not ok into diagnostics of severity
// sev (errors for quire build, warnings for quire serve), one per source,
// sorted. Warning results stay warnings; skipped ones are left out.
func Diagnostics(results []Result, sev diag.Severity) diag.List {
	var l diag.List
	for _, r := range results {
		s := sev
		switch r.Outcome {
		case OK, Skipped:
			continue
		case Warning:
			s = diag.Warning
		}
		for _, src := range r.Sources {
			l.Add(&diag.Diagnostic{Severity: s, File: src.File, Line: src.Line, Col: src.Column, Msg: message(r, src), Hint: r.Hint})
		}
	}
	l.Sort()
	return l
}

// message is the text of one result at one source:
// `broken link "../upgrade.md#rolback": no anchor "rolback" on /faq/upgrade/`.
func message(r Result, src Source) string {
	text := src.Text
	if text == "" {
		text = r.URL
	}
	what := "broken link"
	switch r.Outcome {
	case Warning:
		what = "link"
	case Skipped:
		what = "skipped link"
	case OK:
		what = "ok link"
	}
	if r.Reason == "" {
		return fmt.Sprintf("%s %q", what, text)
	}
	return fmt.Sprintf("%s %q: %s", what, text, r.Reason)
}
