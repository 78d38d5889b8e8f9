package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"warta/internal/domain"
)

// TakeEditLock records that userID is editing an article until now+ttl and
// returns who else holds a live lock on it (zero EditLock when nobody). The
// lock is advisory: the newsroom warns, it does not block.
func (s *Store) TakeEditLock(ctx context.Context, articleID, userID int64, ttl time.Duration) (domain.EditLock, error) {
	now := s.Now()
	var other domain.EditLock
	err := s.Tx(ctx, func(tx *sql.Tx) error {
		var holder int64
		var name string
		var exp time.Time
		err := tx.QueryRowContext(ctx, s.q(`SELECT l.user_id, u.name, l.expires_at FROM edit_locks l JOIN users u ON u.id = l.user_id
			WHERE l.article_id = ?`), articleID).Scan(&holder, &name, &exp)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		if err == nil && holder != userID && exp.After(now) {
			other = domain.EditLock{ArticleID: articleID, UserID: holder, UserName: name, ExpiresAt: exp}
			return nil
		}
		_, err = tx.ExecContext(ctx, s.q(`INSERT INTO edit_locks (article_id, user_id, expires_at) VALUES (?, ?, ?)
			ON CONFLICT (article_id) DO UPDATE SET user_id = excluded.user_id, expires_at = excluded.expires_at`),
			articleID, userID, now.Add(ttl))
		return err
	})
	if err != nil {
		return other, fmt.Errorf("edit lock: %w", err)
	}
	return other, nil
}

// ReleaseEditLock drops userID's lock on an article.
func (s *Store) ReleaseEditLock(ctx context.Context, articleID, userID int64) error {
	_, err := s.w.ExecContext(ctx, s.q("DELETE FROM edit_locks WHERE article_id = ? AND user_id = ?"), articleID, userID)
	if err != nil {
		return fmt.Errorf("release edit lock: %w", err)
	}
	return nil
}
