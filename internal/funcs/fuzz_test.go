package funcs

import (
	"html/template"
	"io/fs"
	"strings"
	"testing"
	"time"
)

// FuzzWhere: where's operator and key path parsing, and the filter over a
// fixed collection, never panic.
func FuzzWhere(f *testing.F) {
	for _, s := range []struct{ key, op string }{
		{"Params.color", "="}, {".Title", "not in"}, {"Weight", ">="}, {"Params..x", "like"},
		{"", "in"}, {"a.b.c.d", "intersect"}, {"LinkTitle", " NOT  IN "}, {"Params.tags", "~"},
	} {
		f.Add(s.key, s.op, "go")
	}
	pages := fixture()["Pages"]
	books := fixture()["Books"]
	f.Fuzz(func(t *testing.T, key, op, match string) {
		if _, err := parseWhereOp(op); err == nil && strings.TrimSpace(op) == "" {
			t.Fatalf("parseWhereOp(%q) accepted an empty operator", op)
		}
		if parts, err := splitKeyPath(key); err == nil {
			for _, p := range parts {
				if p == "" {
					t.Fatalf("splitKeyPath(%q) = %q: an empty part", key, parts)
				}
			}
		}
		for _, c := range []any{pages, books, fixture()["Map"], nil, "str", 3} {
			_, _ = Collections{}.Where(c, key, op, match)
			_, _ = Collections{}.Where(c, key, match)
			_, _ = Collections{}.Sort(c, key, op)
		}
	})
}

// FuzzFindUndefined: the scan of a template's function calls never panics
// and, when it names functions, gives a position inside the text.
func FuzzFindUndefined(f *testing.F) {
	for _, s := range []string{
		`{{ where .Pages "a" 1 }}`, "x\n{{ nope 1 | also }}", `{{ define "a" }}{{ strings.Nope }}{{ end }}`,
		`{{ if x }}{{ else if y }}{{ end }}`, `{{ range $i, $e := z }}{{ break }}{{ end }}`, `{{/* c */}}{{ template "t" q }}`,
	} {
		f.Add(s)
	}
	fm := New(Options{})
	f.Fuzz(func(t *testing.T, text string) {
		u := FindUndefined(text, fm)
		if u == nil {
			return
		}
		if len(u.Names) == 0 || u.Line < 1 || u.Col < 1 || u.Line > strings.Count(text, "\n")+1 {
			t.Fatalf("FindUndefined(%q) = %+v", text, u)
		}
	})
}

// FuzzAsTime: date parsing and formatting with any layout never panic.
func FuzzAsTime(f *testing.F) {
	for _, s := range []string{"2024-03-09", "2024-03-09T10:00:00-05:00", "Jan 2, 2006", "", "yesterday"} {
		f.Add(s, ":date_long")
	}
	f.Add("2024-03-09", "Monday 2006 _2 .000 MST")
	tm := Time{now: time.Unix(0, 0)}
	f.Fuzz(func(t *testing.T, s, layout string) {
		if d, err := tm.AsTime(s); err == nil {
			_ = d
		}
		_, _ = tm.Format(layout, s)
	})
}

// FuzzTruncate: truncating any HTML never panics, and the text it keeps
// is a prefix of the input's text.
func FuzzTruncate(f *testing.F) {
	for _, s := range []string{"With a Lot of Love", "<em>Keep my HTML</em>", "<a href='x'>a &amp; b</a> c", "<<>>&;", "<br/><p>x"} {
		f.Add(s, 5)
	}
	f.Fuzz(func(t *testing.T, s string, n int) {
		if n < 0 || n > 1000 {
			return
		}
		_, _ = Strings{}.Truncate(n, s)
		out, err := Strings{}.Truncate(n, "", template.HTML(s))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(s, strings.TrimRight(cutClosers(string(out)), " ")) && len(out) <= len(s) {
			// Closing tags are appended; what is before them comes from s.
			t.Fatalf("Truncate(%d, %q) = %q", n, s, out)
		}
	})
}

// cutClosers drops the closing tags truncate appends.
func cutClosers(s string) string {
	for strings.HasSuffix(s, ">") {
		i := strings.LastIndex(s, "</")
		if i < 0 {
			break
		}
		s = s[:i]
	}
	return s
}

// FuzzCleanSitePath: a path readFile accepts is valid and inside the root.
func FuzzCleanSitePath(f *testing.F) {
	for _, s := range []string{"data/a.txt", "/a", "../x", "a/../../x", `a\..\x`, "//host/x", ".", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := cleanSitePath("readFile", s)
		if err != nil {
			return
		}
		if !fs.ValidPath(p) || p == ".." || strings.HasPrefix(p, "../") {
			t.Fatalf("cleanSitePath(%q) = %q", s, p)
		}
	})
}

// FuzzUnmarshal: guessing the format of and decoding any text (as
// transform.Unmarshal and data files do) never panics.
func FuzzUnmarshal(f *testing.F) {
	for _, s := range []string{`{"a": [1, 2]}`, "a = 1\n[b]\nc = 'x'", "a: 1\nb: [x, y]", "a,b\n1,2", "- x\n- y", "---\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		_, _ = Transform{}.Unmarshal(s)
		for _, decode := range dataDecoders {
			if _, err := decode([]byte(s)); err != nil {
				if fe := fileError("f", []byte(s), err); fe.Line < 0 || fe.Col < 0 {
					t.Fatalf("fileError(%q) = %+v", s, fe)
				}
			}
		}
		_, _ = Transform{}.Plainify(s)
	})
}

// FuzzCollections: seq, first, last, after, substr, index and math never
// panic, whatever the numbers.
func FuzzCollections(f *testing.F) {
	f.Add(1, 2, 3)
	f.Add(-3, 0, 1<<62)
	f.Add(-1<<63, 1, 1<<63-1)
	f.Fuzz(func(t *testing.T, a, b, c int) {
		c3 := Collections{}
		if s, err := c3.Seq(a, b, c); err == nil && len(s) > maxSeq {
			t.Fatalf("seq %d %d %d: %d numbers", a, b, c, len(s))
		}
		_, _ = c3.Seq(a)
		_, _ = c3.Seq(a, b)
		list := []any{1, "two", 3.0}
		_, _ = c3.First(a, list)
		_, _ = c3.Last(b, list)
		_, _ = c3.After(c, list)
		_, _ = c3.Index(list, a)
		_, _ = c3.Index(map[int]string{1: "x"}, a)
		_, _ = Strings{}.Substr("héllo wörld", a, b)
		_, _ = Strings{}.SliceString("héllo", a, b)
		for _, op := range []func(...any) (any, error){Math{}.Add, Math{}.Sub, Math{}.Mul, Math{}.Div} {
			_, _ = op(a, b, c)
			_, _ = op(float64(a), b)
		}
		_, _ = Math{}.Mod(a, b)
	})
}
