package shortcode

import (
	"reflect"
	"strings"
	"testing"
)

// TestParam: {{< param >}} prints a value; a key that names a table is an
// error naming the key and its keys, never a printed Go map.
func TestParam(t *testing.T) {
	t.Parallel()
	params := map[string]any{
		"title":   "Etcd",
		"n":       int64(3),
		"version": map[string]any{"deprecation_warning": "old", "git_tag": "v3"},
		"empty":   map[string]any{},
	}
	s := testSet(t, nil)
	for _, tc := range []struct {
		name, body, want string
		diags            []string
	}{
		{"String", `{{< param title >}}`, "Etcd", nil},
		{"Integer", `{{< param "n" >}}`, "3", nil},
		{"NestedKey", `{{< param "version.git_tag" >}}`, "v3", nil},
		{"TableIsAnError", `v={{< param version >}}`, "v=", []string{
			`content/a.md:1:3: shortcode "param": parameter "version" is a table, not a value: name one of its keys, as {{< param "version.deprecation_warning" >}} (its keys: deprecation_warning, git_tag)`,
		}},
		{"EmptyTableIsAnError", `{{< param empty >}}`, "", []string{
			`content/a.md:1:1: shortcode "param": parameter "empty" is a table, not a value: name one of its keys, as {{< param "empty.KEY" >}} (it has none)`,
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got, diags := expand(t, s, Env{Body: []byte(tc.body), Param: func(k string) (any, bool) {
				var cur any = params
				for _, part := range strings.Split(k, ".") {
					m, ok := cur.(map[string]any)
					if !ok {
						return nil, false
					}
					if cur, ok = m[part]; !ok {
						return nil, false
					}
				}
				return cur, true
			}})
			if got != tc.want || !reflect.DeepEqual(diags, tc.diags) {
				t.Errorf("Expand(%q) = %q, %q\nwant %q, %q", tc.body, got, diags, tc.want, tc.diags)
			}
		})
	}
}
