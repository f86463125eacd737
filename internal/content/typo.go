package content

import "strings"

// knownKeys are the front matter keys quire reads, in their canonical
// spelling; they match case-insensitively.
var knownKeys = []string{
	"title", "linkTitle", "description", "weight", "draft", "date",
	"lastmod", "slug", "url", "aliases", "toc", "type",
}

// hugoKeys are common Hugo keys that quire does not read but keeps in
// Params; they are never reported as typos.
var hugoKeys = map[string]bool{
	"tags": true, "categories": true, "keywords": true, "summary": true,
	"layout": true, "menu": true, "menus": true, "type": true, "author": true,
	"authors": true, "images": true, "series": true, "expirydate": true,
	"publishdate": true, "headless": true, "cascade": true, "outputs": true,
	"translationkey": true, "markup": true, "sitemap": true, "build": true,
}

// canonicalKey returns the canonical spelling of a known key matched
// case-insensitively, or "" if key is not known.
func canonicalKey(key string) string {
	for _, k := range knownKeys {
		if strings.EqualFold(k, key) {
			return k
		}
	}
	return ""
}

// suggestKey returns the known key that key is probably a misspelling of,
// or "" if there is none: within one edit for keys of up to four letters,
// two edits otherwise (edits as in optimal string alignment distance:
// insert, delete, substitute, swap two neighbours). Keys that are known or
// common Hugo keys have no suggestion.
func suggestKey(key string) string {
	lower := strings.ToLower(key)
	if canonicalKey(lower) != "" || hugoKeys[lower] {
		return ""
	}
	best, bestDist := "", 3
	for _, k := range knownKeys {
		limit := 2
		if len(k) <= 4 || len([]rune(lower)) <= 4 {
			limit = 1
		}
		d := osaDistance(lower, strings.ToLower(k), limit+1)
		if d <= limit && d < bestDist {
			best, bestDist = k, d
		}
	}
	return best
}

// osaDistance is the optimal string alignment distance between a and b,
// counted in runes; it returns max as soon as the result must exceed it.
func osaDistance(a, b string, max int) int {
	ra, rb := []rune(a), []rune(b)
	if d := len(ra) - len(rb); d > max || -d > max {
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
