package server_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"warta/internal/app"
	"warta/internal/domain"
	"warta/internal/engage"
	"warta/internal/store"
	"warta/internal/testdb"
	"warta/internal/web"
)

// reader is one browser: its own User-Agent and cookie jar.
type reader struct {
	t      *testing.T
	base   string
	ua     string
	client *http.Client
	xff    string // X-Forwarded-For sent with every request, when set
}

func (e *env) reader(t *testing.T, name string) *reader {
	jar, _ := cookiejar.New(nil)
	return &reader{t: t, base: e.srv.URL, ua: "Mozilla/5.0 (Linux; Android 13; " + name + ") AppleWebKit/537.36 Chrome/120 Mobile Safari/537.36",
		client: &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
}

type answer struct {
	code int
	h    http.Header
	body string
}

func (a answer) json(t *testing.T, v any) {
	t.Helper()
	if err := json.Unmarshal([]byte(a.body), v); err != nil {
		t.Fatalf("answer %d is not JSON: %v: %q", a.code, err, a.body)
	}
}

func (r *reader) do(method, path, ctype string, body io.Reader, hdr ...string) answer {
	r.t.Helper()
	req, err := http.NewRequest(method, r.base+path, body)
	if err != nil {
		r.t.Fatal(err)
	}
	req.Header.Set("User-Agent", r.ua)
	if r.xff != "" {
		req.Header.Set("X-Forwarded-For", r.xff)
	}
	if ctype != "" {
		req.Header.Set("Content-Type", ctype)
	}
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	resp, err := r.client.Do(req)
	if err != nil {
		r.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return answer{resp.StatusCode, resp.Header, string(b)}
}

func (r *reader) get(path string) answer { return r.do("GET", path, "", nil) }

func (r *reader) postJSON(path string, v any) answer {
	b, _ := json.Marshal(v)
	return r.do("POST", path, "application/json", bytes.NewReader(b))
}

// send posts JSON as the site's script and any API client with a cookie
// jar does: a first answer "cookie_required" came with the reader cookie, so
// the same request goes once more.
func (r *reader) send(path string, v any) answer {
	r.t.Helper()
	a := r.postJSON(path, v)
	if a.code == 400 && strings.Contains(a.body, `"cookie_required"`) {
		a = r.postJSON(path, v)
	}
	return a
}

func (r *reader) postForm(path string, form url.Values, hdr ...string) answer {
	return r.do("POST", path, "application/x-www-form-urlencoded", strings.NewReader(form.Encode()), hdr...)
}

const mainSlug = "/berita/pemerintah-umumkan-kebijakan-pertahanan-baru"

func TestViewsAreExactUnderConcurrency(t *testing.T) {
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		e := newEnv(t, st)
		id := e.ids["main"]
		const readers, perReader = 60, 4
		var wg sync.WaitGroup
		for i := 0; i < readers; i++ {
			wg.Add(1)
			go func(i int) {
				defer wg.Done()
				r := e.reader(t, fmt.Sprintf("pembaca-%d", i))
				for j := 0; j < perReader; j++ {
					// Each reader opens the main article repeatedly (counted
					// once) and one other article (counted once).
					if a := r.get(mainSlug); a.code != 200 {
						t.Errorf("status %d", a.code)
					}
				}
				r.get("/berita/dpr-bahas-anggaran-pertahanan")
			}(i)
		}
		for _, ua := range []string{"Googlebot/2.1 (+http://www.google.com/bot.html)", "", "curl/8.0", "facebookexternalhit/1.1",
			"Mozilla/5.0 (X11; Linux x86_64) HeadlessChrome/120.0"} {
			req, _ := http.NewRequest("GET", e.srv.URL+mainSlug, nil)
			req.Header.Set("User-Agent", ua)
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
		}
		wg.Wait()
		// Before anything is written, the page and the API already show the
		// same live count.
		// (A read that falls between a flush's commit and its bookkeeping
		// may be off for a moment; the next one is exact.)
		var live struct{ Data struct{ Views int64 } }
		for try := 0; try < 3; try++ {
			e.reader(t, "api-live").get(fmt.Sprintf("/api/v1/articles/%d", id)).json(t, &live)
			if live.Data.Views == 242+readers {
				break
			}
		}
		if live.Data.Views != 242+readers {
			t.Errorf("API views before flush = %d, want %d", live.Data.Views, 242+readers)
		}
		// A graceful stop writes what is buffered.
		e.stop()
		c, err := st.ArticleCounts(context.Background(), id)
		if err != nil {
			t.Fatal(err)
		}
		if want := int64(242 + readers); c.Views != want {
			t.Errorf("views = %d, want %d (242 seeded + one per reader; repeats and bots not counted)", c.Views, want)
		}
		hours, err := st.ViewsPerHour(context.Background(), id, time.Now().Add(-2*time.Hour))
		if err != nil {
			t.Fatal(err)
		}
		var sum int64
		for _, h := range hours {
			sum += h.Views
		}
		if sum != readers {
			t.Errorf("hourly views = %d, want %d", sum, readers)
		}
	})
}

func TestViewCountModes(t *testing.T) {
	for _, tc := range []struct {
		mode                  engage.ViewMode
		wantPage, wantBeacons int64
	}{
		{engage.ViewsServer, 1, 0},
		{engage.ViewsBeacon, 0, 1},
		{engage.ViewsBoth, 1, 0}, // the beacon of a counted page view is not counted again
	} {
		t.Run(string(tc.mode), func(t *testing.T) {
			st := testdb.SQLite(t)
			e := newEnv(t, st, func(c *app.Config) { c.Engage.ViewMode = tc.mode })
			r := e.reader(t, "satu")
			page := r.get(mainSlug)
			if tc.mode.Beacon() != strings.Contains(page.body, `data-beacon="/api/v1/articles/`) {
				t.Errorf("beacon attribute present = %v, want %v", !tc.mode.Beacon(), tc.mode.Beacon())
			}
			e.app.Engage.Views.Flush(context.Background())
			c1, _ := st.ArticleCounts(context.Background(), e.ids["main"])
			a := r.do("POST", fmt.Sprintf("/api/v1/articles/%d/views", e.ids["main"]), "", nil)
			if a.code != 202 {
				t.Fatalf("beacon status %d: %s", a.code, a.body)
			}
			e.app.Engage.Views.Flush(context.Background())
			c2, _ := st.ArticleCounts(context.Background(), e.ids["main"])
			if c1.Views-242 != tc.wantPage || c2.Views-c1.Views != tc.wantBeacons {
				t.Errorf("page counted %d, beacon counted %d; want %d, %d", c1.Views-242, c2.Views-c1.Views, tc.wantPage, tc.wantBeacons)
			}
		})
	}
	e := newEnv(t, testdb.SQLite(t))
	if a := e.reader(t, "x").do("POST", "/api/v1/articles/99999/views", "", nil); a.code != 404 {
		t.Errorf("beacon for unknown article: %d, want 404", a.code)
	}
}

func TestReactions(t *testing.T) {
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		e := newEnv(t, st)
		id := e.ids["main"]
		path := fmt.Sprintf("/api/v1/articles/%d/reactions", id)
		r := e.reader(t, "ani")
		var got struct {
			Data struct {
				Likes, Dislikes int64
				Reaction        string
			}
		}
		for _, step := range []struct {
			kind        string
			likes, dis  int64
			wantPressed string
		}{
			{"like", 1, 0, "like"}, {"like", 1, 0, "like"}, {"dislike", 0, 1, "dislike"}, {"none", 0, 0, ""},
		} {
			a := r.send(path, map[string]string{"reaction": step.kind})
			if a.code != 200 {
				t.Fatalf("%s: %d %s", step.kind, a.code, a.body)
			}
			a.json(t, &got)
			if got.Data.Likes != step.likes || got.Data.Dislikes != step.dis || got.Data.Reaction != step.wantPressed {
				t.Errorf("after %s: %+v", step.kind, got.Data)
			}
		}
		// Hundreds of readers at once: the counts equal the reactions stored.
		const n = 200
		var wg sync.WaitGroup
		for i := 0; i < n; i++ {
			wg.Add(1)
			go func(i int) {
				defer wg.Done()
				kind := "like"
				if i%4 == 0 {
					kind = "dislike"
				}
				if a := e.reader(t, fmt.Sprintf("r%d", i)).send(path, map[string]string{"reaction": kind}); a.code != 200 {
					t.Errorf("reaction %d: %d %s", i, a.code, a.body)
				}
			}(i)
		}
		wg.Wait()
		ctx := context.Background()
		c, _ := st.ArticleCounts(ctx, id)
		likes, _ := st.CountReactions(ctx, id, "like")
		dislikes, _ := st.CountReactions(ctx, id, "dislike")
		if c.Likes != n*3/4 || c.Dislikes != n/4 || c.Likes != likes || c.Dislikes != dislikes {
			t.Errorf("counters %d/%d, stored %d/%d, want %d/%d", c.Likes, c.Dislikes, likes, dislikes, n*3/4, n/4)
		}
		// The page and the API show the same numbers at once.
		var one struct {
			Data struct{ Likes, Dislikes int64 }
		}
		e.reader(t, "api").get(fmt.Sprintf("/api/v1/articles/%d", id)).json(t, &one)
		page := e.reader(t, "page").get(mainSlug).body
		if one.Data.Likes != c.Likes || !strings.Contains(page, fmt.Sprintf("<span data-likes>%d</span>", c.Likes)) {
			t.Errorf("API likes %d, page shows %q, store %d", one.Data.Likes, between(page, "data-likes>", "<"), c.Likes)
		}
	})
}

func TestReactionFormWithoutJavaScript(t *testing.T) {
	e := newEnv(t, testdb.SQLite(t))
	r := e.reader(t, "tanpa-js")
	r.get(mainSlug) // the page gives the browser its reader cookie
	a := r.postForm(mainSlug+"/reaksi", url.Values{"reaction": {"like"}})
	if a.code != http.StatusSeeOther || !strings.HasPrefix(a.h.Get("Location"), mainSlug) {
		t.Fatalf("form post: %d %v", a.code, a.h)
	}
	page := r.get(mainSlug).body
	if !strings.Contains(page, "<span data-likes>1</span>") || !strings.Contains(page, `value="like" aria-pressed="true"><span class="sr-only">Suka</span>`) {
		t.Errorf("after liking, the page shows %q", between(page, `class="reactions"`, "</form>"))
	}
	// Pressing like again takes it back.
	r.postForm(mainSlug+"/reaksi", url.Values{"reaction": {"like"}})
	if page := r.get(mainSlug).body; !strings.Contains(page, "<span data-likes>0</span>") {
		t.Error("second press did not take the like back")
	}
	// The page's script gets JSON from the same form.
	a = r.postForm(mainSlug+"/reaksi", url.Values{"reaction": {"dislike"}}, "Accept", "application/json")
	if a.code != 200 || !strings.Contains(a.body, `"dislikes":1`) {
		t.Errorf("JSON form answer: %d %s", a.code, a.body)
	}
	// Another site's page cannot make the reader's browser react (CSRF).
	a = r.postForm(mainSlug+"/reaksi", url.Values{"reaction": {"like"}}, "Sec-Fetch-Site", "cross-site")
	if a.code != 403 {
		t.Errorf("cross-site form post: %d, want 403", a.code)
	}
}

func TestCommentsModerationAndVisibility(t *testing.T) {
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		e := newEnv(t, st)
		ctx := context.Background()
		path := fmt.Sprintf("/api/v1/articles/%d/comments", e.ids["main"])
		author, other := e.reader(t, "penulis-komentar"), e.reader(t, "pembaca-lain")
		// Default mode holds a first-time commenter.
		a := author.postJSON(path, map[string]any{"name": "Sari", "email": "sari@example.id", "text": "Komentar pertama saya.\nBaris kedua."})
		if a.code != 202 {
			t.Fatalf("first comment: %d %s, want 202 (held)", a.code, a.body)
		}
		var posted struct{ Data struct{ ID int64 } }
		a.json(t, &posted)
		if page := author.get(mainSlug).body; !strings.Contains(page, "menunggu moderasi") || !strings.Contains(page, "Komentar pertama saya.<br>") {
			t.Error("the author's browser does not see the held comment as waiting for moderation")
		}
		if page := other.get(mainSlug).body; strings.Contains(page, "Komentar pertama saya") ||
			!strings.Contains(page, "Belum ada komentar di artikel ini") {
			t.Error("another reader sees a held comment")
		}
		var list struct {
			Data       []struct{ ID int64 }
			Pagination struct{ Total int }
		}
		other.get(path).json(t, &list)
		if list.Pagination.Total != 0 {
			t.Errorf("API lists a held comment: %+v", list)
		}
		if err := st.ModerateComments(ctx, []int64{posted.Data.ID}, domain.CommentApproved); err != nil {
			t.Fatal(err)
		}
		page := other.get(mainSlug).body
		if !strings.Contains(page, "<span data-comment-count>1</span> Komentar") || !strings.Contains(page, "Komentar pertama saya.") ||
			strings.Contains(page, "sari@example.id") {
			t.Error("approved comment not shown with count 1 (or the email leaked)")
		}
		// Known commenter now: published at once (201), and a reply threads under it.
		a = author.postJSON(path, map[string]any{"name": "Sari", "email": "sari@example.id", "text": "Balasan.", "parent_id": posted.Data.ID})
		if a.code != 201 {
			t.Fatalf("known commenter: %d %s, want 201", a.code, a.body)
		}
		var threaded struct {
			Data []struct {
				ID      int64
				Replies []struct{ Text string }
			}
		}
		other.get(path).json(t, &threaded)
		if len(threaded.Data) != 1 || len(threaded.Data[0].Replies) != 1 || threaded.Data[0].Replies[0].Text != "Balasan." {
			t.Errorf("thread = %+v", threaded.Data)
		}
		c, _ := st.ArticleCounts(ctx, e.ids["main"])
		if n, _ := st.CountApprovedComments(ctx, e.ids["main"]); c.CommentCount != 2 || n != 2 {
			t.Errorf("comment_count %d, approved %d, want 2", c.CommentCount, n)
		}
		// Deleting the parent deletes the reply and the count follows.
		if err := st.DeleteComments(ctx, []int64{posted.Data.ID}); err != nil {
			t.Fatal(err)
		}
		if c, _ := st.ArticleCounts(ctx, e.ids["main"]); c.CommentCount != 0 {
			t.Errorf("after delete comment_count = %d", c.CommentCount)
		}
	})
}

func TestCommentsExactUnderConcurrency(t *testing.T) {
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		// The 150 readers share the test's one address: lift its budget.
		e := newEnv(t, st, func(c *app.Config) { c.Engage.CommentsPerIP = engage.Limit{PerMinute: 1000, Burst: 1000} })
		ctx := context.Background()
		if err := st.SetSetting(ctx, store.SettingModeration, domain.ModerationApproveAll); err != nil {
			t.Fatal(err)
		}
		path := fmt.Sprintf("/api/v1/articles/%d/comments", e.ids["main"])
		const n = 150
		var wg sync.WaitGroup
		var mu sync.Mutex
		created := 0
		for i := 0; i < n; i++ {
			wg.Add(1)
			go func(i int) {
				defer wg.Done()
				a := e.reader(t, fmt.Sprintf("k%d", i)).postJSON(path, map[string]any{"name": fmt.Sprintf("Pembaca %d", i), "text": "Setuju sekali."})
				if a.code != 201 {
					t.Errorf("comment %d: %d %s", i, a.code, a.body)
					return
				}
				mu.Lock()
				created++
				mu.Unlock()
			}(i)
		}
		wg.Wait()
		c, _ := st.ArticleCounts(ctx, e.ids["main"])
		stored, _ := st.CountApprovedComments(ctx, e.ids["main"])
		if created != n || c.CommentCount != n || stored != n {
			t.Errorf("created %d, counter %d, stored %d, want %d", created, c.CommentCount, stored, n)
		}
	})
}

func TestCommentBadInput(t *testing.T) {
	st := testdb.SQLite(t)
	e := newEnv(t, st)
	ctx := context.Background()
	st.SetSetting(ctx, store.SettingModeration, domain.ModerationApproveAll)
	st.AddBannedWord(ctx, "judol")
	path := fmt.Sprintf("/api/v1/articles/%d/comments", e.ids["main"])
	r := e.reader(t, "uji")
	for _, tc := range []struct {
		name string
		body string
		code int
		msg  string
	}{
		{"malformed JSON", `{"name": "A", "text": `, 400, "JSON tidak valid"},
		{"empty body", ``, 400, "kosong"},
		{"wrong type", `{"name": 5, "text": "x"}`, 400, "name"},
		{"missing name", `{"text": "Halo"}`, 400, "nama wajib diisi"},
		{"missing text", `{"name": "A"}`, 400, "komentar wajib diisi"},
		{"too long", `{"name": "A", "text": "` + strings.Repeat("é", 2001) + `"}`, 400, "paling panjang 2000"},
		{"too many links", `{"name": "A", "text": "http://a.id http://b.id https://c.id"}`, 400, "tautan"},
		{"bad email", `{"name": "A", "email": "bukan-email", "text": "Halo"}`, 400, "email"},
		{"reply to unknown", `{"name": "A", "text": "Halo", "parent_id": 999}`, 400, "tidak ditemukan"},
		{"oversized", `{"name": "A", "text": "` + strings.Repeat("a", 70<<10) + `"}`, 413, "terlalu besar"},
	} {
		a := r.do("POST", path, "application/json", strings.NewReader(tc.body))
		var env struct{ Error struct{ Message string } }
		json.Unmarshal([]byte(a.body), &env)
		if a.code != tc.code || !strings.Contains(strings.ToLower(env.Error.Message), strings.ToLower(tc.msg)) {
			t.Errorf("%s: %d %q, want %d with %q", tc.name, a.code, env.Error.Message, tc.code, tc.msg)
		}
	}
	if a := r.postJSON("/api/v1/articles/99999/comments", map[string]string{"name": "A", "text": "B"}); a.code != 404 {
		t.Errorf("unknown article: %d", a.code)
	}
	// Hostile text is stored as text and shown inert.
	hostile := "<script>alert(1)</script> <img src=x onerror=alert(2)> <a href=\"javascript:alert(3)\">klik</a> 🇮🇩" + strings.Repeat("\u0301", 50)
	// A NUL is refused at the edge with the reason (issue 16, M6).
	if a := r.postJSON(path, map[string]string{"name": "Nul", "text": "nul:\x00"}); a.code != 400 || !strings.Contains(a.body, "NUL") {
		t.Errorf("comment with NUL: %d %s, want 400", a.code, a.body)
	}
	a := r.postJSON(path, map[string]string{"name": "<b>Hacker</b>", "text": hostile})
	if a.code != 201 {
		t.Fatalf("hostile comment: %d %s", a.code, a.body)
	}
	page := r.get(mainSlug).body
	for _, bad := range []string{"<script>alert(1)", "<img src=x", `href="javascript:`, "<b>Hacker</b>", "\x00"} {
		if strings.Contains(page, bad) {
			t.Errorf("page contains live markup %q", bad)
		}
	}
	if !strings.Contains(page, "&lt;script&gt;alert(1)&lt;/script&gt;") || !strings.Contains(page, "&lt;b&gt;Hacker&lt;/b&gt;") {
		t.Error("hostile text is not shown as escaped text")
	}
	// Per-reader rate limit: a burst from one reader ends in 429 with Retry-After.
	var last answer
	for i := 0; i < 12; i++ {
		last = r.postJSON(path, map[string]string{"name": "Cepat", "text": fmt.Sprintf("Komentar %d", i)})
		if last.code == 429 {
			break
		}
	}
	if last.code != 429 || last.h.Get("Retry-After") == "" {
		t.Errorf("burst of comments: last %d Retry-After %q, want 429 with Retry-After", last.code, last.h.Get("Retry-After"))
	}
	if other := e.reader(t, "lain").postJSON(path, map[string]string{"name": "Lain", "text": "Halo"}); other.code != 201 {
		t.Errorf("another reader on the same IP is limited too: %d", other.code)
	}
}

func TestCommentFormDefences(t *testing.T) {
	st := testdb.SQLite(t)
	e := newEnv(t, st, func(c *app.Config) { c.Engage.MinSubmitDelay = time.Second })
	st.SetSetting(context.Background(), store.SettingModeration, domain.ModerationApproveAll)
	form := url.Values{"name": {"Budi"}, "email": {""}, "text": {"Tulisan yang bagus, terima kasih."}, "website": {""}}

	// Without the cookie the page sets, the form explains what to do.
	cold := e.reader(t, "tanpa-cookie")
	a := cold.postForm(mainSlug+"/komentar", form)
	if a.code != 400 || !strings.Contains(a.body, "aktifkan cookie") || !strings.Contains(a.body, "Tulisan yang bagus, terima kasih.</textarea>") {
		t.Errorf("no cookie: %d, message or typed text missing", a.code)
	}
	r := e.reader(t, "pembaca-form")
	r.get(mainSlug)
	// Too fast after loading the page.
	a = r.postForm(mainSlug+"/komentar", form)
	if a.code != 400 || !strings.Contains(a.body, "terlalu cepat") || !strings.Contains(a.body, `value="Budi"`) {
		t.Errorf("too fast: %d", a.code)
	}
	time.Sleep(1100 * time.Millisecond)
	// The honeypot field is filled only by bots.
	bot := url.Values{"name": {"Bot"}, "text": {"Beli sekarang"}, "website": {"http://spam.example"}}
	if a = r.postForm(mainSlug+"/komentar", bot); a.code != 400 || !strings.Contains(a.body, "spam") {
		t.Errorf("honeypot: %d", a.code)
	}
	a = r.postForm(mainSlug+"/komentar", form)
	if a.code != http.StatusSeeOther || !strings.Contains(a.h.Get("Location"), "komentar=terbit") {
		t.Fatalf("good comment: %d %v", a.code, a.h.Get("Location"))
	}
	page := r.get(a.h.Get("Location")).body
	if !strings.Contains(page, "Tulisan yang bagus, terima kasih.") || !strings.Contains(page, "<span data-comment-count>1</span>") ||
		!strings.Contains(page, "komentar Anda sudah tampil") {
		t.Error("comment not shown after the redirect")
	}
}

func TestPolls(t *testing.T) {
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		// The 121 voters share the test's one address: lift its budget, and
		// ask one vote per device too (the strict method).
		e := newEnv(t, st, func(c *app.Config) {
			c.Engage.VotesPerPollIP = engage.Limit{PerMinute: 1000, Burst: 1000}
			c.Engage.PollMethod = engage.PollCookieHash
		})
		ctx := context.Background()
		var polls struct {
			Data []struct {
				ID      int64
				State   string
				Options []struct {
					ID    int64
					Label string
					Votes int64
				}
				Total int64
			}
		}
		r := e.reader(t, "pemilih")
		r.get("/api/v1/polls").json(t, &polls)
		if len(polls.Data) != 1 || polls.Data[0].State != "open" || len(polls.Data[0].Options) != 2 {
			t.Fatalf("open polls = %+v", polls.Data)
		}
		p := polls.Data[0]
		votes := fmt.Sprintf("/api/v1/polls/%d/votes", p.ID)
		if a := r.send(votes, map[string]int64{"option_id": p.Options[0].ID}); a.code != 201 {
			t.Fatalf("vote: %d %s", a.code, a.body)
		}
		a := r.postJSON(votes, map[string]int64{"option_id": p.Options[1].ID})
		if a.code != 409 || !strings.Contains(a.body, "sudah memberikan suara") {
			t.Errorf("second vote: %d %s, want 409", a.code, a.body)
		}
		// Under cookie+hash, clearing cookies does not give a second vote:
		// the device key remembers.
		r.client.Jar, _ = cookiejar.New(nil)
		if a := r.send(votes, map[string]int64{"option_id": p.Options[1].ID}); a.code != 409 {
			t.Errorf("vote after clearing cookies: %d, want 409", a.code)
		}
		for _, tc := range []struct {
			body string
			code int
		}{
			{`{"option_id": 99999}`, 404}, {`{}`, 400}, {`{"option_id": "a"}`, 400}, {`nope`, 400},
		} {
			if a := e.reader(t, "baru").do("POST", votes, "application/json", strings.NewReader(tc.body)); a.code != tc.code {
				t.Errorf("%s: %d, want %d", tc.body, a.code, tc.code)
			}
		}
		if a := r.postJSON("/api/v1/polls/999/votes", map[string]int64{"option_id": 1}); a.code != 404 {
			t.Errorf("unknown poll: %d", a.code)
		}
		const n = 120
		var wg sync.WaitGroup
		for i := 0; i < n; i++ {
			wg.Add(1)
			go func(i int) {
				defer wg.Done()
				if a := e.reader(t, fmt.Sprintf("v%d", i)).send(votes, map[string]int64{"option_id": p.Options[i%2].ID}); a.code != 201 {
					t.Errorf("vote %d: %d %s", i, a.code, a.body)
				}
			}(i)
		}
		wg.Wait()
		got, _ := st.Poll(ctx, p.ID)
		if got.TotalVotes() != n+1 || got.Options[0].Votes != n/2+1 {
			t.Errorf("votes %d (%d for the first), want %d (%d)", got.TotalVotes(), got.Options[0].Votes, n+1, n/2+1)
		}
		var one struct {
			Data struct {
				Total   int64
				Options []struct{ Votes int64 }
			}
		}
		r.get(fmt.Sprintf("/api/v1/polls/%d", p.ID)).json(t, &one)
		if one.Data.Total != n+1 {
			t.Errorf("API total %d", one.Data.Total)
		}
	})
}

func TestPollFormShowsResultsWithoutJavaScript(t *testing.T) {
	st := testdb.SQLite(t)
	e := newEnv(t, st)
	ids, _ := st.OpenPollIDs(context.Background(), 0, 1)
	p, _ := st.Poll(context.Background(), ids[0])
	r := e.reader(t, "form-poll")
	r.get(mainSlug)
	a := r.postForm(fmt.Sprintf("/polling/%d", p.ID), url.Values{"option_id": {fmt.Sprint(p.Options[1].ID)}, "back": {mainSlug}})
	if a.code != http.StatusSeeOther || a.h.Get("Location") != mainSlug+"#polling" {
		t.Fatalf("vote form: %d %q", a.code, a.h.Get("Location"))
	}
	page := r.get(mainSlug).body
	if !strings.Contains(page, "Cemas <span class=\"small\">(pilihan Anda)</span>") || !strings.Contains(page, "100%") ||
		!strings.Contains(page, "Total 1 suara") || !strings.Contains(page, `<rect width="100" height="1"/>`) {
		t.Errorf("results after voting: %q", between(page, `id="polling"`, "</section>"))
	}
	a = r.postForm(fmt.Sprintf("/polling/%d", p.ID), url.Values{"option_id": {fmt.Sprint(p.Options[0].ID)}})
	if a.code != 409 || !strings.Contains(a.body, "Anda sudah memberikan suara") {
		t.Errorf("second vote form: %d", a.code)
	}
	// An open redirect is not possible through "back".
	r2 := e.reader(t, "redirect")
	r2.get(mainSlug)
	a = r2.postForm(fmt.Sprintf("/polling/%d", p.ID), url.Values{"option_id": {fmt.Sprint(p.Options[0].ID)}, "back": {"//evil.example/x"}})
	if loc := a.h.Get("Location"); strings.Contains(loc, "evil") {
		t.Errorf("redirected to %q", loc)
	}
	// A closed poll shows results and refuses votes.
	closed, err := st.CreatePoll(context.Background(), store.PollInput{Question: "Sudah tutup?", Options: []string{"Ya", "Tidak"},
		OpensAt: time.Now().Add(-2 * time.Hour), ClosesAt: time.Now().Add(-time.Hour)})
	if err != nil {
		t.Fatal(err)
	}
	if page := r2.get(fmt.Sprintf("/polling/%d", closed)).body; !strings.Contains(page, "Polling ini sudah ditutup") {
		t.Error("closed poll page does not say it is closed")
	}
	cp, _ := st.Poll(context.Background(), closed)
	if a := r2.postJSON(fmt.Sprintf("/api/v1/polls/%d/votes", closed), map[string]int64{"option_id": cp.Options[0].ID}); a.code != 409 {
		t.Errorf("vote in closed poll: %d, want 409", a.code)
	}
}

func between(s, from, to string) string {
	i := strings.Index(s, from)
	if i < 0 {
		return ""
	}
	s = s[i:]
	if j := strings.Index(s[len(from):], to); j >= 0 {
		return s[:len(from)+j]
	}
	return s
}

// Behind a trusted TLS-terminating proxy, reader cookies are Secure and HSTS
// is sent; over plain HTTP neither (browsers would drop Secure cookies).
func TestSecureCookiesBehindTrustedProxy(t *testing.T) {
	e := newEnv(t, testdb.SQLite(t), func(c *app.Config) { c.ClientIPs = web.NewClientIPs(true, nil) })
	r := e.reader(t, "https")
	a := r.do("GET", mainSlug, "", nil, "X-Forwarded-Proto", "https")
	if !strings.Contains(a.h.Get("Set-Cookie"), "; Secure") || a.h.Get("Strict-Transport-Security") == "" {
		t.Errorf("behind https proxy: Set-Cookie %q, HSTS %q", a.h.Get("Set-Cookie"), a.h.Get("Strict-Transport-Security"))
	}
	a = e.reader(t, "http").get(mainSlug)
	if strings.Contains(a.h.Get("Set-Cookie"), "Secure") || a.h.Get("Strict-Transport-Security") != "" {
		t.Errorf("plain http: Set-Cookie %q, HSTS %q", a.h.Get("Set-Cookie"), a.h.Get("Strict-Transport-Security"))
	}
	if !strings.Contains(a.h.Get("Content-Security-Policy"), "object-src 'none'") {
		t.Errorf("CSP = %q", a.h.Get("Content-Security-Policy"))
	}
}

// Issue 12 item 7: a banned word holds the comment for review, silently —
// the writer gets the answer of any held comment and is never told which
// word tripped the filter, even when every other comment is published at once.
func TestBannedWordHoldsSilently(t *testing.T) {
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		e := newEnv(t, st)
		ctx := context.Background()
		st.SetSetting(ctx, store.SettingModeration, domain.ModerationApproveAll)
		st.AddBannedWord(ctx, "judol")
		path := fmt.Sprintf("/api/v1/articles/%d/comments", e.ids["main"])
		a := e.reader(t, "spammer").postJSON(path, map[string]string{"name": "A", "text": "Main JUDOL yuk, pasti menang"})
		if a.code != 202 || !strings.Contains(a.body, `"status":"pending"`) || strings.Contains(a.body, "tidak diizinkan") || strings.Contains(a.body, "error") {
			t.Fatalf("banned word: %d %s, want 202 (held) without naming the word", a.code, a.body)
		}
		if b := e.reader(t, "jujur").postJSON(path, map[string]string{"name": "B", "text": "Liputan yang bagus"}); b.code != 201 {
			t.Errorf("a clean comment: %d %s", b.code, b.body)
		}
		held, _, err := st.CommentsByStatus(ctx, domain.CommentPending, domain.Page{Number: 1, Size: 10})
		if err != nil {
			t.Fatal(err)
		}
		if len(held) != 1 || !strings.Contains(held[0].Body, "JUDOL") {
			t.Errorf("moderation queue %+v, want the banned-word comment held", held)
		}
	})
}
