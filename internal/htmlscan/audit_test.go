package htmlscan

import (
	"testing"

	"github.com/quire-docs/quire/internal/audit"
)

// TestAudited: Scan hands over x/net/html's tokens from tdewolff/parse's
// lexer, and where the two part ways was worked out against these
// versions (FuzzScan holds it to x/net's tokens).
func TestAudited(t *testing.T) {
	t.Parallel()
	audit.Module(t, "golang.org/x/net", "v0.62.0", "internal/htmlscan")
	audit.Module(t, "github.com/tdewolff/parse/v2", "v2.8.20", "internal/htmlscan")
}
