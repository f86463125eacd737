// Command compare is make bench's driver: for each site size it generates
// the corpus, then times quire build, hugo --minify and the floor in
// alternating rounds and prints one table of medians and ratios.
//
//	compare -bin DIR -bench DIR -work DIR [-sizes 1000,10000] [-runs 5]
//
// DIR given to -bin holds the quire, floor and corpus binaries (bench/run.sh
// builds them); -bench is this folder, for the layouts of both tools.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// tool is one contender: how to run it on a generated site.
type tool struct {
	name string
	args func(site string) []string
	out  string // output directory to remove before each run, under the site
}

// sample is one run's cost.
type sample struct {
	wall time.Duration
	rss  int64 // peak resident set, bytes
}

func main() {
	bin := flag.String("bin", "", "directory holding the quire, floor and corpus binaries")
	benchDir := flag.String("bench", "bench", "the bench folder (layouts for quire and Hugo)")
	work := flag.String("work", filepath.Join(os.TempDir(), "quire-bench"), "where to generate the sites")
	sizes := flag.String("sizes", "1000,10000", "comma-separated page counts")
	runs := flag.Int("runs", 5, "runs per tool and size")
	keepTrash := flag.Bool("keep-trash", false, "leave old outputs in WORK/.trash for the caller to delete")
	defaultTheme := flag.Bool("default-theme", false, "also time quire with its default theme (sidebar, breadcrumbs, ...)")
	rebuild := flag.Bool("rebuild", false, "time rebuilds: each tool builds into its output of the round before (after two untimed builds), as a user who runs the build again")
	flag.Parse()
	if *bin == "" || *runs < 1 {
		fmt.Fprintln(os.Stderr, "usage: compare -bin DIR [-bench DIR] [-work DIR] [-sizes 1000,10000] [-runs 5]")
		os.Exit(2)
	}
	benchAbs, err := filepath.Abs(*benchDir)
	check(err)
	tools := []tool{
		{name: "quire", out: "public-quire", args: func(site string) []string {
			return []string{filepath.Join(*bin, "quire"), "build", "--quiet", "--source", site,
				"--destination", filepath.Join(site, "public-quire")}
		}},
		{name: "hugo", out: "public-hugo", args: func(site string) []string {
			h := filepath.Join(benchAbs, "hugo")
			return []string{"hugo", "--minify", "--quiet", "--source", site, "--config", filepath.Join(h, "hugo.toml"),
				"--themesDir", filepath.Join(h, "themes"), "--theme", "quire-bench",
				"--destination", filepath.Join(site, "public-hugo")}
		}},
		// Hugo as its users run it plainly: the same theme without the
		// render-heading hook (a hook makes Hugo render every heading
		// through a template, which slows it down), so heading ids come
		// from goldmark alone. prepare writes this theme.
		{name: "hugo-plain", out: "public-hugo-plain", args: func(site string) []string {
			h := filepath.Join(benchAbs, "hugo")
			return []string{"hugo", "--minify", "--quiet", "--source", site, "--config", filepath.Join(h, "hugo.toml"),
				"--themesDir", filepath.Join(site, "hugo-themes"), "--theme", "quire-bench-plain",
				"--destination", filepath.Join(site, "public-hugo-plain")}
		}},
		{name: "floor", args: func(site string) []string {
			return []string{filepath.Join(*bin, "floor"), filepath.Join(site, "content")}
		}},
	}
	if *defaultTheme {
		tools = append(tools, tool{name: "quire-default-theme", out: "public-default", args: func(site string) []string {
			return []string{filepath.Join(*bin, "quire"), "build", "--quiet", "--source", site + "-default",
				"--destination", filepath.Join(site, "public-default")}
		}})
	}

	// Old outputs and sites go to a trash directory and are deleted after
	// the last run: deleting a 10,000-page output on a file system mounted
	// with "discard" (as on this project's machines) slows the next
	// seconds of file creation several times over, which would be
	// measured as part of whichever tool ran next.
	trash := newTrash(*work)
	if !*keepTrash {
		defer trash.empty()
	}

	var rows []row
	for _, s := range strings.Split(*sizes, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		check(err)
		site := filepath.Join(*work, fmt.Sprintf("site-%d", n))
		check(prepare(*bin, benchAbs, site, n, trash))
		results := map[string][]sample{}
		if *rebuild {
			// Two untimed builds first: the second leaves quire its spare
			// output (.public.quire-spare), as on every build after it.
			for range 2 {
				for _, t := range tools {
					_, err := run(site, t.args(site))
					check(err)
				}
			}
		}
		for r := range *runs {
			// Rotate the order every round, so no tool always runs
			// right after the same neighbour (or first, on a cold cache).
			for i := range tools {
				t := tools[(i+r)%len(tools)]
				if t.out != "" && !*rebuild {
					check(trash.put(filepath.Join(site, t.out)))
				}
				smp, err := run(site, t.args(site))
				check(err)
				results[t.name] = append(results[t.name], smp)
				fmt.Fprintf(os.Stderr, "n=%d round %d %-6s %6.2fs %6.0f MiB\n", n, r+1, t.name, smp.wall.Seconds(), mib(smp.rss))
			}
		}
		rows = append(rows, summarise(n, results))
	}
	if *rebuild {
		fmt.Println("\nRebuilds: every timed build wrote into the output of the build before it, after two untimed builds (Hugo overwrites its files in place; quire writes over its spare output and swaps it in atomically).")
	}
	printTable(os.Stdout, rows, *runs)
}

// prepare generates the corpus for n pages into site (from scratch, so a
// changed generator never meets stale files) and points quire at the
// bench layouts.
func prepare(bin, bench, site string, n int, trash *trash) error {
	if err := trash.put(site); err != nil {
		return err
	}
	gen := exec.Command(filepath.Join(bin, "corpus"), "-n", strconv.Itoa(n), "-out", site)
	gen.Stderr = os.Stderr
	if err := gen.Run(); err != nil {
		return fmt.Errorf("corpus: %w", err)
	}
	if err := copyDir(filepath.Join(bench, "quire", "layouts"), filepath.Join(site, "quire-layouts")); err != nil {
		return err
	}
	// Hugo's plain theme: the bench theme without its render hooks.
	theme := filepath.Join(bench, "hugo", "themes", "quire-bench")
	plain := filepath.Join(site, "hugo-themes", "quire-bench-plain")
	if err := copyDir(theme, plain); err != nil {
		return err
	}
	if err := os.RemoveAll(filepath.Join(plain, "layouts", "_default", "_markup")); err != nil {
		return err
	}
	cfg := filepath.Join(site, "config.toml")
	data, err := os.ReadFile(cfg)
	if err != nil {
		return err
	}
	// The same content with quire's default theme, for -default-theme.
	def := site + "-default"
	if err := trash.put(def); err != nil {
		return err
	}
	if err := os.MkdirAll(def, 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(def, "config.toml"), data, 0o644); err != nil {
		return err
	}
	// A copy, not a symlink: quire refuses content that links outside
	// the site root.
	if err := copyDir(filepath.Join(site, "content"), filepath.Join(def, "content")); err != nil {
		return err
	}
	// layoutDir, not layouts/: Hugo would read layouts/ as its own. The
	// docs for machines (llms.txt, each page's markdown twin) are off:
	// Hugo writes none, and the comparison is of the same output. What
	// they cost is measured on their own (docs/performance).
	data = append(data, "\n[llms]\nenable = false\n"...)
	return os.WriteFile(cfg, append([]byte("layoutDir = \"quire-layouts\"\n"), data...), 0o644)
}

// run runs argv in dir and returns its wall time and peak RSS.
func run(dir string, argv []string) (sample, error) {
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stdout = io.Discard
	cmd.Stderr = &stderr
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	if err != nil {
		return sample{}, fmt.Errorf("%s: %w\n%s", strings.Join(argv, " "), err, stderr.String())
	}
	ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	if !ok {
		return sample{}, fmt.Errorf("%s: no rusage", argv[0])
	}
	return sample{wall: wall, rss: ru.Maxrss * 1024}, nil // Linux: Maxrss in KiB
}

// copyDir copies the regular files under src to dst.
func copyDir(src, dst string) error {
	return filepath.WalkDir(src, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(src, p)
		if err != nil {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		out := filepath.Join(dst, rel)
		if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
			return err
		}
		return os.WriteFile(out, data, 0o644)
	})
}

// median returns the median of xs (the lower middle for an even count).
func median[T int64 | time.Duration | float64](xs []T) T {
	s := slices.Clone(xs)
	slices.Sort(s)
	return s[(len(s)-1)/2]
}

func mib(b int64) float64 { return float64(b) / (1 << 20) }

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "compare:", err)
		os.Exit(1)
	}
}
