// Package themetest checks the embedded theme in a real browser, on this
// repository's own documentation; it holds only tests.
package themetest
