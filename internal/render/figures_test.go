package render_test

import (
	"errors"
	"strings"
	"testing"

	"warta/internal/domain"
	"warta/internal/media"
	"warta/internal/render"
)

const upload = "/media/u/0123456789abcdef01234567-1440.jpg"

// sized is a renderer that knows the size of one upload, as the media
// store does for real ones.
func sized() *render.Renderer {
	return render.New(render.SiteURL("https://warta.example"), render.ImageSizes(func(url string) (int, int, bool) {
		if url == upload {
			return 1440, 810, true
		}
		return 0, 0, false
	}))
}

func md(t *testing.T, r *render.Renderer, src string) string {
	t.Helper()
	out, err := r.Markdown(src)
	if err != nil {
		t.Fatalf("render %q: %v", src, err)
	}
	check(t, src, out)
	return out
}

func TestImageAloneIsAFigure(t *testing.T) {
	out := md(t, sized(), "Paragraf pembuka.\n\n![Warga mengungsi di Cianjur]("+upload+` "ANTARA/Raisan")`+"\n\nParagraf penutup.")
	want := `<figure class="figure"><img src="` + upload + `" alt="Warga mengungsi di Cianjur" width="1440" height="810" ` +
		`srcset="` + media.Srcset(upload, 1440) + `" ` +
		`sizes="` + render.BodySizes + `" loading="lazy" decoding="async"/>` +
		`<figcaption>Warga mengungsi di Cianjur <span class="credit">Sumber foto: ANTARA/Raisan</span></figcaption></figure>`
	if !strings.Contains(out, want) {
		t.Fatalf("figure:\n got %s\nwant %s", out, want)
	}
	if strings.Contains(out, "<p><figure") || strings.Contains(out, "title=") {
		t.Errorf("figure left in its paragraph or kept the title: %s", out)
	}
	// An image nobody uploaded here keeps what is known of it: no srcset,
	// no invented size, still lazy.
	out = md(t, sized(), `![Peta](https://contoh.id/peta.png)`)
	if !strings.Contains(out, `<figure class="figure"><img src="https://contoh.id/peta.png" alt="Peta" loading="lazy" decoding="async"/><figcaption>Peta</figcaption></figure>`) {
		t.Errorf("external figure: %s", out)
	}
	// No caption and no credit: no empty figcaption.
	if out := md(t, sized(), "![]("+upload+")"); strings.Contains(out, "figcaption") || !strings.Contains(out, "<figure") {
		t.Errorf("bare figure: %s", out)
	}
}

func TestImagesOnConsecutiveLinesAreAGallery(t *testing.T) {
	src := "Foto-foto banjir:\n\n![Satu](" + upload + ` "Kredit A")` + "\n![Dua](/media/u/fedcba9876543210fedcba98-960.jpg)\n![Tiga](https://contoh.id/c.jpg)\n\nSelesai."
	out := md(t, sized(), src)
	if !strings.Contains(out, `<ul class="gallery" aria-label="Galeri foto (3 foto)"><li><figure class="figure"><a class="gallery-link" href="`+upload+`"><img src="`+upload+`" alt="Satu" width="1440" height="810"`) {
		t.Fatalf("gallery: %s", out)
	}
	if n := strings.Count(out, `<li><figure class="figure"><a class="gallery-link"`); n != 3 {
		t.Errorf("%d figures in the gallery, want 3: %s", n, out)
	}
	if !strings.Contains(out, `<figcaption>Dua</figcaption>`) || !strings.Contains(out, `Satu <span class="credit">Sumber foto: Kredit A</span>`) {
		t.Errorf("gallery captions: %s", out)
	}
	// Separated by a blank line they are two figures, not a gallery.
	out = md(t, sized(), "![Satu]("+upload+")\n\n![Dua](https://contoh.id/c.jpg)")
	if strings.Contains(out, "gallery") || strings.Count(out, "<figure") != 2 {
		t.Errorf("two paragraphs: %s", out)
	}
}

func TestImagesInTextListsAndQuotesStayPut(t *testing.T) {
	r := sized()
	// An image inside a sentence stays inline (and lazy).
	out := md(t, r, "Lihat ![ikon](https://contoh.id/i.png) di sini.")
	if strings.Contains(out, "<figure") || !strings.Contains(out, `<p>Lihat <img src="https://contoh.id/i.png" alt="ikon" loading="lazy" decoding="async"/> di sini.</p>`) {
		t.Errorf("inline image: %s", out)
	}
	// In a quote it becomes a figure inside the quote; a linked image keeps its link.
	out = md(t, r, "> ![Kutipan](https://contoh.id/q.jpg)\n\n[![Tautan](https://contoh.id/l.jpg)](https://contoh.id/x)")
	if !strings.Contains(out, `<blockquote>`+"\n"+`<figure class="figure">`) {
		t.Errorf("quote: %s", out)
	}
	if !strings.Contains(out, `<p><a href="https://contoh.id/x" rel="nofollow"><img src="https://contoh.id/l.jpg"`) {
		t.Errorf("linked image: %s", out)
	}
	// An editor's HTML cannot dress itself as a gallery.
	out = md(t, r, `<ul class="gallery"><li><figure class="figure" style="x">a</figure></li></ul>`)
	if strings.Contains(out, "class=") || strings.Contains(out, "style") {
		t.Errorf("editor's class kept: %s", out)
	}
}

func TestOversizedGalleriesAreRefused(t *testing.T) {
	r := sized()
	line := "![Foto](" + upload + ")\n"
	_, err := r.Markdown(strings.Repeat(line, render.MaxGallery+1))
	var de *domain.Error
	if !errors.As(err, &de) || de.Code != domain.EInvalid || !strings.Contains(de.Message, "paling banyak 30 foto per galeri") {
		t.Fatalf("gallery of %d: %v", render.MaxGallery+1, err)
	}
	if _, err := r.Markdown(strings.Repeat(line, render.MaxGallery)); err != nil {
		t.Errorf("gallery of %d refused: %v", render.MaxGallery, err)
	}
	var b strings.Builder
	for range render.MaxImages + 1 {
		b.WriteString("Teks ![x](https://contoh.id/a.png)\n\n")
	}
	if _, err := r.Markdown(b.String()); !errors.As(err, &de) || !strings.Contains(de.Message, "paling banyak 100") {
		t.Errorf("%d images: %v", render.MaxImages+1, err)
	}
}

func TestOwnLinksAreNotNofollow(t *testing.T) {
	out := md(t, sized(), "[a](/berita/banjir) [b](https://warta.example/kanal/nasional) [c](https://www.warta.example/x) "+
		"[d](#bagian) [e](https://contoh.id/x) [f](//evil.example/x) [g](mailto:redaksi@warta.example) https://warta.example/tag/hot")
	for _, want := range []string{`<a href="/berita/banjir">a</a>`, `<a href="https://warta.example/kanal/nasional">b</a>`,
		`<a href="https://www.warta.example/x">c</a>`, `<a href="#bagian">d</a>`, `<a href="https://contoh.id/x" rel="nofollow">e</a>`,
		`<a href="//evil.example/x" rel="nofollow">f</a>`, `<a href="mailto:redaksi@warta.example" rel="nofollow">g</a>`,
		`<a href="https://warta.example/tag/hot">https://warta.example/tag/hot</a>`} {
		if !strings.Contains(out, want) {
			t.Errorf("want %s in\n%s", want, out)
		}
	}
	// A host that only starts like the site's is somewhere else.
	if out := md(t, sized(), "[x](https://warta.example.evil.id/)"); !strings.Contains(out, `rel="nofollow"`) {
		t.Errorf("look-alike host: %s", out)
	}
	// Without SiteURL only relative links are the site's own.
	out = md(t, render.New(), "[a](/berita/x) [b](https://warta.example/x)")
	if !strings.Contains(out, `<a href="/berita/x">a</a>`) || !strings.Contains(out, `<a href="https://warta.example/x" rel="nofollow">b</a>`) {
		t.Errorf("no site URL: %s", out)
	}
}

func TestImageMarkdownRoundTrips(t *testing.T) {
	snippet := render.ImageMarkdown(upload, "Banjir [lagi]\ndi \\Jakarta: 100% \"parah\"?", `Foto: "Antara" © 2024`)
	if strings.Contains(snippet, "\n") {
		t.Fatalf("snippet spans lines: %q", snippet)
	}
	out := md(t, sized(), snippet)
	if !strings.Contains(out, `alt="Banjir [lagi] di \Jakarta: 100% &#34;parah&#34;?"`) ||
		!strings.Contains(out, `<figcaption>Banjir [lagi] di \Jakarta: 100% &#34;parah&#34;? <span class="credit">Sumber foto: Foto: &#34;Antara&#34; © 2024</span>`) {
		t.Errorf("snippet %q rendered as %s", snippet, out)
	}
	gallery := render.GalleryMarkdown([]string{render.ImageMarkdown(upload, "Satu", ""), render.ImageMarkdown("https://contoh.id/a b.jpg", "Dua", "")})
	out = md(t, sized(), "Awal."+gallery+"Akhir.")
	if !strings.Contains(out, `aria-label="Galeri foto (2 foto)"`) || !strings.Contains(out, `src="https://contoh.id/a%20b.jpg"`) {
		t.Errorf("gallery snippet %q rendered as %s", gallery, out)
	}
}

// FuzzFigures: bodies full of images, galleries and links stay balanced,
// stable and free of script vectors through the figure and link passes.
func FuzzFigures(f *testing.F) {
	for _, s := range []string{"![a](" + upload + ` "b")`, "![a](x)\n![b](y)", "> ![a](x)\n> ![b](y)", "- ![a](x)\n  ![b](y)",
		"<a href=\"/x\"><p><img src=x></p></a>", "| ![a](x) |\n|---|\n| ![b](y) |", "<h1><p><img src=x><img src=y></p></h1>",
		"[![a](x)](/y)", "<p><img src=x><br><img src=y></p>", "<table><tr><td><p><img src=x><img src=y>"} {
		f.Add(s)
	}
	r := sized()
	f.Fuzz(func(t *testing.T, in string) {
		out, err := r.Markdown(in)
		if err != nil {
			return // an oversized gallery
		}
		check(t, in, out)
	})
}
