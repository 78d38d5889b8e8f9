package store_test

import (
	"context"
	"testing"

	"warta/internal/store"
	"warta/internal/testdb"
)

// ArticleViews gives the count a list shows beside each story (the same
// column the list queries read), in one query, leaving out unknown ids.
func TestArticleViewsReadsTheListedCounts(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := newFixture(t, s)
		a := publish(t, s, store.ArticleInput{Title: "Banjir Rob di Pesisir Utara", CategoryID: f.nasional})
		b := publish(t, s, store.ArticleInput{Title: "Harga Cabai Turun", CategoryID: f.nasional})
		if err := s.SetCounters(ctx, a, 1234, 0, 0); err != nil {
			t.Fatal(err)
		}
		got, err := s.ArticleViews(ctx, []int64{a, b, 999999})
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 2 || got[a] != 1234 || got[b] != 0 {
			t.Errorf("views %v, want %d: 1234 and %d: 0 only", got, a, b)
		}
		if got, err := s.ArticleViews(ctx, nil); err != nil || len(got) != 0 {
			t.Errorf("no ids: %v %v", got, err)
		}
	})
}
