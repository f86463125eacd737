package memo

import (
	"maps"
	"testing"
)

// current returns the table's current generation.
func current(tb *Table[string, int]) map[string]int {
	tb.mu.Lock()
	defer tb.mu.Unlock()
	return maps.Clone(tb.cur)
}

// built returns a table whose last committed build put a=1 and b=2.
func built() *Table[string, int] {
	tb := &Table[string, int]{}
	tb.Begin()
	tb.Put("a", 1)
	tb.Put("b", 2)
	tb.Commit()
	return tb
}

// TestTable runs builds through a table, each case from a table whose
// last build left {a:1, b:2}, and checks what the next build sees (the
// current generation) and the Stats.
func TestTable(t *testing.T) {
	t.Parallel()
	get := func(t *testing.T, tb *Table[string, int], k string, want int, wantOK bool) {
		t.Helper()
		if v, ok := tb.Get(k); v != want || ok != wantOK {
			t.Errorf("Get(%q) = %d, %v; want %d, %v", k, v, ok, want, wantOK)
		}
	}
	for _, tc := range []struct {
		name               string
		run                func(t *testing.T, tb *Table[string, int])
		want               map[string]int
		wantHits, wantMiss int
	}{
		{"CommitKeepsWhatTheBuildPut", func(t *testing.T, tb *Table[string, int]) {
			tb.Begin()
			tb.Put("a", 1)
			tb.Put("c", 3)
			tb.Commit()
		}, map[string]int{"a": 1, "c": 3}, 0, 0},
		{"CommitDropsEntriesTheBuildDidNotUse", func(t *testing.T, tb *Table[string, int]) {
			tb.Begin()
			get(t, tb, "a", 1, true)
			tb.Commit()
		}, map[string]int{"a": 1}, 1, 0},
		{"EmptyBuildLeavesAnEmptyTable", func(t *testing.T, tb *Table[string, int]) {
			tb.Begin()
			tb.Commit()
		}, map[string]int{}, 0, 0},
		{"GetCarriesAHitOver", func(t *testing.T, tb *Table[string, int]) {
			tb.Begin()
			get(t, tb, "b", 2, true)
			get(t, tb, "b", 2, true)
			get(t, tb, "x", 0, false)
			tb.Commit()
		}, map[string]int{"b": 2}, 2, 1},
		{"GetSeesTheBuildsOwnPut", func(t *testing.T, tb *Table[string, int]) {
			tb.Begin()
			tb.Put("a", 10)
			get(t, tb, "a", 10, true)
			tb.Commit()
		}, map[string]int{"a": 10}, 1, 0},
		{"PeekNeitherCarriesNorCounts", func(t *testing.T, tb *Table[string, int]) {
			tb.Begin()
			if v, ok := tb.Peek("a"); v != 1 || !ok {
				t.Errorf("Peek(a) = %d, %v; want 1, true", v, ok)
			}
			if _, ok := tb.Peek("x"); ok {
				t.Error("Peek(x) found a value")
			}
			tb.Put("b", 20) // checked and replaced
			if v, _ := tb.Peek("b"); v != 20 {
				t.Errorf("Peek(b) after Put = %d, want 20", v)
			}
			tb.Commit()
		}, map[string]int{"b": 20}, 0, 0},
		{"AbortKeepsTheLastGeneration", func(t *testing.T, tb *Table[string, int]) {
			tb.Begin()
			get(t, tb, "x", 0, false)
			tb.Put("a", 10)
			tb.Put("c", 3)
			tb.Abort()
			get(t, tb, "a", 1, true)
		}, map[string]int{"a": 1, "b": 2}, 0, 0},
		{"BuildAfterAbortSeesTheLastCommit", func(t *testing.T, tb *Table[string, int]) {
			tb.Begin()
			tb.Put("a", 10)
			tb.Abort()
			tb.Begin()
			get(t, tb, "a", 1, true)
			tb.Commit()
		}, map[string]int{"a": 1}, 1, 0},
		{"BeginKeepCarriesEveryEntryOver", func(t *testing.T, tb *Table[string, int]) {
			tb.BeginKeep()
			tb.Put("c", 3)
			tb.Commit()
		}, map[string]int{"a": 1, "b": 2, "c": 3}, 0, 0},
		{"BeginKeepThenPutReplaces", func(t *testing.T, tb *Table[string, int]) {
			tb.BeginKeep()
			tb.Put("a", 10)
			get(t, tb, "b", 2, true)
			tb.Commit()
		}, map[string]int{"a": 10, "b": 2}, 1, 0},
		{"BeginKeepAbortedChangesNothing", func(t *testing.T, tb *Table[string, int]) {
			tb.BeginKeep()
			tb.Put("a", 10)
			tb.Abort()
		}, map[string]int{"a": 1, "b": 2}, 0, 0},
		{"BeginAbortsARunningBuild", func(t *testing.T, tb *Table[string, int]) {
			tb.Begin()
			tb.Put("c", 3)
			tb.Begin()
			get(t, tb, "c", 0, false)
			tb.Commit()
		}, map[string]int{}, 0, 1},
		{"OutsideABuildGetReadsAndPutDoesNothing", func(t *testing.T, tb *Table[string, int]) {
			get(t, tb, "a", 1, true)
			tb.Put("c", 3)
			tb.Commit()
			tb.Abort()
		}, map[string]int{"a": 1, "b": 2}, 0, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			tb := built()
			tc.run(t, tb)
			if got := current(tb); !maps.Equal(got, tc.want) {
				t.Errorf("current generation %v, want %v", got, tc.want)
			}
			if tb.Len() != len(tc.want) {
				t.Errorf("Len() = %d, want %d", tb.Len(), len(tc.want))
			}
			if h, m := tb.Stats(); h != tc.wantHits || m != tc.wantMiss {
				t.Errorf("Stats() = %d hits, %d misses; want %d, %d", h, m, tc.wantHits, tc.wantMiss)
			}
		})
	}
}

// TestTableZero: the zero Table is an empty table, ready for builds.
func TestTableZero(t *testing.T) {
	t.Parallel()
	var tb Table[string, int]
	if _, ok := tb.Get("a"); ok || tb.Len() != 0 {
		t.Fatalf("zero table: Get found a value or Len() = %d", tb.Len())
	}
	tb.Commit()
	tb.Abort()
	tb.BeginKeep()
	tb.Put("a", 1)
	tb.Commit()
	if got := current(&tb); !maps.Equal(got, map[string]int{"a": 1}) {
		t.Errorf("after BeginKeep on a zero table and Put: %v", got)
	}
}

// BenchmarkTableBuild is one build of 10,000 entries through a table that
// holds the last build's: a Get (a hit) of each, as a rebuild after a
// one-page edit does, then Commit.
func BenchmarkTableBuild(b *testing.B) {
	const n = 10000
	keys := make([]Key, n)
	seeds := NewSeeds()
	for i := range keys {
		h := seeds.Hasher()
		h.Num(int64(i))
		keys[i] = h.Sum()
	}
	var tb Table[Key, int]
	tb.Begin()
	for i, k := range keys {
		tb.Put(k, i)
	}
	tb.Commit()
	b.ReportAllocs()
	for b.Loop() {
		tb.Begin()
		for _, k := range keys {
			if _, ok := tb.Get(k); !ok {
				b.Fatal("miss")
			}
		}
		tb.Commit()
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/n, "ns/entry")
}
