package funcs

import (
	"errors"
	"fmt"
	"reflect"
)

// Uniq returns seq without repeated elements, keeping the first of each.
func (Collections) Uniq(seq any) (any, error) {
	rv := indirect(reflect.ValueOf(seq))
	if !rv.IsValid() {
		return []any{}, nil
	}
	if rv.Kind() != reflect.Slice && rv.Kind() != reflect.Array {
		return nil, fmt.Errorf("uniq: cannot take unique elements of %T", seq)
	}
	var out []reflect.Value
	for _, v := range seqRange(rv, 0, rv.Len()) {
		if !containsValue(out, v) {
			out = append(out, v)
		}
	}
	return sliceOfValues(rv.Type().Elem(), out), nil
}

func containsValue(vs []reflect.Value, v reflect.Value) bool {
	for _, w := range vs {
		if equal(valueOf(w), valueOf(v)) {
			return true
		}
	}
	return false
}

// Union returns the elements of a, then those of b not in a, each once.
func (Collections) Union(a, b any) (any, error) {
	return setOp("union", a, b, func(av, bv []reflect.Value) []reflect.Value {
		var out []reflect.Value
		for _, v := range append(av, bv...) {
			if !containsValue(out, v) {
				out = append(out, v)
			}
		}
		return out
	})
}

// Intersect returns the elements of a that are also in b, each once.
func (Collections) Intersect(a, b any) (any, error) {
	return setOp("intersect", a, b, func(av, bv []reflect.Value) []reflect.Value {
		var out []reflect.Value
		for _, v := range av {
			if containsValue(bv, v) && !containsValue(out, v) {
				out = append(out, v)
			}
		}
		return out
	})
}

// SymDiff returns the elements in exactly one of a and b.
func (Collections) SymDiff(a, b any) (any, error) {
	return setOp("symdiff", a, b, func(av, bv []reflect.Value) []reflect.Value {
		var out []reflect.Value
		for _, v := range av {
			if !containsValue(bv, v) && !containsValue(out, v) {
				out = append(out, v)
			}
		}
		for _, v := range bv {
			if !containsValue(av, v) && !containsValue(out, v) {
				out = append(out, v)
			}
		}
		return out
	})
}

// Complement returns the elements of the last argument that are in none of
// the others: complement $a $b $c.
func (Collections) Complement(args ...any) (any, error) {
	if len(args) < 2 {
		return nil, errors.New("complement: want at least two collections")
	}
	last := indirect(reflect.ValueOf(args[len(args)-1]))
	if !last.IsValid() || last.Kind() != reflect.Slice && last.Kind() != reflect.Array {
		return nil, fmt.Errorf("complement: the last argument must be a slice or an array, got %T", args[len(args)-1])
	}
	var others []reflect.Value
	for _, a := range args[:len(args)-1] {
		vs, ok := seqValues(a)
		if !ok {
			vs = []reflect.Value{reflect.ValueOf(a)}
		}
		others = append(others, vs...)
	}
	var out []reflect.Value
	for _, v := range seqRange(last, 0, last.Len()) {
		if !containsValue(others, v) {
			out = append(out, v)
		}
	}
	return sliceOfValues(last.Type().Elem(), out), nil
}

// setOp runs op over the elements of two slices and types the result like
// a when the elements fit, else as []any.
func setOp(name string, a, b any, op func(av, bv []reflect.Value) []reflect.Value) (any, error) {
	ra, rb := indirect(reflect.ValueOf(a)), indirect(reflect.ValueOf(b))
	for _, r := range []struct {
		v reflect.Value
		x any
	}{{ra, a}, {rb, b}} {
		if r.v.IsValid() && r.v.Kind() != reflect.Slice && r.v.Kind() != reflect.Array {
			return nil, fmt.Errorf("%s: want slices, got %T", name, r.x)
		}
	}
	var av, bv []reflect.Value
	if ra.IsValid() {
		av = seqRange(ra, 0, ra.Len())
	}
	if rb.IsValid() {
		bv = seqRange(rb, 0, rb.Len())
	}
	out := op(av, bv)
	if ra.IsValid() && ra.Kind() == reflect.Slice {
		return sliceOfCommon(out, ra), nil
	}
	return sliceOfCommon(out, rb), nil
}
