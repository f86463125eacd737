package funcs

import (
	"testing"
)

func TestLookupParamCaseFolding(t *testing.T) {
	m := map[string]any{
		"Product": "exact",
		"product": "lower",
		"PRODUCT": "upper",
		"nested":  map[string]any{"Name": "n"},
	}
	for i := 0; i < 50; i++ { // map order varies from run to run
		if v, _ := LookupParam(m, "product"); v != "lower" {
			t.Fatalf(`LookupParam(m, "product") = %v, want the exact key's "lower"`, v)
		}
		if v, _ := LookupParam(m, "pRoDuCt"); v != "upper" {
			t.Fatalf(`LookupParam(m, "pRoDuCt") = %v, want "upper" (least of the folded keys)`, v)
		}
	}
	if v, ok := LookupParam(m, "NESTED.name"); !ok || v != "n" {
		t.Errorf(`LookupParam(m, "NESTED.name") = %v, %v, want "n", true`, v, ok)
	}
	if _, ok := LookupParam(m, "missing"); ok {
		t.Error(`LookupParam(m, "missing") found a value`)
	}
}
