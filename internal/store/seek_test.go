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

// A deep page (past store.SeekOffset, found from the per-day counts of
// article_days) holds the articles a cursor walk reaches there, newest and
// oldest first, of all articles, of one channel and of one tag: with publish times
// shared by two articles (the id breaks the tie), drafts, articles ahead of
// their time and today's articles; and still after writes that add, move
// between days and channels, retag, unpublish and delete articles deep in the
// list.
func TestDeepPagesSeekTheArticlesACursorWalkReaches(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := newFixture(t, s)
		b, err := s.BeginBulk(ctx)
		if err != nil {
			t.Fatal(err)
		}
		first, _, tag, author, err := b.NextIDs(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if err := b.Tags(ctx, tag, []string{"Arsip Dalam"}); err != nil {
			t.Fatal(err)
		}
		// A second author on two thirds of the articles: an author's list
		// that is not the whole list.
		if err := b.Authors(ctx, author, []string{"Sari Dalam"}, []string{""}); err != nil {
			t.Fatal(err)
		}
		now := s.Now()
		const n = 2600 // about 39 a day over 67 days
		var list []store.BulkArticle
		pub := now
		for i := range n {
			id := first + int64(i)
			if i%5 != 1 { // every fifth shares the previous article's time
				pub = now.Add(-time.Duration(n-i) * 37 * time.Minute)
			}
			a := store.BulkArticle{ID: id, Slug: fmt.Sprintf("dalam-%d", id), Title: fmt.Sprintf("Arsip dalam nomor %d", id),
				BodyHTML: "<p>Arsip.</p>", CategoryID: f.nasional, Status: domain.StatusPublished, PublishedAt: pub, UpdatedAt: pub,
				AuthorIDs: []int64{f.author}}
			if i%4 != 0 {
				a.TagIDs = []int64{tag}
			}
			if i%3 != 2 {
				a.AuthorIDs = append(a.AuthorIDs, author)
			}
			switch {
			case i%3 == 0:
				a.CategoryID = f.ekonomi
			case i%97 == 0:
				a.Status, a.PublishedAt = domain.StatusDraft, time.Time{}
			case i == n-1:
				a.PublishedAt = now.Add(2 * time.Hour) // ahead of its time
			case i >= n-4:
				a.PublishedAt = now.Add(-time.Duration(n-i) * time.Second) // today, at any hour the test runs
			}
			list = append(list, a)
		}
		if err := b.Articles(ctx, list); err != nil {
			t.Fatal(err)
		}
		if err := b.Finish(ctx); err != nil {
			t.Fatal(err)
		}

		check := func(step string) {
			t.Helper()
			for _, filter := range []domain.ArticleFilter{{}, {CategorySlug: "nasional"}, {TagSlug: "arsip-dalam"}, {AuthorSlug: "rina-wulandari"}, {AuthorSlug: "sari-dalam"}} {
				for _, sort := range []string{store.SortNewest, store.SortOldest} {
					// The walk: pages of 100 by cursor, which never seeks.
					var walk []int64
					q := store.ArticleQuery{Filter: filter, Sort: sort, Page: domain.Page{Number: 1, Size: 100}, NoTotal: true}
					for {
						l, _, err := s.QueryArticles(ctx, q)
						if err != nil {
							t.Fatal(err)
						}
						for _, a := range l {
							walk = append(walk, a.ID)
						}
						if len(l) < 100 {
							break
						}
						q.After = store.CursorAfter(l[len(l)-1])
					}
					if len(walk) < store.SeekOffset+500 {
						t.Fatalf("%s: the walk found %d articles", step, len(walk))
					}
					// Pages of 23 cross day boundaries at every position.
					const size = 23
					for p := store.SeekOffset/size - 1; (p-1)*size <= len(walk); p++ {
						l, total, err := s.QueryArticles(ctx, store.ArticleQuery{Filter: filter, Sort: sort, Page: domain.Page{Number: p, Size: size}})
						if err != nil {
							t.Fatal(err)
						}
						var got []int64
						for _, a := range l {
							got = append(got, a.ID)
						}
						want := walk[min((p-1)*size, len(walk)):min(p*size, len(walk))]
						if total != len(walk) || !slices.Equal(got, want) {
							t.Fatalf("%s: %+v %s page %d: total %d, ids %v; the walk: %d, %v", step, filter, sort, p, total, got, len(walk), want)
						}
					}
				}
			}
		}
		check("loaded")

		deep := func(i int) int64 { return first + int64(i) } // i-th loaded article, oldest first
		if _, err := s.CreateArticle(ctx, store.ArticleInput{Title: "Terbit Belakangan, Bertanggal Lama", CategoryID: f.nasional,
			Tags: []string{"Arsip Dalam"}, AuthorIDs: []int64{f.author}, Status: domain.StatusPublished,
			PublishedAt: now.Add(-40 * 24 * time.Hour)}); err != nil {
			t.Fatal(err)
		}
		if err := s.SetArticleStatus(ctx, deep(400), domain.StatusUnpublished, time.Time{}); err != nil {
			t.Fatal(err)
		}
		if err := s.UpdateArticle(ctx, deep(800), store.ArticleInput{Title: "Pindah Kanal dan Tanggal", CategoryID: f.ekonomi,
			AuthorIDs: []int64{f.author}, Status: domain.StatusPublished, PublishedAt: now.Add(-55 * 24 * time.Hour)}); err != nil {
			t.Fatal(err)
		}
		if err := s.UpdateArticle(ctx, deep(901), store.ArticleInput{Title: "Pindah Tanggal Saja", CategoryID: f.nasional,
			Tags: []string{"Arsip Dalam"}, AuthorIDs: []int64{f.author}, Status: domain.StatusPublished,
			PublishedAt: now.Add(-10 * 24 * time.Hour)}); err != nil {
			t.Fatal(err)
		}
		if err := s.SetArticleStatus(ctx, deep(97), domain.StatusPublished, now.Add(-60*24*time.Hour)); err != nil {
			t.Fatal(err)
		}
		if err := s.DeleteArticle(ctx, deep(1202)); err != nil {
			t.Fatal(err)
		}
		check("after writes")
	})
}
