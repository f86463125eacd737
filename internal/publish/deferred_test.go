package publish

import (
	"strings"
	"testing"
)

// TestDeferredChain: Find makes only the set that owns the path; All
// makes every set, sorted.
func TestDeferredChain(t *testing.T) {
	t.Parallel()
	made := map[string]int{}
	set := func(name string, paths ...string) *Deferred {
		return &Deferred{
			Owns: func(p string) bool { return strings.HasPrefix(p, name) },
			Files: func() []File {
				made[name]++
				var fs []File
				for _, p := range paths {
					fs = append(fs, File{Path: p, Data: []byte(p)})
				}
				return fs
			},
		}
	}
	d := set("search/", "search/a.json", "search/b.json")
	d.Next = set("llms", "llms-full.txt")
	if f, ok := d.Find("llms-full.txt"); !ok || string(f.Data) != "llms-full.txt" {
		t.Errorf("Find(llms-full.txt) = %q, %v", f.Data, ok)
	}
	if made["search/"] != 0 {
		t.Error("Find made a set that does not own the path")
	}
	if _, ok := d.Find("search/c.json"); ok {
		t.Error("Find found a file its set does not make")
	}
	if _, ok := d.Find("index.html"); ok || !d.OwnsAny("search/a.json") || d.OwnsAny("index.html") {
		t.Error("a path no set owns")
	}
	var got []string
	for _, f := range d.All() {
		got = append(got, f.Path)
	}
	if strings.Join(got, " ") != "llms-full.txt search/a.json search/b.json" {
		t.Errorf("All = %v", got)
	}
	var none *Deferred
	if _, ok := none.Find("x"); ok || none.OwnsAny("x") || len(none.All()) != 0 {
		t.Error("a nil Deferred has files")
	}
}
