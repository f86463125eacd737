// Package arch holds the test that keeps the package layering written in
// ARCHITECTURE.md true of the code.
package arch
