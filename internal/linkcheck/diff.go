package linkcheck

import (
	"bytes"
	"fmt"
)

// diffContext is the number of unchanged lines a hunk shows around a
// change, as diff -u does.
const diffContext = 3

// UnifiedDiff returns the unified diff (diff -u, with git's a/ and b/
// prefixes so that `git apply` takes it in the site root) that turns old
// into new, the file name, "" when they are equal. Lines keep their
// endings (a CRLF file's lines end in "\r\n"); a last line without one
// is marked "\ No newline at end of file".
//
// When old and new have as many lines, as Fix makes them (it changes
// bytes within lines), line i of old is paired with line i of new and
// only the lines that differ are changed: the diff is the smallest.
// Otherwise everything between the common first and last lines is one
// change: a right diff, not always the smallest.
func UnifiedDiff(name string, old, new []byte) string {
	a, b := splitLines(old), splitLines(new)
	changes := diffBlocks(a, b)
	if len(changes) == 0 {
		return ""
	}
	var w bytes.Buffer
	fmt.Fprintf(&w, "--- a/%s\n+++ b/%s\n", name, name)
	for len(changes) > 0 {
		// A hunk takes the changes whose gaps are at most two contexts.
		n := 1
		for n < len(changes) && changes[n].a-(changes[n-1].a+changes[n-1].del) <= 2*diffContext {
			n++
		}
		first, last := changes[0], changes[n-1]
		ai := max(first.a-diffContext, 0)
		bi := first.b - (first.a - ai)
		aEnd := min(last.a+last.del+diffContext, len(a))
		bEnd := last.b + last.ins + (aEnd - (last.a + last.del))
		fmt.Fprintf(&w, "@@ -%s +%s @@\n", hunkRange(ai, aEnd-ai), hunkRange(bi, bEnd-bi))
		at := ai
		for _, c := range changes[:n] {
			writeLines(&w, ' ', a[at:c.a])
			writeLines(&w, '-', a[c.a:c.a+c.del])
			writeLines(&w, '+', b[c.b:c.b+c.ins])
			at = c.a + c.del
		}
		writeLines(&w, ' ', a[at:aEnd])
		changes = changes[n:]
	}
	return w.String()
}

// change replaces del lines of a at a[a] by ins lines of b at b[b].
type change struct{ a, b, del, ins int }

func diffBlocks(a, b [][]byte) []change {
	var out []change
	if len(a) == len(b) {
		for i := 0; i < len(a); i++ {
			if bytes.Equal(a[i], b[i]) {
				continue
			}
			j := i
			for j < len(a) && !bytes.Equal(a[j], b[j]) {
				j++
			}
			out = append(out, change{a: i, b: i, del: j - i, ins: j - i})
			i = j
		}
		return out
	}
	p := 0
	for p < len(a) && p < len(b) && bytes.Equal(a[p], b[p]) {
		p++
	}
	s := 0
	for s < len(a)-p && s < len(b)-p && bytes.Equal(a[len(a)-1-s], b[len(b)-1-s]) {
		s++
	}
	return []change{{a: p, b: p, del: len(a) - s - p, ins: len(b) - s - p}}
}

// hunkRange is a hunk header's "start,length", 1-based; an empty range
// starts at the line before it.
func hunkRange(start, n int) string {
	if n == 0 {
		return fmt.Sprintf("%d,0", start)
	}
	return fmt.Sprintf("%d,%d", start+1, n)
}

func writeLines(w *bytes.Buffer, prefix byte, lines [][]byte) {
	for _, l := range lines {
		w.WriteByte(prefix)
		w.Write(l)
		if !bytes.HasSuffix(l, []byte("\n")) {
			w.WriteString("\n\\ No newline at end of file\n")
		}
	}
}

// splitLines splits b after each '\n'; the last line may have none.
func splitLines(b []byte) [][]byte {
	var out [][]byte
	for len(b) > 0 {
		i := bytes.IndexByte(b, '\n') + 1
		if i == 0 {
			i = len(b)
		}
		out = append(out, b[:i])
		b = b[i:]
	}
	return out
}
