package store

import (
	"context"
	"fmt"
)

// ArticleViews returns the lifetime view counts of the given articles (the
// count lists show beside a story), in one query. Articles that do not
// exist are left out.
func (s *Store) ArticleViews(ctx context.Context, ids []int64) (map[int64]int64, error) {
	out := make(map[int64]int64, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	rows, err := s.r.QueryContext(ctx, s.q("SELECT id, views FROM articles WHERE id IN ("+placeholders(len(ids))+")"), args...)
	if err != nil {
		return nil, fmt.Errorf("article views: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id, n int64
		if err := rows.Scan(&id, &n); err != nil {
			return nil, fmt.Errorf("article views: %w", err)
		}
		out[id] = n
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("article views: %w", err)
	}
	return out, nil
}
