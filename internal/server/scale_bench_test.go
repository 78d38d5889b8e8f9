package server_test

import (
	"context"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"warta/internal/app"
	"warta/internal/site"
	"warta/internal/store"
)

// BenchmarkPagesAtScale times pages on the databases named in
// WARTA_SCALE_DBS (comma-separated SQLite files, e.g. a demo database and
// the same grown to 200,000 articles by bench/scale.sh), with every cache
// off, so the lines of one run compare the same page at two sizes.
func BenchmarkPagesAtScale(b *testing.B) {
	dbs := os.Getenv("WARTA_SCALE_DBS")
	if dbs == "" {
		b.Skip("WARTA_SCALE_DBS not set: run bench/scale.sh")
	}
	pages := map[string]string{
		"home":     "/",
		"article":  "/berita/status-gunung-semeru-dinaikkan-ke-level-awas-radius-bahaya-diperluas",
		"category": "/kanal/nasional",
		"tag":      "/tag/hot",
		"search":   "/cari?q=banjir",
		"api-list": "/api/v1/articles?limit=20",
		"rss":      "/rss.xml",
	}
	for _, db := range strings.Split(dbs, ",") {
		st, err := store.Open(context.Background(), db)
		if err != nil {
			b.Fatal(err)
		}
		if err := st.Migrate(context.Background()); err != nil {
			b.Fatal(err)
		}
		a, err := app.New(context.Background(), st, app.Config{Site: site.Config{Name: "Warta", Location: jakarta}})
		if err != nil {
			b.Fatal(err)
		}
		name := strings.TrimSuffix(filepath.Base(db), ".db")
		for _, p := range []string{"home", "article", "category", "tag", "search", "api-list", "rss"} {
			b.Run(p+"/"+name, func(b *testing.B) {
				req := httptest.NewRequest("GET", pages[p], nil)
				req.Header.Set("User-Agent", "Mozilla/5.0 (Android 14) bench")
				for b.Loop() {
					w := httptest.NewRecorder()
					a.ServeHTTP(w, req)
					if w.Code != 200 {
						b.Fatalf("%s: %d", pages[p], w.Code)
					}
				}
			})
		}
		st.Close()
	}
}
