package memo

import (
	"maps"
	"testing"
	"time"
)

// TestHashParams: params that differ in any value, type or key hash
// differently; equal ones (maps in any insertion order) the same.
func TestHashParams(t *testing.T) {
	t.Parallel()
	seeds := NewSeeds()
	sum := func(m map[string]any) Key {
		h := seeds.Hasher()
		h.Params(m)
		return h.Sum()
	}
	base := map[string]any{"a": "x", "n": 1, "f": 1.5, "b": true, "l": []any{"p", 2}, "m": map[string]any{"k": "v"},
		"t": time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC), "i64": int64(3), "u": uint64(4), "z": nil, "s": []string{"q"}}
	variants := []map[string]any{
		{"a": "y"}, {"n": 2}, {"n": "1"}, {"f": 2.5}, {"b": false}, {"l": []any{"p", 3}}, {"l": []any{"p"}},
		{"m": map[string]any{"k": "w"}}, {"m": map[string]any{"j": "v"}}, {"t": time.Date(2026, 1, 2, 3, 4, 6, 0, time.UTC)},
		{"i64": int64(4)}, {"u": uint64(5)}, {"z": 0}, {"s": []string{"r"}}, {"extra": 1},
	}
	want := sum(base)
	if got := sum(maps.Clone(base)); got != want {
		t.Fatal("equal params hash differently")
	}
	for _, v := range variants {
		m := maps.Clone(base)
		maps.Copy(m, v)
		if sum(m) == want {
			t.Errorf("params changed by %v hash the same", v)
		}
	}
	if sum(nil) != sum(map[string]any{}) {
		t.Error("nil and empty params hash differently")
	}
}

// TestHashValueTypes: values equal as printed but of other types hash
// differently, as a template comparing them would tell them apart.
func TestHashValueTypes(t *testing.T) {
	t.Parallel()
	seeds := NewSeeds()
	values := map[string]any{
		"nil": nil, "string": "1", "bool": true, "int": 1, "int64": int64(1), "uint64": uint64(1),
		"float64": 1.0, "list": []any{1}, "map": map[string]any{"1": 1}, "strings": []string{"1"},
		"time": time.Unix(1, 0).UTC(),
	}
	seen := map[Key]string{}
	for name, v := range values {
		h := seeds.Hasher()
		h.Value(v)
		k := h.Sum()
		if other, ok := seen[k]; ok {
			t.Errorf("%s and %s hash the same", name, other)
		}
		seen[k] = name
	}
}

// TestHashTime: the same instant in the same zone hashes the same, in
// another zone (another printed form) differently, and times outside
// MarshalBinary's range still hash.
func TestHashTime(t *testing.T) {
	t.Parallel()
	seeds := NewSeeds()
	sum := func(tm time.Time) Key {
		h := seeds.Hasher()
		h.Time(tm)
		return h.Sum()
	}
	utc := time.Date(2026, 1, 2, 3, 4, 5, 6, time.UTC)
	if sum(utc) != sum(time.Date(2026, 1, 2, 3, 4, 5, 6, time.UTC)) {
		t.Error("equal times hash differently")
	}
	if sum(utc) == sum(utc.In(time.FixedZone("X", 3600))) {
		t.Error("one instant in two zones hashes the same")
	}
	if sum(utc) == sum(utc.Add(1)) {
		t.Error("times a nanosecond apart hash the same")
	}
	// Offsets beyond MarshalBinary's range: hashed as text.
	far, farther := time.FixedZone("far", 1<<30), time.FixedZone("far", 1<<30+60)
	if _, err := utc.In(far).MarshalBinary(); err == nil {
		t.Fatal("MarshalBinary takes an offset of 2^30 s: pick one it refuses")
	}
	if sum(utc.In(far)) == sum(utc.In(farther)) {
		t.Error("times in zones MarshalBinary refuses hash the same")
	}
}
