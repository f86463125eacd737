package cli

import (
	"context"
	"embed"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// scaffold is the site quire init writes: all: takes the files whose
// names start with "_" or "." (_index.md, .gitignore) too.
//
//go:embed all:scaffold
var scaffold embed.FS

func initCommand() *command {
	return &command{
		Name:      "init",
		UsageLine: "quire init [DIR]",
		Short:     "create a new site to start from",
		Long: `Init creates a small site in DIR (default: the current directory), made
to be changed: config.toml, a home page, a docs section with two pages and
an FAQ section with a page of questions, and a .gitignore for public/. It
builds with no warnings; run 'quire serve' in DIR to see it.

DIR must be empty or not exist yet; only a .git entry is allowed in it, so
'git init' may come first. Init never overwrites a file.`,
		Flags: func(fs *flag.FlagSet) func(context.Context, Env, []string) error {
			return func(_ context.Context, env Env, args []string) error {
				if len(args) > 1 {
					return usagef("want at most one directory, got %d arguments", len(args))
				}
				dir := "."
				if len(args) == 1 {
					dir = args[0]
				}
				if strings.HasPrefix(dir, "-") {
					return usagef("flags go before the directory: %s", dir)
				}
				return runInit(env, dir)
			}
		},
	}
}

func runInit(env Env, dir string) error {
	root := abs(env.Dir, dir)
	if err := checkEmpty(root); err != nil {
		return fmt.Errorf("%s: %w", dir, err)
	}
	sub, err := fs.Sub(scaffold, "scaffold")
	if err != nil {
		return err
	}
	var created []string
	err = fs.WalkDir(sub, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || p == "." {
			return err
		}
		target := filepath.Join(root, filepath.FromSlash(p))
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := fs.ReadFile(sub, p)
		if err != nil {
			return err
		}
		if err := writeNew(target, data); err != nil {
			return err
		}
		created = append(created, p)
		return nil
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "created a quire site in %s:\n", dir)
	for _, p := range created {
		fmt.Fprintf(env.Stdout, "  %s\n", p)
	}
	fmt.Fprintf(env.Stdout, "\nNext, preview it at http://127.0.0.1:1313/ while you edit:\n\n")
	if dir != "." {
		fmt.Fprintf(env.Stdout, "  cd %s\n", dir)
	}
	fmt.Fprintf(env.Stdout, "  quire serve\n\nand build it into public/ with 'quire build'.\n")
	return nil
}

// checkEmpty refuses a directory that holds anything but .git; one that
// does not exist is fine (it is made).
func checkEmpty(dir string) error {
	entries, err := os.ReadDir(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return os.MkdirAll(dir, 0o755)
	case err != nil:
		return err
	}
	var names []string
	for _, e := range entries {
		if e.Name() != ".git" {
			names = append(names, e.Name())
		}
	}
	if len(names) == 0 {
		return nil
	}
	slices.Sort(names)
	const show = 3
	list := strings.Join(names[:min(show, len(names))], ", ")
	if len(names) > show {
		list += fmt.Sprintf(" and %d more", len(names)-show)
	}
	return fmt.Errorf("not empty (it holds %s); quire init makes a new site in an empty directory (hint: run quire init NEWDIR)", list)
}

// writeNew writes a file that must not exist yet.
func writeNew(name string, data []byte) error {
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
