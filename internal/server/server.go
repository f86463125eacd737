// Package server previews a site over HTTP from memory, rebuilding it on
// every change with live reload and an error overlay.
package server

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/quire-docs/quire/internal/config"
	"github.com/quire-docs/quire/internal/content"
	"github.com/quire-docs/quire/internal/diag"
	"github.com/quire-docs/quire/internal/multilingual"
	"github.com/quire-docs/quire/internal/publish"
	"github.com/quire-docs/quire/internal/resources"
	"github.com/quire-docs/quire/internal/site"
	"github.com/quire-docs/quire/internal/sitefs"
)

// Options configure a Server.
type Options struct {
	Root   string    // the site root: config.toml, content/, layouts/, assets/
	Drafts bool      // build draft pages, with their marker
	Log    io.Writer // the terminal: build results, errors and warnings
	// Environment selects config/ENV/ over config/_default/ (see
	// config.LoadSite); "development" when empty, as for hugo server.
	Environment string
	// Debounce is the quiet period after a change before rebuilding
	// (watch.DefaultDebounce when 0).
	Debounce time.Duration
	// AllowHosts are the names and addresses, besides loopback ones,
	// that requests may give in their Host header; others get 403 (see
	// allowedHost).
	AllowHosts []string
	// SiteBuild builds the site; multilingual.Build when nil. It must
	// return soon after ctx is done. Tests pass one that blocks.
	SiteBuild func(ctx context.Context, fsys fs.FS, cfg config.Config, opts site.Options) (*site.Site, error)
	// Now and Getenv are site.Options': templates' now, fixed for the
	// process so rebuilds reuse pages, and os.Getenv's source.
	Now    time.Time
	Getenv func(string) string
}

// Server builds a site into memory and serves it. Its zero value is not
// usable; call New. It is an http.Handler.
type Server struct {
	opts  Options
	cache *site.Cache
	files *content.FileCache
	hub   *hub
	epoch string // distinguishes this process's ETags from an earlier one's

	allow map[string]bool // Options.AllowHosts, by hostName

	state atomic.Pointer[state]
	mu    sync.Mutex      // serialises builds
	seq   int             // number of the last build, guarded by mu
	warns map[string]bool // warnings printed after the last build, guarded by mu
	dirs  []string        // source dirs of the last readable config, guarded by mu
	logMu sync.Mutex      // serialises writes to opts.Log
	ready chan struct{}   // closed once Run watches the sources
	once  sync.Once       // closes ready
}

// state is what the server shows: the last good build's files, and the
// problems of the latest build.
type state struct {
	version  int                      // the latest build's number; 0 before the first
	files    map[string]*publish.File // the last good build's files, by output path
	base     string                   // the last good build's base path, "/" or "/docs/"
	deferred *publish.Deferred        // files of the last good build made when first asked for
	errors   []*diag.Diagnostic       // of the latest build; none when it succeeded
	warnings []*diag.Diagnostic       // of the latest build
	good     bool                     // some build has succeeded
	elapsed  time.Duration            // how long the latest build took
}

// New returns a server for the site at opts.Root. It does not build yet.
func New(opts Options) *Server {
	if opts.Log == nil {
		opts.Log = io.Discard
	}
	if opts.Environment == "" {
		opts.Environment = "development"
	}
	if opts.SiteBuild == nil {
		opts.SiteBuild = multilingual.Build
	}
	s := &Server{
		opts:  opts,
		cache: site.NewCache(),
		files: content.NewFileCache(),
		hub:   newHub(),
		epoch: fmt.Sprintf("%x", time.Now().UnixNano()),
		warns: map[string]bool{},
		dirs:  sourceDirs(config.Default()),
		ready: make(chan struct{}),
		allow: map[string]bool{},
	}
	for _, h := range opts.AllowHosts {
		if h := hostName(h); h != "" {
			s.allow[h] = true
		}
	}
	s.state.Store(&state{files: map[string]*publish.File{}, base: "/"})
	return s
}

// Result is the outcome of one build.
type Result struct {
	Version  int
	Pages    int
	Skipped  int
	Elapsed  time.Duration
	Errors   []*diag.Diagnostic // empty when the build succeeded
	Warnings []*diag.Diagnostic
}

// OK reports whether the build succeeded.
func (r Result) OK() bool { return len(r.Errors) == 0 }

// Build rebuilds the site from disk, makes the result (or its errors)
// what the server shows, prints it to the log and tells every live-reload
// client. A failed build keeps the last good site; its errors are shown
// in an overlay on every page until a build succeeds. A build whose ctx
// is done changes nothing and returns ctx's error.
func (s *Server) Build(ctx context.Context) (Result, error) { return s.build(ctx, nil) }

// build is Build knowing which files changed since the last build (paths
// relative to Root, from the watcher; nil when unknown), so that an edit
// of a page's text can be a quick rebuild (site.Options.Changed).
func (s *Server) build(ctx context.Context, changed []string) (Result, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := ctx.Err(); err != nil {
		return Result{}, err
	}
	start := time.Now()
	cfg, _, cwarns, err := config.LoadSite(s.opts.Root, s.opts.Environment)
	var ds diag.List
	for _, w := range cwarns {
		ds.Add(w)
	}
	var built *site.Site
	if err == nil {
		s.dirs = sourceDirs(cfg)
		var src *sitefs.FS
		if src, err = sitefs.Open(s.opts.Root, cfg.Security.AllowOutside); err == nil {
			built, err = s.opts.SiteBuild(ctx, src, cfg, site.Options{Drafts: s.opts.Drafts, Cache: s.cache, Files: s.files, Links: site.LinksWarn, Changed: changed,
				Now: s.opts.Now, Getenv: s.opts.Getenv,
				Resources: resources.DirCache(filepath.Join(s.opts.Root, resources.CacheDir)), Dir: s.opts.Root})
			src.Close()
		}
		if built != nil {
			for _, w := range built.Warnings {
				ds.Add(w)
			}
		}
	}
	if ctx.Err() != nil {
		return Result{}, ctx.Err() // whatever the build made of it, it is not shown
	}
	ds.AddError("", err)
	ds.Sort()
	s.seq++
	res := Result{Version: s.seq, Elapsed: time.Since(start), Errors: ds.Errors(), Warnings: ds.Warnings()}

	prev := s.state.Load()
	next := &state{version: s.seq, files: prev.files, deferred: prev.deferred, base: prev.base, good: prev.good,
		errors: res.Errors, warnings: res.Warnings, elapsed: res.Elapsed}
	if res.OK() {
		next.files = make(map[string]*publish.File, len(built.Files))
		for i := range built.Files {
			f := &built.Files[i]
			next.files[f.Path] = f
		}
		next.base, next.good, next.deferred = cfg.BasePath(), true, built.Deferred
		res.Pages, res.Skipped = built.Pages, built.Skipped
	}
	s.state.Store(next)
	s.report(res)
	s.hub.broadcast()
	return res, nil
}

// report prints a build's result: every error, the warnings not printed
// after the previous build, and a summary line.
func (s *Server) report(r Result) {
	var w strings.Builder
	defer func() { s.logf("%s", w.String()) }()
	seen := map[string]bool{}
	for _, d := range r.Warnings {
		line := d.String()
		seen[line] = true
		if !s.warns[line] {
			fmt.Fprintln(&w, line)
		}
	}
	s.warns = seen
	for _, d := range r.Errors {
		fmt.Fprintln(&w, d.String())
	}
	took := r.Elapsed.Round(time.Millisecond)
	if !r.OK() {
		what := "still serving the last good build"
		if !s.state.Load().good {
			what = "the browser shows the errors until the site builds"
		}
		fmt.Fprintf(&w, "build failed: %s in %s; %s\n", diag.Count(len(r.Errors), "error"), took, what)
		return
	}
	fmt.Fprintf(&w, "built %s (%s skipped, %s) in %s\n",
		diag.Count(r.Pages, "page"), diag.Count(r.Skipped, "draft"), diag.Count(len(r.Warnings), "warning"), took)
}

// logf writes to the log, one message at a time.
func (s *Server) logf(format string, args ...any) {
	s.logMu.Lock()
	defer s.logMu.Unlock()
	fmt.Fprintf(s.opts.Log, format, args...)
}

// Close ends every live-reload stream, so an http.Server's Shutdown does
// not wait for them.
func (s *Server) Close() { s.hub.close() }

// BasePath is the path the site is served under: the path of its
// baseURL, "/" or "/docs/".
func (s *Server) BasePath() string { return s.state.Load().base }
