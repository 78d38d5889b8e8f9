package render

// In-body images and galleries (issue 14), and which body links are
// nofollow.
//
// The body syntax is plain Markdown, so a body reads well anywhere:
//
//	![Warga mengungsi di Cianjur](/media/u/3f2a…-1440.jpg "ANTARA/Raisan")
//
// is a figure: the text in brackets is its caption (and the image's alt
// text), the quoted title its credit ("Sumber foto: …"). An image alone in
// its paragraph becomes a <figure>; two or more images on consecutive
// lines (no blank line between them) become a gallery, a list of figures
// that the site's script turns into thumbnails with a lightbox. The pass
// runs on the sanitised tree, so it only ever rearranges what the sanitiser
// let through and adds attributes it writes itself (class, srcset, sizes,
// loading); an editor's own HTML still cannot carry a class.

import (
	"net/url"
	"strconv"
	"strings"

	nethtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"warta/internal/domain"
	"warta/internal/media"
)

// Limits on the images of one body: a gallery longer than MaxGallery, or a
// body with more than MaxImages images, is refused when it is saved.
const (
	MaxGallery = 30
	MaxImages  = 100
)

// BodySizes is the sizes attribute of a body image shown at the body's
// full width (the same column as the lead photo).
const BodySizes = "(min-width: 72rem) 730px, (min-width: 60rem) 64vw, calc(100vw - 2rem)"

// Option configures a Renderer.
type Option func(*Renderer)

// SiteURL names the site's public origin (https://warta.example): links to
// it, like relative links, are the site's own and are not nofollow.
func SiteURL(base string) Option {
	return func(r *Renderer) {
		if u, err := url.Parse(strings.TrimSpace(base)); err == nil && u.Host != "" {
			r.own = append(r.own, ownHost(u.Host))
		}
	}
}

// ImageSizes gives the Renderer a way to learn an uploaded image's width
// and height (media.Store.Size), so body images get width and height and
// keep their place while loading. Answers are kept: uploads are named by
// their content and never change.
func ImageSizes(fn func(url string) (w, h int, ok bool)) Option {
	return func(r *Renderer) { r.sizer = fn }
}

// ownHost is a host as compared: lower case, without "www." and the port
// of a default scheme.
func ownHost(h string) string {
	h = strings.ToLower(h)
	h = strings.TrimSuffix(strings.TrimSuffix(h, ":443"), ":80")
	return strings.TrimPrefix(h, "www.")
}

// imageSize returns the width and height of the image at src, when known.
func (r *Renderer) imageSize(src string) (w, h int, ok bool) {
	if r.sizer == nil {
		return 0, 0, false
	}
	r.sizeMu.Lock()
	v, hit := r.sizes[src]
	r.sizeMu.Unlock()
	if hit {
		return v[0], v[1], true
	}
	if w, h, ok = r.sizer(src); !ok {
		return 0, 0, false
	}
	r.sizeMu.Lock()
	if r.sizes == nil || len(r.sizes) >= 4096 {
		r.sizes = map[string][2]int{}
	}
	r.sizes[src] = [2]int{w, h}
	r.sizeMu.Unlock()
	return w, h, true
}

// finish parses sanitised HTML as a browser would, applies the link rule
// (and, for a Markdown body, the figure pass) and writes the tree back out
// balanced, as Balance does.
func (r *Renderer) finish(frag string, body bool) (string, error) {
	if frag == "" {
		return "", nil
	}
	nodes, err := nethtml.ParseFragment(strings.NewReader(frag), divContext)
	if err != nil { // only a failing reader makes the parser fail
		return nethtml.EscapeString(frag), nil
	}
	root := &nethtml.Node{Type: nethtml.ElementNode, Data: "div", DataAtom: atom.Div}
	for _, n := range nodes {
		root.AppendChild(n)
	}
	if body {
		f := figurer{r: r}
		f.walk(root)
		if f.err != nil {
			return "", f.err
		}
	}
	r.links(root)
	var b strings.Builder
	b.Grow(len(frag) + 64)
	for c := root.FirstChild; c != nil; c = c.NextSibling {
		if err := nethtml.Render(&b, c); err != nil {
			return nethtml.EscapeString(frag), nil
		}
	}
	return b.String(), nil
}

// links drops nofollow from links to the site itself (relative ones and
// those to SiteURL's host) and makes sure every link elsewhere has it.
func (r *Renderer) links(n *nethtml.Node) {
	if n.Type == nethtml.ElementNode && n.DataAtom == atom.A {
		if href, ok := attr(n, "href"); ok {
			var rel []string
			if v, ok := attr(n, "rel"); ok {
				rel = strings.Fields(v)
			}
			own, web := r.linkKind(href)
			switch {
			case own:
				rel = without(rel, "nofollow")
			case web && !contains(rel, "nofollow"):
				rel = append(rel, "nofollow")
			}
			setAttr(n, "rel", strings.Join(rel, " "))
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		r.links(c)
	}
}

// linkKind says whether href leads to the site itself, or to another web
// site (mailto: and the like are neither).
func (r *Renderer) linkKind(href string) (own, web bool) {
	u, err := url.Parse(strings.TrimSpace(href))
	if err != nil {
		return false, false
	}
	if u.Scheme == "" && u.Host == "" {
		return true, false // /berita/…, #bagian, ?q=…
	}
	if u.Scheme != "" && u.Scheme != "http" && u.Scheme != "https" {
		return false, false
	}
	h := ownHost(u.Host)
	for _, o := range r.own {
		if h == o {
			return true, false
		}
	}
	return false, true
}

// figurer turns image paragraphs into figures and galleries, counting the
// images as it goes.
type figurer struct {
	r      *Renderer
	images int
	err    error
}

// figureParents are the elements a figure may be placed in where an image
// paragraph stood (never inside a link, a heading or a table's caption).
var figureParents = map[atom.Atom]bool{atom.Div: true, atom.Blockquote: true, atom.Li: true, atom.Td: true, atom.Th: true,
	atom.Dd: true, atom.Details: true, atom.Section: true, atom.Article: true, atom.Aside: true}

func (f *figurer) walk(n *nethtml.Node) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		if c.Type == nethtml.ElementNode {
			if imgs := imageParagraph(c); imgs != nil && figureParents[n.DataAtom] {
				f.images += len(imgs)
				if len(imgs) > MaxGallery && f.err == nil {
					f.err = domain.Invalid("galeri berisi %d foto, paling banyak %d foto per galeri: bagi menjadi beberapa galeri "+
						"dengan baris kosong di antaranya", len(imgs), MaxGallery)
				}
				n.InsertBefore(f.replacement(imgs), c)
				n.RemoveChild(c)
			} else {
				if c.DataAtom == atom.Img {
					f.images++
					f.r.dress(c, BodySizes)
				}
				f.walk(c)
			}
		}
		c = next
	}
	if f.images > MaxImages && f.err == nil {
		f.err = domain.Invalid("isi berita memuat %d gambar, paling banyak %d", f.images, MaxImages)
	}
}

// imageParagraph returns the images of a <p> that holds nothing but images
// (and the line breaks or spaces between them), or nil.
func imageParagraph(p *nethtml.Node) []*nethtml.Node {
	if p.DataAtom != atom.P {
		return nil
	}
	var imgs []*nethtml.Node
	for c := p.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c.Type == nethtml.TextNode && strings.TrimSpace(c.Data) == "":
		case c.Type == nethtml.ElementNode && c.DataAtom == atom.Br:
		case c.Type == nethtml.ElementNode && c.DataAtom == atom.Img:
			if _, ok := attr(c, "src"); !ok {
				return nil
			}
			imgs = append(imgs, c)
		default:
			return nil
		}
	}
	return imgs
}

// replacement is the figure of one image, or the gallery of several.
func (f *figurer) replacement(imgs []*nethtml.Node) *nethtml.Node {
	if len(imgs) == 1 {
		return f.figure(imgs[0], false)
	}
	ul := element(atom.Ul, "class", "gallery", "aria-label", "Galeri foto ("+strconv.Itoa(len(imgs))+" foto)")
	for _, img := range imgs {
		li := element(atom.Li)
		li.AppendChild(f.figure(img, true))
		ul.AppendChild(li)
	}
	return ul
}

// figure is <figure> with the image (in a link to its largest size, in a
// gallery) and a caption of its alt text and credit (its title).
func (f *figurer) figure(img *nethtml.Node, inGallery bool) *nethtml.Node {
	img.Parent.RemoveChild(img)
	caption, _ := attr(img, "alt")
	credit, _ := attr(img, "title")
	caption, credit = strings.TrimSpace(caption), strings.TrimSpace(credit)
	removeAttr(img, "title")
	f.r.dress(img, BodySizes)
	fig := element(atom.Figure, "class", "figure")
	if inGallery {
		src, _ := attr(img, "src")
		a := element(atom.A, "class", "gallery-link", "href", src)
		a.AppendChild(img)
		fig.AppendChild(a)
	} else {
		fig.AppendChild(img)
	}
	if caption != "" || credit != "" {
		fc := element(atom.Figcaption)
		if caption != "" {
			fc.AppendChild(&nethtml.Node{Type: nethtml.TextNode, Data: caption})
		}
		if credit != "" {
			if caption != "" {
				fc.AppendChild(&nethtml.Node{Type: nethtml.TextNode, Data: " "})
			}
			span := element(atom.Span, "class", "credit")
			span.AppendChild(&nethtml.Node{Type: nethtml.TextNode, Data: "Sumber foto: " + credit})
			fc.AppendChild(span)
		}
		fig.AppendChild(fc)
	}
	return fig
}

// dress gives a body image what readers' browsers need: its size (so the
// text does not jump while it loads), the widths of an upload with sizes,
// and lazy loading.
func (r *Renderer) dress(img *nethtml.Node, sizes string) {
	src, _ := attr(img, "src")
	if w, h, ok := r.imageSize(src); ok {
		setAttr(img, "width", strconv.Itoa(w))
		setAttr(img, "height", strconv.Itoa(h))
	}
	if w, ok := media.RenditionWidth(src); ok {
		if set := media.Srcset(src, w); set != "" {
			setAttr(img, "srcset", set)
			setAttr(img, "sizes", sizes)
		}
	}
	if _, ok := attr(img, "loading"); !ok {
		setAttr(img, "loading", "lazy")
	}
	setAttr(img, "decoding", "async")
}

// ImageMarkdown is the body syntax of one image: caption in brackets,
// credit as the quoted title (both optional).
func ImageMarkdown(src, caption, credit string) string {
	oneLine := func(s string) string { return strings.Join(strings.Fields(s), " ") }
	alt := strings.NewReplacer(`\`, `\\`, `[`, `\[`, `]`, `\]`).Replace(oneLine(caption))
	dest := src
	if strings.ContainsAny(src, " ()<>") {
		dest = "<" + strings.NewReplacer("<", "%3C", ">", "%3E").Replace(src) + ">"
	}
	out := "![" + alt + "](" + dest
	if c := oneLine(credit); c != "" {
		out += ` "` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(c) + `"`
	}
	return out + ")"
}

// GalleryMarkdown is the body syntax of several images in one gallery (one
// image: its figure), set off by blank lines.
func GalleryMarkdown(lines []string) string {
	return "\n\n" + strings.Join(lines, "\n") + "\n\n"
}

func element(a atom.Atom, kv ...string) *nethtml.Node {
	n := &nethtml.Node{Type: nethtml.ElementNode, Data: a.String(), DataAtom: a}
	for i := 0; i+1 < len(kv); i += 2 {
		n.Attr = append(n.Attr, nethtml.Attribute{Key: kv[i], Val: kv[i+1]})
	}
	return n
}

func attr(n *nethtml.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Namespace == "" && a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

// setAttr sets key to val ("" removes it).
func setAttr(n *nethtml.Node, key, val string) {
	if val == "" {
		removeAttr(n, key)
		return
	}
	for i, a := range n.Attr {
		if a.Namespace == "" && a.Key == key {
			n.Attr[i].Val = val
			return
		}
	}
	n.Attr = append(n.Attr, nethtml.Attribute{Key: key, Val: val})
}

func removeAttr(n *nethtml.Node, key string) {
	out := n.Attr[:0]
	for _, a := range n.Attr {
		if a.Namespace != "" || a.Key != key {
			out = append(out, a)
		}
	}
	n.Attr = out
}

func contains(list []string, v string) bool {
	for _, x := range list {
		if strings.EqualFold(x, v) {
			return true
		}
	}
	return false
}

func without(list []string, v string) []string {
	var out []string
	for _, x := range list {
		if !strings.EqualFold(x, v) {
			out = append(out, x)
		}
	}
	return out
}
