package app_test

import (
	"context"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"testing"
	"time"

	"warta/internal/app"
	"warta/internal/domain"
	"warta/internal/store"
	"warta/internal/testdb"
	"warta/internal/webhooks"
)

// eachDSN runs fn with a fresh database URL per engine, for tests where the
// application opens (and closes) the store itself, as warta serve does.
func eachDSN(t *testing.T, fn func(t *testing.T, dsn string)) {
	t.Run("sqlite", func(t *testing.T) { fn(t, filepath.Join(t.TempDir(), "warta.db")) })
	t.Run("postgres", func(t *testing.T) { fn(t, testdb.PostgresURL(t)) })
}

// Shutting down while webhook deliveries are in flight records every
// interrupted attempt before the store is closed. warta serve used to start
// the dispatcher in a goroutine it never waited for and close the store
// right after the HTTP server: the attempts recorded after the
// cancellation raced Close and were lost ("sql: database is closed").
func TestShutdownWaitsForWebhookDeliveriesBeforeClosingTheStore(t *testing.T) {
	eachDSN(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		const hooks = 8
		arrived := make(chan struct{}, hooks)
		target := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			io.Copy(io.Discard, r.Body) // then the server notices when the sender hangs up
			arrived <- struct{}{}
			<-r.Context().Done() // answer only when the sender gives up
		}))
		defer target.Close()

		a, err := app.Open(ctx, dsn, app.Config{Webhooks: webhooks.Config{Workers: hooks, PollInterval: 10 * time.Millisecond, AllowPrivate: true,
			Timeout: time.Minute}})
		if err != nil {
			t.Fatal(err)
		}
		st := a.Store
		for range hooks {
			if _, err := st.CreateWebhook(ctx, store.WebhookInput{URL: target.URL, Active: true}, webhooks.NewSecret()); err != nil {
				t.Fatal(err)
			}
		}
		cat, err := st.CreateCategory(ctx, domain.Category{Name: "Nasional"})
		if err != nil {
			t.Fatal(err)
		}
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		stop := a.Start(ln)
		id, err := st.CreateArticle(ctx, store.ArticleInput{Title: "Banjir Surut", CategoryID: cat, Status: domain.StatusPublished,
			PublishedAt: st.Now()})
		if err != nil {
			t.Fatal(err)
		}
		for range hooks { // every delivery is being sent
			select {
			case <-arrived:
			case <-time.After(30 * time.Second):
				t.Fatal("the deliveries never reached the target")
			}
		}
		if err := stop(); err != nil { // SIGTERM: Run returns after closing the store
			t.Fatal(err)
		}

		after, err := store.Open(ctx, dsn)
		if err != nil {
			t.Fatal(err)
		}
		defer after.Close()
		hs, err := after.Webhooks(ctx)
		if err != nil {
			t.Fatal(err)
		}
		var list []domain.WebhookDelivery
		for _, h := range hs {
			ds, _, err := after.WebhookDeliveries(ctx, h.ID, domain.Page{Number: 1, Size: 10})
			if err != nil {
				t.Fatal(err)
			}
			for _, d := range ds {
				if d.ArticleID == id {
					list = append(list, d)
				}
			}
		}
		if len(list) != hooks {
			t.Fatalf("%d deliveries, want %d", len(list), hooks)
		}
		for _, d := range list {
			if d.Attempts != 1 || d.Status != domain.DeliveryPending || d.LastError == "" {
				t.Errorf("delivery %d after shutdown: attempts %d, status %s, error %q; want the interrupted attempt recorded and a retry due",
					d.ID, d.Attempts, d.Status, d.LastError)
			}
		}
	})
}

// A started server deletes the hourly view counts older than
// store.HourlyViewsKeep in the background and keeps the newer ones and the
// lifetime total, as warta serve does once an hour.
func TestServePrunesOldHourlyViews(t *testing.T) {
	eachDSN(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		a, err := app.Open(ctx, dsn, app.Config{})
		if err != nil {
			t.Fatal(err)
		}
		st := a.Store
		cat, err := st.CreateCategory(ctx, domain.Category{Name: "Nasional"})
		if err != nil {
			t.Fatal(err)
		}
		id, err := st.CreateArticle(ctx, store.ArticleInput{Title: "Banjir Surut", CategoryID: cat, Status: domain.StatusPublished,
			PublishedAt: st.Now().AddDate(-1, 0, 0)})
		if err != nil {
			t.Fatal(err)
		}
		now := st.Now().Truncate(time.Hour)
		if err := st.AddViews(ctx, []store.ViewCount{{ArticleID: id, Hour: now.Add(-store.HourlyViewsKeep - 24*time.Hour), N: 5},
			{ArticleID: id, Hour: now, N: 2}}); err != nil {
			t.Fatal(err)
		}
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		stop := a.Start(ln)
		defer stop()
		var hours []store.HourViews
		for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
			if hours, err = st.ViewsPerHour(ctx, id, time.Time{}); err != nil {
				t.Fatal(err)
			}
			if len(hours) == 1 {
				break
			}
		}
		if len(hours) != 1 || !hours[0].Hour.Equal(now) || hours[0].Views != 2 {
			t.Fatalf("hourly views after start: %v, want only this hour's 2", hours)
		}
		art, err := st.ArticleByID(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if art.Views != 7 {
			t.Errorf("lifetime views %d after the prune, want 7", art.Views)
		}
	})
}
