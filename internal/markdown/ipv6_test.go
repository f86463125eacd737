package markdown

import (
	"strings"
	"testing"
)

// TestIPv6LinkHosts: the brackets of an IPv6 literal host stay as written
// in links, autolinks and images; everything else is escaped as goldmark
// escapes it.
func TestIPv6LinkHosts(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, src, want string
	}{
		{"InlineLink", "[x](http://[::1]:8080/a)", `<a href="http://[::1]:8080/a">x</a>`},
		{"LinkWithTitle", `[x](https://[2001:db8::1]/a "T")`, `<a href="https://[2001:db8::1]/a" title="T">x</a>`},
		{"UserInfo", "[x](http://me@[::1]/)", `<a href="http://me@[::1]/">x</a>`},
		{"AutoLink", "<http://[::1]:8080/auto>", `<a href="http://[::1]:8080/auto">http://[::1]:8080/auto</a>`},
		{"Image", "![pic](http://[::1]/p.png)", `<img src="http://[::1]/p.png" alt="pic">`},
		{"BracketsInPathStayEscaped", "[x](http://[::1]/a[1])", `<a href="http://[::1]/a%5B1%5D">x</a>`},
		{"OtherHostsUnchanged", "[x](<https://example.org/a[1] b>)", `<a href="https://example.org/a%5B1%5D%20b">`},
		{"RelativeUnchanged", "[x](a[1].md)", `<a href="a%5B1%5D.md">x</a>`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, err := New(Options{}).Render([]byte(tc.src))
			if err != nil {
				t.Fatal(err)
			}
			if got := string(res.HTML); !strings.Contains(got, tc.want) {
				t.Errorf("Render(%q) = %q, want it to contain %q", tc.src, got, tc.want)
			}
		})
	}
}
