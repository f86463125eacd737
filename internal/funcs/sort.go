package funcs

import (
	"fmt"
	"reflect"
	"strings"
)

// Sort returns the elements of c sorted: sort COLLECTION [KEY] [ORDER].
// KEY is a key path into each element ("Params.weight"); for a map,
// "value" (the default) sorts by the values. ORDER is "asc" (the default)
// or "desc". Elements whose key is missing sort first in ascending order.
// The sort is stable; a map's result is a list of its values.
func (Collections) Sort(c any, args ...any) (any, error) {
	if len(args) > 2 {
		return nil, fmt.Errorf("sort: want COLLECTION [KEY] [ORDER], got %d arguments", len(args)+1)
	}
	rv := indirect(reflect.ValueOf(c))
	if !rv.IsValid() {
		return nil, nil
	}
	key, order := "", "asc"
	if len(args) >= 1 {
		s, err := toStr(args[0])
		if err != nil {
			return nil, fmt.Errorf("sort: key: %w", err)
		}
		key = s
	}
	if len(args) == 2 {
		s, err := toStr(args[1])
		if err != nil {
			return nil, fmt.Errorf("sort: order: %w", err)
		}
		order = strings.ToLower(s)
	}
	if order != "asc" && order != "desc" {
		return nil, fmt.Errorf("sort: order must be \"asc\" or \"desc\", got %q", order)
	}
	var parts []string
	if key != "" && key != "value" {
		p, err := splitKeyPath(key)
		if err != nil {
			return nil, fmt.Errorf("sort: %w", err)
		}
		parts = p
	}
	var elems []reflect.Value
	var elemType reflect.Type
	switch rv.Kind() {
	case reflect.Slice, reflect.Array:
		elems, elemType = seqRange(rv, 0, rv.Len()), rv.Type().Elem()
	case reflect.Map:
		elems, _ = seqValues(rv.Interface())
		elemType = rv.Type().Elem()
	default:
		return nil, fmt.Errorf("sort: cannot sort %T", c)
	}
	type keyed struct {
		e reflect.Value
		k any
	}
	ks := make([]keyed, len(elems))
	for i, e := range elems {
		k := valueOf(e)
		if parts != nil {
			v, found, err := lookupPath(e, parts)
			if err != nil {
				return nil, fmt.Errorf("sort: %w", err)
			}
			k = nil
			if found {
				k = valueOf(v)
			}
		}
		ks[i] = keyed{e, k}
	}
	idx := make([]reflect.Value, len(ks))
	for i := range ks {
		idx[i] = reflect.ValueOf(i)
	}
	sortValues(idx, func(a, b reflect.Value) int {
		c := orderAny(ks[a.Int()].k, ks[b.Int()].k)
		if order == "desc" {
			return -c
		}
		return c
	})
	out := make([]reflect.Value, len(idx))
	for i, j := range idx {
		out[i] = ks[j.Int()].e
	}
	return sliceOfValues(elemType, out), nil
}
