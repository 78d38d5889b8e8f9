package newsroom_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"warta/internal/domain"
	"warta/internal/newsroom/nrtest"
	"warta/internal/store"
	"warta/internal/testdb"
)

// An admin sets the article slot at /redaksi/pengaturan: it is stored
// sanitised and previewed; nobody else may open the page.
func TestSettingsPage(t *testing.T) {
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		e := nrtest.New(t, st)
		const raw = `<p>Promo <b>Warta</b></p><script>alert(1)</script><img src=x onerror=alert(2)>`
		b := newBrowser(t, e)
		b.login(domain.RoleAdmin)
		p := b.get("/redaksi/pengaturan")
		if p.code != 200 || !strings.Contains(p.body, `name="article_slot_html"`) || !strings.Contains(p.body, "Slot kosong") {
			t.Fatalf("settings page: %d\n%s", p.code, p.body)
		}
		if !strings.Contains(p.body, `href="/redaksi/pengaturan" aria-current="page">Pengaturan</a>`) {
			t.Error("no menu link to the settings page")
		}
		// Without the CSRF token nothing is stored.
		if p := b.post("/redaksi/pengaturan", url.Values{"article_slot_html": {raw}}); p.code != http.StatusForbidden {
			t.Errorf("save without CSRF token: %d", p.code)
		}
		// A preview shows the cleaned HTML and keeps the input, storing nothing.
		p = b.post("/redaksi/pengaturan", url.Values{"csrf": {b.csrf}, "article_slot_html": {raw}, "action": {"preview"}})
		if p.code != 200 || !strings.Contains(p.body, "belum disimpan") ||
			!strings.Contains(p.body, `<aside class="slot" aria-label="Iklan"><p>Promo <b>Warta</b></p>`) ||
			!strings.Contains(p.body, "&lt;script&gt;alert(1)&lt;/script&gt;") {
			t.Errorf("preview: %d\n%s", p.code, p.body)
		}
		if v, _ := st.Setting(context.Background(), store.SettingArticleSlot); v != "" {
			t.Errorf("a preview stored %q", v)
		}
		p = b.post("/redaksi/pengaturan", url.Values{"csrf": {b.csrf}, "article_slot_html": {raw}, "action": {"save"}})
		if p.code != http.StatusSeeOther || p.location != "/redaksi/pengaturan?ok=tersimpan" {
			t.Fatalf("save: %d %s", p.code, p.location)
		}
		v, _ := st.Setting(context.Background(), store.SettingArticleSlot)
		if !strings.HasPrefix(v, "<p>Promo <b>Warta</b></p>") || strings.Contains(v, "script") || strings.Contains(v, "onerror") {
			t.Errorf("stored %q", v)
		}
		p = b.get(p.location)
		if !strings.Contains(p.body, "Perubahan tersimpan.") || !strings.Contains(p.body, `<aside class="slot" aria-label="Iklan"><p>Promo <b>Warta</b></p>`) {
			t.Errorf("after saving: %s", p.body)
		}
		preview := p.body[strings.Index(p.body, `<aside class="slot"`):]
		if strings.Contains(preview, "onerror") || strings.Contains(preview, "<script") {
			t.Errorf("preview not sanitised: %s", preview)
		}
		// Others get 403 and no menu link; their posts change nothing.
		for _, role := range []domain.Role{domain.RoleWriter, domain.RoleEditor, domain.RoleModerator} {
			o := newBrowser(t, e)
			o.login(role)
			if p := o.get("/redaksi/"); strings.Contains(p.body, `href="/redaksi/pengaturan"`) {
				t.Errorf("%s sees the settings link", role)
			}
			if p := o.get("/redaksi/pengaturan"); p.code != http.StatusForbidden {
				t.Errorf("%s opens the settings page: %d", role, p.code)
			}
			if p := o.post("/redaksi/pengaturan", url.Values{"csrf": {o.csrf}, "article_slot_html": {"<p>x</p>"}}); p.code != http.StatusForbidden {
				t.Errorf("%s saves settings: %d", role, p.code)
			}
		}
		if w, _ := st.Setting(context.Background(), store.SettingArticleSlot); w != v {
			t.Errorf("a refused save changed the slot to %q", w)
		}
	})
}
