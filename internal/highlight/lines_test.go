package highlight

import (
	"strings"
	"testing"
)

func TestCodeLines(t *testing.T) {
	tests := []struct {
		name string
		o    LineOptions
		want []string
		not  []string
	}{
		{"Inline", LineOptions{Numbers: true, Start: 7}, []string{`<span class="ln">7</span>`, `<span class="ln">8</span>`, `<span class="kd">func</span>`}, []string{"lntable"}},
		{"Table", LineOptions{Numbers: true, Table: true}, []string{`class="lntable"`, `<span class="lnt">1`}, nil},
		{"Highlight", LineOptions{Highlight: [][2]int{{2, 2}}}, []string{`<span class="line hl"><span class="cl"><span class="nx">b</span>`}, []string{`class="ln"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b strings.Builder
			if err := CodeLines(&b, "go", "func a() {}\nb := 1\n", tt.o); err != nil {
				t.Fatal(err)
			}
			out := b.String()
			for _, w := range tt.want {
				if !strings.Contains(out, w) {
					t.Errorf("CodeLines(%+v) lacks %s\n%s", tt.o, w, out)
				}
			}
			for _, w := range tt.not {
				if strings.Contains(out, w) {
					t.Errorf("CodeLines(%+v) has %s\n%s", tt.o, w, out)
				}
			}
			if strings.Contains(out, "style=") {
				t.Errorf("CodeLines wrote inline styles:\n%s", out)
			}
		})
	}
}
