package newsroom_test

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"warta/internal/domain"
	"warta/internal/newsroom/nrtest"
	"warta/internal/store"
	"warta/internal/testdb"
)

// Issue 16, M2: a password change revokes the account's API tokens, and so
// does an admin's reset unless the admin unticks the box.
func TestPasswordChangeRevokesTokens(t *testing.T) {
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		e := nrtest.New(t, st)
		me := func(role domain.Role) int { return e.API(t, role, "GET", "/me", nil).Status }
		for _, role := range []domain.Role{domain.RoleWriter, domain.RoleEditor, domain.RoleModerator} {
			if c := me(role); c != http.StatusOK {
				t.Fatalf("%s token before: %d", role, c)
			}
		}

		// The writer changes the password in the newsroom: other sessions end,
		// the token answers 401, the session that changed it goes on.
		other := newBrowser(t, e)
		other.login(domain.RoleWriter)
		b := newBrowser(t, e)
		b.login(domain.RoleWriter)
		p := b.post("/redaksi/akun/sandi", url.Values{"csrf": {b.csrf}, "old": {nrtest.Password},
			"new": {"kata-sandi-baru-sekali"}, "confirm": {"kata-sandi-baru-sekali"}})
		if p.code != http.StatusSeeOther {
			t.Fatalf("change password: %d %s", p.code, p.body)
		}
		if c := me(domain.RoleWriter); c != http.StatusUnauthorized {
			t.Errorf("writer's token after a password change: %d, want 401", c)
		}
		if p := other.get("/redaksi/artikel"); p.code != http.StatusSeeOther {
			t.Errorf("writer's other session after a password change: %d", p.code)
		}
		if p := b.get("/redaksi/artikel"); p.code != http.StatusOK {
			t.Errorf("the session that changed the password: %d", p.code)
		}

		// An admin reset through the API revokes by default ...
		ed := e.Users[domain.RoleEditor]
		r := e.API(t, domain.RoleAdmin, "PATCH", "/users/"+strconv.FormatInt(ed.ID, 10), map[string]any{"password": "sandi-reset-editor"})
		if r.Status != http.StatusOK {
			t.Fatalf("reset: %d %s", r.Status, r.Body)
		}
		if c := me(domain.RoleEditor); c != http.StatusUnauthorized {
			t.Errorf("editor's token after an admin reset: %d, want 401", c)
		}
		// ... and keeps the tokens when told to.
		mod := e.Users[domain.RoleModerator]
		r = e.API(t, domain.RoleAdmin, "PATCH", "/users/"+strconv.FormatInt(mod.ID, 10),
			map[string]any{"password": "sandi-reset-moderator", "revoke_tokens": false})
		if r.Status != http.StatusOK {
			t.Fatalf("reset keeping tokens: %d %s", r.Status, r.Body)
		}
		if c := me(domain.RoleModerator); c != http.StatusOK {
			t.Errorf("moderator's token after a reset that keeps tokens: %d", c)
		}

		// The newsroom's reset form offers it, ticked.
		adm := newBrowser(t, e)
		adm.login(domain.RoleAdmin)
		if p := adm.get("/redaksi/pengguna"); !strings.Contains(p.body, `name="revoke_tokens" value="1" checked`) {
			t.Error("the users page does not offer to revoke tokens on a reset")
		}
		p = adm.post("/redaksi/pengguna/ubah", url.Values{"csrf": {adm.csrf}, "id": {strconv.FormatInt(mod.ID, 10)},
			"role": {"moderator"}, "password": {"sandi-reset-lagi-2"}, "revoke_tokens": {"1"}})
		if p.code != http.StatusSeeOther {
			t.Fatalf("newsroom reset: %d", p.code)
		}
		if c := me(domain.RoleModerator); c != http.StatusUnauthorized {
			t.Errorf("moderator's token after a newsroom reset: %d, want 401", c)
		}
	})
}

// Issue 16, low finding: a publish time a writer picks does not survive the
// editor's publish; publishing takes the editor's time unless the editor
// sets one, and "published" never means a future time.
func TestWriterCannotSetPublishTime(t *testing.T) {
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		e := nrtest.New(t, st)
		for _, at := range []string{"2001-01-01T00:00:00+07:00", "2031-01-01T00:00:00+07:00"} {
			r := e.API(t, domain.RoleWriter, "POST", "/articles", map[string]any{"title": "Tulisan " + at[:4], "category": "nasional",
				"published_at": at})
			if r.Status != http.StatusForbidden || !strings.Contains(string(r.Body), "waktu terbit") {
				t.Errorf("writer sets published_at %s: %d %s, want 403", at, r.Status, r.Body)
			}
		}
		r := e.API(t, domain.RoleWriter, "POST", "/articles", map[string]any{"title": "Tulisan Penulis", "category": "nasional"})
		if r.Status != http.StatusCreated {
			t.Fatalf("writer creates: %d %s", r.Status, r.Body)
		}
		var a struct {
			ID          int64  `json:"id"`
			PublishedAt string `json:"published_at"`
		}
		r.Data(t, &a)
		path := "/articles/" + strconv.FormatInt(a.ID, 10)
		if r := e.API(t, domain.RoleWriter, "PATCH", path, map[string]any{"published_at": "2001-01-01T00:00:00Z"}); r.Status != http.StatusForbidden {
			t.Errorf("writer patches published_at: %d %s", r.Status, r.Body)
		}
		// The writer's own form echoes the empty time: fine.
		if r := e.API(t, domain.RoleWriter, "PATCH", path, map[string]any{"published_at": "", "title": "Tulisan Penulis Baru"}); r.Status != http.StatusOK {
			t.Errorf("writer saves with an empty time: %d %s", r.Status, r.Body)
		}
		// A time an editor set is echoed by the writer's form, to the minute.
		if r := e.API(t, domain.RoleEditor, "PATCH", path, map[string]any{"published_at": "2031-01-01T10:30:45+07:00"}); r.Status != http.StatusOK {
			t.Fatalf("editor sets a time: %d %s", r.Status, r.Body)
		}
		if r := e.API(t, domain.RoleWriter, "PATCH", path, map[string]any{"published_at": "2031-01-01T10:30:00+07:00", "title": "Lagi"}); r.Status != http.StatusOK {
			t.Errorf("writer's form echoes the editor's time: %d %s", r.Status, r.Body)
		}
		if r := e.API(t, domain.RoleEditor, "PATCH", path, map[string]any{"published_at": ""}); r.Status != http.StatusOK {
			t.Fatalf("editor clears the time: %d %s", r.Status, r.Body)
		}
		before := time.Now().Add(-time.Minute)
		r = e.API(t, domain.RoleEditor, "PATCH", path, map[string]any{"status": "published"})
		if r.Status != http.StatusOK {
			t.Fatalf("editor publishes: %d %s", r.Status, r.Body)
		}
		r.Data(t, &a)
		got, err := time.Parse(time.RFC3339, a.PublishedAt)
		if err != nil || got.Before(before) || got.After(time.Now().Add(time.Minute)) {
			t.Errorf("published_at after the editor's publish = %q, want now", a.PublishedAt)
		}
		// An editor may backdate, but not call a future time "published".
		if r := e.API(t, domain.RoleEditor, "POST", "/articles", map[string]any{"title": "Masa Depan", "category": "nasional",
			"status": "published", "published_at": "2031-01-01T00:00:00+07:00"}); r.Status != http.StatusBadRequest {
			t.Errorf("editor publishes at a future time: %d %s, want 400", r.Status, r.Body)
		}
		if r := e.API(t, domain.RoleEditor, "POST", "/articles", map[string]any{"title": "Arsip Lama", "category": "nasional",
			"status": "published", "published_at": "2001-01-01T00:00:00+07:00"}); r.Status != http.StatusCreated {
			t.Errorf("editor backdates: %d %s", r.Status, r.Body)
		}
	})
}

// Issue 16, low finding: names every page shows have length limits, and
// so do captions and the bylines of one article.
func TestLengthLimitsOnSharedNames(t *testing.T) {
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		e := nrtest.New(t, st)
		long := strings.Repeat("panjang ", 200)
		if r := e.API(t, domain.RoleAdmin, "POST", "/categories", map[string]any{"name": long}); r.Status != http.StatusBadRequest ||
			!strings.Contains(string(r.Body), "nama kategori terlalu panjang") {
			t.Errorf("1,600-character category name: %d %s", r.Status, r.Body)
		}
		if r := e.API(t, domain.RoleAdmin, "PATCH", "/categories/nasional", map[string]any{"name": long}); r.Status != http.StatusBadRequest {
			t.Errorf("rename category to 1,600 characters: %d %s", r.Status, r.Body)
		}
		if _, err := st.CreateAuthor(context.Background(), domain.Author{Name: long}); domain.ErrorCode(err) != domain.EInvalid {
			t.Errorf("1,600-character author name: %v", err)
		}
		for name, f := range map[string]map[string]any{
			"caption": {"photo_url": "/media/x.jpg", "photo_caption": strings.Repeat("k", 501)},
			"credit":  {"photo_url": "/media/x.jpg", "photo_credit": strings.Repeat("k", 201)},
			"authors": {"authors": func() []string {
				var a []string
				for i := range 11 {
					a = append(a, "Penulis "+strconv.Itoa(i))
				}
				return a
			}()},
			"author name": {"authors": []string{long}},
			"tag":         {"tags": []string{strings.Repeat("t", 101)}},
		} {
			f["title"], f["category"] = "Batas "+name, "nasional"
			if r := e.API(t, domain.RoleEditor, "POST", "/articles", f); r.Status != http.StatusBadRequest {
				t.Errorf("%s over the limit: %d %s", name, r.Status, r.Body)
			}
		}
		e.CreateArticle(t, map[string]any{"title": "Topik", "category": "nasional", "tags": []string{"Banjir"}})
		if r := e.API(t, domain.RoleEditor, "PATCH", "/tags/banjir", map[string]any{"name": strings.Repeat("b", 101)}); r.Status != http.StatusBadRequest {
			t.Errorf("rename tag to 101 characters: %d %s", r.Status, r.Body)
		}
		// Within the limits all is well.
		if r := e.API(t, domain.RoleEditor, "POST", "/articles", map[string]any{"title": "Wajar", "category": "nasional",
			"photo_url": "/media/x.jpg", "photo_caption": strings.Repeat("k", 500), "authors": []string{"Ani", "Budi"}}); r.Status != http.StatusCreated {
			t.Errorf("within the limits: %d %s", r.Status, r.Body)
		}
	})
}
