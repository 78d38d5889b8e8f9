package server_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"warta/internal/app"
	"warta/internal/auth"
	"warta/internal/discovery"
	"warta/internal/domain"
	"warta/internal/editorial"
	"warta/internal/site"
	"warta/internal/store"
)

// scaleHotSlug is the article bench/scalegen gives 15,000 comments.
const scaleHotSlug = "arsip-ramai-lima-belas-ribu-komentar"

// BenchmarkPagesAtScale times every kind of page on the databases named in
// WARTA_SCALE_DBS (comma-separated SQLite files or postgres:// URLs, built
// by bench/scalegen at several sizes), every cache off (page cache,
// fragments and the list and article skeletons), so the lines of one
// run compare the same page at each size. Each page reports its median in
// ms-median (run with -benchtime 20x: the median of 20 requests); "start"
// is opening the database, migrating and answering the first request;
// "most-read-ranking" is one run of the discovery job's Terpopuler ranking,
// which a served site does each minute and the pages then read, and
// "trending-job" one run of the #HOT rule on the same tick.
func BenchmarkPagesAtScale(b *testing.B) {
	dbs := os.Getenv("WARTA_SCALE_DBS")
	if dbs == "" {
		b.Skip("WARTA_SCALE_DBS not set: run bench/scale.sh")
	}
	ctx := context.Background()
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	for _, dsn := range strings.Split(dbs, ",") {
		name := scaleName(dsn)
		t0 := time.Now()
		st, err := store.Open(ctx, dsn)
		if err != nil {
			b.Fatal(err)
		}
		if err := st.Migrate(ctx); err != nil {
			b.Fatal(err)
		}
		a, err := app.New(ctx, st, app.Config{Site: site.Config{Name: "Warta", BaseURL: "http://warta.test", Location: jakarta,
			SkeletonTTL: -1},
			MediaDir: b.TempDir(), Log: log})
		if err != nil {
			b.Fatal(err)
		}
		get := func(path, cookie string) (int, []byte) {
			req := httptest.NewRequest("GET", path, nil)
			req.Header.Set("User-Agent", "Mozilla/5.0 (Android 14) bench")
			if cookie != "" {
				req.AddCookie(&http.Cookie{Name: auth.CookieName, Value: cookie})
			}
			w := httptest.NewRecorder()
			a.ServeHTTP(w, req)
			return w.Code, w.Body.Bytes()
		}
		get("/", "")
		started := time.Since(t0)
		b.Run("start/"+name, func(b *testing.B) {
			for b.Loop() {
			}
			b.ReportMetric(float64(started.Microseconds())/1000, "ms-median")
		})
		// Terpopuler as a served site has it: the discovery job ranks its
		// windows each minute (what one ranking costs is a row of its own).
		// The other minute job over the hourly views, the #HOT rule, beside it.
		for _, job := range []struct {
			name string
			run  func(context.Context) error
		}{{"most-read-ranking", a.Discovery.UpdateMostRead},
			{"trending-job", func(ctx context.Context) error { _, err := a.Discovery.UpdateTrending(ctx); return err }}} {
			b.Run(job.name+"/"+name, func(b *testing.B) {
				var times []time.Duration
				for b.Loop() {
					t := time.Now()
					if err := job.run(ctx); err != nil {
						b.Fatal(err)
					}
					times = append(times, time.Since(t))
				}
				slices.Sort(times)
				b.ReportMetric(float64(times[len(times)/2].Microseconds())/1000, "ms-median")
			})
		}
		if err := a.Discovery.UpdateMostRead(ctx); err != nil {
			b.Fatal(err)
		}
		pages, cookie := scalePages(b, st, a.Editorial)
		for _, p := range pages {
			b.Run(p[0]+"/"+name, func(b *testing.B) {
				var times []time.Duration
				var body []byte
				cpu0 := processCPU()
				for b.Loop() {
					t := time.Now()
					var code int
					if code, body = get(p[1], cookie); code != 200 {
						if code == 404 && strings.Contains(p[1], "page=100") {
							b.Skip("no page 100 at this size")
						}
						b.Fatalf("%s: %d", p[1], code)
					}
					times = append(times, time.Since(t))
				}
				// CPU time per request too: on a shared machine the steadier figure.
				b.ReportMetric(float64((processCPU()-cpu0).Microseconds())/1000/float64(b.N), "cpu-ms/op")
				slices.Sort(times)
				b.ReportMetric(float64(times[len(times)/2].Microseconds())/1000, "ms-median")
				// A sitemap's size is its output: bench/scale.sh sets the
				// ratio per entry beside the ratio per file.
				sitemap := bytes.Contains(body, []byte("<urlset")) || bytes.Contains(body, []byte("<sitemapindex"))
				if n := bytes.Count(body, []byte("<url>")) + bytes.Count(body, []byte("<sitemap>")); sitemap && n > 0 {
					b.ReportMetric(float64(n), "entries")
				}
			})
		}
		b.Run("related-per-publish/"+name, func(b *testing.B) { benchRelatedPerPublish(b, st, a.Discovery) })
		st.Close()
	}
}

// benchRelatedPerPublish times the related-news work one publish costs at
// this size: computing the article's list from its candidates, offering it
// to the lists of the best of them and recomputing the lists it leaves
// (discovery.Engine.Recompute), on the newest articles in turn.
func benchRelatedPerPublish(b *testing.B, st *store.Store, e *discovery.Engine) {
	ids, err := st.PublishedArticleIDs(context.Background())
	if err != nil {
		b.Fatal(err)
	}
	slices.Sort(ids)
	ids = ids[max(0, len(ids)-20):]
	var times []time.Duration
	i := 0
	for b.Loop() {
		t := time.Now()
		if err := e.Recompute(context.Background(), ids[i%len(ids)]); err != nil {
			b.Fatal(err)
		}
		times = append(times, time.Since(t))
		i++
	}
	slices.Sort(times)
	b.ReportMetric(float64(times[len(times)/2].Microseconds())/1000, "ms-median")
}

func scaleName(dsn string) string {
	if store.IsPostgres(dsn) {
		return "pg-" + filepath.Base(strings.SplitN(dsn, "?", 2)[0])
	}
	return "sqlite-" + strings.TrimSuffix(filepath.Base(dsn), ".db")
}

// scalePages finds the pages to time on one database (its biggest tag and
// author, the 15,000-comment article) and logs a newsroom admin in.
func scalePages(b testing.TB, st *store.Store, ed *editorial.Service) ([][2]string, string) {
	ctx := context.Background()
	hot, err := st.ArticleBySlug(ctx, scaleHotSlug)
	if err != nil {
		b.Fatalf("%s: %v (build the database with bench/scalegen)", scaleHotSlug, err)
	}
	// The tag with the most published articles (the newsroom's "most used"
	// order), without counting every link of the archive.
	tags, _, err := st.AdminTags(ctx, store.TagFilter{ByUse: true}, domain.Page{Number: 1, Size: 1})
	if err != nil || len(tags) == 0 {
		b.Fatal("no tag with published articles", err)
	}
	big := tags[0]
	authors, _, err := st.AuthorStats(ctx, domain.Page{Number: 1, Size: 1000})
	if err != nil {
		b.Fatal(err)
	}
	prolific := slices.MaxFunc(authors, func(x, y store.AuthorStat) int { return x.Articles - y.Articles })
	// The API's last page: the same depth relative to the archive at every
	// size (page 5000 is past the end of a small one).
	published, err := st.CountPublishedSince(ctx, time.Time{})
	if err != nil {
		b.Fatal(err)
	}
	// The newsroom's tag list: its last page, a search by the biggest
	// tag's first word, the most used first.
	_, nTags, err := st.AdminTags(ctx, store.TagFilter{}, domain.Page{Number: 1, Size: 1})
	if err != nil {
		b.Fatal(err)
	}
	email := "bench-admin@warta.test"
	u, err := st.UserByEmail(ctx, email)
	if err != nil {
		if u, err = ed.AddUser(ctx, email, "Bench Admin", domain.RoleAdmin, "bench-password-123"); err != nil {
			b.Fatal(err)
		}
	}
	cookie := fmt.Sprintf("bench-session-%d", time.Now().UnixNano())
	if err := st.CreateSession(ctx, store.Session{ID: auth.HashToken(cookie), UserID: u.ID, CSRF: "x",
		ExpiresAt: time.Now().Add(time.Hour)}); err != nil {
		b.Fatal(err)
	}
	return [][2]string{
		{"home", "/"},
		{"article", "/berita/status-gunung-semeru-dinaikkan-ke-level-awas-radius-bahaya-diperluas"},
		{"article-15000-comments", "/berita/" + hot.Slug},
		{"article-15000-comments-page-200", "/berita/" + hot.Slug + "?kpage=200"},
		{"category", "/kanal/nasional"},
		{"category-page-100", "/kanal/nasional?page=100"},
		{"tag-biggest", "/tag/" + big.Slug},
		{"tag-biggest-page-100", "/tag/" + big.Slug + "?page=100"},
		{"author-biggest", "/penulis/" + prolific.Slug},
		{"search-common", "/cari?q=pemerintah"},
		{"search-common-words", "/cari?q=pemerintah+indonesia+warga"},
		{"search-common-year", "/cari?q=pemerintah&dari=2020-01-01&sampai=2020-12-31"},
		{"search-common-channel-month", "/cari?q=pemerintah+warga&kanal=olahraga&dari=2019-05-01&sampai=2019-05-31"},
		{"search-common-channel", "/cari?q=pemerintah+indonesia&kanal=nasional"},
		{"search-common-since-yesterday", "/cari?q=pemerintah&dari=" + time.Now().AddDate(0, 0, -1).Format("2006-01-02")},
		{"search-rare", fmt.Sprintf("/cari?q=laporan+%d", hot.ID)},
		{"api-list", "/api/v1/articles?limit=20"},
		{"api-page-5000", "/api/v1/articles?limit=20&page=5000"},
		{"api-last-page", fmt.Sprintf("/api/v1/articles?limit=20&page=%d", max(1, (published+19)/20))},
		{"api-tag", "/api/v1/articles?limit=20&tag=" + big.Slug},
		{"api-popular-channel", "/api/v1/articles?limit=20&sort=popular&category=nasional"},
		{"api-popular-tag", "/api/v1/articles?limit=20&sort=popular&tag=" + big.Slug},
		{"api-popular", "/api/v1/articles?limit=20&sort=popular"},
		{"api-comments-15000", fmt.Sprintf("/api/v1/articles/%d/comments", hot.ID)},
		{"api-tags", "/api/v1/tags"},
		{"api-authors", "/api/v1/authors?limit=500"},
		{"api-categories", "/api/v1/categories"},
		{"rss", "/rss.xml"},
		{"sitemap-index", "/sitemap.xml"},
		{"sitemap-pages", "/sitemaps/pages.xml"},
		{"sitemap-tags-1", "/sitemaps/tags-1.xml"},
		{"sitemap-articles-1", "/sitemaps/articles-1.xml"},
		{"news-sitemap", "/news-sitemap.xml"},
		{"newsroom-dashboard", "/redaksi/"},
		{"newsroom-articles", "/redaksi/artikel"},
		{"newsroom-moderation", "/redaksi/komentar"},
		// Every other page kind, so a scan cannot hide in one nobody timed.
		{"indeks", "/indeks"},
		{"terkini", "/terkini"},
		{"terpopuler", "/terpopuler"},
		{"atom", "/atom.xml"},
		{"category-rss", "/kanal/nasional/rss.xml"},
		{"tag-rss", "/tag/" + big.Slug + "/rss.xml"},
		{"api-search", "/api/v1/search?q=pemerintah"},
		{"api-article-15000-comments", fmt.Sprintf("/api/v1/articles/%d", hot.ID)},
		{"api-tag-biggest", "/api/v1/tags/" + big.Slug},
		{"api-author-biggest", "/api/v1/authors/" + prolific.Slug},
		{"api-category", "/api/v1/categories/nasional"},
		{"api-polls", "/api/v1/polls"},
		{"newsroom-tags", "/redaksi/tag"},
		{"newsroom-tags-last-page", fmt.Sprintf("/redaksi/tag?page=%d", max(1, (nTags+49)/50))},
		{"newsroom-tags-search", "/redaksi/tag?q=" + url.QueryEscape(strings.Fields(big.Name)[0])},
		{"newsroom-tags-most-used", "/redaksi/tag?urut=terbanyak"},
		{"newsroom-categories", "/redaksi/kategori"},
		{"newsroom-users", "/redaksi/pengguna"},
		{"newsroom-corrections", "/redaksi/ralat"},
		{"newsroom-moderasi", "/redaksi/moderasi"},
		{"newsroom-polls", "/redaksi/polling"},
		{"newsroom-edit-15000-comments", fmt.Sprintf("/redaksi/artikel/%d", hot.ID)},
		{"newsroom-stats-15000-comments", fmt.Sprintf("/redaksi/artikel/%d/statistik", hot.ID)},
		{"newsroom-revisions-15000-comments", fmt.Sprintf("/redaksi/artikel/%d/revisi", hot.ID)},
	}, cookie
}

// TestPageQueryPlansAtScale is a diagnostic, not a check: with
// WARTA_SCALE_PLANS set to one database of WARTA_SCALE_DBS's kind it
// requests every page of BenchmarkPagesAtScale once, then reruns each read
// query the page made (best of three) and prints the slowest of each page
// with the engine's plan, so a page over its budget names the query to fix
// (WARTA_SCALE_ALL=1: every read, to see a page's many small ones).
//
//	WARTA_SCALE_PLANS=/tmp/x/scale-100000.db go test ./internal/server -run PageQueryPlansAtScale -v
func TestPageQueryPlansAtScale(t *testing.T) {
	dsn := os.Getenv("WARTA_SCALE_PLANS")
	if dsn == "" {
		t.Skip("WARTA_SCALE_PLANS not set")
	}
	ctx := context.Background()
	st, err := store.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := st.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	a, err := app.New(ctx, st, app.Config{Site: site.Config{Name: "Warta", BaseURL: "http://warta.test", Location: jakarta,
		SkeletonTTL: -1}, MediaDir: t.TempDir(), Log: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatal(err)
	}
	pages, cookie := scalePages(t, st, a.Editorial)
	only := os.Getenv("WARTA_SCALE_PAGES") // comma list of page names, "" for all
	type read struct {
		query string
		args  []any
	}
	type timed struct {
		read
		d    time.Duration
		rows int
	}
	for _, p := range pages {
		if only != "" && !slices.Contains(strings.Split(only, ","), p[0]) {
			continue
		}
		var mu sync.Mutex
		var reads []read
		st.TraceReads(func(q string, args []any) { mu.Lock(); reads = append(reads, read{q, args}); mu.Unlock() })
		req := httptest.NewRequest("GET", p[1], nil)
		req.AddCookie(&http.Cookie{Name: auth.CookieName, Value: cookie})
		w := httptest.NewRecorder()
		t0 := time.Now()
		a.ServeHTTP(w, req)
		whole := time.Since(t0)
		st.TraceReads(nil)
		var list []timed
		var sum time.Duration
		for _, r := range reads {
			best := time.Duration(1 << 62)
			n := 0
			for range 3 {
				d, rows, err := st.TimeRead(ctx, r.query, r.args...)
				if err != nil {
					t.Fatalf("%s: %s: %v", p[0], r.query, err)
				}
				best, n = min(best, d), rows
			}
			sum += best
			list = append(list, timed{r, best, n})
		}
		slices.SortFunc(list, func(x, y timed) int { return int(y.d - x.d) })
		fmt.Printf("=== %s %s: %d, %v whole, %d reads, %v in reads\n", p[0], p[1], w.Code, whole, len(reads), sum)
		for i, q := range list {
			if os.Getenv("WARTA_SCALE_ALL") == "" && (i == 3 || q.d < time.Millisecond && i > 0) {
				break
			}
			eq := q.query
			if store.IsPostgres(dsn) {
				eq = "(ANALYZE) " + eq // EXPLAIN (ANALYZE) ...: the times of each step
			}
			plan, err := st.Explain(ctx, eq, false, q.args...)
			if err != nil {
				plan = err.Error()
			}
			fmt.Printf("--- %v, %d rows: %s\n    args %v\n%s\n", q.d, q.rows, strings.Join(strings.Fields(q.query), " "), q.args,
				"    "+strings.ReplaceAll(plan, "\n", "\n    "))
		}
	}
}
