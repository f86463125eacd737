package site

import (
	"context"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/quire-docs/quire/internal/sitetest"
)

// buildWithLinks builds the site in archive, with symbolic links added
// to it (name → target as written).
func buildWithLinks(t *testing.T, archive string, links map[string]string) (*Site, error) {
	t.Helper()
	fsys, cfg := sitetest.Archive(t, archive)
	for name, target := range links {
		fsys[name] = &fstest.MapFile{Data: []byte(target), Mode: fs.ModeSymlink}
	}
	return Build(context.Background(), fsys, cfg, Options{})
}

// TestHugoStatic: Hugo's static directories are published as they are,
// merged at the output root; links to their files are not broken.
func TestHugoStatic(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name    string
		archive string
		want    string // as TestHugo's want files
	}{
		{"CopiedVerbatimAtTheRoot", `
-- config.toml --
minify = true
-- content/_index.md --
---
title: Home
---
![logo](/img/logo.png) [styles](/css/extra.css) [icon](/icons/broken.svg)
-- static/img/logo.png --
PNG bytes
-- static/css/extra.css --
body  {  color :  red  }
-- static/icons/broken.svg --
this is not SVG <
`, `
img/logo.png contains PNG bytes
css/extra.css contains body  {  color :  red  }
icons/broken.svg contains this is not SVG <
`},
		{"FirstStaticDirWins", `
-- config.toml --
staticDir = ["override", "static"]
-- content/_index.md --
---
title: Home
---
-- override/a.txt --
from override
-- static/a.txt --
from static
-- static/b.txt --
only in static
`, `
a.txt contains from override
b.txt contains only in static
`},
		{"StaticAndPageAtOnePathIsAnError", `
-- content/_index.md --
---
title: Home
---
-- content/about.md --
---
title: About
---
-- static/about/index.html --
<p>old about page</p>
`, `
error content/about.md: output about/index.html is also produced by static/about/index.html (hint: change the url or slug of the page)
`},
		{"AssetsKeepTheirMeaning", `
-- content/_index.md --
---
title: Home
---
-- assets/css/site.css --
body { color: blue }
-- static/css/site.css --
body { color: red }
`, `
css/site.css contains body { color: red }
index.html lacks /css/site.css"
`},
		{"StaticFileReplacesTheThemesAsset", `
-- content/_index.md --
---
title: Home
---
-- static/favicon.svg --
<svg xmlns="http://www.w3.org/2000/svg"><title>the site's own</title></svg>
`, `
favicon.svg contains the site's own
index.html contains href="/favicon.svg"
`},
		{"DotFilesSkippedUnlessAllowed", `
-- config.toml --
[publish]
allowDotPaths = [".well-known"]
-- content/_index.md --
---
title: Home
---
-- static/.well-known/security.txt --
Contact: mailto:security@example.org
-- static/.gitkeep --
-- static/img/.DS_Store --
`, `
.well-known/security.txt contains Contact:
nofile .gitkeep
nofile img/.DS_Store
`},
		{"LinkToStaticFileIsNotTakenForAPage", `
-- content/_index.md --
---
title: Home
---
-- content/guide/_index.md --
---
title: Guide
---
[the install script](install)
-- content/guide/install.md --
---
title: Install
url: /start/
---
-- static/guide/install --
#!/bin/sh
`, `
guide/index.html contains href="install"
`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			s, err := buildTxtar(t, tc.archive, Options{})
			checkHugo(t, s, err, tc.want)
		})
	}
}

// TestHugoStaticLinks: a symbolic link that leads to no file (rancher's
// assets/js/*.js into a node_modules that is not installed) is a warning
// naming the link and its target, unless a site layout asks for it.
func TestHugoStaticLinks(t *testing.T) {
	t.Parallel()
	const site = `
-- content/_index.md --
---
title: Home
---
-- static/img/a.png --
PNG
-- assets/js/app.js --
let app = 1;
`
	links := map[string]string{
		"static/js/vendor.js": "../../node_modules/vendor/dist/vendor.js",
		"assets/js/base.js":   "../../node_modules/base/base.js",
		"static/docs":         "img",
	}
	t.Run("UnusedAreWarnings", func(t *testing.T) {
		t.Parallel()
		s, err := buildWithLinks(t, site, links)
		checkHugo(t, s, err, `
warning static/js/vendor.js: dangling symbolic link to ../../node_modules/vendor/dist/vendor.js: not published (hint: remove the link, or create the file it points to (a Hugo site may need its node_modules installed))
warning assets/js/base.js: dangling symbolic link to ../../node_modules/base/base.js: not published (hint: remove the link, or create the file it points to (a Hugo site may need its node_modules installed))
warning static/docs: symbolic link to a directory skipped (hint: quire does not follow directory links; copy or move the files instead)
img/a.png contains PNG
nofile js/vendor.js
`)
	})
	t.Run("StaticFileLinkedByALayoutIsABrokenLink", func(t *testing.T) {
		t.Parallel()
		s, err := buildWithLinks(t, site+`
-- layouts/partials/footer.html --
<footer><script src="/js/vendor.js"></script></footer>
`, links)
		checkHugo(t, s, err, `
error layouts/partials/footer.html:1:22: broken link "/js/vendor.js": no page or file /js/vendor.js
`)
	})
	t.Run("AssetNamedByALayoutIsAnError", func(t *testing.T) {
		t.Parallel()
		s, err := buildWithLinks(t, site+`
-- layouts/partials/scripts.html --
{{ with index .Site.Assets "js/app.js" }}<script src="{{ .RelPermalink }}"></script>{{ end }}
{{- define "vendor" }}
  {{ $js := index .Site.Assets "js/base.js" }}<script src="{{ $js.RelPermalink }}"></script>
{{- end }}
`, links)
		checkHugo(t, s, err, `
error layouts/partials/scripts.html:3:32: asset js/base.js is not there: assets/js/base.js is a dangling symbolic link to ../../node_modules/base/base.js (hint: create the file the link points to (a Hugo site may need its node_modules installed), or remove the reference)
`)
		if s != nil {
			for _, w := range s.Warnings {
				if strings.HasPrefix(w.Error(), "assets/js/base.js") {
					t.Errorf("warning %s beside the error", w)
				}
			}
		}
	})
}
