package themetest

import (
	"context"
	"encoding/json"
	"net/url"
	"os"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/quire-docs/quire/internal/search"
)

// fragment is one page's fragment of the search index.
type fragment struct {
	U, T string
	S    [][3]string // id, heading, text
}

// fragments reads every page's fragment of the docs' search index, in
// index order.
func fragments(t *testing.T, d *docs) []fragment {
	t.Helper()
	var m struct{ Tables []string }
	if err := json.Unmarshal(d.files["search-index.json"], &m); err != nil {
		t.Fatalf("search-index.json: %v", err)
	}
	var out []fragment
	for _, h := range m.Tables {
		var table []string
		if err := json.Unmarshal(d.files[search.Dir+"p-"+h+".json"], &table); err != nil {
			t.Fatalf("page table %s: %v", h, err)
		}
		for _, name := range table {
			var f fragment
			if err := json.Unmarshal(d.files[search.Dir+"f-"+name+".json"], &f); err != nil {
				t.Fatalf("fragment %s: %v", name, err)
			}
			out = append(out, f)
		}
	}
	return out
}

// typeQuery opens search with the "/" key and types q.
func typeQuery(ctx context.Context, q string) error {
	return chromedp.Do(ctx,
		chromedp.KeyEvent("/"),
		chromedp.WaitVisible(chromedp.CSS("#quire-search-input")),
		// The protocol sends "/" as a key press and then as a character
		// of its own, which the focused box takes; a real key press does
		// not get there, as the script cancels it.
		chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
			_, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.getElementById("quire-search").open && ((document.getElementById("quire-search-input").value = ""), true)`))
			return err
		}),
		chromedp.SendKeys(chromedp.CSS("#quire-search-input"), q),
		chromedp.WaitVisible(chromedp.CSS("#quire-search-results a")),
	)
}

// TestSearchFindsBodyWord picks a word whose index term is in the body of
// exactly one section of the docs (so a heading anchor is the only right
// answer), types it into the search box opened with "/", and expects the
// first result to link to that page and heading, with a text fragment
// that highlights the word there, and to mark the word.
func TestSearchFindsBodyWord(t *testing.T) {
	d := buildDocs(t)
	word, want := rareWord(t, fragments(t, d))
	srv := serve(t, d)
	ctx := open(t, view{1280, 800, "light"})
	visit(t, ctx, srv.URL+"/")
	if err := typeQuery(ctx, word); err != nil {
		t.Fatalf("searching for %q: %v", word, err)
	}
	screenshot(t, ctx, "search-"+word)
	href := eval[string](t, ctx, `document.querySelector("#quire-search-results a").getAttribute("href")`)
	if page, directive, _ := strings.Cut(href, ":~:"); page != want || !strings.EqualFold(directive, "text="+word) {
		t.Errorf("first result for %q links to %q, want %q with the text directive text=%s", word, href, want, word)
	}
	marked := eval[string](t, ctx, `document.querySelector("#quire-search-results a mark").textContent`)
	if !strings.EqualFold(marked, word) {
		t.Errorf("first result marks %q, want %q", marked, word)
	}

	// Enter follows the first result.
	if err := chromedp.Do(ctx, chromedp.KeyEvent("\r")); err != nil {
		t.Fatal(err)
	}
	loc := eval[string](t, ctx, `new Promise(r => { const f = () => location.pathname === "/" ? setTimeout(f, 20) : r(location.pathname + location.hash); f(); })`)
	if loc != want {
		t.Errorf("Enter in the search box went to %q, want %q", loc, want)
	}
}

// rareWord returns a word of at least six letters whose index term is in
// the text of one section only (and in no title or heading), with that
// section's URL.
func rareWord(t *testing.T, frags []fragment) (word, href string) {
	t.Helper()
	enc := search.NewEncoder("en")
	count := map[string]int{}
	where := map[string]string{}
	for _, f := range frags {
		for i, s := range f.S {
			seen := map[string]bool{}
			head := s[1]
			if i == 0 {
				head = f.T
			}
			for _, term := range enc.Terms(head) {
				count[term] += 2 // a word in a title is never the rare one
			}
			for _, term := range enc.Terms(s[2]) {
				if !seen[term] {
					seen[term] = true
					count[term]++
					where[term] = f.U + "#" + url.PathEscape(s[0])
				}
			}
		}
	}
	for _, f := range frags { // index order: deterministic
		for _, s := range f.S {
			if s[0] == "" {
				continue
			}
			for _, w := range words(s[2]) {
				if terms := enc.Terms(w); len(w) >= 6 && len(terms) == 1 && count[terms[0]] == 1 {
					return w, where[terms[0]]
				}
			}
		}
	}
	t.Fatal("no word's term occurs in exactly one section")
	return "", ""
}

// words splits s into lower-case words of ASCII letters only.
func words(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) || r > unicode.MaxASCII })
}

// TestSearchKeyboard: Ctrl+K opens search, the arrows move through the
// results and back to the box, Escape closes the dialog at once (though
// the box holds text), and the header's button opens it again. Only the
// parts of the index the query needs are fetched.
func TestSearchKeyboard(t *testing.T) {
	d := buildDocs(t)
	srv := serve(t, d)
	ctx := open(t, view{1280, 800, "light"})
	visit(t, ctx, srv.URL+"/docs/")
	err := chromedp.Do(ctx,
		chromedp.KeyEvent("k", chromedp.KeyModifiers(chromedp.ModifierCtrl)),
		chromedp.WaitVisible(chromedp.CSS("#quire-search-input")),
		// Pasted: the whole query in one input event.
		chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
			_, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`(i => { i.value = "draft"; return i.dispatchEvent(new Event("input")); })(document.getElementById("quire-search-input"))`))
			return err
		}),
		chromedp.WaitVisible(chromedp.CSS("#quire-search-results a")),
	)
	if err != nil {
		t.Fatalf("Ctrl+K and a query: %v", err)
	}
	focused := func() string {
		return eval[string](t, ctx, `(() => { const a = document.activeElement, l = [...document.querySelectorAll("#quire-search-results a[href]")]; return a.id || "result " + l.indexOf(a); })()`)
	}
	for _, step := range []struct{ key, want string }{
		{kb.ArrowDown, "result 0"}, {kb.ArrowDown, "result 1"}, {kb.ArrowUp, "result 0"}, {kb.ArrowUp, "quire-search-input"},
	} {
		if err := chromedp.Do(ctx, chromedp.KeyEvent(step.key)); err != nil {
			t.Fatal(err)
		}
		if got := focused(); got != step.want {
			t.Errorf("after %q the focus is on %s, want %s", step.key, got, step.want)
		}
	}
	status := eval[string](t, ctx, `document.querySelector("#quire-search .search-status").textContent`)
	if !strings.Contains(status, "page") {
		t.Errorf("status %q does not count the pages found", status)
	}
	fetched := eval[[]string](t, ctx, `performance.getEntriesByType("resource").map(e => new URL(e.name).pathname).filter(p => p.includes("search"))`)
	frags := 0
	for _, p := range fetched {
		if strings.Contains(p, "/f-") {
			frags++
		}
	}
	if frags == 0 || frags > 10 {
		t.Errorf("search fetched %d page fragments, want 1 to 10 (the results shown): %q", frags, fetched)
	}
	if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.Escape)); err != nil {
		t.Fatal(err)
	}
	if eval[bool](t, ctx, `document.getElementById("quire-search").open`) {
		t.Error("Escape with text in the box left the dialog open")
	}
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS("[data-quire-search]")), chromedp.WaitVisible(chromedp.CSS("#quire-search-input"))); err != nil {
		t.Errorf("the header's search button: %v", err)
	}
}

// TestSearchMarkContrast: marked words in the results pass axe-core's
// colour contrast check in both colour schemes.
func TestSearchMarkContrast(t *testing.T) {
	axe, err := os.ReadFile(tool(t, "axe-core/axe.min.js"))
	if err != nil {
		t.Fatal(err)
	}
	d := buildDocs(t)
	srv := serve(t, d)
	for _, scheme := range []string{"light", "dark"} {
		ctx := open(t, view{1280, 800, scheme})
		visit(t, ctx, srv.URL+"/")
		if err := typeQuery(ctx, "page"); err != nil {
			t.Fatal(err)
		}
		if err := chromedp.Do(ctx, chromedp.WaitVisible(chromedp.CSS("#quire-search-results mark"))); err != nil {
			t.Fatal(err)
		}
		screenshot(t, ctx, "search-marks-"+scheme)
		if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](string(axe)+";true")); err != nil {
			t.Fatalf("injecting axe-core: %v", err)
		}
		report := eval[string](t, ctx, `axe.run(document.getElementById("quire-search"), {runOnly: ["color-contrast"], resultTypes: ["violations"]}).then(r =>
			r.violations.flatMap(v => v.nodes.map(n => n.target.join(" ") + ": " + n.failureSummary.replace(/\n/g, " "))).join("\n"))`)
		if report != "" {
			t.Errorf("%s: colour contrast in the search results:\n%s", scheme, report)
		}
	}
}

// TestSearchMoreResults: a query found on many pages shows the best five,
// and the More results button shows ten more, in rank order after them.
func TestSearchMoreResults(t *testing.T) {
	d := buildDocs(t)
	srv := serve(t, d)
	ctx := open(t, view{1280, 800, "light"})
	visit(t, ctx, srv.URL+"/")
	if err := typeQuery(ctx, "page"); err != nil {
		t.Fatal(err)
	}
	pages := `[...document.querySelectorAll("#quire-search-results > li > a[href]")].map(a => a.getAttribute("href"))`
	first := eval[[]string](t, ctx, pages)
	if len(first) != 5 {
		t.Fatalf("%d results shown at first, want 5", len(first))
	}
	err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS("#quire-search .search-more")),
		chromedp.WaitVisible(chromedp.CSS("#quire-search-results > li:nth-child(6)")))
	if err != nil {
		t.Fatalf("More results: %v", err)
	}
	all := eval[[]string](t, ctx, pages)
	if len(all) <= 5 || len(all) > 15 || !slices.Equal(all[:5], first) {
		t.Errorf("after More results: %q, want up to 15 starting with %q", all, first)
	}
}
