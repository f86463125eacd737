package config

import "fmt"

// Math is where pages write TeX: Hugo's
// [markup.goldmark.extensions.passthrough] table, on by default in quire.
type Math struct {
	Enable bool        // enable, default true
	Block  [][2]string // delimiters.block, default [["$$", "$$"]]
	Inline [][2]string // delimiters.inline, default [["\(", "\)"]]
}

// Mermaid is [markup.mermaid]: whether a ```mermaid fence is drawn as a
// diagram by the theme (Enable, default true) or shown as code.
type Mermaid struct{ Enable bool }

func defaultMath() Math {
	return Math{Enable: true, Block: [][2]string{{"$$", "$$"}}, Inline: [][2]string{{`\(`, `\)`}}}
}

// passthroughKey is the table Hugo reads its passthrough settings from.
const passthroughKey = "markup.goldmark.extensions.passthrough"

// applyMath reads the passthrough table and [markup.mermaid].
func (d *decoder) applyMath(m *Math, mm *Mermaid) {
	d.setBool(passthroughKey+".enable", &m.Enable)
	d.setBool("markup.mermaid.enable", &mm.Enable)
	l, ok := d.leaves[passthroughKey+".delimiters"]
	if !ok {
		return
	}
	t := l.value.(map[string]any)
	for k, v := range t {
		var dst *[][2]string
		switch k {
		case "block":
			dst = &m.Block
		case "inline":
			dst = &m.Inline
		default:
			d.addAt(l, &problem{fmt.Sprintf("%s.delimiters: unknown key %q", passthroughKey, k), `use "block" and "inline"`})
			continue
		}
		pairs, err := delimiterPairs(v)
		if err != nil {
			at := l
			if p, ok := d.pos[joinPath([]string{"markup", "goldmark", "extensions", "passthrough", "delimiters", k})]; ok {
				at.pos = p
			}
			d.addAt(at, &problem{fmt.Sprintf("%s.delimiters.%s: %v", passthroughKey, k, err),
				`write pairs of an opening and a closing delimiter, e.g. block = [['$$', '$$'], ['\[', '\]']]`})
			continue
		}
		*dst = pairs
	}
}

// delimiterPairs reads an array of [open, close] string pairs.
func delimiterPairs(v any) ([][2]string, error) {
	list, ok := v.([]any)
	if !ok {
		return nil, fmt.Errorf("expected an array, got %s", typeName(v))
	}
	out := make([][2]string, 0, len(list))
	for i, e := range list {
		pair, ok := e.([]any)
		if !ok || len(pair) != 2 {
			return nil, fmt.Errorf("element %d is not a pair of strings", i+1)
		}
		open, ok1 := pair[0].(string)
		closing, ok2 := pair[1].(string)
		if !ok1 || !ok2 || open == "" || closing == "" {
			return nil, fmt.Errorf("element %d is not a pair of non-empty strings", i+1)
		}
		out = append(out, [2]string{open, closing})
	}
	return out, nil
}
