package content

import (
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
)

func TestLoadEncodingWarning(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, src string
		want      []string // warnings
	}{
		{"ValidUTF8", "---\ntitle: Café\n---\nnaïve ✓\n", nil},
		{"InvalidByteInBody", "---\ntitle: T\n---\nok\nnaïve \xff and \xfe\n",
			[]string{"content/x.md:5:7: invalid UTF-8 (hint: save the file as UTF-8)"}},
		{"Latin1InFrontMatter", "---\ntitle: Caf\xe9\n---\n",
			[]string{"content/x.md:2:11: invalid UTF-8 (hint: save the file as UTF-8)"}},
		{"TruncatedSequenceAtEnd", "---\ntitle: T\n---\nend \xe2\x82",
			[]string{"content/x.md:4:5: invalid UTF-8 (hint: save the file as UTF-8)"}},
		{"NULByte", "---\ntitle: T\n---\nab\x00c\n",
			[]string{"content/x.md:4:3: invalid UTF-8: NUL byte (hint: remove the NUL byte)"}},
		{"CountedAfterBOMAndCRLF", "\xEF\xBB\xBF---\r\ntitle: T\r\n---\r\n\xc0\r\n",
			[]string{"content/x.md:4:1: invalid UTF-8 (hint: save the file as UTF-8)"}},
		{"UTF16File", "\xff\xfe-\x00-\x00-\x00\n\x00",
			[]string{"content/x.md:1:1: invalid UTF-8 (hint: save the file as UTF-8)",
				`content/x.md:1:1: page has no title; using "X" (hint: add title: "X" to the front matter)`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			fsys := fstest.MapFS{"content/x.md": {Data: []byte(tt.src)}}
			site, warns, err := Load(fsys, Options{Dir: "content"})
			if err != nil {
				t.Fatalf("Load(%q): %v, want the page to build", tt.src, err)
			}
			if got := diagLines(warns); !reflect.DeepEqual(got, tt.want) && !(len(got) == 0 && len(tt.want) == 0) {
				t.Errorf("Load(%q) warnings =\n%s\nwant\n%s", tt.src, strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
			if len(site.Pages) != 2 || site.Pages[1].Path != "x.md" {
				t.Errorf("Load(%q) pages = %q, want home and x.md", tt.src, paths(site.Pages))
			}
		})
	}
}

func TestParsePageEncodingWarningWithError(t *testing.T) {
	t.Parallel()
	_, warns, err := ParsePage("content/x.md", []byte("---\ntitle: \xff\n"))
	if err == nil {
		t.Fatal("ParsePage(unterminated) error = nil")
	}
	want := []string{"content/x.md:2:8: invalid UTF-8 (hint: save the file as UTF-8)"}
	if got := diagLines(warns); !reflect.DeepEqual(got, want) {
		t.Errorf("ParsePage warnings = %q, want %q (kept when the front matter fails)", got, want)
	}
}
