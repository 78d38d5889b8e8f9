package server_test

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
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

// BenchmarkCachedPageOverTCP asks for a cached article page over real
// keep-alive connections, through the fast lane and through net/http alone
// (--fast-lane=false), so one run compares the two; -benchmem counts the
// server's allocations per answer too (the client reads answers without
// allocating).
//
//	go test ./internal/server -run '^$' -bench CachedPageOverTCP -benchmem
//
// The -returning lines are a reader who sends back their reader cookie (as
// a browser does after its first page); the others a client without
// cookies (wrk), who gets a new one with every answer.
func BenchmarkCachedPageOverTCP(b *testing.B) {
	for _, lane := range []struct {
		name      string
		off       bool
		returning bool
	}{{"fast-lane", false, false}, {"net-http", true, false}, {"fast-lane-returning", false, true}, {"net-http-returning", true, true}} {
		b.Run(lane.name, func(b *testing.B) {
			e := newEnv(b, testdb.SQLite(b), func(c *app.Config) { c.Site.PageCacheTTL = time.Hour; c.NoFastLane = lane.off })
			addr := strings.TrimPrefix(e.srv.URL, "http://")
			cookie := ""
			if lane.returning {
				resp, err := http.Get(e.srv.URL + mainSlug)
				if err != nil {
					b.Fatal(err)
				}
				resp.Body.Close()
				v, _, _ := strings.Cut(resp.Header.Get("Set-Cookie"), ";")
				cookie = "Cookie: " + v + "\r\n"
			}
			req := []byte("GET " + mainSlug + " HTTP/1.1\r\nHost: " + addr + "\r\nUser-Agent: Mozilla/5.0 (Android 14) bench\r\n" + cookie + "\r\n")
			b.ReportAllocs()
			b.RunParallel(func(pb *testing.PB) {
				c, err := net.Dial("tcp", addr)
				if err != nil {
					b.Error(err)
					return
				}
				defer c.Close()
				br := bufio.NewReaderSize(c, 64<<10)
				for pb.Next() {
					if _, err := c.Write(req); err != nil {
						b.Error(err)
						return
					}
					if err := discardAnswer(br); err != nil {
						b.Error(err)
						return
					}
				}
			})
		})
	}
}

// discardAnswer reads one HTTP/1.1 answer with a Content-Length.
func discardAnswer(br *bufio.Reader) error {
	n := -1
	for {
		line, err := br.ReadSlice('\n')
		if err != nil {
			return err
		}
		if len(line) <= 2 {
			break
		}
		if len(line) > 16 && (line[0] == 'C' || line[0] == 'c') && strings.EqualFold(string(line[:15]), "Content-Length:") {
			n = 0
			for _, ch := range line[15:] {
				if ch >= '0' && ch <= '9' {
					n = n*10 + int(ch-'0')
				}
			}
		}
	}
	if n < 0 {
		return fmt.Errorf("answer without Content-Length")
	}
	_, err := br.Discard(n)
	return err
}
