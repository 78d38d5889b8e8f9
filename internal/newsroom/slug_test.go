package newsroom_test

import (
	"fmt"
	"net/http"
	"testing"

	"warta/internal/domain"
	"warta/internal/newsroom/nrtest"
	"warta/internal/store"
	"warta/internal/testdb"
)

// Editing an article and blanking its slug gives it a fresh slug from the
// title, numbered when another article has it (it used to be a 409
// "slug sudah dipakai"); an article whose own slug is the derived one keeps
// it. The same through the admin API.
func TestBlankSlugOnEditGetsAFreshNumberedOne(t *testing.T) {
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		e := nrtest.New(t, st)
		e.CreateArticle(t, map[string]any{"title": "Harga Beras Naik", "category": "nasional"})
		id := e.CreateArticle(t, map[string]any{"title": "Harga Beras Turun", "category": "nasional"})
		b := newBrowser(t, e)
		b.login(domain.RoleEditor)
		path := fmt.Sprintf("/redaksi/artikel/%d", id)
		f := editForm(t, b, id, map[string]string{"title": "Harga Beras Naik", "slug": ""})
		if p := b.post(path, f); p.code != http.StatusSeeOther {
			t.Fatalf("save with a blank slug: %d, want 303", p.code)
		}
		if a, _ := st.ArticleByIDAnyStatus(t.Context(), id); a.Slug != "harga-beras-naik-2" {
			t.Errorf("slug %q, want harga-beras-naik-2", a.Slug)
		}
		// Blanking it again keeps the article's own slug.
		f = editForm(t, b, id, map[string]string{"title": "Harga Beras Naik", "slug": ""})
		if p := b.post(path, f); p.code != http.StatusSeeOther {
			t.Fatalf("second save: %d", p.code)
		}
		if a, _ := st.ArticleByIDAnyStatus(t.Context(), id); a.Slug != "harga-beras-naik-2" {
			t.Errorf("slug after blanking again %q, want it kept", a.Slug)
		}
		// A slug asked for that another article has stays a conflict.
		f = editForm(t, b, id, map[string]string{"title": "Harga Beras Naik", "slug": "harga-beras-naik"})
		if p := b.post(path, f); p.code != http.StatusConflict {
			t.Errorf("taken slug asked for: %d, want 409", p.code)
		}
		// The admin API: PATCH {"slug": ""}.
		other := e.CreateArticle(t, map[string]any{"title": "Cabai Mahal", "category": "nasional"})
		r := e.API(t, domain.RoleEditor, http.MethodPatch, fmt.Sprintf("/articles/%d", other), map[string]any{"title": "Harga Beras Naik", "slug": ""})
		var out struct {
			Slug string `json:"slug"`
		}
		if r.Status != http.StatusOK {
			t.Fatalf("API blank slug: %d %s", r.Status, r.Body)
		}
		if r.Data(t, &out); out.Slug != "harga-beras-naik-3" {
			t.Errorf("API slug %q, want harga-beras-naik-3", out.Slug)
		}
	})
}
