package config

import (
	"reflect"
	"strings"
	"testing"
)

func TestMathConfig(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		src     string
		want    Math
		mermaid bool
		err     string
	}{
		{name: "default: $$ blocks and \\( inline", src: "",
			want: defaultMath(), mermaid: true},
		{name: "Hugo's passthrough table sets the delimiters",
			src:  "[markup.goldmark.extensions.passthrough]\nenable = true\n[markup.goldmark.extensions.passthrough.delimiters]\nblock = [['\\[', '\\]'], ['$$', '$$']]\ninline = [['\\(', '\\)'], ['$', '$']]\n",
			want: Math{Enable: true, Block: [][2]string{{`\[`, `\]`}, {"$$", "$$"}}, Inline: [][2]string{{`\(`, `\)`}, {"$", "$"}}}, mermaid: true},
		{name: "math and diagrams off",
			src:  "[markup.goldmark.extensions.passthrough]\nenable = false\n[markup.mermaid]\nenable = false\n",
			want: Math{Enable: false, Block: [][2]string{{"$$", "$$"}}, Inline: [][2]string{{`\(`, `\)`}}}},
		{name: "a delimiter that is not a pair",
			src: "[markup.goldmark.extensions.passthrough.delimiters]\nblock = [['$$']]\n",
			err: "2:1: markup.goldmark.extensions.passthrough.delimiters.block: element 1 is not a pair of strings"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg, _, err := Parse([]byte(tt.src))
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("error = %v, want %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(cfg.Math, tt.want) || cfg.Mermaid.Enable != tt.mermaid {
				t.Errorf("Math = %+v, Mermaid = %v; want %+v, %v", cfg.Math, cfg.Mermaid.Enable, tt.want, tt.mermaid)
			}
		})
	}
}
