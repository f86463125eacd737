package shortcode

import (
	"html/template"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/quire-docs/quire/internal/budget"
)

// TestPartialBudgetPerExpand: a partial a shortcode template calls is
// charged to the budget of the Expand running it, also while many pages
// expand at once with the same template: a page with one 60-byte partial
// stays under a 100-byte limit, a page with two does not.
func TestPartialBudgetPerExpand(t *testing.T) {
	t.Parallel()
	fsys := fstest.MapFS{"charge.html": {Data: []byte(`{{ partial "p" (.Get 0) }}`)}}
	partial := func(b *budget.Budget, name string, ctx any) (template.HTML, error) {
		if b == nil {
			t.Error("partial run without a budget")
			return "", nil
		}
		return "", b.Charge("layouts/partials/"+name+".html", 60)
	}
	s, err := New(Options{Dir: fsys, DirName: "layouts/shortcodes", Partial: partial, Limits: budget.Limits{MaxBytes: 100}})
	if err != nil {
		t.Fatal(err)
	}
	const over = `content/a.md:1:17: shortcode "charge": rendering with layouts/partials/p.html: output exceeds 100 bytes (limit maxPageBytes)`
	var wg sync.WaitGroup
	for i := range 64 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			body, want := "{{< charge x >}}", ""
			if i%2 == 1 {
				body, want = "{{< charge x >}}{{< charge y >}}", over
			}
			_, diags := s.Expand(Env{File: "content/a.md", Body: []byte(body)})
			var got []string
			for _, d := range diags {
				got = append(got, d.Error())
			}
			if strings.Join(got, "\n") != want {
				t.Errorf("%s: diagnostics\n%s\nwant\n%s", body, strings.Join(got, "\n"), want)
			}
		}()
	}
	wg.Wait()
}

// TestPartialWithoutPartials: with no Options.Partial, a template that
// calls partial parses, and fails where it runs.
func TestPartialWithoutPartials(t *testing.T) {
	t.Parallel()
	s := limitedSet(t, map[string]string{"p": `{{ partialCached "x" . "variant" }}`}, budget.Limits{})
	_, got := expand(t, s, Env{Body: []byte("{{< p >}}")})
	if len(got) != 1 || !strings.Contains(got[0], "partial: no partials here") {
		t.Errorf("diagnostics %q, want one saying there are no partials", got)
	}
}
