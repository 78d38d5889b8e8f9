package render_test

import (
	"strings"
	"testing"

	"warta/internal/render"
)

// para is a paragraph of n words.
func para(n int) string {
	return "<p>" + strings.TrimSpace(strings.Repeat("kata ", n)) + "</p>\n"
}

var twoLinks = []render.ReadAlso{{Title: "Harga Beras Naik", URL: "/berita/harga-beras-naik"},
	{Title: `Petani <Panen> & "Raya"`, URL: "/berita/petani-panen-raya"}}

const firstLink = `<aside class="baca-juga" aria-label="Baca juga: Harga Beras Naik"><strong>Baca juga:</strong> <a href="/berita/harga-beras-naik">Harga Beras Naik</a></aside>`

func TestReadAlsoGoesAfterTheSecondParagraphOfALongBody(t *testing.T) {
	body := para(40) + para(40) + para(40) + para(40) + para(40)
	out := render.InsertReadAlso(body, twoLinks)
	check(t, body, out)
	if want := para(40) + para(40) + firstLink + "\n" + para(40); !strings.HasPrefix(out, want) {
		t.Fatalf("want the link after the 2nd paragraph:\n%s", out)
	}
	if strings.Count(out, "baca-juga") != 1 {
		t.Errorf("a body of 5 paragraphs gets one link: %s", out)
	}
	// Short bodies get none: too few paragraphs, or too few words.
	for _, short := range []string{para(100) + para(100) + para(100), para(10) + para(10) + para(10) + para(10) + para(10) + para(10)} {
		if out := render.InsertReadAlso(short, twoLinks); out != short {
			t.Errorf("short body changed: %s", out)
		}
	}
	if out := render.InsertReadAlso(body, nil); out != body {
		t.Errorf("no links, yet changed: %s", out)
	}
}

func TestReadAlsoTwiceInAVeryLongBody(t *testing.T) {
	var b strings.Builder
	for range 10 {
		b.WriteString(para(40))
	}
	out := render.InsertReadAlso(b.String(), twoLinks)
	check(t, b.String(), out)
	parts := strings.Split(out, "<aside")
	if len(parts) != 3 {
		t.Fatalf("%d links, want 2: %s", len(parts)-1, out)
	}
	if n := strings.Count(parts[0], "<p>"); n != 2 {
		t.Errorf("first link after %d paragraphs", n)
	}
	if n := strings.Count(parts[0]+parts[1], "<p>"); n != 7 { // 2 + (10-1)/2 + 1: three paragraphs follow it
		t.Errorf("second link after %d paragraphs, want 7", n)
	}
	// The title is text, escaped, and names the box: two boxes, two names.
	if !strings.Contains(out, `<aside class="baca-juga" aria-label="Baca juga: Petani &lt;Panen&gt; &amp; &#34;Raya&#34;"><strong>Baca juga:</strong> <a href="/berita/petani-panen-raya">Petani &lt;Panen&gt; &amp; &#34;Raya&#34;</a></aside>`) {
		t.Errorf("second link: %s", out)
	}
	// Two stories of one title still make boxes of two names.
	same := []render.ReadAlso{twoLinks[0], {Title: twoLinks[0].Title, URL: "/berita/harga-beras-naik-lagi"}}
	out = render.InsertReadAlso(b.String(), same)
	if !strings.Contains(out, firstLink) || !strings.Contains(out, `aria-label="Baca juga: Harga Beras Naik (2)"`) {
		t.Errorf("two links of one title: %s", out)
	}
	// One related article: one link, however long the body.
	if out := render.InsertReadAlso(b.String(), twoLinks[:1]); strings.Count(out, "<aside") != 1 {
		t.Errorf("one related article, %d links", strings.Count(out, "<aside"))
	}
}

// Never inside a list, a quote, a table or a figure: only paragraphs of
// the body itself count and the link goes between them.
func TestReadAlsoNeverInsideListsQuotesOrFigures(t *testing.T) {
	r := render.New()
	src := strings.Repeat("kata ", 40) + "\n\n" +
		"> " + strings.Repeat("kutipan ", 40) + "\n>\n> " + strings.Repeat("kutipan ", 40) + "\n\n" +
		"- " + strings.Repeat("butir ", 40) + "\n\n  " + strings.Repeat("lanjutan ", 40) + "\n- dua\n\n" +
		"![Foto](https://contoh.id/a.jpg)\n\n" +
		strings.Repeat("kedua ", 40) + "\n\n" + strings.Repeat("ketiga ", 40) + "\n\n" + strings.Repeat("keempat ", 40) + "\n"
	body, err := r.Markdown(src)
	if err != nil {
		t.Fatal(err)
	}
	out := render.InsertReadAlso(body, twoLinks)
	check(t, src, out)
	i := strings.Index(out, "<aside")
	if i < 0 {
		t.Fatalf("no link: %s", out)
	}
	before := out[:i]
	if !strings.Contains(before, "</figure>") || !strings.HasSuffix(strings.TrimSpace(before), "kedua</p>") {
		t.Errorf("the link is not right after the second paragraph of the body itself:\n%s", out)
	}
	if strings.Count(before, "<blockquote>") != strings.Count(before, "</blockquote>") || strings.Count(before, "<ul>") != strings.Count(before, "</ul>") {
		t.Errorf("the link is inside a quote or a list:\n%s", out)
	}
}
