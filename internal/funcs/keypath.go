package funcs

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
)

// sortValues sorts vs stably by cmp.
func sortValues(vs []reflect.Value, cmp func(a, b reflect.Value) int) {
	slices.SortStableFunc(vs, cmp)
}

// splitKeyPath splits a key path such as "Params.tags" or ".Params.tags"
// into its parts. An empty path or an empty part is an error.
func splitKeyPath(p string) ([]string, error) {
	p = strings.TrimPrefix(p, ".")
	if p == "" {
		return nil, fmt.Errorf("empty key path")
	}
	parts := strings.Split(p, ".")
	for _, s := range parts {
		if s == "" {
			return nil, fmt.Errorf("key path %q has an empty part", p)
		}
	}
	return parts, nil
}

// lookupPath follows a key path from v: a map's key (matched
// case-insensitively, as Hugo's are), a struct's field, or a method with no
// arguments returning one value (or a value and an error). ok is false when
// a part is missing; err is set when a method fails.
func lookupPath(v reflect.Value, parts []string) (reflect.Value, bool, error) {
	for _, name := range parts {
		var ok bool
		var err error
		v, ok, err = lookupOne(v, name)
		if err != nil || !ok {
			return reflect.Value{}, false, err
		}
	}
	return v, true, nil
}

func lookupOne(v reflect.Value, name string) (reflect.Value, bool, error) {
	if !v.IsValid() {
		return reflect.Value{}, false, nil
	}
	// Methods may have pointer receivers: look on v before dereferencing.
	for w := v; w.IsValid(); {
		if m := w.MethodByName(name); m.IsValid() {
			return callMethod(m, name)
		}
		if w.Kind() != reflect.Pointer && w.Kind() != reflect.Interface || w.IsNil() {
			break
		}
		w = w.Elem()
	}
	v = indirect(v)
	if !v.IsValid() {
		return reflect.Value{}, false, nil
	}
	switch v.Kind() {
	case reflect.Map:
		if v.Type().Key().Kind() != reflect.String {
			return reflect.Value{}, false, nil
		}
		for _, k := range []string{name, strings.ToLower(name)} {
			if e := v.MapIndex(reflect.ValueOf(k).Convert(v.Type().Key())); e.IsValid() {
				return e, true, nil
			}
		}
		// Hugo's keys are case-insensitive ("firstname" finds firstName):
		// the first key in sorted order that folds to name.
		for _, k := range sortedKeys(v) {
			if strings.EqualFold(k.String(), name) {
				return v.MapIndex(k), true, nil
			}
		}
		return reflect.Value{}, false, nil
	case reflect.Struct:
		f, ok := v.Type().FieldByName(name)
		if !ok || !f.IsExported() {
			return reflect.Value{}, false, nil
		}
		return v.FieldByIndex(f.Index), true, nil
	}
	return reflect.Value{}, false, nil
}

var errorType = reflect.TypeFor[error]()

// callMethod calls a method that takes no arguments.
func callMethod(m reflect.Value, name string) (reflect.Value, bool, error) {
	t := m.Type()
	if t.NumIn() != 0 || t.NumOut() == 0 || t.NumOut() > 2 || t.NumOut() == 2 && t.Out(1) != errorType {
		return reflect.Value{}, false, nil
	}
	out := m.Call(nil)
	if len(out) == 2 && !out[1].IsNil() {
		return reflect.Value{}, false, fmt.Errorf("%s: %w", name, out[1].Interface().(error))
	}
	return out[0], true, nil
}

// valueOf returns the interface held by v, or nil for an invalid value.
func valueOf(v reflect.Value) any {
	if !v.IsValid() || !v.CanInterface() {
		return nil
	}
	if (v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface || v.Kind() == reflect.Map || v.Kind() == reflect.Slice) && v.IsNil() {
		return nil
	}
	return v.Interface()
}

func sortStrings(s []string) { slices.Sort(s) }
