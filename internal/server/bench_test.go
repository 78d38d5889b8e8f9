package server_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"warta/internal/app"

	"warta/internal/testdb"
)

// BenchmarkArticlePage measures the full dynamic article page (live counts,
// comments, related, poll) through the whole handler stack, beside a
// baseline handler that writes the very same bytes from memory. Compare the
// two lines of one run:
//
//	go test ./internal/server -run '^$' -bench ArticlePage -benchmem
func BenchmarkArticlePage(b *testing.B) {
	st := testdb.SQLite(b)
	e := newEnv(b, st)
	req := httptest.NewRequest("GET", mainSlug, nil)
	req.Header.Set("User-Agent", "Mozilla/5.0 (Android 14) Chrome/120 Mobile")
	rec := httptest.NewRecorder()
	e.app.ServeHTTP(rec, req)
	page := rec.Body.Bytes()
	if rec.Code != 200 {
		b.Fatalf("status %d", rec.Code)
	}
	b.Run("baseline-static-bytes", func(b *testing.B) {
		h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Write(page)
		})
		b.SetBytes(int64(len(page)))
		b.RunParallel(func(pb *testing.PB) {
			for pb.Next() {
				w := discardWriter{h: http.Header{}}
				h.ServeHTTP(&w, req)
			}
		})
	})
	run := func(name string, app http.Handler) {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(page)))
			b.RunParallel(func(pb *testing.PB) {
				for pb.Next() {
					w := discardWriter{h: http.Header{}}
					app.ServeHTTP(&w, req)
					if w.code != 200 {
						b.Errorf("status %d", w.code)
					}
				}
			})
		})
	}
	run("warta-dynamic", e.app)
	frag := newEnv(b, testdb.SQLite(b), func(c *app.Config) { c.Site.FragmentTTL = 5 * time.Second })
	run("warta-dynamic-fragments-5s", frag.app)
	cached := newEnv(b, testdb.SQLite(b), func(c *app.Config) { c.Site.PageCacheTTL = time.Second })
	run("warta-microcache-1s", cached.app)
}

type discardWriter struct {
	h    http.Header
	code int
}

func (w *discardWriter) Header() http.Header { return w.h }
func (w *discardWriter) Write(p []byte) (int, error) {
	if w.code == 0 {
		w.code = 200
	}
	return io.Discard.Write(p)
}
func (w *discardWriter) WriteHeader(code int) { w.code = code }
