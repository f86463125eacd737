// Package arch holds the tests that keep ARCHITECTURE.md true of the
// code's shape: the package layering, and small files (no non-test Go
// file over 400 lines).
package arch
