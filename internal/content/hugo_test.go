package content

import (
	"strings"
	"testing"
)

// TestHugoQuirks loads content shaped as real Hugo trees are.
func TestHugoQuirks(t *testing.T) {
	t.Parallel()
	r := loadTxtar(t, `
-- content/_index.html --
---
title: Home
---
<section>hero</section>
-- content/bare.md --
Body only.
-- content/nullweight.md --
---
title: Null weight
weight:
short title: Short
---
-- content/aliased.md --
---
title: Aliased
aliases:
  - /old/
  - /older/page.html
---
-- content/static.html --
<p>no front matter: a static file</p>
`)
	if r.err != nil {
		t.Fatalf("Load: %v", r.err)
	}
	byPath := map[string]*Page{}
	for _, p := range r.site.Pages {
		byPath[p.Path] = p
	}
	home := byPath["_index.html"]
	if home == nil || !home.HTML || home.Kind != KindHome || strings.TrimSpace(string(home.Body)) != "<section>hero</section>" {
		t.Errorf("_index.html: got %+v, want the home page, HTML, with its body", home)
	}
	if p := byPath["bare.md"]; p == nil || p.Title != "Bare" || string(p.Body) != "Body only.\n" || p.BodyLine != 1 {
		t.Errorf("bare.md: got %+v, want title Bare from the name, the whole file as body", p)
	}
	if p := byPath["nullweight.md"]; p == nil || p.Weight != 0 || p.Params["short title"] != "Short" {
		t.Errorf("nullweight.md: got %+v, want weight unset and param \"short title\"", p)
	}
	if p := byPath["aliased.md"]; p == nil || strings.Join(p.Aliases, " ") != "/old/ /older/page.html" {
		t.Errorf("aliased.md: aliases = %v, want both", p.Aliases)
	}
	if p := byPath["static.html"]; p != nil {
		t.Errorf("static.html without front matter became a page")
	}
	found := false
	for _, s := range r.site.Static {
		found = found || s.File == "content/static.html"
	}
	if !found {
		t.Errorf("static.html is not a static file: %+v", r.site.Static)
	}
	for _, w := range r.warns {
		if strings.Contains(w.Msg, "weight") {
			t.Errorf("empty weight warned: %v", w)
		}
	}
}
