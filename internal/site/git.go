package site

import (
	"context"

	"github.com/quire-docs/quire/internal/config"
	"github.com/quire-docs/quire/internal/diag"
	"github.com/quire-docs/quire/internal/gitinfo"
)

// readGit runs the build's one git pass when config.toml sets
// enableGitInfo (gitinfo.ForBuild, in opts.Dir): the last commit of every
// content file, taken from the last build's when HEAD has not moved.
// nil without enableGitInfo or without an answer, with warnings saying
// why.
func readGit(ctx context.Context, cfg config.Config, opts Options) (*gitinfo.Info, []*diag.Diagnostic) {
	var last *gitinfo.Info
	if opts.Cache != nil {
		last = opts.Cache.git.Load()
	}
	info, warns := gitinfo.ForBuild(ctx, cfg.GitInfo, opts.Dir, []string{cfg.ContentDir}, last)
	if opts.Cache != nil {
		opts.Cache.git.Store(info) // nil when git gave no answer: the next build asks git again
	}
	return info, warns
}
