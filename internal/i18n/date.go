package i18n

import (
	"strings"
	"time"
)

// DateLong is Hugo's name of the long date layout, which the key
// "dateFormat" of a language's table gives ("2. January 2006" in German).
const DateLong = ":date_long"

// FormatDate formats tm with the Go layout, with month and weekday
// names in the translator's language: "January" is replaced by the
// month's name from the key "months" (twelve names, separated by
// spaces) and "Monday" by the weekday's from "weekdays" (seven, from
// Sunday); a table without them leaves Go's English names. The layout
// DateLong (or "") is the translation of "dateFormat", else "January 2,
// 2006".
func (t *Translator) FormatDate(layout string, tm time.Time) string {
	if layout == "" || layout == DateLong {
		layout = "January 2, 2006"
		if f, err := t.Translate("dateFormat"); err == nil && f != "" {
			layout = f
		}
	}
	months := t.names("months", 12)
	days := t.names("weekdays", 7)
	var b strings.Builder
	for layout != "" {
		i := strings.Index(layout, "January")
		j := strings.Index(layout, "Monday")
		if i < 0 && j < 0 {
			b.WriteString(tm.Format(layout))
			break
		}
		if i < 0 || (j >= 0 && j < i) { // the weekday comes first
			b.WriteString(tm.Format(layout[:j]))
			if days != nil {
				b.WriteString(days[tm.Weekday()])
			} else {
				b.WriteString(tm.Weekday().String())
			}
			layout = layout[j+len("Monday"):]
			continue
		}
		b.WriteString(tm.Format(layout[:i]))
		if months != nil {
			b.WriteString(months[tm.Month()-1])
		} else {
			b.WriteString(tm.Month().String())
		}
		layout = layout[i+len("January"):]
	}
	return b.String()
}

// names returns the n space-separated names the translation of key
// gives, or nil when it does not give n.
func (t *Translator) names(key string, n int) []string {
	s, err := t.Translate(key)
	if err != nil {
		return nil
	}
	f := strings.Fields(s)
	if len(f) != n {
		return nil
	}
	return f
}
