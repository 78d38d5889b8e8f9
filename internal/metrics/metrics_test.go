package metrics_test

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"warta/internal/app"
	"warta/internal/domain"
	"warta/internal/metrics"
	"warta/internal/site"
	"warta/internal/store"
	"warta/internal/testdb"
)

func get(t *testing.T, url, token string) (int, string) {
	t.Helper()
	req, _ := http.NewRequest("GET", url, nil)
	req.Header.Set("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) Firefox/130.0")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// value returns the value of the series whose line starts with prefix.
func value(t *testing.T, body, prefix string) float64 {
	t.Helper()
	for _, line := range strings.Split(body, "\n") {
		if rest, ok := strings.CutPrefix(line, prefix+" "); ok {
			v, err := strconv.ParseFloat(rest, 64)
			if err != nil {
				t.Fatalf("%s: %v", line, err)
			}
			return v
		}
	}
	t.Fatalf("no series %s in\n%s", prefix, body)
	return 0
}

func TestMetricsAndReadiness(t *testing.T) {
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		log := slog.New(slog.NewTextHandler(io.Discard, nil))
		cat, err := st.CreateCategory(ctx, domain.Category{Name: "Nasional"})
		if err != nil {
			t.Fatal(err)
		}
		art, err := st.CreateArticle(ctx, store.ArticleInput{Title: "Banjir Surut di Jakarta", CategoryID: cat,
			Status: domain.StatusPublished, PublishedAt: time.Now().Add(-time.Hour), BodyHTML: "<p>Isi.</p>"})
		if err != nil {
			t.Fatal(err)
		}
		// One scheduled article whose time has passed (no scheduler runs
		// here) and one comment held for moderation.
		if _, err := st.CreateArticle(ctx, store.ArticleInput{Title: "Terjadwal", CategoryID: cat,
			Status: domain.StatusScheduled, PublishedAt: time.Now().Add(-time.Minute)}); err != nil {
			t.Fatal(err)
		}
		if _, err := st.AddComment(ctx, domain.Comment{ArticleID: art, Name: "Ani", Body: "Tunggu moderasi", Status: domain.CommentPending}); err != nil {
			t.Fatal(err)
		}

		m := metrics.New(st, log)
		ready := metrics.NewReadiness(st, log)
		cfg := app.Config{Site: site.Config{Name: "Warta", BaseURL: "http://warta.test", Location: time.UTC, PageCacheTTL: time.Minute},
			Ready: ready, Metrics: m.Handler("rahasia"), Log: log,
			Observe: func(r *http.Request, code int, d time.Duration) { m.Observe(r.Pattern, r.Method, code, d) }}
		srv, err := app.New(ctx, st, cfg) // not Run: no scheduler here
		if err != nil {
			t.Fatal(err)
		}
		m.AddPageCache(srv.Site.PageCacheStats)
		m.AddViews(srv.Engage.Views.Buffered)
		srv.Engage.Views.ObserveFlush(m.ObserveFlush)
		hs := httptest.NewServer(srv)
		defer hs.Close()

		if code, body := get(t, hs.URL+"/readyz", ""); code != 503 || !strings.Contains(body, "starting") {
			t.Errorf("readyz before start = %d %s, want 503 starting", code, body)
		}
		ready.Ready()
		if code, body := get(t, hs.URL+"/readyz", ""); code != 200 {
			t.Errorf("readyz = %d %s, want 200", code, body)
		}

		for range 3 {
			if code, _ := get(t, hs.URL+"/", ""); code != 200 {
				t.Fatalf("home = %d", code)
			}
		}
		get(t, hs.URL+"/berita/banjir-surut-di-jakarta", "")
		get(t, hs.URL+"/tidak/ada/halaman-ini", "")
		if err := srv.Engage.Views.Flush(ctx); err != nil {
			t.Fatal(err)
		}

		if code, _ := get(t, hs.URL+"/metrics", ""); code != 401 {
			t.Errorf("metrics without token = %d, want 401", code)
		}
		if code, _ := get(t, hs.URL+"/metrics", "salah"); code != 401 {
			t.Errorf("metrics with a wrong token = %d, want 401", code)
		}
		code, body := get(t, hs.URL+"/metrics", "rahasia")
		if code != 200 {
			t.Fatalf("metrics = %d", code)
		}
		if v := value(t, body, `warta_http_requests_total{code="200",method="GET",route="/{$}"}`); v != 3 {
			t.Errorf("home requests = %v, want 3", v)
		}
		if v := value(t, body, `warta_http_requests_total{code="404",method="GET",route="/"}`); v != 1 {
			t.Errorf("404 requests = %v, want 1", v)
		}
		if v := value(t, body, `warta_http_request_duration_seconds_count{route="/berita/{slug}"}`); v != 1 {
			t.Errorf("article latency count = %v, want 1", v)
		}
		if h, m := value(t, body, "warta_page_cache_hits_total"), value(t, body, "warta_page_cache_misses_total"); h != 2 || m < 2 {
			t.Errorf("page cache hits/misses = %v/%v, want 2 hits (home twice) and the misses", h, m)
		}
		if v := value(t, body, `warta_views_flush_duration_seconds_count{result="ok"}`); v != 1 {
			t.Errorf("view flushes = %v, want 1", v)
		}
		value(t, body, "warta_views_buffered")
		if v := value(t, body, "warta_comments_pending"); v != 1 {
			t.Errorf("moderation queue = %v, want 1", v)
		}
		if v := value(t, body, "warta_scheduler_overdue_articles"); v != 1 {
			t.Errorf("overdue scheduled = %v, want 1", v)
		}
		if v := value(t, body, "warta_scheduler_lag_seconds"); v < 50 {
			t.Errorf("scheduler lag = %v s, want about 60", v)
		}
		value(t, body, "warta_webhook_deliveries_pending")
		value(t, body, "warta_webhook_deliveries_failed")
		if v := value(t, body, `warta_db_connections_max{pool="writer"}`); v < 1 {
			t.Errorf("writer pool max = %v", v)
		}
		if !regexp.MustCompile(`(?m)^go_goroutines \d+`).MatchString(body) {
			t.Error("no Go runtime metrics")
		}

		ready.Drain()
		if code, body := get(t, hs.URL+"/readyz", ""); code != 503 || !strings.Contains(body, "shutting down") {
			t.Errorf("readyz while draining = %d %s, want 503", code, body)
		}
		if code, _ := get(t, hs.URL+"/healthz", ""); code != 200 {
			t.Errorf("healthz while draining = %d, want 200 (the process is alive)", code)
		}
	})
}

// A database that answers reads but takes no writes (a full disk, a
// read-only file or replica) is not ready, though /healthz still answers.
func TestNotReadyWhenWritesFail(t *testing.T) {
	t.Run("sqlite", func(t *testing.T) {
		st := testdb.SQLite(t)
		// The writer is one connection: make it refuse writes.
		if _, err := st.WriteDB().Exec("PRAGMA query_only = 1"); err != nil {
			t.Fatal(err)
		}
		checkNotReady(t, st)
	})
	t.Run("postgres", func(t *testing.T) {
		url := testdb.PostgresURL(t)
		st, err := store.Open(context.Background(), url)
		if err != nil {
			t.Fatal(err)
		}
		if err := st.Migrate(context.Background()); err != nil {
			t.Fatal(err)
		}
		st.Close()
		ro, err := store.Open(context.Background(), url+"&default_transaction_read_only=on")
		if err != nil {
			t.Fatal(err)
		}
		defer ro.Close()
		checkNotReady(t, ro)
	})
}

func checkNotReady(t *testing.T, st *store.Store) {
	t.Helper()
	ready := metrics.NewReadiness(st, slog.New(slog.NewTextHandler(io.Discard, nil)))
	ready.Ready()
	rec := httptest.NewRecorder()
	ready.ServeHTTP(rec, httptest.NewRequest("GET", "/readyz", nil))
	if rec.Code != 503 || !strings.Contains(rec.Body.String(), "takes no writes") {
		t.Errorf("readyz over a read-only database = %d %s, want 503 naming the writes", rec.Code, rec.Body)
	}
	if err := st.Ping(context.Background()); err != nil {
		t.Errorf("reads should still work: %v", err)
	}
}
