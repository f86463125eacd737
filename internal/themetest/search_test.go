package themetest

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/quire-docs/quire/internal/search"
)

// searchJS is the theme's search script.
var searchJS = filepath.Join(repoRoot, "internal", "layout", "theme", "assets", "js", "search.js")

// nodePath returns the path of node; without it the test is skipped, or
// fails under CI.
func nodePath(t *testing.T) string {
	t.Helper()
	p, err := exec.LookPath("node")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("node not found; the search tests run the theme's script in it")
		}
		t.Skip("node not found; set CI to make this a failure")
	}
	return p
}

// node runs script with args in node, stdin as its input, and returns
// its output.
func node(t *testing.T, stdin string, args ...string) []byte {
	t.Helper()
	cmd := exec.Command(nodePath(t), args...)
	cmd.Stdin = strings.NewReader(stdin)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("node %s: %v\n%s", strings.Join(args, " "), err, stderr.Bytes())
	}
	return out
}

// writeDocs writes the built docs to a new directory and returns it.
func writeDocs(t *testing.T, d *docs) string {
	t.Helper()
	dir := t.TempDir()
	for p, data := range d.files {
		f := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(f), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(f, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestSearchQuality runs the queries of testdata/search-queries.txt, each
// with the page a reader wants, through the theme's search script on this
// repository's docs, and requires the wanted page first for 85% of them
// and a mean reciprocal rank of 0.9.
func TestSearchQuality(t *testing.T) {
	t.Parallel()
	data, err := os.ReadFile(filepath.Join("testdata", "search-queries.txt"))
	if err != nil {
		t.Fatal(err)
	}
	var queries, want []string
	for _, line := range strings.Split(string(data), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		q, page, ok := strings.Cut(line, "\t")
		if !ok {
			t.Fatalf("search-queries.txt: %q has no tab", line)
		}
		queries, want = append(queries, q), append(want, page)
	}
	if len(queries) < 40 {
		t.Fatalf("%d queries, want at least 40", len(queries))
	}
	dir := writeDocs(t, buildDocs(t))
	out := node(t, strings.Join(queries, "\n"), filepath.Join("testdata", "search-run.js"), searchJS, dir)
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(nil, 1<<20)
	top1, mrr := 0, 0.0
	for i := 0; sc.Scan(); i++ {
		var got []string
		if err := json.Unmarshal(sc.Bytes(), &got); err != nil || i >= len(queries) {
			t.Fatalf("output line %d: %q: %v", i+1, sc.Bytes(), err)
		}
		rank := 0
		for j, u := range got {
			if u == want[i] {
				rank = j + 1
				break
			}
		}
		switch {
		case rank == 1:
			top1++
		case rank == 0:
			t.Logf("miss: %q: %s not in the first 10: %v", queries[i], want[i], got)
		default:
			t.Logf("rank %d: %q: %s after %v", rank, queries[i], want[i], got[:rank-1])
		}
		if rank > 0 {
			mrr += 1 / float64(rank)
		}
	}
	n := float64(len(queries))
	t.Logf("%d queries: top-1 %.1f%% (%d), MRR %.3f", len(queries), 100*float64(top1)/n, top1, mrr/n)
	if float64(top1)/n < 0.85 || mrr/n < 0.9 {
		t.Errorf("top-1 %.1f%%, MRR %.3f: want at least 85%% and 0.9", 100*float64(top1)/n, mrr/n)
	}
}

// TestSearchScriptTerms: the theme's script turns words into the same
// index terms as the Go side (folding, tokens, stop words and the English
// stemmer), on every word of the docs and some of its own.
func TestSearchScriptTerms(t *testing.T) {
	t.Parallel()
	var text strings.Builder
	for _, dir := range []string{"content/docs", "content/faq", "README.md"} {
		filepath.WalkDir(filepath.Join(repoRoot, dir), func(p string, e os.DirEntry, err error) error {
			if err == nil && !e.IsDir() && strings.HasSuffix(p, ".md") {
				data, _ := os.ReadFile(p)
				text.Write(data)
				text.WriteByte('\n')
			}
			return nil
		})
	}
	text.WriteString(`Résumé naïve CAFÉ Ångström straße İstanbul ½ v2 日本語のテキスト 한국어 中 generously
		communication arsenal happily hopping hoped dying lying skies news innings proceeding succeeded
		fulness hopefulness callousness conditional rational electricity agreed feed bled sized troubled sky's
		cries ties gas gaps kiwis caresses ponies argue argued argues arguing eed ied ies yay bey
		constructor __proto__ hasOwnProperty toString valueOf prototype`)
	lines := strings.Split(text.String(), "\n")
	enc := search.NewEncoder("en")
	var want strings.Builder
	for _, l := range lines {
		b, _ := json.Marshal(nonNil(enc.Terms(l)))
		want.Write(b)
		want.WriteByte('\n')
	}
	script := `require(process.argv[1]);
const s = globalThis.quireSearch;
const lines = require("fs").readFileSync(0, "utf8").split("\n");
const out = lines.map((l) => { const t = []; s.tokens(s.fold(l), (tok, word) => { const x = word ? s.term(tok, "en") : tok; if (x) t.push(x); }); return JSON.stringify(t); });
process.stdout.write(out.join("\n") + "\n");`
	got := strings.Split(string(node(t, text.String(), "-e", script, searchJS)), "\n")
	for i, w := range strings.Split(want.String(), "\n") {
		if i < len(got) && got[i] != w {
			t.Errorf("line %q:\nscript %s\nGo     %s", lines[i], got[i], w)
		}
	}
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
