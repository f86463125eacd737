package diag

import "strconv"

// Count is n followed by noun in the number n takes: "1 page", "0 pages",
// "2 warnings", for the counts in messages. noun is a regular English
// noun in the singular.
func Count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}
