package config

import (
	"reflect"
	"strings"
	"testing"
)

func TestCascade(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		format Format
		src    string
		want   Cascade
	}{
		{"Table", TOML, "title = 'x'\n[cascade.params]\ncolor = 'red'\n",
			Cascade{Value: map[string]any{"params": map[string]any{"color": "red"}}, Line: 2, Col: 2}},
		{"ArrayOfTables", TOML, "[[cascade]]\ncolor = 'red'\n[cascade.target]\nkind = 'page'\n[[cascade]]\ncolor = 'blue'\n",
			Cascade{Value: []map[string]any{{"color": "red", "target": map[string]any{"kind": "page"}}, {"color": "blue"}}, Line: 1, Col: 3}},
		{"YAMLList", YAML, "title: x\ncascade:\n  - color: red\n",
			Cascade{Value: []any{map[string]any{"color": "red"}}, Line: 2, Col: 1}},
		{"LanguageCascade", TOML, "[languages.en]\ntitle = 'x'\n[languages.en.cascade]\ncolor = 'red'\n",
			Cascade{Value: map[string]any{"color": "red"}, Line: 3, Col: 2}},
		{"Unset", TOML, "title = 'x'\n", Cascade{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			cfg, warns, err := ParseFormat([]byte(tt.src), tt.format)
			if err != nil {
				t.Fatalf("ParseFormat: %v", err)
			}
			for _, w := range warns {
				if strings.Contains(w.Msg, "cascade") {
					t.Errorf("warning about the cascade: %v", w)
				}
			}
			if len(cfg.Params) != 0 {
				t.Errorf("Params = %v, want the cascade kept out of them", cfg.Params)
			}
			got := cfg.Cascade
			if !reflect.DeepEqual(got.Value, tt.want.Value) || got.Line != tt.want.Line || got.Col != tt.want.Col {
				t.Errorf("Cascade = %#v\nwant %#v", got, tt.want)
			}
		})
	}
}

func TestCascadeNotATable(t *testing.T) {
	t.Parallel()
	_, _, err := Parse([]byte("title = 'x'\ncascade = 'red'\n"))
	want := `:2:1: cascade: expected a table or an array of tables, got a string (hint: write [cascade.params] color = 'red', or [[cascade]] tables with a [cascade.target] each)`
	if got := strings.Join(errorLines(err), "\n"); got != want {
		t.Errorf("error:\n got %s\nwant %s", got, want)
	}
}
