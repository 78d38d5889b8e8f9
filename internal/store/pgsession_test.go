package store_test

import (
	"context"
	"testing"

	"warta/internal/store"
	"warta/internal/testdb"
)

// Warta's PostgreSQL sessions start without parallel plans (a rare-word
// search at 1M waited 45 ms for two workers), unless the URL asks for them.
func TestPostgresSessionsRunWithoutParallelPlans(t *testing.T) {
	base := testdb.PostgresURL(t)
	for _, c := range []struct{ url, want string }{{base, "0"}, {base + "&max_parallel_workers_per_gather=3", "3"}} {
		s, err := store.Open(context.Background(), c.url)
		if err != nil {
			t.Fatal(err)
		}
		got, err := store.SessionSetting(s, "max_parallel_workers_per_gather")
		s.Close()
		if err != nil {
			t.Fatal(err)
		}
		if got != c.want {
			t.Errorf("%s: max_parallel_workers_per_gather = %s, want %s", c.url, got, c.want)
		}
	}
}
