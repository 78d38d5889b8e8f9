package scheduler_test

import (
	"context"
	"io"
	"log/slog"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"warta/internal/domain"
	"warta/internal/scheduler"
	"warta/internal/store"
	"warta/internal/testdb"
)

// Three Warta processes (three stores over one database) run the scheduler;
// every scheduled article goes live within seconds, and each is published
// exactly once.
func TestScheduledArticlesPublishExactlyOnce(t *testing.T) {
	for _, engine := range []string{"sqlite", "postgres"} {
		t.Run(engine, func(t *testing.T) {
			var dsn string
			if engine == "sqlite" {
				dsn = filepath.Join(t.TempDir(), "warta.db")
			} else {
				dsn = testdb.PostgresURL(t)
			}
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			var stores []*store.Store
			for range 3 {
				st, err := store.Open(ctx, dsn)
				if err != nil {
					t.Fatal(err)
				}
				t.Cleanup(func() { st.Close() })
				if err := st.Migrate(ctx); err != nil {
					t.Fatal(err)
				}
				stores = append(stores, st)
			}
			var published atomic.Int64
			for _, st := range stores {
				st.OnArticleChange(func(ctx context.Context, c store.ArticleChange) {
					if c.Kind == "published" {
						published.Add(1)
					}
				})
			}
			cat, err := stores[0].CreateCategory(ctx, domain.Category{Name: "Nasional"})
			if err != nil {
				t.Fatal(err)
			}
			at := time.Now().Add(1500 * time.Millisecond)
			var ids []int64
			for i := range 5 {
				id, err := stores[0].CreateArticle(ctx, store.ArticleInput{Title: "Terjadwal " + string(rune('A'+i)), CategoryID: cat,
					Status: domain.StatusScheduled, PublishedAt: at})
				if err != nil {
					t.Fatal(err)
				}
				ids = append(ids, id)
			}
			log := slog.New(slog.NewTextHandler(io.Discard, nil))
			var wg sync.WaitGroup
			for _, st := range stores {
				wg.Go(func() { scheduler.Run(ctx, st, log, 100*time.Millisecond) })
			}
			deadline := at.Add(5 * time.Second)
			for published.Load() < 5 && time.Now().Before(deadline) {
				time.Sleep(50 * time.Millisecond)
			}
			live := time.Now()
			time.Sleep(500 * time.Millisecond) // let any double publish show up
			cancel()
			wg.Wait()
			if n := published.Load(); n != 5 {
				t.Fatalf("published %d times, want 5 (exactly once each)", n)
			}
			if live.Sub(at) > 5*time.Second {
				t.Errorf("went live %v after its time", live.Sub(at))
			}
			for _, id := range ids {
				if _, err := stores[1].ArticleByID(context.Background(), id); err != nil {
					t.Errorf("article %d not visible: %v", id, err)
				}
			}
		})
	}
}
