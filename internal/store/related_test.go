package store_test

import (
	"context"
	"testing"
	"time"

	"warta/internal/domain"
	"warta/internal/store"
	"warta/internal/testdb"
)

// TagDocs counts a tag's published articles up to the limit it is given
// (related news needs a count only below a tag's over-use cut), exactly
// below it; drafts and scheduled stories do not count.
func TestTagDocsCountsUpToTheLimit(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := newFixture(t, s)
		base := time.Now().Add(-48 * time.Hour).UTC().Truncate(time.Second)
		for i, tags := range [][]string{{"Banjir", "Gunung"}, {"Banjir"}, {"Banjir"}, {"Banjir"}} {
			publish(t, s, store.ArticleInput{Title: "Banjir di Lereng Gunung", CategoryID: f.nasional, Tags: tags,
				AuthorIDs: []int64{f.author}, Status: domain.StatusPublished, PublishedAt: base.Add(time.Duration(i) * time.Hour)})
		}
		for _, status := range []domain.Status{domain.StatusDraft, domain.StatusScheduled} {
			publish(t, s, store.ArticleInput{Title: "Gunung Meletus Lagi", CategoryID: f.nasional, Tags: []string{"Gunung", "Kawah"},
				AuthorIDs: []int64{f.author}, Status: status, PublishedAt: time.Now().Add(time.Hour)})
		}
		tags, err := s.TagsWithCounts(ctx)
		if err != nil {
			t.Fatal(err)
		}
		id := map[string]int64{}
		for _, tg := range tags {
			id[tg.Slug] = tg.ID
		}
		if id["kawah"] == 0 {
			t.Fatal("no tag kawah")
		}
		ids := []int64{id["banjir"], id["gunung"], id["kawah"]}
		for _, c := range []struct{ limit, banjir, gunung int64 }{{10, 4, 1}, {4, 4, 1}, {2, 2, 1}, {1, 1, 1}} {
			got, err := s.TagDocs(ctx, ids, c.limit)
			if err != nil {
				t.Fatal(err)
			}
			if got[id["banjir"]] != c.banjir || got[id["gunung"]] != c.gunung || len(got) != 2 {
				t.Errorf("limit %d: %v, want banjir %d, gunung %d", c.limit, got, c.banjir, c.gunung)
			}
		}
	})
}
