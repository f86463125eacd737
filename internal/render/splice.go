package render

import (
	"bytes"
	"strconv"

	"github.com/quire-docs/quire/internal/markdown"
)

// splice returns md, a body whose shortcodes are expanded, with each
// markdown.Placeholder(i) replaced by html[i]: the markdown a reader of
// the source would write to get the same page. A placeholder whose
// number is out of range is kept as written.
func splice(md []byte, html [][]byte) []byte {
	const prefix = markdown.PlaceholderPrefix
	if len(html) == 0 || !bytes.Contains(md, []byte(prefix)) {
		return md
	}
	var out bytes.Buffer
	out.Grow(len(md))
	for {
		i := bytes.Index(md, []byte(prefix))
		if i < 0 {
			break
		}
		out.Write(md[:i])
		rest := md[i+len(prefix):]
		n := 0
		for n < len(rest) && rest[n] >= '0' && rest[n] <= '9' {
			n++
		}
		k, err := strconv.Atoi(string(rest[:n]))
		if n == 0 || err != nil || k >= len(html) || n >= len(rest) || rest[n] != '^' || markdown.Placeholder(k) != string(md[i:i+len(prefix)+n+1]) {
			out.WriteString(prefix)
			md = rest
			continue
		}
		out.Write(html[k])
		md = rest[n+1:]
	}
	out.Write(md)
	return out.Bytes()
}
