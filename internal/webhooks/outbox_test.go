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
	"testing"
	"time"

	"warta/internal/domain"
	"warta/internal/store"
	"warta/internal/testdb"
	"warta/internal/webhooks"
)

// The delivery row is part of the article write: when the write returns,
// the row is there, before any sender ran (a process killed right after
// the commit loses nothing). Before, the change waited in a memory queue.
func TestDeliveryRowsCommitWithTheArticle(t *testing.T) {
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		cat, _ := st.CreateCategory(ctx, domain.Category{Name: "Nasional"})
		svc := webhooks.New(webhooks.Config{BaseURL: "http://warta.test", AllowPrivate: true}, st, slog.New(slog.NewTextHandler(io.Discard, nil)))
		svc.Subscribe() // no Run: nothing is sent
		hookID, err := st.CreateWebhook(ctx, store.WebhookInput{URL: "http://127.0.0.1:9/", Active: true}, webhooks.NewSecret())
		if err != nil {
			t.Fatal(err)
		}
		id, err := st.CreateArticle(ctx, store.ArticleInput{Title: "Kabinet Baru Dilantik", CategoryID: cat,
			Status: domain.StatusPublished, PublishedAt: time.Now().Add(-time.Minute)})
		if err != nil {
			t.Fatal(err)
		}
		list, n, err := st.WebhookDeliveries(ctx, hookID, domain.Page{Number: 1, Size: 10})
		if err != nil || n != 1 || list[0].Event != domain.EventPublished || list[0].ArticleID != id || list[0].Status != domain.DeliveryPending {
			t.Fatalf("deliveries after the write: %d %+v %v", n, list, err)
		}
	})
}

// One article's events reach a receiver in order even when the first one
// fails and is retried: the later ones wait for it. Each carries an
// Idempotency-Key that stays the same on its retries.
func TestEventsOfAnArticleArriveInOrderAcrossRetries(t *testing.T) {
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		var mu sync.Mutex
		type got struct {
			event, title, key string
			code              int
		}
		var hits []got
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			var p webhooks.Payload
			json.NewDecoder(r.Body).Decode(&p)
			mu.Lock()
			defer mu.Unlock()
			code := http.StatusOK
			if len(hits) < 2 { // the first two attempts fail
				code = http.StatusServiceUnavailable
			}
			hits = append(hits, got{p.Event, p.Article.Title, r.Header.Get("Idempotency-Key"), code})
			w.WriteHeader(code)
		}))
		t.Cleanup(srv.Close)
		f := start(t, st, webhooks.Config{Workers: 4})
		f.hook(t, srv.URL)
		ctx := context.Background()
		id := f.publish(t, "Versi 1")
		for i := 2; i <= 4; i++ {
			a, _ := st.ArticleByIDAnyStatus(ctx, id)
			in := store.InputOf(a)
			in.Title = "Versi " + strconv.Itoa(i)
			if err := st.UpdateArticle(ctx, id, in); err != nil {
				t.Fatal(err)
			}
		}
		waitFor(t, "four deliveries", func() bool {
			mu.Lock()
			defer mu.Unlock()
			n := 0
			for _, h := range hits {
				if h.code == http.StatusOK {
					n++
				}
			}
			return n == 4
		})
		mu.Lock()
		defer mu.Unlock()
		var order []string
		for _, h := range hits {
			if h.code == http.StatusOK {
				order = append(order, h.title)
			}
		}
		want := []string{"Versi 1", "Versi 2", "Versi 3", "Versi 4"}
		for i := range want {
			if order[i] != want[i] {
				t.Fatalf("delivered in order %v, want %v (all attempts %+v)", order, want, hits)
			}
		}
		if hits[0].title != "Versi 1" || hits[1].title != "Versi 1" || hits[2].title != "Versi 1" || hits[0].key == "" || hits[0].key != hits[2].key {
			t.Errorf("the first event was not retried alone with one key: %+v", hits)
		}
	})
}
