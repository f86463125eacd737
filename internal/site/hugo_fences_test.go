package site

import (
	"testing"

	"github.com/rogpeppe/go-internal/txtar"
)

// TestHugoShortcodesInCode: shortcodes are expanded where Hugo expands
// them, which is in code fences and code spans too: the output of one in
// code is the text it shows, highlighted and escaped with the code. An
// escaped {{</* */>}} prints as written everywhere. A shortcode inside an
// HTML comment is not run, so a ref there is not checked. Each case is a
// site and its expectations, in the form of testdata/hugo/*.txtar's want.
func TestHugoShortcodesInCode(t *testing.T) {
	t.Parallel()
	const common = `
-- config.toml --
minify = false
[params.grpc_vers]
go = "v1.60.0"
-- layouts/shortcodes/tag.html --
<b>{{ .Get 0 }}</b>
-- content/_index.md --
---
title: Home
---
-- content/b.md --
---
title: B
---
## Usage
`
	tests := []struct{ name, files, want string }{
		{"ShortcodeInFence", `
-- content/a.md --
---
title: A
---
` + "```sh" + `
git clone -b {{< param grpc_vers.go >}} https://github.com/grpc/grpc-go
# see {{< relref "b.md#usage" >}} and {{< tag "html out" >}}
` + "```" + `
`, `
a/index.html contains git clone -b v1.60.0 https://github.com/grpc/grpc-go
a/index.html contains see /b/#usage and html out
a/index.html lacks {{&lt;
a/index.html lacks &lt;b&gt;
`},
		{"ShortcodeInInlineCode", `
-- content/a.md --
---
title: A
---
Run ` + "`go get google.golang.org/grpc@{{< param grpc_vers.go >}}`" + ` or ` + "``{{< tag \"x<y\" >}}``" + `.
`, `
a/index.html contains Run <code>go get google.golang.org/grpc@v1.60.0</code> or <code>x&lt;y</code>.
`},
		{"EscapeKeptAsHugoPrintsIt", `
-- content/a.md --
---
title: A
---
Write {{</* param grpc_vers.go */>}} or ` + "`{{%/* param x */%}}`" + `:

` + "```text" + `
{{</* param grpc_vers.go */>}}
` + "```" + `
`, `
a/index.html contains Write {{&lt; param grpc_vers.go &gt;}} or <code>{{% param x %}}</code>:
a/index.html contains <code class="language-text">{{&lt; param grpc_vers.go &gt;}}
a/index.html lacks v1.60.0
`},
		{"CommentNotRun", `
-- content/a.md --
---
title: A
---
Before <!-- TODO: [x]({{< relref "b.md#nowhere" >}}) {{< nope >}} {{</* x */>}} --> after {{< param grpc_vers.go >}}.

<!--
{{< relref "missing.md" >}}
-->
`, `
a/index.html contains Before <!-- TODO: [x]({{< relref "b.md#nowhere" >}}) {{< nope >}} {{< x >}} --> after v1.60.0.
a/index.html contains {{< relref "missing.md" >}}
`},
		{"CommentNotRunWhenSafe", `
-- config.toml --
minify = false
[markup.goldmark.renderer]
unsafe = false
-- content/a.md --
---
title: A
---
<!-- TODO: {{< relref "b.md#nowhere" >}} -->
`, `
a/index.html lacks nowhere
`},
		{"LinkPositionsAfterCode", `
-- content/a.md --
---
title: A
---
` + "`{{< tag \"a\" >}}` [x](#nowhere) `{{< param grpc_vers.go >}}` [y](#gone)" + `
`, `
error content/a.md:4:19: broken link "#nowhere": no anchor "nowhere" on this page
error content/a.md:4:62: broken link "#gone": no anchor "gone" on this page
`},
		{"ErrorPositionInFence", `
-- content/a.md --
---
title: A
---
` + "```" + `
{{< tag "b" >}} {{< nope >}}
` + "```" + `
`, `
error content/a.md:5:17: shortcode "nope": unknown shortcode (hint: add its template as layouts/shortcodes/nope.html)
`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			ar := txtar.Parse([]byte(common))
			extra := txtar.Parse([]byte(tt.files))
			for _, f := range extra.Files {
				replaced := false
				for i := range ar.Files {
					if ar.Files[i].Name == f.Name {
						ar.Files[i], replaced = f, true
					}
				}
				if !replaced {
					ar.Files = append(ar.Files, f)
				}
			}
			s, err := buildTxtar(t, string(txtar.Format(ar)), Options{})
			checkHugo(t, s, err, tt.want)
		})
	}
}
