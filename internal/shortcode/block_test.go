package shortcode

import (
	"strings"
	"testing"

	"github.com/quire-docs/quire/internal/pos"
)

// FuzzBlockBuiltins expands bodies of the themes' block built-ins: no
// input makes Expand fail inside, markdown said to be copied from the body
// is the body's text, and every position of the markdown maps back to a
// line of the body.
func FuzzBlockBuiltins(f *testing.F) {
	for _, seed := range []string{
		"{{% alert title=\"Note\" %}}\nSee [x](y.md).\n{{% /alert %}}\n",
		"1. a\n\n    {{% alert %}}\n      text\r\n    {{% /alert %}}\n",
		"{{< tabpane langEqualsHeader=true >}}\n{{< tab header=\"Go\" >}}\nx := 1\n{{< /tab >}}\n{{< /tabpane >}}",
		"{{< tabs items=\"a,b\" >}}{{< tab >}}A{{< /tab >}}{{< tab >}}B{{< /tab >}}{{< /tabs >}}",
		"{{% details \"T\" open %}}\n\t x\n  y\n{{% /details %}}",
		"{{< columns >}}a<--->b{{< /columns >}}",
		"{{< cards >}}{{< card title=\"t\" >}}{{< /cards >}}",
		"{{% notice warning %}}{{% expand %}}x{{% /expand %}}{{% /notice %}}",
	} {
		f.Add(seed)
	}
	s, err := New(Options{Theme: []string{"docsy"}})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, body string) {
		exp, diags := s.Expand(Env{File: "content/a.md", Line: 1, Body: []byte(body)})
		for _, d := range diags {
			if strings.Contains(d.Error(), "internal error") {
				t.Fatalf("Expand(%q): %v", body, d)
			}
		}
		for k, sg := range exp.segs {
			end := len(exp.Markdown)
			if k+1 < len(exp.segs) {
				end = exp.segs[k+1].out
			}
			if k > 0 && sg.out < exp.segs[k-1].out {
				t.Fatalf("Expand(%q): segments out of order at %d", body, k)
			}
			if sg.copied && (sg.src+end-sg.out > len(body) || string(exp.Markdown[sg.out:end]) != body[sg.src:sg.src+end-sg.out]) {
				t.Fatalf("Expand(%q): markdown %q is not the body's text at %d", body, exp.Markdown[sg.out:end], sg.src)
			}
		}
		md := pos.New(exp.Markdown)
		bodyLines := strings.Count(body, "\n") + 1
		for off := 0; off < len(exp.Markdown); off++ {
			l, c := md.BytePosition(off)
			bl, _ := exp.BodyPos(l, c)
			if bl < 1 || bl > bodyLines {
				t.Fatalf("Expand(%q): markdown %d:%d maps to body line %d of %d", body, l, c, bl, bodyLines)
			}
		}
	})
}
