package content

import (
	"slices"
	"testing"
)

// TestMissingImages: each file a page's front matter images names that
// the site lacks is a warning naming the page, in page order; a name
// with a leading "/" is a path from the site root, an address is not
// checked, and images of another type are not read.
func TestMissingImages(t *testing.T) {
	t.Parallel()
	r := mustLoad(t, `
-- content/_index.md --
---
title: Home
images: covers/gone.png
---
-- content/a.md --
---
title: A
images: [/covers/here.png, covers/lost.png, "https://example.org/og.png", 3]
---
-- content/b.md --
---
title: B
images: []
---
-- content/c.md --
---
title: C
images: 7
---
`)
	has := func(p string) bool { return p == "covers/here.png" }
	const hint = " (hint: put it in the assets directory or a static directory, at that path from the site root)"
	want := []string{
		"content/_index.md: images: covers/gone.png is not a file of the site, so the page's og:image leads nowhere" + hint,
		"content/a.md: images: covers/lost.png is not a file of the site, so the page's og:image leads nowhere" + hint,
	}
	if got := diagLines(r.site.MissingImages(has)); !slices.Equal(got, want) {
		t.Errorf("MissingImages =\n%q\nwant\n%q", got, want)
	}
}
