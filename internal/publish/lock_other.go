//go:build !unix

package publish

import "context"

// lockFile takes no lock where flock(2) is missing: builds into one
// output directory must then not run at once.
func lockFile(ctx context.Context, name string, waiting func(string)) (func(), error) {
	return func() {}, nil
}
