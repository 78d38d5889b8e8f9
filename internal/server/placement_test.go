package server_test

import (
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"strings"
	"testing"

	"warta/internal/domain"
	"warta/internal/newsroom/nrtest"
	"warta/internal/store"
	"warta/internal/testdb"
)

// Issue 12 item 8: writers could tick "Breaking" and "Berita utama", and a
// forced #HOT badge showed only in list cards.
func TestWritersCannotPlaceAndHotShowsEverywhere(t *testing.T) {
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		e := nrtest.New(t, st)
		for _, f := range []string{"breaking", "featured"} {
			r := e.API(t, domain.RoleWriter, "POST", "/articles", map[string]any{"title": "Draf " + f, "category": "nasional", f: true})
			if r.Status != http.StatusForbidden || !strings.Contains(string(r.Body), "hanya editor") {
				t.Errorf("a writer's draft with %s: %d %s, want 403", f, r.Status, r.Body)
			}
		}
		r := e.API(t, domain.RoleWriter, "POST", "/articles", map[string]any{"title": "Draf biasa", "category": "nasional", "breaking": false})
		if r.Status != http.StatusCreated {
			t.Fatalf("a writer's plain draft: %d %s", r.Status, r.Body)
		}
		var d struct{ ID int64 }
		r.Data(t, &d)
		if r := e.API(t, domain.RoleWriter, "PATCH", "/articles/"+itoa(d.ID), map[string]any{"featured": true}); r.Status != http.StatusForbidden {
			t.Errorf("a writer making their draft the headline: %d %s, want 403", r.Status, r.Body)
		}
		// The writer's editor form does not offer the boxes.
		jar, _ := cookiejar.New(nil)
		c := &http.Client{Jar: jar}
		get := func(path string) string {
			resp, err := c.Get(e.URL + path)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			b, _ := io.ReadAll(resp.Body)
			return string(b)
		}
		page := get("/redaksi/masuk")
		m := csrfRe.FindStringSubmatch(page)
		if m == nil {
			t.Fatal("no csrf on the login page")
		}
		resp, err := c.PostForm(e.URL+"/redaksi/masuk", url.Values{"email": {e.Users[domain.RoleWriter].Email}, "password": {nrtest.Password}, "csrf": {m[1]}})
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if form := get("/redaksi/artikel/" + itoa(d.ID)); !strings.Contains(form, `name="title"`) || strings.Contains(form, `name="breaking"`) || strings.Contains(form, `name="featured"`) {
			t.Errorf("the writer's editor form: has title %v, offers breaking %v / featured %v", strings.Contains(form, `name="title"`),
				strings.Contains(form, `name="breaking"`), strings.Contains(form, `name="featured"`))
		}

		// An editor forces #HOT on the headline: the article page and the
		// home headline show it.
		id := e.CreateArticle(t, map[string]any{"title": "Banjir Besar", "category": "nasional", "status": "published", "featured": true, "hot_badge": "on", "body": "Isi."})
		if r := e.API(t, domain.RoleEditor, "GET", "/articles/"+itoa(id), nil); !strings.Contains(string(r.Body), `"hot":true`) {
			t.Fatalf("the forced badge did not stick: %s", r.Body)
		}
		for path, start := range map[string]string{"/berita/banjir-besar": `id="judul">`, "/": `class="headline"`} {
			body := get(path)
			h := between(body, start, "</h")
			if !strings.Contains(h, "Banjir Besar") {
				t.Fatalf("%s: no headline Banjir Besar in %q", path, h)
			}
			if !strings.Contains(h, "#HOT") {
				t.Errorf("%s: the headline %q has no #HOT badge", path, h)
			}
		}
	})
}
