package store_test

import (
	"context"
	"testing"
	"time"

	"warta/internal/domain"
	"warta/internal/store"
	"warta/internal/testdb"
)

// BenchmarkAddComment is the cost of one approved top-level comment, the
// write that every comment counter's trigger follows (comment_counts,
// article_tops), on each engine.
func BenchmarkAddComment(b *testing.B) {
	for _, e := range []struct {
		name string
		open func(testing.TB) *store.Store
	}{{"sqlite", testdb.SQLite}, {"postgres", testdb.Postgres}} {
		b.Run(e.name, func(b *testing.B) {
			s := e.open(b)
			ctx := context.Background()
			cat, err := s.CreateCategory(ctx, domain.Category{Name: "Nasional"})
			if err != nil {
				b.Fatal(err)
			}
			id, err := s.CreateArticle(ctx, store.ArticleInput{Title: "Banjir Rob", CategoryID: cat, Status: domain.StatusPublished,
				PublishedAt: time.Now().Add(-time.Hour)})
			if err != nil {
				b.Fatal(err)
			}
			b.ResetTimer()
			for range b.N {
				if _, err := s.AddComment(ctx, domain.Comment{ArticleID: id, Name: "Pembaca", Body: "Komentar.", Status: domain.CommentApproved}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
