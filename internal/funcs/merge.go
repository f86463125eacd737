package funcs

import (
	"errors"
	"fmt"
	"net/url"
	"slices"
	"strings"
)

// Merge merges maps from left to right into a new map: a later map's value
// wins, and maps under the same key are merged the same way:
// merge $defaults $params. No argument is changed.
func (Collections) Merge(maps ...any) (map[string]any, error) {
	if len(maps) < 2 {
		return nil, errors.New("merge: want at least two maps")
	}
	out := map[string]any{}
	for i, m := range maps {
		mm, ok := m.(map[string]any)
		if !ok && m != nil {
			return nil, fmt.Errorf("merge: argument %d is %T, want a map", i+1, m)
		}
		mergeInto(out, mm)
	}
	return out, nil
}

func mergeInto(dst, src map[string]any) {
	for k, v := range src {
		sm, srcIsMap := v.(map[string]any)
		dm, dstIsMap := dst[k].(map[string]any)
		switch {
		case srcIsMap && dstIsMap:
			merged := make(map[string]any, len(dm))
			mergeInto(merged, dm)
			mergeInto(merged, sm)
			dst[k] = merged
		case srcIsMap:
			c := make(map[string]any, len(sm))
			mergeInto(c, sm)
			dst[k] = c
		default:
			dst[k] = v
		}
	}
}

// Querify makes a URL query string from key/value pairs, a slice of them or
// a map, keys sorted: querify "a" 1 "b" "x y" → a=1&b=x+y.
func (Collections) Querify(args ...any) (string, error) {
	if len(args) == 1 {
		switch a := args[0].(type) {
		case map[string]any:
			args = nil
			for _, k := range slices.Sorted(func(yield func(string) bool) {
				for k := range a {
					if !yield(k) {
						return
					}
				}
			}) {
				args = append(args, k, a[k])
			}
		case []any:
			args = a
		case []string:
			args = nil
			for _, s := range a {
				args = append(args, s)
			}
		}
	}
	if len(args)%2 != 0 {
		return "", fmt.Errorf("querify: want key/value pairs, got %d values", len(args))
	}
	q := url.Values{}
	for i := 0; i < len(args); i += 2 {
		k, err := str("querify", args[i])
		if err != nil {
			return "", err
		}
		v, err := str("querify", args[i+1])
		if err != nil {
			return "", err
		}
		q.Add(k, v)
	}
	return q.Encode(), nil
}

// FirstLower lower-cases the first rune of s.
func (Strings) FirstLower(s any) (string, error) {
	x, err := str("strings.FirstLower", s)
	if x == "" {
		return x, err
	}
	r := []rune(x)
	return strings.ToLower(string(r[0])) + string(r[1:]), err
}
