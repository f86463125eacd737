package shortcode

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/quire-docs/quire/internal/budget"
)

func limitedSet(t *testing.T, tmpls map[string]string, l budget.Limits) *Set {
	t.Helper()
	fsys := fstest.MapFS{}
	for n, text := range tmpls {
		fsys[n+".html"] = &fstest.MapFile{Data: []byte(text)}
	}
	s, err := New(Options{Dir: fsys, DirName: "layouts/shortcodes", Limits: l})
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return s
}

// nested returns a body with open and close around "x" depth times.
func nested(open, close string, depth int) string {
	return strings.Repeat(open, depth) + "x" + strings.Repeat(close, depth)
}

// TestExpandLimits: shortcodes whose output grows without bound (a pair
// that writes .Inner twice, nested 40 deep: 2^40 bytes) or never ends
// stop at the page's limit with one error at the shortcode, naming the
// template; the shortcodes after it expand to nothing.
func TestExpandLimits(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		tmpls  map[string]string
		body   string
		limits budget.Limits
		want   string
	}{
		{"InnerTwiceNested40Deep", map[string]string{"twice": `{{ .Inner }}{{ .Inner }}`},
			nested("{{< twice >}}", "{{< /twice >}}", 40) + "\n{{< twice >}}after{{< /twice >}}",
			budget.Limits{MaxBytes: 1 << 20},
			`content/a.md:1:%d: shortcode "twice": rendering with layouts/shortcodes/twice.html: output exceeds 1 MiB (limit maxPageBytes)`},
		{"GoBuiltinCounts", map[string]string{},
			nested("{{< details x >}}", "{{< /details >}}", 90),
			budget.Limits{MaxBytes: 1000},
			`content/a.md:1:%d: shortcode "details": rendering with details: output exceeds 1000 bytes (limit maxPageBytes)`},
		{"Time", map[string]string{"loop": `{{ range 100000000000 }}x{{ end }}`},
			"{{< loop >}}", budget.Limits{Timeout: time.Millisecond},
			`content/a.md:1:%d: shortcode "loop": rendering with layouts/shortcodes/loop.html: not done after 1ms (limit timeout)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, got := expand(t, limitedSet(t, tt.tmpls, tt.limits), Env{Body: []byte(tt.body)})
			if len(got) != 1 {
				t.Fatalf("diagnostics:\n%s\nwant one", strings.Join(got, "\n"))
			}
			var col int
			if _, err := fmt.Sscanf(got[0], "content/a.md:1:%d:", &col); err != nil {
				t.Fatalf("diagnostic %q: %v", got[0], err)
			}
			if want := fmt.Sprintf(tt.want, col); got[0] != want {
				t.Errorf("diagnostic\n%s\nwant\n%s", got[0], want)
			}
		})
	}
}
