package funcs

import (
	"regexp"
	"strings"
)

// emojiRE matches an emoji shortcode such as :smile:.
var emojiRE = regexp.MustCompile(`:[a-z0-9_+-]+:`)

// Emojify replaces emoji shortcodes with their emoji: "I :heart: Hugo" →
// "I ❤️ Hugo". Unknown shortcodes are left as written. quire knows a small
// set of common GitHub shortcodes (see emojis).
func (Transform) Emojify(s any) (string, error) {
	x, err := str("emojify", s)
	if err != nil || !strings.Contains(x, ":") {
		return x, err
	}
	return emojiRE.ReplaceAllStringFunc(x, func(m string) string {
		if e, ok := emojis[m[1:len(m)-1]]; ok {
			return e
		}
		return m
	}), nil
}

// emojis are common GitHub emoji shortcodes.
var emojis = map[string]string{
	"+1": "👍", "-1": "👎", "thumbsup": "👍", "thumbsdown": "👎", "smile": "😄", "smiley": "😃",
	"grinning": "😀", "laughing": "😆", "wink": "😉", "blush": "😊", "heart": "❤️", "broken_heart": "💔",
	"star": "⭐", "sparkles": "✨", "fire": "🔥", "tada": "🎉", "rocket": "🚀", "warning": "⚠️",
	"bulb": "💡", "memo": "📝", "pencil": "📝", "book": "📖", "books": "📚", "link": "🔗",
	"lock": "🔒", "unlock": "🔓", "key": "🔑", "bug": "🐛", "wrench": "🔧", "hammer": "🔨",
	"gear": "⚙️", "zap": "⚡", "white_check_mark": "✅", "heavy_check_mark": "✔️", "x": "❌",
	"question": "❓", "exclamation": "❗", "information_source": "ℹ️", "construction": "🚧",
	"eyes": "👀", "wave": "👋", "clap": "👏", "pray": "🙏", "muscle": "💪", "ok_hand": "👌",
	"point_right": "👉", "point_left": "👈", "coffee": "☕", "beer": "🍺", "cake": "🍰",
	"sunny": "☀️", "cloud": "☁️", "umbrella": "☔", "snowflake": "❄️", "earth_americas": "🌎",
	"globe_with_meridians": "🌐", "computer": "💻", "package": "📦", "mag": "🔍", "chart_with_upwards_trend": "📈",
	"calendar": "📆", "email": "📧", "envelope": "✉️", "bell": "🔔", "100": "💯", "joy": "😂",
	"cry": "😢", "sob": "😭", "thinking": "🤔", "sunglasses": "😎", "heart_eyes": "😍", "see_no_evil": "🙈",
	"checkered_flag": "🏁", "trophy": "🏆", "gift": "🎁", "art": "🎨", "lipstick": "💄", "recycle": "♻️",
	"arrow_right": "➡️", "arrow_left": "⬅️", "arrow_up": "⬆️", "arrow_down": "⬇️", "new": "🆕",
}
