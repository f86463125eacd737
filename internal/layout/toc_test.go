package layout

import (
	"bytes"
	"strings"
	"testing"
	"testing/fstest"
)

// rangeTOC is docs-level usage of .TOC: a list built from its entries.
const rangeTOC = `<ol class="mytoc">{{ range .TOC.Entries }}<li><a href="#{{ .ID }}">{{ .Text }}</a>{{ len .Children }}</li>{{ end }}</ol>`

func TestEmptyTOC(t *testing.T) {
	t.Parallel()
	theme := mustNew(t, nil)
	custom := mustNew(t, fstest.MapFS{
		"_default/single.html": {Data: []byte(`{{ define "main" }}` + rangeTOC + `{{ end }}`)},
		"_default/list.html":   {Data: []byte(`{{ define "main" }}` + rangeTOC + `{{ end }}`)},
		"404.html":             {Data: []byte(`{{ define "main" }}` + rangeTOC + `{{ end }}`)},
	})

	t.Run("ThemeShowsNoTOCElement", func(t *testing.T) {
		t.Parallel()
		for name, p := range fixture() {
			if p.TOC.Len() > 0 {
				continue
			}
			if got := render(t, theme, p); hasTOC(got) {
				t.Errorf("%s with an empty TOC renders a TOC element:\n%s", name, got)
			}
		}
	})

	t.Run("ThemeToleratesNilTOC", func(t *testing.T) {
		t.Parallel()
		p := fixture()["config"]
		p.TOC = nil
		if got := render(t, theme, p); hasTOC(got) {
			t.Errorf("page with a nil TOC renders a TOC element:\n%s", got)
		}
	})

	t.Run("RangeEntriesOfEmptyTOC", func(t *testing.T) {
		t.Parallel()
		for _, name := range []string{"config", "guide", "home"} {
			if got := render(t, custom, fixture()[name]); !strings.Contains(got, `<ol class="mytoc"></ol>`) {
				t.Errorf("%s: range .TOC.Entries of an empty TOC:\n%s", name, got)
			}
		}
	})

	t.Run("RangeEntries", func(t *testing.T) {
		t.Parallel()
		want := `<ol class="mytoc"><li><a href="#go">With Go</a>0</li><li><a href="#bin">Binaries</a>0</li></ol>`
		if got := render(t, custom, fixture()["install"]); !strings.Contains(got, want) {
			t.Errorf("install: range .TOC.Entries = \n%s\nwant %s", got, want)
		}
	})

	t.Run("RangeEntriesOnNotFound", func(t *testing.T) {
		t.Parallel()
		var buf bytes.Buffer
		if err := custom.NotFound(&buf, fixture()["home"].Site); err != nil || !strings.Contains(buf.String(), `<ol class="mytoc"></ol>`) {
			t.Errorf("NotFound with range .TOC.Entries = %v:\n%s", err, buf.String())
		}
	})
}
