package adminapi_test

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"warta/internal/domain"
	"warta/internal/newsroom/nrtest"
	"warta/internal/store"
	"warta/internal/testdb"
)

const (
	admin     = domain.RoleAdmin
	editor    = domain.RoleEditor
	writer    = domain.RoleWriter
	moderator = domain.RoleModerator
)

func TestCreateArticleReturns201WithID(t *testing.T) {
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		e := nrtest.New(t, st)
		r := e.API(t, editor, "POST", "/articles", map[string]any{
			"title": "Banjir Rendam Jakarta Utara", "excerpt": "Ribuan warga mengungsi.",
			"body": "Hujan **deras** sejak pagi.\n\n<script>alert(1)</script>", "category": "nasional",
			"tags": []string{"Banjir", "HOT"}, "breaking": true, "photo_caption": "Warga mengungsi", "photo_credit": "Antara",
		})
		if r.Status != http.StatusCreated {
			t.Fatalf("status %d: %s", r.Status, r.Body)
		}
		var a struct {
			ID       int64    `json:"id"`
			Slug     string   `json:"slug"`
			Status   string   `json:"status"`
			BodyHTML string   `json:"body_html"`
			Tags     []string `json:"tags"`
			Breaking bool     `json:"breaking"`
			Authors  []struct {
				Name string `json:"name"`
			} `json:"authors"`
		}
		r.Data(t, &a)
		if a.ID == 0 || a.Slug != "banjir-rendam-jakarta-utara" || a.Status != "draft" || !a.Breaking {
			t.Errorf("created %+v", a)
		}
		if !strings.Contains(a.BodyHTML, "<strong>deras</strong>") || strings.Contains(a.BodyHTML, "<script") {
			t.Errorf("body_html not rendered and sanitised: %q", a.BodyHTML)
		}
		if len(a.Tags) != 2 || len(a.Authors) != 1 || a.Authors[0].Name != "Eko Editor" {
			t.Errorf("tags %v authors %v", a.Tags, a.Authors)
		}
		// Same title again: newsrooms repeat titles, so the derived slug
		// gets a number; asking for a taken slug is still a conflict.
		for _, want := range []string{"banjir-rendam-jakarta-utara-2", "banjir-rendam-jakarta-utara-3"} {
			r = e.API(t, editor, "POST", "/articles", map[string]any{"title": "Banjir Rendam Jakarta Utara", "category": "nasional"})
			var again struct {
				Slug string `json:"slug"`
			}
			if r.Status != http.StatusCreated {
				t.Fatalf("repeated title: %d %s", r.Status, r.Body)
			}
			if r.Data(t, &again); again.Slug != want {
				t.Errorf("repeated title got slug %q, want %q", again.Slug, want)
			}
		}
		r = e.API(t, editor, "POST", "/articles", map[string]any{"title": "Lain", "slug": "banjir-rendam-jakarta-utara", "category": "nasional"})
		if r.Status != http.StatusConflict || r.ErrorCode() != "conflict" {
			t.Errorf("duplicate slug asked for: %d %s", r.Status, r.Body)
		}
		// Published at once, with a publish time in the past, is on the site.
		id := e.CreateArticle(t, map[string]any{"title": "Sudah Terbit", "category": "teknologi", "status": "published",
			"published_at": "2024-06-20T18:34:00+07:00"})
		got := e.API(t, editor, "GET", "/articles/"+strconv.FormatInt(id, 10), nil)
		if !bytes.Contains(got.Body, []byte(`"published_at":"2024-06-20T18:34:00+07:00"`)) {
			t.Errorf("published_at not kept in the site zone: %s", got.Body)
		}
		if _, err := st.ArticleBySlug(context.Background(), "sudah-terbit"); err != nil {
			t.Errorf("published article not visible to readers: %v", err)
		}
	})
}

func TestBadInputGetsClearMessages(t *testing.T) {
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		e := nrtest.New(t, st)
		for _, tc := range []struct {
			name string
			body any
			code int
		}{
			{"no title", map[string]any{"category": "nasional"}, 400},
			{"unknown category", map[string]any{"title": "X", "category": "tidak-ada"}, 400},
			{"bad slug", map[string]any{"title": "X", "slug": "Bukan Slug!", "category": "nasional"}, 400},
			{"bad json", []byte(`{"title": `), 400},
			{"wrong type", []byte(`{"title": 5}`), 400},
			{"bad time", map[string]any{"title": "X", "category": "nasional", "status": "scheduled", "published_at": "besok"}, 400},
			{"schedule in past", map[string]any{"title": "X", "category": "nasional", "status": "scheduled", "published_at": "2020-01-01T00:00:00Z"}, 400},
			{"unknown status", map[string]any{"title": "X", "category": "nasional", "status": "terbit"}, 400},
			{"control character", []byte(`{"title": "X", "category": "nasional", "body": "a\u0000b"}`), 400},
			{"body too long", map[string]any{"title": "X", "category": "nasional", "body": strings.Repeat("kata ", 120000)}, 400},
		} {
			r := e.API(t, editor, "POST", "/articles", tc.body)
			if r.Status != tc.code {
				t.Errorf("%s: status %d, want %d: %s", tc.name, r.Status, tc.code, r.Body)
			}
			if !bytes.Contains(r.Body, []byte(`"message":"`)) {
				t.Errorf("%s: no message: %s", tc.name, r.Body)
			}
		}
	})
}

func TestWithoutCredentials401(t *testing.T) {
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		e := nrtest.New(t, st)
		for _, path := range []string{"/articles", "/me", "/users", "/nope"} {
			if r := e.API(t, "", "GET", path, nil); r.Status != 401 || r.ErrorCode() != "unauthorized" {
				t.Errorf("GET %s: %d %s", path, r.Status, r.Body)
			}
		}
		req, _ := http.NewRequest("GET", e.URL+"/api/v1/admin/articles", nil)
		req.Header.Set("Authorization", "Bearer wrt_salah")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != 401 {
			t.Errorf("bad token: %d", resp.StatusCode)
		}
	})
}

// Every role is tried on every guarded action; what the permission table
// forbids answers 403.
func TestRolesAreEnforcedByTheServer(t *testing.T) {
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		e := nrtest.New(t, st)
		ctx := context.Background()
		pollID, err := st.CreatePoll(ctx, store.PollInput{Question: "Setuju?", Options: []string{"Ya", "Tidak"}})
		if err != nil {
			t.Fatal(err)
		}
		pub := e.CreateArticle(t, map[string]any{"title": "Artikel Terbit", "category": "nasional", "status": "published"})
		edDraft := e.CreateArticle(t, map[string]any{"title": "Draf Editor", "category": "nasional"})
		id := func(n int64) string { return strconv.FormatInt(n, 10) }
		type call struct {
			name, method, path string
			body               any
			allowed            []domain.Role
		}
		n := 0
		uniq := func() string { n++; return "Judul " + strconv.Itoa(n) }
		calls := []call{
			{"list articles", "GET", "/articles", nil, []domain.Role{admin, editor, writer}},
			{"create draft", "POST", "/articles", func() any { return map[string]any{"title": uniq(), "category": "nasional"} }, []domain.Role{admin, editor, writer}},
			{"create published", "POST", "/articles", func() any {
				return map[string]any{"title": uniq(), "category": "nasional", "status": "published"}
			}, []domain.Role{admin, editor}},
			{"read others' draft", "GET", "/articles/" + id(edDraft), nil, []domain.Role{admin, editor}},
			{"edit published", "PATCH", "/articles/" + id(pub), map[string]any{"excerpt": "baru"}, []domain.Role{admin, editor}},
			{"add correction", "POST", "/articles/" + id(pub) + "/notes", map[string]any{"kind": "correction", "body": "Nama narasumber diperbaiki."}, []domain.Role{admin, editor}},
			{"preview", "POST", "/preview", map[string]any{"body": "*a*"}, []domain.Role{admin, editor, writer}},
			{"list categories", "GET", "/categories", nil, []domain.Role{admin, editor, writer}}, // who writes or manages them, as in the newsroom
			{"create category", "POST", "/categories", func() any { return map[string]any{"name": uniq()} }, []domain.Role{admin, editor}},
			{"list tags", "GET", "/tags", nil, []domain.Role{admin, editor, writer}},
			{"create poll", "POST", "/polls", map[string]any{"question": "Q?", "options": []string{"A", "B"}}, []domain.Role{admin, editor}},
			{"close poll", "PATCH", "/polls/" + id(pollID), map[string]any{"open": false}, []domain.Role{admin, editor}},
			{"comment queue", "GET", "/comments", nil, []domain.Role{admin, editor, moderator}},
			{"banned words", "GET", "/banned-words", nil, []domain.Role{admin, editor, moderator}},
			{"add banned word", "POST", "/banned-words", func() any { return map[string]any{"word": "kasar" + strconv.Itoa(n)} }, []domain.Role{admin, editor, moderator}},
			{"moderation mode", "PUT", "/settings/moderation", map[string]any{"mode": "hold_all"}, []domain.Role{admin, editor}},
			{"list users", "GET", "/users", nil, []domain.Role{admin}},
			{"create user", "POST", "/users", func() any {
				n++
				return map[string]any{"email": "baru" + strconv.Itoa(n) + "@warta.test", "name": "Baru " + strconv.Itoa(n), "role": "writer", "password": "sandi-panjang-sekali"}
			}, []domain.Role{admin}},
			{"token for the editor", "POST", "/tokens", map[string]any{"user_id": e.Users[editor].ID}, []domain.Role{admin, editor}},
			{"stats", "GET", "/stats", nil, []domain.Role{admin, editor, writer, moderator}},
			{"delete others' draft", "DELETE", "", nil, []domain.Role{admin, editor}},
		}
		for _, c := range calls {
			for _, role := range domain.Roles {
				body := c.body
				if f, ok := body.(func() any); ok {
					body = f()
				}
				path := c.path
				if path == "" { // a fresh draft of the admin's for each role to delete
					r := e.API(t, admin, "POST", "/articles", map[string]any{"title": uniq(), "category": "nasional"})
					var a struct{ ID int64 }
					r.Data(t, &a)
					path = "/articles/" + id(a.ID)
				}
				r := e.API(t, role, c.method, path, body)
				allowed := false
				for _, a := range c.allowed {
					allowed = allowed || a == role
				}
				if allowed && r.Status >= 300 {
					t.Errorf("%s as %s: %d %s, want success", c.name, role, r.Status, r.Body)
				}
				if !allowed && r.Status != http.StatusForbidden {
					t.Errorf("%s as %s: %d %s, want 403", c.name, role, r.Status, r.Body)
				}
			}
		}
	})
}

func TestWorkflowTransitions(t *testing.T) {
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		e := nrtest.New(t, st)
		patch := func(role domain.Role, id int64, body map[string]any) nrtest.Response {
			return e.API(t, role, "PATCH", "/articles/"+strconv.FormatInt(id, 10), body)
		}
		// A writer writes and submits; may not publish.
		r := e.API(t, writer, "POST", "/articles", map[string]any{"title": "Tulisan Penulis", "category": "nasional", "body": "Satu."})
		if r.Status != 201 {
			t.Fatalf("writer create: %d %s", r.Status, r.Body)
		}
		var a struct{ ID int64 }
		r.Data(t, &a)
		if r := patch(writer, a.ID, map[string]any{"status": "published"}); r.Status != 403 {
			t.Errorf("writer publishes: %d", r.Status)
		}
		if r := patch(writer, a.ID, map[string]any{"status": "review", "body": "Dua."}); r.Status != 200 {
			t.Fatalf("writer submits: %d %s", r.Status, r.Body)
		}
		// The writer may not touch other writers' work, nor scheduled/published work.
		other := e.CreateArticle(t, map[string]any{"title": "Milik Editor", "category": "nasional"})
		if r := patch(writer, other, map[string]any{"title": "Diubah"}); r.Status != 403 {
			t.Errorf("writer edits others': %d", r.Status)
		}
		// Nonsense moves are 409.
		if r := patch(editor, a.ID, map[string]any{"status": "unpublished"}); r.Status != 409 {
			t.Errorf("review -> unpublished: %d %s", r.Status, r.Body)
		}
		// Schedule needs a future time.
		if r := patch(editor, a.ID, map[string]any{"status": "scheduled"}); r.Status != 400 {
			t.Errorf("schedule without time: %d %s", r.Status, r.Body)
		}
		at := time.Now().Add(time.Hour).Format(time.RFC3339)
		if r := patch(editor, a.ID, map[string]any{"status": "scheduled", "published_at": at}); r.Status != 200 {
			t.Fatalf("schedule: %d %s", r.Status, r.Body)
		}
		if r := patch(writer, a.ID, map[string]any{"body": "Tiga."}); r.Status != 403 {
			t.Errorf("writer edits scheduled: %d", r.Status)
		}
		if r := patch(editor, a.ID, map[string]any{"status": "published"}); r.Status != 200 {
			t.Fatalf("publish now: %d %s", r.Status, r.Body)
		}
		got, err := st.ArticleByIDAnyStatus(context.Background(), a.ID)
		if err != nil || got.Status != domain.StatusPublished || got.PublishedAt.After(time.Now()) {
			t.Errorf("publish now: %+v %v", got.Status, got.PublishedAt)
		}
		if r := patch(editor, a.ID, map[string]any{"status": "review"}); r.Status != 409 {
			t.Errorf("published -> review: %d", r.Status)
		}
		if r := patch(editor, a.ID, map[string]any{"status": "unpublished"}); r.Status != 200 {
			t.Errorf("unpublish: %d %s", r.Status, r.Body)
		}
		if _, err := st.ArticleBySlug(context.Background(), "tulisan-penulis"); err == nil {
			t.Error("unpublished article still visible")
		}
		// Filter by status.
		r = e.API(t, editor, "GET", "/articles?status=unpublished", nil)
		var list []struct{ ID int64 }
		r.Data(t, &list)
		if len(list) != 1 || list[0].ID != a.ID {
			t.Errorf("status filter: %s", r.Body)
		}
		// Writers list only their own.
		r = e.API(t, writer, "GET", "/articles", nil)
		r.Data(t, &list)
		if len(list) != 1 {
			t.Errorf("writer sees %d articles", len(list))
		}
	})
}

func TestRevisionsCompareAndRestore(t *testing.T) {
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		e := nrtest.New(t, st)
		id := e.CreateArticle(t, map[string]any{"title": "Revisi", "category": "nasional", "body": "baris satu\nbaris dua"})
		p := "/articles/" + strconv.FormatInt(id, 10)
		e.API(t, editor, "PATCH", p, map[string]any{"body": "baris satu\nbaris dua diubah"})
		e.API(t, editor, "PATCH", p, map[string]any{"body": "baris satu\nbaris dua diubah"}) // same text: no new revision
		r := e.API(t, editor, "GET", p+"/revisions", nil)
		var revs []struct{ ID int64 }
		r.Data(t, &revs)
		if len(revs) != 2 {
			t.Fatalf("revisions: %s", r.Body)
		}
		r = e.API(t, editor, "GET", p+"/diff?from="+strconv.FormatInt(revs[1].ID, 10)+"&to="+strconv.FormatInt(revs[0].ID, 10), nil)
		if !bytes.Contains(r.Body, []byte(`{"op":"-","text":"baris dua"}`)) || !bytes.Contains(r.Body, []byte(`{"op":"+","text":"baris dua diubah"}`)) {
			t.Errorf("diff: %s", r.Body)
		}
		r = e.API(t, editor, "POST", p+"/revisions/"+strconv.FormatInt(revs[1].ID, 10)+"/restore", nil)
		if r.Status != 200 || !bytes.Contains(r.Body, []byte(`"body":"baris satu\nbaris dua"`)) {
			t.Errorf("restore: %d %s", r.Status, r.Body)
		}
	})
}

func TestCorrectionShownOnArticle(t *testing.T) {
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		e := nrtest.New(t, st)
		draft := e.CreateArticle(t, map[string]any{"title": "Belum Terbit", "category": "nasional"})
		if r := e.API(t, editor, "POST", "/articles/"+strconv.FormatInt(draft, 10)+"/notes", map[string]any{"kind": "correction", "body": "x"}); r.Status != 409 {
			t.Errorf("note on draft: %d", r.Status)
		}
		id := e.CreateArticle(t, map[string]any{"title": "Gempa Guncang Cianjur", "category": "nasional", "status": "published"})
		r := e.API(t, editor, "POST", "/articles/"+strconv.FormatInt(id, 10)+"/notes", map[string]any{"kind": "correction", "body": "Sebelumnya tertulis magnitudo 6,1; yang benar 5,6."})
		if r.Status != 201 {
			t.Fatalf("note: %d %s", r.Status, r.Body)
		}
		resp, err := http.Get(e.URL + "/berita/gempa-guncang-cianjur")
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var buf bytes.Buffer
		buf.ReadFrom(resp.Body)
		if !strings.Contains(buf.String(), "Ralat") || !strings.Contains(buf.String(), "yang benar 5,6") {
			t.Errorf("article page lacks the correction")
		}
	})
}

func TestTokensRevocable(t *testing.T) {
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		e := nrtest.New(t, st)
		r := e.API(t, writer, "POST", "/tokens", map[string]any{"name": "skrip"})
		var tok struct {
			ID    int64  `json:"id"`
			Token string `json:"token"`
		}
		r.Data(t, &tok)
		if r.Status != 201 || !strings.HasPrefix(tok.Token, "wrt_") {
			t.Fatalf("create token: %d %s", r.Status, r.Body)
		}
		get := func(token string) int {
			req, _ := http.NewRequest("GET", e.URL+"/api/v1/admin/me", nil)
			req.Header.Set("Authorization", "Bearer "+token)
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			return resp.StatusCode
		}
		if get(tok.Token) != 200 {
			t.Fatal("new token refused")
		}
		if r := e.API(t, admin, "DELETE", "/tokens/"+strconv.FormatInt(tok.ID, 10), nil); r.Status != 204 {
			t.Fatalf("revoke: %d %s", r.Status, r.Body)
		}
		if get(tok.Token) != 401 {
			t.Error("revoked token still works")
		}
	})
}

func TestCategoriesTagsPolls(t *testing.T) {
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		e := nrtest.New(t, st)
		r := e.API(t, editor, "POST", "/categories", map[string]any{"name": "Olahraga", "position": 3})
		if r.Status != 201 {
			t.Fatalf("category: %d %s", r.Status, r.Body)
		}
		if r := e.API(t, editor, "PATCH", "/categories/olahraga", map[string]any{"name": "Sport", "slug": "sport", "position": 0}); r.Status != 200 {
			t.Errorf("rename category: %d %s", r.Status, r.Body)
		}
		cats, _ := st.Categories(context.Background())
		if cats[0].Slug != "sport" {
			t.Errorf("navigation order: %+v", cats)
		}
		e.CreateArticle(t, map[string]any{"title": "A", "category": "sport", "tags": []string{"Sepak Bola"}, "status": "published"})
		e.CreateArticle(t, map[string]any{"title": "B", "category": "sport", "tags": []string{"sepakbola"}, "status": "published"})
		if r := e.API(t, editor, "DELETE", "/categories/sport", nil); r.Status != 409 {
			t.Errorf("delete non-empty category: %d", r.Status)
		}
		if r := e.API(t, editor, "POST", "/tags/sepakbola/merge", map[string]any{"into": "sepak-bola"}); r.Status != 200 {
			t.Fatalf("merge: %d %s", r.Status, r.Body)
		}
		if r := e.API(t, editor, "PATCH", "/tags/sepak-bola", map[string]any{"name": "Sepak Bola Nasional"}); r.Status != 200 {
			t.Fatalf("rename tag: %d %s", r.Status, r.Body)
		}
		r = e.API(t, editor, "GET", "/tags", nil)
		var tags []struct {
			Slug     string
			Articles int
		}
		r.Data(t, &tags)
		if len(tags) != 1 || tags[0].Slug != "sepak-bola-nasional" || tags[0].Articles != 2 {
			t.Errorf("tags after merge and rename: %s", r.Body)
		}
		// The list pages like the others (data + pagination, page/limit),
		// searches by the start of the name, and refuses bad parameters.
		e.CreateArticle(t, map[string]any{"title": "C", "category": "sport", "tags": []string{"Sepak Takraw", "Bulu Tangkis"}})
		for _, c := range []struct {
			path  string
			slugs string
			total int
		}{
			{"/tags?limit=2", "bulu-tangkis sepak-bola-nasional", 3},
			{"/tags?limit=2&page=2", "sepak-takraw", 3},
			{"/tags?q=SEPAK", "sepak-bola-nasional sepak-takraw", 2},
			{"/tags?sort=articles", "sepak-bola-nasional", 1},
		} {
			r := e.API(t, editor, "GET", c.path, nil)
			var env struct {
				Data       []struct{ Slug string }
				Pagination struct {
					Total      int
					TotalPages int `json:"total_pages"`
				}
			}
			if err := json.Unmarshal(r.Body, &env); err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, x := range env.Data {
				got = append(got, x.Slug)
			}
			if strings.Join(got, " ") != c.slugs || env.Pagination.Total != c.total || env.Pagination.TotalPages < 1 {
				t.Errorf("%s: %v, %+v; want %s of %d", c.path, got, env.Pagination, c.slugs, c.total)
			}
		}
		for _, path := range []string{"/tags?page=0", "/tags?page=abc", "/tags?limit=101", "/tags?sort=acak", "/tags?q=" + strings.Repeat("a", 10000)} {
			if r := e.API(t, editor, "GET", path, nil); r.Status != 400 || r.ErrorCode() == "" {
				t.Errorf("%.40s: %d %.80s, want a 400 JSON error", path, r.Status, r.Body)
			}
		}
		r = e.API(t, editor, "POST", "/polls", map[string]any{"question": "Siapa juara?", "options": []string{"A", "B", "C"}})
		var poll struct {
			ID   int64
			Open bool
		}
		r.Data(t, &poll)
		if r.Status != 201 || !poll.Open {
			t.Fatalf("poll: %d %s", r.Status, r.Body)
		}
		pp := "/polls/" + strconv.FormatInt(poll.ID, 10)
		r = e.API(t, editor, "PATCH", pp, map[string]any{"open": false})
		r.Data(t, &poll)
		if poll.Open {
			t.Error("poll still open after closing")
		}
		r = e.API(t, editor, "PATCH", pp, map[string]any{"open": true, "question": "Siapa juara liga?"})
		r.Data(t, &poll)
		if !poll.Open {
			t.Errorf("poll not reopened: %s", r.Body)
		}
		id := e.CreateArticle(t, map[string]any{"title": "Dengan Polling", "category": "sport", "poll_id": poll.ID})
		a, _ := st.ArticleByIDAnyStatus(context.Background(), id)
		if a.PollID != poll.ID {
			t.Errorf("poll not attached")
		}
		if r := e.API(t, editor, "POST", "/articles", map[string]any{"title": "Polling Hilang", "category": "sport", "poll_id": 999}); r.Status != 400 {
			t.Errorf("unknown poll: %d", r.Status)
		}
	})
}

// An editor pins or removes the #HOT badge, or hands it back to the trending
// job; the public API and the page show what the editor decided; a writer
// may not decide.
func TestEditorDecidesHotBadge(t *testing.T) {
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		e := nrtest.New(t, st)
		ctx := context.Background()
		id := e.CreateArticle(t, map[string]any{"title": "Gempa Guncang Pesisir", "category": "nasional", "status": "published",
			"published_at": time.Now().Add(-time.Hour).Format(time.RFC3339), "tags": []string{"HOT", "Gempa"}})
		path := "/articles/" + strconv.FormatInt(id, 10)
		hot := func() bool {
			t.Helper()
			a, err := st.ArticleByID(ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			return a.Hot
		}
		if hot() {
			t.Fatal("a #HOT tag alone made the badge; the editor or the trending job decides")
		}
		for _, step := range []struct {
			badge string
			want  bool
			pin   *bool
		}{{"on", true, ptr(true)}, {"off", false, ptr(false)}, {"auto", false, nil}} {
			if r := e.API(t, editor, "PATCH", path, map[string]any{"hot_badge": step.badge}); r.Status != http.StatusOK {
				t.Fatalf("hot_badge %s: %d %s", step.badge, r.Status, r.Body)
			}
			got, err := st.HotOverride(ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			if hot() != step.want || (got == nil) != (step.pin == nil) || (got != nil && *got != *step.pin) {
				t.Errorf("after %q: hot %v, override %v", step.badge, hot(), got)
			}
		}
		if r := e.API(t, editor, "PATCH", path, map[string]any{"hot_badge": "kadang"}); r.Status != http.StatusBadRequest {
			t.Errorf("bad value: %d", r.Status)
		}
		mine := e.API(t, writer, "POST", "/articles", map[string]any{"title": "Draf Penulis", "category": "nasional", "hot_badge": "on"})
		if mine.Status != http.StatusForbidden {
			t.Errorf("writer sets the badge: %d %s", mine.Status, mine.Body)
		}
	})
}

func ptr[T any](v T) *T { return &v }
