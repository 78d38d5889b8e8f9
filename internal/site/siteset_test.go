package site

import (
	"html/template"
	"testing"
)

// The in-body slot follows paragraph N at the top level only, never inside
// a quote, list or table, and only when more body follows.
func TestArticleAdPlacement(t *testing.T) {
	const ad = template.HTML(`<aside class="ad">IKLAN</aside>`)
	a := adsView{article: ad, articleAfter: 2}
	for _, c := range []struct{ body, want string }{
		{"<p>1</p><p>2</p><p>3</p>", "<p>1</p><p>2</p>" + string(ad) + "<p>3</p>"},
		// Paragraphs inside a quote, a list item or a table cell do not count.
		{"<p>1</p><blockquote><p>q</p><p>q</p></blockquote><ul><li><p>l</p></li></ul><p>2</p><h2>x</h2>",
			"<p>1</p><blockquote><p>q</p><p>q</p></blockquote><ul><li><p>l</p></li></ul><p>2</p>" + string(ad) + "<h2>x</h2>"},
		{"<p>1</p><table><tr><td><p>t</p></td></tr></table><p>2</p><p>3</p>",
			"<p>1</p><table><tr><td><p>t</p></td></tr></table><p>2</p>" + string(ad) + "<p>3</p>"},
		// Nothing after paragraph 2, or fewer paragraphs: no slot inside.
		{"<p>1</p><p>2</p>\n", "<p>1</p><p>2</p>\n"},
		{"<p>1</p>", "<p>1</p>"},
		{"", ""},
	} {
		if got := string(a.withArticleAd(template.HTML(c.body))); got != c.want {
			t.Errorf("%q\n got %q\nwant %q", c.body, got, c.want)
		}
	}
	if got := (adsView{}).withArticleAd("<p>1</p><p>2</p><p>3</p>"); got != "<p>1</p><p>2</p><p>3</p>" {
		t.Errorf("no slot changed the body: %q", got)
	}
	l := adsView{list: ad, listEvery: 3}
	var at []int
	for i := range 10 {
		if l.ListAfter(i) != "" {
			at = append(at, i)
		}
	}
	if len(at) != 3 || at[0] != 2 || at[1] != 5 || at[2] != 8 {
		t.Errorf("list slots after items %v, want 2 5 8", at)
	}
}
