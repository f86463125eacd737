package layout

import (
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/quire-docs/quire/internal/assets"
)

// TestSkippedAssets: a left-out asset link a layout names is an error at
// each place that names it, saying what the link is; the links no layout
// names are warnings, after the errors, in the links' order.
func TestSkippedAssets(t *testing.T) {
	t.Parallel()
	root := fstest.MapFS{
		"partials/scripts.html": {Data: []byte("<script>\n{{ with resources.Get \"js/base.js\" }}{{ .RelPermalink }}{{ end }}\n{{ index .Site.Assets \"vendor\" }}</script>")},
		"_default/single.html":  {Data: []byte("{{ resources.Get \"js/base.js\" }}")},
	}
	skipped := []assets.Link{
		{File: "assets/js/base.js", Name: "js/base.js", Target: "../../node_modules/base/base.js"},
		{File: "assets/js/lone.js", Name: "js/lone.js", Target: "gone.js"},
		{File: "assets/vendor", Name: "vendor", Dir: true},
	}
	var got []string
	for _, d := range SkippedAssets(root, "layouts", skipped) {
		got = append(got, d.Severity.String()+" "+d.Error())
	}
	const hint = " (hint: create the file the link points to (a Hugo site may need its node_modules installed), or remove the reference)"
	want := []string{
		"error layouts/_default/single.html:1:18: asset js/base.js is not there: assets/js/base.js is a dangling symbolic link to ../../node_modules/base/base.js" + hint,
		"error layouts/partials/scripts.html:2:23: asset js/base.js is not there: assets/js/base.js is a dangling symbolic link to ../../node_modules/base/base.js" + hint,
		"error layouts/partials/scripts.html:3:23: asset vendor is not there: assets/vendor is a symbolic link to a directory" + hint,
		"warning " + skipped[1].Warning().Error(),
	}
	if !slices.Equal(got, want) {
		t.Errorf("SkippedAssets =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if ds := SkippedAssets(nil, "layouts", skipped[1:2]); len(ds) != 1 || ds[0].Error() != skipped[1].Warning().Error() {
		t.Errorf("without layouts: %v, want the link's warning", ds)
	}
	if ds := SkippedAssets(root, "layouts", nil); ds != nil {
		t.Errorf("no links: %v, want none", ds)
	}
}
