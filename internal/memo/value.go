package memo

import (
	"fmt"
	"maps"
	"math"
	"slices"
	"time"
)

// Time writes t as its binary encoding, which keeps its location's
// offset: two times of the same instant in other zones differ, as their
// printed forms do.
func (h *Hasher) Time(t time.Time) {
	b, err := t.MarshalBinary()
	if err != nil { // a time outside MarshalBinary's range: use its text
		b = []byte(t.String())
	}
	h.Bytes(b)
}

// Params writes front matter or config params: their number, then each
// key and Value in key order, so maps equal in any insertion order write
// the same.
func (h *Hasher) Params(m map[string]any) {
	h.Num(int64(len(m)))
	if len(m) == 0 {
		return
	}
	for _, k := range slices.Sorted(maps.Keys(m)) {
		h.Str(k)
		h.Value(m[k])
	}
}

// Value writes a value decoded from YAML, TOML or JSON, with its type, so
// 1 and "1" differ. Types those decoders do not make are written as
// printed, which is exact for every type without pointers.
func (h *Hasher) Value(v any) {
	switch x := v.(type) {
	case nil:
		h.Num(0)
	case string:
		h.Num(1)
		h.Str(x)
	case bool:
		h.Num(2)
		h.Flag(x)
	case int:
		h.Num(3)
		h.Num(int64(x))
	case int64:
		h.Num(4)
		h.Num(x)
	case uint64:
		h.Num(5)
		h.Num(int64(x))
	case float64:
		h.Num(6)
		h.Num(int64(math.Float64bits(x)))
	case time.Time:
		h.Num(7)
		h.Time(x)
	case []any:
		h.Num(8)
		h.Num(int64(len(x)))
		for _, e := range x {
			h.Value(e)
		}
	case map[string]any:
		h.Num(9)
		h.Params(x)
	default:
		h.Num(10)
		h.Str(fmt.Sprintf("%T %#v", x, x))
	}
}
