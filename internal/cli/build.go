package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/quire-docs/quire/internal/config"
	"github.com/quire-docs/quire/internal/diag"
	"github.com/quire-docs/quire/internal/multilingual"
	"github.com/quire-docs/quire/internal/publish"
	"github.com/quire-docs/quire/internal/resources"
	"github.com/quire-docs/quire/internal/site"
	"github.com/quire-docs/quire/internal/sitefs"
)

func buildCommand() *command {
	return &command{
		Name:      "build",
		UsageLine: "quire build [--source DIR] [--destination DIR] [--drafts] [--base-url URL] [--minify=false] [--now TIME] [--quiet]",
		Short:     "build the site into the output directory",
		Long: `Build reads config.toml (or the config files Hugo reads: hugo.toml,
config.yaml, config/_default/, config/ENV/), content/, layouts/ and assets/
from the site root and writes the static site to the output directory
(publishDir, default public/). Drafts are left out unless --drafts is given.

The build is atomic: it writes a staging directory and swaps it in only when
every page built. On any error the previous output is left untouched, and
every error of the run is printed as path:line:col: message. A second build
into the same output directory waits until the first has finished. The output
swapped out is kept beside the new one (.public.quire-spare for public/) and
written over by the next build, which is much faster than creating every file
again; it takes as much disk as the output, and deleting it between builds is
safe.

Templates' now is --now (--clock is Hugo's spelling) when given, else
SOURCE_DATE_EPOCH when set, else the time the build starts: give either for
output that does not change from one build to the next.

Exit status: 0 success, 1 build errors, 2 usage errors.`,
		Flags: func(fs *flag.FlagSet) func(context.Context, Env, []string) error {
			var o buildFlags
			fs.StringVar(&o.source, "source", "", "site root holding config.toml and content/ (default: current directory)")
			fs.StringVar(&o.dest, "destination", "", "output directory (default: publishDir in the site root, normally public/)")
			fs.BoolVar(&o.drafts, "drafts", false, "include draft pages, marked as drafts")
			fs.StringVar(&o.baseURL, "base-url", "", "override baseURL from config.toml")
			fs.BoolVar(&o.minify, "minify", true, "minify HTML, CSS, JS, JSON, SVG and XML (overrides config.toml when given)")
			fs.BoolVar(&o.quiet, "quiet", false, "print errors only")
			fs.StringVar(&o.environment, "environment", "production", "read config/NAME/ over config/_default/, as Hugo's --environment")
			fs.StringVar(&o.now, "now", "", "the time templates' now returns, e.g. 2024-01-01T00:00:00Z (default: SOURCE_DATE_EPOCH, else the clock)")
			fs.StringVar(&o.now, "clock", "", "same as --now (Hugo's name)")
			return func(ctx context.Context, env Env, args []string) error {
				if len(args) > 0 {
					return usagef("unexpected argument %q", args[0])
				}
				fs.Visit(func(f *flag.Flag) { o.set = append(o.set, f.Name) })
				return runBuild(ctx, env, o)
			}
		},
	}
}

type buildFlags struct {
	source, dest, baseURL string
	environment           string // --environment: config/NAME/ is read over config/_default/
	now                   string // --now: what templates' now returns
	drafts, minify, quiet bool
	set                   []string // flags given on the command line
}

func (o buildFlags) given(name string) bool {
	for _, s := range o.set {
		if s == name {
			return true
		}
	}
	return false
}

func runBuild(ctx context.Context, env Env, o buildFlags) error {
	start := time.Now()
	now, err := buildTime(o.now, os.Getenv, time.Now)
	if err != nil {
		return err
	}
	var baseURL string
	if o.given("base-url") {
		u, err := config.NormalizeBaseURL(o.baseURL)
		if err != nil {
			return usagef("--base-url: %v", err)
		}
		baseURL = u
	}
	root := abs(env.Dir, o.source)
	if fi, err := os.Stat(root); err != nil || !fi.IsDir() {
		return usagef("--source %s: not a directory", o.source)
	}
	cfg, warns, err := loadConfig(env, root, o.environment, o.quiet)
	if err != nil {
		return err
	}
	if o.given("base-url") {
		cfg.BaseURL = baseURL
	} else if w := baseURLWarning(root, cfg); w != nil {
		if !o.quiet {
			printDiags(env.Stderr, []*diag.Diagnostic{w})
		}
		warns = append(warns, w)
	}
	if o.given("minify") {
		cfg.Minify = o.minify
	}
	dest := filepath.Join(root, cfg.PublishDir)
	if o.dest != "" {
		dest = abs(env.Dir, o.dest)
	}
	if err := checkDestination(root, dest, cfg); err != nil {
		if o.dest != "" {
			return usagef("--destination %s: %v", o.dest, err)
		}
		return fmt.Errorf("publishDir %q in config.toml: %v", cfg.PublishDir, err)
	}

	// One build at a time into dest: a second one (a save hook and a
	// manual build) waits here until the first has swapped its output in.
	unlock, err := publish.Lock(ctx, dest, func(holder string) {
		fmt.Fprintf(env.Stderr, "quire build: waiting for %s, which is building into %s too\n", holder, rel(env.Dir, dest))
	})
	if errors.Is(err, context.Canceled) {
		fmt.Fprintf(env.Stderr, "build interrupted; %s left untouched\n", rel(env.Dir, dest))
		return errReported
	} else if err != nil {
		fmt.Fprintf(env.Stderr, "quire build: %v\n", err)
		return errReported
	}
	defer unlock()
	notify := func(msg string) { fmt.Fprintf(env.Stderr, "quire build: %s\n", msg) }
	if err := publish.Recover(dest, notify); err != nil {
		fmt.Fprintf(env.Stderr, "quire build: %v\n", err)
		return errReported
	}

	// Pages go to the staging directory as they are rendered, so memory
	// does not grow with the site; dest changes only at the final swap.
	out := &stagedOutput{stage: publish.NewStage(dest)}
	out.stage.Notify = notify
	defer withMemoryLimit()()
	src, err := sitefs.Open(root, cfg.Security.AllowOutside)
	if err != nil {
		return err
	}
	defer src.Close()
	s, err := multilingual.Build(ctx, src, cfg, site.Options{Drafts: o.drafts, Output: out, Now: now, Getenv: os.Getenv,
		Resources: resources.DirCache(filepath.Join(root, resources.CacheDir)), Dir: root})
	if !o.quiet {
		printDiags(env.Stderr, s.Warnings)
	}
	switch {
	case errors.Is(err, context.Canceled):
		out.stage.Abort()
		fmt.Fprintf(env.Stderr, "build interrupted; %s left untouched\n", rel(env.Dir, dest))
		return errReported
	case err != nil:
		out.stage.Abort()
		n := printErr(env.Stderr, err)
		fmt.Fprintf(env.Stderr, "build failed: %s; %s left untouched\n", diag.Count(n, "error"), rel(env.Dir, dest))
		return errReported
	}
	if err := out.finish(s.Files); err != nil {
		out.stage.Abort()
		fmt.Fprintf(env.Stderr, "quire build: %v\n", err)
		if publish.Touched(err) {
			// dest is not the old output any more; the error says where that is.
			fmt.Fprintf(env.Stderr, "build failed while swapping the new output into %s; the error above says where the old one is\n", rel(env.Dir, dest))
		} else {
			fmt.Fprintf(env.Stderr, "build failed; %s left untouched\n", rel(env.Dir, dest))
		}
		return errReported
	}
	if !o.quiet {
		fmt.Fprintf(env.Stderr, "built %s (%s skipped, %s) in %s → %s\n",
			diag.Count(s.Pages, "page"), diag.Count(s.Skipped, "draft"), diag.Count(len(warns)+len(s.Warnings), "warning"),
			time.Since(start).Round(time.Millisecond), rel(env.Dir, dest))
	}
	return nil
}

// loadConfig reads the site's configuration for the environment (see
// config.LoadSite), printing its warnings and errors.
func loadConfig(env Env, root, environment string, quiet bool) (config.Config, []*diag.Diagnostic, error) {
	cfg, _, warns, err := config.LoadSite(root, environment)
	if !quiet {
		printDiags(env.Stderr, warns)
	}
	if err != nil {
		printErr(env.Stderr, err)
		return cfg, warns, errReported
	}
	return cfg, warns, nil
}

// checkDestination refuses an output directory that is, holds or lies
// inside one of the site's source directories: the build would read its
// own output back in (or publish the sources). Symbolic links are resolved
// first, so a link into content/ is no way around it.
func checkDestination(root, dest string, cfg config.Config) error {
	dest = resolve(dest)
	for _, dir := range cfg.SourceDirs() {
		src := resolve(filepath.Join(root, dir))
		switch {
		case dest == src:
			return fmt.Errorf("it is the source directory %s", dir)
		case within(dest, src):
			return fmt.Errorf("it is inside the source directory %s", dir)
		case within(src, dest):
			return fmt.Errorf("it holds the source directory %s", dir)
		}
	}
	return nil
}

// resolve returns p with symbolic links resolved in its longest existing
// prefix (the rest of p may not exist yet).
func resolve(p string) string {
	p = filepath.Clean(p)
	var rest []string
	for dir := p; ; dir = filepath.Dir(dir) {
		if r, err := filepath.EvalSymlinks(dir); err == nil {
			for i := len(rest) - 1; i >= 0; i-- {
				r = filepath.Join(r, rest[i])
			}
			return r
		}
		if filepath.Dir(dir) == dir {
			return p
		}
		rest = append(rest, filepath.Base(dir))
	}
}

// within reports whether path p is dir or inside it (both absolute, clean).
func within(p, dir string) bool {
	r, err := filepath.Rel(dir, p)
	return err == nil && r != ".." && !strings.HasPrefix(r, ".."+string(filepath.Separator))
}

// printDiags prints diagnostics one per line.
func printDiags(w io.Writer, ds []*diag.Diagnostic) {
	for _, d := range ds {
		fmt.Fprintln(w, d.String())
	}
}

// printErr prints every error joined in err, one per line, sorted when
// they are diagnostics, and returns how many it printed.
func printErr(w io.Writer, err error) int {
	var l diag.List
	l.AddError("", err)
	l.Sort()
	for _, d := range l {
		fmt.Fprintln(w, d.String())
	}
	return len(l)
}

func abs(dir, p string) string {
	if p == "" {
		return dir
	}
	if filepath.IsAbs(p) {
		return filepath.Clean(p)
	}
	return filepath.Join(dir, p)
}

// rel shows directory p relative to dir when it is inside it.
func rel(dir, p string) string {
	if r, err := filepath.Rel(dir, p); err == nil && r != "." && within(p, dir) {
		return r + string(filepath.Separator)
	}
	return p
}
