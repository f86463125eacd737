package publish

import (
	"reflect"
	"slices"
	"strings"
	"testing"
)

// TestDedupeCollisions: every kind of collision between outputs, the file
// that is kept and what is reported. Each case that is not an error is
// also run with its outputs added in reverse, which changes neither the
// winner nor what is reported.
func TestDedupeCollisions(t *testing.T) {
	t.Parallel()
	type add struct {
		kind   Kind
		path   string
		source string
	}
	for _, tc := range []struct {
		name  string
		adds  []add
		want  []string // kept files as "path from source", sorted by path
		diags []string // diagnostics, as String formats them
	}{
		{
			name: "DistinctPathsAllKept",
			adds: []add{{Real, "b/index.html", "content/b.md"}, {Alias, "old/index.html", "content/b.md"}, {Generated, "robots.txt", "the generated robots.txt"}, {Real, "a.css", "assets/a.css"}},
			want: []string{"a.css from assets/a.css", "b/index.html from content/b.md", "old/index.html from content/b.md", "robots.txt from the generated robots.txt"},
		},
		{
			name:  "TwoPagesOnePathIsError",
			adds:  []add{{Real, "x/index.html", "content/a.md"}, {Real, "x/index.html", "content/b.md"}},
			want:  []string{"x/index.html from content/a.md"},
			diags: []string{"content/b.md: output x/index.html is also produced by content/a.md (hint: change the url or slug of the page)"},
		},
		{
			name:  "TwoFilesOnePathIsError",
			adds:  []add{{Real, "img/x.png", "assets/img/x.png"}, {Real, "img/x.png", "content/img/x.png"}},
			want:  []string{"img/x.png from assets/img/x.png"},
			diags: []string{"content/img/x.png: output img/x.png is also produced by assets/img/x.png (hint: remove or rename one of the files)"},
		},
		{
			name: "CaseOnlyDifferenceIsError",
			adds: []add{{Real, "faq/index.html", "content/other.md"}, {Real, "FAQ/index.html", "content/FAQ.md"}},
			want: []string{"FAQ/index.html from content/FAQ.md"},
			diags: []string{"content/other.md: output faq/index.html differs only in case from FAQ/index.html, produced by content/FAQ.md " +
				"(hint: they collide on case-insensitive file systems and web hosts; rename one)"},
		},
		{
			name: "NormalisationOnlyDifferenceIsError",
			adds: []add{{Real, "caf\u00e9/index.html", "content/caf\u00e9.md"}, {Real, "cafe\u0301/logo.png", "content/cafe\u0301/logo.png"}, {Real, "cafe\u0301/index.html", "content/cafe\u0301/index.md"}},
			want: []string{"cafe\u0301/index.html from content/cafe\u0301/index.md", "cafe\u0301/logo.png from content/cafe\u0301/logo.png"},
			diags: []string{"content/caf\u00e9.md: output caf\u00e9/index.html differs only in Unicode normalisation (NFC/NFD) from cafe\u0301/index.html, " +
				"produced by content/cafe\u0301/index.md (hint: they are one file on macOS and on many web hosts; rename one, or save both names in the same form)"},
		},
		{
			name:  "AliasYieldsToPage",
			adds:  []add{{Alias, "old/index.html", "content/b.md"}, {Real, "old/index.html", "content/old.md"}},
			want:  []string{"old/index.html from content/old.md"},
			diags: []string{"content/b.md: warning: alias /old/ is ignored: content/old.md is the page there"},
		},
		{
			name: "AliasOnTwoPagesWarnsAndLaterPageWins",
			adds: []add{{Alias, "old/index.html", "content/a.md"}, {Alias, "old/index.html", "content/b.md"}},
			want: []string{"old/index.html from content/b.md"},
			diags: []string{"content/a.md: warning: alias /old/ is also an alias of content/b.md, and redirects there " +
				"(hint: Hugo writes that page's alias last; remove the alias from one of the pages)"},
		},
		{
			name: "AliasOnThreePagesWarnsTwice",
			adds: []add{{Alias, "old/index.html", "content/c.md"}, {Alias, "old/index.html", "content/a.md"}, {Alias, "old/index.html", "content/b.md"}},
			want: []string{"old/index.html from content/c.md"},
			diags: []string{
				"content/b.md: warning: alias /old/ is also an alias of content/c.md, and redirects there " +
					"(hint: Hugo writes that page's alias last; remove the alias from one of the pages)",
				"content/a.md: warning: alias /old/ is also an alias of content/c.md, and redirects there " +
					"(hint: Hugo writes that page's alias last; remove the alias from one of the pages)",
			},
		},
		{
			// Hugo's page path of content/a.md is a prefix of content/a-b.md's,
			// though "a.md" sorts after "a-b.md".
			name: "AliasOnTwoPagesByPagePathNotFileName",
			adds: []add{{Alias, "old/index.html", "content/a-b.md"}, {Alias, "old/index.html", "content/a.md"}},
			want: []string{"old/index.html from content/a-b.md"},
			diags: []string{"content/a.md: warning: alias /old/ is also an alias of content/a-b.md, and redirects there " +
				"(hint: Hugo writes that page's alias last; remove the alias from one of the pages)"},
		},
		{
			name: "AliasOfSectionYieldsToAliasOfItsPage",
			adds: []add{{Alias, "old/index.html", "content/docs/1.md"}, {Alias, "old/index.html", "content/docs/_index.md"}},
			want: []string{"old/index.html from content/docs/1.md"},
			diags: []string{"content/docs/_index.md: warning: alias /old/ is also an alias of content/docs/1.md, and redirects there " +
				"(hint: Hugo writes that page's alias last; remove the alias from one of the pages)"},
		},
		{
			name: "AliasOnePageTwiceKeptOnce",
			adds: []add{{Alias, "old/index.html", "content/a.md"}, {Alias, "old/index.html", "content/a.md"}},
			want: []string{"old/index.html from content/a.md"},
		},
		{
			name: "AliasesDifferingInCaseAreError",
			adds: []add{{Alias, "old/index.html", "content/a.md"}, {Alias, "Old/index.html", "content/b.md"}},
			want: []string{"Old/index.html from content/b.md"},
			diags: []string{"content/a.md: output old/index.html differs only in case from Old/index.html, produced by content/b.md " +
				"(hint: they collide on case-insensitive file systems and web hosts; rename one)"},
		},
		{
			name: "GeneratedYieldsToSiteFileSilently",
			adds: []add{{Generated, "robots.txt", "the generated robots.txt"}, {Real, "robots.txt", "content/robots.txt"}},
			want: []string{"robots.txt from content/robots.txt"},
		},
		{
			name: "GeneratedYieldsToAliasSilently",
			adds: []add{{Generated, "robots.txt", "the generated robots.txt"}, {Alias, "robots.txt", "content/a.md"}},
			want: []string{"robots.txt from content/a.md"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			for _, reversed := range []bool{false, true} {
				if reversed && slices.ContainsFunc(tc.diags, isError) {
					continue // which of two erroneous files is kept does not matter
				}
				adds := slices.Clone(tc.adds)
				if reversed {
					slices.Reverse(adds)
				}
				var o Outputs
				for _, a := range adds {
					o.Add(a.kind, File{Path: a.path, Source: a.source})
				}
				files, ds := o.Dedupe()
				var got []string
				for _, f := range files {
					got = append(got, f.Path+" from "+f.Source)
				}
				if !slices.Equal(got, tc.want) {
					t.Errorf("reversed=%v: kept %q, want %q", reversed, got, tc.want)
				}
				var gotDs []string
				for _, d := range ds {
					gotDs = append(gotDs, d.String())
				}
				if reversed {
					// Diagnostics follow the order outputs were added in only
					// among equals: compare them as sets.
					slices.Sort(gotDs)
				}
				wantDs := slices.Clone(tc.diags)
				if reversed {
					slices.Sort(wantDs)
				}
				if !slices.Equal(gotDs, wantDs) {
					t.Errorf("reversed=%v: diagnostics\n%q\nwant\n%q", reversed, gotDs, wantDs)
				}
			}
		})
	}
}

// TestDedupeLeavesOutputsAsTheyAre: Dedupe does not change what was added,
// so a build step can run it again on the same outputs.
func TestDedupeLeavesOutputsAsTheyAre(t *testing.T) {
	t.Parallel()
	var o Outputs
	o.Add(Real, File{Path: "b/index.html", Source: "content/b.md"})
	o.Add(Alias, File{Path: "b/index.html", Source: "content/a.md"})
	o.Add(Real, File{Path: "a/index.html", Source: "content/a.md"})
	first, _ := o.Dedupe()
	second, _ := o.Dedupe()
	if !reflect.DeepEqual(first, second) || len(o.out) != 3 || o.out[0].Path != "b/index.html" {
		t.Errorf("Dedupe twice: %v then %v; outputs now %v", first, second, o.out)
	}
}

// isError reports whether a diagnostic, as String formats it, is an error.
func isError(d string) bool { return !strings.Contains(d, ": warning: ") }
