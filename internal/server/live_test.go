package server_test

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"warta/internal/app"
	"warta/internal/domain"
	"warta/internal/newsroom/nrtest"
	"warta/internal/store"
	"warta/internal/testdb"
)

// Live reports and the breaking-news ticker (issue 14).

func liveGet(t *testing.T, url string) (int, http.Header, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header, string(b)
}

// liveArticle creates a published article and makes it a live report, as
// an editor through the admin API; it returns its id and page path.
func liveArticle(t *testing.T, e *nrtest.Env, title string) (int64, string) {
	t.Helper()
	id := e.CreateArticle(t, map[string]any{"title": title, "category": "nasional", "status": "published",
		"body": "Laporan langsung dari lokasi."})
	if r := e.API(t, domain.RoleEditor, "POST", fmt.Sprintf("/articles/%d/live", id), nil); r.Status != http.StatusOK {
		t.Fatalf("start live: %d %s", r.Status, r.Body)
	}
	var a struct {
		Slug string `json:"slug"`
	}
	e.API(t, domain.RoleEditor, "GET", fmt.Sprintf("/articles/%d", id), nil).Data(t, &a)
	return id, "/berita/" + a.Slug
}

func addUpdate(t *testing.T, e *nrtest.Env, role domain.Role, id int64, title, body string) (int, int64) {
	t.Helper()
	r := e.API(t, role, "POST", fmt.Sprintf("/articles/%d/live/updates", id), map[string]string{"title": title, "body": body})
	var u struct {
		ID int64 `json:"id"`
	}
	if r.Status == http.StatusCreated {
		r.Data(t, &u)
	}
	return r.Status, u.ID
}

// ldOf returns the page's JSON-LD object.
func ldOf(t *testing.T, page string) map[string]any {
	t.Helper()
	m := regexp.MustCompile(`(?s)<script type="application/ld\+json">(.*?)</script>`).FindStringSubmatch(page)
	if m == nil {
		t.Fatal("no JSON-LD on the page")
	}
	var v map[string]any
	if err := json.Unmarshal([]byte(m[1]), &v); err != nil {
		t.Fatalf("JSON-LD: %v", err)
	}
	return v
}

// The newsroom adds updates; readers see them newest first, in WIB,
// sanitised like the body, on a page that the page cache drops at once,
// with LiveBlogPosting JSON-LD; ending the report says so.
func TestLiveReportReaderPage(t *testing.T) {
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		e := nrtest.New(t, st, func(c *app.Config) { c.Site.PageCacheTTL = time.Hour; c.Site.FragmentTTL = time.Hour })
		id, path := liveArticle(t, e, "Hitung Cepat Pilkada Jakarta")
		code, _, page := liveGet(t, e.URL+path)
		if code != http.StatusOK || !strings.Contains(page, "Belum ada pembaruan.") || !strings.Contains(page, "Laporan langsung") {
			t.Fatalf("empty live report page: %d, %q", code, page)
		}
		if st, u1 := addUpdate(t, e, domain.RoleEditor, id, "TPS dibuka", "Pemungutan suara dimulai pukul 07.00."); st != http.StatusCreated || u1 == 0 {
			t.Fatalf("add update: %d", st)
		}
		if st, _ := addUpdate(t, e, domain.RoleEditor, id, "", "Hasil sementara: **52,3%** <script>alert(1)</script><a href=\"javascript:alert(2)\" onclick=\"x()\">klik</a>"); st != http.StatusCreated {
			t.Fatalf("add update: %d", st)
		}
		// The page was cached for an hour before the updates: they show at once.
		_, hdr, page := liveGet(t, e.URL+path)
		if hdr.Get("Cache-Control") == "no-store" {
			t.Errorf("the live article page should stay cacheable, Cache-Control %q", hdr.Get("Cache-Control"))
		}
		first, second := strings.Index(page, "Hasil sementara"), strings.Index(page, "TPS dibuka")
		if first < 0 || second < 0 || first > second {
			t.Fatalf("updates not shown newest first (at %d and %d): %s", first, second, page)
		}
		for _, bad := range []string{"<script>alert", "javascript:", "onclick"} {
			if strings.Contains(page[strings.Index(page, `id="langsung"`):], bad) {
				t.Errorf("an update's %q reached readers", bad)
			}
		}
		if !strings.Contains(page, "<strong>52,3%</strong>") {
			t.Error("the update's Markdown is not rendered")
		}
		if !regexp.MustCompile(`<strong>\d\d:\d\d WIB</strong>`).MatchString(page) {
			t.Error("update times are not shown in WIB")
		}
		ld := ldOf(t, page)
		if ld["@type"] != "LiveBlogPosting" || ld["coverageStartTime"] == nil || ld["coverageEndTime"] != nil {
			t.Errorf("JSON-LD of a running report: %v", ld)
		}
		ups, _ := ld["liveBlogUpdate"].([]any)
		if len(ups) != 2 || ups[1].(map[string]any)["headline"] != "TPS dibuka" ||
			!strings.HasPrefix(ups[0].(map[string]any)["articleBody"].(string), "Hasil sementara: 52,3%") {
			t.Errorf("liveBlogUpdate: %v", ups)
		}

		// Bad input gets clear 4xx answers.
		for _, c := range []struct {
			title, body string
			want        int
		}{
			{"", "", http.StatusBadRequest},
			{"", "   ", http.StatusBadRequest},
			{strings.Repeat("j", 201), "isi", http.StatusBadRequest},
			{"", strings.Repeat("x", 65<<10), http.StatusBadRequest},
			{"", "<script>alert(1)</script>", http.StatusBadRequest}, // nothing left after sanitising
		} {
			if st, _ := addUpdate(t, e, domain.RoleEditor, id, c.title, c.body); st != c.want {
				t.Errorf("update %.20q/%.20q: status %d, want %d", c.title, c.body, st, c.want)
			}
		}
		other := e.CreateArticle(t, map[string]any{"title": "Bukan Laporan Langsung", "category": "nasional", "status": "published"})
		if st, _ := addUpdate(t, e, domain.RoleEditor, other, "", "isi"); st != http.StatusNotFound {
			t.Errorf("update on a non-live article: %d, want 404", st)
		}
		if r := e.API(t, domain.RoleEditor, "PATCH", fmt.Sprintf("/articles/%d/live/updates/999999", id), map[string]string{"body": "x"}); r.Status != http.StatusNotFound {
			t.Errorf("edit of an unknown update: %d", r.Status)
		}
		if code, _, _ := liveGet(t, e.URL+"/berita/bukan-laporan-langsung/langsung"); code != http.StatusNotFound {
			t.Errorf("stream of a non-live article: %d, want 404", code)
		}
		if code, _, body := liveGet(t, e.URL+path+"/langsung?sejak=abc"); code != http.StatusBadRequest || !strings.Contains(body, "tidak valid") {
			t.Errorf("stream with a bad position: %d", code)
		}

		// Ending: the page says so, the JSON-LD has the end, no more updates.
		if r := e.API(t, domain.RoleEditor, "POST", fmt.Sprintf("/articles/%d/live/end", id), nil); r.Status != http.StatusOK {
			t.Fatalf("end: %d %s", r.Status, r.Body)
		}
		if r := e.API(t, domain.RoleEditor, "POST", fmt.Sprintf("/articles/%d/live/end", id), nil); r.Status != http.StatusConflict {
			t.Errorf("ending twice: %d, want 409", r.Status)
		}
		if st, _ := addUpdate(t, e, domain.RoleEditor, id, "", "terlambat"); st != http.StatusConflict {
			t.Errorf("update after the end: %d, want 409", st)
		}
		_, _, page = liveGet(t, e.URL+path)
		if !strings.Contains(page, "Laporan langsung selesai") {
			t.Error("an ended report does not say Laporan langsung selesai")
		}
		if ld := ldOf(t, page); ld["coverageEndTime"] == nil {
			t.Errorf("JSON-LD of an ended report has no coverageEndTime: %v", ld)
		}
	})
}

// A live update changes only its article's page: that page shows it at
// once (cached for an hour before), while the cached home, channel and
// other article pages stay cached (a count changed behind the cache's back
// does not show on them, and no page is rendered again).
func TestLiveUpdateDropsOnlyItsArticlesPage(t *testing.T) {
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		e := nrtest.New(t, st, func(c *app.Config) { c.Site.PageCacheTTL = time.Hour; c.Site.FragmentTTL = time.Hour })
		id, path := liveArticle(t, e, "Hitung Cepat Pilkada Jakarta")
		otherID := e.CreateArticle(t, map[string]any{"title": "Harga Beras Turun", "category": "nasional", "status": "published",
			"body": "Harga beras di pasar induk turun."})
		var other struct {
			Slug string `json:"slug"`
		}
		e.API(t, domain.RoleEditor, "GET", fmt.Sprintf("/articles/%d", otherID), nil).Data(t, &other)
		lists := []string{"/", "/kanal/nasional", "/berita/" + other.Slug}
		cached := map[string]string{}
		for _, p := range append(lists, path) {
			code, _, page := liveGet(t, e.URL+p)
			if code != http.StatusOK {
				t.Fatalf("%s: %d", p, code)
			}
			cached[p] = page
		}
		if !strings.Contains(cached["/"], "Hitung Cepat Pilkada Jakarta") || !strings.Contains(cached["/kanal/nasional"], "Hitung Cepat Pilkada Jakarta") {
			t.Fatal("the live article is not on the home and channel pages")
		}
		// Counts changed behind the caches' back show only on a page that is
		// rendered again.
		if err := st.SetCounters(ctx, id, 98765, 0, 0); err != nil {
			t.Fatal(err)
		}
		if err := st.SetCounters(ctx, otherID, 45678, 0, 0); err != nil {
			t.Fatal(err)
		}
		_, missesBefore := e.App.Site.PageCacheStats()
		code, u := addUpdate(t, e, domain.RoleEditor, id, "TPS dibuka", "Pemungutan suara dimulai pukul 07.00.")
		if code != http.StatusCreated {
			t.Fatalf("add update: %d", code)
		}
		for _, p := range lists {
			if _, _, page := liveGet(t, e.URL+p); page != cached[p] {
				t.Errorf("a live update on another article dropped the cached page %s", p)
			}
		}
		if _, misses := e.App.Site.PageCacheStats(); misses != missesBefore {
			t.Errorf("a live update made %d pages render again, want none", misses-missesBefore)
		}
		_, _, page := liveGet(t, e.URL+path)
		if !strings.Contains(page, "TPS dibuka") || !strings.Contains(page, "98.765") {
			t.Error("the live article's cached page does not show the new update at once")
		}
		// Removing the update shows at once too; the lists stay cached.
		if r := e.API(t, domain.RoleEditor, "DELETE", fmt.Sprintf("/articles/%d/live/updates/%d", id, u), nil); r.Status/100 != 2 {
			t.Fatalf("delete update: %d %s", r.Status, r.Body)
		}
		if _, _, page := liveGet(t, e.URL+path); strings.Contains(page, "TPS dibuka") {
			t.Error("the removed update still shows on the live article's page")
		}
		if _, _, page := liveGet(t, e.URL+"/"); page != cached["/"] {
			t.Error("removing a live update dropped the cached home page")
		}
		// A correction note shows on its article's page alone: that page at
		// once, the lists stay cached.
		if r := e.API(t, domain.RoleEditor, "POST", fmt.Sprintf("/articles/%d/notes", id), map[string]any{"kind": "correction",
			"body": "Jumlah TPS yang benar 14.835."}); r.Status != http.StatusCreated {
			t.Fatalf("add note: %d %s", r.Status, r.Body)
		}
		if _, _, page := liveGet(t, e.URL+path); !strings.Contains(page, "Jumlah TPS yang benar 14.835.") {
			t.Error("the correction note does not show on its article's cached page at once")
		}
		for _, p := range lists {
			if _, _, page := liveGet(t, e.URL+p); page != cached[p] {
				t.Errorf("a correction note on another article dropped the cached page %s", p)
			}
		}
		// Any other article write still drops the lists: they change.
		if r := e.API(t, domain.RoleEditor, "PATCH", fmt.Sprintf("/articles/%d", otherID), map[string]any{"title": "Harga Beras Turun Lagi"}); r.Status != http.StatusOK {
			t.Fatalf("edit article: %d %s", r.Status, r.Body)
		}
		if _, _, page := liveGet(t, e.URL+"/"); !strings.Contains(page, "Harga Beras Turun Lagi") {
			t.Error("an article edit did not drop the cached home page")
		}
	})
}

// Who may do what: editors start and end reports and change any update;
// writers post on their own articles' reports and change only their own
// updates; moderators nothing.
func TestLiveReportRoles(t *testing.T) {
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		e := nrtest.New(t, st)
		r := e.API(t, domain.RoleWriter, "POST", "/articles", map[string]any{"title": "Liputan Banjir Bekasi", "category": "nasional"})
		var own struct {
			ID int64 `json:"id"`
		}
		r.Data(t, &own)
		if r := e.API(t, domain.RoleWriter, "POST", fmt.Sprintf("/articles/%d/live", own.ID), nil); r.Status != http.StatusForbidden {
			t.Errorf("writer starts a report: %d, want 403", r.Status)
		}
		if r := e.API(t, domain.RoleEditor, "POST", fmt.Sprintf("/articles/%d/live", own.ID), nil); r.Status != http.StatusOK {
			t.Fatalf("editor starts a report: %d", r.Status)
		}
		theirs, _ := liveArticle(t, e, "Liputan Editor")
		if st, _ := addUpdate(t, e, domain.RoleWriter, theirs, "", "bukan artikel saya"); st != http.StatusForbidden {
			t.Errorf("writer posts on another's report: %d, want 403", st)
		}
		if st, _ := addUpdate(t, e, domain.RoleModerator, own.ID, "", "moderator"); st != http.StatusForbidden {
			t.Errorf("moderator posts: %d, want 403", st)
		}
		st1, mine := addUpdate(t, e, domain.RoleWriter, own.ID, "", "Air setinggi 1 meter.")
		_, eds := addUpdate(t, e, domain.RoleEditor, own.ID, "", "Catatan editor.")
		if st1 != http.StatusCreated || eds == 0 {
			t.Fatalf("posting on the writer's report: %d", st1)
		}
		path := func(u int64) string { return fmt.Sprintf("/articles/%d/live/updates/%d", own.ID, u) }
		if r := e.API(t, domain.RoleWriter, "PATCH", path(mine), map[string]string{"body": "Air setinggi 1,5 meter."}); r.Status != http.StatusOK {
			t.Errorf("writer edits own update: %d %s", r.Status, r.Body)
		}
		if r := e.API(t, domain.RoleWriter, "PATCH", path(eds), map[string]string{"body": "diubah"}); r.Status != http.StatusForbidden {
			t.Errorf("writer edits the editor's update: %d, want 403", r.Status)
		}
		if r := e.API(t, domain.RoleWriter, "DELETE", path(eds), nil); r.Status != http.StatusForbidden {
			t.Errorf("writer deletes the editor's update: %d, want 403", r.Status)
		}
		if r := e.API(t, domain.RoleEditor, "DELETE", path(mine), nil); r.Status != http.StatusNoContent {
			t.Errorf("editor deletes the writer's update: %d", r.Status)
		}
		var rep struct {
			Updates []struct {
				ID int64 `json:"id"`
			} `json:"updates"`
		}
		e.API(t, domain.RoleWriter, "GET", fmt.Sprintf("/articles/%d/live", own.ID), nil).Data(t, &rep)
		if len(rep.Updates) != 1 || rep.Updates[0].ID != eds {
			t.Errorf("after the deletion the report lists %v", rep.Updates)
		}
		if r := e.API(t, domain.RoleWriter, "POST", fmt.Sprintf("/articles/%d/live/end", own.ID), nil); r.Status != http.StatusForbidden {
			t.Errorf("writer ends a report: %d, want 403", r.Status)
		}
	})
}

// sseEvent is one Server-Sent Event as a reader's browser gets it.
type sseEvent struct {
	id, name, data string
}

// sseStream reads a live stream's events in the background.
type sseStream struct {
	resp   *http.Response
	events chan sseEvent
}

func openStream(t *testing.T, url, lastID string) *sseStream {
	t.Helper()
	req, _ := http.NewRequest("GET", url, nil)
	if lastID != "" {
		req.Header.Set("Last-Event-ID", lastID)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	s := &sseStream{resp: resp, events: make(chan sseEvent, 100)}
	t.Cleanup(func() { resp.Body.Close() })
	go func() {
		defer close(s.events)
		sc := bufio.NewScanner(resp.Body)
		sc.Buffer(make([]byte, 64<<10), 1<<20)
		var ev sseEvent
		for sc.Scan() {
			line := sc.Text()
			switch {
			case line == "":
				if ev.name != "" {
					s.events <- ev
				}
				ev = sseEvent{}
			case strings.HasPrefix(line, "id: "):
				ev.id = line[4:]
			case strings.HasPrefix(line, "event: "):
				ev.name = line[7:]
			case strings.HasPrefix(line, "data: "):
				ev.data = line[6:]
			}
		}
	}()
	return s
}

// next returns the stream's next event; ok is false when the stream ended.
// The 10 s bound only keeps a broken stream from hanging the test.
func (s *sseStream) next(t *testing.T) (sseEvent, bool) {
	t.Helper()
	select {
	case ev, ok := <-s.events:
		return ev, ok
	case <-time.After(10 * time.Second):
		t.Fatal("no event on the live stream within 10s")
		return sseEvent{}, false
	}
}

// pageSeq is the change the page shows (the stream starts after it).
func pageSeq(t *testing.T, page string) string {
	t.Helper()
	m := regexp.MustCompile(`data-seq="(\d+)"`).FindStringSubmatch(page)
	if m == nil {
		t.Fatal("live section without data-seq")
	}
	return m[1]
}

// A reader's stream gets each change as it happens, resumes after the
// last event it saw, and ends with the report.
func TestLiveStream(t *testing.T) {
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		e := nrtest.New(t, st, func(c *app.Config) { c.Site.PageCacheTTL = time.Hour })
		id, path := liveArticle(t, e, "Final Piala AFF")
		addUpdate(t, e, domain.RoleEditor, id, "Kick-off", "Pertandingan dimulai.")
		_, _, page := liveGet(t, e.URL+path)
		seq := pageSeq(t, page)

		s := openStream(t, e.URL+path+"/langsung?sejak="+seq, "")
		if ct := s.resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/event-stream") {
			t.Fatalf("stream Content-Type %q", ct)
		}
		if cc := s.resp.Header.Get("Cache-Control"); cc != "no-store" {
			t.Errorf("stream Cache-Control %q, want no-store", cc)
		}
		if s.resp.Header.Get("ETag") != "" || s.resp.Header.Get("Content-Encoding") != "" {
			t.Error("the stream went through the conditional or compressing layer")
		}
		_, goal := addUpdate(t, e, domain.RoleEditor, id, "GOL!", "Indonesia unggul 1-0.")
		ev, _ := s.next(t)
		if ev.name != "update" || !strings.Contains(ev.data, "Indonesia unggul 1-0") || !strings.Contains(ev.data, `"id":`+strconv.FormatInt(goal, 10)) {
			t.Fatalf("first event %+v", ev)
		}
		if strings.Contains(ev.data, "Pertandingan dimulai") {
			t.Error("the stream repeated what the page already showed")
		}
		lastSeen := ev.id
		s.resp.Body.Close() // the reader's connection drops

		// Meanwhile: an edit, a deletion, a new update.
		if r := e.API(t, domain.RoleEditor, "PATCH", fmt.Sprintf("/articles/%d/live/updates/%d", id, goal),
			map[string]string{"body": "Indonesia unggul 1-0 lewat sundulan."}); r.Status != http.StatusOK {
			t.Fatalf("edit: %d", r.Status)
		}
		_, half := addUpdate(t, e, domain.RoleEditor, id, "", "Turun minum.")
		if r := e.API(t, domain.RoleEditor, "DELETE", fmt.Sprintf("/articles/%d/live/updates/%d", id, half), nil); r.Status != http.StatusNoContent {
			t.Fatalf("delete: %d", r.Status)
		}
		// The browser reconnects with Last-Event-ID (and the old ?sejak).
		s = openStream(t, e.URL+path+"/langsung?sejak="+seq, lastSeen)
		var got []string
		for range 2 {
			ev, ok := s.next(t)
			if !ok {
				t.Fatal("stream ended early")
			}
			got = append(got, ev.name+":"+ev.data)
		}
		if !strings.HasPrefix(got[0], "update:") || !strings.Contains(got[0], "lewat sundulan") ||
			got[1] != fmt.Sprintf(`delete:{"id":%d}`, half) {
			t.Errorf("after reconnecting the reader got %q", got)
		}
		// The end reaches the stream, which then closes.
		e.API(t, domain.RoleEditor, "POST", fmt.Sprintf("/articles/%d/live/end", id), nil)
		ev, _ = s.next(t)
		if ev.name != "status" || !strings.Contains(ev.data, `"ended":true`) || !strings.Contains(ev.data, "Laporan langsung selesai") {
			t.Errorf("end event %+v", ev)
		}
		if _, ok := s.next(t); ok {
			t.Error("the stream stays open after the report ended")
		}
	})
}

// Streams are bounded per process: past the bound a reader is refused with
// a clear answer (the page itself still works), and a freed slot is reused.
func TestLiveStreamsAreBounded(t *testing.T) {
	e := nrtest.New(t, testdb.SQLite(t), func(c *app.Config) { c.Site.LiveStreams = 2 })
	_, path := liveArticle(t, e, "Gempa Cianjur")
	a := openStream(t, e.URL+path+"/langsung", "")
	b := openStream(t, e.URL+path+"/langsung", "")
	if a.resp.StatusCode != http.StatusOK || b.resp.StatusCode != http.StatusOK {
		t.Fatalf("streams within the bound: %d, %d", a.resp.StatusCode, b.resp.StatusCode)
	}
	for _, s := range []*sseStream{a, b} { // both are registered once they have sent their first event
		if ev, _ := s.next(t); ev.name != "status" {
			t.Fatalf("first event %+v", ev)
		}
	}
	code, hdr, body := liveGet(t, e.URL+path+"/langsung")
	if code != http.StatusTooManyRequests || hdr.Get("Retry-After") == "" || !strings.Contains(body, "erlalu banyak pembaca") {
		t.Errorf("stream past the bound: %d, Retry-After %q", code, hdr.Get("Retry-After"))
	}
	if code, _, _ := liveGet(t, e.URL+path); code != http.StatusOK {
		t.Errorf("the page itself: %d", code)
	}
	a.resp.Body.Close()
	for deadline := time.Now().Add(5 * time.Second); ; time.Sleep(20 * time.Millisecond) {
		if e.App.Site.LiveStreams() < 2 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("a closed stream keeps its slot")
		}
	}
	c := openStream(t, e.URL+path+"/langsung", "")
	if c.resp.StatusCode != http.StatusOK {
		t.Errorf("stream after one closed: %d", c.resp.StatusCode)
	}
}

// Several processes over one PostgreSQL: an update written through one
// reaches the streams and the cached pages of another.
func TestLiveUpdateReachesAnotherProcess(t *testing.T) {
	dsn := testdb.PostgresURL(t)
	ctx := context.Background()
	a := startProcess(t, dsn, time.Hour)
	b := startProcess(t, dsn, time.Hour)
	awaitListeners(t, dsn, 2)
	cat, err := a.st.CreateCategory(ctx, domain.Category{Name: "Nasional", Position: 1})
	if err != nil {
		t.Fatal(err)
	}
	id, err := a.st.CreateArticle(ctx, store.ArticleInput{Title: "Erupsi Gunung Lewotobi", CategoryID: cat,
		Status: domain.StatusPublished, PublishedAt: time.Now().Add(-time.Hour)})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.st.StartLive(ctx, id); err != nil {
		t.Fatal(err)
	}
	page := b.srv.URL + "/berita/erupsi-gunung-lewotobi"
	// B caches the page once the report shows there.
	for deadline := time.Now().Add(5 * time.Second); ; time.Sleep(50 * time.Millisecond) {
		if _, _, p := liveGet(t, page); strings.Contains(p, "data-live=") {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("B never showed the live report")
		}
	}
	_, _, p := liveGet(t, page)
	s := openStream(t, page+"/langsung?sejak="+pageSeq(t, p), "")
	if s.resp.StatusCode != http.StatusOK {
		t.Fatalf("stream on B: %d", s.resp.StatusCode)
	}
	// B's cached home page shows the article: the update does not drop it
	// (a count changed behind the caches' back would show if it did).
	home := b.home(t)
	if err := a.st.SetCounters(ctx, id, 98765, 0, 0); err != nil {
		t.Fatal(err)
	}
	if _, err := a.st.AddLiveUpdate(ctx, domain.LiveUpdate{ArticleID: id, BodySource: "x",
		BodyHTML: "<p>Kolom abu setinggi 2.000 meter.</p>"}); err != nil {
		t.Fatal(err)
	}
	for {
		ev, ok := s.next(t)
		if !ok {
			t.Fatal("B's stream ended")
		}
		if ev.name == "update" {
			if !strings.Contains(ev.data, "Kolom abu setinggi 2.000 meter.") {
				t.Errorf("B's stream got %+v", ev)
			}
			break
		}
	}
	if _, _, p := liveGet(t, page); !strings.Contains(p, "Kolom abu setinggi 2.000 meter.") {
		t.Error("B's cached page (TTL 1 hour) does not show the update written through A")
	}
	if b.home(t) != home {
		t.Error("a live update through A dropped B's cached home page")
	}
}

// Editors flag an article as breaking news until a time: a ticker shows it
// on every reader page (the page cache drops at once), and it goes away when
// unflagged or when its time is up, even from pages cached for an hour.
func TestBreakingTicker(t *testing.T) {
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		e := nrtest.New(t, st, func(c *app.Config) { c.Site.PageCacheTTL = time.Hour; c.Site.FragmentTTL = time.Hour })
		flagged := e.CreateArticle(t, map[string]any{"title": "Gempa M6,2 Guncang Sumedang", "category": "nasional", "status": "published"})
		e.CreateArticle(t, map[string]any{"title": "Harga Cabai Turun", "category": "teknologi", "status": "published"})
		pages := []string{"/", "/kanal/teknologi", "/berita/harga-cabai-turun", "/berita/gempa-m62-guncang-sumedang", "/cari?q=cabai", "/tidak-ada"}
		ticker := func(path string) bool {
			_, _, p := liveGet(t, e.URL+path)
			i := strings.Index(p, "data-ticker>")
			return i >= 0 && strings.Contains(p[i:], "Gempa M6,2 Guncang Sumedang")
		}
		for _, p := range pages { // cached without a ticker
			if ticker(p) {
				t.Fatalf("%s shows a ticker before anything is breaking", p)
			}
		}
		patch := func(role domain.Role, fields map[string]any) nrtest.Response {
			return e.API(t, role, "PATCH", fmt.Sprintf("/articles/%d", flagged), fields)
		}
		until := time.Now().Add(time.Hour).Truncate(time.Second)
		if r := patch(domain.RoleEditor, map[string]any{"breaking": true, "breaking_until": until.Format(time.RFC3339)}); r.Status != http.StatusOK {
			t.Fatalf("flag: %d %s", r.Status, r.Body)
		}
		for _, p := range pages {
			if !ticker(p) {
				t.Errorf("%s does not show the breaking-news ticker", p)
			}
		}
		var a struct {
			BreakingUntil string `json:"breaking_until"`
		}
		e.API(t, domain.RoleEditor, "GET", fmt.Sprintf("/articles/%d", flagged), nil).Data(t, &a)
		if got, err := time.Parse(time.RFC3339, a.BreakingUntil); err != nil || !got.Equal(until) {
			t.Errorf("breaking_until = %q, want %v", a.BreakingUntil, until)
		}
		// Bad ends are refused; writers may not set one.
		for _, v := range []string{"kemarin", time.Now().Add(-time.Minute).Format(time.RFC3339), time.Now().Add(8 * 24 * time.Hour).Format(time.RFC3339)} {
			if r := patch(domain.RoleEditor, map[string]any{"breaking": true, "breaking_until": v}); r.Status != http.StatusBadRequest {
				t.Errorf("breaking_until %q: %d, want 400", v, r.Status)
			}
		}
		r := e.API(t, domain.RoleWriter, "POST", "/articles", map[string]any{"title": "Draf Penulis", "category": "nasional"})
		var own struct {
			ID int64 `json:"id"`
		}
		r.Data(t, &own)
		if r := e.API(t, domain.RoleWriter, "PATCH", fmt.Sprintf("/articles/%d", own.ID),
			map[string]any{"breaking_until": until.Format(time.RFC3339)}); r.Status != http.StatusForbidden {
			t.Errorf("writer sets breaking_until: %d, want 403", r.Status)
		}
		// Unflagged: gone from every page at once.
		if r := patch(domain.RoleEditor, map[string]any{"breaking": false}); r.Status != http.StatusOK {
			t.Fatalf("unflag: %d", r.Status)
		}
		for _, p := range pages {
			if ticker(p) {
				t.Errorf("%s still shows the ticker after unflagging", p)
			}
		}
		// Flagged without an end: six hours.
		patch(domain.RoleEditor, map[string]any{"breaking": true})
		e.API(t, domain.RoleEditor, "GET", fmt.Sprintf("/articles/%d", flagged), nil).Data(t, &a)
		if got, _ := time.Parse(time.RFC3339, a.BreakingUntil); time.Until(got) < 5*time.Hour+59*time.Minute || time.Until(got) > 6*time.Hour {
			t.Errorf("default end %q, want six hours from now", a.BreakingUntil)
		}
		// An end a moment away: the pages (cached for an hour) drop the
		// ticker and the article's label once it passes.
		soon := time.Now().Add(2 * time.Second)
		if r := patch(domain.RoleEditor, map[string]any{"breaking": true, "breaking_until": soon.Format(time.RFC3339Nano)}); r.Status != http.StatusOK {
			t.Fatalf("flag until soon: %d %s", r.Status, r.Body)
		}
		if !ticker("/") {
			t.Fatal("home page shows no ticker")
		}
		for deadline := time.Now().Add(10 * time.Second); ticker("/") || ticker("/berita/harga-cabai-turun"); time.Sleep(100 * time.Millisecond) {
			if time.Now().After(deadline) {
				t.Fatal("the ticker outlives its end by 8 seconds on pages cached for an hour")
			}
		}
		if _, _, p := liveGet(t, e.URL+"/berita/gempa-m62-guncang-sumedang"); strings.Contains(p, `<p class="breaking">`) {
			t.Error("the article still carries the Breaking News label after its end")
		}
	})
}

// Breaking news leads the home page only while it is breaking: once its
// end passed, a featured story takes its place by time among the featured
// ones, and one that was a headline only for being breaking leaves the top.
func TestExpiredBreakingNewsLeavesTheTopOfTheHomePage(t *testing.T) {
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		e := nrtest.New(t, st)
		cat := int64(1)
		now := time.Now()
		for _, a := range []store.ArticleInput{
			{Title: "Gempa Guncang Sumedang", Breaking: true, BreakingUntil: now.Add(time.Hour), PublishedAt: now.Add(-4 * time.Hour)},
			{Title: "Timnas Lolos ke Final", Featured: true, PublishedAt: now.Add(-2 * time.Hour)},
			{Title: "Banjir Rendam Bekasi", Featured: true, Breaking: true, BreakingUntil: now.Add(-time.Minute), PublishedAt: now.Add(-3 * time.Hour)},
			{Title: "Kebakaran Pasar Senen", Breaking: true, BreakingUntil: now.Add(-time.Minute), PublishedAt: now.Add(-time.Hour)},
		} {
			a.CategoryID, a.Status, a.Excerpt = cat, domain.StatusPublished, "Ringkasan."
			if _, err := st.CreateArticle(ctx, a); err != nil {
				t.Fatal(err)
			}
		}
		_, _, page := liveGet(t, e.URL+"/")
		_, top, ok := strings.Cut(page, `<div class="front-top">`) // after the ticker, which shows breaking news too
		top, _, ok2 := strings.Cut(top, `<div class="front-side">`)
		if !ok || !ok2 {
			t.Fatal("no front section on the home page")
		}
		var order []string
		for _, title := range []string{"Gempa Guncang Sumedang", "Timnas Lolos ke Final", "Banjir Rendam Bekasi", "Kebakaran Pasar Senen"} {
			if i := strings.Index(top, title); i >= 0 {
				order = append(order, fmt.Sprintf("%d %s", i, title))
			}
		}
		lead, _, _ := strings.Cut(top, `<section class="secondary"`)
		if !strings.Contains(lead, "Gempa Guncang Sumedang") || !strings.Contains(lead, "Breaking News") {
			t.Errorf("the lead is not the breaking news: %v", order)
		}
		if strings.Contains(lead, "Banjir Rendam Bekasi") || strings.Contains(lead, "Kebakaran Pasar Senen") {
			t.Errorf("breaking news whose end passed leads the home page: %v", order)
		}
		timnas, banjir := strings.Index(top, "Timnas Lolos ke Final"), strings.Index(top, "Banjir Rendam Bekasi")
		if timnas < 0 || banjir < 0 || banjir < timnas {
			t.Errorf("the featured stories are not newest first once breaking ended: %v", order)
		}
		if strings.Contains(top, "Kebakaran Pasar Senen") {
			t.Errorf("a story that was a headline only for breaking news stays at the top after its end: %v", order)
		}
		if !strings.Contains(page, "Kebakaran Pasar Senen") {
			t.Error("the story whose breaking ended is gone from the home page altogether")
		}
	})
}

// A server shutting down ends its live streams at once instead of waiting
// for them (the browsers reconnect to another process).
func TestLiveStreamsEndAtShutdown(t *testing.T) {
	e := nrtest.New(t, testdb.SQLite(t))
	_, path := liveArticle(t, e, "Arus Mudik Lebaran")
	s := openStream(t, e.URL+path+"/langsung?sejak=99999", "")
	if s.resp.StatusCode != http.StatusOK {
		t.Fatalf("stream: %d", s.resp.StatusCode)
	}
	if err := e.Stop(); err != nil {
		t.Fatalf("shutdown with an open stream: %v", err)
	}
	for {
		if _, ok := s.next(t); !ok {
			break // the stream ended
		}
	}
}

// Deleting a live article ends its readers' streams.
func TestLiveStreamEndsWhenTheArticleIsDeleted(t *testing.T) {
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		e := nrtest.New(t, st)
		id, path := liveArticle(t, e, "Laporan Yang Dihapus")
		s := openStream(t, e.URL+path+"/langsung?sejak=99999", "")
		if s.resp.StatusCode != http.StatusOK {
			t.Fatalf("stream: %d", s.resp.StatusCode)
		}
		// The stream is registered once the hub knows it: an update proves it.
		addUpdate(t, e, domain.RoleEditor, id, "", "Sebelum dihapus.")
		if ev, _ := s.next(t); ev.name != "update" {
			t.Fatalf("first event %+v", ev)
		}
		if r := e.API(t, domain.RoleEditor, "DELETE", fmt.Sprintf("/articles/%d", id), nil); r.Status != http.StatusNoContent {
			t.Fatalf("delete: %d", r.Status)
		}
		for {
			if _, ok := s.next(t); !ok {
				break
			}
		}
	})
}
