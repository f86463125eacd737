package funcs

import (
	"fmt"
	"reflect"
	"strings"
)

// Index returns the element of c at the keys or indexes given, one after
// another, or a list of them: index $m "a" "b" is $m.a.b. A missing map key
// gives nil; an index out of range is an error.
func (Collections) Index(c any, keys ...any) (any, error) {
	if len(keys) == 1 { // index $m (slice "a" "b") is index $m "a" "b"
		if rv := indirect(reflect.ValueOf(keys[0])); rv.IsValid() && (rv.Kind() == reflect.Slice || rv.Kind() == reflect.Array) {
			keys = make([]any, rv.Len())
			for i := range keys {
				keys[i] = valueOf(rv.Index(i))
			}
		}
	}
	v := reflect.ValueOf(c)
	for _, k := range keys {
		v = indirect(v)
		if !v.IsValid() {
			return nil, nil
		}
		switch v.Kind() {
		case reflect.Map:
			kv, err := mapKey(v, k)
			if err != nil {
				return nil, fmt.Errorf("index: %w", err)
			}
			v = v.MapIndex(kv)
			if !v.IsValid() {
				return nil, nil
			}
		case reflect.Slice, reflect.Array, reflect.String:
			i, err := toInt(k)
			if err != nil {
				return nil, fmt.Errorf("index: %w", err)
			}
			if i < 0 || i >= v.Len() {
				return nil, fmt.Errorf("index: index %d out of range (length %d)", i, v.Len())
			}
			v = v.Index(i)
		default:
			return nil, fmt.Errorf("index: cannot index %s with %v", v.Type(), k)
		}
	}
	return valueOf(v), nil
}

// mapKey converts k to the key type of map m.
func mapKey(m reflect.Value, k any) (reflect.Value, error) {
	kt := m.Type().Key()
	if k == nil {
		return reflect.Zero(kt), nil
	}
	kv := reflect.ValueOf(k)
	if kv.Type().AssignableTo(kt) {
		return kv, nil
	}
	if kt.Kind() == reflect.String {
		s, err := toStr(k)
		if err != nil {
			return reflect.Value{}, err
		}
		return reflect.ValueOf(s).Convert(kt), nil
	}
	if scalarKind(kv.Kind()) && scalarKind(kt.Kind()) && kv.Type().ConvertibleTo(kt) {
		return kv.Convert(kt), nil
	}
	return reflect.Value{}, fmt.Errorf("key %v (%T) does not fit map key type %s", k, k, kt)
}

// IsSet reports whether c has key: a map key that exists, or an index
// within a slice or array.
func (Collections) IsSet(c any, key any) (bool, error) {
	v := indirect(reflect.ValueOf(c))
	if !v.IsValid() {
		return false, nil
	}
	switch v.Kind() {
	case reflect.Map:
		kv, err := mapKey(v, key)
		if err != nil {
			return false, nil
		}
		if v.MapIndex(kv).IsValid() {
			return true, nil
		}
		if s, ok := key.(string); ok && v.Type().Key().Kind() == reflect.String {
			return v.MapIndex(reflect.ValueOf(strings.ToLower(s)).Convert(v.Type().Key())).IsValid(), nil
		}
		return false, nil
	case reflect.Slice, reflect.Array:
		i, err := toInt(key)
		if err != nil {
			return false, fmt.Errorf("isset: %w", err)
		}
		return i >= 0 && i < v.Len(), nil
	}
	return false, fmt.Errorf("isset: cannot look up a key in %T", c)
}
