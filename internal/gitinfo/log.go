package gitinfo

import (
	"bytes"
	"fmt"
	"strings"
	"time"
)

// parseLog reads the output of Read's git log: per commit, newest first,
// "\x1e" and the fields separated by "\x1f", a NUL, then the paths it
// touched, each ended by a NUL. The first commit naming a path is its
// last. Paths are from the repository's top; those under prefix (the
// site's directory in it, "docs/") are kept, without it.
func parseLog(out []byte, prefix string) (map[string]*Commit, error) {
	files := map[string]*Commit{}
	for _, rec := range bytes.Split(out, []byte{0x1e}) {
		if len(bytes.TrimSpace(rec)) == 0 {
			continue
		}
		head, rest, _ := bytes.Cut(rec, []byte{0})
		c, err := parseCommit(string(head))
		if err != nil {
			return nil, err
		}
		for _, name := range bytes.Split(rest, []byte{0}) {
			n := strings.TrimLeft(string(name), "\n")
			if n == "" || !strings.HasPrefix(n, prefix) {
				continue
			}
			n = n[len(prefix):]
			if _, seen := files[n]; !seen {
				files[n] = c
			}
		}
	}
	return files, nil
}

// parseCommit reads one commit's fields: %H %h %aN %aE %aI %cI %s.
func parseCommit(head string) (*Commit, error) {
	f := strings.SplitN(head, "\x1f", 7)
	if len(f) != 7 {
		return nil, fmt.Errorf("git log: unexpected output %q", head)
	}
	ad, err := time.Parse(time.RFC3339, f[4])
	if err != nil {
		return nil, fmt.Errorf("git log: author date: %v", err)
	}
	cd, err := time.Parse(time.RFC3339, f[5])
	if err != nil {
		return nil, fmt.Errorf("git log: commit date: %v", err)
	}
	return &Commit{Hash: f[0], AbbreviatedHash: f[1], AuthorName: f[2], AuthorEmail: f[3],
		AuthorDate: ad, CommitDate: cd, Subject: f[6]}, nil
}
