package server

import (
	"net/http"
	"strings"
	"testing"
)

const twoLanguages = `
-- config.toml --
[languages.en]
title = "Docs"
[languages.de]
title = "Doku"
-- content/_index.md --
---
title: Home
---
-- content/_index.de.md --
---
title: Start
---
-- content/docs/guide.md --
---
title: Guide
---
The guide.
-- content/docs/guide.de.md --
---
title: Anleitung
---
Die Anleitung.
`

// TestMultilingual: every language of a multilingual site is served under
// its prefix, and an edit of one language's page reaches it on the next
// rebuild (a full build of every language), its translations still linked.
func TestMultilingual(t *testing.T) {
	t.Parallel()
	dir := writeSite(t, twoLanguages)
	s, _ := newServer(t, dir, false)
	for path, want := range map[string]string{"/docs/guide/": "The guide.", "/de/docs/guide/": "Die Anleitung."} {
		if r := get(t, s, path); r.Code != http.StatusOK || !strings.Contains(r.Body, want) {
			t.Errorf("GET %s: status %d, want %q in:\n%.2000s", path, r.Code, want, r.Body)
		}
	}
	writeFile(t, dir, "content/docs/guide.de.md", "---\ntitle: Anleitung\n---\nNeu geschrieben.\n")
	build(t, s)
	if r := get(t, s, "/de/docs/guide/"); !strings.Contains(r.Body, "Neu geschrieben.") {
		t.Errorf("GET /de/docs/guide/ after the edit:\n%.2000s", r.Body)
	}
	if r := get(t, s, "/docs/guide/"); !strings.Contains(r.Body, `hreflang="de"`) {
		t.Errorf("GET /docs/guide/ after the edit lost its translation:\n%.2000s", r.Body)
	}
}
