package i18n

import (
	"math"
	"strings"
)

// pluralForm returns CLDR's plural category of n in language lang (a
// lower-case tag; its first subtag decides): "one", "few", "many" or
// "other". Languages without a rule here follow English's, as most of
// Europe's do. A number with a fraction is "other" except where CLDR
// says otherwise (French, Portuguese: 1.5 is "one").
func pluralForm(lang string, n float64) string {
	base, _, _ := strings.Cut(lang, "-")
	n = math.Abs(n)
	i := int64(n) // the integer digits
	whole := n == math.Trunc(n)
	switch base {
	case "ja", "zh", "ko", "vi", "th", "id", "ms", "lo", "my", "km":
		return "other"
	case "fr", "pt", "hy", "ff", "kab":
		if i == 0 || i == 1 {
			return "one"
		}
		return "other"
	case "ru", "uk", "be":
		if !whole {
			return "other"
		}
		switch {
		case i%10 == 1 && i%100 != 11:
			return "one"
		case i%10 >= 2 && i%10 <= 4 && (i%100 < 12 || i%100 > 14):
			return "few"
		}
		return "many"
	case "pl":
		if !whole {
			return "other"
		}
		switch {
		case i == 1:
			return "one"
		case i%10 >= 2 && i%10 <= 4 && (i%100 < 12 || i%100 > 14):
			return "few"
		}
		return "many"
	case "cs", "sk":
		switch {
		case !whole:
			return "many"
		case i == 1:
			return "one"
		case i >= 2 && i <= 4:
			return "few"
		}
		return "other"
	}
	if whole && i == 1 {
		return "one"
	}
	return "other"
}
