package highlight

import (
	"strings"
	"sync"
	"testing"

	"github.com/alecthomas/chroma/v2"
)

// TestNoMatchTimeout: every rule of a lexer quire uses has chroma's match
// timeout removed, so lexing never depends on how loaded the machine is.
// It fails when a chroma release moves the compiled rules.
func TestNoMatchTimeout(t *testing.T) {
	t.Parallel()
	for _, lang := range []string{"yaml", "go", "bash", "json", "python", "toml"} {
		l := lexer(lang)
		if l == nil {
			t.Fatalf("no lexer for %s", lang)
		}
		rules := compiledRulesOf(t, l.lexer)
		if len(rules) == 0 {
			t.Fatalf("%s: found no compiled rules; chroma's RegexLexer changed", lang)
		}
		for _, cr := range rules {
			if cr.Regexp == nil || cr.Regexp.MatchTimeout != forever {
				t.Errorf("%s: rule %q keeps a match timeout", lang, cr.Pattern)
				break
			}
		}
	}
}

// TestConcurrentHighlightIsStable highlights the same YAML on many
// goroutines at once: every result is the same, with keys as keys.
func TestConcurrentHighlightIsStable(t *testing.T) {
	t.Parallel()
	code := strings.Repeat("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  labels:\n    app: web\n", 20)
	var want strings.Builder
	if err := Code(&want, "yaml", code); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(want.String(), `<span class="nt">metadata</span>`) {
		t.Fatalf("metadata is not a key:\n%s", want.String()[:400])
	}
	var wg sync.WaitGroup
	for range 16 {
		wg.Go(func() {
			var got strings.Builder
			if err := Code(&got, "yaml", code); err != nil || got.String() != want.String() {
				t.Errorf("concurrent highlight differs (err %v)", err)
			}
		})
	}
	wg.Wait()
}

func compiledRulesOf(t *testing.T, l any) []*chroma.CompiledRule {
	t.Helper()
	rl, ok := l.(*chroma.RegexLexer)
	if !ok {
		t.Fatalf("lexer is %T, not a RegexLexer", l)
	}
	return compiledRules(rl)
}
