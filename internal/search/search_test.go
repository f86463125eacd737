package search

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/quire-docs/quire/internal/outline"
)

func TestIndex(t *testing.T) {
	t.Parallel()
	got := string(Index([]Page{
		{URL: "/a/", Title: "A <b>", Sections: []outline.Section{{Text: "lead"}, {Level: 2, ID: "x", Title: "X", Text: "body & more"}}},
		{URL: "/b/", Title: "B", Sections: []outline.Section{{}}},
	}))
	want := `{"v":1,"p":[["/a/","A <b>"],["/b/","B"]],"s":[[0,"","","lead"],[0,"x","X","body & more"]]}` + "\n"
	if got != want {
		t.Errorf("Index =\n%s\nwant\n%s", got, want)
	}
}

func TestIndexEmpty(t *testing.T) {
	t.Parallel()
	var v map[string]any
	if err := json.Unmarshal(Index(nil), &v); err != nil {
		t.Fatal(err)
	}
	if v["v"] != float64(Version) || v["p"] == nil || v["s"] == nil {
		t.Errorf("Index(nil) = %v, want version and empty lists", v)
	}
}

func TestIndexCutsLongText(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("é", MaxText) // 2 bytes each
	out := Index([]Page{{URL: "/", Title: "T", Sections: []outline.Section{{Text: long}}}})
	var v struct{ S [][4]any }
	if err := json.Unmarshal(out, &v); err != nil {
		t.Fatal(err)
	}
	text := v.S[0][3].(string)
	if len(text) > MaxText || !strings.HasPrefix(long, text) || len(text) < MaxText-1 {
		t.Errorf("cut text to %d bytes, want at most %d at a character boundary", len(text), MaxText)
	}
}
