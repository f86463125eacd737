package config

// Table is a file of keys that are not configuration, decoded as
// configuration files are (an i18n/LANG.toml translation table), with
// the place of each key.
type Table struct {
	Map map[string]any
	pos keyPositions
}

// ParseTable decodes data, a TOML, YAML or JSON file (format f) named
// file, into a Table. Values have TOML's types, whatever the format. An
// error is a positioned *diag.Diagnostic naming file.
func ParseTable(file string, data []byte, f Format) (Table, error) {
	t, err := parseTree(file, data, f)
	if err != nil {
		return Table{}, err
	}
	return Table{Map: t.m, pos: t.pos}, nil
}

// Pos returns the line and column where the key path was written (of
// its longest prefix that was), 0, 0 when unknown.
func (t Table) Pos(path ...string) (line, col int) {
	p := t.pos.lookup(path)
	return p.line, p.col
}
