package funcs

import (
	"fmt"
	"html/template"
	"math"
	"reflect"
	"strconv"
	"strings"
	"time"
)

// indirect follows pointers and interfaces; the result is invalid for nil.
func indirect(v reflect.Value) reflect.Value {
	for v.IsValid() && (v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface) {
		if v.IsNil() {
			return reflect.Value{}
		}
		v = v.Elem()
	}
	return v
}

// isInt, isUint, isFloat classify kinds.
func isInt(k reflect.Kind) bool {
	return k >= reflect.Int && k <= reflect.Int64
}

func isUint(k reflect.Kind) bool {
	return k >= reflect.Uint && k <= reflect.Uintptr
}

func isFloat(k reflect.Kind) bool { return k == reflect.Float32 || k == reflect.Float64 }

// toStr converts a template value to a string: strings and the safe types
// as they are, numbers and bools formatted, fmt.Stringer through String.
// It fails for slices, maps, structs and nil.
func toStr(v any) (string, error) {
	switch s := v.(type) {
	case string:
		return s, nil
	case template.HTML:
		return string(s), nil
	case template.URL:
		return string(s), nil
	case template.JS:
		return string(s), nil
	case template.CSS:
		return string(s), nil
	case template.HTMLAttr:
		return string(s), nil
	case []byte:
		return string(s), nil
	case fmt.Stringer:
		return s.String(), nil
	case error:
		return s.Error(), nil
	}
	rv := indirect(reflect.ValueOf(v))
	if !rv.IsValid() {
		return "", fmt.Errorf("cannot convert nil to a string")
	}
	switch k := rv.Kind(); {
	case k == reflect.String:
		return rv.String(), nil
	case isInt(k):
		return strconv.FormatInt(rv.Int(), 10), nil
	case isUint(k):
		return strconv.FormatUint(rv.Uint(), 10), nil
	case isFloat(k):
		return strconv.FormatFloat(rv.Float(), 'g', -1, 64), nil
	case k == reflect.Bool:
		return strconv.FormatBool(rv.Bool()), nil
	}
	return "", fmt.Errorf("cannot convert %T to a string", v)
}

// toInt converts numbers, numeric strings and bools to an int.
func toInt(v any) (int, error) {
	rv := indirect(reflect.ValueOf(v))
	if !rv.IsValid() {
		return 0, nil
	}
	switch k := rv.Kind(); {
	case isInt(k):
		return int(rv.Int()), nil
	case isUint(k):
		return int(rv.Uint()), nil
	case isFloat(k):
		f := rv.Float()
		if math.IsNaN(f) || math.IsInf(f, 0) || f > math.MaxInt64 || f < math.MinInt64 {
			return 0, fmt.Errorf("cannot convert %v to an int", f)
		}
		return int(f), nil
	case k == reflect.Bool:
		if rv.Bool() {
			return 1, nil
		}
		return 0, nil
	case k == reflect.String:
		s := strings.TrimSpace(rv.String())
		if n, err := strconv.ParseInt(s, 0, 64); err == nil {
			return int(n), nil
		}
		if f, err := strconv.ParseFloat(s, 64); err == nil {
			return toInt(f)
		}
		return 0, fmt.Errorf("cannot convert %q to an int", rv.String())
	}
	return 0, fmt.Errorf("cannot convert %T to an int", v)
}

// toFloat converts numbers, numeric strings and bools to a float64.
func toFloat(v any) (float64, error) {
	rv := indirect(reflect.ValueOf(v))
	if !rv.IsValid() {
		return 0, nil
	}
	switch k := rv.Kind(); {
	case isInt(k):
		return float64(rv.Int()), nil
	case isUint(k):
		return float64(rv.Uint()), nil
	case isFloat(k):
		return rv.Float(), nil
	case k == reflect.Bool:
		if rv.Bool() {
			return 1, nil
		}
		return 0, nil
	case k == reflect.String:
		f, err := strconv.ParseFloat(strings.TrimSpace(rv.String()), 64)
		if err != nil {
			return 0, fmt.Errorf("cannot convert %q to a float", rv.String())
		}
		return f, nil
	}
	return 0, fmt.Errorf("cannot convert %T to a float", v)
}

// normalize maps a value to a comparable canonical form: int64 for
// integers, float64 for floats, string for strings and the safe string
// types, time.Time, bool, nil; anything else is returned as it is.
func normalize(v any) any {
	switch t := v.(type) {
	case nil:
		return nil
	case time.Time:
		return t
	case *time.Time:
		if t == nil {
			return nil
		}
		return *t
	case template.HTML, template.URL, template.JS, template.CSS, template.HTMLAttr:
		s, _ := toStr(t)
		return s
	}
	rv := indirect(reflect.ValueOf(v))
	if !rv.IsValid() {
		return nil
	}
	switch k := rv.Kind(); {
	case k == reflect.Struct || k == reflect.Slice || k == reflect.Map || k == reflect.Array || k == reflect.Func || k == reflect.Chan:
		// Kept as given: a pointer stays a pointer, compared by identity
		// (is this the current page?), never walked.
		return v
	case isInt(k):
		return rv.Int()
	case isUint(k):
		if rv.Uint() > math.MaxInt64 {
			return float64(rv.Uint())
		}
		return int64(rv.Uint())
	case isFloat(k):
		return rv.Float()
	case k == reflect.String:
		return rv.String()
	case k == reflect.Bool:
		return rv.Bool()
	}
	return v
}

// equal reports whether a and b are equal as Hugo compares them: numbers
// by value whatever their types (1 equals 1.0), strings with the safe
// string types, other values deeply.
func equal(a, b any) bool {
	c, ok := compare(a, b)
	if ok {
		return c == 0
	}
	x, y := normalize(a), normalize(b)
	if x == nil || y == nil {
		return x == nil && y == nil
	}
	tx, ty := reflect.TypeOf(x), reflect.TypeOf(y)
	if tx != ty {
		return false
	}
	if tx.Comparable() {
		return x == y
	}
	return reflect.DeepEqual(x, y) // slices and maps: by content
}

// compare orders a and b when both are numbers, both strings or both
// times: -1, 0 or 1, and ok. Otherwise ok is false.
func compare(a, b any) (int, bool) {
	if c, ok := compareVersions(a, b); ok {
		return c, true
	}
	a, b = normalize(a), normalize(b)
	switch x := a.(type) {
	case int64:
		switch y := b.(type) {
		case int64:
			return cmp3(x < y, x > y), true
		case float64:
			return cmp3(float64(x) < y, float64(x) > y), true
		}
	case float64:
		switch y := b.(type) {
		case int64:
			return cmp3(x < float64(y), x > float64(y)), true
		case float64:
			return cmp3(x < y, x > y), true
		}
	case string:
		if y, ok := b.(string); ok {
			return strings.Compare(x, y), true
		}
	case time.Time:
		if y, ok := b.(time.Time); ok {
			return x.Compare(y), true
		}
	case bool:
		if y, ok := b.(bool); ok {
			return cmp3(!x && y, x && !y), true
		}
	}
	return 0, false
}

func cmp3(less, more bool) int {
	switch {
	case less:
		return -1
	case more:
		return 1
	}
	return 0
}

// truth reports whether v is true in the template sense: non-zero,
// non-empty, non-nil.
func truth(v any) bool {
	t, _ := template.IsTrue(v)
	return t
}

// seqValues returns the elements of a slice or array, or a map's values in
// key order; ok is false for anything else. nil is an empty list.
func seqValues(v any) ([]reflect.Value, bool) {
	rv := indirect(reflect.ValueOf(v))
	if !rv.IsValid() {
		return nil, true
	}
	switch rv.Kind() {
	case reflect.Slice, reflect.Array:
		out := make([]reflect.Value, rv.Len())
		for i := range out {
			out[i] = rv.Index(i)
		}
		return out, true
	case reflect.Map:
		keys := sortedKeys(rv)
		out := make([]reflect.Value, len(keys))
		for i, k := range keys {
			out[i] = rv.MapIndex(k)
		}
		return out, true
	}
	return nil, false
}

// sortedKeys returns a map's keys in a deterministic order.
func sortedKeys(m reflect.Value) []reflect.Value {
	keys := m.MapKeys()
	sortValues(keys, func(a, b reflect.Value) int { return orderAny(a.Interface(), b.Interface()) })
	return keys
}

// orderAny is a total order over template values for sorting: comparable
// values by compare, then nil first, then by formatted text.
func orderAny(a, b any) int {
	if c, ok := compare(a, b); ok {
		return c
	}
	if a == nil || b == nil {
		return cmp3(a == nil && b != nil, a != nil && b == nil)
	}
	return strings.Compare(fmt.Sprint(a), fmt.Sprint(b))
}
