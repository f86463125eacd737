package funcs

import (
	"fmt"
	"reflect"
	"regexp"
	"strings"
)

// whereOp is one of where's operators.
type whereOp int

const (
	opEq whereOp = iota
	opNe
	opGe
	opGt
	opLe
	opLt
	opIn
	opNotIn
	opIntersect
	opLike
)

// parseWhereOp parses where's OPERATOR argument, in any of Hugo's
// spellings: "=", "==", "eq"; "!=", "<>", "ne"; ">=", "ge"; ">", "gt";
// "<=", "le"; "<", "lt"; "in"; "not in"; "intersect"; "like".
func parseWhereOp(s string) (whereOp, error) {
	switch strings.ToLower(strings.Join(strings.Fields(s), " ")) {
	case "=", "==", "eq":
		return opEq, nil
	case "!=", "<>", "ne":
		return opNe, nil
	case ">=", "ge":
		return opGe, nil
	case ">", "gt":
		return opGt, nil
	case "<=", "le":
		return opLe, nil
	case "<", "lt":
		return opLt, nil
	case "in":
		return opIn, nil
	case "not in":
		return opNotIn, nil
	case "intersect":
		return opIntersect, nil
	case "like":
		return opLike, nil
	}
	return 0, fmt.Errorf("unknown operator %q (want one of =, !=, >=, >, <=, <, in, not in, intersect, like)", s)
}

// Where returns the elements of c whose value at key (a path such as
// "Params.tags") matches: where COLLECTION KEY [OPERATOR] MATCH, the
// operator "=" by default. c is a slice or array (the result has its
// type) or a map (the result is a map of the entries that match). A nil
// MATCH takes only = and !=: = keeps elements where the key is missing or
// nil.
func (Collections) Where(c any, key any, args ...any) (any, error) {
	k, err := toStr(key)
	if err != nil {
		return nil, fmt.Errorf("where: key: %w", err)
	}
	parts, err := splitKeyPath(k)
	if err != nil {
		return nil, fmt.Errorf("where: %w", err)
	}
	op, match := opEq, any(nil)
	switch len(args) {
	case 1:
		match = args[0]
	case 2:
		s, err := toStr(args[0])
		if err != nil {
			return nil, fmt.Errorf("where: operator: %w", err)
		}
		if op, err = parseWhereOp(s); err != nil {
			return nil, fmt.Errorf("where: %w", err)
		}
		match = args[1]
	default:
		return nil, fmt.Errorf("where: want COLLECTION KEY [OPERATOR] MATCH, got %d arguments", len(args)+2)
	}
	test, err := matcher(op, match)
	if err != nil {
		return nil, fmt.Errorf("where: %w", err)
	}
	keep := func(e reflect.Value) (bool, error) {
		v, found, err := lookupPath(e, parts)
		if err != nil {
			return false, fmt.Errorf("where: %w", err)
		}
		return test(valueOf(v), found)
	}
	rv := indirect(reflect.ValueOf(c))
	if !rv.IsValid() {
		return nil, nil
	}
	switch rv.Kind() {
	case reflect.Slice, reflect.Array:
		var out []reflect.Value
		for _, e := range seqRange(rv, 0, rv.Len()) {
			ok, err := keep(e)
			if err != nil {
				return nil, err
			}
			if ok {
				out = append(out, e)
			}
		}
		return sliceOfValues(rv.Type().Elem(), out), nil
	case reflect.Map:
		out := reflect.MakeMap(rv.Type())
		for _, mk := range sortedKeys(rv) {
			e := rv.MapIndex(mk)
			ok, err := keep(e)
			if err != nil {
				return nil, err
			}
			if ok {
				out.SetMapIndex(mk, e)
			}
		}
		return out.Interface(), nil
	}
	return nil, fmt.Errorf("where: cannot filter %T", c)
}

// matcher returns the test of one element's value (found is false when the
// key path is missing) against match.
func matcher(op whereOp, match any) (func(v any, found bool) (bool, error), error) {
	if normalize(match) == nil {
		switch op {
		case opEq:
			return func(v any, found bool) (bool, error) { return !found || normalize(v) == nil, nil }, nil
		case opNe:
			return func(v any, found bool) (bool, error) { return found && normalize(v) != nil, nil }, nil
		}
		return nil, fmt.Errorf("a nil MATCH takes only the operators = and !=")
	}
	switch op {
	case opEq, opNe:
		want := op == opEq
		return func(v any, found bool) (bool, error) {
			if !found {
				return !want, nil
			}
			return equal(v, match) == want, nil
		}, nil
	case opGe, opGt, opLe, opLt:
		return func(v any, found bool) (bool, error) {
			if !found {
				return false, nil
			}
			c, ok := compare(v, match)
			if !ok {
				return false, nil
			}
			switch op {
			case opGe:
				return c >= 0, nil
			case opGt:
				return c > 0, nil
			case opLe:
				return c <= 0, nil
			}
			return c < 0, nil
		}, nil
	case opIn, opNotIn:
		want := op == opIn
		return func(v any, found bool) (bool, error) {
			if !found {
				return !want, nil
			}
			in, err := Collections{}.In(match, v)
			if err != nil {
				return false, err
			}
			return in == want, nil
		}, nil
	case opIntersect:
		ms, ok := seqValues(match)
		if !ok {
			return nil, fmt.Errorf("intersect wants a slice to match, got %T", match)
		}
		return func(v any, found bool) (bool, error) {
			vs, ok := seqValues(v)
			if !found || !ok {
				return false, nil
			}
			for _, x := range vs {
				if containsValue(ms, x) {
					return true, nil
				}
			}
			return false, nil
		}, nil
	case opLike:
		s, err := toStr(match)
		if err != nil {
			return nil, fmt.Errorf("like: %w", err)
		}
		re, err := regexp.Compile(s)
		if err != nil {
			return nil, fmt.Errorf("like: %w", err)
		}
		return func(v any, found bool) (bool, error) {
			if !found {
				return false, nil
			}
			s, ok := normalize(v).(string) // like compares strings only
			return ok && re.MatchString(s), nil
		}, nil
	}
	return nil, fmt.Errorf("unknown operator")
}
