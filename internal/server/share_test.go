package server_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"warta/internal/store"
	"warta/internal/testdb"
)

// findAll returns the elements under n for which match is true, in
// document order.
func findAll(n *html.Node, match func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && match(n) {
			out = append(out, n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return out
}

func hasClass(n *html.Node, class string) bool {
	for _, c := range strings.Fields(attr(n, "class")) {
		if c == class {
			return true
		}
	}
	return false
}

// textOf is the text a screen reader reads for n (its text nodes joined).
func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return strings.Join(strings.Fields(b.String()), " ")
}

// Issue 14: an article page offers plain share links, WhatsApp first, each
// carrying the canonical URL (whatever query the reader arrived with) and
// nothing that tracks; no third-party script is loaded; the Open Graph tags
// the networks read name the canonical URL and the lead photo. Issue 13:
// the reactions sit beside the share bar, below the photo and the body.
func TestShareBarWithoutJavaScript(t *testing.T) {
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		e := newEnv(t, st)
		const canonical = "http://warta.test" + mainSlug
		code, _, body := e.get(t, mainSlug+"?urut=terlama")
		if code != http.StatusOK {
			t.Fatalf("article: %d", code)
		}
		doc, err := html.Parse(strings.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		bars := findAll(doc, func(n *html.Node) bool { return hasClass(n, "share-bar") })
		if len(bars) != 1 {
			t.Fatalf("%d share bars, want 1", len(bars))
		}
		bar := bars[0]
		links := findAll(bar, func(n *html.Node) bool { return n.Data == "a" })
		type want struct{ name, host, param string }
		wants := []want{
			{"Bagikan ke WhatsApp", "wa.me", "text"},
			{"Bagikan ke Telegram", "t.me", "url"},
			{"Bagikan ke Facebook", "www.facebook.com", "u"},
			{"Bagikan ke X", "x.com", "url"},
		}
		if len(links) != len(wants)+1 {
			t.Fatalf("share bar has %d links, want %d", len(links), len(wants)+1)
		}
		for i, w := range wants {
			a := links[i]
			if got := textOf(a); got != w.name {
				t.Errorf("link %d reads %q, want %q", i, got, w.name)
			}
			u, err := url.Parse(attr(a, "href"))
			if err != nil || u.Scheme != "https" || u.Host != w.host {
				t.Errorf("%s goes to %q", w.name, attr(a, "href"))
				continue
			}
			shared := u.Query().Get(w.param)
			if w.param == "text" { // WhatsApp takes one text: the title, then the link
				if !strings.HasPrefix(shared, "Pemerintah Umumkan Kebijakan Pertahanan Baru ") {
					t.Errorf("%s text %q does not start with the title", w.name, shared)
				}
				shared = shared[strings.LastIndexByte(shared, ' ')+1:]
			}
			if shared != canonical {
				t.Errorf("%s shares %q, want the canonical %q", w.name, shared, canonical)
			}
			if strings.Contains(attr(a, "href"), "utm_") {
				t.Errorf("%s carries tracking parameters: %s", w.name, attr(a, "href"))
			}
			if rel := attr(a, "rel"); !strings.Contains(rel, "noopener") {
				t.Errorf("%s rel=%q, want noopener", w.name, rel)
			}
		}
		copyLink := links[len(wants)]
		if attr(copyLink, "href") != canonical || textOf(copyLink) != "Salin tautan" {
			t.Errorf("copy link: %q %q, want the canonical URL, read as Salin tautan", attr(copyLink, "href"), textOf(copyLink))
		}
		// The system share button needs the script: without it, it is hidden.
		native := findAll(bar, func(n *html.Node) bool { return hasAttr(n, "data-share-native") })
		if len(native) != 1 || !hasAttr(native[0], "hidden") {
			t.Errorf("the system share button is not hidden without JavaScript")
		}
		// No script but the site's own.
		for _, s := range findAll(doc, func(n *html.Node) bool { return n.Data == "script" && attr(n, "src") != "" }) {
			if !strings.HasPrefix(attr(s, "src"), "/static/") {
				t.Errorf("the page loads a script from %s", attr(s, "src"))
			}
		}
		// What the networks read: og:url is the canonical, og:image the lead photo.
		metas := map[string]string{}
		for _, m := range findAll(doc, func(n *html.Node) bool { return n.Data == "meta" && attr(n, "property") != "" }) {
			metas[attr(m, "property")] = attr(m, "content")
		}
		if metas["og:url"] != canonical || metas["og:image"] != "http://warta.test/media/foto.jpg" {
			t.Errorf("og:url %q og:image %q", metas["og:url"], metas["og:image"])
		}
		// The reactions are in the bar, after the lead photo and the body.
		if forms := findAll(bar, func(n *html.Node) bool { return n.Data == "form" && hasClass(n, "reactions") }); len(forms) != 1 {
			t.Errorf("the reactions are not beside the share bar")
		}
		if i, j, k := strings.Index(body, `class="lead"`), strings.Index(body, `class="body"`), strings.Index(body, `class="reactions"`); i < 0 || j < i || k < j {
			t.Errorf("order: photo at %d, body at %d, reactions at %d; want the reactions after both", i, j, k)
		}
	})
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}
