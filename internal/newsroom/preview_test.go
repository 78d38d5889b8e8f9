package newsroom_test

import (
	"net/http"
	"strconv"
	"strings"
	"testing"

	"warta/internal/domain"
	"warta/internal/newsroom/nrtest"
	"warta/internal/store"
	"warta/internal/testdb"
)

// A draft's full-page preview: the reader page as it will look, only for
// newsroom accounts that may open the draft, never cached, noindex; the
// site itself still does not show the draft.
func TestNewsroomFullPagePreviewOfADraft(t *testing.T) {
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		e := nrtest.New(t, st)
		r := e.API(t, domain.RoleWriter, http.MethodPost, "/articles", map[string]any{"title": "Rahasia Draf Pagi Ini",
			"excerpt": "Ringkasan draf.", "body": "Paragraf **tebal** dari draf.", "category": "nasional", "tags": []string{"Pratinjau"}})
		if r.Status != http.StatusCreated {
			t.Fatalf("writer's draft: %d %s", r.Status, r.Body)
		}
		var d struct {
			ID   int64  `json:"id"`
			Slug string `json:"slug"`
		}
		r.Data(t, &d)
		path := "/redaksi/artikel/" + strconv.FormatInt(d.ID, 10) + "/pratinjau"

		for _, role := range []domain.Role{domain.RoleWriter, domain.RoleEditor, domain.RoleAdmin} {
			b := newBrowser(t, e)
			b.login(role)
			req, _ := http.NewRequest("GET", e.URL+path, nil)
			resp, err := b.c.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			p := b.get(path)
			if p.code != 200 {
				t.Fatalf("%s: preview status %d", role, p.code)
			}
			for _, s := range []string{`<h1 id="judul">Rahasia Draf Pagi Ini`, "Paragraf <strong>tebal</strong> dari draf.", "<strong>Pratinjau</strong>",
				`<meta name="robots" content="noindex">`, "#Pratinjau", "komentar pembaca tampil di sini setelah berita terbit", `href="/kanal/nasional"`} {
				if !strings.Contains(p.body, s) {
					t.Errorf("%s: preview lacks %q", role, s)
				}
			}
			if cc, rt := resp.Header.Get("Cache-Control"), resp.Header.Get("X-Robots-Tag"); cc != "no-store" || !strings.Contains(rt, "noindex") {
				t.Errorf("%s: Cache-Control %q, X-Robots-Tag %q", role, cc, rt)
			}
		}
		// Who may not open the draft may not preview it.
		mod := newBrowser(t, e)
		mod.login(domain.RoleModerator)
		if p := mod.get(path); p.code != http.StatusForbidden || strings.Contains(p.body, "Rahasia Draf") {
			t.Errorf("moderator: %d", p.code)
		}
		editorDraft := e.CreateArticle(t, map[string]any{"title": "Draf Milik Editor", "body": "Isi.", "category": "nasional"})
		w := newBrowser(t, e)
		w.login(domain.RoleWriter)
		if p := w.get("/redaksi/artikel/" + strconv.FormatInt(editorDraft, 10) + "/pratinjau"); p.code != http.StatusForbidden || strings.Contains(p.body, "Draf Milik Editor") {
			t.Errorf("writer previewing the editor's draft: %d", p.code)
		}
		anon := newBrowser(t, e)
		if p := anon.get(path); p.code != http.StatusSeeOther || !strings.HasPrefix(p.location, "/redaksi/masuk") {
			t.Errorf("signed out: %d %s", p.code, p.location)
		}
		for _, c := range []struct {
			path string
			code int
		}{{"/redaksi/artikel/999999/pratinjau", 404}, {"/redaksi/artikel/abc/pratinjau", 404}} {
			if p := w.get(c.path); p.code != c.code {
				t.Errorf("%s: %d, want %d", c.path, p.code, c.code)
			}
		}
		// Readers still cannot see the draft, and the preview was not cached for them.
		resp, err := http.Get(e.URL + domain.ArticlePath(d.Slug))
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusNotFound {
			t.Errorf("the draft's public address: %d", resp.StatusCode)
		}
		// A published article's preview is its own page.
		pub := e.CreateArticle(t, map[string]any{"title": "Sudah Terbit", "body": "Isi.", "category": "nasional", "status": "published"})
		ed := newBrowser(t, e)
		ed.login(domain.RoleEditor)
		if p := ed.get("/redaksi/artikel/" + strconv.FormatInt(pub, 10) + "/pratinjau"); p.code != http.StatusSeeOther || p.location != domain.ArticlePath("sudah-terbit") {
			t.Errorf("published preview: %d %s", p.code, p.location)
		}
	})
}
