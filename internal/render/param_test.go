package render

import "testing"

func TestLookupParamCaseFolding(t *testing.T) {
	m := map[string]any{
		"Product": "exact",
		"product": "lower",
		"PRODUCT": "upper",
		"nested":  map[string]any{"Name": "n"},
	}
	for i := 0; i < 50; i++ { // map order varies from run to run
		if v, _ := lookupParam(m, "product"); v != "lower" {
			t.Fatalf(`lookupParam(m, "product") = %v, want the exact key's "lower"`, v)
		}
		if v, _ := lookupParam(m, "pRoDuCt"); v != "upper" {
			t.Fatalf(`lookupParam(m, "pRoDuCt") = %v, want "upper" (least of the folded keys)`, v)
		}
	}
	if v, ok := lookupParam(m, "NESTED.name"); !ok || v != "n" {
		t.Errorf(`lookupParam(m, "NESTED.name") = %v, %v, want "n", true`, v, ok)
	}
	if _, ok := lookupParam(m, "missing"); ok {
		t.Error(`lookupParam(m, "missing") found a value`)
	}
}
