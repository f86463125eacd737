// Command search is make bench-search's driver: for each site size it
// generates the corpus, builds it with quire's default theme, indexes the
// same HTML with Pagefind, and measures in headless Chromium what a first
// query and three more cost with each: bytes fetched (gzip bodies, as a
// static host sends text), time to the first results, JS heap, and the
// index's size on disk. It prints one markdown table.
//
//	search -quire BIN -pagefind BIN -work DIR [-sizes 1000,10000] [-chromium PATH]
//
// Everything is served from 127.0.0.1; nothing leaves the machine.
package main

import (
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/heapprofiler"
	cdpruntime "github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/quire-docs/quire/internal/corpus"
	"github.com/quire-docs/quire/internal/outline"
	"github.com/quire-docs/quire/internal/search"
)

// queries are typed one after another on every site: the first is the
// "first query", the others the "next three".
var queries = []string{"certificate rotation", "namespace quota", "backups storage", "restart proxy"}

// verbose is set by -v, before anything else runs.
var verbose bool

func main() {
	quire := flag.String("quire", "", "quire binary")
	pagefind := flag.String("pagefind", "", "pagefind binary (from npm: @pagefind/<platform>/bin)")
	work := flag.String("work", "/tmp/quire-bench-search", "where sites are generated and built")
	sizes := flag.String("sizes", "1000,10000", "page counts")
	chromium := flag.String("chromium", "/usr/bin/chromium", "headless Chromium")
	flag.BoolVar(&verbose, "v", false, "print what each query fetched")
	flag.Parse()
	if *quire == "" || flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "usage: search -quire BIN [-pagefind BIN] -work DIR [-sizes 1000,10000]")
		os.Exit(2)
	}
	var rows []row
	for _, s := range strings.Split(*sizes, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n <= 0 {
			fmt.Fprintf(os.Stderr, "bad size %q\n", s)
			os.Exit(2)
		}
		r, err := measureSize(n, *quire, *pagefind, *work, *chromium)
		if err != nil {
			fmt.Fprintf(os.Stderr, "%d pages: %v\n", n, err)
			os.Exit(1)
		}
		rows = append(rows, r...)
	}
	printTable(rows)
}

// row is one tool's numbers on one site.
type row struct {
	tool          string
	pages         int
	build         time.Duration // the whole quire build, or Pagefind's indexing
	index         time.Duration // quire: encoding and joining the index alone (re-run from its fragments)
	first         int64         // bytes fetched for the first query
	next          []int64       // for each later query
	firstResult   time.Duration
	heap          int64 // JS heap used after the first query, after a GC
	diskFiles     int
	disk, diskGz  int64
	shownFirstQry int // results shown for the first query
}

func measureSize(n int, quire, pagefind, work, chromium string) ([]row, error) {
	dir := filepath.Join(work, strconv.Itoa(n))
	site := filepath.Join(dir, "site")
	if _, err := os.Stat(filepath.Join(site, "config.toml")); err != nil {
		fmt.Fprintf(os.Stderr, "== generating %d pages\n", n)
		if err := os.MkdirAll(site, 0o755); err != nil {
			return nil, err
		}
		if err := corpus.Write(site, corpus.Options{Pages: n, Seed: 1, Port: 8080}); err != nil {
			return nil, err
		}
	}
	public := filepath.Join(dir, "public")
	os.RemoveAll(public)
	fmt.Fprintf(os.Stderr, "== quire build, %d pages\n", n)
	start := time.Now()
	cmd := exec.Command(quire, "build", "--quiet", "--source", site, "--destination", public)
	cmd.Stderr = os.Stderr
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("quire build: %w", err)
	}
	q := row{tool: "quire", pages: n, build: time.Since(start)}
	var err error
	if q.index, err = indexTime(public); err != nil {
		return nil, err
	}
	q.diskFiles, q.disk, q.diskGz = sizeOf(public, func(p string) bool {
		return p == "search-index.json" || strings.HasPrefix(p, search.Dir) || strings.HasPrefix(p, "js/search.")
	})
	rows := []row{q}
	var pf row
	if pagefind != "" {
		fmt.Fprintf(os.Stderr, "== pagefind, %d pages\n", n)
		start = time.Now()
		cmd := exec.Command(pagefind, "--site", public, "--output-subdir", "pagefind")
		cmd.Stdout, cmd.Stderr = nil, os.Stderr
		if err := cmd.Run(); err != nil {
			return nil, fmt.Errorf("pagefind: %w", err)
		}
		pf = row{tool: "pagefind", pages: n, build: time.Since(start)}
		pf.diskFiles, pf.disk, pf.diskGz = sizeOf(public, func(p string) bool { return strings.HasPrefix(p, "pagefind/") })
	}

	var s sent
	srv, addr, err := serve(public, &s)
	if err != nil {
		return nil, err
	}
	defer srv.Close()
	fmt.Fprintf(os.Stderr, "== measuring quire's search in Chromium\n")
	if err := inBrowser(chromium, "http://"+addr+"/", quireJS, &rows[0], &s); err != nil {
		return nil, fmt.Errorf("quire in the browser: %w", err)
	}
	if pagefind != "" {
		fmt.Fprintf(os.Stderr, "== measuring Pagefind in Chromium\n")
		if err := inBrowser(chromium, "http://"+addr+"/", pagefindJS, &pf, &s); err != nil {
			return nil, fmt.Errorf("pagefind in the browser: %w", err)
		}
		rows = append(rows, pf)
	}
	return rows, nil
}

// quireJS runs one query through the theme's search box and resolves to
// the time to its results and the number of results shown. It is called
// with the query.
const quireJS = `async (q, first) => {
  const list = document.querySelector("#quire-search .search-results");
  if (first) document.querySelector("[data-quire-search]").click();
  const input = document.getElementById("quire-search-input");
  const t0 = performance.now();
  const done = new Promise((resolve) => {
    const mo = new MutationObserver(() => {
      if (list.querySelector("a")) { mo.disconnect(); resolve(); }
    });
    mo.observe(list, { childList: true, subtree: true });
  });
  input.value = q;
  input.dispatchEvent(new Event("input"));
  await done;
  return [performance.now() - t0, list.querySelectorAll(":scope > li").length];
}`

// pagefindJS runs one query through Pagefind's JS API, loading the data
// of the first 5 results, as its UI shows at first (and as quire does).
const pagefindJS = `async (q, first) => {
  const t0 = performance.now();
  if (first) { window.pf = await import("/pagefind/pagefind.js"); await window.pf.init(); }
  const r = await window.pf.search(q);
  const data = await Promise.all(r.results.slice(0, 5).map((x) => x.data()));
  return [performance.now() - t0, data.length];
}`

// inBrowser opens base in a new headless Chromium and runs the queries
// with js, filling r's bytes, time and heap.
func inBrowser(chromium, base, js string, r *row, s *sent) error {
	profile, err := os.MkdirTemp("", "bench-search-chromium")
	if err != nil {
		return err
	}
	defer os.RemoveAll(profile)
	opts := []chromedp.ExecAllocatorOption{chromedp.ExecPath(chromium), chromedp.UserDataDir(profile),
		chromedp.NoFirstRun, chromedp.NoDefaultBrowserCheck, chromedp.Headless, chromedp.DisableGPU, chromedp.NoSandbox,
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-extensions", true), chromedp.Flag("disable-dev-shm-usage", true)}
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancel()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	ctx, cancel = context.WithTimeout(ctx, 5*time.Minute)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.Navigate(base), chromedp.WaitReady("body")); err != nil {
		return err
	}
	for i, q := range queries {
		s.take()
		res, err := chromedp.Run(ctx, chromedp.Evaluate[[]float64](fmt.Sprintf("(%s)(%q, %v)", js, q, i == 0), chromedp.EvalAwaitPromise))
		if err != nil {
			return fmt.Errorf("query %q: %w", q, err)
		}
		bytes, paths := s.take()
		if verbose {
			fmt.Fprintf(os.Stderr, "%s %q: %d results in %.0f ms, %d bytes: %q\n", r.tool, q, int(res[1]), res[0], bytes, paths)
		}
		if i > 0 {
			r.next = append(r.next, bytes)
			continue
		}
		r.first, r.firstResult, r.shownFirstQry = bytes, time.Duration(res[0]*float64(time.Millisecond)), int(res[1])
		if _, err := chromedp.Call(ctx, heapprofiler.CollectGarbage, cdp.Empty{}); err != nil {
			return err
		}
		heap, err := chromedp.Call(ctx, cdpruntime.GetHeapUsage, cdp.Empty{})
		if err != nil {
			return err
		}
		r.heap = int64(heap.UsedSize)
	}
	return nil
}

// sizeOf counts the files under dir whose slash paths keep selects, their
// bytes, and their bytes gzip-compressed (files already compressed, as
// Pagefind's are, count as they are).
func sizeOf(dir string, keep func(string) bool) (files int, size, gz int64) {
	filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return nil
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		if !keep(rel) {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return nil
		}
		files++
		size += int64(len(data))
		switch filepath.Ext(p) {
		case ".json", ".js", ".css":
			var c countWriter
			w, _ := gzip.NewWriterLevel(&c, gzip.DefaultCompression)
			w.Write(data)
			w.Close()
			gz += int64(c)
		default:
			gz += int64(len(data))
		}
		return nil
	})
	return files, size, gz
}

type countWriter int64

func (c *countWriter) Write(b []byte) (int, error) { *c += countWriter(len(b)); return len(b), nil }

// indexTime re-runs the search index's own work on the built site, from
// its fragments (the sections a build's outlines give): encoding every
// page, in parallel as a build does, and joining the index.
func indexTime(public string) (time.Duration, error) {
	var m struct{ Tables []string }
	data, err := os.ReadFile(filepath.Join(public, "search-index.json"))
	if err != nil {
		return 0, err
	}
	if err := json.Unmarshal(data, &m); err != nil {
		return 0, err
	}
	var pages []search.Page
	for _, h := range m.Tables {
		var table []string
		data, err := os.ReadFile(filepath.Join(public, search.Dir, "p-"+h+".json"))
		if err != nil {
			return 0, err
		}
		if err := json.Unmarshal(data, &table); err != nil {
			return 0, err
		}
		for _, f := range table {
			var frag struct {
				U, T string
				S    [][3]string
			}
			data, err := os.ReadFile(filepath.Join(public, search.Dir, "f-"+f+".json"))
			if err != nil {
				return 0, err
			}
			if err := json.Unmarshal(data, &frag); err != nil {
				return 0, err
			}
			p := search.Page{URL: frag.U, Title: frag.T}
			for _, s := range frag.S {
				p.Sections = append(p.Sections, sectionOf(s))
			}
			pages = append(pages, p)
		}
	}
	if len(pages) == 0 {
		return 0, errors.New("the search index has no pages")
	}
	start := time.Now()
	enc := search.NewEncoder("en")
	es := make([]search.Entry, len(pages))
	var wg sync.WaitGroup
	next := make(chan int)
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for i := range next {
				es[i] = enc.Encode(pages[i])
			}
		})
	}
	for i := range pages {
		next <- i
	}
	close(next)
	wg.Wait()
	search.Join(es, "en")
	return time.Since(start), nil
}

func printTable(rows []row) {
	kb := func(n int64) string { return fmt.Sprintf("%.0f KB", float64(n)/1024) }
	fmt.Printf("%d cores, %s; queries: %q then %q\n\n", runtime.NumCPU(), time.Now().UTC().Format("2006-01-02"), queries[0], queries[1:])
	fmt.Println("| pages | tool | first query | next three | first results | JS heap | index on disk (gzip), files | build / index time |")
	fmt.Println("| ---: | --- | ---: | --- | ---: | ---: | --- | --- |")
	for _, r := range rows {
		var next []string
		for _, b := range r.next {
			next = append(next, kb(b))
		}
		bt := fmt.Sprintf("pagefind %.1fs", r.build.Seconds())
		if r.tool == "quire" {
			bt = fmt.Sprintf("build %.1fs, index %.2fs (%.1f%%)", r.build.Seconds(), r.index.Seconds(), 100*r.index.Seconds()/r.build.Seconds())
		}
		fmt.Printf("| %d | %s | %s (%d shown) | %s | %d ms | %.1f MB | %.1f MB (%.1f MB), %d | %s |\n", r.pages, r.tool, kb(r.first), r.shownFirstQry,
			strings.Join(next, ", "), r.firstResult.Milliseconds(), float64(r.heap)/(1<<20), float64(r.disk)/(1<<20), float64(r.diskGz)/(1<<20), r.diskFiles, bt)
	}
}

func sectionOf(s [3]string) outline.Section {
	return outline.Section{Level: 2, ID: s[0], Title: s[1], Text: s[2]}
}
