package highlight

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/formatters"
	"github.com/alecthomas/chroma/v2/lexers"
)

// sampleLexer returns the lexer name of one of chroma's lexer samples as
// chroma's own TestLexers reads it: a file's name up to its first dot
// (lexers/testdata/http.2.actual is HTTP, not the Groff lexer that the
// extension .2 would pick).
func sampleLexer(path string) string {
	name, _, _ := strings.Cut(filepath.Base(path), ".")
	return name
}

// TestSampleLexer: samples whose names have more dots go to the lexer of
// their first part, as in chroma's own test.
func TestSampleLexer(t *testing.T) {
	t.Parallel()
	for path, want := range map[string]string{
		"lexers/testdata/http.2.actual": "HTTP",
		"lexers/testdata/http.3.actual": "HTTP",
		"lexers/testdata/go.actual":     "Go",
	} {
		l := lexers.Get(sampleLexer(path))
		if l == nil || l.Config().Name != want {
			t.Errorf("sampleLexer(%q) picks %v, want %s", path, l, want)
		}
	}
}

// TestFastLexerMatchesExpected lexes each of chroma's lexer samples that
// has an expected token list (lexers/testdata/NAME.expected, chroma's own
// golden files) the way quire highlights, and wants exactly chroma's
// expected tokens: a chroma release whose lexers change is seen here as
// well as in TestFastLexerMatchesChroma.
func TestFastLexerMatchesExpected(t *testing.T) {
	t.Parallel()
	dir := chromaDir(t)
	samples, _ := filepath.Glob(filepath.Join(dir, "lexers", "testdata", "*.actual"))
	more, _ := filepath.Glob(filepath.Join(dir, "lexers", "testdata", "*", "*.actual"))
	samples = append(samples, more...)
	checked := 0
	for _, path := range samples {
		name := sampleLexer(path)
		switch parent := filepath.Base(filepath.Dir(path)); parent {
		case "testdata":
		case "analysis": // chroma's tests of lexer guessing, not of tokens
			continue
		default:
			name = parent
		}
		want, err := os.ReadFile(strings.TrimSuffix(path, ".actual") + ".expected")
		if err != nil {
			continue
		}
		p := lexer(name)
		if p == nil {
			t.Errorf("%s: no lexer %q", path, name)
			continue
		}
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		tokens, err := p.tokens(string(src))
		if err != nil {
			t.Errorf("%s: %v", path, err)
			continue
		}
		var got bytes.Buffer
		if err := formatters.JSON.Format(&got, nil, chroma.Literator(tokens...)); err != nil {
			t.Fatal(err)
		}
		checked++
		if !bytes.Equal(got.Bytes(), want) {
			t.Errorf("%s: tokens differ from chroma's expected ones", path)
		}
	}
	if checked < 150 {
		t.Errorf("only %d samples with expected tokens checked", checked)
	}
}

// TestSubLexersReadied: a language embedded in another (JavaScript and CSS
// in HTML) is lexed without chroma's match timeouts too. It runs in a
// fresh process, where no other test has readied JavaScript or CSS itself.
func TestSubLexersReadied(t *testing.T) {
	t.Parallel()
	if os.Getenv("QUIRE_SUBLEXER_CHILD") == "1" {
		html := "<style>p { color: red }</style>\n<script>var x = 1;</script>\n"
		if _, err := lexer("html").tokens(html); err != nil {
			t.Fatal(err)
		}
		for _, name := range []string{"JavaScript", "CSS"} {
			rl, ok := lexers.Get(name).(*chroma.RegexLexer)
			if !ok {
				t.Fatalf("%s is no regex lexer", name)
			}
			rules := compiledRules(rl)
			if len(rules) == 0 {
				t.Errorf("%s was never compiled", name)
			}
			for _, r := range rules {
				if r.Regexp != nil && r.Regexp.MatchTimeout != forever {
					t.Errorf("%s rule %q keeps a match timeout of %v", name, r.Pattern, r.Regexp.MatchTimeout)
					break
				}
			}
		}
		return
	}
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(exe, "-test.run=^TestSubLexersReadied$", "-test.v")
	cmd.Env = append(os.Environ(), "QUIRE_SUBLEXER_CHILD=1")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("child: %v\n%s", err, out)
	}
}
