package cli

import (
	"fmt"
	"io"
	"os"

	"github.com/quire-docs/quire/internal/linkcheck"
)

// applyIgnores takes the places the ignore comments of the site's
// markdown cover out of the broken links and warnings, and prints a
// warning for each comment that ignored nothing. When external links
// were not checked (--offline), a comment covering one is not stale.
func applyIgnores(env Env, links *linkcheck.Links, bad, external []linkcheck.Result, unchecked []linkcheck.Result) ([]linkcheck.Result, []linkcheck.Result) {
	ig := links.Ignores()
	bad, external = ig.Apply(bad), ig.Apply(external)
	ig.Unchecked(unchecked)
	printDiags(env.Stderr, ig.Warnings())
	return bad, external
}

// fixLinks rewrites, in the markdown files under root, the links of
// external that moved for good to where they moved (--fix), or prints
// the rewrites as a unified diff to diff (--dry-run) and writes
// nothing. Places left alone, and rewrites made, are printed on stderr.
// It reports whether every rewrite was written.
func fixLinks(env Env, root string, links *linkcheck.Links, external []linkcheck.Result, dryRun bool, diff io.Writer) bool {
	r, err := os.OpenRoot(root)
	if err != nil {
		fmt.Fprintf(env.Stderr, "linkcheck --fix: %v\n", err)
		return false
	}
	defer r.Close()
	plan := links.PlanFix(r.FS(), external)
	printDiags(env.Stderr, plan.Notes)
	ok := true
	for _, f := range plan.Files {
		if dryRun {
			fmt.Fprint(diff, linkcheck.UnifiedDiff(f.File, f.Old, f.New))
			continue
		}
		if err := f.Write(r); err != nil {
			fmt.Fprintf(env.Stderr, "linkcheck --fix: %v\n", err)
			ok = false
			continue
		}
		for _, e := range f.Edits {
			fmt.Fprintf(env.Stderr, "%s:%d:%d: fixed: %q is now %q\n", f.File, e.Line, e.Column, e.Old, e.New)
		}
	}
	return ok
}
