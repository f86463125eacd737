package gitinfo

import (
	"context"

	"github.com/quire-docs/quire/internal/diag"
)

// ForBuild is a build's one git pass when config.toml sets enableGitInfo
// (enabled): Read of dirs (the content dir) in dir, the site's directory
// on disk, with last as Read's (the last build's, reused while HEAD has
// not moved). Whatever keeps git from answering is a warning about
// config.toml, and the build goes on with the front matter's dates; so
// is a shallow clone, whose dates are wrong. It returns nil without
// enabled, without dir (a site not on disk, which is warned about too)
// or without an answer.
func ForBuild(ctx context.Context, enabled bool, dir string, dirs []string, last *Info) (*Info, []*diag.Diagnostic) {
	if !enabled {
		return nil, nil
	}
	const hint = "pages' dates come from their front matter"
	if dir == "" {
		return nil, []*diag.Diagnostic{diag.Warnf("config.toml", 0, 0, "enableGitInfo: the site is not in a directory git can read").WithHint(hint)}
	}
	info, err := Read(ctx, dir, dirs, last)
	switch {
	case err != nil: // ErrNoHistory, git missing, or git failing
		return nil, []*diag.Diagnostic{diag.Warnf("config.toml", 0, 0, "enableGitInfo: %v", err).WithHint(hint)}
	case info.Shallow:
		return info, []*diag.Diagnostic{diag.Warnf("config.toml", 0, 0, "shallow clone: dates from git are wrong").
			WithHint("in GitHub Actions set fetch-depth: 0 on actions/checkout")}
	}
	return info, nil
}
