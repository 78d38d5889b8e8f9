package newsroom_test

import (
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
