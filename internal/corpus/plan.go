package corpus

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// gen holds one generation: the random source and the planned site.
type gen struct {
	opts      Options
	rng       *rand.Rand
	sections  []*section // sections[0] is the home page's
	pages     []*page
	published []*page // link targets: not drafts, not in draft sections
}

type section struct {
	dir    string // "" for home, else "guides/install-3"
	title  string
	weight int
	draft  bool
	depth  int // 0 for home
	parent *section
}

func (s *section) file() string {
	if s.dir == "" {
		return "content/_index.md"
	}
	return "content/" + s.dir + "/_index.md"
}

// hidden reports whether s or a section above it is a draft.
func (s *section) hidden() bool {
	for ; s != nil; s = s.parent {
		if s.draft {
			return true
		}
	}
	return false
}

type page struct {
	sec      *section
	slug     string
	title    string
	weight   int // 0: none written
	draft    bool
	headings []heading
}

type heading struct {
	level int
	text  string
	id    string // as quire and Hugo (github style) make it
}

func (p *page) file() string {
	if p.sec.dir == "" {
		return "content/" + p.slug + ".md"
	}
	return "content/" + p.sec.dir + "/" + p.slug + ".md"
}

// url is the page's site-root URL.
func (p *page) url() string {
	if p.sec.dir == "" {
		return "/" + p.slug + "/"
	}
	return "/" + p.sec.dir + "/" + p.slug + "/"
}

// plan lays out sections, pages and headings; bodies are written later,
// when every link target is known.
func (g *gen) plan() {
	home := &section{title: "Generated docs"}
	g.sections = []*section{home}
	nsec := max(2, g.opts.Pages/40)
	top := max(2, nsec/8)
	for i := range nsec {
		parent := home
		if i >= top {
			// Prefer shallow parents: pick among the sections created so
			// far, retrying a deep pick once.
			parent = g.sections[1+g.rng.IntN(len(g.sections)-1)]
			if parent.depth >= 3 {
				parent = g.sections[1+g.rng.IntN(len(g.sections)-1)]
			}
			if parent.depth >= 4 {
				parent = parent.parent
			}
		}
		name := fmt.Sprintf("%s-%d", pick(g.rng, sectionWords), i)
		dir := name
		if parent.dir != "" {
			dir = parent.dir + "/" + name
		}
		s := &section{
			dir:    dir,
			title:  title(name),
			weight: g.weight(),
			parent: parent,
			depth:  parent.depth + 1,
			// About 3% of sections are drafts; the first few never are,
			// so small sites still have content.
			draft: i >= top && g.rng.IntN(100) < 3,
		}
		g.sections = append(g.sections, s)
	}
	for i := range g.opts.Pages {
		// A few pages sit at the top, beside the sections.
		s := g.sections[1+g.rng.IntN(len(g.sections)-1)]
		if g.rng.IntN(100) < 2 {
			s = home
		}
		words := pickN(g.rng, pageWords, 2+g.rng.IntN(3))
		slug := fmt.Sprintf("%s-%d", strings.Join(words, "-"), i)
		p := &page{
			sec:    s,
			slug:   slug,
			title:  title(strings.Join(words, " ")) + fmt.Sprintf(" %d", i),
			weight: g.weight(),
			draft:  g.rng.IntN(100) < 5,
		}
		p.headings = g.headings()
		g.pages = append(g.pages, p)
		if !p.draft && !s.hidden() {
			g.published = append(g.published, p)
		}
	}
}

// weight returns a weight with ties and gaps: mostly multiples of 10 in a
// small range (so siblings tie), some odd values, and 10% none at all.
func (g *gen) weight() int {
	switch r := g.rng.IntN(10); {
	case r == 0:
		return 0
	case r < 7:
		return 10 * (1 + g.rng.IntN(20))
	default:
		return 1 + g.rng.IntN(500)
	}
}

// headings returns 5–15 headings: most pages start at h2 and nest down to
// h4; one in five uses only h3 and h4. Common titles repeat, so ids get
// "-1", "-2" suffixes as on GitHub.
func (g *gen) headings() []heading {
	n := 5 + g.rng.IntN(11)
	lo := 2
	if g.rng.IntN(5) == 0 {
		lo = 3
	}
	seen := map[string]int{}
	hs := make([]heading, 0, n)
	level := lo
	for i := range n {
		if i > 0 {
			level = lo + g.rng.IntN(min(level-lo+2, 5-lo)) // never more than one level deeper
		}
		var text string
		if g.rng.IntN(4) == 0 {
			text = pick(g.rng, commonHeadings)
		} else {
			text = title(strings.Join(pickN(g.rng, headingWords, 2+g.rng.IntN(4)), " "))
		}
		hs = append(hs, heading{level: level, text: text, id: uniqueID(seen, slug(text))})
	}
	return hs
}

// slug is the id quire and Hugo give a heading whose text is ASCII
// letters, digits and spaces.
func slug(text string) string {
	return strings.ReplaceAll(strings.ToLower(text), " ", "-")
}

// uniqueID returns base, or base-N for its N-th repeat, as github-slugger.
func uniqueID(seen map[string]int, base string) string {
	id := base
	for {
		if _, taken := seen[id]; !taken {
			break
		}
		seen[base]++
		id = fmt.Sprintf("%s-%d", base, seen[base])
	}
	seen[id] = 0
	return id
}

func title(s string) string {
	s = strings.ReplaceAll(s, "-", " ")
	return strings.ToUpper(s[:1]) + s[1:]
}

func pick(rng *rand.Rand, words []string) string { return words[rng.IntN(len(words))] }

func pickN(rng *rand.Rand, words []string, n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = pick(rng, words)
	}
	return out
}
