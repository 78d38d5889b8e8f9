package site

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// cacheSite is a Site with only its page cache, over a handler that renders
// a numbered page; the handler fails when the client went away, as a real
// page's database queries do.
func cacheSite(t *testing.T, maxBytes int64, pageSize int) (*Site, http.Handler, *int) {
	t.Helper()
	s := &Site{cache: newPageCache(time.Minute, maxBytes), frags: newFragments(0), log: slog.New(slog.NewTextHandler(io.Discard, nil))}
	renders := 0
	page := func(w http.ResponseWriter, r *http.Request) error {
		if err := r.Context().Err(); err != nil {
			return err
		}
		renders++
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, "<p>render %d</p>%s", renders, strings.Repeat("x", pageSize))
		return nil
	}
	return s, s.handler(s.cached(page)), &renders
}

func body(h http.Handler, r *http.Request) string {
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, r)
	return rec.Body.String()
}

// expire makes every cached page past its TTL.
func (c *pageCache) expire() {
	c.mu.Lock()
	for _, e := range c.entries {
		e.expires = time.Now().Add(-time.Millisecond)
	}
	c.mu.Unlock()
}

// A client that goes away while its request re-renders an expired page does
// not leave the page stale: the next request renders it (issue 17 item 3).
func TestPageCacheRefreshSurvivesAClientThatLeft(t *testing.T) {
	s, h, _ := cacheSite(t, 0, 10)
	if b := body(h, httptest.NewRequest("GET", "/", nil)); !strings.Contains(b, "render 1") {
		t.Fatalf("first: %q", b)
	}
	s.cache.expire()
	ctx, cancel := context.WithCancel(context.Background())
	cancel() // the client is gone before its render finishes
	body(h, httptest.NewRequest("GET", "/", nil).WithContext(ctx))
	if b := body(h, httptest.NewRequest("GET", "/", nil)); !strings.Contains(b, "render 2") {
		t.Errorf("after a refresh whose client left: %q, want a fresh render", b[:14])
	}
	// The mark is cleared for the next expiry too.
	s.cache.expire()
	if b := body(h, httptest.NewRequest("GET", "/", nil)); !strings.Contains(b, "render 3") {
		t.Errorf("after expiry: %q", b[:14])
	}
}

// The cache is bounded in bytes, whatever the number of URLs (issue 16 H1).
func TestPageCacheIsBoundedInBytes(t *testing.T) {
	const max = 1 << 20
	s, h, _ := cacheSite(t, max, 20_000)
	for i := range 300 {
		body(h, httptest.NewRequest("GET", fmt.Sprintf("/berita/a-%d", i), nil))
	}
	n, bytes := s.cache.size()
	if bytes > max || n == 0 || n >= 300 {
		t.Errorf("300 pages of 20 KB: %d entries, %d bytes held, want at most %d bytes", n, bytes, max)
	}
}
