package server_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/cookiejar"
	"net/netip"
	"net/url"
	"strings"
	"testing"
	"time"

	"warta/internal/app"
	"warta/internal/domain"
	"warta/internal/engage"
	"warta/internal/store"
	"warta/internal/testdb"
	"warta/internal/web"
)

func openPoll(t *testing.T, st *store.Store) domain.Poll {
	t.Helper()
	ids, err := st.OpenPollIDs(context.Background(), 0, 1)
	if err != nil || len(ids) == 0 {
		t.Fatalf("open poll: %v %v", ids, err)
	}
	p, err := st.Poll(context.Background(), ids[0])
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// voteFrom has n fresh browsers (own cookie jar, own User-Agent), each
// with the given X-Forwarded-For, load the article and vote; it returns how
// many votes counted and how many were refused with 429.
func voteFrom(t *testing.T, e *env, p domain.Poll, n int, name string, xff func(i int) string) (counted, refused int) {
	t.Helper()
	path := fmt.Sprintf("/api/v1/polls/%d/votes", p.ID)
	for i := 0; i < n; i++ {
		r := e.reader(t, fmt.Sprintf("%s-%d", name, i))
		r.xff = xff(i)
		r.get(mainSlug)
		switch a := r.send(path, map[string]int64{"option_id": p.Options[i%2].ID}); a.code {
		case 201:
			counted++
		case 429:
			refused++
			if a.h.Get("Retry-After") == "" {
				t.Errorf("429 without Retry-After")
			}
		default:
			t.Fatalf("vote %d: %d %s", i, a.code, a.body)
		}
	}
	return counted, refused
}

// Issue 16 M3/M4: behind --trust-proxy the client wrote the leftmost
// X-Forwarded-For entries; the proxy appended the real address. 30 votes
// with forged entries and 30 User-Agents are one client's, and its
// per-address budget holds (5 here, to keep the test small).
func TestForgedForwardedForCountsAsOneClient(t *testing.T) {
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		e := newEnv(t, st, func(c *app.Config) {
			c.ClientIPs = web.NewClientIPs(true, nil) // the test server's peer is loopback: a trusted proxy
			c.Engage.VotesPerIP = engage.Limit{PerMinute: 0.001, Burst: 5}
		})
		p := openPoll(t, st)
		counted, refused := voteFrom(t, e, p, 30, "pemalsu", func(i int) string { return fmt.Sprintf("6.6.%d.%d, 203.0.113.7", i, i+1) })
		if counted != 5 || refused != 25 {
			t.Errorf("forged X-Forwarded-For: %d votes counted, %d refused; want 5 and 25 (one client)", counted, refused)
		}
		// 30 readers at 30 real addresses are 30 clients.
		counted, refused = voteFrom(t, e, p, 30, "jujur", func(i int) string { return fmt.Sprintf("198.51.100.%d", i+1) })
		if counted != 30 || refused != 0 {
			t.Errorf("30 real addresses: %d counted, %d refused; want 30 and 0", counted, refused)
		}
		got, _ := st.Poll(context.Background(), p.ID)
		if got.TotalVotes() != 35 {
			t.Errorf("%d votes stored, want 35", got.TotalVotes())
		}
	})
}

// A peer outside the trusted proxy ranges is the client, whatever
// X-Forwarded-For it sends.
func TestUntrustedPeerCannotClaimAnotherAddress(t *testing.T) {
	e := newEnv(t, testdb.SQLite(t), func(c *app.Config) {
		c.ClientIPs = web.NewClientIPs(true, []netip.Prefix{netip.MustParsePrefix("10.0.0.0/8")})
		c.Engage.VotesPerIP = engage.Limit{PerMinute: 0.001, Burst: 5}
	})
	counted, refused := voteFrom(t, e, openPoll(t, e.st), 12, "luar", func(i int) string { return fmt.Sprintf("198.51.100.%d", i+1) })
	if counted != 5 || refused != 7 {
		t.Errorf("untrusted peer: %d counted, %d refused; want 5 and 7", counted, refused)
	}
}

// Issue 9: logins use the same client-IP rule. Behind a proxy, 25 failed
// logins from one client (forging the leftmost entries) lock that client
// out, not the whole newsroom: an editor elsewhere logs in with the right
// password.
func TestLoginLimitsUseTheOneClientIPRule(t *testing.T) {
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		e := newEnv(t, st, func(c *app.Config) { c.ClientIPs = web.NewClientIPs(true, nil) })
		if _, err := e.app.Editorial.AddUser(ctx, "eko@warta.test", "Eko Editor", domain.RoleEditor, "sandi-yang-benar-sekali"); err != nil {
			t.Fatal(err)
		}
		login := func(r *reader, email, password string) answer {
			t.Helper()
			u, _ := url.Parse(e.srv.URL + "/redaksi/masuk")
			r.client.Jar.SetCookies(u, []*http.Cookie{{Name: "warta_masuk", Value: "tok", Path: "/redaksi/masuk"}})
			return r.postForm("/redaksi/masuk", url.Values{"email": {email}, "password": {password}, "csrf": {"tok"}})
		}
		attacker := e.reader(t, "penyerang")
		for i := 0; i < 25; i++ {
			attacker.xff = fmt.Sprintf("10.%d.0.1, 6.6.6.%d, 203.0.113.66", i, i)
			login(attacker, fmt.Sprintf("tebak%d@warta.test", i), "salah")
		}
		if a := login(attacker, "eko@warta.test", "sandi-yang-benar-sekali"); a.code != 429 {
			t.Errorf("the guessing client, forging X-Forwarded-For: %d, want 429", a.code)
		}
		editor := e.reader(t, "editor")
		editor.xff = "198.51.100.20"
		if a := login(editor, "eko@warta.test", "sandi-yang-benar-sekali"); a.code != http.StatusSeeOther {
			t.Errorf("an editor at another address with the right password: %d, want 303 (logged in)", a.code)
		}
	})
}

// Issue 12 item 4 and issue 16 M5: two people behind one carrier NAT with
// the same phone and browser are two readers. Neither sees the other's
// vote, reaction or held comment; both can vote; one's approval history or
// block is not the other's.
func TestTwoBrowsersOnOneAddressAndUserAgentAreTwoReaders(t *testing.T) {
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		e := newEnv(t, st)
		ctx := context.Background()
		p := openPoll(t, st)
		ani, budi := e.reader(t, "sama"), e.reader(t, "sama") // one address, one User-Agent
		ani.get(mainSlug)
		budi.get(mainSlug)
		vote := func(r *reader, opt int) answer {
			return r.postForm(fmt.Sprintf("/polling/%d", p.ID), url.Values{"option_id": {fmt.Sprint(p.Options[opt].ID)}, "back": {mainSlug}})
		}
		if a := vote(ani, 0); a.code != http.StatusSeeOther {
			t.Fatalf("first reader's vote: %d", a.code)
		}
		page := budi.get(mainSlug).body
		if strings.Contains(page, "(pilihan Anda)") || !strings.Contains(page, fmt.Sprintf(`<form method="post" action="/polling/%d"`, p.ID)) {
			t.Errorf("the second reader sees someone else's vote instead of the form: %q", between(page, `id="polling"`, "</section>"))
		}
		if a := vote(budi, 1); a.code != http.StatusSeeOther {
			t.Errorf("the second reader could not vote: %d", a.code)
		}
		if page := budi.get(mainSlug).body; !strings.Contains(page, "Cemas <span class=\"small\">(pilihan Anda)</span>") ||
			strings.Contains(page, "Emas <span class=\"small\">(pilihan Anda)</span>") {
			t.Errorf("the second reader's results: %q", between(page, `id="polling"`, "</section>"))
		}
		if got, _ := st.Poll(ctx, p.ID); got.TotalVotes() != 2 {
			t.Errorf("%d votes stored, want 2", got.TotalVotes())
		}

		// Reactions.
		if a := ani.postForm(mainSlug+"/reaksi", url.Values{"reaction": {"like"}}); a.code != http.StatusSeeOther {
			t.Fatalf("like: %d", a.code)
		}
		if page := budi.get(mainSlug).body; strings.Contains(page, `aria-pressed="true"`) {
			t.Error("the second reader sees the first one's like as pressed")
		}

		// Comments under hold_first (the default).
		path := fmt.Sprintf("/api/v1/articles/%d/comments", e.ids["main"])
		a := ani.postJSON(path, map[string]any{"name": "Ani", "email": "ani@example.id", "text": "Komentar Ani yang pertama."})
		if a.code != 202 {
			t.Fatalf("first comment: %d %s", a.code, a.body)
		}
		var held struct{ Data struct{ ID int64 } }
		a.json(t, &held)
		if page := budi.get(mainSlug).body; strings.Contains(page, "Komentar Ani yang pertama") {
			t.Error("the second reader sees the first one's held comment")
		}
		if page := ani.get(mainSlug).body; !strings.Contains(page, "Komentar Ani yang pertama") || !strings.Contains(page, "menunggu moderasi") {
			t.Error("the author does not see their held comment")
		}
		if err := st.ModerateComments(ctx, []int64{held.Data.ID}, domain.CommentApproved); err != nil {
			t.Fatal(err)
		}
		for _, email := range []string{"ani@example.id", "ANI@Example.id", ""} {
			if a := budi.postJSON(path, map[string]any{"name": "Ani", "email": email, "text": "Saya juga Ani, sungguh."}); a.code != 202 {
				t.Errorf("another reader with e-mail %q after Ani was approved: %d, want 202 (held)", email, a.code)
			}
		}
		if a := ani.postJSON(path, map[string]any{"name": "Ani", "text": "Komentar Ani berikutnya."}); a.code != 201 {
			t.Errorf("the approved reader's next comment: %d, want 201", a.code)
		}

		// Blocking the first reader leaves the second one alone.
		c, err := st.Comment(ctx, held.Data.ID)
		if err != nil {
			t.Fatal(err)
		}
		if err := st.AddBlock(ctx, store.Block{Kind: store.BlockReader, Value: c.Reader, Action: store.BlockRefuse, Reason: "uji"}); err != nil {
			t.Fatal(err)
		}
		if a := ani.postJSON(path, map[string]any{"name": "Ani", "text": "Masih bisa?"}); a.code != 403 {
			t.Errorf("blocked reader: %d, want 403", a.code)
		}
		if a := budi.postJSON(path, map[string]any{"name": "Budi", "text": "Saya tidak diblokir."}); a.code != 202 {
			t.Errorf("the neighbour of a blocked reader: %d, want 202", a.code)
		}
	})
}

// Issue 12 item 5: a page drawn with one reader's own state (their vote) is
// never kept by the page cache for others, and says so to caches in front.
func TestPageCacheNeverShowsOneReadersPollToOthers(t *testing.T) {
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		e := newEnv(t, st, func(c *app.Config) {
			c.Site.PageCacheTTL = time.Minute
			c.Engage.PollMethod = engage.PollCookieHash // the device key remembers the vote too
		})
		p := openPoll(t, st)
		form := fmt.Sprintf(`<form method="post" action="/polling/%d"`, p.ID)
		voter := e.reader(t, "pemilih")
		voter.get(mainSlug)
		if a := voter.send(fmt.Sprintf("/api/v1/polls/%d/votes", p.ID), map[string]int64{"option_id": p.Options[0].ID}); a.code != 201 {
			t.Fatalf("vote: %d %s", a.code, a.body)
		}
		base, _ := url.Parse(e.srv.URL)
		var own *http.Cookie
		for _, c := range voter.client.Jar.Cookies(base) {
			if c.Name == web.ReaderCookie {
				own = c
			}
		}
		if own == nil {
			t.Fatal("the voter has no reader cookie")
		}
		// The voter comes back with the reader cookie but without the
		// "active" mark (cleared, or another tab's jar): their page shows
		// their vote and must not be cached for anyone else.
		voter.client.Jar, _ = cookiejar.New(nil)
		voter.client.Jar.SetCookies(base, []*http.Cookie{{Name: own.Name, Value: own.Value, Path: "/"}})
		a := voter.get(mainSlug)
		if !strings.Contains(a.body, "(pilihan Anda)") || !strings.Contains(a.h.Get("Cache-Control"), "private") {
			t.Errorf("the voter's own page: Cache-Control %q, poll %q", a.h.Get("Cache-Control"), between(a.body, `id="polling"`, "</section>"))
		}
		if page := e.reader(t, "baru-1").get(mainSlug).body; !strings.Contains(page, form) {
			t.Errorf("a cookie-less reader got someone else's results: %q", between(page, `id="polling"`, "</section>"))
		}
		// The same device without any cookie is recognised by its address
		// hash only: that never shows a vote, so the page it gets (and the
		// cache keeps) has the form.
		voter.client.Jar, _ = cookiejar.New(nil)
		if page := voter.get(mainSlug).body; strings.Contains(page, "(pilihan Anda)") || !strings.Contains(page, form) {
			t.Errorf("a browser known only by its address hash sees a vote: %q", between(page, `id="polling"`, "</section>"))
		}
		if page := e.reader(t, "baru-2").get(mainSlug).body; !strings.Contains(page, form) {
			t.Errorf("a cookie-less reader got results from the cache: %q", between(page, `id="polling"`, "</section>"))
		}
	})
}

// Issue 16 H1: one address posting replies with a new User-Agent (and no
// cookie) each time is one client: its budget ends the flood.
func TestChangingUserAgentDoesNotSidestepCommentBudget(t *testing.T) {
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		e := newEnv(t, st)
		if err := st.SetSetting(context.Background(), store.SettingModeration, domain.ModerationApproveAll); err != nil {
			t.Fatal(err)
		}
		path := fmt.Sprintf("/api/v1/articles/%d/comments", e.ids["main"])
		stored, refused := 0, 0
		start := time.Now()
		for i := 0; i < 100; i++ {
			a := e.reader(t, fmt.Sprintf("semprot-%d", i)).postJSON(path, map[string]any{"name": "Spam", "text": fmt.Sprintf("Balasan nomor %d.", i)})
			switch a.code {
			case 201:
				stored++
			case 429:
				refused++
			default:
				t.Fatalf("comment %d: %d %s", i, a.code, a.body)
			}
		}
		// The budget is a burst of 60, then 30 a minute: on a slow machine
		// the flood itself takes seconds, which refill a token every 2 s.
		allowed := 60 + int(time.Since(start)/(2*time.Second)) + 1
		if stored > allowed || refused < 100-allowed {
			t.Errorf("one address with 100 User-Agents: %d comments stored, %d refused; want at most %d stored", stored, refused, allowed)
		}
	})
}

// Without JavaScript, a browser that votes before any page gave it a reader
// cookie (from the home page's poll) gets the form back with the cookie and
// a line saying to send it again; the second send counts.
func TestVoteWithoutCookieComesBackOnceWithoutJavaScript(t *testing.T) {
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		e := newEnv(t, st)
		p := openPoll(t, st)
		r := e.reader(t, "tanpa-js-beranda")
		form := url.Values{"option_id": {fmt.Sprint(p.Options[0].ID)}, "back": {"/"}}
		a := r.postForm(fmt.Sprintf("/polling/%d", p.ID), form)
		if a.code != 400 || !strings.Contains(a.body, "kirim sekali lagi") || !strings.Contains(a.body, `<form method="post" action="/polling/`) ||
			!strings.Contains(a.h.Get("Set-Cookie"), web.ReaderCookie+"=") {
			t.Fatalf("first send without a cookie: %d, Set-Cookie %q, %q", a.code, a.h.Get("Set-Cookie"), between(a.body, `id="polling"`, "</section>"))
		}
		if got, _ := st.Poll(context.Background(), p.ID); got.TotalVotes() != 0 {
			t.Errorf("the vote without a cookie counted")
		}
		if a := r.postForm(fmt.Sprintf("/polling/%d", p.ID), form); a.code != http.StatusSeeOther || a.h.Get("Location") != "/#polling" {
			t.Errorf("second send: %d %q", a.code, a.h.Get("Location"))
		}
		if got, _ := st.Poll(context.Background(), p.ID); got.TotalVotes() != 1 {
			t.Errorf("%d votes stored, want 1", got.TotalVotes())
		}
	})
}
