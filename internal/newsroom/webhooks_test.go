package newsroom_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"warta/internal/app"
	"warta/internal/domain"
	"warta/internal/newsroom/nrtest"
	"warta/internal/store"
	"warta/internal/testdb"
	"warta/internal/webhooks"
)

// received is one request a webhook target got.
type received struct {
	header http.Header
	body   []byte
}

// hookTarget is a webhook receiver answering with a status the test sets.
type hookTarget struct {
	srv    *httptest.Server
	status atomic.Int32
	got    chan received
}

func newHookTarget(t *testing.T) *hookTarget {
	tg := &hookTarget{got: make(chan received, 100)}
	tg.status.Store(http.StatusOK)
	tg.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		tg.got <- received{header: r.Header.Clone(), body: b}
		w.WriteHeader(int(tg.status.Load()))
	}))
	t.Cleanup(tg.srv.Close)
	return tg
}

func (tg *hookTarget) next(t *testing.T, event string) received {
	t.Helper()
	timeout := time.After(10 * time.Second)
	for {
		select {
		case r := <-tg.got:
			if r.header.Get("X-Warta-Event") == event {
				return r
			}
		case <-timeout:
			t.Fatalf("the target received no %q delivery", event)
		}
	}
}

// drain forgets what the target received so far.
func (tg *hookTarget) drain() {
	for {
		select {
		case <-tg.got:
		default:
			return
		}
	}
}

// fastHooks gives the application's webhook dispatcher short waits.
func fastHooks(c *app.Config) {
	c.Webhooks = webhooks.Config{Timeout: 2 * time.Second, MaxAttempts: 2, Backoff: 20 * time.Millisecond,
		PollInterval: 10 * time.Millisecond, AllowPrivate: true} // the target is an httptest server on 127.0.0.1
}

// waitLog reloads a webhook's log page until delivery id shows status.
func (b *browser) waitLog(path string, delivery int64, status string) page {
	b.t.Helper()
	want := `data-delivery="` + strconv.FormatInt(delivery, 10) + `" data-status="` + status + `"`
	deadline := time.Now().Add(10 * time.Second)
	for {
		p := b.get(path)
		if p.code != http.StatusOK {
			b.t.Fatalf("log page: %d", p.code)
		}
		if strings.Contains(p.body, want) {
			return p
		}
		if time.Now().After(deadline) {
			b.t.Fatalf("delivery %d never became %s:\n%s", delivery, status, p.body)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func deliveryIDs(t *testing.T, st *store.Store, hook int64) []int64 {
	t.Helper()
	list, _, err := st.WebhookDeliveries(context.Background(), hook, domain.Page{Number: 1, Size: 100})
	if err != nil {
		t.Fatal(err)
	}
	var ids []int64
	for _, d := range list {
		ids = append(ids, d.ID)
	}
	return ids
}

var secretRe = regexp.MustCompile(`whsec_[0-9a-f]{64}`)

func TestWebhookPages(t *testing.T) {
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		e := nrtest.New(t, st, fastHooks)
		tg := newHookTarget(t)

		// Only admins: the others get 403 on every webhook page and see no link.
		for _, role := range []domain.Role{domain.RoleEditor, domain.RoleWriter, domain.RoleModerator} {
			b := newBrowser(t, e)
			b.login(role)
			if p := b.get("/redaksi/"); strings.Contains(p.body, `href="/redaksi/webhook"`) {
				t.Errorf("%s sees the webhook menu", role)
			}
			for _, path := range []string{"/redaksi/webhook", "/redaksi/webhook/1"} {
				if p := b.get(path); p.code != http.StatusForbidden {
					t.Errorf("%s GET %s: %d", role, path, p.code)
				}
			}
			form := url.Values{"csrf": {b.csrf}, "url": {tg.srv.URL}}
			for _, path := range []string{"/redaksi/webhook", "/redaksi/webhook/1", "/redaksi/webhook/1/ping",
				"/redaksi/webhook/1/pengiriman/1/ulang"} {
				if p := b.post(path, form); p.code != http.StatusForbidden {
					t.Errorf("%s POST %s: %d", role, path, p.code)
				}
			}
		}
		if list, _ := st.Webhooks(ctx); len(list) != 0 {
			t.Fatalf("webhooks created by non-admins: %v", list)
		}

		b := newBrowser(t, e)
		b.login(domain.RoleAdmin)
		p := b.get("/redaksi/webhook")
		if p.code != http.StatusOK || !strings.Contains(p.body, `href="/redaksi/webhook" aria-current="page"`) ||
			!strings.Contains(p.body, "Belum ada webhook.") {
			t.Fatalf("admin webhook list: %d %s", p.code, p.body)
		}

		// A write without the CSRF token is refused.
		p = b.post("/redaksi/webhook", url.Values{"url": {tg.srv.URL}, "active": {"1"}})
		if p.code != http.StatusForbidden || !strings.Contains(p.body, "oken keamanan (CSRF)") {
			t.Errorf("create without CSRF: %d", p.code)
		}

		// An invalid URL: an Indonesian message, and the form keeps what was typed.
		p = b.post("/redaksi/webhook", url.Values{"csrf": {b.csrf}, "url": {"ftp://penerima.example/kait"},
			"description": {"Aplikasi mitra"}, "events": {"published"}})
		if p.code != http.StatusBadRequest || !strings.Contains(p.body, "URL webhook harus alamat http:// atau https:// yang lengkap.") ||
			!strings.Contains(p.body, `value="ftp://penerima.example/kait"`) || !strings.Contains(p.body, `value="Aplikasi mitra"`) ||
			!strings.Contains(p.body, `value="published" checked`) || strings.Contains(p.body, `value="updated" checked`) ||
			strings.Contains(p.body, `name="active" value="1" checked`) {
			t.Errorf("invalid URL: %d %s", p.code, p.body)
		}
		if list, _ := st.Webhooks(ctx); len(list) != 0 {
			t.Fatalf("an invalid webhook was stored: %v", list)
		}

		// Registering shows the signing secret once.
		p = b.post("/redaksi/webhook", url.Values{"csrf": {b.csrf}, "url": {tg.srv.URL + "/kait"}, "description": {"Aplikasi mitra"},
			"events": {"published", "unpublished"}, "active": {"1"}})
		secret := secretRe.FindString(p.body)
		if p.code != http.StatusCreated || secret == "" || !strings.Contains(p.body, "Data dibuat.") {
			t.Fatalf("create: %d %s", p.code, p.body)
		}
		list, err := st.Webhooks(ctx)
		if err != nil || len(list) != 1 || list[0].Secret != secret || !list[0].Active || strings.Join(list[0].Events, ",") != "published,unpublished" {
			t.Fatalf("stored webhooks: %+v %v", list, err)
		}
		hook := list[0].ID
		path := "/redaksi/webhook/" + strconv.FormatInt(hook, 10)
		if p := b.get(path); p.code != http.StatusOK || strings.Contains(p.body, secret) {
			t.Errorf("the log page shows the secret again or fails: %d", p.code)
		}
		if p := b.get("/redaksi/webhook"); !strings.Contains(p.body, `href="`+path+`"`) || !strings.Contains(p.body, "terbit, ditarik") {
			t.Errorf("list: %s", p.body)
		}

		// Publishing sends a signed delivery, and the log shows it delivered.
		article := e.CreateArticle(t, map[string]any{"title": "Kabinet Baru Dilantik", "category": "nasional", "body": "Isi."})
		if r := e.API(t, domain.RoleEditor, "PATCH", "/articles/"+strconv.FormatInt(article, 10), map[string]any{"status": "published"}); r.Status != http.StatusOK {
			t.Fatalf("publish: %d %s", r.Status, r.Body)
		}
		got := tg.next(t, domain.EventPublished)
		if sig := got.header.Get("X-Warta-Signature"); !webhooks.Verify(secret, got.body, sig) || sig != webhooks.Sign(secret, got.body) {
			t.Errorf("bad signature %q on %s", sig, got.body)
		}
		var payload webhooks.Payload
		if err := json.Unmarshal(got.body, &payload); err != nil || payload.Event != "published" || payload.Article == nil ||
			payload.Article.ID != article || payload.Article.Title != "Kabinet Baru Dilantik" {
			t.Errorf("payload %s: %v", got.body, err)
		}
		ids := deliveryIDs(t, st, hook)
		if len(ids) != 1 {
			t.Fatalf("deliveries: %v", ids)
		}
		p = b.waitLog(path, ids[0], domain.DeliveryDelivered)
		if !strings.Contains(p.body, "Terkirim") || !strings.Contains(p.body, `<td>200</td>`) ||
			!strings.Contains(p.body, `href="/redaksi/artikel/`+strconv.FormatInt(article, 10)+`"`) {
			t.Errorf("log after publish: %s", p.body)
		}

		// A failing target: the ping fails after its attempts; the log tells
		// why and offers to send it again, which then succeeds.
		tg.status.Store(http.StatusInternalServerError)
		p = b.post(path+"/ping", url.Values{"csrf": {b.csrf}})
		if p.code != http.StatusSeeOther || p.location != path+"?ok=ping" {
			t.Fatalf("ping: %d %s", p.code, p.location)
		}
		ping := deliveryIDs(t, st, hook)[0]
		p = b.waitLog(path, ping, domain.DeliveryFailed)
		retry := path + "/pengiriman/" + strconv.FormatInt(ping, 10) + "/ulang"
		if !strings.Contains(p.body, "Gagal") || !strings.Contains(p.body, "jawaban HTTP 500") || !strings.Contains(p.body, `<td>500</td>`) ||
			!strings.Contains(p.body, `action="`+retry+`"`) {
			t.Errorf("log after failing ping: %s", p.body)
		}
		tg.drain()
		tg.status.Store(http.StatusNoContent)
		if p := b.post(retry, url.Values{}); p.code != http.StatusForbidden {
			t.Errorf("retry without CSRF: %d", p.code)
		}
		if p := b.post(path+"/pengiriman/999999/ulang", url.Values{"csrf": {b.csrf}}); p.code != http.StatusNotFound {
			t.Errorf("retry of an unknown delivery: %d", p.code)
		}
		if p := b.post(retry, url.Values{"csrf": {b.csrf}}); p.code != http.StatusSeeOther || p.location != path+"?ok=ulang" {
			t.Fatalf("retry: %d %s", p.code, p.location)
		}
		got = tg.next(t, domain.EventPing)
		if !webhooks.Verify(secret, got.body, got.header.Get("X-Warta-Signature")) || got.header.Get("X-Warta-Delivery") != strconv.FormatInt(ping, 10) {
			t.Errorf("retried ping: %v %s", got.header, got.body)
		}
		b.waitLog(path, ping, domain.DeliveryDelivered)

		// Editing: a bad URL keeps what was typed; a good one is saved.
		p = b.post(path, url.Values{"csrf": {b.csrf}, "url": {"bukan alamat"}, "description": {"Diubah"}, "events": {"updated"}, "active": {"1"}})
		if p.code != http.StatusBadRequest || !strings.Contains(p.body, "URL webhook harus") || !strings.Contains(p.body, `value="bukan alamat"`) ||
			!strings.Contains(p.body, `value="updated" checked`) || strings.Contains(p.body, `value="published" checked`) {
			t.Errorf("edit with a bad URL: %d %s", p.code, p.body)
		}
		p = b.post(path, url.Values{"csrf": {b.csrf}, "url": {tg.srv.URL + "/baru"}, "description": {"Diubah"}, "active": {"1"}})
		if p.code != http.StatusSeeOther || p.location != path+"?ok=tersimpan" {
			t.Fatalf("edit: %d %s", p.code, p.location)
		}
		h, err := st.Webhook(ctx, hook)
		if err != nil || h.URL != tg.srv.URL+"/baru" || h.Description != "Diubah" || len(h.Events) != 3 || h.Secret != secret {
			t.Errorf("after edit: %+v %v", h, err)
		}

		// Deactivating keeps the settings; deleting removes the webhook.
		if p := b.post(path+"/nonaktifkan", url.Values{"csrf": {b.csrf}}); p.code != http.StatusSeeOther || p.location != path+"?ok=nonaktif" {
			t.Fatalf("deactivate: %d %s", p.code, p.location)
		}
		if h, _ := st.Webhook(ctx, hook); h.Active || h.URL != tg.srv.URL+"/baru" {
			t.Errorf("after deactivation: %+v", h)
		}
		if p := b.get(path + "?ok=nonaktif"); !strings.Contains(p.body, "Webhook dinonaktifkan") || !strings.Contains(p.body, `action="`+path+`/aktifkan"`) {
			t.Errorf("page of an inactive webhook: %s", p.body)
		}
		if p := b.post(path+"/hapus", url.Values{"csrf": {b.csrf}}); p.code != http.StatusSeeOther || p.location != "/redaksi/webhook?ok=dihapus" {
			t.Fatalf("delete: %d %s", p.code, p.location)
		}
		if p := b.get(path); p.code != http.StatusNotFound {
			t.Errorf("after delete: %d", p.code)
		}
	})
}
