package render

// Embeds (issue 14): a YouTube, X (Twitter), Instagram or TikTok address
// alone on its line in a body becomes a card that loads the provider only
// when the reader asks. The card is a link to the post (all there is
// without JavaScript); the site's script adds a button that puts the
// provider's player in an iframe, built from the provider's name and the
// post's id that the card carries, never from a URL the writer typed. The
// CSP's frame-src names exactly the origins of FrameOrigins, so even a
// card forged some other way could frame nothing else. Before the reader's
// click no byte is fetched from the provider (no thumbnail either: a
// thumbnail is shown only when the writer links an image of this site, as
// in [![Judul](/media/…)](https://youtu.be/…)).
//
// The pass runs on the sanitised tree, after the sanitiser: it only
// replaces a paragraph (or the line of one) that holds a link and nothing
// else with markup it writes itself. Any other address, a malformed one, a
// link inside text, a list or a quote stays the link it was.

import (
	"net/url"
	"regexp"
	"strconv"
	"strings"

	nethtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Embed is a post a body can show as a card.
type Embed struct {
	Provider string // "youtube", "x", "instagram", "tiktok"
	ID       string // the provider's id of the post (video id, status id, shortcode)
	Link     string // the post's own page, where the card links
	Frame    string // what the iframe loads once the reader asks
	Start    int    // YouTube: start at this second (t= or start=), 0 from the beginning
}

// provider is one site whose posts embed.
type provider struct {
	name  string // Embed.Provider
	label string // the reader's name for it
	kind  string // what a post is called on the card: "video", "postingan"
	frame string // the origin the iframe loads from (frame-src)
	hosts []string
	parse func(u *url.URL) (Embed, bool)
}

var (
	youtubeID   = regexp.MustCompile(`^[A-Za-z0-9_-]{11}$`)
	xUser       = regexp.MustCompile(`^[A-Za-z0-9_]{1,15}$`)
	numericID   = regexp.MustCompile(`^[0-9]{1,20}$`)
	igCode      = regexp.MustCompile(`^[A-Za-z0-9_-]{5,40}$`)
	tiktokUser  = regexp.MustCompile(`^@[A-Za-z0-9_.]{1,32}$`)
	youtubeTime = regexp.MustCompile(`^(?:(\d{1,2})h)?(?:(\d{1,4})m)?(?:(\d{1,6})s?)?$`)
)

var providers = []provider{
	{name: "youtube", label: "YouTube", kind: "video", frame: "https://www.youtube-nocookie.com",
		hosts: []string{"youtube.com", "www.youtube.com", "m.youtube.com", "youtu.be", "youtube-nocookie.com", "www.youtube-nocookie.com"},
		parse: parseYouTube},
	{name: "x", label: "X", kind: "postingan", frame: "https://platform.twitter.com",
		hosts: []string{"x.com", "www.x.com", "mobile.x.com", "twitter.com", "www.twitter.com", "mobile.twitter.com"},
		parse: parseX},
	{name: "instagram", label: "Instagram", kind: "postingan", frame: "https://www.instagram.com",
		hosts: []string{"instagram.com", "www.instagram.com"},
		parse: parseInstagram},
	{name: "tiktok", label: "TikTok", kind: "video", frame: "https://www.tiktok.com",
		hosts: []string{"tiktok.com", "www.tiktok.com", "m.tiktok.com"},
		parse: parseTikTok},
}

// FrameOrigins are the origins embeds load in an iframe, for the CSP's
// frame-src: nothing else may be framed.
func FrameOrigins() []string {
	out := make([]string, len(providers))
	for i, p := range providers {
		out[i] = p.frame
	}
	return out
}

// maxEmbedURL bounds the addresses looked at; a real post's is far shorter.
const maxEmbedURL = 500

// ParseEmbed recognises the address of a post that embeds. Anything else
// (another site, a profile or search page, a malformed or overlong address,
// credentials or a port in it) is not an embed.
func ParseEmbed(raw string) (Embed, bool) {
	if len(raw) > maxEmbedURL || strings.TrimSpace(raw) != raw {
		return Embed{}, false
	}
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.User != nil || u.Port() != "" || u.Opaque != "" {
		return Embed{}, false
	}
	host := strings.ToLower(u.Hostname())
	for _, p := range providers {
		for _, h := range p.hosts {
			if host == h {
				e, ok := p.parse(u)
				e.Provider = p.name
				return e, ok
			}
		}
	}
	return Embed{}, false
}

// segments splits a path into its non-empty parts ("/a//b/" is a, b).
func segments(p string) []string {
	var out []string
	for _, s := range strings.Split(p, "/") {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

func parseYouTube(u *url.URL) (Embed, bool) {
	seg := segments(u.Path)
	var id string
	switch {
	case strings.EqualFold(u.Hostname(), "youtu.be") && len(seg) == 1:
		id = seg[0]
	case len(seg) == 1 && seg[0] == "watch":
		id = u.Query().Get("v")
	case len(seg) == 2 && (seg[0] == "shorts" || seg[0] == "embed" || seg[0] == "live"):
		id = seg[1]
	}
	if !youtubeID.MatchString(id) {
		return Embed{}, false
	}
	e := Embed{ID: id, Link: "https://www.youtube.com/watch?v=" + id,
		Frame: "https://www.youtube-nocookie.com/embed/" + id}
	q := u.Query()
	t := q.Get("t")
	if t == "" {
		t = q.Get("start")
	}
	if s := youtubeSeconds(t); s > 0 {
		e.Start = s
		e.Link += "&t=" + strconv.Itoa(s) + "s"
		e.Frame += "?start=" + strconv.Itoa(s)
	}
	return e, true
}

// youtubeSeconds reads YouTube's start times: "90", "90s", "1m30s", "1h2m3s".
func youtubeSeconds(t string) int {
	m := youtubeTime.FindStringSubmatch(t)
	if t == "" || m == nil {
		return 0
	}
	n := func(s string) int { v, _ := strconv.Atoi(s); return v }
	return n(m[1])*3600 + n(m[2])*60 + n(m[3])
}

func parseX(u *url.URL) (Embed, bool) {
	seg := segments(u.Path)
	// /USER/status/ID, optionally followed by /photo/1 and the like.
	if len(seg) < 3 || !xUser.MatchString(seg[0]) || (seg[1] != "status" && seg[1] != "statuses") || !numericID.MatchString(seg[2]) {
		return Embed{}, false
	}
	return Embed{ID: seg[2], Link: "https://x.com/" + seg[0] + "/status/" + seg[2],
		Frame: "https://platform.twitter.com/embed/Tweet.html?dnt=true&id=" + seg[2]}, true
}

func parseInstagram(u *url.URL) (Embed, bool) {
	seg := segments(u.Path)
	if len(seg) < 2 || (seg[0] != "p" && seg[0] != "reel" && seg[0] != "tv") || !igCode.MatchString(seg[1]) {
		return Embed{}, false
	}
	if len(seg) > 2 && !(len(seg) == 3 && seg[2] == "embed") {
		return Embed{}, false
	}
	return Embed{ID: seg[1], Link: "https://www.instagram.com/" + seg[0] + "/" + seg[1] + "/",
		Frame: "https://www.instagram.com/p/" + seg[1] + "/embed/"}, true
}

func parseTikTok(u *url.URL) (Embed, bool) {
	seg := segments(u.Path)
	if len(seg) != 3 || !tiktokUser.MatchString(seg[0]) || seg[1] != "video" || !numericID.MatchString(seg[2]) {
		return Embed{}, false
	}
	return Embed{ID: seg[2], Link: "https://www.tiktok.com/" + seg[0] + "/video/" + seg[2],
		Frame: "https://www.tiktok.com/embed/v2/" + seg[2]}, true
}

func providerOf(name string) provider {
	for _, p := range providers {
		if p.name == name {
			return p
		}
	}
	return provider{}
}

// EmbedCards turns the body's top-level paragraphs, or lines of them, that
// hold only a link to an embeddable post into cards (see the package
// comment above). html is sanitised HTML; the result is too.
func EmbedCards(html string) string {
	if !mentionsProvider(html) {
		return html
	}
	nodes, err := nethtml.ParseFragment(strings.NewReader(html), divContext)
	if err != nil {
		return html
	}
	root := &nethtml.Node{Type: nethtml.ElementNode, Data: "div", DataAtom: atom.Div}
	for _, n := range nodes {
		root.AppendChild(n)
	}
	if !embedCardsIn(root) {
		return html
	}
	var b strings.Builder
	for c := root.FirstChild; c != nil; c = c.NextSibling {
		if err := nethtml.Render(&b, c); err != nil {
			return html
		}
	}
	return b.String()
}

// mentionsProvider is a quick look for a provider's name, so bodies
// without one are not parsed again.
func mentionsProvider(html string) bool {
	lower := strings.ToLower(html)
	for _, p := range providers {
		for _, h := range p.hosts {
			if strings.Contains(lower, h) {
				return true
			}
		}
	}
	return false
}

// embedCardsIn replaces root's paragraphs that carry embeds; it reports
// whether it changed anything.
func embedCardsIn(root *nethtml.Node) bool {
	changed := false
	for c := root.FirstChild; c != nil; {
		next := c.NextSibling
		if c.Type == nethtml.ElementNode && c.DataAtom == atom.P {
			if repl := embedParagraph(c); repl != nil {
				for _, n := range repl {
					root.InsertBefore(n, c)
				}
				root.RemoveChild(c)
				changed = true
			}
		}
		c = next
	}
	return changed
}

// line is one line of a paragraph: its nodes, and what ended it (a <br>
// element, or nil for a newline in the text or the paragraph's end).
type line struct {
	nodes []*nethtml.Node
	br    *nethtml.Node
}

// paragraphLines splits p's children into lines. Text nodes with
// newlines (Markdown's soft breaks) are split into new text nodes; p is
// left as it is.
func paragraphLines(p *nethtml.Node) []line {
	var lines []line
	cur := line{}
	for c := p.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c.Type == nethtml.ElementNode && c.DataAtom == atom.Br:
			cur.br = c
			lines = append(lines, cur)
			cur = line{}
		case c.Type == nethtml.TextNode && strings.Contains(c.Data, "\n"):
			parts := strings.Split(c.Data, "\n")
			for i, part := range parts {
				if part != "" {
					cur.nodes = append(cur.nodes, &nethtml.Node{Type: nethtml.TextNode, Data: part})
				}
				if i < len(parts)-1 {
					lines = append(lines, cur)
					cur = line{}
				}
			}
		default:
			cur.nodes = append(cur.nodes, c)
		}
	}
	return append(lines, cur)
}

// adopt moves n under parent.
func adopt(parent, n *nethtml.Node) {
	if n.Parent != nil {
		n.Parent.RemoveChild(n)
	}
	parent.AppendChild(n)
}

// onlyLink returns the one <a> of a line that holds nothing else but
// whitespace, or nil.
func onlyLink(nodes []*nethtml.Node) *nethtml.Node {
	var a *nethtml.Node
	for _, n := range nodes {
		switch {
		case n.Type == nethtml.TextNode && strings.TrimSpace(n.Data) == "":
		case n.Type == nethtml.ElementNode && n.DataAtom == atom.A && a == nil:
			a = n
		default:
			return nil
		}
	}
	return a
}

// embedParagraph returns what replaces p when one of its lines is an
// embed: the card(s) and, around them, paragraphs of the other lines; nil
// when p stays as it is.
func embedParagraph(p *nethtml.Node) []*nethtml.Node {
	// Cheap test first: a paragraph without a link to a provider stays.
	found := false
	for c := p.FirstChild; c != nil && !found; c = c.NextSibling {
		if c.Type == nethtml.ElementNode && c.DataAtom == atom.A {
			_, found = ParseEmbed(hrefOf(c))
		}
	}
	if !found {
		return nil
	}
	lines := paragraphLines(p)
	cards := make([]*nethtml.Node, len(lines))
	embedded := false
	for i, l := range lines {
		a := onlyLink(l.nodes)
		if a == nil {
			continue
		}
		href := hrefOf(a)
		e, ok := ParseEmbed(href)
		if !ok {
			continue
		}
		text := strings.TrimSpace(textContent(a))
		// A line of a longer paragraph embeds only as a pasted address
		// (its text is the address); a paragraph that is one link embeds
		// with the link's text as the card's title.
		if len(lines) > 1 && text != href && text != strings.TrimPrefix(strings.TrimPrefix(href, "https://"), "http://") {
			continue
		}
		title := ""
		if text != href && !strings.HasSuffix(href, text) {
			title = text
		}
		thumb, alt := linkedImage(a)
		if title == "" {
			title = alt
		}
		cards[i] = card(e, title, thumb)
		embedded = true
	}
	if !embedded {
		return nil
	}
	var out []*nethtml.Node
	var para *nethtml.Node
	flush := func() {
		// A line break that led to the card goes with it.
		for para != nil && para.LastChild != nil && (para.LastChild.DataAtom == atom.Br ||
			para.LastChild.Type == nethtml.TextNode && strings.TrimSpace(para.LastChild.Data) == "") {
			para.RemoveChild(para.LastChild)
		}
		if para != nil && (strings.TrimSpace(textContent(para)) != "" || hasElement(para)) {
			out = append(out, para)
		}
		para = nil
	}
	for i, l := range lines {
		if cards[i] != nil {
			flush()
			out = append(out, cards[i])
			continue
		}
		if para == nil {
			para = &nethtml.Node{Type: nethtml.ElementNode, Data: "p", DataAtom: atom.P, Attr: p.Attr}
		} else if para.LastChild != nil && para.LastChild.DataAtom != atom.Br {
			para.AppendChild(&nethtml.Node{Type: nethtml.TextNode, Data: "\n"})
		}
		for _, n := range l.nodes {
			adopt(para, n)
		}
		if l.br != nil {
			adopt(para, l.br)
		}
	}
	flush()
	return out
}

// linkedImage is the src and alt of an image of this site that a link
// wraps ([![alt](/media/…)](address)); images from elsewhere are not shown
// before the reader asks, so they give no thumbnail.
func linkedImage(a *nethtml.Node) (src, alt string) {
	for c := a.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == nethtml.ElementNode && c.DataAtom == atom.Img {
			s := attrValue(c, "src")
			if strings.HasPrefix(s, "/") && !strings.HasPrefix(s, "//") && !strings.HasPrefix(s, "/\\") {
				return s, attrValue(c, "alt")
			}
			return "", attrValue(c, "alt")
		}
	}
	return "", ""
}

// card writes the click-to-load card of e:
//
//	<figure class="embed embed-youtube" data-embed="youtube" data-embed-id="…"
//	        data-embed-src="https://www.youtube-nocookie.com/embed/…">
//	  <a class="embed-card" href="https://www.youtube.com/watch?v=…">
//	    [<img src="/media/…" alt="">] <span class="embed-title">…</span>
//	    <span class="embed-note">…</span></a>
//	</figure>
func card(e Embed, title, thumb string) *nethtml.Node {
	p := providerOf(e.Provider)
	attrs := []nethtml.Attribute{{Key: "class", Val: "embed embed-" + p.name}, {Key: "data-embed", Val: p.name}, {Key: "data-embed-id", Val: e.ID}, {Key: "data-embed-src", Val: e.Frame}}
	if e.Start > 0 {
		attrs = append(attrs, nethtml.Attribute{Key: "data-embed-start", Val: strconv.Itoa(e.Start)})
	}
	fig := &nethtml.Node{Type: nethtml.ElementNode, Data: "figure", DataAtom: atom.Figure, Attr: attrs}
	a := &nethtml.Node{Type: nethtml.ElementNode, Data: "a", DataAtom: atom.A, Attr: []nethtml.Attribute{
		{Key: "class", Val: "embed-card"}, {Key: "href", Val: e.Link}, {Key: "rel", Val: "nofollow noopener"}}}
	fig.AppendChild(a)
	if thumb != "" {
		a.AppendChild(&nethtml.Node{Type: nethtml.ElementNode, Data: "img", DataAtom: atom.Img, Attr: []nethtml.Attribute{
			{Key: "src", Val: thumb}, {Key: "alt", Val: ""}, {Key: "loading", Val: "lazy"}}})
	}
	if title == "" {
		title = strings.ToUpper(p.kind[:1]) + p.kind[1:] + " " + p.label
	}
	span := func(class, text string) {
		s := &nethtml.Node{Type: nethtml.ElementNode, Data: "span", DataAtom: atom.Span, Attr: []nethtml.Attribute{{Key: "class", Val: class}}}
		s.AppendChild(&nethtml.Node{Type: nethtml.TextNode, Data: text})
		a.AppendChild(s)
	}
	span("embed-provider", p.label)
	span("embed-title", title)
	span("embed-note", "Buka "+p.kind+" di "+p.label+". Konten "+p.label+" baru dimuat bila Anda memintanya.")
	return fig
}

func hrefOf(a *nethtml.Node) string { return attrValue(a, "href") }

func attrValue(n *nethtml.Node, key string) string {
	for _, at := range n.Attr {
		if at.Namespace == "" && at.Key == key {
			return at.Val
		}
	}
	return ""
}

func textContent(n *nethtml.Node) string {
	if n.Type == nethtml.TextNode {
		return n.Data
	}
	var b strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		b.WriteString(textContent(c))
	}
	return b.String()
}

func hasElement(n *nethtml.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == nethtml.ElementNode && c.DataAtom != atom.Br {
			return true
		}
	}
	return false
}
