package content

import (
	"maps"
	"slices"
	"testing"
)

// TestUnpublished: every page left out of the build has the output path it
// would have if published, and a reason naming the file that left it out.
func TestUnpublished(t *testing.T) {
	t.Parallel()
	r := mustLoad(t, `
-- content/_index.md --
---
title: Home
---
-- content/guide/_index.md --
---
title: Guide
slug: manual
---
-- content/guide/install.md --
---
title: Install
draft: true
---
-- content/old/_index.md --
---
title: Old
draft: true
---
-- content/old/deeper/plan.md --
---
title: Plan
slug: the-plan
---
-- content/secret.md --
---
title: Secret
build: {render: never}
---
-- content/notes/deep/x.md --
---
title: X
draft: true
---
`)
	got := r.site.Unpublished()
	want := map[string]string{
		"manual/install/index.html":      "is a draft (content/guide/install.md: draft: true); build with --drafts, or publish it",
		"old/index.html":                 "is a draft (content/old/_index.md: draft: true); build with --drafts, or publish it",
		"old/deeper/the-plan/index.html": "is in a draft section (content/old/_index.md: draft: true); build with --drafts, or publish it",
		"notes/deep/x/index.html":        "is a draft (content/notes/deep/x.md: draft: true); build with --drafts, or publish it",
		"secret/index.html":              "is not rendered (content/secret.md: build.render: never); set render: always, or link to a page that is",
	}
	if !maps.Equal(got, want) {
		for _, k := range slices.Sorted(maps.Keys(got)) {
			t.Logf("got %s: %s", k, got[k])
		}
		t.Errorf("Unpublished() = %d entries, want %q", len(got), want)
	}
	for _, d := range r.site.Drafts {
		if d.File == "content/guide/install.md" && d.URL != "/manual/install/" {
			t.Errorf("draft %s URL = %q, want /manual/install/", d.File, d.URL)
		}
	}
}

// TestUnpublishedDraftHome: a draft home hides the site; its pages still
// get their URLs for the messages.
func TestUnpublishedDraftHome(t *testing.T) {
	t.Parallel()
	r := mustLoad(t, `
-- content/_index.md --
---
title: Home
draft: true
---
-- content/a.md --
---
title: A
---
`)
	got := r.site.Unpublished()
	if w := "is in a draft section (content/_index.md: draft: true); build with --drafts, or publish it"; got["a/index.html"] != w {
		t.Errorf(`Unpublished()["a/index.html"] = %q, want %q`, got["a/index.html"], w)
	}
	if w := "is a draft (content/_index.md: draft: true); build with --drafts, or publish it"; got["index.html"] != w {
		t.Errorf(`Unpublished()["index.html"] = %q, want %q`, got["index.html"], w)
	}
}
