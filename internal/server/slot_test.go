package server_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"warta/internal/app"
	"warta/internal/store"
	"warta/internal/testdb"
)

const slotAside = `<aside class="slot" aria-label="Iklan setelah artikel">`

// The site's article slot (setting site.article_slot_html) shows after the
// body and before the tags, sanitised; without the setting there is no slot.
func TestArticleSlot(t *testing.T) {
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		e := newEnv(t, st)
		const path = "/berita/pemerintah-umumkan-kebijakan-pertahanan-baru"
		code, _, body := e.get(t, path)
		if code != 200 {
			t.Fatalf("article: %d", code)
		}
		if strings.Contains(body, `class="slot"`) {
			t.Error("a slot is shown although the site has none")
		}
		// Stored by hand, unsanitised: the page must clean it anyway.
		if err := st.SetSetting(context.Background(), store.SettingArticleSlot,
			`<p>Promo <b>Warta</b></p><script>alert(1)</script><img src=x onerror=alert(2)>`); err != nil {
			t.Fatal(err)
		}
		code, _, body = e.get(t, path)
		if code != 200 {
			t.Fatalf("article with a slot: %d", code)
		}
		i := strings.Index(body, slotAside)
		if i < 0 {
			t.Fatalf("no slot in the page:\n%s", body)
		}
		aside := body[i:]
		aside = aside[:strings.Index(aside, "</aside>")]
		if !strings.Contains(aside, "<p>Promo <b>Warta</b></p>") {
			t.Errorf("slot lost its paragraph: %s", aside)
		}
		for _, bad := range []string{"<script", "alert(1)", "onerror", "alert(2)"} {
			if strings.Contains(aside, bad) {
				t.Errorf("slot keeps %q: %s", bad, aside)
			}
		}
		if !(strings.Index(body, `<div class="body">`) < i && i < strings.Index(body, `<ul class="tags"`)) {
			t.Error("slot is not between the body and the tags")
		}
		if err := st.SetSetting(context.Background(), store.SettingArticleSlot, "   "); err != nil {
			t.Fatal(err)
		}
		if _, _, body := e.get(t, path); strings.Contains(body, `class="slot"`) {
			t.Error("an empty setting still shows a slot")
		}
	})
}

// With the production caches on (1 s pages, 5 s fragments) an admin's change
// reaches the article page within about 5 seconds.
func TestArticleSlotChangeShowsSoon(t *testing.T) {
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		e := newEnv(t, st, func(c *app.Config) {
			c.Site.PageCacheTTL = time.Second
			c.Site.FragmentTTL = 5 * time.Second
		})
		const path = "/berita/pemerintah-umumkan-kebijakan-pertahanan-baru"
		if _, _, body := e.get(t, path); strings.Contains(body, slotAside) {
			t.Fatal("slot shown before it is set")
		}
		if err := st.SetSetting(context.Background(), store.SettingArticleSlot, "<p>Langganan buletin</p>"); err != nil {
			t.Fatal(err)
		}
		start := time.Now()
		for {
			if _, _, body := e.get(t, path); strings.Contains(body, slotAside+"<p>Langganan buletin</p>") {
				break
			}
			if time.Since(start) > 5*time.Second {
				t.Fatal("the new slot did not show within 5 s")
			}
			time.Sleep(200 * time.Millisecond)
		}
	})
}
