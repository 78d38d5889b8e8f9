package store_test

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"warta/internal/domain"
	"warta/internal/store"
	"warta/internal/testdb"
)

// Terpopuler ranks the window's views of every article read, the newer
// first among equals, though it checks only the most read few against the
// articles: drafts and stories still ahead of their time that out-read
// every published one do not change the list, however many there are.
func TestMostReadRanksEveryArticleRead(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := newFixture(t, s)
		now := s.Now()
		h := now.Truncate(time.Hour)
		var views []store.ViewCount
		read := func(id, n int64) { views = append(views, store.ViewCount{ArticleID: id, Hour: h, N: n}) }
		// 40 drafts and a scheduled story read more than anything published.
		for i := range 40 {
			id, err := s.CreateArticle(ctx, store.ArticleInput{Title: fmt.Sprintf("Draf Ramai %d", i), CategoryID: f.nasional, Status: domain.StatusDraft})
			if err != nil {
				t.Fatal(err)
			}
			read(id, int64(1000+i))
		}
		read(publish(t, s, store.ArticleInput{Title: "Terbit Nanti", CategoryID: f.nasional, PublishedAt: now.Add(time.Hour)}), 5000)
		// 30 published stories, oldest first, all with the same 10 views,
		// and three more read 500 times each.
		var tied, top []int64
		for i := range 30 {
			id := publish(t, s, store.ArticleInput{Title: fmt.Sprintf("Berita Seri %d", i), CategoryID: f.nasional,
				PublishedAt: now.Add(-time.Duration(300-i) * time.Minute)})
			tied = append(tied, id)
			read(id, 10)
		}
		for i := range 3 {
			id := publish(t, s, store.ArticleInput{Title: fmt.Sprintf("Berita Utama %d", i), CategoryID: f.nasional,
				PublishedAt: now.Add(-time.Duration(600-i) * time.Minute)})
			top = append([]int64{id}, top...) // the newest first among equals
			read(id, 500)
		}
		if err := s.AddViews(ctx, views); err != nil {
			t.Fatal(err)
		}
		ids := func(list []domain.Article) []int64 {
			var out []int64
			for _, a := range list {
				out = append(out, a.ID)
			}
			return out
		}
		// The three read 500 times, then the newest of the 30 tied at 10.
		want := append(slices.Clone(top), tied[29], tied[28])
		check := func(when string) {
			for _, brief := range []bool{true, false} {
				got, err := s.MostRead(ctx, now.Add(-24*time.Hour), 5, brief)
				if err != nil || !slices.Equal(ids(got), want) {
					t.Errorf("most read today (brief %v), %s: %v %v, want %v", brief, when, ids(got), err, want)
				}
				if err == nil && len(got) == 5 && (got[0].Views != 500 || got[4].Views != 10) {
					t.Errorf("most read today: views %d … %d, want 500 … 10 (the window's)", got[0].Views, got[4].Views)
				}
			}
			// TopArticlesSince has no lifetime fallback to hide an empty list.
			if got, err := s.TopArticlesSince(ctx, now.Add(-24*time.Hour), 5); err != nil || !slices.Equal(ids(got), want) {
				t.Errorf("read most, 5, %s: %v %v, want %v", when, ids(got), err, want)
			}
			// Only the tied ones: the newest 12 of them.
			got, err := s.TopArticlesSince(ctx, now.Add(-24*time.Hour), 15)
			if err != nil || len(got) != 15 || !slices.Equal(ids(got)[3:], []int64{tied[29], tied[28], tied[27], tied[26], tied[25],
				tied[24], tied[23], tied[22], tied[21], tied[20], tied[19], tied[18]}) {
				t.Errorf("read most, 15, %s: %v %v", when, ids(got), err)
			}
		}
		check("41 unpublished read more")
		// More unpublished ones read more than the pool first checked can
		// hold, again and again: every article read is ranked at once.
		views = nil
		for i := range 170 {
			id, err := s.CreateArticle(ctx, store.ArticleInput{Title: fmt.Sprintf("Draf Lain %d", i), CategoryID: f.nasional, Status: domain.StatusDraft})
			if err != nil {
				t.Fatal(err)
			}
			read(id, int64(2000+i))
		}
		if err := s.AddViews(ctx, views); err != nil {
			t.Fatal(err)
		}
		check("211 unpublished read more")
	})
}
