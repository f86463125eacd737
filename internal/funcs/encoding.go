package funcs

import (
	"encoding/base64"
	"fmt"
	"html/template"
)

// Encoding is Hugo's encoding namespace.
type Encoding struct{}

func (Encoding) Base64Encode(v any) (string, error) {
	s, err := str("base64Encode", v)
	return base64.StdEncoding.EncodeToString([]byte(s)), err
}

func (Encoding) Base64Decode(v any) (string, error) {
	s, err := str("base64Decode", v)
	if err != nil {
		return "", err
	}
	b, err := base64.StdEncoding.DecodeString(s)
	if err != nil {
		return "", fmt.Errorf("base64Decode: %w", err)
	}
	return string(b), nil
}

// Jsonify is transform's jsonify, also in this namespace.
func (Encoding) Jsonify(args ...any) (template.HTML, error) { return Transform{}.Jsonify(args...) }
