package markdown

import (
	"errors"
	"fmt"
	"html/template"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"
)

// fakeHooks has the hooks of its map, each a function of the context.
type fakeHooks map[string]func(ctx any) string

func (h fakeHooks) Has(name string) bool { _, ok := h[name]; return ok }

func (h fakeHooks) Run(name string, ctx any) (template.HTML, error) {
	out := h[name](ctx)
	if out == "FAIL" {
		return "", errors.New("hook failed")
	}
	return template.HTML(out), nil
}

// TestHooksNoneMatchKeepsHTML: a render with hooks of which none matches
// renders every golden input as a render without hooks does.
func TestHooksNoneMatchKeepsHTML(t *testing.T) {
	t.Parallel()
	for _, file := range goldenFiles(t) {
		a, err := txtar.ParseFile(file)
		if err != nil {
			t.Fatal(err)
		}
		in, _ := section(a, "input.md")
		for _, unsafe := range []bool{false, true} {
			r := New(Options{Unsafe: unsafe})
			want, err1 := r.Render([]byte(in))
			got, err2 := r.RenderPage([]byte(in), RenderOptions{Hooks: HookOptions{Run: fakeHooks{}}})
			if err1 != nil || err2 != nil {
				t.Fatalf("%s: errors %v, %v", file, err1, err2)
			}
			if string(got.HTML) != string(want.HTML) {
				t.Errorf("%s (unsafe %v): with hooks\n%s\nwithout\n%s", file, unsafe, got.HTML, want.HTML)
			}
		}
	}
}

// TestHooks renders small pages with hooks that print their contexts.
func TestHooks(t *testing.T) {
	t.Parallel()
	hooks := fakeHooks{
		"link": func(ctx any) string {
			c := ctx.(*LinkContext)
			return fmt.Sprintf("[L%d %s %q %s]", c.Ordinal, c.Destination, c.Text, c.Position)
		},
		"heading": func(ctx any) string {
			c := ctx.(*HeadingContext)
			return fmt.Sprintf("[H%d #%s %q %q]\n", c.Level, c.Anchor, c.Text, c.PlainText)
		},
		"blockquote": func(ctx any) string {
			c := ctx.(*BlockquoteContext)
			return fmt.Sprintf("[Q %s %s %q %q]\n", c.Type, c.AlertType, c.AlertTitle, c.Text)
		},
		"codeblock": func(ctx any) string {
			c := ctx.(*CodeblockContext)
			if c.Type == "fail" {
				return "FAIL"
			}
			return fmt.Sprintf("[C%d %s %q %v %v]\n", c.Ordinal, c.Type, c.Inner, c.Options, c.Attributes)
		},
	}
	tests := []struct{ name, in, want string }{
		{"LinkInHeading", "## See [a *b*](x)\n", `[H2 #see-a-b "See [L0 x \"a <em>b</em>\" 1:8]" "See a b"]` + "\n"},
		{"AlertFirstLineOnly", "> [!TIP] Title here\n> body *text*\n", `[Q alert tip "Title here" "<p>body <em>text</em></p>\n"]` + "\n"},
		{"AlertAloneHasNoText", "> [!NOTE]\n", `[Q alert note "" ""]` + "\n"},
		{"AlertTitleAsWritten", "> [!warning] Mind *this*\n>\n> body\n", `[Q alert warning "Mind *this*" "<p>body</p>\n"]` + "\n"},
		{"AlertOfUnknownType", "> [!FOO] x\n> y\n", `[Q alert foo "x" "<p>y</p>\n"]` + "\n"},
		{"RegularQuote", "> plain\n", `[Q regular  "" "<p>plain</p>\n"]` + "\n"},
		{"AlertWordNotFirst", "> see [!TIP]\n", `[Q regular  "" "<p>see [!TIP]</p>\n"]` + "\n"},
		{"CodeAttributes", "```go {linenos=true hl_lines=[1,\"2-3\"] title=\"m.go\" n=2}\nx\n```\n",
			"[C0 go \"x\\n\" map[hl_lines:[1 2-3] linenos:true] map[n:2 title:m.go]]\n"},
	}
	r := New(Options{})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := r.RenderPage([]byte(tt.in), RenderOptions{Hooks: HookOptions{Run: hooks}})
			if err != nil {
				t.Fatal(err)
			}
			if string(res.HTML) != tt.want {
				t.Errorf("RenderPage(%q) =\n%s\nwant\n%s", tt.in, res.HTML, tt.want)
			}
		})
	}
	t.Run("ErrorAtElement", func(t *testing.T) {
		_, err := r.RenderPage([]byte("Text.\n\n```fail\nx\n```\n"), RenderOptions{Hooks: HookOptions{Run: hooks}})
		var he *HookError
		if !errors.As(err, &he) || he.Pos != (Pos{3, 1}) || he.Hook != "codeblock" {
			t.Errorf("error %v, want a *HookError of codeblock at 3:1", err)
		}
	})
}
