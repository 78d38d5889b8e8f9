package server_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"io"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"warta/internal/app"
	"warta/internal/domain"
	"warta/internal/store"
	"warta/internal/testdb"
)

// With the micro-cache on, anonymous readers share a rendered page, every
// view still counts, a reader who reacted sees their own state, and a write
// shows at once.
func TestPageCache(t *testing.T) {
	st := testdb.SQLite(t)
	e := newEnv(t, st, func(c *app.Config) { c.Site.PageCacheTTL = time.Minute })
	const n = 5
	for i := 0; i < n; i++ {
		if a := e.reader(t, fmt.Sprintf("anon-%d", i)).get(mainSlug); a.code != 200 || !strings.Contains(a.body, "<span data-views>") {
			t.Fatalf("page %d: %d", i, a.code)
		}
	}
	e.app.Engage.Views.Flush(context.Background())
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

// Browsers ask for gzip: cached pages and static files come compressed once,
// with their own ETag, and decompress to the very same page.
func TestCompressedAnswers(t *testing.T) {
	e := newEnv(t, testdb.SQLite(t), func(c *app.Config) { c.Site.PageCacheTTL = time.Minute })
	// A transport that does not decompress, to see what goes over the wire.
	raw := &http.Client{Transport: &http.Transport{DisableCompression: true}}
	fetch := func(path string, hdr ...string) (*http.Response, []byte) {
		t.Helper()
		req, _ := http.NewRequest("GET", e.srv.URL+path, nil)
		req.Header.Set("User-Agent", "Mozilla/5.0 (Android 14) gzip-test")
		for i := 0; i+1 < len(hdr); i += 2 {
			req.Header.Set(hdr[i], hdr[i+1])
		}
		resp, err := raw.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp, b
	}
	plain, plainBody := fetch(mainSlug)
	zipped, zippedBody := fetch(mainSlug, "Accept-Encoding", "gzip, deflate, br")
	if plain.Header.Get("Content-Encoding") != "" || zipped.Header.Get("Content-Encoding") != "gzip" {
		t.Fatalf("encodings %q and %q", plain.Header.Get("Content-Encoding"), zipped.Header.Get("Content-Encoding"))
	}
	zr, err := gzip.NewReader(bytes.NewReader(zippedBody))
	if err != nil {
		t.Fatal(err)
	}
	unzipped, _ := io.ReadAll(zr)
	if !bytes.Equal(unzipped, plainBody) || len(zippedBody)*2 > len(plainBody) {
		t.Errorf("gzip body: %d bytes, unzips to %d (identity %d), equal %v", len(zippedBody), len(unzipped), len(plainBody), bytes.Equal(unzipped, plainBody))
	}
	if !strings.Contains(zipped.Header.Get("Vary"), "Accept-Encoding") || zipped.Header.Get("ETag") == plain.Header.Get("ETag") {
		t.Errorf("Vary %q, ETags %q / %q", zipped.Header.Get("Vary"), zipped.Header.Get("ETag"), plain.Header.Get("ETag"))
	}
	if again, _ := fetch(mainSlug, "Accept-Encoding", "gzip", "If-None-Match", zipped.Header.Get("ETag")); again.StatusCode != 304 {
		t.Errorf("If-None-Match with the gzip ETag: %d, want 304", again.StatusCode)
	}
	if refused, _ := fetch(mainSlug, "Accept-Encoding", "gzip;q=0, identity"); refused.Header.Get("Content-Encoding") != "" {
		t.Error("gzip sent to a client that refused it")
	}
	css := regexp.MustCompile(`/static/style\.[0-9a-f]+\.css`).FindString(string(plainBody))
	if resp, _ := fetch(css, "Accept-Encoding", "gzip"); resp.Header.Get("Content-Encoding") != "gzip" || resp.StatusCode != 200 {
		t.Errorf("stylesheet: %d %q", resp.StatusCode, resp.Header.Get("Content-Encoding"))
	}
}

// Pages rendered for one reader (not from the cache) are compressed too, and
// decompress to the reader's own page.
func TestDynamicPagesAreCompressed(t *testing.T) {
	e := newEnv(t, testdb.SQLite(t))
	r := e.reader(t, "aktif-gzip")
	if a := r.send(fmt.Sprintf("/api/v1/articles/%d/reactions", e.ids["main"]), map[string]string{"reaction": "like"}); a.code != 200 {
		t.Fatalf("react: %d", a.code)
	}
	// Go's client asks for gzip and unpacks it; look at the raw answer.
	r.client.Transport = &http.Transport{DisableCompression: true}
	a := r.do("GET", mainSlug, "", nil, "Accept-Encoding", "gzip")
	if a.h.Get("Content-Encoding") != "gzip" || !strings.Contains(a.h.Get("Vary"), "Accept-Encoding") {
		t.Fatalf("Content-Encoding %q, Vary %q", a.h.Get("Content-Encoding"), a.h.Get("Vary"))
	}
	zr, err := gzip.NewReader(strings.NewReader(a.body))
	if err != nil {
		t.Fatal(err)
	}
	page, _ := io.ReadAll(zr)
	if !strings.Contains(string(page), `aria-pressed="true"`) {
		t.Error("the compressed page is not this reader's page")
	}
	if again := r.do("GET", mainSlug, "", nil, "Accept-Encoding", "gzip", "If-None-Match", a.h.Get("ETag")); again.code != 304 {
		t.Errorf("If-None-Match on a compressed dynamic page: %d, want 304", again.code)
	}
	if nf := r.do("GET", "/tidak-ada", "", nil, "Accept-Encoding", "gzip"); nf.code != 404 || nf.h.Get("Content-Encoding") != "gzip" {
		t.Errorf("404 page: %d %q", nf.code, nf.h.Get("Content-Encoding"))
	}
}

// A reaction or comment drops only the cached pages of its article: every
// other cached page stays (writes elsewhere on the site do not empty the
// cache), and the article written to shows the write to the next reader.
func TestWritesDropOnlyThePagesThatShowThem(t *testing.T) {
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		e := newEnv(t, st, func(c *app.Config) { c.Site.PageCacheTTL = time.Minute })
		const otherSlug = "/berita/startup-lokal-raih-pendanaan"
		anon := e.reader(t, "anon")
		home, other := anon.get("/").body, anon.get(otherSlug).body
		if !strings.Contains(other, "<span data-likes>0</span>") {
			t.Fatal("other article: no like count")
		}
		anon.get(mainSlug)
		// Counts changed behind the cache's back show only once a page is
		// rendered again.
		if err := st.SetCounters(ctx, e.ids["other"], 5000, 7, 0); err != nil {
			t.Fatal(err)
		}
		r := e.reader(t, "aktif")
		r.get(mainSlug)
		if a := r.postJSON(fmt.Sprintf("/api/v1/articles/%d/reactions", e.ids["main"]), map[string]string{"reaction": "like"}); a.code != 200 {
			t.Fatalf("react: %d", a.code)
		}
		if a := r.postJSON(fmt.Sprintf("/api/v1/articles/%d/comments", e.ids["main"]),
			map[string]string{"name": "Sari", "text": "Semoga bermanfaat bagi rakyat."}); a.code/100 != 2 {
			t.Fatalf("comment: %d %s", a.code, a.body)
		}
		if page := anon.get(mainSlug).body; !strings.Contains(page, "<span data-likes>1</span>") {
			t.Error("the article reacted to still shows its cached page")
		}
		if page := anon.get(otherSlug).body; page != other {
			t.Error("a reaction on one article dropped another article's cached page")
		}
		if page := anon.get("/").body; page != home {
			t.Error("a reaction on an article dropped the cached home page")
		}
		// The reader who wrote sees their own state at once, comment held
		// for moderation included.
		if page := r.get(mainSlug).body; !strings.Contains(page, `aria-pressed="true"`) || !strings.Contains(page, "menunggu moderasi") {
			t.Error("the writer's own page lacks their reaction or held comment")
		}
		if page := anon.get(mainSlug).body; strings.Contains(page, "menunggu moderasi") || strings.Contains(page, `aria-pressed="true"`) {
			t.Error("another reader's cached page shows the writer's own state")
		}
		// An article write still drops everything: lists change.
		if _, err := st.CreateArticle(ctx, store.ArticleInput{Title: "Harga Cabai Naik", CategoryID: 1,
			Status: domain.StatusPublished, PublishedAt: time.Now().Add(-time.Minute)}); err != nil {
			t.Fatal(err)
		}
		if page := anon.get(otherSlug).body; !strings.Contains(page, "<span data-likes>7</span>") {
			t.Error("an article write did not drop the other cached pages")
		}
	})
}

// The cache key holds only the parameters a page reads: a client spraying
// ?v=0..N is answered from one entry instead of rendering (and keeping) a
// page per query string (issue 16 H1).
func TestPageCacheKeyIgnoresUnknownParameters(t *testing.T) {
	ctx := context.Background()
	st := testdb.SQLite(t)
	e := newEnv(t, st, func(c *app.Config) { c.Site.PageCacheTTL = time.Minute })
	anon := e.reader(t, "anon")
	first := anon.get(mainSlug).body
	if err := st.SetCounters(ctx, e.ids["main"], 9999, 0, 0); err != nil {
		t.Fatal(err)
	}
	for i := range 50 {
		a := anon.get(fmt.Sprintf("%s?v=%d&utm_source=wa", mainSlug, i))
		if a.code != 200 || a.body != first {
			t.Fatalf("?v=%d: %d, rendered anew instead of the cached page", i, a.code)
		}
	}
	// A parameter the page reads is part of the key.
	if a := anon.get(mainSlug + "?urut=terlama&v=1"); a.code != 200 || a.body == first {
		t.Errorf("?urut=terlama: %d, want a page of its own", a.code)
	}
}

// While the database is down, a reader gets the last page rendered for the
// URL when there is one (stale-if-error), never an error page in its place,
// and the view still counts.
func TestPageCacheServesStalePageWhenTheDatabaseFails(t *testing.T) {
	st := testdb.SQLite(t)
	e := newEnv(t, st, func(c *app.Config) { c.Site.PageCacheTTL = time.Minute })
	anon := e.reader(t, "anon")
	page := anon.get(mainSlug).body
	// A reaction drops the cached page: it may not be served as fresh.
	r := e.reader(t, "aktif")
	if a := r.send(fmt.Sprintf("/api/v1/articles/%d/reactions", e.ids["main"]), map[string]string{"reaction": "like"}); a.code != 200 {
		t.Fatalf("react: %d", a.code)
	}
	st.Close()
	if a := e.reader(t, "anon-2").get(mainSlug); a.code != 200 || a.body != page {
		t.Errorf("article page with the database down: %d, want the last cached page", a.code)
	}
	if a := anon.get("/kanal/teknologi"); a.code < 500 || !strings.Contains(a.body, "gangguan") {
		t.Errorf("uncached page with the database down: %d, want a server-side error page", a.code)
	}
}

// With the page cache off and the fragment cache on, the pieces of an
// article page kept for every reader (comments, poll form, skeleton) never
// carry one reader's state to another, and each reader's own write shows to
// them at once.
func TestFragmentsKeepEachReadersOwnState(t *testing.T) {
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		e := newEnv(t, st, func(c *app.Config) { c.Site.FragmentTTL = time.Minute })
		anon, author, voter := e.reader(t, "anon"), e.reader(t, "penulis"), e.reader(t, "pemilih")
		before := anon.get(mainSlug).body
		if !strings.Contains(before, "Belum ada komentar") || !strings.Contains(before, `name="option_id"`) {
			t.Fatal("article page lacks the empty comments or the poll form")
		}
		a := author.postJSON(fmt.Sprintf("/api/v1/articles/%d/comments", e.ids["main"]), map[string]any{"name": "Sari", "text": "Menunggu giliran."})
		if a.code != 202 {
			t.Fatalf("comment: %d", a.code)
		}
		var posted struct{ Data struct{ ID int64 } }
		a.json(t, &posted)
		if page := author.get(mainSlug).body; !strings.Contains(page, "menunggu moderasi") {
			t.Error("the author does not see their held comment")
		}
		if page := anon.get(mainSlug).body; strings.Contains(page, "Menunggu giliran") {
			t.Error("another reader sees a held comment")
		}
		// Approved in the newsroom (no engagement event): the count moves,
		// so every reader sees it.
		if err := st.ModerateComments(ctx, []int64{posted.Data.ID}, domain.CommentApproved); err != nil {
			t.Fatal(err)
		}
		if page := anon.get(mainSlug).body; !strings.Contains(page, "Menunggu giliran") || !strings.Contains(page, "<span data-comment-count>1</span>") {
			t.Error("an approved comment does not show")
		}
		var polls struct {
			Data []struct {
				ID      int64
				Options []struct{ ID int64 }
			}
		}
		voter.get("/api/v1/polls").json(t, &polls)
		voter.get(mainSlug)
		if a := voter.postJSON(fmt.Sprintf("/api/v1/polls/%d/votes", polls.Data[0].ID), map[string]int64{"option_id": polls.Data[0].Options[0].ID}); a.code != 201 {
			t.Fatalf("vote: %d", a.code)
		}
		if page := voter.get(mainSlug).body; !strings.Contains(page, "(pilihan Anda)") || !strings.Contains(page, "Total 1 suara") {
			t.Error("the voter does not see their vote counted")
		}
		if page := anon.get(mainSlug).body; strings.Contains(page, "(pilihan Anda)") || !strings.Contains(page, `name="option_id"`) {
			t.Error("another reader sees the voter's poll state")
		}
	})
}
