package funcs

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
)

func TestLoadData(t *testing.T) {
	t.Parallel()
	fsys := fstest.MapFS{
		"data/authors/jane.yaml": {Data: []byte("name: Jane\nlangs: [go, rust]\n1: one\n")},
		"data/authors/bob.toml":  {Data: []byte("name = \"Bob\"\n[social]\nx = \"@bob\"\n")},
		"data/site.json":         {Data: []byte(`{"links": [{"title": "Home", "url": "/"}]}`)},
		"data/table.csv":         {Data: []byte("a,b\n1,2\n")},
		"data/site/extra.yaml":   {Data: []byte("k: v\n")},
		"data/.hidden/x.yaml":    {Data: []byte("k: v\n")},
		"data/notes.txt":         {Data: []byte("skipped")},
		"content/not-data.yaml":  {Data: []byte("k: v\n")},
	}
	got, err := LoadData(fsys, "data")
	if err != nil {
		t.Fatal(err)
	}
	if s, want := fmt.Sprint(got), "map[authors:map[bob:map[name:Bob social:map[x:@bob]] jane:map[1:one langs:[go rust] name:Jane]] site:map[extra:map[k:v] links:[map[title:Home url:/]]] table:[[a b] [1 2]]]"; s != want {
		t.Errorf("LoadData =\n%s\nwant\n%s", s, want)
	}
}

func TestLoadDataErrorsNameEveryFile(t *testing.T) {
	t.Parallel()
	fsys := fstest.MapFS{
		"data/bad.yaml":   {Data: []byte("a: [unclosed\n")},
		"data/bad.json":   {Data: []byte("{,")},
		"data/bad.toml":   {Data: []byte("a = 1\nb = \n")},
		"data/twice.yaml": {Data: []byte("k: 1\n")},
		"data/twice.toml": {Data: []byte("k = 2\n")},
	}
	_, err := LoadData(fsys, "data")
	if err == nil {
		t.Fatal("LoadData: no error")
	}
	for _, want := range []string{"data/bad.yaml:1:4: ", "data/bad.json:1:2: invalid character", "data/bad.toml:2:5: ", `data/twice.yaml: data key "twice.k" is set by another file too`} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q lacks %q", err, want)
		}
	}
}

func TestLoadDataMissingDir(t *testing.T) {
	t.Parallel()
	got, err := LoadData(fstest.MapFS{}, "data")
	if err != nil || len(got) != 0 {
		t.Errorf("LoadData = %v, %v; want an empty map", got, err)
	}
}
