package store

import (
	"context"
	"fmt"
)

// HasPendingComment reports whether the reader has a comment waiting for
// moderation on the article (only its author sees those), so a page can
// show everyone else's shared comments section to a reader who has none.
func (s *Store) HasPendingComment(ctx context.Context, articleID int64, reader string) (bool, error) {
	if reader == "" {
		return false, nil
	}
	var n int
	err := s.r.QueryRowContext(ctx, s.q("SELECT COUNT(*) FROM (SELECT 1 FROM comments WHERE article_id = ? AND status = 'pending' AND reader = ? LIMIT 1) p"),
		articleID, reader).Scan(&n)
	if err != nil {
		return false, fmt.Errorf("pending comment: %w", err)
	}
	return n > 0, nil
}
