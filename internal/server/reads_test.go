package server_test

import (
	"context"
	"io"
	"log/slog"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"warta/internal/app"
	"warta/internal/domain"
	"warta/internal/site"
	"warta/internal/store"
	"warta/internal/testdb"
)

// TestFreshArticleRenderReads counts the database reads of one article
// page nobody asked for before (its skeleton and pieces not cached), the
// case of readers spread over a whole archive: on PostgreSQL each read is a
// round trip of its own. With the server's caches (fragments 5 s, page
// cache 1 s, skeletons 30 s) the site's shared parts are warm from another
// page; with every cache off the page reads them too, each once. The
// counts are what this page needs; one more means a read crept back in.
func TestFreshArticleRenderReads(t *testing.T) {
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		nas, err := st.CreateCategory(ctx, domain.Category{Name: "Nasional", Position: 1})
		if err != nil {
			t.Fatal(err)
		}
		au, err := st.CreateAuthor(ctx, domain.Author{Name: "Budi Santoso"})
		if err != nil {
			t.Fatal(err)
		}
		var ids []int64
		for i, title := range []string{"Banjir Rendam Pesisir Utara", "Tanggul Pesisir Utara Jebol", "Warga Pesisir Mengungsi", "Bantuan Tiba di Pesisir"} {
			id, err := st.CreateArticle(ctx, store.ArticleInput{Title: title, Excerpt: "Ringkasan.", BodyHTML: "<p>Isi berita.</p>",
				CategoryID: nas, Tags: []string{"Banjir", "Pesisir"}, AuthorIDs: []int64{au}, Status: domain.StatusPublished,
				PublishedAt: time.Date(2024, 6, 20+i, 8, 0, 0, 0, time.UTC)})
			if err != nil {
				t.Fatal(err)
			}
			ids = append(ids, id)
		}
		if _, err := st.CreatePoll(ctx, store.PollInput{Question: "Siapkah kota menghadapi banjir?", Options: []string{"Siap", "Belum"}}); err != nil {
			t.Fatal(err)
		}
		target, err := st.ArticleByID(ctx, ids[0])
		if err != nil {
			t.Fatal(err)
		}
		for _, tc := range []struct {
			name  string
			cfg   site.Config
			reads int
		}{
			// 1. the article, with whether it has notes or a live report
			// (store.ArticlePage); 2. its related list; 3. the tags and
			// authors of both together; 4. its own open poll (none: the
			// home page's, cached, shows). The counts come with the
			// article, the rest of the page from the fragments.
			{"caches on", site.Config{PageCacheTTL: time.Second, FragmentTTL: 5 * time.Second}, 4},
			// The same four, and what the fragments kept: 5. the
			// channels (navigation and menu); 6. the site's look (six
			// settings in one read) and 7. its ad slots; 8. the footer's
			// pages; 9. the breaking-news ticker (none, so no tags and
			// authors for it); 10. the latest news and 11. their tags and
			// authors; 12. the slot after the body; 13. the home page's
			// poll setting, 14. the newest open site poll and 15. that
			// poll with its options.
			{"caches off", site.Config{SkeletonTTL: -1}, 15},
		} {
			t.Run(tc.name, func(t *testing.T) {
				cfg := tc.cfg
				cfg.Name, cfg.BaseURL, cfg.Location = "Warta", "http://warta.test", jakarta
				a, err := app.New(ctx, st, app.Config{Site: cfg, MediaDir: t.TempDir(), Log: slog.New(slog.NewTextHandler(io.Discard, nil))})
				if err != nil {
					t.Fatal(err)
				}
				for _, id := range ids {
					if err := a.Discovery.Recompute(ctx, id); err != nil {
						t.Fatal(err)
					}
				}
				get := func(path string) string {
					w := httptest.NewRecorder()
					a.ServeHTTP(w, httptest.NewRequest("GET", path, nil))
					if w.Code != 200 {
						t.Fatalf("%s: %d", path, w.Code)
					}
					return w.Body.String()
				}
				// The shared parts, warm where caches are on: the home
				// page's and another article's.
				get("/")
				other, err := st.ArticleByID(ctx, ids[3])
				if err != nil {
					t.Fatal(err)
				}
				get(domain.ArticlePath(other.Slug))
				var mu sync.Mutex
				var reads []string
				st.TraceReads(func(q string, _ []any) {
					mu.Lock()
					reads = append(reads, strings.Join(strings.Fields(q), " "))
					mu.Unlock()
				})
				page := get(domain.ArticlePath(target.Slug))
				st.TraceReads(nil)
				// The page is whole: its tags, byline, related news and poll.
				for _, want := range []string{"Banjir Rendam Pesisir Utara", "Budi Santoso", "/tag/pesisir", "Tanggul Pesisir Utara Jebol", "Siapkah kota menghadapi banjir?"} {
					if !strings.Contains(page, want) {
						t.Errorf("the page lacks %q", want)
					}
				}
				if len(reads) != tc.reads {
					t.Errorf("%d reads for a fresh article page, want %d:\n%s", len(reads), tc.reads, strings.Join(reads, "\n"))
				}
			})
		}
	})
}
