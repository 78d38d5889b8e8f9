package server_test

import (
	"compress/gzip"
	"context"
	"io"
	"net/http"
	"net/http/cookiejar"
	"regexp"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"warta/internal/app"
	"warta/internal/store"
	"warta/internal/testdb"
	"warta/internal/web"
)

// The fast lane (web.Fast) answers cached pages before net/http parses the
// request. A reader must not be able to tell: the same page, the same
// headers (security headers, cookie, ETag, encoding), every view counted,
// a reader with their own state still served their own page.
func TestFastLaneServesCachedPagesAsNetHTTPWould(t *testing.T) {
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		e := newEnv(t, st, func(c *app.Config) { c.Site.PageCacheTTL = time.Minute })
		ctx := context.Background()
		before, _ := st.ArticleCounts(ctx, e.ids["main"])
		// One client per lane, each with its own connections: a query the
		// page does not read (?utm_source) is the same cached page, but the
		// fast lane leaves requests with a query to net/http.
		uas := 0
		fetch := func(client *http.Client, path, enc string) (*http.Response, string) {
			t.Helper()
			req, _ := http.NewRequest("GET", e.srv.URL+path, nil)
			uas++ // each request a new reader (views count once per reader)
			req.Header.Set("User-Agent", "Mozilla/5.0 (Linux; Android 14) fast-lane-test "+itoa(int64(uas)))
			if enc != "" {
				req.Header.Set("Accept-Encoding", enc)
			}
			resp, err := client.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			var r io.Reader = resp.Body
			if resp.Header.Get("Content-Encoding") == "gzip" {
				gz, err := gzip.NewReader(resp.Body)
				if err != nil {
					t.Fatal(err)
				}
				r = gz
			}
			b, err := io.ReadAll(r)
			if err != nil {
				t.Fatal(err)
			}
			return resp, string(b)
		}
		newClient := func() *http.Client {
			return &http.Client{Transport: &http.Transport{DisableCompression: true}, Timeout: 10 * time.Second}
		}
		slow, fast := newClient(), newClient()
		const n = 10
		var served int
		for _, enc := range []string{"", "gzip"} {
			want, wantBody := fetch(slow, mainSlug+"?utm_source=wa", enc) // renders it, or net/http serves it cached
			start := e.app.FastLaneServed()
			for i := range n {
				got, body := fetch(fast, mainSlug, enc)
				if got.StatusCode != 200 || body != wantBody {
					t.Fatalf("%q request %d: %d, %d bytes; net/http gave %d bytes", enc, i, got.StatusCode, len(body), len(wantBody))
				}
				for _, k := range []string{"Content-Type", "Content-Encoding", "Content-Length", "Content-Security-Policy",
					"X-Frame-Options", "X-Content-Type-Options", "Referrer-Policy", "Etag", "Vary", "Cache-Control"} {
					if g, w := got.Header.Values(k), want.Header.Values(k); !slices.Equal(g, w) {
						t.Errorf("%q request %d: %s %q, net/http sends %q", enc, i, k, g, w)
					}
				}
				if c := got.Header.Get("Set-Cookie"); !strings.HasPrefix(c, "warta_pembaca=") || !strings.Contains(c, "HttpOnly") {
					t.Errorf("a new reader got no reader cookie: %q", c)
				}
				if got.Header.Get("Date") == "" {
					t.Error("no Date header")
				}
			}
			if d := e.app.FastLaneServed() - start; d != n {
				t.Errorf("%q: the fast lane answered %d of %d requests for a cached page", enc, d, n)
			}
			served += n + 1
		}
		// The page's stylesheet comes down the same lane (static files are in
		// memory too).
		_, page := fetch(fast, mainSlug, "")
		served++
		css := regexp.MustCompile(`href="(/static/[^"]+\.css)"`).FindStringSubmatch(page)
		if css == nil {
			t.Fatal("no stylesheet link on the article page")
		}
		start0 := e.app.FastLaneServed()
		if resp, body := fetch(fast, css[1], "gzip"); resp.StatusCode != 200 || !strings.Contains(resp.Header.Get("Cache-Control"), "immutable") ||
			len(body) < 100 || e.app.FastLaneServed() != start0+1 {
			t.Errorf("stylesheet %s: %d %q, %d bytes, fast lane %d", css[1], resp.StatusCode, resp.Header.Get("Cache-Control"), len(body),
				e.app.FastLaneServed()-start0)
		}
		// A page not held yet is rendered in the lane (the connection stays
		// in it); a 404 too. A live stream is net/http's.
		lane := newClient()
		for _, tc := range []struct {
			path string
			code int
			fast bool
		}{{"/kanal/teknologi", 200, true}, {"/berita/tidak-ada-artikel-ini", 404, true}, {"/tag/pertahanan", 200, true}} {
			s0 := e.app.FastLaneServed()
			resp, body := fetch(lane, tc.path, "")
			if resp.StatusCode != tc.code || (e.app.FastLaneServed() == s0+1) != tc.fast {
				t.Errorf("%s: %d (want %d), fast lane %d", tc.path, resp.StatusCode, tc.code, e.app.FastLaneServed()-s0)
			}
			if tc.code == 404 && !strings.Contains(body, "tidak ditemukan") {
				t.Errorf("%s: the 404 page is not the site's: %.200q", tc.path, body)
			}
		}
		// A conditional request from the fast lane is answered 304.
		resp, _ := fetch(fast, mainSlug, "")
		served++
		req, _ := http.NewRequest("GET", e.srv.URL+mainSlug, nil)
		req.Header.Set("If-None-Match", resp.Header.Get("ETag"))
		req.Header.Set("User-Agent", "Mozilla/5.0 (Linux; Android 14) fast-lane-test conditional")
		start := e.app.FastLaneServed()
		r304, err := fast.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(r304.Body)
		r304.Body.Close()
		served++
		if r304.StatusCode != 304 || len(b) != 0 || e.app.FastLaneServed() != start+1 {
			t.Errorf("If-None-Match: %d with %d bytes (fast lane %d), want 304, no body, from the fast lane", r304.StatusCode, len(b),
				e.app.FastLaneServed()-start)
		}
		// Every view counted, whichever lane served it.
		e.app.Engage.Views.Flush(ctx)
		after, _ := st.ArticleCounts(ctx, e.ids["main"])
		if after.Views-before.Views != int64(served) {
			t.Errorf("views counted %d, pages served %d", after.Views-before.Views, served)
		}
		// A reader with their own state (a reaction) is not served the shared
		// page: their cookie keeps them out of the fast lane and the cache.
		jar, _ := cookiejar.New(nil)
		own := &reader{t: t, base: e.srv.URL, ua: "Mozilla/5.0 own-state", client: &http.Client{Jar: jar}}
		own.get(mainSlug)
		if a := own.postJSON("/api/v1/articles/"+itoa(e.ids["main"])+"/reactions", map[string]string{"reaction": "like"}); a.code != 200 {
			t.Fatalf("react: %d %s", a.code, a.body)
		}
		if page := own.get(mainSlug).body; !strings.Contains(page, `aria-pressed="true"`) {
			t.Error("the reader who reacted was served the shared page")
		}
	})
}

// Once the fast lane has recorded the head the handler chain sends for a
// cached page, it answers from that head without the chain. What a reader
// gets must not change: every header net/http sends (security headers,
// HSTS behind an HTTPS proxy, ETag, Last-Modified, Cache-Control, Vary,
// the encoding), a new reader cookie of the same form, every view counted
// and every answer told to /metrics under the route's pattern; a
// conditional request still goes through the chain and gets its 304.
func TestFastLaneAnswersFromTheRecordedHeadAsTheChainWould(t *testing.T) {
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		var observed atomic.Int64
		e := newEnv(t, st, func(c *app.Config) {
			c.Site.PageCacheTTL = time.Hour
			c.ClientIPs = web.NewClientIPs(true, nil) // the test server's peer is loopback: a trusted proxy
			c.Observe = func(r *http.Request, status int, d time.Duration) {
				if r.Pattern == "GET /berita/{slug}" && status == 200 {
					observed.Add(1)
				}
			}
		})
		ctx := context.Background()
		before, _ := st.ArticleCounts(ctx, e.ids["main"])
		uas := 0
		fetch := func(client *http.Client, path, enc string, https bool, hdr ...string) *http.Response {
			t.Helper()
			req, _ := http.NewRequest("GET", e.srv.URL+path, nil)
			uas++ // each request a new reader (views count once per reader)
			req.Header.Set("User-Agent", "Mozilla/5.0 (Linux; Android 14) recorded-head-test "+itoa(int64(uas)))
			if enc != "" {
				req.Header.Set("Accept-Encoding", enc)
			}
			if https {
				req.Header.Set("X-Forwarded-Proto", "https")
			}
			for i := 0; i+1 < len(hdr); i += 2 {
				req.Header.Set(hdr[i], hdr[i+1])
			}
			resp, err := client.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			b, err := io.ReadAll(resp.Body)
			resp.Body.Close()
			if err != nil {
				t.Fatal(err)
			}
			resp.ContentLength = int64(len(b))
			resp.Body = io.NopCloser(strings.NewReader(string(b)))
			return resp
		}
		body := func(r *http.Response) string { b, _ := io.ReadAll(r.Body); return string(b) }
		// The cookie's attributes, without its value.
		attrs := func(r *http.Response) string { _, a, _ := strings.Cut(r.Header.Get("Set-Cookie"), ";"); return a }
		newClient := func() *http.Client {
			return &http.Client{Transport: &http.Transport{DisableCompression: true}, Timeout: 10 * time.Second}
		}
		slow, fast := newClient(), newClient()
		served := 0
		for _, https := range []bool{false, true} {
			for _, enc := range []string{"", "gzip"} {
				// A query the page does not read: net/http serves the cached page.
				want := fetch(slow, mainSlug+"?utm_source=wa", enc, https)
				wantBody := body(want)
				served++
				chain0, start := e.app.FastLaneServedWithoutChain(), e.app.FastLaneServed()
				const n = 5
				var lastMod string
				for i := range n {
					got := fetch(fast, mainSlug, enc, https)
					served++
					if b := body(got); got.StatusCode != 200 || b != wantBody {
						t.Fatalf("https %v %q request %d: %d, %d bytes; net/http gave %d bytes", https, enc, i, got.StatusCode, len(b), len(wantBody))
					}
					// Last-Modified is when this URL first had this body
					// (conditional.go): the query's URL may have got it a
					// second earlier on a slow machine. The first answer
					// here runs the chain for this URL; the rest must send
					// what it sent.
					if i == 0 {
						lastMod = got.Header.Get("Last-Modified")
						g, err1 := http.ParseTime(lastMod)
						w, err2 := http.ParseTime(want.Header.Get("Last-Modified"))
						if err1 != nil || err2 != nil || g.Before(w) {
							t.Errorf("https %v %q: Last-Modified %q, net/http sent %q for the same body before", https, enc, lastMod, want.Header.Get("Last-Modified"))
						}
					} else if g := got.Header.Get("Last-Modified"); g != lastMod {
						t.Errorf("https %v %q request %d: Last-Modified %q, the chain sent %q for this URL", https, enc, i, g, lastMod)
					}
					for k := range want.Header {
						if k == "Date" || k == "Set-Cookie" || k == "Last-Modified" {
							continue
						}
						if g, w := got.Header.Values(k), want.Header.Values(k); !slices.Equal(g, w) {
							t.Errorf("https %v %q request %d: %s %q, net/http sends %q", https, enc, i, k, g, w)
						}
					}
					for k := range got.Header {
						if want.Header[k] == nil {
							t.Errorf("https %v %q request %d: %s %q, net/http sends none", https, enc, i, k, got.Header.Values(k))
						}
					}
					if len(got.Header.Values("Set-Cookie")) != 1 || attrs(got) != attrs(want) ||
						got.Header.Get("Set-Cookie") == want.Header.Get("Set-Cookie") {
						t.Errorf("https %v %q: cookie %q, net/http sends %q", https, enc, got.Header.Values("Set-Cookie"), want.Header.Values("Set-Cookie"))
					}
					if _, err := http.ParseTime(got.Header.Get("Date")); err != nil {
						t.Errorf("Date %q: %v", got.Header.Get("Date"), err)
					}
				}
				if https && want.Header.Get("Strict-Transport-Security") == "" {
					t.Error("no HSTS behind an HTTPS proxy")
				}
				// The first request may run the chain (it records the head);
				// the others are answered from it.
				if d, all := e.app.FastLaneServedWithoutChain()-chain0, e.app.FastLaneServed()-start; all != n || d < n-1 {
					t.Errorf("https %v %q: %d of %d answers from the fast lane, %d without the chain", https, enc, all, n, d)
				}
			}
		}
		// A conditional request runs the chain: 304 for the ETag just sent.
		got := fetch(fast, mainSlug, "", false)
		served++
		chain0 := e.app.FastLaneServedWithoutChain()
		r304 := fetch(fast, mainSlug, "", false, "If-None-Match", got.Header.Get("ETag"))
		served++
		if r304.StatusCode != 304 || r304.ContentLength != 0 || e.app.FastLaneServedWithoutChain() != chain0 {
			t.Errorf("If-None-Match: %d with %d bytes (%d without the chain), want 304 from the chain", r304.StatusCode,
				r304.ContentLength, e.app.FastLaneServedWithoutChain()-chain0)
		}
		// A reader who sends their cookie back gets no new one.
		req, _ := http.NewRequest("GET", e.srv.URL+mainSlug, nil)
		req.Header.Set("User-Agent", "Mozilla/5.0 (Linux; Android 14) recorded-head-test returning")
		req.Header.Set("Cookie", strings.SplitN(got.Header.Get("Set-Cookie"), ";", 2)[0])
		chain0 = e.app.FastLaneServedWithoutChain()
		back, err := fast.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(io.Discard, back.Body)
		back.Body.Close()
		served++
		if back.StatusCode != 200 || back.Header.Get("Set-Cookie") != "" || e.app.FastLaneServedWithoutChain() != chain0+1 {
			t.Errorf("a returning reader: %d, cookie %q, %d without the chain", back.StatusCode, back.Header.Get("Set-Cookie"),
				e.app.FastLaneServedWithoutChain()-chain0)
		}
		e.app.Engage.Views.Flush(ctx)
		after, _ := st.ArticleCounts(ctx, e.ids["main"])
		if after.Views-before.Views != int64(served) {
			t.Errorf("views counted %d, pages served %d", after.Views-before.Views, served)
		}
		if got := observed.Load(); got != int64(served-1) { // the 304 is not a 200
			t.Errorf("/metrics told of %d answers of the article route, %d were served", got, served-1)
		}
	})
}
