package server_test

import (
	"bytes"
	"html"
	"image"
	"image/color"
	"image/jpeg"
	"mime/multipart"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"warta/internal/domain"
	"warta/internal/newsroom/nrtest"
	"warta/internal/store"
	"warta/internal/testdb"
)

// smallJPEG is a w×h JPEG, different for every seed.
func smallJPEG(w, h int, seed uint8) []byte {
	m := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			m.Set(x, y, color.RGBA{uint8(x) ^ seed, uint8(y) + seed, seed, 255})
		}
	}
	var b bytes.Buffer
	jpeg.Encode(&b, m, nil)
	return b.Bytes()
}

// postFiles sends the newsroom form with files in field, as a browser
// without JavaScript does.
func (b *nrClient) postFiles(path string, form url.Values, field string, files [][]byte) (int, string) {
	b.t.Helper()
	form.Set("csrf", b.csrf)
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	for k, vs := range form {
		for _, v := range vs {
			mw.WriteField(k, v)
		}
	}
	for i, data := range files {
		fw, _ := mw.CreateFormFile(field, "foto-"+strconv.Itoa(i)+".jpg")
		fw.Write(data)
	}
	mw.Close()
	req, _ := http.NewRequest("POST", b.base+path, &buf)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	return b.do(req)
}

var snippetRe = regexp.MustCompile(`(?s)<textarea id="body-snippet"[^>]*>(.*?)</textarea>`)

func readerPage(t *testing.T, url string) string {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var b bytes.Buffer
	b.ReadFrom(resp.Body)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: %d", url, resp.StatusCode)
	}
	return b.String()
}

// A writer puts photos into the body without JavaScript: the upload comes
// back as the Markdown to paste (with everything typed kept), and once
// pasted and published readers get a figure and a gallery with captions,
// credits, srcset, sizes, width/height and lazy loading. The admin API
// uploads give the same Markdown. Oversized galleries are refused with a
// clear message from both doors.
func TestBodyImagesFromBothDoors(t *testing.T) {
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		e := nrtest.New(t, st)
		b := newsroomClient(t, e)
		typed := url.Values{"title": {"Banjir Rendam Ribuan Rumah"}, "category": {"nasional"}, "body": {"Paragraf yang sudah diketik."},
			"body_caption": {"Warga mengungsi: perahu karet dikerahkan"}, "body_credit": {"ANTARA/Raisan"}, "action": {"body_upload"}}
		code, page := b.postFiles("/redaksi/artikel/baru", typed, "body_files", [][]byte{photoJPEG(1), photoJPEG(2)})
		if code != http.StatusOK {
			t.Fatalf("body upload: %d %s", code, page)
		}
		m := snippetRe.FindStringSubmatch(page)
		if m == nil || !strings.Contains(page, "Paragraf yang sudah diketik.") || !strings.Contains(page, "Gambar terunggah") {
			t.Fatalf("no snippet, or the typed text was lost:\n%s", page)
		}
		gallery := html.UnescapeString(m[1])
		lines := strings.Split(strings.TrimSpace(gallery), "\n")
		lineRe := regexp.MustCompile(`^!\[Warga mengungsi: perahu karet dikerahkan\]\((/media/u/[0-9a-f]{24}-1440\.jpg) "ANTARA/Raisan"\)$`)
		if len(lines) != 2 || !lineRe.MatchString(lines[0]) || !lineRe.MatchString(lines[1]) {
			t.Fatalf("snippet %q", gallery)
		}
		if n, _, _ := st.AdminArticles(t.Context(), store.AdminFilter{}, domain.Page{Number: 1, Size: 10}); len(n) != 0 {
			t.Errorf("the upload saved an article")
		}

		// The admin API's upload carries the Markdown of one figure.
		r := e.API(t, domain.RoleWriter, http.MethodPost, "/uploads?caption="+url.QueryEscape("Tanggul jebol")+"&credit=Warta", photoJPEG(3))
		if r.Status != http.StatusCreated {
			t.Fatalf("api upload: %d %s", r.Status, r.Body)
		}
		var up struct {
			URL      string `json:"url"`
			Width    int    `json:"width"`
			Height   int    `json:"height"`
			Markdown string `json:"markdown"`
		}
		r.Data(t, &up)
		if up.Markdown != `![Tanggul jebol](`+up.URL+` "Warta")` || up.Width != 1440 || up.Height != 810 {
			t.Fatalf("api upload answer %s", r.Body)
		}

		body := "Hujan deras sejak sore membuat sungai meluap.\n\n" + up.Markdown + "\n\nPetugas mendata warga.\n\n" + gallery + "\n\n" +
			"Lihat juga [berita sebelumnya](/berita/lama) dan [kanal](http://warta.test/kanal/nasional) serta [sumber](https://bmkg.go.id/)."
		form := url.Values{"title": {"Banjir Rendam Ribuan Rumah"}, "category": {"nasional"}, "body": {body}, "action": {"published"}}
		if code, page := b.postMultipart("/redaksi/artikel/baru", form); code != http.StatusSeeOther {
			t.Fatalf("publish: %d %s", code, page)
		}
		pg := readerPage(t, e.URL+"/berita/banjir-rendam-ribuan-rumah")
		figure := `<figure class="figure"><img src="` + up.URL + `" alt="Tanggul jebol" width="1440" height="810" srcset="`
		if !strings.Contains(pg, figure) || !strings.Contains(pg, `<figcaption>Tanggul jebol <span class="credit">Sumber foto: Warta</span></figcaption>`) {
			t.Errorf("no figure in the page:\n%s", pg)
		}
		if !strings.Contains(pg, `<ul class="gallery" aria-label="Galeri foto (2 foto)">`) || strings.Count(pg, `<a class="gallery-link" href="/media/u/`) != 2 {
			t.Errorf("no gallery in the page:\n%s", pg)
		}
		if n := strings.Count(pg, `loading="lazy" decoding="async"`); n < 3 {
			t.Errorf("%d lazy body images, want 3", n)
		}
		if !strings.Contains(pg, `sizes="(min-width: 72rem) 730px`) || !strings.Contains(pg, `-480.jpg 480w`) {
			t.Errorf("body images without srcset/sizes")
		}
		if !regexp.MustCompile(`<script src="/static/galeri\.[0-9a-f]+\.js" defer></script>`).MatchString(pg) {
			t.Errorf("the gallery page does not load its lightbox")
		}
		// Own links are not nofollow; others are.
		for _, want := range []string{`<a href="/berita/lama">berita sebelumnya</a>`, `<a href="http://warta.test/kanal/nasional">kanal</a>`,
			`<a href="https://bmkg.go.id/" rel="nofollow">sumber</a>`} {
			if !strings.Contains(pg, want) {
				t.Errorf("page lacks %s", want)
			}
		}
		// An article without a gallery does not load the lightbox.
		e.CreateArticle(t, map[string]any{"title": "Tanpa Galeri", "category": "nasional", "body": "Teks saja.", "status": "published"})
		if strings.Contains(readerPage(t, e.URL+"/berita/tanpa-galeri"), "galeri.") {
			t.Errorf("an article without a gallery loads galeri.js")
		}

		// Oversized: 31 photos in one gallery, from the form and the API.
		long := strings.Repeat(up.Markdown+"\n", 31)
		form = url.Values{"title": {"Galeri Kebesaran"}, "category": {"nasional"}, "body": {"Pembuka.\n\n" + long}, "action": {"save"}}
		code, page = b.postMultipart("/redaksi/artikel/baru", form)
		if code != http.StatusBadRequest || !strings.Contains(page, "Galeri berisi 31 foto, paling banyak 30 foto per galeri") ||
			!strings.Contains(page, "Pembuka.") {
			t.Errorf("oversized gallery in the form: %d", code)
		}
		r = e.API(t, domain.RoleEditor, http.MethodPost, "/articles", map[string]any{"title": "Galeri Kebesaran", "category": "nasional", "body": long})
		if r.Status != http.StatusBadRequest || !strings.Contains(string(r.Body), "paling banyak 30 foto per galeri") {
			t.Errorf("oversized gallery in the API: %d %s", r.Status, r.Body)
		}
		// More files at once than a gallery holds, a file that is no
		// image, and no file at all: refused, with the typed text kept.
		many := make([][]byte, 31)
		for i := range many {
			many[i] = smallJPEG(8, 8, uint8(i))
		}
		cases := []struct {
			files [][]byte
			want  string
		}{
			{many, "Paling banyak 30 gambar sekaligus"},
			{[][]byte{smallJPEG(40, 40, 1), []byte("#!/bin/sh\necho pwned\n")}, "Gambar ke-2: berkas bukan gambar yang didukung"},
			{nil, "Pilih berkas gambar untuk isi berita"},
		}
		for _, c := range cases {
			code, page := b.postFiles("/redaksi/artikel/baru", typed, "body_files", c.files)
			if code != http.StatusBadRequest || !strings.Contains(page, c.want) || !strings.Contains(page, "Paragraf yang sudah diketik.") {
				t.Errorf("want 400 %q: %d", c.want, code)
			}
		}
	})
}

// longBody is n paragraphs of 40 words each.
func longBody(n int) string {
	var b strings.Builder
	for i := range n {
		b.WriteString("Paragraf ke-" + strconv.Itoa(i+1) + " " + strings.Repeat("warga desa memanen padi di sawah ", 8) + "\n\n")
	}
	return b.String()
}

var bacaJugaRe = regexp.MustCompile(`<aside class="baca-juga" aria-label="Baca juga: ([^"]+)"><strong>Baca juga:</strong> <a href="(/berita/[a-z0-9-]+)">([^<]+)</a></aside>`)

// "Baca juga": a long article gets links to related news between its
// paragraphs (after the 2nd; a second one further down a very long one),
// to the site's own pages and so without nofollow; a short one gets none;
// editors turn them off per article, in the newsroom form (without
// JavaScript) and in the admin API, and readers see the change at once.
func TestBacaJugaInLongBodies(t *testing.T) {
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		e := nrtest.New(t, st)
		// Related by tag and by words, so the related-news engine ranks both
		// whether it has scored them yet or not.
		for _, title := range []string{"Harga Gabah Kering Naik Saat Panen Padi", "Petani Desa Sambut Musim Panen Padi"} {
			e.CreateArticle(t, map[string]any{"title": title, "category": "nasional", "tags": []string{"Pertanian"}, "body": longBody(2),
				"status": "published", "published_at": "2024-06-01T08:00:00+07:00"})
		}
		id := e.CreateArticle(t, map[string]any{"title": "Panen Raya di Karawang", "category": "nasional", "tags": []string{"Pertanian"},
			"body": longBody(10), "status": "published"})
		e.CreateArticle(t, map[string]any{"title": "Panen Singkat", "category": "teknologi", "tags": []string{"Pertanian"},
			"body": longBody(3), "status": "published", "published_at": "2024-05-01T08:00:00+07:00"})
		pg := readerPage(t, e.URL+"/berita/panen-raya-di-karawang")
		links := bacaJugaRe.FindAllStringSubmatch(pg, -1)
		if len(links) != 2 {
			t.Fatalf("%d Baca juga links in a body of 10 paragraphs, want 2: %s", len(links), pg[strings.Index(pg, `<div class="body">`):])
		}
		// They are the first two of the article's related news.
		rel := pg[strings.Index(pg, `id="terkait"`):]
		first2 := regexp.MustCompile(`<li><a href="(/berita/[a-z0-9-]+)">`).FindAllStringSubmatch(rel, 2)
		if len(first2) != 2 || links[0][2] != first2[0][1] || links[1][2] != first2[1][1] || links[0][2] == links[1][2] {
			t.Errorf("links %v, related %v", links, first2)
		}
		// Each box is named after its story, so a screen reader's list of
		// landmarks tells the two apart.
		for _, l := range links {
			if l[1] != l[3] {
				t.Errorf("the box of %q is named %q", l[3], l[1])
			}
		}
		body := pg[strings.Index(pg, `<div class="body">`):]
		body = body[:strings.Index(body, "</div>")]
		first := strings.Index(body, "<aside")
		if n := strings.Count(body[:first], "<p>"); n != 2 {
			t.Errorf("first Baca juga after %d paragraphs, want 2", n)
		}
		if strings.Contains(pg, "baca-juga") && strings.Contains(bacaJugaRe.FindString(pg), "nofollow") {
			t.Errorf("Baca juga links are nofollow")
		}
		if bacaJugaRe.MatchString(readerPage(t, e.URL+"/berita/panen-singkat")) {
			t.Errorf("a short body got Baca juga")
		}
		// The API says it is on; turning it off there takes the links away.
		r := e.API(t, domain.RoleEditor, http.MethodGet, "/articles/"+strconv.FormatInt(id, 10), nil)
		if !strings.Contains(string(r.Body), `"baca_juga":true`) {
			t.Errorf("API article: %s", r.Body)
		}
		r = e.API(t, domain.RoleEditor, http.MethodPatch, "/articles/"+strconv.FormatInt(id, 10), map[string]any{"baca_juga": false})
		if r.Status != http.StatusOK || !strings.Contains(string(r.Body), `"baca_juga":false`) {
			t.Fatalf("PATCH baca_juga: %d %s", r.Status, r.Body)
		}
		if bacaJugaRe.MatchString(readerPage(t, e.URL+"/berita/panen-raya-di-karawang")) {
			t.Errorf("Baca juga still shown after the editor turned it off")
		}
		// The newsroom form shows the box checked; saving without it turns
		// the links back on, with it off again.
		b := newsroomClient(t, e)
		path := "/redaksi/artikel/" + strconv.FormatInt(id, 10)
		_, page := b.get(path)
		if !strings.Contains(page, `name="baca_juga_off" value="1" checked`) {
			t.Fatalf("editor form lacks the checked box")
		}
		form := url.Values{"title": {"Panen Raya di Karawang"}, "category": {"nasional"}, "tags": {"Pertanian"}, "body": {longBody(10)}, "action": {"save"}}
		if code, page := b.postMultipart(path, form); code != http.StatusSeeOther {
			t.Fatalf("save: %d %s", code, page)
		}
		if n := len(bacaJugaRe.FindAllString(readerPage(t, e.URL+"/berita/panen-raya-di-karawang"), -1)); n != 2 {
			t.Errorf("after saving with the box unchecked: %d links", n)
		}
		form.Set("baca_juga_off", "1")
		if code, _ := b.postMultipart(path, form); code != http.StatusSeeOther {
			t.Fatalf("save with the box: %d", code)
		}
		if bacaJugaRe.MatchString(readerPage(t, e.URL+"/berita/panen-raya-di-karawang")) {
			t.Errorf("Baca juga shown after the box was checked")
		}
		if a, err := st.ArticleByIDAnyStatus(t.Context(), id); err != nil || !a.BacaJugaOff {
			t.Errorf("stored: %v %v", a.BacaJugaOff, err)
		}
	})
}
