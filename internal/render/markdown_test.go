package render

import (
	"reflect"
	"testing"

	"github.com/quire-docs/quire/internal/config"
	"github.com/quire-docs/quire/internal/layout"
	"github.com/quire-docs/quire/internal/markdown"
)

// TestMarkdownOptions: the markdown stage's settings follow the config:
// raw HTML, heading ids, Mermaid, math and its delimiters, and the theme's
// ids are always reserved.
func TestMarkdownOptions(t *testing.T) {
	t.Parallel()
	cfg := config.Default()
	cfg.Unsafe, cfg.HeadingIDs = false, "blackfriday"
	cfg.Math = config.Math{Enable: true, Block: [][2]string{{"$$", "$$"}, {`\[`, `\]`}}, Inline: [][2]string{{"$", "$"}}}
	cfg.Mermaid.Enable = true
	want := markdown.Options{ReservedIDs: layout.ReservedIDs(), HeadingIDs: "blackfriday", Mermaid: true,
		Math: &markdown.Math{
			Block:  []markdown.Delimiters{{Open: "$$", Close: "$$"}, {Open: `\[`, Close: `\]`}},
			Inline: []markdown.Delimiters{{Open: "$", Close: "$"}},
		}}
	if got := MarkdownOptions(cfg); !reflect.DeepEqual(got, want) {
		t.Errorf("MarkdownOptions = %+v, want %+v", got, want)
	}

	cfg.Unsafe, cfg.Math.Enable, cfg.Mermaid.Enable = true, false, false
	want = markdown.Options{Unsafe: true, ReservedIDs: layout.ReservedIDs(), HeadingIDs: "blackfriday"}
	if got := MarkdownOptions(cfg); !reflect.DeepEqual(got, want) {
		t.Errorf("MarkdownOptions with math and Mermaid off = %+v, want %+v", got, want)
	}
}
