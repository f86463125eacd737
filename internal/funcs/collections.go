package funcs

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
)

// Collections is Hugo's collections namespace: {{ collections.First 2 $s }}.
type Collections struct{}

// maxSeq bounds the length of seq's result, as Hugo does.
const maxSeq = 2000

// First returns the first n elements of seq (all of them when n is larger).
func (Collections) First(n any, seq any) (any, error) {
	return sliceOf("first", n, seq, func(l, k int) (int, int) { return 0, min(k, l) })
}

// Last returns the last n elements of seq.
func (Collections) Last(n any, seq any) (any, error) {
	return sliceOf("last", n, seq, func(l, k int) (int, int) { return max(l-k, 0), l })
}

// After returns the elements of seq after the first n.
func (Collections) After(n any, seq any) (any, error) {
	return sliceOf("after", n, seq, func(l, k int) (int, int) { return min(k, l), l })
}

// sliceOf slices seq (a slice or an array; nil gives nil) by bounds, keeping
// its type so that a list of pages stays one.
func sliceOf(name string, n, seq any, bounds func(l, k int) (int, int)) (any, error) {
	k, err := toInt(n)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if k < 0 {
		return nil, fmt.Errorf("%s: the count must not be negative, got %d", name, k)
	}
	rv := indirect(reflect.ValueOf(seq))
	if !rv.IsValid() {
		return nil, nil
	}
	if rv.Kind() != reflect.Slice && rv.Kind() != reflect.Array && rv.Kind() != reflect.String {
		return nil, fmt.Errorf("%s: cannot slice %T", name, seq)
	}
	if rv.Kind() == reflect.String {
		r := []rune(rv.String())
		i, j := bounds(len(r), k)
		return string(r[i:j]), nil
	}
	i, j := bounds(rv.Len(), k)
	if rv.Kind() == reflect.Array {
		return sliceOfValues(rv.Type().Elem(), seqRange(rv, i, j)), nil
	}
	return rv.Slice(i, j).Interface(), nil
}

func seqRange(rv reflect.Value, i, j int) []reflect.Value {
	out := make([]reflect.Value, 0, j-i)
	for ; i < j; i++ {
		out = append(out, rv.Index(i))
	}
	return out
}

// sliceOfValues builds a []elem from vs.
func sliceOfValues(elem reflect.Type, vs []reflect.Value) any {
	s := reflect.MakeSlice(reflect.SliceOf(elem), 0, len(vs))
	for _, v := range vs {
		if !v.IsValid() {
			v = reflect.Zero(elem)
		}
		s = reflect.Append(s, v)
	}
	return s.Interface()
}

// In reports whether v is an element of set (a slice or array), or a
// substring of set when set is a string.
func (Collections) In(set any, v any) (bool, error) {
	rv := indirect(reflect.ValueOf(set))
	if !rv.IsValid() {
		return false, nil
	}
	if rv.Kind() == reflect.String {
		s, err := toStr(v)
		if err != nil {
			return false, fmt.Errorf("in: %w", err)
		}
		return strings.Contains(rv.String(), s), nil
	}
	if rv.Kind() != reflect.Slice && rv.Kind() != reflect.Array {
		return false, fmt.Errorf("in: the set must be a slice, an array or a string, got %T", set)
	}
	for i := 0; i < rv.Len(); i++ {
		if equal(valueOf(rv.Index(i)), v) {
			return true, nil
		}
	}
	return false, nil
}

// Append appends every argument but the last to the last, a slice:
// {{ $s = $s | append "c" "d" }}. With one element that is itself a slice,
// its elements are appended. Appending to nil starts a new slice.
func (Collections) Append(args ...any) (any, error) {
	if len(args) < 2 {
		return nil, errors.New("append: want at least one element and a collection")
	}
	to, from := args[len(args)-1], args[:len(args)-1]
	tv := indirect(reflect.ValueOf(to))
	if tv.IsValid() && tv.Kind() != reflect.Slice && tv.Kind() != reflect.Array {
		return nil, fmt.Errorf("append: cannot append to %T", to)
	}
	var elems []reflect.Value
	if tv.IsValid() {
		elems = seqRange(tv, 0, tv.Len())
	}
	if len(from) == 1 {
		// One slice is a list of elements, unless the collection is a
		// list of slices: then it is one more element.
		fv := indirect(reflect.ValueOf(from[0]))
		if fv.IsValid() && (fv.Kind() == reflect.Slice || fv.Kind() == reflect.Array) && !holdsSlices(elems) {
			return sliceOfCommon(append(elems, seqRange(fv, 0, fv.Len())...), tv), nil
		}
	}
	for _, f := range from {
		elems = append(elems, reflect.ValueOf(f))
	}
	return sliceOfCommon(elems, tv), nil
}

// holdsSlices reports whether the first element is a slice.
func holdsSlices(elems []reflect.Value) bool {
	if len(elems) == 0 {
		return false
	}
	k := indirect(elems[0]).Kind()
	return k == reflect.Slice || k == reflect.Array
}

// sliceOfCommon makes a slice of vs typed like the collection orig when
// every element fits it, else a []any.
func sliceOfCommon(vs []reflect.Value, orig reflect.Value) any {
	if orig.IsValid() {
		elem := orig.Type().Elem()
		fits := true
		for _, v := range vs {
			if v.IsValid() && !v.Type().AssignableTo(elem) {
				fits = false
				break
			}
		}
		if fits && orig.Kind() == reflect.Slice {
			return sliceOfValues(elem, vs)
		}
	}
	out := make([]any, len(vs))
	for i, v := range vs {
		out[i] = valueOf(v)
	}
	return out
}

// Slice returns its arguments as a slice.
func (Collections) Slice(args ...any) []any {
	if args == nil {
		return []any{}
	}
	return args
}

// Dictionary builds a map from key/value pairs: dict "a" 1 "b" 2. A key
// given as a slice of strings is a path of nested maps:
// dict (slice "a" "b") 1 is {"a": {"b": 1}}.
func (Collections) Dictionary(kv ...any) (map[string]any, error) {
	if len(kv)%2 != 0 {
		return nil, fmt.Errorf("dict: want key/value pairs, got %d arguments", len(kv))
	}
	m := make(map[string]any, len(kv)/2)
	for i := 0; i < len(kv); i += 2 {
		var path []string
		switch k := kv[i].(type) {
		case string:
			path = []string{k}
		case []string:
			path = k
		case []any:
			for _, p := range k {
				s, ok := p.(string)
				if !ok {
					return nil, fmt.Errorf("dict: key %d: path part is %T, want string", i/2+1, p)
				}
				path = append(path, s)
			}
		default:
			return nil, fmt.Errorf("dict: key %d is %T, want string", i/2+1, kv[i])
		}
		if len(path) == 0 {
			return nil, fmt.Errorf("dict: key %d is an empty path", i/2+1)
		}
		cur := m
		for _, p := range path[:len(path)-1] {
			next, ok := cur[p].(map[string]any)
			if !ok {
				next = map[string]any{}
				cur[p] = next
			}
			cur = next
		}
		cur[path[len(path)-1]] = kv[i+1]
	}
	return m, nil
}

// Seq returns a sequence of integers as GNU seq does: seq LAST (1..LAST, or
// -1..LAST when LAST is negative), seq FIRST LAST, seq FIRST INCREMENT LAST.
func (Collections) Seq(args ...any) ([]int, error) {
	if len(args) < 1 || len(args) > 3 {
		return nil, fmt.Errorf("seq: want 1 to 3 arguments, got %d", len(args))
	}
	n := make([]int, len(args))
	for i, a := range args {
		v, err := toInt(a)
		if err != nil {
			return nil, fmt.Errorf("seq: %w", err)
		}
		n[i] = v
	}
	first, inc, last := 1, 1, 0
	switch len(n) {
	case 1:
		last = n[0]
		if last < 0 {
			first, inc = -1, -1
		} else if last == 0 {
			return []int{}, nil
		}
	case 2:
		first, last = n[0], n[1]
		if last < first {
			inc = -1
		}
	case 3:
		first, inc, last = n[0], n[1], n[2]
	}
	if inc == 0 {
		return nil, errors.New("seq: the increment must not be 0")
	}
	if inc > 0 && last < first || inc < 0 && last > first {
		return []int{}, nil
	}
	span := (last - first) / inc
	if span < 0 || span >= maxSeq {
		return nil, fmt.Errorf("seq: more than %d numbers", maxSeq)
	}
	out := make([]int, 0, span+1)
	for i := 0; i <= span; i++ {
		out = append(out, first+i*inc)
	}
	return out, nil
}

// Reverse returns the elements of seq in reverse order.
func (Collections) Reverse(seq any) (any, error) {
	rv := indirect(reflect.ValueOf(seq))
	if !rv.IsValid() {
		return nil, nil
	}
	if rv.Kind() != reflect.Slice && rv.Kind() != reflect.Array {
		return nil, fmt.Errorf("reverse: cannot reverse %T", seq)
	}
	vs := seqRange(rv, 0, rv.Len())
	for i, j := 0, len(vs)-1; i < j; i, j = i+1, j-1 {
		vs[i], vs[j] = vs[j], vs[i]
	}
	return sliceOfValues(rv.Type().Elem(), vs), nil
}

// Delimit joins the elements of seq (a map's values in key order) with
// sep, and with last before the final element when given.
func (Collections) Delimit(seq any, sep any, last ...any) (string, error) {
	vs, ok := seqValues(seq)
	if !ok {
		return "", fmt.Errorf("delimit: cannot join %T", seq)
	}
	d, err := toStr(sep)
	if err != nil {
		return "", fmt.Errorf("delimit: %w", err)
	}
	l := d
	if len(last) > 0 {
		if l, err = toStr(last[0]); err != nil {
			return "", fmt.Errorf("delimit: %w", err)
		}
	}
	var b strings.Builder
	for i, v := range vs {
		if i > 0 {
			if i == len(vs)-1 {
				b.WriteString(l)
			} else {
				b.WriteString(d)
			}
		}
		s, err := toStr(valueOf(v))
		if err != nil {
			s = fmt.Sprint(valueOf(v))
		}
		b.WriteString(s)
	}
	return b.String(), nil
}

// KeyVals returns a key and its values, as Hugo's keyVals.
func (Collections) KeyVals(key any, vals ...any) map[string]any {
	return map[string]any{"Key": key, "Values": vals}
}

// scalarKind reports whether values of kind k are numbers or bools, whose
// conversions never panic.
func scalarKind(k reflect.Kind) bool {
	return isInt(k) || isUint(k) || isFloat(k) || k == reflect.Bool
}
