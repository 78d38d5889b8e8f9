package server_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"strings"
	"testing"

	"warta/internal/domain"
	"warta/internal/newsroom/nrtest"
	"warta/internal/store"
	"warta/internal/testdb"
)

// commenter is a fresh browser that comments through the site's JSON door
// (the test server is reached from 127.0.0.1).
type commenter struct {
	t    *testing.T
	url  string
	c    *http.Client
	name string
}

func newCommenter(t *testing.T, e *nrtest.Env, article int64, name string) *commenter {
	jar, _ := cookiejar.New(nil)
	return &commenter{t: t, url: fmt.Sprintf("%s/api/v1/articles/%d/comments", e.URL, article), c: &http.Client{Jar: jar}, name: name}
}

// say posts a comment (once more when the first answer handed out the
// reader cookie) and returns the status code and body.
func (c *commenter) say(email, text string) (int, string) {
	c.t.Helper()
	post := func() (int, string) {
		b, _ := json.Marshal(map[string]string{"name": c.name, "email": email, "text": text})
		req, _ := http.NewRequest("POST", c.url, bytes.NewReader(b))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) Chrome/120 "+c.name)
		resp, err := c.c.Do(req)
		if err != nil {
			c.t.Fatal(err)
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(body)
	}
	code, body := post()
	if code == 400 && strings.Contains(body, "cookie_required") {
		code, body = post()
	}
	return code, body
}

// Issue 12 item 3: blocking by e-mail did nothing (only reader keys were
// checked), there was no one-click block in the queue and no IP-range
// block, and a block could only refuse.
func TestBlockingCommenters(t *testing.T) {
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		e := nrtest.New(t, st)
		article := e.CreateArticle(t, map[string]any{"title": "Berita Blokir", "category": "nasional", "status": "published", "body": "Isi."})
		if r := e.API(t, domain.RoleAdmin, "PUT", "/settings/moderation", map[string]string{"mode": domain.ModerationApproveAll}); r.Status != 200 {
			t.Fatalf("moderation mode: %d %s", r.Status, r.Body)
		}
		b := newsroomClient(t, e)
		b.get("/redaksi/moderasi")
		refused := func(who string, code int, body string) {
			t.Helper()
			if code != http.StatusForbidden || !strings.Contains(body, "Anda tidak dapat berkomentar di situs ini") {
				t.Errorf("%s: %d %s, want 403 with the refusal", who, code, body)
			}
		}
		held := func(who string, code int, body string) {
			t.Helper()
			if code != http.StatusAccepted || !strings.Contains(body, `"status":"pending"`) {
				t.Errorf("%s: %d %s, want 202 held for review", who, code, body)
			}
		}

		// (b) By e-mail, typed into the newsroom's form: refused by default,
		// whatever the case the spammer types it in, from any browser.
		if code, body := b.post("/redaksi/moderasi/blokir", url.Values{"reader": {"spam@contoh.id"}, "reason": {"iklan"}}); code != http.StatusSeeOther {
			t.Fatalf("block by e-mail: %d %s", code, body)
		}
		_, page := b.get("/redaksi/moderasi")
		if !strings.Contains(page, "Email <code>spam@contoh.id</code> · ditolak") {
			t.Errorf("the moderation page does not list the e-mail block as refusing")
		}
		code, body := newCommenter(t, e, article, "Spammer").say("Spam@Contoh.ID", "Beli obat murah")
		refused("the blocked e-mail", code, body)
		if code, body := newCommenter(t, e, article, "Ani").say("ani@contoh.id", "Liputan bagus"); code != http.StatusCreated {
			t.Errorf("another e-mail: %d %s, want 201", code, body)
		}
		// The moderator changes their mind: hold instead of refuse.
		if r := e.API(t, domain.RoleEditor, "POST", "/blocked-readers", map[string]string{"kind": "email", "value": "spam@contoh.id", "action": "hold"}); r.Status != 201 ||
			!strings.Contains(string(r.Body), `"action":"hold"`) {
			t.Fatalf("hold by e-mail through the API: %d %s", r.Status, r.Body)
		}
		code, body = newCommenter(t, e, article, "Spammer").say("spam@contoh.id", "Beli obat murah lagi")
		held("the e-mail block set to hold", code, body)

		// (a) One click on a comment in the queue, a plain form post (no
		// JavaScript): the comment's reader key and its e-mail.
		budi := newCommenter(t, e, article, "Budi")
		code, body = budi.say("budi@contoh.id", "Komentar kasar")
		if code != http.StatusCreated {
			t.Fatalf("Budi's comment: %d %s", code, body)
		}
		var c struct {
			Data struct{ ID int64 } `json:"data"`
		}
		json.Unmarshal([]byte(body), &c)
		_, queue := b.get("/redaksi/komentar?status=approved")
		button := fmt.Sprintf(`name="action" value="block:%d"`, c.Data.ID)
		if !strings.Contains(queue, button) || !strings.Contains(queue, "Blokir pembaca ini") {
			t.Fatalf("the queue has no one-click block button for comment %d", c.Data.ID)
		}
		if code, _ := b.post("/redaksi/komentar", url.Values{"action": {fmt.Sprintf("block:%d", c.Data.ID)},
			fmt.Sprintf("block-%d", c.Data.ID): {"hold"}, "status": {"approved"}}); code != http.StatusSeeOther {
			t.Fatalf("one-click block: %d", code)
		}
		code, body = budi.say("", "Saya lagi, tanpa email")
		held("the blocked reader key", code, body)
		code, body = newCommenter(t, e, article, "Budi lain").say("budi@contoh.id", "Dari peramban lain")
		held("the blocked reader's e-mail from another browser", code, body)
		code, body = newCommenter(t, e, article, "Citra").say("", "Saya orang lain di alamat yang sama")
		if code != http.StatusCreated {
			t.Errorf("a neighbour of the blocked reader: %d %s, want 201", code, body)
		}

		// (d) An IP range: the test's browsers come from 127.0.0.1.
		if code, body := b.post("/redaksi/moderasi/blokir", url.Values{"kind": {"ip"}, "reader": {"127.0.0.0/8"}}); code != http.StatusSeeOther {
			t.Fatalf("block an IP range: %d %s", code, body)
		}
		code, body = newCommenter(t, e, article, "Dedi").say("", "Dari jaringan yang diblokir")
		refused("a reader in the blocked range", code, body)
		if code, _ := b.post("/redaksi/moderasi/blokir", url.Values{"kind": {"ip"}, "reader": {"127.0.0.1/8"}, "action": {"hold"}}); code != http.StatusSeeOther {
			t.Fatalf("set the range to hold: %d", code)
		}
		code, body = newCommenter(t, e, article, "Dedi").say("", "Dari jaringan yang ditahan")
		held("a reader in a holding range", code, body)
		if r := e.API(t, domain.RoleEditor, "DELETE", "/blocked-readers/"+url.PathEscape("127.0.0.0/8")+"?kind=ip", nil); r.Status != http.StatusNoContent {
			t.Fatalf("lift the range block: %d %s", r.Status, r.Body)
		}
		if code, body := newCommenter(t, e, article, "Dedi").say("", "Sudah dibuka"); code != http.StatusCreated {
			t.Errorf("after the range block is lifted: %d %s, want 201", code, body)
		}

		// (c) By reader key, through the old API shape; and bad input.
		if r := e.API(t, domain.RoleEditor, "POST", "/blocked-readers", map[string]string{"reader": "r-lama", "reason": "spam"}); r.Status != 201 ||
			!strings.Contains(string(r.Body), `"reader":"r-lama"`) || !strings.Contains(string(r.Body), `"action":"refuse"`) {
			t.Errorf("the old API shape: %d %s", r.Status, r.Body)
		}
		for _, in := range []map[string]string{{"kind": "ip", "value": "300.1.2.0/24"}, {"kind": "email", "value": "bukan-email"},
			{"value": "x", "action": "hapus"}, {"kind": "nama", "value": "x"}, {"value": " "}} {
			if r := e.API(t, domain.RoleEditor, "POST", "/blocked-readers", in); r.Status != 400 || !strings.Contains(string(r.Body), `"message"`) {
				t.Errorf("bad block %v: %d %s, want 400 with a message", in, r.Status, r.Body)
			}
		}
		r := e.API(t, domain.RoleEditor, "GET", "/blocked-readers", nil)
		for _, want := range []string{`"kind":"email","reason":"iklan","value":"spam@contoh.id"`, `"kind":"reader"`, `"value":"budi@contoh.id"`} {
			if !strings.Contains(string(r.Body), want) {
				t.Errorf("block list lacks %s: %s", want, r.Body)
			}
		}
	})
}
