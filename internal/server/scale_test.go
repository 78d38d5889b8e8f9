package server_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"warta/internal/app"
	"warta/internal/domain"
	"warta/internal/store"
	"warta/internal/testdb"
)

// A thread with more replies than store.ReplyCap shows the first ones and a
// link; the link shows every reply of that thread, a page at a time.
// The page and fragment caches are on, as in production: the thread and
// the article's own comments are different pages and pieces.
func TestLongThreadShowsFirstRepliesAndLinksToTheRest(t *testing.T) {
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		e := newEnv(t, st, func(c *app.Config) { c.Site.FragmentTTL, c.Site.PageCacheTTL = time.Minute, time.Minute })
		ctx := context.Background()
		art := e.ids["main"]
		root, err := st.AddComment(ctx, domain.Comment{ArticleID: art, Name: "Pembuka", Body: "Komentar pembuka utas.", Status: domain.CommentApproved})
		if err != nil {
			t.Fatal(err)
		}
		parent := root.ID
		n := store.ReplyCap + 5
		for i := 1; i <= n; i++ {
			// Every third reply answers the reply before it: depth counts too.
			p := root.ID
			if i%3 == 0 {
				p = parent
			}
			c, err := st.AddComment(ctx, domain.Comment{ArticleID: art, ParentID: p, Name: "Pembalas",
				Body: fmt.Sprintf("Balasan nomor %02d.", i), Status: domain.CommentApproved})
			if err != nil {
				t.Fatal(err)
			}
			parent = c.ID
		}
		r := e.reader(t, "pembaca")
		page := r.get(mainSlug).body
		for i := 1; i <= n; i++ {
			shown := strings.Contains(page, fmt.Sprintf("Balasan nomor %02d.", i))
			if shown != (i <= store.ReplyCap) {
				t.Errorf("article page: reply %d shown = %v, want the first %d only", i, shown, store.ReplyCap)
			}
		}
		link := fmt.Sprintf(`href="?balasan=%d#komentar-%d">Lihat 5 balasan lainnya</a>`, root.ID, root.ID)
		if !strings.Contains(page, link) {
			t.Fatalf("article page has no link to the other 5 replies (%s)", link)
		}
		thread := r.get(fmt.Sprintf("%s?balasan=%d", mainSlug, root.ID))
		if thread.code != 200 {
			t.Fatalf("thread page: %d", thread.code)
		}
		for i := 1; i <= n; i++ {
			if !strings.Contains(thread.body, fmt.Sprintf("Balasan nomor %02d.", i)) {
				t.Errorf("thread page lacks reply %d", i)
			}
		}
		if !strings.Contains(thread.body, "Semua komentar") || strings.Contains(thread.body, "balasan lainnya") {
			t.Error("thread page should link back to all comments and show every reply itself")
		}
		// The thread is not what the article's own comments section shows
		// afterwards (the shared comments piece is kept per view).
		if again := r.get(mainSlug + "?utm_source=uji").body; !strings.Contains(again, link) || strings.Contains(again, "Semua komentar") {
			t.Error("after the thread page, the article page shows the thread instead of all comments")
		}
		if got := r.get(fmt.Sprintf("%s?balasan=%d", mainSlug, 999999)).code; got != 404 {
			t.Errorf("unknown thread: %d, want 404", got)
		}
	})
}
