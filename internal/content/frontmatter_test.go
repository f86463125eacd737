package content

import (
	"bytes"
	"errors"
	"testing"

	"github.com/quire-docs/quire/internal/diag"
)

func TestSplitFrontMatter(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		src      string
		format   Format
		raw      string
		rawLine  int
		body     string
		bodyLine int
	}{
		{"YAML", "---\ntitle: x\n---\nbody\n", FormatYAML, "title: x\n", 2, "body\n", 4},
		{"ThematicBreakRightAfterFrontMatter", "---\ntitle: x\n---\n---\n#### Q\n", FormatYAML, "title: x\n", 2, "---\n#### Q\n", 4},
		{"TrailingBlanksOnDelimiters", "--- \ntitle: x\n---\t \nbody", FormatYAML, "title: x\n", 2, "body", 4},
		{"EmptyYAML", "---\n---\nbody", FormatYAML, "", 2, "body", 3},
		{"ClosingLineAtEOF", "---\na: 1\n---", FormatYAML, "a: 1\n", 2, "", 4},
		{"TOML", "+++\ntitle = \"x\"\n+++\nbody\n", FormatTOML, "title = \"x\"\n", 2, "body\n", 4},
		{"JSON", "{\"title\": \"x\"}\nbody\n", FormatJSON, "{\"title\": \"x\"}", 1, "body\n", 2},
		{"JSONMultiLineWithBracesInStrings", "{\n  \"title\": \"a } \\\" {\"\n}\n\nbody", FormatJSON, "{\n  \"title\": \"a } \\\" {\"\n}", 1, "\nbody", 4},
		{"NoFrontMatter", "# Title\n\ntext\n", FormatNone, "", 0, "# Title\n\ntext\n", 1},
		{"EmptyFile", "", FormatNone, "", 0, "", 1},
		{"DashesNotAlone", "--- x\nbody\n", FormatNone, "", 0, "--- x\nbody\n", 1},
		{"BOM", "\xEF\xBB\xBF---\ntitle: x\n---\nbody\n", FormatYAML, "title: x\n", 2, "body\n", 4},
		{"BOMWithoutFrontMatter", "\xEF\xBB\xBF# T\n", FormatNone, "", 0, "# T\n", 1},
		{"CRLF", "---\r\ntitle: x\r\n---\r\nbody\r\nmore\r\n", FormatYAML, "title: x\n", 2, "body\nmore\n", 4},
		{"BOMAndCRLFJSON", "\xEF\xBB\xBF{\"a\": 1}\r\n\r\nbody", FormatJSON, "{\"a\": 1}", 1, "\nbody", 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			fm, err := SplitFrontMatter("a.md", []byte(tt.src))
			if err != nil {
				t.Fatalf("SplitFrontMatter(%q): %v", tt.src, err)
			}
			if fm.Format != tt.format || string(fm.Raw) != tt.raw || fm.RawLine != tt.rawLine {
				t.Errorf("SplitFrontMatter(%q) front matter = %v %q line %d, want %v %q line %d",
					tt.src, fm.Format, fm.Raw, fm.RawLine, tt.format, tt.raw, tt.rawLine)
			}
			if string(fm.Body) != tt.body || fm.BodyLine != tt.bodyLine {
				t.Errorf("SplitFrontMatter(%q) body = %q line %d, want %q line %d",
					tt.src, fm.Body, fm.BodyLine, tt.body, tt.bodyLine)
			}
		})
	}
}

func TestSplitFrontMatterErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, src, want string
	}{
		{"UnterminatedYAML", "---\ntitle: x\n\nbody\n",
			"a.md:1:1: unterminated YAML front matter: no closing --- line (hint: close the front matter with a line of exactly ---)"},
		{"UnterminatedTOML", "+++\ntitle = 'x'\n",
			"a.md:1:1: unterminated TOML front matter: no closing +++ line (hint: close the front matter with a line of exactly +++)"},
		{"UnterminatedJSON", "{\"title\": \"x\"\nbody\n",
			"a.md:1:1: unterminated JSON front matter: no matching } (hint: close the JSON front matter with the } that matches the { on line 1)"},
		{"TextAfterJSON", "{\"title\": \"x\"} body\n",
			"a.md:1:16: unexpected text after the JSON front matter (hint: end the JSON front matter with } alone at the end of its line)"},
		{"OpeningLineOnly", "---",
			"a.md:1:1: unterminated YAML front matter: no closing --- line (hint: close the front matter with a line of exactly ---)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := SplitFrontMatter("a.md", []byte(tt.src))
			if err == nil || err.Error() != tt.want {
				t.Fatalf("SplitFrontMatter(%q) error = %v, want %s", tt.src, err, tt.want)
			}
			var d *diag.Diagnostic
			if !errors.As(err, &d) || d.Severity != diag.Error {
				t.Errorf("SplitFrontMatter(%q) error is %T, want an error *diag.Diagnostic", tt.src, err)
			}
		})
	}
}

// FuzzSplitFrontMatter checks that any input splits without panicking and
// that the parts reassemble into the normalised source: the body is its
// tail, BodyLine counts the lines before it, and the raw front matter sits
// where its format says.
func FuzzSplitFrontMatter(f *testing.F) {
	for _, seed := range fuzzSeeds(f) {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		fm, err := SplitFrontMatter("a.md", src)
		if err != nil {
			var d *diag.Diagnostic
			if !errors.As(err, &d) || d.Line < 1 || d.Col < 1 || d.File != "a.md" {
				t.Fatalf("SplitFrontMatter(%q) error %v is not a positioned diagnostic", src, err)
			}
			return
		}
		n := Normalize(src)
		if !bytes.HasSuffix(n, fm.Body) {
			t.Fatalf("SplitFrontMatter(%q) body %q is not the tail of the source", src, fm.Body)
		}
		head := n[:len(n)-len(fm.Body)]
		lines := 1 + bytes.Count(head, []byte("\n"))
		if fm.BodyLine != lines && !(len(fm.Body) == 0 && fm.BodyLine == lines+1) {
			t.Fatalf("SplitFrontMatter(%q) BodyLine = %d, want %d", src, fm.BodyLine, lines)
		}
		switch fm.Format {
		case FormatNone:
			if len(head) != 0 || fm.BodyLine != 1 {
				t.Fatalf("SplitFrontMatter(%q) without front matter dropped %q", src, head)
			}
		case FormatJSON:
			if !bytes.HasPrefix(head, fm.Raw) || fm.RawLine != 1 || len(fm.Raw) == 0 || fm.Raw[len(fm.Raw)-1] != '}' {
				t.Fatalf("SplitFrontMatter(%q) JSON %q is not the head %q", src, fm.Raw, head)
			}
		default:
			first, rest, _ := bytes.Cut(head, []byte("\n"))
			if !bytes.HasPrefix(rest, fm.Raw) || fm.RawLine != 2 || len(bytes.TrimRight(first, " \t")) != 3 {
				t.Fatalf("SplitFrontMatter(%q) front matter %q is not after the opening line of %q", src, fm.Raw, head)
			}
			closing := bytes.TrimRight(bytes.TrimSuffix(rest[len(fm.Raw):], []byte("\n")), " \t")
			if fm.LongClose != "" && string(closing) == fm.LongClose && bytes.HasPrefix(closing, first[:3]) {
				return // Hugo's "----": see TestLoadHugoFrontMatterQuirks
			}
			if !bytes.Equal(closing, bytes.TrimRight(first, " \t")) {
				t.Fatalf("SplitFrontMatter(%q) closing line %q does not match opening %q", src, closing, first)
			}
		}
	})
}
