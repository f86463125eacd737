package funcs

import "strings"

// LookupParam returns the value at key in params, as Hugo's .Param finds
// one: key is a dotted path ("grpc_vers.go") through nested maps, each
// part matched case-insensitively (an exact match first; among keys that
// differ only in case, the least wins, so the result does not depend on
// map order).
func LookupParam(params map[string]any, key string) (any, bool) {
	var cur any = params
	for _, k := range strings.Split(key, ".") {
		m, ok := cur.(map[string]any)
		if !ok {
			return nil, false
		}
		if cur, ok = foldKey(m, k); !ok {
			return nil, false
		}
	}
	return cur, true
}

func foldKey(m map[string]any, k string) (any, bool) {
	if v, ok := m[k]; ok {
		return v, true
	}
	best, found := "", false
	for name := range m {
		if strings.EqualFold(name, k) && (!found || name < best) {
			best, found = name, true
		}
	}
	if !found {
		return nil, false
	}
	return m[best], true
}
