package render

import (
	"github.com/quire-docs/quire/internal/content"
	"github.com/quire-docs/quire/internal/diag"
)

// CheckAnchors reports each ref or relref of bodies to a #anchor that is
// not a heading id of its page. Every page's body must have been
// rendered (or released, which keeps the headings).
func (r *Renderer) CheckAnchors(bodies []*Body, report func(*diag.Diagnostic)) {
	ids := map[*content.Page]map[string]bool{}
	for _, b := range bodies {
		if b == nil {
			continue
		}
		for _, a := range b.Anchors {
			p, _ := a.Page.(*content.Page)
			if p == nil {
				continue
			}
			set, ok := ids[p]
			if !ok {
				set = map[string]bool{}
				if pb := r.Body(p, nil); pb != nil {
					for _, h := range pb.Result.Headings {
						set[h.ID] = true
					}
				}
				ids[p] = set
			}
			if !set[a.ID] {
				report(a.Err)
			}
		}
	}
}
