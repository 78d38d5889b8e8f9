package adminapi_test

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"warta/internal/domain"
	"warta/internal/newsroom/nrtest"
	"warta/internal/store"
	"warta/internal/testdb"
)

func TestSiteSettings(t *testing.T) {
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		e := nrtest.New(t, st)
		var got struct {
			ArticleSlotHTML *string `json:"article_slot_html"`
		}
		r := e.API(t, admin, "GET", "/settings", nil)
		if r.Status != http.StatusOK {
			t.Fatalf("GET: %d %s", r.Status, r.Body)
		}
		if r.Data(t, &got); got.ArticleSlotHTML == nil || *got.ArticleSlotHTML != "" {
			t.Errorf("fresh site: %s", r.Body)
		}
		r = e.API(t, admin, "PATCH", "/settings", map[string]any{
			"article_slot_html": `<p>Promo <b>Warta</b> <a href="javascript:alert(1)">klik</a></p><script>alert(2)</script><img src="/media/x.jpg" onerror="alert(3)">`})
		if r.Status != http.StatusOK {
			t.Fatalf("PATCH: %d %s", r.Status, r.Body)
		}
		r.Data(t, &got)
		patched := *got.ArticleSlotHTML
		if !strings.Contains(patched, "<p>Promo <b>Warta</b>") || !strings.Contains(patched, `<img src="/media/x.jpg"/>`) {
			t.Errorf("PATCH answer lost the allowed HTML: %q", patched)
		}
		for _, bad := range []string{"<script", "javascript:", "onerror", "alert("} {
			if strings.Contains(patched, bad) {
				t.Errorf("stored slot keeps %q: %q", bad, patched)
			}
		}
		r = e.API(t, admin, "GET", "/settings", nil)
		if r.Data(t, &got); *got.ArticleSlotHTML != patched {
			t.Errorf("GET after PATCH: %q, want %q", *got.ArticleSlotHTML, patched)
		}
		if v, _ := st.Setting(context.Background(), store.SettingArticleSlot); v != patched {
			t.Errorf("stored %q", v)
		}
		// A PATCH without the member keeps it.
		r = e.API(t, admin, "PATCH", "/settings", map[string]any{})
		if r.Data(t, &got); r.Status != 200 || *got.ArticleSlotHTML != patched {
			t.Errorf("empty PATCH: %d %s", r.Status, r.Body)
		}
		if r := e.API(t, admin, "PATCH", "/settings", map[string]any{"article_slot_html": strings.Repeat("x", 17<<10)}); r.Status != 400 {
			t.Errorf("oversized slot: %d %s", r.Status, r.Body)
		}
		if r := e.API(t, admin, "PATCH", "/settings", map[string]any{"article_slot_html": 5}); r.Status != 400 {
			t.Errorf("slot as a number: %d %s", r.Status, r.Body)
		}
		for _, role := range []domain.Role{editor, writer, moderator} {
			if r := e.API(t, role, "GET", "/settings", nil); r.Status != http.StatusForbidden {
				t.Errorf("%s GET: %d", role, r.Status)
			}
			if r := e.API(t, role, "PATCH", "/settings", map[string]any{"article_slot_html": "<p>x</p>"}); r.Status != http.StatusForbidden {
				t.Errorf("%s PATCH: %d", role, r.Status)
			}
		}
		if v, _ := st.Setting(context.Background(), store.SettingArticleSlot); v != patched {
			t.Errorf("a refused PATCH was stored: %q", v)
		}
		if r := e.API(t, "", "GET", "/settings", nil); r.Status != http.StatusUnauthorized {
			t.Errorf("no credentials GET: %d", r.Status)
		}
		if r := e.API(t, "", "PATCH", "/settings", map[string]any{"article_slot_html": ""}); r.Status != http.StatusUnauthorized {
			t.Errorf("no credentials PATCH: %d", r.Status)
		}
		// Clearing it turns the slot off.
		r = e.API(t, admin, "PATCH", "/settings", map[string]any{"article_slot_html": "<script>alert(1)</script>"})
		if r.Data(t, &got); *got.ArticleSlotHTML != "" {
			t.Errorf("only a script: stored %q", *got.ArticleSlotHTML)
		}
	})
}
