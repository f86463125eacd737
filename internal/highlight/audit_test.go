package highlight

import (
	"testing"

	"github.com/quire-docs/quire/internal/audit"
)

// TestAudited: fastlex.go copies chroma's LexerState.Iterator and reaches
// chroma's compiled rules through reflection; source.go and the match
// loop rely on regexp2's MatchView. Both were read against these versions.
func TestAudited(t *testing.T) {
	t.Parallel()
	audit.Module(t, "github.com/alecthomas/chroma/v2", "v2.27.0", "internal/highlight (fastlex.go, lexer.go, registry.go)")
	audit.Module(t, "github.com/dlclark/regexp2/v2", "v2.13.0", "internal/highlight (fastlex.go, source.go)")
}
