package highlight

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/lexers"
)

// TestFastLexerMatchesChroma lexes every sample in chroma's own lexer test
// data (one file per lexer, in the module cache) with the fast lexer and
// with chroma's iterator, and wants the same tokens.
func TestFastLexerMatchesChroma(t *testing.T) {
	t.Parallel()
	dir := chromaDir(t)
	// One sample per lexer (lexers/testdata/go.actual), or several in a
	// directory named for the lexer (lexers/testdata/raku/*.actual).
	samples, _ := filepath.Glob(filepath.Join(dir, "lexers", "testdata", "*.actual"))
	more, _ := filepath.Glob(filepath.Join(dir, "lexers", "testdata", "*", "*.actual"))
	samples = append(samples, more...)
	if len(samples) == 0 {
		t.Skip("no chroma lexer samples found")
	}
	fast := 0
	for _, path := range samples {
		name := sampleLexer(path)
		if parent := filepath.Base(filepath.Dir(path)); parent != "testdata" {
			name = parent
		}
		l := lexers.Get(name)
		if l == nil {
			continue
		}
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if compareLexers(t, path, l, string(src)) {
			fast++
		}
	}
	if fast < 100 {
		t.Errorf("only %d of %d samples went through the fast lexer", fast, len(samples))
	}
}

// chromaDir returns chroma's module directory, or skips the test.
func chromaDir(t *testing.T) string {
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/alecthomas/chroma/v2").Output()
	if err != nil || len(strings.TrimSpace(string(out))) == 0 {
		t.Skipf("cannot find chroma's module directory: %v", err)
	}
	return strings.TrimSpace(string(out))
}

// TestQuirkyLexers: the fast lexer fills LexerState.NamedGroups and copies
// the rules only for quirkyLexers, so every chroma source file that reads
// NamedGroups, uses the ByGroupNames emitter that does, or reaches into a
// state's rules must belong to one of them.
func TestQuirkyLexers(t *testing.T) {
	t.Parallel()
	dir := chromaDir(t)
	// chroma's own files that define the field and the emitter.
	allowed := map[string]bool{"regexp.go": true, "emitters.go": true}
	files, _ := filepath.Glob(filepath.Join(dir, "*.go"))
	lexerFiles, _ := filepath.Glob(filepath.Join(dir, "lexers", "*.go"))
	files = append(files, lexerFiles...)
	if len(lexerFiles) < 20 {
		t.Fatalf("found only %d lexer files in %s", len(lexerFiles), dir)
	}
	for _, path := range files {
		if strings.HasSuffix(path, "_test.go") || allowed[filepath.Base(path)] && filepath.Dir(path) == dir {
			continue
		}
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if !regexp.MustCompile(`NamedGroups|ByGroupNames|\.Rules\[`).Match(src) {
			continue
		}
		m := regexp.MustCompile(`Name:\s*"([^"]+)"`).FindSubmatch(src)
		if m == nil || !quirkyLexers[string(m[1])] {
			t.Errorf("%s reads named groups, but its lexer is not in quirkyLexers", path)
		}
	}
	for name := range quirkyLexers {
		if lexers.Get(name) == nil {
			t.Errorf("quirkyLexers names %q, which chroma does not have", name)
		}
	}
}

// TestQuirkyLexerTakesTurns: the Raku lexer rewrites its rules as it
// goes, so pages highlighted at the same time must take turns with it.
// Lexing on several goroutines at once gives the tokens of one at a time,
// and `go test -race` (as make test runs it) reports the shared rules being
// written should the runs not take turns.
func TestQuirkyLexerTakesTurns(t *testing.T) {
	t.Parallel()
	p := lexer("raku")
	if p == nil || p.fast == nil || !p.fast.quirks {
		t.Fatal("no quirky fast lexer for Raku")
	}
	// Quoting constructs with delimiters of their own make the lexer put
	// rules of its own in place (and its sublexers too).
	code := "my $s = q{a {b} c};\nsay S/some/a/ given $text;\nmy $r = rx{ \\d+ };\n" +
		"=begin pod\ntext\n=end pod\nsay Q[x];\nmy $h = qq:to/END/;\n  {$s}\n  END\n"
	want, err := p.fast.tokens(code)
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for range 20 {
				got, err := p.fast.tokens(code)
				if err != nil || !slices.Equal(got, want) {
					t.Errorf("lexed at the same time as others: %v, other tokens", err)
					return
				}
			}
		})
	}
	wg.Wait()
}

// TestFastLexerEdges: input shapes the samples may not have.
func TestFastLexerEdges(t *testing.T) {
	t.Parallel()
	inputs := []string{
		"", "\n", "\r\n", "x", "é", "\r", "a\rb\r\nc", "🙂 := 1\n", "\"unterminated\nnext := 2\n",
		"func f() {\n\treturn\n", strings.Repeat("x", 9000), "\x00\xff\xfe",
	}
	for _, lang := range []string{"go", "yaml", "bash", "json", "python", "toml", "html", "js", "sql", "c", "rust", "markdown", "php", "diff"} {
		l := lexers.Get(lang)
		if l == nil {
			t.Fatalf("no lexer %s", lang)
		}
		for _, in := range inputs {
			compareLexers(t, lang, l, in)
		}
	}
}

// compareLexers lexes src with both and reports whether the fast lexer was
// used (it is not for lexers that are not regex lexers).
func compareLexers(t *testing.T, name string, l chroma.Lexer, src string) bool {
	t.Helper()
	p := ready(l) // readied once per lexer, as every other use of it is
	if p.fast == nil {
		return false
	}
	if p.fast.quirks {
		// chroma's own loop shares the rules as the fast one does, so it
		// takes its turn too (tests run in parallel).
		p.fast.mu.Lock()
	}
	want, werr := chromaTokens(l, src)
	if p.fast.quirks {
		p.fast.mu.Unlock()
	}
	got, gerr := p.fast.tokens(src)
	if (werr != nil) != (gerr != nil) {
		t.Errorf("%s: chroma error %v, fast lexer error %v", name, werr, gerr)
		return true
	}
	if !slices.Equal(got, want) {
		i := 0
		for i < len(got) && i < len(want) && got[i] == want[i] {
			i++
		}
		t.Errorf("%s: tokens differ at %d of %d/%d: fast %v, chroma %v", name, i, len(got), len(want), at(got, i), at(want, i))
	}
	return true
}

func at(ts []chroma.Token, i int) any {
	if i < len(ts) {
		return ts[i]
	}
	return "end"
}

// BenchmarkFastLexer lexes code like the generated corpus's with chroma's
// iterator and with the fast lexer, taking turns, and reports both times
// and their ratio.
func BenchmarkFastLexer(b *testing.B) {
	samples := []struct{ lang, code string }{
		{"go", "func fetch(ctx context.Context, c *Client) error {\n\tresp, err := c.Get(ctx, \"/v3/nodes\")\n\tif err != nil {\n\t\treturn fmt.Errorf(\"get: %w\", err)\n\t}\n\tdefer resp.Body.Close()\n\tfor i := 0; i < 3; i++ {\n\t\tlog.Printf(\"attempt %d: %s\", i, resp.Status)\n\t}\n\treturn nil\n}\n"},
		{"yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  labels:\n    app: web\nspec:\n  replicas: 3\n  template:\n    spec:\n      containers:\n        - name: web\n          image: \"registry.local/web:1.2.3\"\n          args: [\"--verbose\"]\n"},
		{"bash", "# Install and check the agent.\nexport AGENT_VERSION=v2.4.1\ncurl -sfL https://127.0.0.1/install.sh | sh -s -- --agent \"$AGENT_VERSION\"\nif ! systemctl is-active --quiet agent; then\n  echo \"agent is not running\" >&2\n  exit 1\nfi\n"},
		{"python", "def fetch(client, retries=3):\n    \"\"\"Fetch, retrying on errors.\"\"\"\n    for attempt in range(retries):\n        try:\n            return client.get(\"/v3/nodes\", timeout=10)\n        except TimeoutError as err:\n            print(f\"attempt {attempt}: {err}\")\n    raise RuntimeError(\"unavailable\")\n"},
	}
	for _, s := range samples {
		b.Run(s.lang, func(b *testing.B) {
			p := lexer(s.lang)
			if p == nil || p.fast == nil {
				b.Fatalf("no fast lexer for %s", s.lang)
			}
			var slow, fast time.Duration
			for b.Loop() {
				t0 := time.Now()
				if _, err := chromaTokens(p.lexer, s.code); err != nil {
					b.Fatal(err)
				}
				t1 := time.Now()
				if _, err := p.fast.tokens(s.code); err != nil {
					b.Fatal(err)
				}
				slow += t1.Sub(t0)
				fast += time.Since(t1)
			}
			b.ReportMetric(float64(slow.Nanoseconds())/float64(b.N), "chroma-ns/op")
			b.ReportMetric(float64(fast.Nanoseconds())/float64(b.N), "fast-ns/op")
			b.ReportMetric(float64(fast)/float64(slow), "fast/chroma")
		})
	}
}

// FuzzFastLexer: on any input, the fast lexer gives chroma's tokens.
func FuzzFastLexer(f *testing.F) {
	langs := []string{"go", "yaml", "bash", "json", "python", "toml", "html", "js", "sql", "rust", "markdown", "diff", "raku"}
	f.Add(uint8(0), "func f() {\n\treturn \"x\"\n}\n")
	f.Add(uint8(1), "a: [1, 2]\nb: |\n  text\n")
	f.Add(uint8(2), "cat <<EOF\n$HOME\nEOF\necho \"${x:-y}\"\n")
	f.Add(uint8(4), "def f(x):\n    return f\"{x!r}\"\n")
	f.Add(uint8(6), "<div class=\"a\"><script>let x = 1;</script></div>\n")
	f.Add(uint8(12), "say q{a {b} c};\nmy $t = S/some/a/ given $x;\n=begin pod\nx\n=end pod\n")
	f.Fuzz(func(t *testing.T, i uint8, code string) {
		lang := langs[int(i)%len(langs)]
		compareLexers(t, lang, lexers.Get(lang), code)
	})
}
