package store

import (
	"context"
	"fmt"
)

// PhotoInUse reports whether any article (in any state) shows the photo at
// url, so its files may be deleted only when none does.
func (s *Store) PhotoInUse(ctx context.Context, url string) (bool, error) {
	var n int
	if err := s.w.QueryRowContext(ctx, s.q("SELECT COUNT(*) FROM (SELECT 1 FROM articles WHERE photo_url = ? LIMIT 1) x"), url).Scan(&n); err != nil {
		return false, fmt.Errorf("photo in use: %w", err)
	}
	return n > 0, nil
}
