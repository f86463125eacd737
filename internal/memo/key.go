// Package memo keeps results between the builds of one site: keys that
// hash everything a result read, and tables of results in two generations.
package memo

import (
	"encoding/binary"
	"hash/maphash"
)

// Key identifies the inputs of a memoised result: 128 bits of two
// independently seeded maphash sums. Keys made with the same Seeds compare
// within one process, which is all a memo between builds needs; maphash is
// many times faster than a cryptographic hash, and a memo hashes every
// page's markdown on every rebuild.
type Key [2]uint64

// Seeds are the two seeds of a set of comparable Keys. The zero Seeds are
// not valid (maphash refuses them): make them with NewSeeds, once per memo.
type Seeds [2]maphash.Seed

// NewSeeds returns two new random seeds.
func NewSeeds() Seeds { return Seeds{maphash.MakeSeed(), maphash.MakeSeed()} }

// Hasher writes values into a Key. Strings and byte slices are written
// with their length, so two fields never run together. A Hasher is not
// safe for concurrent use; make one per goroutine.
type Hasher struct{ a, b maphash.Hash }

// Hasher returns a new Hasher seeded with s.
func (s *Seeds) Hasher() *Hasher {
	h := &Hasher{}
	h.a.SetSeed(s[0])
	h.b.SetSeed(s[1])
	return h
}

// Str writes s, with its length.
func (h *Hasher) Str(s string) {
	h.Num(int64(len(s)))
	h.a.WriteString(s)
	h.b.WriteString(s)
}

// Bytes writes p, with its length.
func (h *Hasher) Bytes(p []byte) {
	h.Num(int64(len(p)))
	h.a.Write(p)
	h.b.Write(p)
}

// Num writes i as 8 bytes.
func (h *Hasher) Num(i int64) {
	var n [8]byte
	binary.LittleEndian.PutUint64(n[:], uint64(i))
	h.a.Write(n[:])
	h.b.Write(n[:])
}

// Flag writes v as one byte.
func (h *Hasher) Flag(v bool) {
	var n [1]byte
	if v {
		n[0] = 1
	}
	h.a.Write(n[:])
	h.b.Write(n[:])
}

// Key writes k, a key made with the same Seeds (another memo's key
// would make the sum depend on that memo's seeds).
func (h *Hasher) Key(k Key) {
	h.Num(int64(k[0]))
	h.Num(int64(k[1]))
}

// Sum returns the key of what was written so far; writing may go on.
func (h *Hasher) Sum() Key { return Key{h.a.Sum64(), h.b.Sum64()} }
