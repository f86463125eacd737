package linkcheck

import (
	"bytes"
	"html"
	"io"
	"net/url"
	"strings"
)

// A soft 404 is a missing page that its host answers with 200 and a
// "not found" page instead of 404: the link looks ok but is broken. Such
// hosts are named in [linkcheck.hosts."HOST"] soft404; their pages are
// fetched with GET, and a 2xx answer is broken when the page's <title>
// holds a marker (notFoundTitle), or when a redirect took a deeper URL to
// the site root or to a /404 page (notFoundRedirect).

// DefaultSoft404Markers returns the title markers of soft404 = true.
// They are matched case-insensitively, so "not found" covers
// "Page Not Found".
func DefaultSoft404Markers() []string {
	return []string{"not found", "404"}
}

// soft404Markers returns the title markers for u's host, nil when soft
// 404s are not looked for there.
func (c *Checker) soft404Markers(u string) []string {
	r, ok := c.o.Hosts[hostOf(u)]
	if !ok || !r.Soft404 {
		return nil
	}
	if len(r.Soft404Markers) > 0 {
		return r.Soft404Markers
	}
	return DefaultSoft404Markers()
}

// notFoundTitle reports whether title holds one of markers, ignoring case.
func notFoundTitle(title string, markers []string) bool {
	t := strings.ToLower(title)
	for _, m := range markers {
		if m != "" && strings.Contains(t, strings.ToLower(m)) {
			return true
		}
	}
	return false
}

// notFoundRedirect reports whether redirects from first ended at to in a
// way that says first is gone: at the site root when first was not, or
// at a page whose path ends in /404 (/404/, /404.html).
func notFoundRedirect(first, to string) bool {
	f, err1 := url.Parse(first)
	t, err2 := url.Parse(to)
	if err1 != nil || err2 != nil {
		return false
	}
	root := func(p string) bool { return p == "" || p == "/" }
	if root(t.Path) && !root(f.Path) {
		return true
	}
	is404 := func(p string) bool {
		p = strings.TrimSuffix(strings.TrimSuffix(p, "/"), ".html")
		return strings.HasSuffix(p, "/404")
	}
	return is404(t.Path) && !is404(f.Path)
}

// titleChunk is how much readTitle reads at a time; titleMax bounds the
// search (below MaxBody): a title is in the page's head.
const (
	titleChunk = 8 << 10
	titleMax   = 512 << 10
)

// readTitle reads r, up to limit bytes (at most titleMax), until the end of the first
// <title> element, the start of <body> or the end of r. It returns what
// it read (to be read again for anchors), and the title's text with
// entities decoded and white space collapsed. A read error ends the
// search: the caller reads on and meets it again.
func readTitle(r io.Reader, limit int64) (head []byte, title string, found bool) {
	var low []byte // head in ASCII lower case, index for index
	buf := make([]byte, titleChunk)
	limit = min(limit, titleMax)
	for int64(len(head)) < limit {
		// Whole chunks, so the search runs once per chunk however
		// little each read brings.
		n, err := io.ReadFull(r, buf[:min(int64(len(buf)), limit-int64(len(head)))])
		head = append(head, buf[:n]...)
		low = append(low, asciiLower(buf[:n])...)
		if t, ok, done := titleIn(head, low); done {
			return head, t, ok
		}
		if err != nil {
			break
		}
	}
	return head, "", false
}

// titleIn looks for the title in head (low is head lower-cased): done
// when it is complete or when <body> starts before any <title>.
func titleIn(head, low []byte) (title string, found, done bool) {
	i := bytes.Index(low, []byte("<title"))
	if i < 0 {
		return "", false, bytes.Contains(low, []byte("<body"))
	}
	if b := bytes.Index(low, []byte("<body")); b >= 0 && b < i {
		return "", false, true
	}
	gt := bytes.IndexByte(low[i:], '>')
	if gt < 0 {
		return "", false, false
	}
	start := i + gt + 1
	end := bytes.Index(low[start:], []byte("</title"))
	if end < 0 {
		return "", false, false
	}
	t := html.UnescapeString(string(head[start : start+end]))
	return strings.Join(strings.Fields(t), " "), true, true
}

func asciiLower(b []byte) []byte {
	out := make([]byte, len(b))
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		out[i] = c
	}
	return out
}
