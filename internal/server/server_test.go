package server_test

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"warta/internal/app"
	"warta/internal/domain"
	"warta/internal/site"
	"warta/internal/store"
	"warta/internal/testdb"
)

var jakarta = func() *time.Location {
	loc, err := time.LoadLocation("Asia/Jakarta")
	if err != nil {
		panic(err)
	}
	return loc
}()

type env struct {
	st   *store.Store
	srv  testServer
	app  *app.App
	ids  map[string]int64
	stop func() // stops the server as SIGTERM does: views flushed, jobs waited for
}

// testServer is where a test's application listens.
type testServer struct{ URL string }

// newEnv starts a real server over a real database with a small newsroom.
// Options may change the server's configuration.
func newEnv(t testing.TB, st *store.Store, opts ...func(*app.Config)) *env {
	t.Helper()
	ctx := context.Background()
	e := &env{st: st, ids: map[string]int64{}}
	nas, err := st.CreateCategory(ctx, domain.Category{Name: "Nasional", Position: 1})
	if err != nil {
		t.Fatal(err)
	}
	tek, err := st.CreateCategory(ctx, domain.Category{Name: "Teknologi", Position: 2})
	if err != nil {
		t.Fatal(err)
	}
	au, err := st.CreateAuthor(ctx, domain.Author{Name: "Budi Santoso", Bio: "Wartawan desk nasional."})
	if err != nil {
		t.Fatal(err)
	}
	add := func(key string, in store.ArticleInput) {
		in.Status = domain.StatusPublished
		in.AuthorIDs = []int64{au}
		id, err := st.CreateArticle(ctx, in)
		if err != nil {
			t.Fatal(err)
		}
		e.ids[key] = id
	}
	add("main", store.ArticleInput{Title: "Pemerintah Umumkan Kebijakan Pertahanan Baru", Excerpt: "Kebijakan baru diumumkan.",
		BodyHTML: "<p>Paragraf <strong>pertama</strong>.</p>", CategoryID: nas, Tags: []string{"HOT", "Pertahanan"},
		Photo:       domain.Photo{URL: "/media/foto.jpg", Caption: "Konferensi pers di Jakarta", Credit: "Voa", Width: 1200, Height: 675},
		PublishedAt: time.Date(2024, 6, 20, 11, 34, 0, 0, time.UTC)})
	add("sametag", store.ArticleInput{Title: "DPR Bahas Anggaran Pertahanan", CategoryID: nas, Tags: []string{"Pertahanan"},
		PublishedAt: time.Date(2024, 6, 19, 8, 0, 0, 0, time.UTC)})
	add("other", store.ArticleInput{Title: "Startup Lokal Raih Pendanaan", CategoryID: tek, Tags: []string{"Startup"},
		PublishedAt: time.Date(2024, 6, 21, 8, 0, 0, 0, time.UTC)})
	hot := true // the editor pinned the #HOT badge
	if err := st.SetHotOverride(ctx, e.ids["main"], &hot); err != nil {
		t.Fatal(err)
	}
	if err := st.SetCounters(ctx, e.ids["main"], 242, 0, 0); err != nil {
		t.Fatal(err)
	}
	if _, err := st.CreatePoll(ctx, store.PollInput{Question: "Apakah Indonesia menuju Indonesia Emas?", Options: []string{"Emas", "Cemas"}}); err != nil {
		t.Fatal(err)
	}
	cfg := app.Config{Site: site.Config{Name: "Tampang", Tagline: "Berita", BaseURL: "http://warta.test", Location: jakarta},
		MediaDir: t.TempDir(), Log: slog.New(slog.NewTextHandler(testLogWriter{t}, &slog.HandlerOptions{Level: slog.LevelWarn}))}
	for _, o := range opts {
		o(&cfg)
	}
	e.app, e.srv.URL, e.stop = serve(t, st, cfg)
	return e
}

// serve assembles the application over st and runs it as warta serve
// does, on a free local port; stop shuts it down (cleanup does too).
func serve(t testing.TB, st *store.Store, cfg app.Config) (a *app.App, url string, stop func()) {
	t.Helper()
	a, err := app.New(context.Background(), st, cfg)
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	halt := a.Start(ln)
	stop = func() {
		if err := halt(); err != nil {
			t.Errorf("stop: %v", err)
		}
	}
	t.Cleanup(stop)
	return a, "http://" + ln.Addr().String(), stop
}

func (e *env) get(t *testing.T, path string) (int, http.Header, string) {
	t.Helper()
	resp, err := http.Get(e.srv.URL + path)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header, string(b)
}

func TestArticlePageShowsEverythingTheReferenceShows(t *testing.T) {
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		e := newEnv(t, st)
		code, h, body := e.get(t, "/berita/pemerintah-umumkan-kebijakan-pertahanan-baru")
		if code != 200 || !strings.HasPrefix(h.Get("Content-Type"), "text/html") {
			t.Fatalf("status %d %s", code, h.Get("Content-Type"))
		}
		for _, want := range []string{
			"Tampang", // site name
			`href="/kanal/nasional"`,
			"<h1 id=\"judul\">Pemerintah Umumkan Kebijakan Pertahanan Baru <span class=\"badge\">#HOT</span></h1>",
			"20 Jun 2024 18:34 WIB",                    // 11:34 UTC in Asia/Jakarta
			`datetime="2024-06-20T18:34:00&#43;07:00"`, // html/template escapes '+'
			"<span data-views>242</span>",
			"<span data-likes>0</span>", "<span data-dislikes>0</span>",
			`alt="Konferensi pers di Jakarta"`, "Sumber foto: Voa",
			"<p>Paragraf <strong>pertama</strong>.</p>",
			`<a href="/terpopuler">#HOT</a>`,
			"<span data-comment-count>0</span> Komentar",
			"Belum ada komentar di artikel ini, jadilah yang pertama untuk memberikan komentar.",
			"Berita Terkait", "DPR Bahas Anggaran Pertahanan",
			"Baca Berita Lainnya", "Startup Lokal Raih Pendanaan",
			"Polling", "Apakah Indonesia menuju Indonesia Emas?",
			`<link rel="canonical" href="http://warta.test/berita/pemerintah-umumkan-kebijakan-pertahanan-baru">`,
		} {
			if !strings.Contains(body, want) {
				t.Errorf("article page lacks %q", want)
			}
		}
		related := body[strings.Index(body, "Berita Terkait"):]
		related = related[:strings.Index(related, "</section>")]
		if strings.Contains(related, "Pemerintah Umumkan Kebijakan") {
			t.Error("related news lists the article itself")
		}
	})
}

func TestPagesAndStatusCodes(t *testing.T) {
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		e := newEnv(t, st)
		for _, tc := range []struct {
			path string
			code int
			want string
		}{
			{"/", 200, "Berita Terbaru"},
			{"/", 200, "Terpopuler"},
			{"/kanal/nasional", 200, "DPR Bahas Anggaran Pertahanan"},
			{"/tag/pertahanan", 200, "#Pertahanan"},
			{"/penulis/budi-santoso", 200, "Wartawan desk nasional."},
			{"/berita/tidak-ada", 404, "Halaman tidak ditemukan"},
			{"/kanal/tidak-ada", 404, "Halaman tidak ditemukan"},
			{"/tag/tidak-ada", 404, "Halaman tidak ditemukan"},
			{"/halaman/acak", 404, "Halaman tidak ditemukan"},
			{"/kanal/nasional?page=abc", 400, "tidak valid"},
			{"/kanal/nasional?page=0", 400, "tidak valid"},
			{"/kanal/nasional?page=99", 404, "Halaman 99 tidak ada"},
			{"/polling/1", 200, "Total 0 suara"},
			{"/polling/abc", 404, "Polling tidak ditemukan"},
		} {
			code, h, body := e.get(t, tc.path)
			if code != tc.code {
				t.Errorf("%s: status %d, want %d", tc.path, code, tc.code)
			}
			if !strings.Contains(body, tc.want) {
				t.Errorf("%s: body lacks %q", tc.path, tc.want)
			}
			if !strings.Contains(body, `<html lang="id">`) {
				t.Errorf("%s: not an Indonesian HTML page", tc.path)
			}
			if h.Get("X-Content-Type-Options") != "nosniff" {
				t.Errorf("%s: security headers missing", tc.path)
			}
		}
	})
}

func TestStaticAssetsAreHashedAndCachedForever(t *testing.T) {
	e := newEnv(t, testdb.SQLite(t))
	_, _, body := e.get(t, "/")
	m := regexp.MustCompile(`href="(/static/style\.[0-9a-f]{10}\.css)"`).FindStringSubmatch(body)
	if m == nil {
		t.Fatal("no hashed stylesheet link on the home page")
	}
	code, h, css := e.get(t, m[1])
	if code != 200 || !strings.Contains(h.Get("Cache-Control"), "immutable") || !strings.Contains(h.Get("Content-Type"), "text/css") {
		t.Errorf("asset: %d %v", code, h)
	}
	if !strings.Contains(css, "--brand") {
		t.Error("asset body is not the stylesheet")
	}
	if code, _, _ := e.get(t, "/static/style.0000000000.css"); code != 404 {
		t.Errorf("unknown asset: %d, want 404", code)
	}
}

type articleList struct {
	Data []struct {
		ID           int64  `json:"id"`
		Slug         string `json:"slug"`
		Title        string `json:"title"`
		URL          string `json:"url"`
		PublishedAt  string `json:"published_at"`
		Category     struct{ Slug string }
		Tags         []struct{ Slug, Name string }
		Views        int64  `json:"views"`
		Likes        *int64 `json:"likes"`
		Dislikes     *int64 `json:"dislikes"`
		CommentCount *int64 `json:"comment_count"`
	} `json:"data"`
	Pagination struct {
		Page       int `json:"page"`
		Limit      int `json:"limit"`
		Total      int `json:"total"`
		TotalPages int `json:"total_pages"`
	} `json:"pagination"`
}

func TestAPIArticles(t *testing.T) {
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		e := newEnv(t, st)
		code, h, body := e.get(t, "/api/v1/articles?limit=2")
		if code != 200 || !strings.HasPrefix(h.Get("Content-Type"), "application/json") {
			t.Fatalf("status %d", code)
		}
		var list articleList
		if err := json.Unmarshal([]byte(body), &list); err != nil {
			t.Fatal(err)
		}
		if len(list.Data) != 2 || list.Pagination.Total != 3 || list.Pagination.TotalPages != 2 {
			t.Fatalf("list = %+v", list)
		}
		first := list.Data[0]
		if first.Slug != "startup-lokal-raih-pendanaan" || first.URL != "http://warta.test/berita/startup-lokal-raih-pendanaan" ||
			first.PublishedAt != "2024-06-21T15:00:00+07:00" || first.Category.Slug != "teknologi" ||
			first.Likes == nil || first.Dislikes == nil || first.CommentCount == nil {
			t.Errorf("first item = %+v", first)
		}
		_, _, body = e.get(t, "/api/v1/articles?tag=pertahanan&category=nasional")
		list = articleList{}
		json.Unmarshal([]byte(body), &list)
		if list.Pagination.Total != 2 {
			t.Errorf("tag+category filter: total %d, want 2", list.Pagination.Total)
		}
		code, _, body = e.get(t, "/api/v1/articles/"+itoa(e.ids["main"]))
		var one struct {
			Data struct {
				Title   string
				Views   int64
				Hot     bool
				Related []struct {
					ID    int64
					Title string
					URL   string
				}
			}
		}
		if err := json.Unmarshal([]byte(body), &one); err != nil || code != 200 {
			t.Fatalf("get: %d %v", code, err)
		}
		if one.Data.Views != 242 || !one.Data.Hot || len(one.Data.Related) == 0 || one.Data.Related[0].ID != e.ids["sametag"] {
			t.Errorf("article = %+v", one.Data)
		}
	})
}

func TestAPIBadInput(t *testing.T) {
	e := newEnv(t, testdb.SQLite(t))
	for _, tc := range []struct {
		path string
		code int
	}{
		{"/api/v1/articles?limit=0", 400},
		{"/api/v1/articles?limit=101", 400},
		{"/api/v1/articles?limit=x", 400},
		{"/api/v1/articles?page=-1", 400},
		{"/api/v1/articles?category=Not%20A%20Slug", 400},
		{"/api/v1/articles/999999", 404},
		{"/api/v1/articles/abc", 404},
		{"/api/v1/nothing", 404},
	} {
		code, h, body := e.get(t, tc.path)
		var env struct {
			Error struct{ Message string } `json:"error"`
		}
		if code != tc.code || json.Unmarshal([]byte(body), &env) != nil || env.Error.Message == "" ||
			!strings.HasPrefix(h.Get("Content-Type"), "application/json") {
			t.Errorf("%s: %d %q, want %d with a JSON error message", tc.path, code, body, tc.code)
		}
	}
}

func TestHealthz(t *testing.T) {
	st := testdb.SQLite(t)
	e := newEnv(t, st)
	if code, _, _ := e.get(t, "/healthz"); code != 200 {
		t.Fatalf("healthz = %d", code)
	}
	st.Close()
	if code, _, _ := e.get(t, "/healthz"); code != 503 {
		t.Fatalf("healthz with closed database = %d, want 503", code)
	}
	// With the database gone, readers get the Indonesian 500 page, and API
	// clients a JSON error without internal detail.
	code, _, body := e.get(t, "/kanal/nasional")
	if code != 500 || !strings.Contains(body, "Terjadi kesalahan") || !strings.Contains(body, `<html lang="id">`) ||
		strings.Contains(body, "sql:") {
		t.Errorf("page with closed database: %d %q", code, body)
	}
	code, _, body = e.get(t, "/api/v1/articles")
	if code != 500 || !strings.Contains(body, `"message":"terjadi kesalahan pada server"`) || strings.Contains(body, "sql:") {
		t.Errorf("API with closed database: %d %q", code, body)
	}
}

func itoa(i int64) string { return strconv.FormatInt(i, 10) }

// testLogWriter sends server logs (warnings and errors only) to the test log.
type testLogWriter struct{ t testing.TB }

func (w testLogWriter) Write(p []byte) (int, error) {
	w.t.Helper()
	w.t.Log(strings.TrimSpace(string(p)))
	return len(p), nil
}
