// Package cli implements the quire command line: subcommands as values,
// flags, and exit codes in one place.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"github.com/quire-docs/quire/internal/diag"
)

// Exit codes.
const (
	exitOK    = 0
	exitError = 1 // build errors, broken input
	exitUsage = 2 // bad command line
)

// Env is what a command may touch besides its arguments.
type Env struct {
	Stdout io.Writer
	Stderr io.Writer
	Dir    string // working directory
	// Getenv reads the environment; nil is os.Getenv.
	Getenv func(string) string
}

// getenv reads the environment variable name through e.Getenv.
func (e Env) getenv(name string) string {
	if e.Getenv == nil {
		return os.Getenv(name)
	}
	return e.Getenv(name)
}

// command is one subcommand.
type command struct {
	Name      string
	UsageLine string
	Short     string
	Long      string
	// Run parses args with fs (already set up by Flags) and does the work.
	Flags func(fs *flag.FlagSet) func(ctx context.Context, env Env, args []string) error
}

// usageError is a bad command line: exit status 2, with a hint.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return &usageError{fmt.Sprintf(format, args...)} }

// errReported means the command already printed its errors.
var errReported = errors.New("errors reported")

// exitStatus ends a command with a status other than 1, its messages
// already printed.
type exitStatus int

func (e exitStatus) Error() string { return fmt.Sprintf("exit status %d", int(e)) }

func commands() []*command {
	return []*command{initCommand(), buildCommand(), serveCommand(), linkcheckCommand(), newCommand(), versionCommand()}
}

// Main runs quire with args (without the program name) and returns the exit code.
func Main(args []string, stdout, stderr io.Writer) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	go func() {
		// After the first signal, restore the default handling so a
		// second Ctrl-C ends a build that does not stop by itself.
		<-ctx.Done()
		stop()
	}()
	dir, err := os.Getwd()
	if err != nil {
		fmt.Fprintf(stderr, "quire: %v\n", err)
		return exitError
	}
	return run(ctx, Env{Stdout: stdout, Stderr: stderr, Dir: dir}, args)
}

func run(ctx context.Context, env Env, args []string) int {
	if len(args) == 0 {
		printUsage(env.Stderr)
		return exitUsage
	}
	name := args[0]
	switch name {
	case "help", "-h", "-help", "--help":
		if len(args) > 1 {
			if args[1] == "help" {
				printUsage(env.Stdout)
				return exitOK
			}
			if c := lookup(args[1]); c != nil {
				printCommandHelp(env.Stdout, c, nil)
				return exitOK
			}
			fmt.Fprintf(env.Stderr, "quire help: unknown command %q\n", args[1])
			return exitUsage
		}
		printUsage(env.Stdout)
		return exitOK
	case "-version", "--version":
		name = "version"
	}
	c := lookup(name)
	if c == nil {
		fmt.Fprintf(env.Stderr, "quire: unknown command %q\n", name)
		if s := suggest(name); s != "" {
			fmt.Fprintf(env.Stderr, "hint: did you mean %q?\n", s)
		}
		fmt.Fprintf(env.Stderr, "Run 'quire help' for usage.\n")
		return exitUsage
	}
	fs := flag.NewFlagSet("quire "+c.Name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	runFn := c.Flags(fs)
	if err := fs.Parse(args[1:]); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			printCommandHelp(env.Stdout, c, fs)
			return exitOK
		}
		fmt.Fprintf(env.Stderr, "quire %s: %v\n", c.Name, err)
		fmt.Fprintf(env.Stderr, "usage: %s\nRun 'quire %s --help' for details.\n", c.UsageLine, c.Name)
		return exitUsage
	}
	err := runFn(ctx, env, fs.Args())
	var ue *usageError
	var status exitStatus
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &status):
		return int(status)
	case errors.As(err, &ue):
		fmt.Fprintf(env.Stderr, "quire %s: %s\n", c.Name, ue.msg)
		fmt.Fprintf(env.Stderr, "usage: %s\nRun 'quire %s --help' for details.\n", c.UsageLine, c.Name)
		return exitUsage
	case errors.Is(err, errReported):
		return exitError
	default:
		fmt.Fprintf(env.Stderr, "quire %s: %v\n", c.Name, err)
		return exitError
	}
}

func lookup(name string) *command {
	for _, c := range commands() {
		if c.Name == name {
			return c
		}
	}
	return nil
}

// suggest returns the command name is probably a misspelling of, if any.
func suggest(name string) string {
	var names []string
	for _, c := range commands() {
		names = append(names, c.Name)
	}
	return diag.Closest(name, names)
}

func printUsage(w io.Writer) {
	fmt.Fprintf(w, "quire builds a static documentation site from weighted markdown pages.\n\nUsage:\n\n\tquire <command> [flags]\n\nCommands:\n\n")
	for _, c := range commands() {
		fmt.Fprintf(w, "\t%-10s %s\n", c.Name, c.Short)
	}
	fmt.Fprintf(w, "\nRun 'quire <command> --help' for a command's flags.\n")
}

func printCommandHelp(w io.Writer, c *command, fs *flag.FlagSet) {
	fmt.Fprintf(w, "usage: %s\n\n%s\n", c.UsageLine, strings.TrimSpace(c.Long))
	if fs == nil {
		fs = flag.NewFlagSet(c.Name, flag.ContinueOnError)
		c.Flags(fs)
	}
	has := false
	fs.VisitAll(func(*flag.Flag) { has = true })
	if has {
		fmt.Fprintf(w, "\nFlags:\n")
		fs.SetOutput(w)
		fs.PrintDefaults()
	}
}
