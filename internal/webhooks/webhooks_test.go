package webhooks_test

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"warta/internal/domain"
	"warta/internal/store"
	"warta/internal/testdb"
	"warta/internal/webhooks"
)

// hit is one request a test target received.
type hit struct {
	Event, Delivery, Signature string
	Body                       []byte
}

// target is a webhook receiver that answers with the codes given in turn
// (the last one for ever after), recording what it got.
type target struct {
	mu    sync.Mutex
	codes []int
	hits  []hit
	srv   *httptest.Server
}

func newTarget(t *testing.T, codes ...int) *target {
	tg := &target{codes: codes}
	tg.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		tg.mu.Lock()
		tg.hits = append(tg.hits, hit{r.Header.Get("X-Warta-Event"), r.Header.Get("X-Warta-Delivery"), r.Header.Get("X-Warta-Signature"), b})
		code := tg.codes[min(len(tg.hits), len(tg.codes))-1]
		tg.mu.Unlock()
		w.WriteHeader(code)
	}))
	t.Cleanup(tg.srv.Close)
	return tg
}

func (tg *target) got() []hit {
	tg.mu.Lock()
	defer tg.mu.Unlock()
	return append([]hit(nil), tg.hits...)
}

func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

type fixture struct {
	st  *store.Store
	svc *webhooks.Service
	cat int64
}

func start(t *testing.T, st *store.Store, cfg webhooks.Config) *fixture {
	t.Helper()
	cat, err := st.CreateCategory(context.Background(), domain.Category{Name: "Nasional"})
	if err != nil {
		t.Fatal(err)
	}
	cfg.BaseURL = "http://warta.test"
	cfg.AllowPrivate = true // the targets are httptest servers on 127.0.0.1
	if cfg.Backoff == 0 {
		cfg.Backoff = 20 * time.Millisecond
	}
	if cfg.PollInterval == 0 {
		cfg.PollInterval = 10 * time.Millisecond
	}
	if cfg.Timeout == 0 {
		cfg.Timeout = 2 * time.Second
	}
	svc := webhooks.New(cfg, st, slog.New(slog.NewTextHandler(io.Discard, nil)))
	svc.Subscribe()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { svc.Run(ctx); close(done) }()
	t.Cleanup(func() { cancel(); <-done })
	return &fixture{st: st, svc: svc, cat: cat}
}

func (f *fixture) hook(t *testing.T, url string, events ...string) (int64, string) {
	t.Helper()
	secret := webhooks.NewSecret()
	id, err := f.st.CreateWebhook(context.Background(), store.WebhookInput{URL: url, Events: events, Active: true}, secret)
	if err != nil {
		t.Fatal(err)
	}
	return id, secret
}

func (f *fixture) publish(t *testing.T, title string) int64 {
	t.Helper()
	id, err := f.st.CreateArticle(context.Background(), store.ArticleInput{Title: title, Excerpt: "Ringkas.", CategoryID: f.cat,
		Tags: []string{"Pemilu"}, Status: domain.StatusDraft})
	if err != nil {
		t.Fatal(err)
	}
	if err := f.st.SetArticleStatus(context.Background(), id, domain.StatusPublished, time.Now().Add(-time.Minute)); err != nil {
		t.Fatal(err)
	}
	return id
}

func TestPublishUpdateUnpublishAreSignedAndDelivered(t *testing.T) {
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		f := start(t, st, webhooks.Config{})
		tg := newTarget(t, 200)
		hookID, secret := f.hook(t, tg.srv.URL)
		onlyPub := newTarget(t, 204)
		f.hook(t, onlyPub.srv.URL, "published")

		id := f.publish(t, "Kabinet Baru Dilantik")
		a, err := st.ArticleByID(context.Background(), id)
		if err != nil {
			t.Fatal(err)
		}
		if err := st.UpdateArticle(context.Background(), id, store.ArticleInput{Slug: a.Slug, Title: a.Title + " Hari Ini", CategoryID: f.cat,
			Tags: []string{"Pemilu"}, Status: domain.StatusPublished, PublishedAt: a.PublishedAt}); err != nil {
			t.Fatal(err)
		}
		if err := st.SetArticleStatus(context.Background(), id, domain.StatusUnpublished, time.Time{}); err != nil {
			t.Fatal(err)
		}
		// Writing a draft is nobody's business.
		if _, err := st.CreateArticle(context.Background(), store.ArticleInput{Title: "Draf", CategoryID: f.cat}); err != nil {
			t.Fatal(err)
		}
		waitFor(t, "three deliveries", func() bool { return len(tg.got()) >= 3 && len(onlyPub.got()) >= 1 })
		time.Sleep(50 * time.Millisecond)
		hits := tg.got()
		if len(hits) != 3 || len(onlyPub.got()) != 1 {
			t.Fatalf("got %d and %d deliveries, want 3 and 1", len(hits), len(onlyPub.got()))
		}
		seen := map[string]bool{}
		for _, h := range hits {
			if !webhooks.Verify(secret, h.Body, h.Signature) {
				t.Errorf("%s: bad signature %q", h.Event, h.Signature)
			}
			if webhooks.Verify("whsec_wrong", h.Body, h.Signature) {
				t.Error("signature verifies under another secret")
			}
			var p webhooks.Payload
			if err := json.Unmarshal(h.Body, &p); err != nil || p.Article == nil {
				t.Fatalf("payload %s: %v", h.Body, err)
			}
			if p.Event != h.Event || p.Article.ID != id || p.Article.URL != "http://warta.test/berita/kabinet-baru-dilantik" ||
				p.Article.Category != "nasional" || len(p.Article.Tags) != 1 {
				t.Errorf("payload %+v %+v", p, p.Article)
			}
			if want := map[string]string{"published": "published", "updated": "published", "unpublished": "unpublished"}[h.Event]; p.Article.Status != want {
				t.Errorf("%s payload says status %s, want %s", h.Event, p.Article.Status, want)
			}
			seen[h.Event] = true
		}
		if !seen["published"] || !seen["updated"] || !seen["unpublished"] {
			t.Errorf("events %v", seen)
		}
		log, total, err := st.WebhookDeliveries(context.Background(), hookID, domain.Page{Number: 1, Size: 10})
		if err != nil || total != 3 {
			t.Fatalf("delivery log: %d, %v", total, err)
		}
		for _, d := range log {
			if d.Status != domain.DeliveryDelivered || d.Attempts != 1 || d.ResponseCode != 200 || d.FinishedAt.IsZero() {
				t.Errorf("log entry %+v", d)
			}
		}
	})
}

func TestFailuresAreRetriedWithBackoffThenGiveUp(t *testing.T) {
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		f := start(t, st, webhooks.Config{MaxAttempts: 3})
		flaky := newTarget(t, 500, 503, 200)
		flakyID, _ := f.hook(t, flaky.srv.URL)
		dead := newTarget(t, 500)
		deadID, _ := f.hook(t, dead.srv.URL)
		f.publish(t, "Banjir Rob di Pesisir")
		waitFor(t, "retries", func() bool {
			a, _, _ := st.WebhookDeliveries(context.Background(), flakyID, domain.Page{Number: 1, Size: 1})
			b, _, _ := st.WebhookDeliveries(context.Background(), deadID, domain.Page{Number: 1, Size: 1})
			return len(a) == 1 && a[0].Status == domain.DeliveryDelivered && len(b) == 1 && b[0].Status == domain.DeliveryFailed
		})
		a, _, _ := st.WebhookDeliveries(context.Background(), flakyID, domain.Page{Number: 1, Size: 1})
		if a[0].Attempts != 3 || a[0].ResponseCode != 200 {
			t.Errorf("flaky delivery %+v, want 3 attempts ending in 200", a[0])
		}
		b, _, _ := st.WebhookDeliveries(context.Background(), deadID, domain.Page{Number: 1, Size: 1})
		if b[0].Attempts != 3 || b[0].ResponseCode != 500 || b[0].LastError == "" {
			t.Errorf("dead delivery %+v, want 3 attempts and a reason", b[0])
		}
		if n := len(dead.got()); n != 3 {
			t.Errorf("dead target got %d attempts, want 3", n)
		}
		// Every retry is the same delivery: same id, same body.
		hits := flaky.got()
		for _, h := range hits[1:] {
			if h.Delivery != hits[0].Delivery || string(h.Body) != string(hits[0].Body) {
				t.Error("a retry changed the delivery id or body")
			}
		}
		// The admin may send a failed delivery again.
		if err := st.RetryDelivery(context.Background(), b[0].ID); err != nil {
			t.Fatal(err)
		}
		waitFor(t, "manual retry", func() bool { return len(dead.got()) > 3 })
	})
}

func TestAHangingTargetNeverSlowsPublishing(t *testing.T) {
	st := testdb.SQLite(t)
	release := make(chan struct{})
	var arrived atomic.Int32
	hang := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		arrived.Add(1)
		select {
		case <-release:
		case <-r.Context().Done():
		}
	}))
	t.Cleanup(hang.Close)
	t.Cleanup(func() { close(release) })
	f := start(t, st, webhooks.Config{Timeout: 200 * time.Millisecond, Workers: 1, Backoff: time.Hour})
	hookID, _ := f.hook(t, hang.URL)
	begin := time.Now()
	for i := range 20 {
		f.publish(t, "Berita ke "+strconv.Itoa(i))
	}
	if d := time.Since(begin); d > 3*time.Second {
		t.Errorf("publishing 20 articles took %s with a hanging webhook", d)
	}
	waitFor(t, "the timeout to be recorded", func() bool {
		list, _, _ := st.WebhookDeliveries(context.Background(), hookID, domain.Page{Number: 1, Size: 100})
		for _, d := range list {
			if d.Attempts == 1 && d.LastError != "" {
				return true
			}
		}
		return false
	})
	if arrived.Load() == 0 {
		t.Error("the hanging target was never called")
	}
}

func TestInactiveWebhookGetsNothingAndBadURLsAreRefused(t *testing.T) {
	st := testdb.SQLite(t)
	f := start(t, st, webhooks.Config{})
	tg := newTarget(t, 200)
	id, _ := f.hook(t, tg.srv.URL)
	if err := st.UpdateWebhook(context.Background(), id, store.WebhookInput{URL: tg.srv.URL, Active: false}); err != nil {
		t.Fatal(err)
	}
	f.publish(t, "Sepi")
	time.Sleep(200 * time.Millisecond)
	if n := len(tg.got()); n != 0 {
		t.Errorf("inactive webhook got %d deliveries", n)
	}
	for _, in := range []store.WebhookInput{{URL: "ftp://x.example/"}, {URL: "/relatif"}, {URL: "http://user:pw@x.example/"},
		{URL: "https://x.example/", Events: []string{"deleted"}}} {
		if _, err := st.CreateWebhook(context.Background(), in, webhooks.NewSecret()); domain.ErrorCode(err) != domain.EInvalid {
			t.Errorf("%+v: %v, want invalid", in, err)
		}
	}
}

func TestPing(t *testing.T) {
	st := testdb.SQLite(t)
	f := start(t, st, webhooks.Config{})
	tg := newTarget(t, 200)
	id, secret := f.hook(t, tg.srv.URL)
	if _, err := st.CreateDelivery(context.Background(), id, domain.EventPing, 0, webhooks.PingPayload(time.Now(), time.UTC)); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "ping", func() bool { return len(tg.got()) == 1 })
	h := tg.got()[0]
	if h.Event != "ping" || !webhooks.Verify(secret, h.Body, h.Signature) {
		t.Errorf("ping %+v", h)
	}
}
