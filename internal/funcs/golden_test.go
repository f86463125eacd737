package funcs

import (
	"bufio"
	"flag"
	"html/template"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

var update = flag.Bool("update", false, "rewrite the expected results in testdata/*.txt")

// page stands in for a page in where and sort cases: fields, a method and
// Params.
type page struct {
	Title  string
	Weight int
	Params map[string]any
}

func (p *page) LinkTitle() string { return strings.ToLower(p.Title) }

// fixture is the data golden cases see as ".".
func fixture() map[string]any {
	return map[string]any{
		"Pages": []*page{
			{Title: "Alpha", Weight: 30, Params: map[string]any{"tags": []any{"go", "web"}, "rating": 4.5, "color": "red"}},
			{Title: "Beta", Weight: 10, Params: map[string]any{"tags": []any{"rust"}, "rating": 3, "featured": true}},
			{Title: "Gamma", Weight: 20, Params: map[string]any{"tags": []any{"go"}, "rating": 5, "color": "blue"}},
		},
		"Books": []map[string]any{
			{"title": "Book 1", "author": "Victor", "year": 1939},
			{"title": "Book 2", "author": "Alice", "year": 1962},
			{"title": "Book 3", "author": "Alice", "year": 1925},
		},
		"Map": map[string]any{"b": 2, "a": 1, "c": 3},
		"Authors": map[string]any{
			"a": map[string]any{"firstName": "Marius", "lastName": "Pontmercy"},
			"b": map[string]any{"firstName": "Victor", "lastName": "Hugo"},
			"c": map[string]any{"firstName": "Jean", "lastName": "Valjean"},
		},
		"Posts": []*page{
			{Title: "Post 1", Params: map[string]any{"exclude": false, "code": "123"}},
			{Title: "Post 2", Params: map[string]any{"exclude": true, "code": 123}},
			{Title: "Post 3", Params: map[string]any{}},
		},
		"Date": time.Date(2024, 3, 9, 14, 5, 7, 0, time.UTC),
	}
}

// testFuncs are the functions golden cases run with.
func testFuncs(warn func(string)) template.FuncMap {
	return New(Options{
		BaseURL:     "https://example.org/docs/",
		Now:         time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC),
		Warn:        warn,
		Files:       fstest.MapFS{"data/hello.txt": {Data: []byte("Hello, file.\n")}},
		Getenv:      func(n string) string { return "value of " + n },
		GetenvAllow: mustRegexps(`^HUGO_`),
	})
}

// TestGolden runs every case of testdata/*.txt: lines "TEMPLATE → WANT",
// Hugo's documentation's notation, executed by html/template with
// fixture() as data. WANT "error: TEXT" expects an error containing TEXT.
// Lines starting with # and blank lines are kept as they are.
func TestGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no golden files: %v", err)
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txt"), func(t *testing.T) {
			t.Parallel()
			b, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			var out strings.Builder
			sc := bufio.NewScanner(strings.NewReader(string(b)))
			n := 0
			for sc.Scan() {
				n++
				line := sc.Text()
				tmpl, want, ok := strings.Cut(line, " → ")
				if strings.HasPrefix(line, "#") || strings.TrimSpace(line) == "" || !ok {
					if !strings.HasPrefix(line, "#") && strings.TrimSpace(line) != "" {
						t.Errorf("%s:%d: want TEMPLATE → WANT, got %q", file, n, line)
					}
					out.WriteString(line + "\n")
					continue
				}
				got := run(tmpl)
				if *update {
					out.WriteString(tmpl + " → " + got + "\n")
					continue
				}
				out.WriteString(line + "\n")
				if strings.HasPrefix(want, "error: ") {
					if !strings.HasPrefix(got, "error: ") || !strings.Contains(got, strings.TrimPrefix(want, "error: ")) {
						t.Errorf("%s:%d: %s = %q, want an error containing %q", file, n, tmpl, got, strings.TrimPrefix(want, "error: "))
					}
					continue
				}
				if got != want {
					t.Errorf("%s:%d: %s = %q, want %q", file, n, tmpl, got, want)
				}
			}
			if *update {
				if err := os.WriteFile(file, []byte(out.String()), 0o644); err != nil {
					t.Fatal(err)
				}
			}
		})
	}
}

// run executes one template case, returning its output or "error: ...".
func run(text string) string {
	tmpl, err := template.New("case").Funcs(testFuncs(nil)).Parse(text)
	if err != nil {
		return "error: " + err.Error()
	}
	var b strings.Builder
	if err := tmpl.Execute(&b, fixture()); err != nil {
		return "error: " + err.Error()
	}
	return b.String()
}
