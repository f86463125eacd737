package site

import (
	"encoding/binary"
	"hash/maphash"
)

// key identifies an input of the serve cache: 128 bits of two
// independently seeded maphash sums. The seeds live in the Cache, so keys
// compare only within one process, which is all the cache needs; maphash
// is many times faster than a cryptographic hash, and the cache hashes
// every page's markdown on every rebuild.
type key [2]uint64

// keySeeds are the two seeds of a Cache's keys.
type keySeeds [2]maphash.Seed

func newKeySeeds() keySeeds { return keySeeds{maphash.MakeSeed(), maphash.MakeSeed()} }

// hasher writes values into a key. Strings and byte slices are written
// with their length, so two fields never run together.
type hasher struct{ a, b maphash.Hash }

func (s *keySeeds) hasher() *hasher {
	h := &hasher{}
	h.a.SetSeed(s[0])
	h.b.SetSeed(s[1])
	return h
}

func (h *hasher) str(s string) {
	h.num(int64(len(s)))
	h.a.WriteString(s)
	h.b.WriteString(s)
}

func (h *hasher) bytes(p []byte) {
	h.num(int64(len(p)))
	h.a.Write(p)
	h.b.Write(p)
}

func (h *hasher) num(i int64) {
	var n [8]byte
	binary.LittleEndian.PutUint64(n[:], uint64(i))
	h.a.Write(n[:])
	h.b.Write(n[:])
}

func (h *hasher) flag(v bool) {
	var n [1]byte
	if v {
		n[0] = 1
	}
	h.a.Write(n[:])
	h.b.Write(n[:])
}

func (h *hasher) key(k key) {
	h.num(int64(k[0]))
	h.num(int64(k[1]))
}

func (h *hasher) sum() key { return key{h.a.Sum64(), h.b.Sum64()} }
