package minify

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

func TestFile(t *testing.T) {
	t.Parallel()
	m := New()
	tests := []struct {
		name, path, in string
		want           []string // substrings the output must hold
		notWant        []string // substrings it must not hold
	}{
		{
			name: "HTMLKeepsDocumentAndEndTags",
			path: "index.html",
			in: "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n  <meta charset=\"utf-8\">\n  <title>T</title>\n" +
				"  <link rel=\"stylesheet\" href=\"/css/site.abc.css\" integrity=\"sha256-AbC+/=\" crossorigin=\"anonymous\">\n" +
				"</head>\n<body>\n  <p>One   two</p>\n  <ul><li>a</li>\n<li>b</li></ul>\n<!-- gone -->\n</body>\n</html>\n",
			want: []string{`<html lang="en">`, "<head>", "</head>", "<body>", "</body>", "</html>", "</li>", "</p>",
				`integrity="sha256-AbC+/="`, `href="/css/site.abc.css"`, `crossorigin="anonymous"`, "One two"},
			notWant: []string{"gone", "\n  "},
		},
		{
			name:    "HTMLMinifiesInlineStyle",
			path:    "a/b.HTM",
			in:      "<!doctype html><html lang=\"de\"><head><style>\n body {  color : red ; }\n</style></head><body></body></html>",
			want:    []string{"body{color:red}", `lang="de"`},
			notWant: []string{"color : red"},
		},
		{
			name:    "CSS",
			path:    "css/site.css",
			in:      "/* c */\nbody {\n  margin: 0px;\n  color: #ffffff;\n}\n",
			want:    []string{"body{margin:0;color:#fff}"},
			notWant: []string{"/* c */"},
		},
		{
			name:    "JS",
			path:    "js/site.js",
			in:      "// comment\nfunction add(a, b) {\n  return a + b;\n}\nconsole.log(add(1, 2));\n",
			want:    []string{"console.log("},
			notWant: []string{"// comment", "\n  return"},
		},
		{
			name: "JSON",
			path: "index.json",
			in:   "{\n  \"a\": [1, 2, 3],\n  \"b\": \"x y\"\n}\n",
			want: []string{`{"a":[1,2,3],"b":"x y"}`},
		},
		{
			name:    "SVG",
			path:    "img/logo.svg",
			in:      "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\">\n  <!-- c -->\n  <rect x=\"0\" y=\"0\" width=\"10\" height=\"10\"/>\n</svg>\n",
			want:    []string{"<svg", "viewBox"},
			notWant: []string{"<!-- c -->", "\n  "},
		},
		{
			name:    "XML",
			path:    "sitemap.xml",
			in:      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset>\n  <url>\n    <loc>https://e.com/</loc>\n  </url>\n</urlset>\n",
			want:    []string{"<urlset><url><loc>https://e.com/</loc></url></urlset>"},
			notWant: []string{"\n  "},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, err := m.File(tt.path, []byte(tt.in))
			if err != nil {
				t.Fatalf("File(%q) error: %v", tt.path, err)
			}
			if len(got) >= len(tt.in) {
				t.Errorf("File(%q) = %d bytes, want fewer than %d", tt.path, len(got), len(tt.in))
			}
			for _, w := range tt.want {
				if !strings.Contains(string(got), w) {
					t.Errorf("File(%q) = %q, want it to contain %q", tt.path, got, w)
				}
			}
			for _, nw := range tt.notWant {
				if strings.Contains(string(got), nw) {
					t.Errorf("File(%q) = %q, want no %q", tt.path, got, nw)
				}
			}
			again, _ := m.File(tt.path, []byte(tt.in))
			if !bytes.Equal(got, again) {
				t.Errorf("File(%q) not deterministic: %q then %q", tt.path, got, again)
			}
		})
	}
}

func TestFileUnknownExtensionUnchanged(t *testing.T) {
	t.Parallel()
	m := New()
	for _, p := range []string{"img/a.png", "robots.txt", "README", "font.woff2", "x.css.map"} {
		in := []byte("  keep \n\n  me  ")
		got, err := m.File(p, in)
		if err != nil || !bytes.Equal(got, in) {
			t.Errorf("File(%q) = %q, %v, want input unchanged", p, got, err)
		}
	}
}

func TestMediaType(t *testing.T) {
	t.Parallel()
	tests := map[string]string{
		"a.html": "text/html", "A.CSS": "text/css", "a.js": "application/javascript",
		"a.json": "application/json", "a.svg": "image/svg+xml", "a.xml": "text/xml", "a.txt": "",
	}
	for p, want := range tests {
		if got := MediaType(p); got != want {
			t.Errorf("MediaType(%q) = %q, want %q", p, got, want)
		}
	}
}

func FuzzFile(f *testing.F) {
	for _, p := range []string{"a.html", "a.css", "a.js", "a.json", "a.svg", "a.xml"} {
		f.Add(p, []byte("<!doctype html><html lang=en><p>x</p>{\"a\":1} body{color:red} var a = 1;"))
	}
	m := New()
	f.Fuzz(func(t *testing.T, p string, data []byte) {
		_, _ = m.File(p, data) // must not panic; errors are fine
	})
}

func TestPosition(t *testing.T) {
	t.Parallel()
	m := New()
	tests := []struct {
		name, path, in string
		line, col      int
		msg            string
		ok             bool
	}{
		{name: "JSSyntaxErrorOnSecondLine", path: "js/bad.js", in: "var a = 1;\nfunction (\n",
			line: 2, col: 10, msg: "expected Identifier instead of ( in function declaration", ok: true},
		{name: "JSColumnCountsRunes", path: "a.js", in: "var é = `x", line: 1, col: 9, msg: "unterminated template literal in expression", ok: true},
		{name: "ValidInputHasNoError", path: "a.js", in: "var a = 1;"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := m.File(tt.path, []byte(tt.in))
			line, col, msg, ok := Position(err)
			if line != tt.line || col != tt.col || msg != tt.msg || ok != tt.ok {
				t.Errorf("Position(File(%q)) = %d, %d, %q, %v, want %d, %d, %q, %v (error %v)",
					tt.path, line, col, msg, ok, tt.line, tt.col, tt.msg, tt.ok, err)
			}
			if strings.Contains(msg, "\n") {
				t.Errorf("Position message %q holds the caret block", msg)
			}
		})
	}
	t.Run("OtherErrorHasNoPosition", func(t *testing.T) {
		t.Parallel()
		if line, col, msg, ok := Position(errors.New("boom")); ok || line != 0 || col != 0 || msg != "" {
			t.Errorf("Position(plain error) = %d, %d, %q, %v, want no position", line, col, msg, ok)
		}
	})
}
