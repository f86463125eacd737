package site

import (
	"context"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/quire-docs/quire/internal/config"
	"github.com/rogpeppe/go-internal/txtar"
)

// TestHugoCascade builds a site shaped as etcd's versioned docs are: each
// version's _index.md cascades the params its pages read with
// {{< param >}}, and the site config cascades a banner to one section.
// Cascaded values reach .Params, param, the layout lookup (type) and the
// TOC settings; a page's own value and a nearer cascade win.
func TestHugoCascade(t *testing.T) {
	t.Parallel()
	s := mustBuild(t, `
-- config.toml --
minify = false
[[cascade]]
[cascade.params]
banner = "from the config"
[cascade.target]
path = "/docs/**"
[[cascade]]
banner = "elsewhere"
-- content/_index.md --
---
title: Home
---
-- content/docs/_index.md --
---
title: Docs
---
-- content/docs/v3.5/_index.md --
---
title: v3.5 docs
cascade:
  version: v3.5
  versName: &name v3.5
  git_version_tag: v3.5.21
linkTitle: *name
---
-- content/docs/v3.5/install.md --
---
title: Install
---
Get {{< param git_version_tag >}} for {{< param versName >}}.

## Step one
-- content/docs/v3.4/_index.md --
---
title: v3.4 docs
cascade:
  - version: v3.4
    git_version_tag: v3.4.37
  - target: {kind: page}
    type: legacy
    toc: false
---
-- content/docs/v3.4/install.md --
---
title: Install
---
Get {{< param git_version_tag >}}.

## Step one
-- content/docs/v3.4/pinned.md --
---
title: Pinned
version: v3.4.0
---
-- content/about.md --
---
title: About
---
-- content/old/_index.md --
---
title: Old
cascade: {draft: true}
---
-- content/old/page.md --
---
title: Old page
---
-- layouts/_default/single.html --
{{ define "main" }}<p>version={{ .Params.version }} banner={{ .Params.banner }} toc={{ len .TOC.Entries }}</p>{{ .Content }}{{ end }}
-- layouts/legacy/single.html --
{{ define "main" }}<p>legacy version={{ .Params.version }} toc={{ len .TOC.Entries }}</p>{{ .Content }}{{ end }}
`, Options{})
	for _, tc := range []struct{ path, want string }{
		{"docs/v3.5/install/index.html", "version=v3.5 banner=from the config toc=1"},
		{"docs/v3.5/install/index.html", "Get v3.5.21 for v3.5."},
		{"docs/v3.4/install/index.html", "legacy version=v3.4 toc=0"},
		{"docs/v3.4/install/index.html", "Get v3.4.37."},
		{"docs/v3.4/pinned/index.html", "legacy version=v3.4.0 "},
		{"about/index.html", "version= banner=elsewhere"},
	} {
		if html := file(t, s, tc.path); !strings.Contains(html, tc.want) {
			t.Errorf("%s lacks %q:\n%s", tc.path, tc.want, html)
		}
	}
	for _, p := range []string{"old/index.html", "old/page/index.html"} {
		if hasFile(s, p) {
			t.Errorf("%s published; want it left out by the cascaded draft: true", p)
		}
	}
}

// TestHugoCascadeEnvironment checks that the build environment the config
// was loaded for reaches a cascade target's environment glob.
func TestHugoCascadeEnvironment(t *testing.T) {
	t.Parallel()
	fsys := fstest.MapFS{}
	for _, f := range txtar.Parse([]byte(`
-- content/_index.md --
---
title: Home
cascade:
  - target: {environment: "{staging,development}"}
    banner: preview
  - banner: live
---
-- content/a.md --
---
title: A
---
-- layouts/_default/single.html --
{{ define "main" }}<p>banner={{ .Params.banner }}</p>{{ end }}
`)).Files {
		fsys[f.Name] = &fstest.MapFile{Data: f.Data}
	}
	for _, tc := range []struct{ env, want string }{
		{"production", "banner=live"},
		{"staging", "banner=preview"},
	} {
		cfg := config.Default()
		cfg.Minify = false
		cfg.Environment = tc.env
		s, err := Build(context.Background(), fsys, cfg, Options{})
		if err != nil {
			t.Fatalf("%s: Build: %v", tc.env, err)
		}
		if html := file(t, s, "a/index.html"); !strings.Contains(html, tc.want) {
			t.Errorf("%s: a/index.html lacks %q:\n%s", tc.env, tc.want, html)
		}
	}
}
