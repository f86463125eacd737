package diag

import "strings"

// Closest returns the candidate that word is probably a misspelling of, or
// "" if none is close: within one edit for words of up to four letters, two
// edits otherwise, compared case-insensitively. Edits are those of the
// optimal string alignment distance: insert, delete, substitute, or swap
// two neighbours (so "wieght" is one edit from "weight"). Ties go to the
// earlier candidate.
func Closest(word string, candidates []string) string {
	lower := strings.ToLower(word)
	best, bestDist := "", 3
	for _, c := range candidates {
		limit := 2
		if len(c) <= 4 || len([]rune(lower)) <= 4 {
			limit = 1
		}
		d := EditDistance(lower, strings.ToLower(c), limit+1)
		if d <= limit && d < bestDist {
			best, bestDist = c, d
		}
	}
	return best
}

// EditDistance is the optimal string alignment distance between a and b,
// counted in runes; it returns max as soon as the result must reach it.
func EditDistance(a, b string, max int) int {
	ra, rb := []rune(a), []rune(b)
	if d := len(ra) - len(rb); d >= max || -d >= max {
		return max
	}
	// Three rolling rows: two back (for swaps), previous and current.
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			v := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				v = min(v, prev2[j-2]+1)
			}
			cur[j] = v
			rowMin = min(rowMin, v)
		}
		if rowMin >= max {
			return max
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return min(prev[len(rb)], max)
}
