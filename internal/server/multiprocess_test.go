package server_test

import (
	"context"
	"database/sql"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/url"
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

// process is one Warta process: its own store (pool), caches and
// background work, over a database other processes share.
type process struct {
	st  *store.Store
	srv testServer
}

func startProcess(t *testing.T, dsn string, ttl time.Duration) *process {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if err := st.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	cfg := app.Config{Site: site.Config{Name: "Tampang", Tagline: "Berita", BaseURL: "http://warta.test", Location: jakarta,
		PageCacheTTL: ttl, FragmentTTL: ttl}, MediaDir: t.TempDir(),
		Log: slog.New(slog.NewTextHandler(testLogWriter{t}, &slog.HandlerOptions{Level: slog.LevelWarn}))}
	p := &process{st: st}
	_, p.srv.URL, _ = serve(t, st, cfg)
	return p
}

func (p *process) home(t *testing.T) string { return p.page(t, "/") }

// page is what a reader without cookies gets at path from this process.
func (p *process) page(t *testing.T, path string) string {
	t.Helper()
	resp, err := http.Get(p.srv.URL + path)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("%s: status %d", path, resp.StatusCode)
	}
	return string(b)
}

// awaitListeners waits until n connections LISTEN on the test schema's
// channel, so no notification sent afterwards can be missed.
func awaitListeners(t *testing.T, dsn string, n int) {
	t.Helper()
	u, err := url.Parse(dsn)
	if err != nil {
		t.Fatal(err)
	}
	schema := u.Query().Get("search_path")
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	deadline := time.Now().Add(10 * time.Second)
	for {
		var got int
		err := db.QueryRow(`SELECT COUNT(*) FROM pg_stat_activity WHERE query LIKE 'LISTEN %' AND query LIKE '%' || $1 || '%'`, schema).Scan(&got)
		if err != nil {
			t.Fatal(err)
		}
		if got >= n {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d of %d processes listen for changes after 10s", got, n)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func TestWritesInOneProcessDropOtherProcessesCaches(t *testing.T) {
	dsn := testdb.PostgresURL(t)
	ctx := context.Background()
	const ttl = time.Minute // far longer than the test may wait
	a := startProcess(t, dsn, ttl)
	b := startProcess(t, dsn, ttl)
	awaitListeners(t, dsn, 2)

	cat, err := a.st.CreateCategory(ctx, domain.Category{Name: "Nasional", Position: 1})
	if err != nil {
		t.Fatal(err)
	}
	au, err := a.st.CreateAuthor(ctx, domain.Author{Name: "Budi Santoso"})
	if err != nil {
		t.Fatal(err)
	}
	old, err := a.st.CreateArticle(ctx, store.ArticleInput{Title: "Harga Beras Stabil Jelang Lebaran", CategoryID: cat,
		AuthorIDs: []int64{au}, Status: domain.StatusPublished, PublishedAt: time.Now().Add(-time.Hour)})
	if err != nil {
		t.Fatal(err)
	}
	// B renders and caches its home page once A's first article shows there.
	deadline := time.Now().Add(3 * time.Second)
	for !strings.Contains(b.home(t), "Harga Beras Stabil Jelang Lebaran") {
		if time.Now().After(deadline) {
			t.Fatal("B's home page never showed A's first article")
		}
		time.Sleep(50 * time.Millisecond)
	}
	// The notification of that write may reach B just after it rendered the
	// page; let it land, then cache the page again.
	time.Sleep(500 * time.Millisecond)
	if !strings.Contains(b.home(t), "Harga Beras Stabil Jelang Lebaran") {
		t.Fatal("B's home page lost A's first article")
	}

	// Control: a change behind Warta's back (no notification) stays hidden
	// behind B's cache, so the page really is cached.
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec("UPDATE articles SET title = 'Harga Beras Naik Jelang Lebaran' WHERE id = $1", old); err != nil {
		t.Fatal(err)
	}
	time.Sleep(300 * time.Millisecond)
	if body := b.home(t); !strings.Contains(body, "Harga Beras Stabil Jelang Lebaran") {
		t.Fatal("B's home page is not cached: an unannounced change showed at once")
	}

	// A publishes: B's caches drop within moments, far below their TTL.
	id, err := a.st.CreateArticle(ctx, store.ArticleInput{Title: "Gempa Guncang Pesisir Selatan", CategoryID: cat,
		AuthorIDs: []int64{au}, Status: domain.StatusDraft})
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	if err := a.st.SetArticleStatus(ctx, id, domain.StatusPublished, time.Now()); err != nil {
		t.Fatal(err)
	}
	for {
		body := b.home(t)
		if strings.Contains(body, "Gempa Guncang Pesisir Selatan") {
			if !strings.Contains(body, "Harga Beras Naik Jelang Lebaran") {
				t.Error("B's home page shows the new article but an old cached fragment")
			}
			t.Logf("B showed A's article after %v", time.Since(start).Round(time.Millisecond))
			break
		}
		if time.Since(start) > 3*time.Second {
			t.Fatal("B's home page does not show the article A published within 3s (cache TTL is 1 minute)")
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// A reaction made through one process shows on another process's cached
// article page at once: engagement writes notify the other processes too.
func TestReactionInOneProcessShowsInAnother(t *testing.T) {
	dsn := testdb.PostgresURL(t)
	ctx := context.Background()
	a := startProcess(t, dsn, time.Minute)
	b := startProcess(t, dsn, time.Minute)
	awaitListeners(t, dsn, 2)
	cat, err := a.st.CreateCategory(ctx, domain.Category{Name: "Nasional", Position: 1})
	if err != nil {
		t.Fatal(err)
	}
	id, err := a.st.CreateArticle(ctx, store.ArticleInput{Title: "Banjir Rob Rendam Pesisir Utara", CategoryID: cat,
		Status: domain.StatusPublished, PublishedAt: time.Now().Add(-time.Hour)})
	if err != nil {
		t.Fatal(err)
	}
	page := func() string { return b.page(t, "/berita/banjir-rob-rendam-pesisir-utara") }
	time.Sleep(300 * time.Millisecond) // let the publication's notification land
	if !strings.Contains(page(), "<span data-likes>0</span>") {
		t.Fatal("B's article page does not show 0 likes")
	}
	// A reader with a cookie jar: the first answer brings the reader
	// cookie (cookie_required), the second counts.
	jar, _ := cookiejar.New(nil)
	client := &http.Client{Jar: jar}
	var resp *http.Response
	for try := 0; try < 2 && (resp == nil || resp.StatusCode == 400); try++ {
		req, _ := http.NewRequest("POST", a.srv.URL+"/api/v1/articles/"+strconv.FormatInt(id, 10)+"/reactions",
			strings.NewReader(`{"reaction":"like"}`))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("User-Agent", "Mozilla/5.0 (Android 14) pembaca")
		if resp, err = client.Do(req); err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
	}
	if resp.StatusCode != 200 {
		t.Fatalf("react through A: %v %v", err, resp)
	}
	resp.Body.Close()
	start := time.Now()
	for !strings.Contains(page(), "<span data-likes>1</span>") {
		if time.Since(start) > 3*time.Second {
			t.Fatal("B's cached article page still shows 0 likes 3 s after a like through A (cache TTL is 1 minute)")
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// Issue 9: a site-wide newsroom write (here the article slot, through the
// editorial service as both doors call it) in one process shows on another
// process's cached article page at once: the one change event reaches the
// other processes too (NOTIFY "s:settings").
func TestSiteChangeInOneProcessShowsInAnother(t *testing.T) {
	dsn := testdb.PostgresURL(t)
	ctx := context.Background()
	a := startProcess(t, dsn, time.Minute)
	b := startProcess(t, dsn, time.Minute)
	awaitListeners(t, dsn, 2)
	// One more process over the same database for the admin's write: the
	// assembled application, as warta serve builds it.
	cfg := app.Config{Site: site.Config{Name: "Tampang", BaseURL: "http://warta.test", Location: jakarta}, MediaDir: t.TempDir(),
		Log: slog.New(slog.NewTextHandler(testLogWriter{t}, &slog.HandlerOptions{Level: slog.LevelWarn}))}
	writer, _, _ := serve(t, a.st, cfg)
	admin, err := writer.Editorial.AddUser(ctx, "admin@warta.test", "Ani Admin", domain.RoleAdmin, "sandi-rahasia-panjang")
	if err != nil {
		t.Fatal(err)
	}
	cat, err := a.st.CreateCategory(ctx, domain.Category{Name: "Nasional", Position: 1})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.st.CreateArticle(ctx, store.ArticleInput{Title: "Jalan Tol Baru Dibuka", CategoryID: cat,
		Status: domain.StatusPublished, PublishedAt: time.Now().Add(-time.Hour)}); err != nil {
		t.Fatal(err)
	}
	page := func() string { return b.page(t, "/berita/jalan-tol-baru-dibuka") }
	time.Sleep(300 * time.Millisecond) // let the publication's notification land
	if strings.Contains(page(), "Iklan Toko Sepatu") {
		t.Fatal("B shows the slot before it was set")
	}
	if _, err := writer.Editorial.SetArticleSlot(ctx, &admin, "<p>Iklan Toko Sepatu</p>"); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	for !strings.Contains(page(), "Iklan Toko Sepatu") {
		if time.Since(start) > 3*time.Second {
			t.Fatal("B's cached article page does not show the slot set elsewhere within 3s (cache TTL is 1 minute)")
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Logf("B showed the new slot after %v", time.Since(start).Round(time.Millisecond))
}
