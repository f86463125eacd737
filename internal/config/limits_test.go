package config

import (
	"strings"
	"testing"
)

func TestLimits(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, src string
		want      int    // FrontMatterBytes
		err       string // "" for none
	}{
		{"DefaultIs256KiB", "", 256 << 10, ""},
		{"Set", "[limits]\nfrontMatterBytes = 4096\n", 4096, ""},
		{"TooSmall", "[limits]\nfrontMatterBytes = 10\n", 256 << 10, ":2:1: limits.frontMatterBytes: 10 is out of range"},
		{"TooLarge", "[limits]\nfrontMatterBytes = 1073741824\n", 256 << 10, ":2:1: limits.frontMatterBytes: 1073741824 is out of range"},
		{"NotAnInteger", "[limits]\nfrontMatterBytes = \"1M\"\n", 256 << 10, "limits.frontMatterBytes: expected an integer, got a string"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			c, _, err := Parse([]byte(tt.src))
			if c.Limits.FrontMatterBytes != tt.want {
				t.Errorf("FrontMatterBytes = %d, want %d", c.Limits.FrontMatterBytes, tt.want)
			}
			switch {
			case tt.err == "" && err != nil:
				t.Errorf("Parse error = %v, want none", err)
			case tt.err != "" && (err == nil || !strings.Contains(err.Error(), tt.err)):
				t.Errorf("Parse error = %v, want %q", err, tt.err)
			}
		})
	}
}

func TestSecurity(t *testing.T) {
	t.Parallel()
	c, _, err := Parse([]byte("[security]\nallowOutside = [\"../shared-docs\", \"/srv/docs\"]\n"))
	if err != nil || strings.Join(c.Security.AllowOutside, ",") != "../shared-docs,/srv/docs" {
		t.Errorf("Parse = %q, %v; want ../shared-docs,/srv/docs", c.Security.AllowOutside, err)
	}
	if c, _, _ := Parse(nil); c.Security.AllowOutside != nil {
		t.Errorf("default AllowOutside = %q, want none", c.Security.AllowOutside)
	}
	_, _, err = Parse([]byte("[security]\nallowOutside = [1]\n"))
	if err == nil || !strings.Contains(err.Error(), ":2:1: security.allowOutside: 1 is not a directory path") {
		t.Errorf("Parse([1]) error = %v, want one at 2:1", err)
	}
}
