package layout

import (
	"bytes"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
)

func TestLookupOrder(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		page Page
		want []string
	}{
		{"PageTypeThenSectionThenDefault", Page{Kind: "page", Type: "faq", Section: "guide"}, []string{"faq/single.html", "guide/single.html", "_default/single.html"}},
		{"SectionTypeThenSectionThenDefault", Page{Kind: "section", Type: "faq", Section: "guide"}, []string{"faq/list.html", "guide/list.html", "_default/list.html"}},
		{"HomeIndexThenList", Page{Kind: "home", Type: "faq", Section: "guide"}, []string{"index.html", "_default/list.html"}},
		{"RootLevelPage", Page{Kind: "page"}, []string{"_default/single.html"}},
		{"TypeEqualsSectionOnce", Page{Kind: "page", Type: "faq", Section: "faq"}, []string{"faq/single.html", "_default/single.html"}},
		{"UnknownKindAsSection", Page{Kind: "taxonomy", Section: "guide"}, []string{"guide/list.html", "_default/list.html"}},
		{"PartialsNeverAMainDir", Page{Kind: "page", Type: "partials", Section: "partials"}, []string{"_default/single.html"}},
		{"TypeWithSlashSkipped", Page{Kind: "page", Type: "../x", Section: "a/b"}, []string{"_default/single.html"}},
		{"DotsSkipped", Page{Kind: "page", Type: "..", Section: "."}, []string{"_default/single.html"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if got := lookup(&tt.page); !slices.Equal(got, tt.want) {
				t.Errorf("lookup(%+v) = %q, want %q", tt.page, got, tt.want)
			}
		})
	}
}

func TestIsMain(t *testing.T) {
	t.Parallel()
	for n, want := range map[string]bool{
		"_default/baseof.html": true, "_default/single.html": true, "_default/list.html": true,
		"404.html": true, "index.html": true, "faq/single.html": true, "faq/list.html": true,
		"partials/single.html": false, "partials/head.html": false, "faq/a/single.html": false,
		"faq/summary.html": false, "single.html": false,
	} {
		if got := isMain(n); got != want {
			t.Errorf("isMain(%q) = %v, want %v", n, got, want)
		}
	}
}

// lookupLayouts has a main template for every lookup step, each saying
// which file rendered the page.
var lookupLayouts = fstest.MapFS{
	"faq/single.html":      {Data: []byte(`{{ define "main" }}<p>FAQ-SINGLE {{ .Title }}</p>{{ end }}`)},
	"guide/single.html":    {Data: []byte(`{{ define "main" }}<p>GUIDE-SINGLE {{ .Title }}</p>{{ end }}`)},
	"faq/list.html":        {Data: []byte(`{{ define "main" }}<p>FAQ-LIST {{ .Title }}</p>{{ end }}`)},
	"guide/list.html":      {Data: []byte(`{{ define "main" }}<p>GUIDE-LIST {{ .Title }}</p>{{ end }}`)},
	"index.html":           {Data: []byte(`{{ define "main" }}<p>INDEX {{ .Title }}</p>{{ partial "mark.html" . }}{{ end }}`)},
	"blog/single.html":     {Data: []byte("<!doctype html><p>BLOG-WHOLE {{ .Title }}</p>\n")},
	"partials/single.html": {Data: []byte(`<p>A PARTIAL, NOT A LAYOUT</p>`)},
	"partials/mark.html":   {Data: []byte(`<i>mark</i>`)},
}

func TestLookup(t *testing.T) {
	t.Parallel()
	tm := mustNew(t, lookupLayouts)
	tests := []struct {
		name    string
		page    string // fixture page
		typ     string
		section string
		want    string
		notWant string
	}{
		{"TypeChoosesSingle", "about", "faq", "", "<p>FAQ-SINGLE About</p>", "page-header"},
		{"SectionChoosesSingle", "install", "", "guide", "<p>GUIDE-SINGLE Install &amp; run</p>", "page-header"},
		{"TypeBeforeSection", "install", "faq", "guide", "<p>FAQ-SINGLE Install &amp; run</p>", "GUIDE-SINGLE"},
		{"TypeWithoutFileFallsBackToSection", "install", "nosuch", "guide", "<p>GUIDE-SINGLE Install &amp; run</p>", "page-header"},
		{"FallbackToDefaultSingle", "install", "nosuch", "nosuch", `<header class="page-header">`, "SINGLE"},
		{"RootLevelPageUsesDefault", "about", "", "", `<header class="page-header">`, "SINGLE"},
		{"TypeChoosesList", "guide", "faq", "guide", "<p>FAQ-LIST Guide</p>", "GUIDE-LIST"},
		{"SectionChoosesList", "guide", "", "guide", "<p>GUIDE-LIST Guide</p>", "page-header"},
		{"FallbackToDefaultList", "guide", "", "nosuch", `<ul class="page-list">`, "LIST"},
		{"HomeUsesIndex", "home", "faq", "", "<p>INDEX Quire</p><i>mark</i>", "FAQ-LIST"},
		{"StandaloneTypeTemplateIsWholePage", "about", "blog", "", "<!doctype html><p>BLOG-WHOLE About</p>\n", "sidebar"},
		{"PartialsSectionUsesDefault", "about", "", "partials", `<header class="page-header">`, "A PARTIAL"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			p := fixture()[tt.page]
			p.Type, p.Section = tt.typ, tt.section
			got := render(t, tm, p)
			if !strings.Contains(got, tt.want) || strings.Contains(got, tt.notWant) {
				t.Errorf("render %s (type %q, section %q) = \n%s\nwant it to contain %q and not %q", tt.page, tt.typ, tt.section, got, tt.want, tt.notWant)
			}
		})
	}

	t.Run("HomeFallsBackToDefaultList", func(t *testing.T) {
		t.Parallel()
		got := render(t, mustNew(t, nil), fixture()["home"])
		if !strings.Contains(got, `<article class="page list">`) {
			t.Errorf("home without index.html does not use _default/list.html:\n%s", got)
		}
	})

	t.Run("ParseErrorInTypeTemplateReportedByNew", func(t *testing.T) {
		t.Parallel()
		_, err := New(fstest.MapFS{"faq/single.html": {Data: []byte("{{ define \"main\" }}\n{{ if }}{{ end }}{{ end }}")}}, "layouts")
		if err == nil || !strings.Contains(err.Error(), "layouts/faq/single.html:2:") {
			t.Errorf("New error = %v, want it to name layouts/faq/single.html:2", err)
		}
	})

	t.Run("ExecErrorNamesTheChosenFile", func(t *testing.T) {
		t.Parallel()
		tm := mustNew(t, fstest.MapFS{"faq/single.html": {Data: []byte("{{ define \"main\" }}\n{{ .Nope }}{{ end }}")}})
		p := fixture()["about"]
		p.Type = "faq"
		err := tm.Page(&bytes.Buffer{}, p)
		if err == nil || !strings.HasPrefix(err.Error(), "layouts/faq/single.html:2:") {
			t.Errorf("Page error = %v, want it at layouts/faq/single.html:2", err)
		}
	})
}

// TestConcurrentLookup renders pages that use different main templates
// from many goroutines at once, so that sets are built lazily while others
// render; run with -race.
func TestConcurrentLookup(t *testing.T) {
	t.Parallel()
	tm := mustNew(t, lookupLayouts)
	pages := fixture()
	pages["about"].Type = "faq"
	pages["install"].Section = "guide"
	pages["config"].Type = "blog"
	pages["guide"].Section = "guide"
	var wg sync.WaitGroup
	errs := make(chan error, 256)
	results := make([]map[string]string, 8)
	for i := range results {
		results[i] = map[string]string{}
		var mu sync.Mutex
		for name, p := range pages {
			wg.Go(func() {
				var buf bytes.Buffer
				if err := tm.Page(&buf, p); err != nil {
					errs <- err
					return
				}
				mu.Lock()
				results[i][name] = buf.String()
				mu.Unlock()
			})
		}
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	for name, p := range pages {
		want := render(t, tm, p)
		for i, r := range results {
			if r[name] != want {
				t.Errorf("run %d: %s differs from a lone render", i, name)
			}
		}
	}
	for name, marker := range map[string]string{"about": "FAQ-SINGLE", "install": "GUIDE-SINGLE", "config": "BLOG-WHOLE", "guide": "GUIDE-LIST", "home": "INDEX"} {
		if got := results[0][name]; !strings.Contains(got, marker) {
			t.Errorf("%s: rendered without %s:\n%s", name, marker, got)
		}
	}
}
