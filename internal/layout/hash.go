package layout

import (
	"context"
	"maps"
	"slices"

	"github.com/quire-docs/quire/internal/gitinfo"
	"github.com/quire-docs/quire/internal/memo"

	"github.com/quire-docs/quire/internal/par"
	"github.com/quire-docs/quire/internal/toc"
)

// HashSite writes everything templates can read of s except the pages'
// body fields (BodyFields): the site's own fields and, for every page in
// reading order, its other fields, with links to other pages written as
// their index. Pages are hashed on all cores, each with a hasher from
// seeds. TestHashSiteCoversPage keeps this in step with Page.
func HashSite(ctx context.Context, seeds *memo.Seeds, h *memo.Hasher, s *Site) {
	h.Str(s.Title)
	h.Str(s.BaseURL)
	h.Str(s.LanguageCode)
	h.Params(s.Params)
	h.Params(s.Data)
	h.Flag(s.Drafts)
	if s.I18n != nil {
		h.Str(s.I18n.Key())
	}
	hashLanguage(h, s.Language)
	h.Num(int64(len(s.Languages)))
	for _, l := range s.Languages {
		hashLanguage(h, l)
	}
	for _, name := range slices.Sorted(maps.Keys(s.Assets)) {
		a := s.Assets[name]
		h.Str(name)
		h.Str(a.RelPermalink)
		h.Str(a.Integrity)
	}
	index := make(map[*Page]int64, len(s.Pages))
	for i, p := range s.Pages {
		index[p] = int64(i)
	}
	ref := func(p *Page) int64 {
		if i, ok := index[p]; ok {
			return i
		}
		if p == nil {
			return -1
		}
		return -2 // a page outside the reading order: never happens in a build
	}
	h.Num(ref(s.Home))
	h.Num(int64(len(s.Pages)))
	keys := make([]memo.Key, len(s.Pages))
	par.Each(ctx, len(s.Pages), func(i int) {
		ph := seeds.Hasher()
		hashPage(ph, s.Pages[i], ref)
		keys[i] = ph.Sum()
	})
	for _, k := range keys {
		h.Key(k)
	}
}

// hashPage writes p's fields other than its body fields.
func hashPage(h *memo.Hasher, p *Page, ref func(*Page) int64) {
	h.Str(p.Kind)
	h.Str(p.Title)
	h.Str(p.LinkTitle)
	h.Str(p.Description)
	h.Num(int64(p.Weight))
	h.Flag(p.Draft)
	h.Time(p.Date)
	h.Time(p.Lastmod)
	hashGit(h, p.GitInfo)
	h.Str(p.Type)
	h.Str(p.Section)
	h.Params(p.Params)
	h.Str(p.EditURL)
	h.Str(p.RelPermalink)
	h.Str(p.Permalink)
	h.Flag(p.Unindexed)
	h.Str(p.File)
	h.Num(ref(p.Parent))
	h.Num(ref(p.Prev))
	h.Num(ref(p.Next))
	h.Num(int64(len(p.Pages)))
	for _, c := range p.Pages {
		h.Num(ref(c))
	}
	h.Str(p.Lang)
	hashLanguage(h, p.Language)
	h.Num(int64(len(p.Translations)))
	for _, t := range p.Translations {
		h.Str(t.Lang)
		hashLanguage(h, t.Language)
		h.Str(t.Title)
		h.Str(t.LinkTitle)
		h.Str(t.RelPermalink)
		h.Str(t.Permalink)
	}
	// p.Site is the one site being hashed.
}

// hashLanguage writes l's fields; nil writes a flag alone.
func hashLanguage(h *memo.Hasher, l *Language) {
	h.Flag(l == nil)
	if l == nil {
		return
	}
	h.Str(l.Lang)
	h.Str(l.LanguageName)
	h.Str(l.LanguageCode)
	h.Str(l.LanguageDirection)
	h.Num(int64(l.Weight))
	h.Flag(l.Default)
	h.Str(l.RelPermalink)
}

// HashBody writes v's body fields but Content (which is large, and which
// the caller stands for by the identity of its rendered body): the TOC,
// its HTML, the summary and the structured data.
func HashBody(h *memo.Hasher, v *Page) {
	h.Str(string(v.TableOfContents))
	h.Str(v.Summary)
	h.Str(string(v.JSONLD))
	h.Flag(v.HasMath)
	h.Flag(v.HasMermaid)
	if v.TOC != nil {
		hashTOC(h, v.TOC.Entries)
		h.Flag(v.TOC.Ordered)
	}
}

// hashTOC writes the entries of a table of contents, nested.
func hashTOC(h *memo.Hasher, entries []*toc.Entry) {
	h.Num(int64(len(entries)))
	for _, e := range entries {
		if e == nil {
			h.Num(-1)
			continue
		}
		h.Num(int64(e.Level))
		h.Str(e.ID)
		h.Str(e.Text)
		hashTOC(h, e.Children)
	}
}

// hashGit writes c's fields, or that there is none.
func hashGit(h *memo.Hasher, c *gitinfo.Commit) {
	h.Flag(c != nil)
	if c == nil {
		return
	}
	h.Str(c.Hash)
	h.Str(c.AbbreviatedHash)
	h.Str(c.Subject)
	h.Str(c.AuthorName)
	h.Str(c.AuthorEmail)
	h.Time(c.AuthorDate)
	h.Time(c.CommitDate)
}
