package newsroom_test

import (
	"context"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"warta/internal/app"
	"warta/internal/domain"
	"warta/internal/newsroom/nrtest"
	"warta/internal/store"
	"warta/internal/testdb"
)

// Issue 9: settings, category, tag and institutional-page writes are
// changes every page may show, so through either door they drop the cached
// pages at once (one change event, editorial.Change). With a page cache and
// fragments kept for a minute, the new article slot, a renamed category or
// tag, and a new footer page used to stay hidden for that minute.
func TestSiteWideChangesShowAtOnceThroughLongCaches(t *testing.T) {
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		e := nrtest.New(t, st, func(c *app.Config) { c.Site.PageCacheTTL, c.Site.FragmentTTL = time.Minute, time.Minute })
		e.CreateArticle(t, map[string]any{"title": "Banjir Surut di Bekasi", "category": "nasional", "status": "published",
			"tags": []string{"Banjir Bekasi"}})
		tag, err := st.TagBySlug(context.Background(), "banjir-bekasi")
		if err != nil {
			t.Fatal(err)
		}
		const article = "/berita/banjir-surut-di-bekasi"
		shows := func(step, path, text string, want bool) {
			t.Helper()
			if got := strings.Contains(readerPage(t, e.URL+path), text); got != want {
				t.Errorf("%s: %s shows %q = %v, want %v", step, path, text, got, want)
			}
		}
		// Cache both pages as they are.
		shows("before", article, "Iklan Toko Sepatu", false)
		shows("before", "/", "Kabar Nasional", false)
		shows("before", article, "Banjir Bekasi", true)
		shows("before", "/", "Redaksi Kami", false)

		admin := newBrowser(t, e)
		admin.login(domain.RoleAdmin)
		admin.get("/redaksi/pengaturan")
		if p := admin.post("/redaksi/pengaturan", url.Values{"csrf": {admin.csrf},
			"article_slot_html": {"<p>Iklan Toko Sepatu</p>"}}); p.code != http.StatusSeeOther {
			t.Fatalf("save the slot in the newsroom: %d %s", p.code, p.body)
		}
		shows("slot saved in the newsroom", article, "Iklan Toko Sepatu", true)

		if r := e.API(t, domain.RoleEditor, "PATCH", "/categories/nasional", map[string]string{"name": "Kabar Nasional"}); r.Status != 200 {
			t.Fatalf("rename the category through the API: %d %s", r.Status, r.Body)
		}
		shows("category renamed through the API", "/", "Kabar Nasional", true)

		editor := newBrowser(t, e)
		editor.login(domain.RoleEditor)
		editor.get("/redaksi/tag")
		if p := editor.post("/redaksi/tag/"+strconv.FormatInt(tag.ID, 10), url.Values{"csrf": {editor.csrf}, "name": {"Banjir Rob"}}); p.code != http.StatusSeeOther {
			t.Fatalf("rename the tag in the newsroom: %d %s", p.code, p.body)
		}
		shows("tag renamed in the newsroom", article, "Banjir Rob", true)

		if r := e.API(t, domain.RoleAdmin, "PATCH", "/settings", map[string]string{"article_slot_html": "<p>Iklan Warung Kopi</p>"}); r.Status != 200 {
			t.Fatalf("save the slot through the API: %d %s", r.Status, r.Body)
		}
		shows("slot saved through the API", article, "Iklan Warung Kopi", true)

		admin.get("/redaksi/halaman/baru")
		if p := admin.post("/redaksi/halaman/baru", url.Values{"csrf": {admin.csrf}, "slug": {"redaksi-kami"},
			"title": {"Redaksi Kami"}, "body": {"Susunan redaksi."}, "position": {"1"}}); p.code != http.StatusSeeOther {
			t.Fatalf("add an institutional page: %d %s", p.code, p.body)
		}
		shows("institutional page added", "/", "Redaksi Kami", true)
	})
}

// readerPage is the page at u as a reader without cookies gets it (the page
// cache serves them).
func readerPage(t *testing.T, u string) string {
	t.Helper()
	resp, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("%s: %d", u, resp.StatusCode)
	}
	return string(b)
}
