package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/quire-docs/quire/internal/content"
)

func newCommand() *command {
	return &command{
		Name:      "new",
		UsageLine: "quire new [--source DIR] SECTION/NAME.md",
		Short:     "create a draft page with front matter",
		Long: `New creates content/SECTION/NAME.md with front matter: a title made from
the file name, the next free weight in that section (the next multiple of 10
after the highest weight there, or 10), and draft: true. It never overwrites
an existing file. The path is relative to the content directory; a leading
"content/" is accepted too.`,
		Flags: func(fs *flag.FlagSet) func(context.Context, Env, []string) error {
			source := fs.String("source", "", "site root holding config.toml and content/ (default: current directory)")
			return func(ctx context.Context, env Env, args []string) error {
				for _, a := range args[min(1, len(args)):] {
					if strings.HasPrefix(a, "-") {
						return usagef("flags go before the page path: quire new %s %s", a, args[0])
					}
				}
				if len(args) != 1 {
					return usagef("want exactly one page path, such as faq/my-question.md")
				}
				return runNew(env, abs(env.Dir, *source), args[0])
			}
		},
	}
}

func runNew(env Env, root, arg string) error {
	cfg, _, err := loadConfig(env, root, "production", true)
	if err != nil {
		return err
	}
	rel := path.Clean(filepath.ToSlash(arg))
	rel = strings.TrimPrefix(rel, path.Clean(cfg.ContentDir)+"/")
	switch {
	case path.IsAbs(rel) || rel == ".." || strings.HasPrefix(rel, "../"):
		return usagef("%s: the page path must be inside the content directory", arg)
	case path.Ext(rel) != ".md":
		return usagef("%s: the page path must end in .md", arg)
	case strings.HasPrefix(path.Base(rel), "."):
		return usagef("%s: the file name must not start with a dot (quire ignores such files)", arg)
	}
	dir := path.Dir(rel)
	file := filepath.Join(root, cfg.ContentDir, filepath.FromSlash(rel))
	if _, err := os.Stat(file); err == nil {
		return fmt.Errorf("%s already exists; not overwriting it", filepath.Join(cfg.ContentDir, filepath.FromSlash(rel)))
	} else if !errors.Is(err, fs.ErrNotExist) {
		return err
	}

	weight, werr := nextWeight(os.DirFS(root), cfg.ContentDir, dir)
	if werr != nil {
		fmt.Fprintf(env.Stderr, "warning: could not read the weights in %s (%v); using weight %d\n", dir, werr, weight)
	}
	fm := fmt.Sprintf("---\ntitle: %s\nweight: %d\ndraft: true\n---\n\n", yamlString(content.TitleFromFile(rel)), weight)
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		return err
	}
	f, err := os.OpenFile(file, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	if _, err := f.WriteString(fm); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "created %s (weight %d, draft)\n", filepath.Join(cfg.ContentDir, filepath.FromSlash(rel)), weight)
	return nil
}

// nextWeight returns the next multiple of 10 after the highest weight of
// the pages and subsections directly in section dir ("." for the root).
func nextWeight(fsys fs.FS, contentDir, dir string) (int, error) {
	tree, _, err := content.Load(fsys, content.Options{Dir: contentDir, Drafts: true})
	if tree == nil {
		return 10, err
	}
	if dir == "." {
		dir = ""
	}
	max := 0
	for _, p := range tree.Pages {
		if p.Parent != nil && p.Parent.Dir() == dir && p.Weight > max {
			max = p.Weight
		}
	}
	return min((max/10+1)*10, content.MaxWeight), nil
}

// yamlString quotes s when plain YAML would misread it.
func yamlString(s string) string {
	if strings.ContainsAny(s, ":#'\"{}[],&*!|>%@`") || strings.TrimSpace(s) != s {
		return fmt.Sprintf("%q", s)
	}
	return s
}
