package llms

import (
	"bytes"
	"testing"
)

// FuzzLinks: Links never panics, and rewriting every destination to
// itself gives the input back.
func FuzzLinks(f *testing.F) {
	for _, s := range []string{
		"[a](b.md) ![i](c.png \"t\") [r]: d.md\n",
		"```\n[a](b)\n```\n`[x](y)` <a href=\"z\">",
		"[a](<b c>) [d](e(f)) \\](g) [h]()",
		"~~~~\n~~~\n[a](b)\n",
		"<img\n src='x'>",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		got := Links(src, func(dest string, _ bool) string { return dest })
		if !bytes.Equal(got, src) {
			t.Errorf("Links with the identity = %q, want %q", got, src)
		}
	})
}
