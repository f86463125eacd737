// Command floor is the lower bound make bench compares quire with: it
// reads every markdown file under a content directory and converts its
// body with goldmark (GFM, footnotes, definition lists, typographer, as
// quire configures it) and chroma (CSS classes) on all cores, with no
// templates, no table of contents, no minification and no output:
//
//	floor /tmp/site/content
package main

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"github.com/alecthomas/chroma/v2"
	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/alecthomas/chroma/v2/styles"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: floor CONTENT_DIR")
		os.Exit(2)
	}
	var files []string
	err := filepath.WalkDir(os.Args[1], func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".md") {
			files = append(files, p)
		}
		return err
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	md := goldmark.New(
		goldmark.WithExtensions(extension.GFM, extension.Footnote, extension.DefinitionList, extension.Typographer),
		// 100: below goldmark's own renderers (1000), so this one wins.
		goldmark.WithRendererOptions(renderer.WithNodeRenderers(util.Prioritized(
			codeRenderer{formatter: chromahtml.New(chromahtml.WithClasses(true))}, 100))),
	)
	work := make(chan string)
	var wg sync.WaitGroup
	var mu sync.Mutex
	var total int
	var firstErr error
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			var buf bytes.Buffer
			n := 0
			for f := range work {
				src, err := os.ReadFile(f)
				if err == nil {
					buf.Reset()
					err = md.Convert(body(src), &buf)
					n += buf.Len()
				}
				if err != nil {
					mu.Lock()
					firstErr = fmt.Errorf("%s: %w", f, err)
					mu.Unlock()
				}
			}
			mu.Lock()
			total += n
			mu.Unlock()
		})
	}
	for _, f := range files {
		work <- f
	}
	close(work)
	wg.Wait()
	if firstErr != nil {
		fmt.Fprintln(os.Stderr, firstErr)
		os.Exit(1)
	}
	fmt.Printf("%d files, %d bytes of HTML\n", len(files), total)
}

// body drops YAML front matter.
func body(src []byte) []byte {
	if rest, ok := bytes.CutPrefix(src, []byte("---\n")); ok {
		if i := bytes.Index(rest, []byte("\n---\n")); i >= 0 {
			return rest[i+5:]
		}
	}
	return src
}

// codeRenderer highlights fenced code blocks with chroma's HTML formatter.
type codeRenderer struct{ formatter *chromahtml.Formatter }

func (r codeRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindFencedCodeBlock, r.renderCode)
}

func (r codeRenderer) renderCode(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.FencedCodeBlock)
	var code strings.Builder
	for i := range n.Lines().Len() {
		seg := n.Lines().At(i)
		code.Write(seg.Value(src))
	}
	lexer := lexers.Get(string(n.Language(src)))
	if lexer == nil {
		lexer = lexers.Fallback
	}
	it, err := chroma.Coalesce(lexer).Tokenise(nil, code.String())
	if err != nil {
		return ast.WalkStop, err
	}
	if err := r.formatter.Format(io.Writer(w), styles.Fallback, it); err != nil {
		return ast.WalkStop, err
	}
	return ast.WalkSkipChildren, nil
}
