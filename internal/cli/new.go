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
		Short:     "create a draft page, or a section's page, with front matter",
		Long: `New creates content/SECTION/NAME.md with front matter: a title made from
the file name, the next free weight in that section (the next multiple of 10
after the highest weight there, or 10), and draft: true.

A section's own page, SECTION/_index.md, is titled after its folder
("getting-started" is "Getting started") and weighted after the pages and
sections beside it, and it is not a draft: a draft section hides every page
under it. _index.md at the root is the home page.

New never overwrites an existing file. The path is relative to the content
directory; a leading "content/" is accepted too.`,
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

	title := content.TitleFromFile(rel)
	var fm, what string
	switch {
	case content.IsSectionFile(rel) && dir == ".":
		if cfg.Title != "" {
			title = cfg.Title
		}
		fm = fmt.Sprintf("---\ntitle: %s\n---\n\n", yamlString(title))
		what = "the home page"
	case content.IsSectionFile(rel):
		// Weighted among its siblings in the section above, and never a
		// draft: a draft section leaves out everything under it.
		weight := nextNewWeight(env, root, cfg.ContentDir, path.Dir(dir), dir)
		fm = fmt.Sprintf("---\ntitle: %s\nweight: %d\n---\n\n", yamlString(title), weight)
		what = fmt.Sprintf("section %s, weight %d", title, weight)
	default:
		weight := nextNewWeight(env, root, cfg.ContentDir, dir, "")
		fm = fmt.Sprintf("---\ntitle: %s\nweight: %d\ndraft: true\n---\n\n", yamlString(title), weight)
		what = fmt.Sprintf("weight %d, draft", weight)
	}
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		return err
	}
	if err := writeNew(file, []byte(fm)); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "created %s (%s)\n", filepath.Join(cfg.ContentDir, filepath.FromSlash(rel)), what)
	return nil
}

// nextNewWeight is nextWeight, with a warning on stderr when the weights
// cannot be read.
func nextNewWeight(env Env, root, contentDir, dir, skip string) int {
	weight, err := nextWeight(os.DirFS(root), contentDir, dir, skip)
	if err != nil {
		fmt.Fprintf(env.Stderr, "warning: could not read the weights in %s (%v); using weight %d\n", dir, err, weight)
	}
	return weight
}

// nextWeight returns the next multiple of 10 after the highest weight of
// the pages and subsections directly in section dir ("." for the root),
// leaving out the section whose directory is skip ("" for none): a
// section's new page is weighted among its siblings, not against itself.
func nextWeight(fsys fs.FS, contentDir, dir, skip string) (int, error) {
	tree, _, err := content.Load(fsys, content.Options{Dir: contentDir, Drafts: true})
	if tree == nil {
		return 10, err
	}
	if dir == "." {
		dir = ""
	}
	highest := 0
	for _, p := range tree.Pages {
		if p.Parent == nil || p.Parent.Dir() != dir || p.Kind == content.KindSection && p.Dir() == skip {
			continue
		}
		highest = max(highest, p.Weight)
	}
	return min((highest/10+1)*10, content.MaxWeight), nil
}

// yamlString quotes s when plain YAML would misread it.
func yamlString(s string) string {
	if strings.ContainsAny(s, ":#'\"{}[],&*!|>%@`") || strings.TrimSpace(s) != s {
		return fmt.Sprintf("%q", s)
	}
	return s
}
