package memo

import "testing"

// TestHasherFields: what is written decides the key, fields never run
// together, and keys of other seeds differ. (Writes are not typed: Str("")
// and Num(0) write the same, as callers write fields in a fixed order.)
func TestHasherFields(t *testing.T) {
	t.Parallel()
	seeds := NewSeeds()
	sum := func(write func(h *Hasher)) Key {
		h := seeds.Hasher()
		write(h)
		return h.Sum()
	}
	ab := sum(func(h *Hasher) { h.Str("ab"); h.Str("c") })
	if again := sum(func(h *Hasher) { h.Str("ab"); h.Str("c") }); again != ab {
		t.Errorf("the same writes gave %v and %v", ab, again)
	}
	if bytes := sum(func(h *Hasher) { h.Bytes([]byte("ab")); h.Bytes([]byte("c")) }); bytes != ab {
		t.Errorf("Bytes and Str of the same text differ: %v, %v", bytes, ab)
	}
	distinct := map[string]func(h *Hasher){
		"Str ab, c": func(h *Hasher) { h.Str("ab"); h.Str("c") },
		"Str a, bc": func(h *Hasher) { h.Str("a"); h.Str("bc") },
		"Str abc":   func(h *Hasher) { h.Str("abc") },
		"Str empty": func(h *Hasher) { h.Str("") },
		"nothing":   func(h *Hasher) {},
		"Num 1":     func(h *Hasher) { h.Num(1) },
		"Num -1":    func(h *Hasher) { h.Num(-1) },
		"Flag true": func(h *Hasher) { h.Flag(true) },
		"Key 1,2":   func(h *Hasher) { h.Key(Key{1, 2}) },
		"Key 2,1":   func(h *Hasher) { h.Key(Key{2, 1}) },
	}
	seen := map[Key]string{}
	for name, write := range distinct {
		k := sum(write)
		if other, ok := seen[k]; ok {
			t.Errorf("%s and %s hash the same", name, other)
		}
		seen[k] = name
	}
	other := NewSeeds()
	h := other.Hasher()
	h.Str("ab")
	h.Str("c")
	if h.Sum() == ab {
		t.Error("two sets of seeds gave the same key")
	}
}

// TestHasherSumGoesOn: Sum does not end the hash; writing on gives the
// key of everything written.
func TestHasherSumGoesOn(t *testing.T) {
	t.Parallel()
	seeds := NewSeeds()
	h := seeds.Hasher()
	h.Str("a")
	first := h.Sum()
	h.Str("b")
	whole := seeds.Hasher()
	whole.Str("a")
	whole.Str("b")
	if got, want := h.Sum(), whole.Sum(); got != want || got == first {
		t.Errorf("after Sum and more writes: %v, want %v (and not %v)", got, want, first)
	}
}
