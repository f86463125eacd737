package content

import "github.com/goccy/go-yaml/ast"

// maxYAMLNodes bounds the size of YAML front matter once aliases are
// expanded. A few nested aliases can stand for billions of values (the
// "billion laughs" input); decoding those would exhaust memory. Real front
// matter has a few dozen values.
const maxYAMLNodes = 100_000

// yamlSize counts the values n expands to, resolving aliases through the
// anchors seen so far (anchors come before their aliases in a document).
// It stops counting past maxYAMLNodes.
func yamlSize(n ast.Node, anchors map[string]int) int {
	switch v := n.(type) {
	case nil:
		return 0
	case *ast.MappingNode:
		total := 1
		for _, mv := range v.Values {
			total = capAdd(total, yamlSize(mv, anchors))
		}
		return total
	case *ast.MappingValueNode:
		return capAdd(yamlSize(v.Key, anchors), yamlSize(v.Value, anchors))
	case *ast.SequenceNode:
		total := 1
		for _, e := range v.Values {
			total = capAdd(total, yamlSize(e, anchors))
		}
		return total
	case *ast.AnchorNode:
		size := yamlSize(v.Value, anchors)
		if v.Name != nil && v.Name.GetToken() != nil {
			anchors[v.Name.GetToken().Value] = size
		}
		return size
	case *ast.AliasNode:
		if v.Value != nil && v.Value.GetToken() != nil {
			return max(anchors[v.Value.GetToken().Value], 1)
		}
		return 1
	case *ast.TagNode:
		return yamlSize(v.Value, anchors)
	}
	return 1
}

// capAdd adds sizes, saturating just past maxYAMLNodes so that sums of
// huge counts cannot overflow.
func capAdd(a, b int) int {
	return min(a+b, maxYAMLNodes+1)
}
