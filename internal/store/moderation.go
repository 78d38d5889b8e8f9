package store

import (
	"context"
	"fmt"
)

// CommentArticles returns the distinct articles that the comments ids
// belong to (unknown ids are skipped), so a moderation action can name the
// pages it changes.
func (s *Store) CommentArticles(ctx context.Context, ids []int64) ([]int64, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	rows, err := s.r.QueryContext(ctx, s.q("SELECT DISTINCT article_id FROM comments WHERE id IN ("+placeholders(len(ids))+")"),
		int64Args(ids)...)
	if err != nil {
		return nil, fmt.Errorf("comment articles: %w", err)
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("comment articles: %w", err)
		}
		out = append(out, id)
	}
	return out, rows.Err()
}
