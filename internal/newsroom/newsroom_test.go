package newsroom_test

import (
	"bytes"
	"context"
	"html"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"warta/internal/domain"
	"warta/internal/newsroom/nrtest"
	"warta/internal/store"
	"warta/internal/testdb"
)

// browser is a cookie-keeping client that does not follow redirects.
type browser struct {
	t    *testing.T
	e    *nrtest.Env
	c    *http.Client
	csrf string
}

func newBrowser(t *testing.T, e *nrtest.Env) *browser {
	jar, _ := cookiejar.New(nil)
	return &browser{t: t, e: e, c: &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error {
		return http.ErrUseLastResponse
	}}}
}

type page struct {
	code     int
	location string
	body     string
}

var csrfRe = regexp.MustCompile(`name="csrf" value="([^"]+)"`)

func (b *browser) do(req *http.Request) page {
	b.t.Helper()
	resp, err := b.c.Do(req)
	if err != nil {
		b.t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	p := page{code: resp.StatusCode, location: resp.Header.Get("Location"), body: string(body)}
	if m := csrfRe.FindStringSubmatch(p.body); m != nil {
		b.csrf = m[1]
	}
	return p
}

func (b *browser) get(path string) page {
	req, _ := http.NewRequest("GET", b.e.URL+path, nil)
	return b.do(req)
}

func (b *browser) post(path string, form url.Values) page {
	req, _ := http.NewRequest("POST", b.e.URL+path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return b.do(req)
}

func (b *browser) login(role domain.Role) {
	b.t.Helper()
	b.get("/redaksi/masuk")
	p := b.post("/redaksi/masuk", url.Values{"csrf": {b.csrf}, "email": {string(role) + "@warta.test"}, "password": {nrtest.Password}})
	if p.code != http.StatusSeeOther || p.location != "/redaksi" {
		b.t.Fatalf("login as %s: %d %s", role, p.code, p.location)
	}
	b.get("/redaksi/") // picks up the session's CSRF token
}

func TestLoginAndSessions(t *testing.T) {
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		e := nrtest.New(t, st)
		b := newBrowser(t, e)
		p := b.get("/redaksi/artikel")
		if p.code != http.StatusSeeOther || !strings.HasPrefix(p.location, "/redaksi/masuk?lanjut=") {
			t.Fatalf("not signed in: %d %s", p.code, p.location)
		}
		b.get("/redaksi/masuk")
		p = b.post("/redaksi/masuk", url.Values{"email": {"editor@warta.test"}, "password": {nrtest.Password}})
		if p.code != 403 || !strings.Contains(p.body, "token keamanan") {
			t.Errorf("login without CSRF token: %d", p.code)
		}
		p = b.post("/redaksi/masuk", url.Values{"csrf": {b.csrf}, "email": {"editor@warta.test"}, "password": {"salah sekali"}})
		if p.code != 401 || !strings.Contains(p.body, "Email atau kata sandi salah.") || !strings.Contains(p.body, `value="editor@warta.test"`) {
			t.Errorf("wrong password: %d", p.code)
		}
		p = b.post("/redaksi/masuk", url.Values{"csrf": {b.csrf}, "email": {"editor@warta.test"}, "password": {nrtest.Password},
			"lanjut": {"/redaksi/artikel"}})
		if p.code != 303 || p.location != "/redaksi/artikel" {
			t.Fatalf("login: %d %s", p.code, p.location)
		}
		u, _ := url.Parse(e.URL)
		for _, c := range b.c.Jar.Cookies(u) {
			if c.Name == "warta_sesi" && c.Value == "" {
				t.Error("empty session cookie")
			}
		}
		if p := b.get("/redaksi/artikel"); p.code != 200 {
			t.Fatalf("article list: %d", p.code)
		}
		// A write without the CSRF token is refused, in Indonesian, with 403.
		p = b.post("/redaksi/kategori", url.Values{"name": {"Hukum"}})
		if p.code != 403 || !strings.Contains(p.body, "oken keamanan (CSRF)") {
			t.Errorf("missing CSRF: %d", p.code)
		}
		// The session ends on the server: the next request asks to sign in again.
		if err := st.DeleteUserSessions(context.Background(), e.Users[domain.RoleEditor].ID); err != nil {
			t.Fatal(err)
		}
		p = b.get("/redaksi/artikel")
		if p.code != 303 || !strings.Contains(p.location, "sesi=berakhir") {
			t.Fatalf("ended session: %d %s", p.code, p.location)
		}
		if p := b.get(p.location); !strings.Contains(p.body, "Sesi Anda telah berakhir") {
			t.Error("no message for an ended session")
		}
		b.login(domain.RoleEditor)
		p = b.post("/redaksi/keluar", url.Values{"csrf": {b.csrf}})
		if p.code != 303 {
			t.Fatalf("logout: %d", p.code)
		}
		if p := b.get("/redaksi/"); p.code != 303 {
			t.Errorf("still signed in after logout: %d", p.code)
		}
	})
}

// An admin opens every page; every template is executed.
func TestEveryPageRenders(t *testing.T) {
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		e := nrtest.New(t, st)
		id := e.CreateArticle(t, map[string]any{"title": "Pertama", "category": "nasional", "body": "satu", "status": "published"})
		e.API(t, domain.RoleEditor, "PATCH", "/articles/"+strconv.FormatInt(id, 10), map[string]any{"body": "dua"})
		poll, _ := st.CreatePoll(context.Background(), store.PollInput{Question: "Setuju?", Options: []string{"Ya", "Tidak"}})
		b := newBrowser(t, e)
		b.login(domain.RoleAdmin)
		a := "/redaksi/artikel/" + strconv.FormatInt(id, 10)
		for path, want := range map[string]string{
			"/redaksi/":             "<svg class=\"chart\"",
			"/redaksi/artikel":      "Pertama",
			"/redaksi/artikel/baru": "Tulis artikel",
			a:                       "Tarik dari situs",
			a + "/revisi":           "class=\"ddel\"",
			a + "/statistik":        "dibaca hari ini",
			"/redaksi/komentar":     "Moderasi komentar",
			"/redaksi/moderasi":     "Kata terlarang",
			"/redaksi/kategori":     "Nasional",
			"/redaksi/tag":          "Topik",
			"/redaksi/polling":      "Setuju?",
			"/redaksi/polling/baru": "Polling baru",
			"/redaksi/polling/" + strconv.FormatInt(poll, 10): "Tutup polling",
			"/redaksi/pengguna":   "Mira Moderator",
			"/redaksi/akun":       "Ganti kata sandi",
			"/redaksi/tidak-ada":  "Tidak ditemukan",
			"/redaksi/masuk":      "",
			"/redaksi/artikel/99": "Artikel tidak ditemukan",
		} {
			p := b.get(path)
			if path == "/redaksi/masuk" {
				if p.code != 303 {
					t.Errorf("signed-in login page: %d", p.code)
				}
				continue
			}
			if !strings.Contains(p.body, want) {
				t.Errorf("%s (%d) lacks %q", path, p.code, want)
			}
		}
		// Issue 12 item 8: each diff line is a block of its own; a newline
		// after it inside the <pre> showed as an empty line between lines.
		if p := b.get(a + "/revisi"); strings.Contains(p.body, "</span>\n<span class=\"d") || strings.Contains(p.body, "</span>\n</pre>") {
			t.Errorf("the revision diff has a newline after each line's block: double-spaced")
		}
		b.e.Stop()
	})
}

func TestEditorKeepsWhatWasTyped(t *testing.T) {
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		e := nrtest.New(t, st)
		e.CreateArticle(t, map[string]any{"title": "Judul Sama", "category": "nasional"})
		b := newBrowser(t, e)
		b.login(domain.RoleWriter)
		p := b.get("/redaksi/artikel/baru")
		if strings.Contains(p.body, "Terbitkan sekarang") || !strings.Contains(p.body, "Ajukan untuk ditinjau") {
			t.Error("writer's buttons")
		}
		form := url.Values{"csrf": {b.csrf}, "title": {"Judul Sama"}, "slug": {"judul-sama"}, "category": {"nasional"}, "body": {"Paragraf panjang <b>penting</b> yang tidak boleh hilang."},
			"action": {"save"}}
		p = b.post("/redaksi/artikel/baru", form)
		if p.code != 409 || !strings.Contains(p.body, "sudah dipakai") || !strings.Contains(p.body, html.EscapeString("Paragraf panjang <b>penting</b> yang tidak boleh hilang.")) {
			t.Errorf("duplicate slug: %d", p.code)
		}
		form.Set("action", "published")
		form.Set("slug", "judul-lain")
		if p := b.post("/redaksi/artikel/baru", form); p.code != 403 {
			t.Errorf("writer publishes: %d", p.code)
		}
		form.Set("action", "review")
		p = b.post("/redaksi/artikel/baru", form)
		if p.code != 303 || !strings.HasSuffix(p.location, "ok=diajukan") {
			t.Fatalf("submit: %d %s", p.code, p.location)
		}
		// A fake image: a script renamed .jpg, sent with the form.
		var buf bytes.Buffer
		mw := multipart.NewWriter(&buf)
		for k, v := range map[string]string{"csrf": b.csrf, "title": "Dengan Foto", "category": "nasional", "body": "Isi yang diketik.", "action": "save"} {
			mw.WriteField(k, v)
		}
		fw, _ := mw.CreateFormFile("photo_file", "foto.jpg")
		fw.Write([]byte("#!/bin/sh\necho pwned\n"))
		mw.Close()
		req, _ := http.NewRequest("POST", e.URL+"/redaksi/artikel/baru", &buf)
		req.Header.Set("Content-Type", mw.FormDataContentType())
		p = b.do(req)
		if p.code != 400 || !strings.Contains(p.body, "bukan gambar yang didukung") || !strings.Contains(p.body, "Isi yang diketik.") {
			t.Errorf("fake image: %d", p.code)
		}
		// Preview (JSON, as the script calls it) renders like the site.
		req, _ = http.NewRequest("POST", e.URL+"/redaksi/pratinjau", strings.NewReader(url.Values{"body": {"**tebal** <script>x</script>"}}.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("Accept", "application/json")
		req.Header.Set("X-CSRF-Token", b.csrf)
		p = b.do(req)
		if p.code != 200 || !strings.Contains(p.body, `\u003cstrong\u003etebal\u003c/strong\u003e`) || strings.Contains(p.body, "script") {
			t.Errorf("preview: %d %s", p.code, p.body)
		}
		// Writers are kept out of admin pages.
		for _, path := range []string{"/redaksi/pengguna", "/redaksi/komentar", "/redaksi/webhook"} {
			if p := b.get(path); p.code != 403 || !strings.Contains(p.body, "Tidak diizinkan") {
				t.Errorf("writer at %s: %d", path, p.code)
			}
		}
	})
}

func TestModerationQueue(t *testing.T) {
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		e := nrtest.New(t, st)
		ctx := context.Background()
		id := e.CreateArticle(t, map[string]any{"title": "Berita Komentar", "category": "nasional", "status": "published",
			"published_at": time.Now().Add(-time.Hour).Format(time.RFC3339)})
		var ids []int64
		for _, body := range []string{"Komentar bagus", "Komentar kedua", "Beli obat murah"} {
			c, err := st.AddComment(ctx, domain.Comment{ArticleID: id, Name: "Pembaca", Body: body, Status: domain.CommentPending})
			if err != nil {
				t.Fatal(err)
			}
			ids = append(ids, c.ID)
		}
		b := newBrowser(t, e)
		b.login(domain.RoleModerator)
		p := b.get("/redaksi/komentar")
		if !strings.Contains(p.body, "Beli obat murah") {
			t.Fatal("held comment not in the queue")
		}
		p = b.post("/redaksi/komentar", url.Values{"csrf": {b.csrf}, "action": {"approve:" + strconv.FormatInt(ids[0], 10)}})
		if p.code != 303 {
			t.Fatalf("approve: %d %s", p.code, p.body)
		}
		p = b.post("/redaksi/komentar", url.Values{"csrf": {b.csrf}, "action": {"spam"}, "id": {strconv.FormatInt(ids[2], 10)}})
		if p.code != 303 {
			t.Fatalf("bulk spam: %d", p.code)
		}
		a, _ := st.ArticleByIDAnyStatus(ctx, id)
		if a.CommentCount != 1 {
			t.Errorf("comment count %d, want 1", a.CommentCount)
		}
		if p := b.get("/redaksi/komentar"); strings.Contains(p.body, "Komentar bagus") || !strings.Contains(p.body, "Komentar kedua") {
			t.Error("queue after moderation")
		}
		if p := b.get("/redaksi/artikel"); p.code != 403 {
			t.Errorf("moderator opens articles: %d", p.code)
		}
		p = b.post("/redaksi/moderasi/kata", url.Values{"csrf": {b.csrf}, "word": {"judi"}})
		if p.code != 303 {
			t.Errorf("banned word: %d", p.code)
		}
		if words, _ := st.BannedWords(ctx); len(words) != 1 {
			t.Errorf("banned words %v", words)
		}
	})
}
