package multilingual

import (
	"context"
	"path"
	"strings"

	"github.com/quire-docs/quire/internal/config"
	"github.com/quire-docs/quire/internal/content"
	"github.com/quire-docs/quire/internal/diag"
	"github.com/quire-docs/quire/internal/linkcheck"
	"github.com/quire-docs/quire/internal/site"
)

// checkAcross checks the links each language's build left out as
// outside its base path (/de/ links to /docs/) against the joined output,
// and reports those that lead nowhere as site.Build reports broken links.
// Their fragments are not checked.
func checkAcross(ctx context.Context, cfg config.Config, opts site.Options, builds []*language, joined *site.Site, ds *diag.List) {
	if opts.Links == site.LinksOff {
		return
	}
	have := make(map[string]bool, len(joined.Files))
	for _, f := range joined.Files {
		have[f.Path] = true
	}
	for _, lb := range builds { // pages sent to Options.Output are not in Files
		for _, p := range outPaths(lb.Tree, lb.lang.Prefix) {
			have[p] = true
		}
	}
	base := cfg.BasePath()
	var broken []linkcheck.Result
	for _, s := range joined.Languages {
		if s.Links == nil {
			continue
		}
		bad, _ := s.Links.Internal(ctx)
		for _, r := range bad {
			p, _, _ := strings.Cut(r.URL, "#")
			if r.Outcome != linkcheck.Skipped || !strings.HasPrefix(r.Reason, "outside the site") || !strings.HasPrefix(p, base) {
				continue
			}
			rel := strings.TrimPrefix(p, base)
			if have[rel] || have[path.Join(rel, "index.html")] {
				continue
			}
			r.Outcome, r.Reason = linkcheck.Error, "no page or file "+p
			broken = append(broken, r)
		}
	}
	joined.BrokenLinks = append(joined.BrokenLinks, broken...)
	joined.Across = broken
	sev := diag.Error
	switch {
	case opts.Links == site.LinksQuiet:
		return
	case opts.Links == site.LinksWarn || cfg.LinkCheck.Internal == "warning":
		sev = diag.Warning
	}
	ds.AddOnFreeLines(linkcheck.Diagnostics(broken, sev))
}

// outPaths lists the output paths of tree's pages and files, under prefix.
func outPaths(tree *content.Site, prefix string) []string {
	if tree == nil {
		return nil
	}
	if prefix != "" {
		prefix += "/"
	}
	var out []string
	for _, p := range tree.Pages {
		if p.OutPath != "" {
			out = append(out, prefix+p.OutPath)
		}
	}
	for _, f := range tree.Static {
		out = append(out, prefix+f.OutPath)
	}
	return out
}
