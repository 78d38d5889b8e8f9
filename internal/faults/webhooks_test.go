package faults

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"
)

// receiver records the webhook deliveries it gets, in arrival order.
type receiver struct {
	mu   sync.Mutex
	got  []delivery
	keys map[string]bool
	srv  *httptest.Server
}

type delivery struct {
	event string
	id    int64
	title string
	key   string
}

func newReceiver(t *testing.T) *receiver {
	rc := &receiver{keys: map[string]bool{}}
	rc.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		var p struct {
			Event   string `json:"event"`
			Article *struct {
				ID    int64  `json:"id"`
				Title string `json:"title"`
			} `json:"article"`
		}
		json.Unmarshal(b, &p)
		d := delivery{event: p.Event, key: r.Header.Get("Idempotency-Key")}
		if p.Article != nil {
			d.id, d.title = p.Article.ID, p.Article.Title
		}
		rc.mu.Lock()
		rc.got = append(rc.got, d)
		rc.keys[d.key] = true
		rc.mu.Unlock()
	}))
	t.Cleanup(rc.srv.Close)
	return rc
}

func (rc *receiver) snapshot() []delivery {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	return append([]delivery(nil), rc.got...)
}

// kill -9 right after publications and updates were answered: after a
// restart every one of them is delivered (at least once), and each
// article's events arrive in order. Before, deliveries waited in memory
// after the commit and a crash dropped them.
func TestWebhooksSurviveKill9BetweenCommitAndDelivery(t *testing.T) {
	each(t, func(t *testing.T, dsn string) {
		token := account(t, dsn, "admin")
		rc := newReceiver(t)
		p := start(t, dsn)
		category(t, p, token)
		if r, err := api(p.URL, token, "POST", "/webhooks", map[string]any{"url": rc.srv.URL}); err != nil || r.Status != http.StatusCreated {
			t.Fatalf("register webhook: %v %d %s", err, r.Status, r.Body)
		}
		type change struct {
			id    int64
			title string
		}
		var acked []change // in the order answered
		for round := range rounds("WARTA_FAULT_ROUNDS", 2) {
			if round > 0 {
				p = start(t, dsn)
			}
			for i := range 8 {
				title := fmt.Sprintf("Terbit %d-%d", round, i)
				r, err := api(p.URL, token, "POST", "/articles", map[string]any{"title": title, "category": "umum", "status": "published"})
				if err != nil || r.Status != http.StatusCreated {
					t.Fatalf("publish: %v %d %s", err, r.Status, r.Body)
				}
				id := r.id(t)
				acked = append(acked, change{id, title})
				title += " (diperbarui)"
				r, err = api(p.URL, token, "PATCH", fmt.Sprintf("/articles/%d", id), map[string]any{"title": title})
				if err != nil || r.Status != http.StatusOK {
					t.Fatalf("update: %v %d %s", err, r.Status, r.Body)
				}
				acked = append(acked, change{id, title})
			}
			p.kill() // at once after the last answer
		}
		start(t, dsn) // delivers what the killed processes left
		deadline := time.Now().Add(60 * time.Second)
		for {
			got := rc.snapshot()
			missing := 0
			for _, c := range acked {
				found := false
				for _, d := range got {
					if d.id == c.id && d.title == c.title {
						found = true
						break
					}
				}
				if !found {
					missing++
				}
			}
			if missing == 0 {
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("%d of %d acknowledged changes never delivered", missing, len(acked))
			}
			time.Sleep(100 * time.Millisecond)
		}
		// In order per article: the publication arrives before the update.
		got := rc.snapshot()
		firstPub, firstUpd := map[int64]int{}, map[int64]int{}
		for i, d := range got {
			m := firstPub
			if d.event == "updated" {
				m = firstUpd
			}
			if _, ok := m[d.id]; !ok {
				m[d.id] = i
			}
			if d.key == "" {
				t.Errorf("delivery without Idempotency-Key: %+v", d)
			}
		}
		for id, u := range firstUpd {
			if pub, ok := firstPub[id]; !ok || pub > u {
				t.Errorf("article %d: update delivered before its publication: %+v", id, got)
			}
		}
		t.Logf("%d changes acknowledged, %d deliveries received (%d distinct keys)", len(acked), len(got), len(rc.keys))
	})
}
