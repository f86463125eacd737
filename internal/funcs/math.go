package funcs

import (
	"errors"
	"fmt"
	"math"
	"reflect"
)

// Math is Hugo's math namespace. add, sub, mul and div of integers give an
// integer (div truncates); with any float they give a float.
type Math struct{}

// number is an operand: an int64 or a float64.
type number struct {
	i       int64
	f       float64
	isFloat bool
}

func toNumber(fn string, v any) (number, error) {
	switch n := normalize(v).(type) {
	case int64:
		return number{i: n, f: float64(n)}, nil
	case float64:
		return number{f: n, isFloat: true}, nil
	case string:
		if i, err := toInt(n); err == nil && fmt.Sprint(i) == n {
			return number{i: int64(i), f: float64(i)}, nil
		}
		if f, err := toFloat(n); err == nil {
			return number{f: f, isFloat: true}, nil
		}
	}
	return number{}, fmt.Errorf("%s: %v (%T) is not a number", fn, v, v)
}

func (n number) value() any {
	if n.isFloat {
		return n.f
	}
	return n.i
}

// arith folds op over the arguments.
func arith(fn string, args []any, iop func(a, b int64) (int64, error), fop func(a, b float64) float64) (any, error) {
	if len(args) < 2 {
		return nil, fmt.Errorf("%s: want at least 2 arguments, got %d", fn, len(args))
	}
	acc, err := toNumber(fn, args[0])
	if err != nil {
		return nil, err
	}
	for _, a := range args[1:] {
		b, err := toNumber(fn, a)
		if err != nil {
			return nil, err
		}
		if acc.isFloat || b.isFloat {
			acc = number{f: fop(acc.f, b.f), isFloat: true}
			continue
		}
		i, err := iop(acc.i, b.i)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", fn, err)
		}
		acc = number{i: i, f: float64(i)}
	}
	return acc.value(), nil
}

// Add adds numbers, or joins strings when the first argument is one that
// is not a number: add "a" "b" → "ab".
func (Math) Add(args ...any) (any, error) {
	if len(args) >= 2 {
		if s, ok := args[0].(string); ok {
			if _, err := toNumber("add", s); err != nil {
				out := s
				for _, a := range args[1:] {
					t, err := str("add", a)
					if err != nil {
						return nil, err
					}
					out += t
				}
				return out, nil
			}
		}
	}
	return arith("add", args, func(a, b int64) (int64, error) { return a + b, nil }, func(a, b float64) float64 { return a + b })
}

func (Math) Sub(args ...any) (any, error) {
	return arith("sub", args, func(a, b int64) (int64, error) { return a - b, nil }, func(a, b float64) float64 { return a - b })
}

func (Math) Mul(args ...any) (any, error) {
	return arith("mul", args, func(a, b int64) (int64, error) { return a * b, nil }, func(a, b float64) float64 { return a * b })
}

func (Math) Div(args ...any) (any, error) {
	for _, a := range args[min(1, len(args)):] {
		if f, err := toFloat(a); err == nil && f == 0 {
			return nil, errors.New("div: division by zero")
		}
	}
	return arith("div", args, func(a, b int64) (int64, error) { return a / b, nil }, func(a, b float64) float64 { return a / b })
}

// Mod returns a modulo b, both integers.
func (Math) Mod(a, b any) (int64, error) {
	x, err := toInt(a)
	if err != nil {
		return 0, fmt.Errorf("mod: %w", err)
	}
	y, err := toInt(b)
	if err != nil {
		return 0, fmt.Errorf("mod: %w", err)
	}
	if y == 0 {
		return 0, errors.New("mod: division by zero")
	}
	return int64(x % y), nil
}

// ModBool reports whether a modulo b is 0.
func (m Math) ModBool(a, b any) (bool, error) {
	r, err := m.Mod(a, b)
	return r == 0, err
}

func float1(fn string, v any, f func(float64) float64) (float64, error) {
	x, err := toFloat(v)
	if err != nil {
		return 0, fmt.Errorf("%s: %w", fn, err)
	}
	return f(x), nil
}

func (Math) Abs(v any) (float64, error)   { return float1("math.Abs", v, math.Abs) }
func (Math) Ceil(v any) (float64, error)  { return float1("math.Ceil", v, math.Ceil) }
func (Math) Floor(v any) (float64, error) { return float1("math.Floor", v, math.Floor) }
func (Math) Round(v any) (float64, error) { return float1("math.Round", v, math.Round) }
func (Math) Sqrt(v any) (float64, error)  { return float1("math.Sqrt", v, math.Sqrt) }
func (Math) Log(v any) (float64, error)   { return float1("math.Log", v, math.Log) }
func (Math) Pi() float64                  { return math.Pi }

// Pow returns a to the power b.
func (Math) Pow(a, b any) (float64, error) {
	x, err := toFloat(a)
	if err != nil {
		return 0, fmt.Errorf("math.Pow: %w", err)
	}
	y, err := toFloat(b)
	if err != nil {
		return 0, fmt.Errorf("math.Pow: %w", err)
	}
	return math.Pow(x, y), nil
}

// floats flattens numbers and slices of numbers.
func floats(fn string, args []any) ([]float64, error) {
	var out []float64
	for _, a := range args {
		if rv := indirect(reflect.ValueOf(a)); rv.IsValid() && (rv.Kind() == reflect.Slice || rv.Kind() == reflect.Array) {
			for _, e := range seqRange(rv, 0, rv.Len()) {
				f, err := toFloat(valueOf(e))
				if err != nil {
					return nil, fmt.Errorf("%s: %w", fn, err)
				}
				out = append(out, f)
			}
			continue
		}
		f, err := toFloat(a)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", fn, err)
		}
		out = append(out, f)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s: no numbers", fn)
	}
	return out, nil
}

// Max returns the largest of its numbers (slices are flattened).
func (Math) Max(args ...any) (float64, error) {
	fs, err := floats("math.Max", args)
	if err != nil {
		return 0, err
	}
	m := fs[0]
	for _, f := range fs[1:] {
		m = math.Max(m, f)
	}
	return m, nil
}

// Min returns the smallest of its numbers (slices are flattened).
func (Math) Min(args ...any) (float64, error) {
	fs, err := floats("math.Min", args)
	if err != nil {
		return 0, err
	}
	m := fs[0]
	for _, f := range fs[1:] {
		m = math.Min(m, f)
	}
	return m, nil
}

// Sum adds its numbers (slices are flattened).
func (Math) Sum(args ...any) (float64, error) {
	fs, err := floats("math.Sum", args)
	if err != nil {
		return 0, err
	}
	s := 0.0
	for _, f := range fs {
		s += f
	}
	return s, nil
}

// Product multiplies its numbers (slices are flattened).
func (Math) Product(args ...any) (float64, error) {
	fs, err := floats("math.Product", args)
	if err != nil {
		return 0, err
	}
	p := 1.0
	for _, f := range fs {
		p *= f
	}
	return p, nil
}
