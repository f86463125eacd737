package cli

import (
	"context"
	"flag"
	"fmt"
	"runtime"
	"runtime/debug"
)

// version is set at link time by the Makefile (-X); otherwise it comes from
// the module's build info.
var version = ""

func versionCommand() *command {
	return &command{
		Name:      "version",
		UsageLine: "quire version",
		Short:     "print the quire version",
		Long:      "Version prints quire's version and the Go version it was built with.",
		Flags: func(fs *flag.FlagSet) func(context.Context, Env, []string) error {
			return func(_ context.Context, env Env, args []string) error {
				if len(args) > 0 {
					return usagef("version takes no arguments")
				}
				fmt.Fprintf(env.Stdout, "quire %s %s/%s %s\n", versionString(), runtime.GOOS, runtime.GOARCH, runtime.Version())
				return nil
			}
		},
	}
}

func versionString() string {
	if version != "" {
		return version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "dev"
}
