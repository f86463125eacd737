package shortcode

// Node is one piece of a parsed body: text, an escaped tag or a shortcode
// with its inner nodes.
type Node struct {
	Start, End int    // byte offsets in the body: for a pair, open tag to close tag
	Literal    string // text of an escaped tag; "" otherwise
	Code       bool   // the escaped tag is in code
	Tag        *Tag   // the opening tag; nil for text
	Closed     bool   // paired with a closing tag
	Inner      []*Node
}

func (n *Node) escaped() bool { return n.Tag == nil && n.Literal != "" }

// parse pairs the tags of items into a tree. An opening tag is paired
// with the nearest following closing tag of the same name at its level;
// one with none is standalone (whether it must be closed is known only
// from its template, so expansion checks that). A closing tag with no
// opening tag is an error.
func parse(items []item) ([]*Node, []syntaxError) {
	type frame struct {
		open  *Node
		nodes []*Node
	}
	stack := []*frame{{}}
	var errs []syntaxError
	top := func() *frame { return stack[len(stack)-1] }
	open := map[string]int{} // names of the openers on the stack, counted
	// unwind pops the frames above depth: each opener there is standalone
	// and its collected nodes follow it at the level below. One pass, in
	// order, so a page of unclosed tags costs linear time.
	unwind := func(depth int) {
		if len(stack) <= depth {
			return
		}
		below := stack[depth-1]
		for _, f := range stack[depth:] {
			below.nodes = append(below.nodes, f.open)
			below.nodes = append(below.nodes, f.nodes...)
			open[f.open.Tag.Name]--
		}
		stack = stack[:depth]
	}
	for _, it := range items {
		switch it.kind {
		case itemText:
			top().nodes = append(top().nodes, &Node{Start: it.start, End: it.end})
		case itemEscaped:
			top().nodes = append(top().nodes, &Node{Start: it.start, End: it.end, Literal: it.lit, Code: it.code})
		case itemTag:
			t := it.tag
			n := &Node{Start: it.start, End: it.end, Tag: t}
			switch {
			case t.SelfClose:
				top().nodes = append(top().nodes, n)
			case !t.Close:
				stack = append(stack, &frame{open: n})
				open[t.Name]++
			default:
				d := 0
				if open[t.Name] > 0 {
					d = len(stack) - 1
					for d > 0 && stack[d].open.Tag.Name != t.Name {
						d--
					}
				}
				if d == 0 {
					errs = append(errs, syntaxError{off: it.start, name: t.Name,
						msg:  "closing tag " + closeTag(t) + " has no opening tag",
						hint: "remove it, or open the shortcode with " + openTag(t)})
					continue
				}
				unwind(d + 1)
				f := top()
				stack = stack[:len(stack)-1]
				open[t.Name]--
				o := f.open
				o.Closed, o.Inner, o.End = true, f.nodes, it.end
				top().nodes = append(top().nodes, o)
			}
		}
	}
	unwind(1)
	return stack[0].nodes, errs
}

// openTag and closeTag spell a tag's opening and closing forms for messages.
func openTag(t *Tag) string {
	if t.Markdown {
		return "{{% " + t.Name + " %}}"
	}
	return "{{< " + t.Name + " >}}"
}

func closeTag(t *Tag) string {
	if t.Markdown {
		return "{{% /" + t.Name + " %}}"
	}
	return "{{< /" + t.Name + " >}}"
}
