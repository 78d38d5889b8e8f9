package adminapi_test

import (
	"strings"
	"testing"

	"warta/internal/domain"
	"warta/internal/newsroom/nrtest"
	"warta/internal/testdb"
)

// Issue 12 item 10: an ad slot with an off-site <img> is refused on save,
// saying why (the page's CSP would never load it); the site's own images
// are kept.
func TestSlotRefusesOffSiteImages(t *testing.T) {
	st := testdb.SQLite(t)
	e := nrtest.New(t, st)
	for _, src := range []string{"https://iklan.example/banner.png", "//iklan.example/b.gif", "http://iklan.example/c.jpg"} {
		r := e.API(t, domain.RoleAdmin, "PATCH", "/settings", map[string]any{"article_slot_html": `<p><a href="https://iklan.example/"><img src="` + src + `" alt="Promo"></a></p>`})
		if r.Status != 400 || !strings.Contains(string(r.Body), "CSP") {
			t.Errorf("off-site image %s: %d %s, want 400 naming the CSP", src, r.Status, r.Body)
		}
	}
	r := e.API(t, domain.RoleAdmin, "PATCH", "/settings", map[string]any{"article_slot_html": `<p><a href="https://iklan.example/"><img src="/media/u/banner.jpg" alt="Promo"></a></p>`})
	if r.Status != 200 || !strings.Contains(string(r.Body), "/media/u/banner.jpg") {
		t.Errorf("own image: %d %s", r.Status, r.Body)
	}
}
