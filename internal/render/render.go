// Package render turns what the newsroom writes (Markdown) into the HTML that
// readers see. The output is always sanitised, so even an editor's raw HTML
// cannot carry scripts or event handlers onto the reader site, and always
// balanced: every element it opens closes inside the fragment, so an
// unclosed <a> or <table> in a body or an ad slot cannot swallow the rest
// of the page (issue 16, M1).
package render

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"sync"

	"github.com/microcosm-cc/bluemonday"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/renderer/html"
	nethtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Renderer renders Markdown to safe HTML. It is safe for concurrent use.
type Renderer struct {
	md     goldmark.Markdown
	policy *bluemonday.Policy
	// own are the site's own hosts (SiteURL): links to them are not
	// nofollow. sizer finds the size of an uploaded image (ImageSizes).
	own    []string
	sizer  func(url string) (w, h int, ok bool)
	sizeMu sync.Mutex
	sizes  map[string][2]int
}

// New builds a Renderer; see SiteURL and ImageSizes for its options.
func New(opts ...Option) *Renderer {
	md := goldmark.New(
		goldmark.WithExtensions(extension.Table, extension.Strikethrough, extension.Linkify),
		// Raw HTML is let through to the sanitiser, which decides what stays.
		goldmark.WithRendererOptions(html.WithUnsafe()),
	)
	p := bluemonday.UGCPolicy()
	p.RequireNoFollowOnFullyQualifiedLinks(false)
	p.AddTargetBlankToFullyQualifiedLinks(false)
	p.AllowAttrs("loading").Matching(bluemonday.SpaceSeparatedTokens).OnElements("img")
	// An image's alt text and title are its caption and credit (figures.go):
	// any text, which the sanitiser escapes, rather than bluemonday's
	// Paragraph pattern, which drops a whole caption for one ":" or "?".
	p.AllowAttrs("alt", "title").Matching(captionText).OnElements("img")
	r := &Renderer{md: md, policy: p}
	for _, o := range opts {
		o(r)
	}
	return r
}

// captionText is one line of text without control characters.
var captionText = regexp.MustCompile(`^[^\x00-\x1f\x7f]*$`)

// Markdown renders src and sanitises the result.
func (r *Renderer) Markdown(src string) (string, error) {
	var buf bytes.Buffer
	if err := r.md.Convert([]byte(src), &buf); err != nil {
		return "", fmt.Errorf("render markdown: %w", err)
	}
	// Images alone in a paragraph become figures and galleries (figures.go);
	// a post's address alone on its line becomes a card (embed.go).
	out, err := r.finish(r.policy.Sanitize(Balance(buf.String())), true)
	if err != nil {
		return "", err
	}
	return EmbedCards(out), nil
}

// Sanitize cleans HTML that did not come from Markdown. The input is first
// parsed as a browser would (so the sanitiser sees the tree a browser
// builds, not the raw bytes), sanitised, then parsed and written out again
// so that every element closes inside its container.
func (r *Renderer) Sanitize(htmlSrc string) string {
	out, _ := r.finish(r.policy.Sanitize(Balance(htmlSrc)), false)
	return out
}

// divContext is the container every fragment is parsed in: the body of an
// article, an ad slot and a caption all sit inside a <div>.
var divContext = &nethtml.Node{Type: nethtml.ElementNode, Data: "div", DataAtom: atom.Div}

// Balance parses frag as the content of a <div>, as the HTML5 parser of a
// browser does, and writes the tree back out: unclosed elements are closed,
// stray end tags dropped and misnested ones untangled, so the result can
// be placed in any container without changing what follows it.
func Balance(frag string) string {
	if frag == "" {
		return ""
	}
	nodes, err := nethtml.ParseFragment(strings.NewReader(frag), divContext)
	if err != nil { // only a failing reader makes the parser fail
		return nethtml.EscapeString(frag)
	}
	var b strings.Builder
	b.Grow(len(frag) + 64)
	for _, n := range nodes {
		if err := nethtml.Render(&b, n); err != nil {
			return nethtml.EscapeString(frag)
		}
	}
	return b.String()
}
