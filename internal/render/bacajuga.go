package render

import (
	"strings"

	nethtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// "Baca juga" (issue 14): the reader page puts one or two links to related
// news inside a long body, as Indonesian portals do, between its
// paragraphs: only between top-level paragraphs, so never inside a list,
// a quote, a table or a figure.

// ReadAlso is a related article linked from inside a body.
type ReadAlso struct {
	Title string
	URL   string // the article's path on the site, /berita/…
}

// When a body is long enough for its links: at least readAlsoParas
// top-level paragraphs and readAlsoWords words in them for one link, twice
// as many for the second.
const (
	readAlsoParas = 4
	readAlsoWords = 150
)

// InsertReadAlso returns body (sanitised HTML, as stored) with a "Baca
// juga" link after its 2nd paragraph and, in a body twice as long, a
// second one further down, about halfway through what follows. A short
// body, or one with no links to give, comes back as it was.
func InsertReadAlso(body string, links []ReadAlso) string {
	if len(links) == 0 || body == "" {
		return body
	}
	nodes, err := nethtml.ParseFragment(strings.NewReader(body), divContext)
	if err != nil {
		return body
	}
	var paras []*nethtml.Node
	words := 0
	for _, n := range nodes {
		if n.Type == nethtml.ElementNode && n.DataAtom == atom.P {
			if w := len(strings.Fields(textOf(n))); w > 0 {
				paras = append(paras, n)
				words += w
			}
		}
	}
	if len(paras) < readAlsoParas || words < readAlsoWords {
		return body
	}
	// Each box is a landmark of its own, named after its story: a screen
	// reader's list of landmarks tells the two apart (two of one name are
	// what axe's landmark-unique rule finds).
	after := map[*nethtml.Node]*nethtml.Node{paras[1]: readAlsoNode(links[0], "Baca juga: "+links[0].Title)}
	if len(links) > 1 && len(paras) >= 2*readAlsoParas && words >= 2*readAlsoWords {
		label := "Baca juga: " + links[1].Title
		if links[1].Title == links[0].Title {
			label += " (2)"
		}
		after[paras[2+(len(paras)-1)/2]] = readAlsoNode(links[1], label)
	}
	var b strings.Builder
	b.Grow(len(body) + 512)
	for _, n := range nodes {
		if err := nethtml.Render(&b, n); err != nil {
			return body
		}
		if box, ok := after[n]; ok {
			b.WriteByte('\n')
			nethtml.Render(&b, box)
		}
	}
	return b.String()
}

// readAlsoNode is <aside class="baca-juga" aria-label="…"><strong>Baca
// juga:</strong> <a>…</a></aside>.
func readAlsoNode(l ReadAlso, name string) *nethtml.Node {
	aside := element(atom.Aside, "class", "baca-juga", "aria-label", name)
	label := element(atom.Strong)
	label.AppendChild(&nethtml.Node{Type: nethtml.TextNode, Data: "Baca juga:"})
	aside.AppendChild(label)
	aside.AppendChild(&nethtml.Node{Type: nethtml.TextNode, Data: " "})
	a := element(atom.A, "href", l.URL)
	a.AppendChild(&nethtml.Node{Type: nethtml.TextNode, Data: l.Title})
	aside.AppendChild(a)
	return aside
}

// textOf is the text inside n.
func textOf(n *nethtml.Node) string {
	if n.Type == nethtml.TextNode {
		return n.Data
	}
	var b strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		b.WriteString(textOf(c))
		b.WriteByte(' ')
	}
	return b.String()
}
