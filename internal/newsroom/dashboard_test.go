package newsroom_test

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"warta/internal/domain"
	"warta/internal/newsroom/nrtest"
	"warta/internal/store"
	"warta/internal/testdb"
)

// Without JavaScript the dashboard is a plain page with "Dibaca sekarang";
// its live part alone (what newsroom.js fetches) is never cached and only
// for signed-in accounts.
func TestDashboardShowsReadNowAndItsLivePart(t *testing.T) {
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		e := nrtest.New(t, st)
		id := e.CreateArticle(t, map[string]any{"title": "Harga Cabai Naik Lagi", "body": "Isi.", "category": "nasional", "status": "published"})
		if err := st.AddViews(context.Background(), []store.ViewCount{{ArticleID: id, Hour: time.Now().Truncate(time.Hour), N: 1234}}); err != nil {
			t.Fatal(err)
		}
		b := newBrowser(t, e)
		b.login(domain.RoleEditor)
		p := b.get("/redaksi/")
		for _, s := range []string{"Dibaca sekarang (5 menit terakhir)", "Harga Cabai Naik Lagi", "1.234</span> kali dibaca", `data-refresh-ms="15000"`, `href="/redaksi/" data-live-refresh>Perbarui`} {
			if !strings.Contains(p.body, s) {
				t.Errorf("dashboard lacks %q", s)
			}
		}
		req, _ := http.NewRequest("GET", e.URL+"/redaksi/?bagian=langsung", nil)
		resp, err := b.c.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		part := b.get("/redaksi/?bagian=langsung")
		if part.code != 200 || strings.Contains(part.body, "<html") || !strings.Contains(part.body, "Harga Cabai Naik Lagi") || resp.Header.Get("Cache-Control") != "no-store" {
			t.Errorf("live part: %d, whole page %v, Cache-Control %q", part.code, strings.Contains(part.body, "<html"), resp.Header.Get("Cache-Control"))
		}
		if p := b.get("/redaksi/?bagian=semua"); p.code != 400 || !strings.Contains(p.body, "tidak dikenal") {
			t.Errorf("bad part: %d", p.code)
		}
		if p := newBrowser(t, e).get("/redaksi/?bagian=langsung"); p.code != http.StatusSeeOther || !strings.HasPrefix(p.location, "/redaksi/masuk") {
			t.Errorf("signed out: %d %s", p.code, p.location)
		}
	})
}
