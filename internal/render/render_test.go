package render_test

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"warta/internal/render"
)

var voids = map[string]bool{"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true, "img": true,
	"input": true, "link": true, "meta": true, "source": true, "track": true, "wbr": true}

// unbalanced returns why out leaves an element open or closes one it did
// not open, or "".
func unbalanced(out string) string {
	z := html.NewTokenizer(strings.NewReader(out))
	var open []string
	for {
		switch z.Next() {
		case html.ErrorToken:
			if len(open) > 0 {
				return "left open: <" + strings.Join(open, "> <") + ">"
			}
			return ""
		case html.StartTagToken:
			name, _ := z.TagName()
			if !voids[string(name)] {
				open = append(open, string(name))
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			if len(open) == 0 || open[len(open)-1] != string(name) {
				return "stray </" + string(name) + ">"
			}
			open = open[:len(open)-1]
		}
	}
}

// escapes reports whether out, placed in a <div> followed by a marker, lets
// the marker end up anywhere but right after the div (inside a link, a
// table, a list...).
func escapes(out string) bool {
	doc, err := html.Parse(strings.NewReader("<!DOCTYPE html><body><div id=c>" + out + `</div><p id="after">x</p></body>`))
	if err != nil {
		return true
	}
	var after *html.Node
	var find func(*html.Node)
	find = func(n *html.Node) {
		for _, a := range n.Attr {
			if a.Key == "id" && a.Val == "after" && n.DataAtom == atom.P {
				after = n
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			find(c)
		}
	}
	find(doc)
	return after == nil || after.Parent == nil || after.Parent.DataAtom != atom.Body
}

// scriptVector returns what in out could run script, or "".
func scriptVector(out string) string {
	nodes, err := html.ParseFragment(strings.NewReader(out), &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div})
	if err != nil {
		return err.Error()
	}
	var why string
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.Data {
			case "script", "style", "iframe", "object", "embed", "svg", "math", "form", "base", "meta", "link", "frame",
				"frameset", "noscript", "template", "textarea", "xmp", "plaintext", "noembed", "noframes", "applet":
				why = "<" + n.Data + ">"
			}
			for _, a := range n.Attr {
				k := strings.ToLower(a.Key)
				v := strings.Map(func(r rune) rune {
					if r <= ' ' || r == 0x7f {
						return -1
					}
					return r
				}, strings.ToLower(a.Val))
				if strings.HasPrefix(k, "on") || k == "style" || k == "srcdoc" || k == "formaction" {
					why = k + "= on <" + n.Data + ">"
				}
				if (k == "href" || k == "src" || k == "action" || k == "xlink:href" || k == "background" || k == "poster") &&
					(strings.HasPrefix(v, "javascript:") || strings.HasPrefix(v, "vbscript:") || strings.HasPrefix(v, "data:")) {
					why = k + "=" + a.Val
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	for _, n := range nodes {
		walk(n)
	}
	return why
}

func check(t *testing.T, in, out string) {
	t.Helper()
	if why := unbalanced(out); why != "" {
		t.Fatalf("%s\nin:  %q\nout: %q", why, in, out)
	}
	if escapes(out) {
		t.Fatalf("what follows the fragment ends up inside it\nin:  %q\nout: %q", in, out)
	}
	if why := scriptVector(out); why != "" {
		t.Fatalf("script vector %s\nin:  %q\nout: %q", why, in, out)
	}
	if again := render.Balance(out); again != out {
		t.Fatalf("not stable: balancing again changes it\nout:   %q\nagain: %q", out, again)
	}
}

// The findings of issue 16 (M1): an unclosed link or table in a body or a
// slot no longer takes over what follows it.
func TestSanitisedHTMLIsBalanced(t *testing.T) {
	r := render.New()
	for _, in := range []string{
		`<a href="https://evil.example">klik`,
		`<p>Teks <a href="https://evil.example">tautan</p><p>lagi`,
		`<table><tr><td>sel`,
		`<ul><li>satu<li>dua`,
		`<blockquote><p>kutipan`,
		`</div></div></main><a href="https://evil.example">`,
		`<b><i>miring</b> tebal</i>`,
		`<table><a href="https://evil.example">x</a><tr><td>y`,
		`<details><summary>s`,
		`<pre><code>kode`,
		`<img src="/media/a.jpg" alt="a"><br>`,
		"<p>halo</p>\x00<script>alert(1)</script><a href=\"java\tscript:alert(1)\">x</a>",
		`<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>`,
		`<math><mi xlink:href="javascript:alert(1)">x</mi></math>`,
		`<noscript><p title="</noscript><img src=x onerror=alert(1)>">`,
		`<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>`,
		`<a href="https://ok.example"><table><td><a href="https://evil.example">`,
	} {
		out := r.Sanitize(in)
		check(t, in, out)
		md, err := r.Markdown(in)
		if err != nil {
			t.Fatal(err)
		}
		check(t, in, md)
	}
	// What was balanced and safe stays as it was.
	for _, in := range []string{`<p>Paragraf <strong>tebal</strong> dan <a href="https://contoh.id/x" rel="nofollow">tautan</a>.</p>`,
		`<img src="/media/u/a.jpg" alt="Foto" loading="lazy"/>`} {
		if out := r.Sanitize(in); out != in {
			t.Errorf("changed a clean fragment:\nin:  %q\nout: %q", in, out)
		}
	}
	if out := r.Sanitize(`<a href="https://evil.example">klik`); out != `<a href="https://evil.example" rel="nofollow">klik</a>` {
		t.Errorf("unclosed link: %q", out)
	}
}

func TestMarkdownStillRenders(t *testing.T) {
	out, err := render.New().Markdown("# Judul\n\nParagraf **tebal** dan [tautan](https://contoh.id).\n\n| a | b |\n|---|---|\n| 1 | 2 |\n")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"<h1>Judul</h1>", "<strong>tebal</strong>", `<a href="https://contoh.id" rel="nofollow">tautan</a>`, "<td>1</td>"} {
		if !strings.Contains(out, want) {
			t.Errorf("markdown lost %q: %s", want, out)
		}
	}
}

var seeds = []string{
	`<a href="https://evil.example">klik`, `<table><tr><td>x`, `<p>a<b>b</p>c</b>`, `<ul><li>x`,
	`<script>alert(1)</script>`, `<img src=x onerror=alert(1)>`, `<a href="javascript:alert(1)">x</a>`,
	`<svg><script>alert(1)</script></svg>`, `<math><style><img src onerror=alert(1)>`, "<p>\x00</p>",
	"# Judul\n\n*miring* **tebal** [t](https://x.id)\n\n<div>", "> kutipan\n> <a href=\"https://e.example\">",
	"| a |\n|---|\n| <table> |", "```\n<script>\n```", `<noscript><p title="</noscript><img src=x onerror=alert(1)>">`,
	"<a href=\"&#106;avascript:alert(1)\">x</a>", "<select><template><style></template><img src=x onerror=alert(1)>",
}

// FuzzSanitize: whatever the newsroom pastes, the sanitiser's output is
// balanced, keeps what follows it outside, carries no script vector, and is
// stable.
func FuzzSanitize(f *testing.F) {
	for _, s := range seeds {
		f.Add(s)
	}
	r := render.New()
	f.Fuzz(func(t *testing.T, in string) {
		check(t, in, r.Sanitize(in))
	})
}

// FuzzMarkdown: the same for Markdown rendering, which lets raw HTML
// through to the sanitiser.
func FuzzMarkdown(f *testing.F) {
	for _, s := range seeds {
		f.Add(s)
	}
	r := render.New()
	f.Fuzz(func(t *testing.T, in string) {
		out, err := r.Markdown(in)
		if err != nil {
			t.Fatal(err)
		}
		check(t, in, out)
	})
}
