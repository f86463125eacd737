package site

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/png"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/quire-docs/quire/internal/config"
	"github.com/quire-docs/quire/internal/content"
	"github.com/quire-docs/quire/internal/search"
)

// resourcesSite uses resources.Get and .Resize as rancher/docs' img
// shortcode does, a page bundle's .Resources with Fill in a shortcode and
// in a layout, and a stylesheet minified and fingerprinted.
const resourcesSite = `
-- config.toml --
baseURL = "https://example.org/docs/"
-- layouts/shortcodes/img.html --
{{ $img := resources.Get (.Get "src") }}{{ with $img.Resize (.Get "size") }}<img src="{{ .RelPermalink }}" data-abs="{{ .Permalink }}" width="{{ .Width }}" height="{{ .Height }}">{{ end }}
-- layouts/shortcodes/thumb.html --
{{ with .Page.Resources.GetMatch "pics/*.png" }}{{ with .Fill "8x8 TopLeft" }}<img class="thumb" src="{{ .RelPermalink }}">{{ end }}{{ end }}
-- layouts/_default/single.html --
{{ define "main" }}{{ .Content }}{{ with .Resources.GetMatch "**.PNG" }}<img class="layout" src="{{ (.Fit "4x4").RelPermalink }}">{{ end }}{{ end }}
-- layouts/shortcodes/css.html --
{{ with resources.Get "css/x.css" | minify | fingerprint }}<link rel="stylesheet" href="{{ .RelPermalink }}" integrity="{{ .Data.Integrity }}">{{ end }}
-- content/_index.md --
---
title: Home
---
{{< img src="images/a.png" size="30x" >}}
{{< css >}}
-- content/post/index.md --
---
title: Post
---
{{< thumb >}}
-- assets/css/x.css --
a  {  color :  red  }
`

// gradientPNG is a w×h PNG with a gradient.
func gradientPNG(t testing.TB, w, h int) []byte {
	t.Helper()
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			img.Set(x, y, color.NRGBA{R: uint8(x * 4), G: uint8(y * 4), B: 99, A: 255})
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func resourcesFS(t testing.TB) (fstest.MapFS, config.Config) {
	t.Helper()
	fsys := fstest.MapFS{}
	for _, f := range txtar.Parse([]byte(resourcesSite)).Files {
		fsys[f.Name] = &fstest.MapFile{Data: f.Data}
	}
	fsys["assets/images/a.png"] = &fstest.MapFile{Data: gradientPNG(t, 60, 40)}
	fsys["content/post/pics/b.png"] = &fstest.MapFile{Data: gradientPNG(t, 20, 10)}
	cfg, _, err := config.Parse(fsys["config.toml"].Data)
	if err != nil {
		t.Fatal(err)
	}
	return fsys, cfg
}

// countingCache is a resources.Cache in memory that counts what is put.
type countingCache struct {
	mu   sync.Mutex
	m    map[string][]byte
	puts int
}

func (c *countingCache) Get(k string) ([]byte, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	d, ok := c.m[k]
	return d, ok
}

func (c *countingCache) Put(k string, d []byte) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.m[k] = d
	c.puts++
}

var srcRE = regexp.MustCompile(`(?:src|href)="/docs/([^"]+)"`)

func TestHugoResources(t *testing.T) {
	t.Parallel()
	fsys, cfg := resourcesFS(t)
	cache := &countingCache{m: map[string][]byte{}}
	s, err := Build(context.Background(), fsys, cfg, Options{Resources: cache})
	if err != nil {
		t.Fatal(err)
	}
	home := file(t, s, "index.html")
	var got []string
	for _, m := range srcRE.FindAllStringSubmatch(home+file(t, s, "post/index.html"), -1) {
		if strings.HasPrefix(m[1], "images/") || strings.HasPrefix(m[1], "css/x.") || strings.HasPrefix(m[1], "post/pics/") {
			got = append(got, m[1])
		}
	}
	if len(got) != 4 {
		t.Fatalf("want 4 resource URLs in the pages, got %q", got)
	}
	for _, p := range got {
		data := file(t, s, p) // published through the build's outputs
		if strings.HasSuffix(p, ".css") {
			if data != "a{color:red}" {
				t.Errorf("%s = %q, want it minified", p, data)
			}
			continue
		}
		cfg, _, err := image.DecodeConfig(strings.NewReader(data))
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		want := map[string][2]int{"resize": {30, 20}, "fill": {8, 8}, "fit": {4, 2}}[strings.TrimSuffix(p[strings.LastIndex(p, "_")+1:], ".png")]
		if cfg.Width != want[0] || cfg.Height != want[1] {
			t.Errorf("%s is %dx%d, want %dx%d", p, cfg.Width, cfg.Height, want[0], want[1])
		}
	}
	for _, want := range []string{`width="30" height="20"`, `data-abs="https://example.org/docs/images/a_`, `integrity="sha256-`} {
		if !strings.Contains(home, want) {
			t.Errorf("home page lacks %s:\n%s", want, home)
		}
	}
	if !regexp.MustCompile(`src="/docs/post/pics/b_[0-9a-f]{16}_8x8_fill.png"`).MatchString(file(t, s, "post/index.html")) {
		t.Errorf("the bundle's thumbnail is not beside its image:\n%s", file(t, s, "post/index.html"))
	}

	// The next build takes both images from the cache, and makes the same
	// bytes.
	if cache.puts != 3 {
		t.Fatalf("first build cached %d images, want 3", cache.puts)
	}
	again, err := Build(context.Background(), fsys, cfg, Options{Resources: cache})
	if err != nil {
		t.Fatal(err)
	}
	if cache.puts != 3 {
		t.Errorf("second build encoded %d images again, want 0", cache.puts-3)
	}
	cold, err := Build(context.Background(), fsys, cfg, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, other := range []*Site{again, cold} {
		if len(other.Files) != len(s.Files) {
			t.Fatalf("builds made %d and %d files", len(s.Files), len(other.Files))
		}
		for i, f := range s.Files {
			if f.Path != other.Files[i].Path || !bytes.Equal(f.Data, other.Files[i].Data) {
				t.Errorf("%s differs between builds", f.Path)
			}
		}
	}
}

// TestHugoResourcesQuick: a quick rebuild publishes what its pages ask
// for now, and no longer what they asked for before, as a full build;
// with layouts that make resources, a page's edit is a full build, and
// the layouts' output is not memoised.
func TestHugoResourcesQuick(t *testing.T) {
	t.Parallel()
	t.Run("ShortcodesOnly", func(t *testing.T) {
		t.Parallel()
		fsys, cfg := resourcesFS(t)
		delete(fsys, "layouts/_default/single.html")
		testResourcesRebuild(t, fsys, cfg, true)
	})
	t.Run("Layouts", func(t *testing.T) {
		t.Parallel()
		fsys, cfg := resourcesFS(t)
		testResourcesRebuild(t, fsys, cfg, false)
	})
}

func testResourcesRebuild(t *testing.T, fsys fstest.MapFS, cfg config.Config, wantQuick bool) {
	cache, files := NewCache(), content.NewFileCache()
	opts := Options{Cache: cache, Files: files}
	if _, err := Build(context.Background(), fsys, cfg, opts); err != nil {
		t.Fatal(err)
	}
	fsys["content/_index.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Home\n---\n{{< img src=\"images/a.png\" size=\"x10\" >}}\n"),
		ModTime: time.Unix(5, 0)}
	opts.Changed = []string{"content/_index.md"}
	quick, err := Build(context.Background(), fsys, cfg, opts)
	if err != nil {
		t.Fatal(err)
	}
	if cache.Quick() != wantQuick {
		t.Fatalf("quick rebuild: %v, want %v", cache.Quick(), wantQuick)
	}
	full, err := Build(context.Background(), fsys, cfg, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var qp, fp []string
	for _, f := range quick.Files {
		if !search.IsIndexFile(f.Path) {
			qp = append(qp, f.Path)
		}
	}
	for _, f := range quick.Deferred.All() { // llms-full.txt is made when asked for
		if !search.IsIndexFile(f.Path) {
			qp = append(qp, f.Path)
		}
	}
	slices.Sort(qp)
	for _, f := range full.Files {
		if !search.IsIndexFile(f.Path) { // a quick rebuild defers the search index
			fp = append(fp, f.Path)
		}
	}
	if strings.Join(qp, "\n") != strings.Join(fp, "\n") {
		t.Errorf("quick rebuild made\n%s\nfull build\n%s", strings.Join(qp, "\n"), strings.Join(fp, "\n"))
	}
	if !strings.Contains(strings.Join(qp, " "), "_0x10_resize.png") || strings.Contains(strings.Join(qp, " "), "_30x0_resize.png") {
		t.Errorf("quick rebuild's files: %v", qp)
	}
}

// TestHugoResourcesPartialFromShortcode: a partial a shortcode calls has
// resources too.
func TestHugoResourcesPartialFromShortcode(t *testing.T) {
	t.Parallel()
	s := mustBuild(t, `
-- config.toml --
-- layouts/shortcodes/css.html --
{{ partial "css.html" . }}
-- layouts/partials/css.html --
{{ with resources.Get "css/x.css" | fingerprint "sha512" }}<link href="{{ .RelPermalink }}" integrity="{{ .Data.Integrity }}">{{ end }}
-- content/_index.md --
---
title: Home
---
{{< css >}}
-- assets/css/x.css --
a { color: red }
`, Options{})
	m := regexp.MustCompile(`href="/(css/x\.[0-9a-f]{128}\.css)" integrity="sha512-`).FindStringSubmatch(file(t, s, "index.html"))
	if m == nil {
		t.Fatalf("no fingerprinted stylesheet:\n%s", file(t, s, "index.html"))
	}
	if !strings.Contains(file(t, s, m[1]), "color") {
		t.Errorf("%s does not hold the stylesheet", m[1])
	}
}
