package store

import "context"

// CommentArticles returns the distinct articles that the comments ids
// belong to (unknown ids are skipped), so a moderation action can name the
// pages it changes.
func (s *Store) CommentArticles(ctx context.Context, ids []int64) ([]int64, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	return s.ids(ctx, "comment articles", s.q("SELECT DISTINCT article_id FROM comments WHERE id IN ("+placeholders(len(ids))+")"),
		int64Args(ids)...)
}
