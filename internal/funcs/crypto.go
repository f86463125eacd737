package funcs

import (
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/hex"
	"hash/fnv"
)

// Crypto is Hugo's crypto namespace: hex digests of a string.
type Crypto struct{}

func (Crypto) MD5(v any) (string, error) {
	s, err := str("md5", v)
	sum := md5.Sum([]byte(s))
	return hex.EncodeToString(sum[:]), err
}

func (Crypto) SHA1(v any) (string, error) {
	s, err := str("sha1", v)
	sum := sha1.Sum([]byte(s))
	return hex.EncodeToString(sum[:]), err
}

func (Crypto) SHA256(v any) (string, error) {
	s, err := str("sha256", v)
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:]), err
}

func (Crypto) SHA512(v any) (string, error) {
	s, err := str("crypto.SHA512", v)
	sum := sha512.Sum512([]byte(s))
	return hex.EncodeToString(sum[:]), err
}

// FNV32a returns the 32-bit FNV-1a hash of a string.
func (Crypto) FNV32a(v any) (int, error) {
	s, err := str("crypto.FNV32a", v)
	h := fnv.New32a()
	h.Write([]byte(s))
	return int(h.Sum32()), err
}
