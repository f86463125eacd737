package config

import (
	"sort"
	"strings"
)

// overlay merges src, whose keys sit at srcPath in srcPos, into dst at
// dstPath in dst's positions, as Hugo merges configuration files: keys
// match case-insensitively; where both sides hold a table the tables are
// merged key by key, and any other value of src replaces dst's, positions
// included. src's maps may end up shared with dst.
func overlay(dst map[string]any, dstPos keyPositions, dstPath []string, src map[string]any, srcPos keyPositions, srcPath []string) {
	keys := make([]string, 0, len(src))
	for k := range src {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		v := src[k]
		if v == nil {
			continue // YAML's null (key:) sets nothing
		}
		sp := child(srcPath, k)
		if ek, ok := findKey(dst, k); ok {
			dm, dok := dst[ek].(map[string]any)
			sm, sok := v.(map[string]any)
			if dok && sok {
				overlay(dm, dstPos, child(dstPath, ek), sm, srcPos, sp)
				continue
			}
			delete(dst, ek)
			dstPos.drop(child(dstPath, ek))
		}
		dst[k] = v
		dstPos.copyFrom(srcPos, sp, child(dstPath, k))
	}
}

// findKey returns the key of m equal to k under Unicode case folding,
// the first in sorted order when there are several.
func findKey(m map[string]any, k string) (string, bool) {
	if _, ok := m[k]; ok {
		return k, true
	}
	found, ok := "", false
	for mk := range m {
		if strings.EqualFold(mk, k) && (!ok || mk < found) {
			found, ok = mk, true
		}
	}
	return found, ok
}

// drop forgets the positions of path and every key below it.
func (kp keyPositions) drop(path []string) {
	p := joinPath(path)
	for k := range kp {
		if k == p || strings.HasPrefix(k, p+pathSep) {
			delete(kp, k)
		}
	}
}

// copyFrom records under to the positions src has under from (from itself
// and every key below it; every key when from is empty). src may be kp
// itself.
func (kp keyPositions) copyFrom(src keyPositions, from, to []string) {
	f, t := joinPath(from), joinPath(to)
	moved := map[string]position{}
	for k, p := range src {
		switch {
		case len(from) == 0 && len(to) == 0:
			moved[k] = p
		case len(from) == 0:
			moved[t+pathSep+k] = p
		case k == f || strings.HasPrefix(k, f+pathSep):
			moved[t+k[len(f):]] = p
		}
	}
	for k, p := range moved {
		kp[k] = p
	}
}
