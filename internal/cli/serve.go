package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"net"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"syscall"
	"time"

	"github.com/quire-docs/quire/internal/config"
	"github.com/quire-docs/quire/internal/server"
	"github.com/quire-docs/quire/internal/site"
)

// defaultAddr is loopback only: a preview shows drafts, which are not for
// the network.
const defaultAddr = "127.0.0.1:1313"

// shutdownGrace is how long serve waits, on Ctrl-C, for requests in
// flight and for the build in progress to stop.
const shutdownGrace = 500 * time.Millisecond

func serveCommand() *command {
	return &command{
		Name:      "serve",
		UsageLine: "quire serve [--drafts] [--addr 127.0.0.1:1313] [--allow-host NAME]... [--source DIR] [--open]",
		Short:     "preview the site with live reload",
		Long: `Serve builds the site into memory (the output directory is never touched)
and serves it at http://127.0.0.1:1313/ until Ctrl-C. Every change to
the config files, content/, layouts/ or assets/ rebuilds the site, and open
pages reload themselves, keeping their scroll position.

When a rebuild fails, the server keeps serving the last good site and shows
every error, as path:line:col, in an overlay on each page and in the
terminal; the next good build removes it. Warnings, such as broken internal
links, are shown the same way without failing the build.

Without --drafts the server shows exactly what quire build would publish.

The server answers only requests addressed to localhost, a loopback
address, the --addr host or a name given with --allow-host; any other
Host header gets 403, so a web page cannot read the preview through a
name it points at this machine (DNS rebinding).

Exit status: 0 after Ctrl-C or SIGTERM, 1 when the server cannot start,
2 usage errors.`,
		Flags: func(fs *flag.FlagSet) func(context.Context, Env, []string) error {
			var o serveFlags
			fs.BoolVar(&o.drafts, "drafts", false, "include draft pages, marked as drafts")
			fs.StringVar(&o.addr, "addr", defaultAddr, "host:port to listen on; a non-loopback host serves the network")
			fs.Func("allow-host", "also answer requests for `NAME` (a host name or address; repeatable)", func(v string) error {
				if v == "" || strings.ContainsAny(v, "/ ") {
					return fmt.Errorf("want a host name or address, such as preview.lan")
				}
				o.allowHosts = append(o.allowHosts, v)
				return nil
			})
			fs.StringVar(&o.source, "source", "", "site root holding config.toml and content/ (default: current directory)")
			fs.BoolVar(&o.open, "open", false, "open the site in the default web browser")
			fs.StringVar(&o.environment, "environment", "development", "read config/NAME/ over config/_default/, as Hugo's --environment")
			return func(ctx context.Context, env Env, args []string) error {
				if len(args) > 0 {
					return usagef("unexpected argument %q", args[0])
				}
				return runServe(ctx, env, o)
			}
		},
	}
}

type serveFlags struct {
	addr, source, environment string
	allowHosts                []string
	drafts, open              bool
	// siteBuild replaces multilingual.Build when set (tests).
	siteBuild func(context.Context, fs.FS, config.Config, site.Options) (*site.Site, error)
}

func runServe(ctx context.Context, env Env, o serveFlags) error {
	root := abs(env.Dir, o.source)
	if fi, err := os.Stat(root); err != nil || !fi.IsDir() {
		return usagef("--source %s: not a directory", o.source)
	}
	host, port, err := net.SplitHostPort(o.addr)
	if err != nil {
		return usagef("--addr %s: want host:port, such as %s", o.addr, defaultAddr)
	}
	// A missing config file is most likely the wrong directory: say so
	// rather than serve an error page. Other config errors are shown in
	// the browser, to be fixed while serving.
	if _, _, _, err := config.LoadSite(root, o.environment); errors.Is(err, fs.ErrNotExist) {
		printErr(env.Stderr, err)
		return errReported
	}
	if !loopback(host) {
		fmt.Fprintf(env.Stderr, "warning: --addr %s serves every machine that can reach this one, drafts included; use --addr 127.0.0.1:%s to keep the preview local\n", o.addr, port)
	}
	// Listen before building, so a busy port is reported at once.
	ln, err := net.Listen("tcp", o.addr)
	if err != nil {
		if errors.Is(err, syscall.EADDRINUSE) {
			return fmt.Errorf("port %s is already in use (is another quire serve running?); choose another with --addr %s:PORT", port, hostOr(host))
		}
		return fmt.Errorf("cannot listen on %s: %v (hint: choose another address with --addr)", o.addr, err)
	}

	now, err := buildTime("", os.Getenv, time.Now)
	if err != nil {
		return err
	}
	srv := server.New(server.Options{
		Root: root, Drafts: o.drafts, Log: env.Stderr, Environment: o.environment, Now: now, Getenv: os.Getenv,
		AllowHosts: append([]string{host}, o.allowHosts...),
		SiteBuild:  o.siteBuild,
	})
	hs, limited := srv.HTTPServer(ln, server.DefaultLimits())
	served := make(chan error, 1)
	go func() { served <- hs.Serve(limited) }()

	// Building and watching run beside, so that a stop never waits on
	// them for more than shutdownGrace: a build that does not stop in
	// time ends with the process.
	workCtx, stopWork := context.WithCancel(ctx)
	defer stopWork()
	work := make(chan error, 1)
	go func() { work <- buildAndRun(workCtx, env, srv, o, displayAddr(ln.Addr(), host)) }()
	// err is what ends serving: nil for a stop.
	select {
	case err = <-work:
	case err = <-served:
		err = fmt.Errorf("serving: %v", err)
	case <-ctx.Done():
		err = nil
	}

	stopWork()
	srv.Close() // ends the live-reload streams, which Shutdown would wait for
	grace, cancel := context.WithTimeout(context.Background(), shutdownGrace)
	defer cancel()
	if hs.Shutdown(grace) != nil {
		hs.Close()
	}
	select {
	case <-work:
	case <-grace.Done():
		fmt.Fprintln(env.Stderr, "warning: the build in progress did not stop in time; exiting anyway")
	}
	return stopped(env, err)
}

// buildAndRun builds the site, says where it is served, and rebuilds on
// every change until ctx is done.
func buildAndRun(ctx context.Context, env Env, srv *server.Server, o serveFlags, addr string) error {
	if _, err := srv.Build(ctx); err != nil {
		return err
	}
	url := fmt.Sprintf("http://%s%s", addr, srv.BasePath())
	mode := ""
	if o.drafts {
		mode = " (drafts included)"
	}
	fmt.Fprintf(env.Stdout, "serving %s%s; press Ctrl-C to stop\n", url, mode)
	if o.open {
		if err := openBrowser(url); err != nil {
			fmt.Fprintf(env.Stderr, "warning: --open: %v; open %s yourself\n", err, url)
		}
	}
	return srv.Run(ctx)
}

// stopped turns the end of serving into the command's result: a stop by
// Ctrl-C or SIGTERM is success.
func stopped(env Env, err error) error {
	if err != nil && !errors.Is(err, context.Canceled) {
		return err
	}
	fmt.Fprintln(env.Stderr, "stopped")
	return nil
}

// loopback reports whether host (from --addr) only accepts connections
// from this machine.
func loopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

func hostOr(host string) string {
	if host == "" {
		return "127.0.0.1"
	}
	return host
}

// displayAddr is the host:port to print for the listening address: the
// port actually bound (for --addr :0), and localhost for "all interfaces".
func displayAddr(a net.Addr, host string) string {
	tcp, ok := a.(*net.TCPAddr)
	if !ok {
		return a.String()
	}
	if host == "" || tcp.IP.IsUnspecified() {
		return net.JoinHostPort("localhost", fmt.Sprint(tcp.Port))
	}
	return tcp.String()
}

// openBrowser opens url in the desktop's browser.
func openBrowser(url string) error {
	var cmd *exec.Cmd
	switch runtime.GOOS {
	case "darwin":
		cmd = exec.Command("open", url)
	case "windows":
		cmd = exec.Command("rundll32", "url.dll,FileProtocolHandler", url)
	default:
		cmd = exec.Command("xdg-open", url)
	}
	if err := cmd.Start(); err != nil {
		return err
	}
	go cmd.Wait() // reap it; the browser outlives us
	return nil
}
