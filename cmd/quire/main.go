// Command quire builds static documentation sites from weighted markdown.
package main

import (
	"os"

	"github.com/quire-docs/quire/internal/cli"
)

func main() {
	os.Exit(cli.Main(os.Args[1:], os.Stdout, os.Stderr))
}
