package funcs

import (
	"slices"
	"testing"
)

func TestFindUndefined(t *testing.T) {
	t.Parallel()
	fm := New(Options{})
	for _, tc := range []struct {
		name      string
		text      string
		want      []string
		line, col int
	}{
		{"AllDefined", `{{ where .Pages "Type" "x" | first 2 }}{{ strings.ToLower "A" }}{{ len . }}`, nil, 0, 0},
		{"OneMissing", `a{{ partialCached "x" . }}`, []string{"partialCached"}, 1, 5},
		{"EveryMissingOnce", "x\n  {{ if zap 1 }}{{ foo }}{{ else }}{{ zap 2 | bar }}{{ end }}", []string{"bar", "foo", "zap"}, 2, 9},
		{"InsideDefineAndRange", `{{ define "main" }}{{ range nope . }}{{ with also }}{{ end }}{{ end }}{{ end }}`, []string{"also", "nope"}, 1, 29},
		{"NamespaceMethodMissing", `{{ strings.ToLower "a" }}{{ strings.NoSuch "a" }}{{ math.Add 1 2 }}`, []string{"strings.NoSuch"}, 1, 29},
		{"UnknownNamespace", `{{ images.Filter . }}`, []string{"images"}, 1, 4},
		{"InPipelineArgs", `{{ printf "%s" (markdownify .Inner) }}`, []string{"markdownify"}, 1, 17},
		{"OtherSyntaxErrorIsLeftToTheParser", `{{ nope }`, nil, 0, 0},
		{"FieldsAreNotFuncs", `{{ .Site.Params.x }}{{ $x := 1 }}{{ $x }}`, nil, 0, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			u := FindUndefined(tc.text, fm)
			if tc.want == nil {
				if u != nil {
					t.Fatalf("FindUndefined(%q) = %+v, want nil", tc.text, u)
				}
				return
			}
			if u == nil || !slices.Equal(u.Names, tc.want) || u.Line != tc.line || u.Col != tc.col {
				t.Fatalf("FindUndefined(%q) = %+v, want %v at %d:%d", tc.text, u, tc.want, tc.line, tc.col)
			}
		})
	}
}

func TestUndefinedMessage(t *testing.T) {
	t.Parallel()
	u := &Undefined{Names: []string{"partialCached", "where"}}
	if got, want := u.Message(), "functions not defined: partialCached, where"; got != want {
		t.Errorf("Message() = %q, want %q", got, want)
	}
	if got, want := (&Undefined{Names: []string{"x"}}).Message(), `function "x" not defined`; got != want {
		t.Errorf("Message() = %q, want %q", got, want)
	}
}

func TestFindUndefinedHugoMethod(t *testing.T) {
	t.Parallel()
	u := FindUndefined(`{{ hugo.Generator }}{{ with hugo.Store }}{{ end }}`, New(Options{}))
	if u == nil || !slices.Equal(u.Names, []string{"hugo.Store"}) {
		t.Fatalf("FindUndefined = %+v, want hugo.Store", u)
	}
}
