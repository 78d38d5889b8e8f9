package server_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"warta/internal/server"
	"warta/internal/testdb"
)

// With the micro-cache on, anonymous readers share a rendered page, every
// view still counts, a reader who reacted sees their own state, and a write
// shows at once.
func TestPageCache(t *testing.T) {
	st := testdb.SQLite(t)
	e := newEnv(t, st, func(c *server.Config) { c.Site.PageCacheTTL = time.Minute })
	const n = 5
	for i := 0; i < n; i++ {
		if a := e.reader(t, fmt.Sprintf("anon-%d", i)).get(mainSlug); a.code != 200 || !strings.Contains(a.body, "<span data-views>") {
			t.Fatalf("page %d: %d", i, a.code)
		}
	}
	e.app.Engage().Views.Flush(context.Background())
	c, _ := st.ArticleCounts(context.Background(), e.ids["main"])
	if c.Views != 242+n {
		t.Errorf("views with cache = %d, want %d", c.Views, 242+n)
	}
	r := e.reader(t, "aktif")
	r.get(mainSlug)
	if a := r.postJSON(fmt.Sprintf("/api/v1/articles/%d/reactions", e.ids["main"]), map[string]string{"reaction": "like"}); a.code != 200 {
		t.Fatalf("react: %d", a.code)
	}
	if page := r.get(mainSlug).body; !strings.Contains(page, `aria-pressed="true"`) || !strings.Contains(page, "<span data-likes>1</span>") {
		t.Error("the reader who reacted gets a shared cached page without their own state")
	}
	if page := e.reader(t, "anon-baru").get(mainSlug).body; !strings.Contains(page, "<span data-likes>1</span>") {
		t.Error("a write in this process did not refresh the cached page")
	}
	// A cached page answers conditional requests like a rendered one.
	anon := e.reader(t, "anon-etag")
	first, second := anon.get(mainSlug), anon.get(mainSlug)
	etag := first.h.Get("ETag")
	if etag == "" || second.h.Get("ETag") != etag {
		t.Fatalf("ETags %q and %q, want the same non-empty one", etag, second.h.Get("ETag"))
	}
	if a := anon.do("GET", mainSlug, "", nil, "If-None-Match", etag); a.code != 304 || a.body != "" {
		t.Errorf("If-None-Match on a cached page: %d with %d bytes, want 304 and no body", a.code, len(a.body))
	}
	if a := anon.do("GET", mainSlug, "", nil, "If-None-Match", `"nope"`); a.code != 200 || !strings.Contains(a.body, "data-likes") {
		t.Errorf("stale If-None-Match: %d", a.code)
	}
}
