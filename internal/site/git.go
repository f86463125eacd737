package site

import (
	"context"

	"github.com/quire-docs/quire/internal/config"
	"github.com/quire-docs/quire/internal/diag"
	"github.com/quire-docs/quire/internal/gitinfo"
)

// readGit runs the build's one git pass when config.toml sets
// enableGitInfo: the last commit of every content file (gitinfo.Read in
// opts.Dir), taken from the last build's when HEAD has not moved. Whatever keeps git from answering is a warning, and the
// build goes on with the front matter's dates; so is a shallow clone,
// whose dates are wrong. nil without enableGitInfo or without an answer.
func readGit(ctx context.Context, cfg config.Config, opts Options) (*gitinfo.Info, []*diag.Diagnostic) {
	if !cfg.GitInfo {
		return nil, nil
	}
	const hint = "pages' dates come from their front matter"
	if opts.Dir == "" {
		return nil, []*diag.Diagnostic{diag.Warnf("config.toml", 0, 0, "enableGitInfo: the site is not in a directory git can read").WithHint(hint)}
	}
	var last *gitinfo.Info
	if opts.Cache != nil {
		last = opts.Cache.lastGit()
	}
	info, err := gitinfo.Read(ctx, opts.Dir, []string{cfg.ContentDir}, last)
	if opts.Cache != nil {
		opts.Cache.keepGit(info) // nil after an error: the next build asks git again
	}
	switch {
	case err != nil: // gitinfo.ErrNoHistory, git missing, or git failing
		return nil, []*diag.Diagnostic{diag.Warnf("config.toml", 0, 0, "enableGitInfo: %v", err).WithHint(hint)}
	case info.Shallow:
		return info, []*diag.Diagnostic{diag.Warnf("config.toml", 0, 0, "shallow clone: dates from git are wrong").
			WithHint("in GitHub Actions set fetch-depth: 0 on actions/checkout")}
	}
	return info, nil
}

// lastGit returns what the last build read of git; nil for nothing.
func (c *Cache) lastGit() *gitinfo.Info {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.git
}

// keepGit keeps what a build read of git for the next one.
func (c *Cache) keepGit(info *gitinfo.Info) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.git = info
}
