package shortcode

import (
	"bytes"
	"strconv"
)

// param lexes one parameter at k: value, "value", `raw` or name=value.
func param(src []byte, k int, end []byte) (Param, int, string) {
	var p Param
	if nameStart(src[k]) {
		n := k
		for n < len(src) && nameByte(src[n]) && src[n] != '/' && src[n] != '.' {
			n++
		}
		if n < len(src) && src[n] == '=' {
			p.Name = string(src[k:n])
			k = n + 1
			if k >= len(src) || isSpace(src[k]) {
				return p, k, "parameter " + p.Name + "= has no value"
			}
		}
	}
	v, next, msg := value(src, k, end)
	p.Value = v
	return p, next, msg
}

// value lexes a parameter value at k.
func value(src []byte, k int, end []byte) (any, int, string) {
	switch src[k] {
	case '"':
		var b []byte
		for j := k + 1; j < len(src); j++ {
			switch src[j] {
			case '\\':
				if j+1 < len(src) && (src[j+1] == '"' || src[j+1] == '\\') {
					j++
				}
			case '"':
				return string(b), j + 1, ""
			case '\n':
				return nil, j, "quoted parameter is not terminated before the end of the line"
			}
			b = append(b, src[j])
		}
		return nil, len(src), "quoted parameter is not terminated"
	case '`':
		if j := bytes.IndexByte(src[k+1:], '`'); j >= 0 {
			return string(src[k+1 : k+1+j]), k + 2 + j, ""
		}
		return nil, len(src), "raw-string parameter is not terminated: no closing backtick"
	}
	j := k
	for j < len(src) && !isSpace(src[j]) && !bytes.HasPrefix(src[j:], end) &&
		!(src[j] == '/' && bytes.HasPrefix(src[j+1:], end)) {
		if src[j] == '"' || src[j] == '`' {
			return nil, j, "quote inside an unquoted parameter"
		}
		j++
	}
	return typed(string(src[k:j])), j, ""
}

// typed converts an unquoted value as Hugo does.
func typed(s string) any {
	switch s {
	case "true":
		return true
	case "false":
		return false
	}
	if n, err := strconv.Atoi(s); err == nil {
		return n
	}
	if f, err := strconv.ParseFloat(s, 64); err == nil {
		return f
	}
	return s
}
