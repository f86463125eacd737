package render

import (
	"testing"

	"github.com/quire-docs/quire/internal/markdown"
)

func TestSplice(t *testing.T) {
	t.Parallel()
	html := [][]byte{[]byte("<b>zero</b>"), []byte("<i>one</i>")}
	for _, tc := range []struct{ name, in, want string }{
		{"NoPlaceholder", "plain", "plain"},
		{"Each", "a " + markdown.Placeholder(0) + " b " + markdown.Placeholder(1), "a <b>zero</b> b <i>one</i>"},
		{"OutOfRangeKept", markdown.Placeholder(7), markdown.Placeholder(7)},
		{"PrefixAloneKept", markdown.PlaceholderPrefix + "x", markdown.PlaceholderPrefix + "x"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := string(splice([]byte(tc.in), html)); got != tc.want {
				t.Errorf("splice(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}
