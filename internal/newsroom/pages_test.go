package newsroom_test

import (
	"compress/gzip"
	"context"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"warta/internal/app"
	"warta/internal/domain"
	"warta/internal/newsroom/nrtest"
	"warta/internal/store"
	"warta/internal/testdb"
)

func readerGet(t *testing.T, e *nrtest.Env, path string) (int, string) {
	t.Helper()
	resp, err := http.Get(e.URL + path)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// The demo site carries the five institutional pages, linked from every
// page's footer; an admin edits one in the newsroom and readers see the
// change at once, sanitised like an article body; nobody else may edit.
func TestStaticPagesEditedInNewsroom(t *testing.T) {
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		e := nrtest.New(t, st, func(c *app.Config) { c.Demo = true })
		code, home := readerGet(t, e, "/")
		if code != 200 {
			t.Fatalf("home: %d", code)
		}
		footer := home[strings.Index(home, `<footer`):]
		for _, want := range []string{`href="/halaman/tentang-kami">Tentang Kami</a>`, `href="/halaman/redaksi">Redaksi</a>`,
			`href="/halaman/pedoman-media-siber">Pedoman Media Siber</a>`, `href="/halaman/kontak">Kontak</a>`,
			`href="/halaman/kebijakan-privasi">Kebijakan Privasi</a>`} {
			if !strings.Contains(footer, want) {
				t.Errorf("footer lacks %s:\n%s", want, footer)
			}
		}
		code, ped := readerGet(t, e, "/halaman/pedoman-media-siber")
		if code != 200 || !strings.Contains(ped, "<h1 id=\"judul\">Pedoman Media Siber</h1>") ||
			!strings.Contains(ped, "Isi buatan pengguna") || !strings.Contains(ped, "2 × 24 jam") || !strings.Contains(ped, "Dewan Pers") {
			t.Errorf("pedoman page: %d\n%s", code, ped)
		}
		if code, body := readerGet(t, e, "/halaman/tidak-ada"); code != 404 || !strings.Contains(body, "tidak ada") {
			t.Errorf("unknown page: %d", code)
		}

		b := newBrowser(t, e)
		b.login(domain.RoleAdmin)
		p := b.get("/redaksi/halaman")
		if p.code != 200 || !strings.Contains(p.body, `href="/redaksi/halaman/redaksi">Redaksi</a>`) {
			t.Fatalf("pages list: %d\n%s", p.code, p.body)
		}
		if p := b.get("/redaksi/pengaturan"); !strings.Contains(p.body, `href="/redaksi/halaman"`) {
			t.Error("settings page does not link to the site pages")
		}
		p = b.get("/redaksi/halaman/redaksi")
		if p.code != 200 || !strings.Contains(p.body, "Pemimpin Redaksi") {
			t.Fatalf("edit form: %d", p.code)
		}
		body := "## Redaksi\n\n**Pemimpin Redaksi:** Ani Lestari\n\n<script>alert(1)</script><img src=x onerror=alert(2)>"
		p = b.post("/redaksi/halaman/redaksi", url.Values{"csrf": {b.csrf}, "title": {"Susunan Redaksi"}, "position": {"20"}, "body": {body}})
		if p.code != http.StatusSeeOther {
			t.Fatalf("save: %d\n%s", p.code, p.body)
		}
		code, red := readerGet(t, e, "/halaman/redaksi")
		if code != 200 || !strings.Contains(red, "<strong>Pemimpin Redaksi:</strong> Ani Lestari") || !strings.Contains(red, "Susunan Redaksi") {
			t.Errorf("edited page: %d\n%s", code, red)
		}
		main := red[strings.Index(red, `<main`):strings.Index(red, `</main>`)]
		if strings.Contains(main, "<script") || strings.Contains(main, "onerror") {
			t.Errorf("page body not sanitised: %s", main)
		}
		// A bad value shows the form again with an Indonesian message.
		p = b.post("/redaksi/halaman/baru", url.Values{"csrf": {b.csrf}, "slug": {"Bukan Alamat!"}, "title": {"X"}, "position": {"1"}, "body": {"x"}})
		if p.code != http.StatusUnprocessableEntity || !strings.Contains(p.body, "huruf kecil, angka dan tanda hubung") || !strings.Contains(p.body, `value="Bukan Alamat!"`) {
			t.Errorf("bad slug: %d\n%s", p.code, p.body)
		}
		p = b.post("/redaksi/halaman/baru", url.Values{"csrf": {b.csrf}, "slug": {"karier"}, "title": {"Karier"}, "position": {"60"}, "body": {"Bergabunglah."}})
		if p.code != http.StatusSeeOther {
			t.Errorf("new page: %d\n%s", p.code, p.body)
		}
		if code, body := readerGet(t, e, "/halaman/karier"); code != 200 || !strings.Contains(body, "Bergabunglah.") {
			t.Errorf("new page on the site: %d", code)
		}
		for _, role := range []domain.Role{domain.RoleWriter, domain.RoleEditor, domain.RoleModerator} {
			o := newBrowser(t, e)
			o.login(role)
			if p := o.get("/redaksi/halaman/redaksi"); p.code != http.StatusForbidden {
				t.Errorf("%s opens the page editor: %d", role, p.code)
			}
			if p := o.post("/redaksi/halaman/redaksi", url.Values{"csrf": {o.csrf}, "title": {"Dibajak"}, "position": {"1"}, "body": {"x"}}); p.code != http.StatusForbidden {
				t.Errorf("%s saves a page: %d", role, p.code)
			}
		}
		if sp, _ := st.StaticPage(context.Background(), "redaksi"); sp.Title != "Susunan Redaksi" {
			t.Errorf("a refused save changed the page to %q", sp.Title)
		}
	})
}

// The small things a first visit noticed (issue 13): the newsroom's pages
// come gzipped with a favicon that exists; the new-article form has no
// required select without an empty first choice and no <img> without src; the demo poll has votes and
// the demo stories were never "Diperbarui"; #HOT is a badge, not a tag page;
// a poll result's label and percentage stay apart.
func TestFirstVisitDetails(t *testing.T) {
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		e := nrtest.New(t, st, func(c *app.Config) { c.Demo = true })
		b := newBrowser(t, e)
		b.login(domain.RoleAdmin)

		req, _ := http.NewRequest("GET", e.URL+"/redaksi/artikel/baru", nil)
		req.Header.Set("Accept-Encoding", "gzip")
		resp, err := b.c.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		if resp.Header.Get("Content-Encoding") != "gzip" {
			t.Fatalf("newsroom page sent with Content-Encoding %q, want gzip", resp.Header.Get("Content-Encoding"))
		}
		zr, err := gzip.NewReader(resp.Body)
		if err != nil {
			t.Fatal(err)
		}
		raw, _ := io.ReadAll(zr)
		resp.Body.Close()
		editor := string(raw)
		if !strings.Contains(editor, `<link rel="icon" href="/favicon.ico"`) {
			t.Error("newsroom page has no icon link")
		}
		if !strings.Contains(editor, `<select name="category" required><option value="">Pilih kategori…</option>`) {
			t.Errorf("new article: the category select does not start with an empty choice")
		}
		for rest := editor; strings.Contains(rest, "<img"); {
			rest = rest[strings.Index(rest, "<img"):]
			tag := rest[:strings.Index(rest, ">")+1]
			if !strings.Contains(tag, ` src="`) {
				t.Errorf("new article: <img> without src: %s", tag)
			}
			rest = rest[len(tag):]
		}
		icon, err := http.Get(e.URL + "/favicon.ico")
		if err != nil {
			t.Fatal(err)
		}
		icon.Body.Close()
		if icon.StatusCode != 200 || icon.Header.Get("Content-Type") != "image/x-icon" { // a real ICO since issue 14 (16, 32, 48 px)
			t.Errorf("/favicon.ico: %d %s", icon.StatusCode, icon.Header.Get("Content-Type"))
		}

		_, home := readerGet(t, e, "/")
		if strings.Contains(home, "Total 0 suara") || !strings.Contains(home, "poll") {
			t.Errorf("demo poll starts empty or is missing")
		}
		_, results := readerGet(t, e, "/polling/1")
		if !strings.Contains(results, `<span class="poll-pct">&nbsp;`) {
			t.Errorf("poll percentage not kept apart from its label:\n%s", results)
		}
		if strings.Contains(results, "Total 0 suara") {
			t.Error("demo poll results show 0 votes")
		}
		list, _, err := st.ListArticles(context.Background(), domain.ArticleFilter{}, domain.Page{Number: 1, Size: 5})
		if err != nil || len(list) == 0 {
			t.Fatal(err)
		}
		for _, a := range list {
			if _, body := readerGet(t, e, "/berita/"+a.Slug); strings.Contains(body, "Diperbarui") {
				t.Errorf("demo story %q shows Diperbarui though never edited", a.Slug)
			}
		}

		noFollow := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
		r, err := noFollow.Get(e.URL + "/tag/hot")
		if err != nil {
			t.Fatal(err)
		}
		r.Body.Close()
		if r.StatusCode != http.StatusMovedPermanently || r.Header.Get("Location") != "/terpopuler" {
			t.Errorf("/tag/hot: %d → %q, want 301 → /terpopuler", r.StatusCode, r.Header.Get("Location"))
		}
		if code, body := readerGet(t, e, "/terpopuler"); code != 200 || !strings.Contains(body, "<h1>Terpopuler</h1>") || !strings.Contains(body, `class="card"`) {
			t.Errorf("/terpopuler: %d", code)
		}
		_, tags := readerGet(t, e, "/sitemaps/tags-1.xml")
		if strings.Contains(tags, "/tag/hot<") {
			t.Error("tag sitemap lists /tag/hot")
		}
	})
}
