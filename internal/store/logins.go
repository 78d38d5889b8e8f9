package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// LoginFailures returns how many failed logins key counts and when the last
// one was (0 and the zero time when none).
func (s *Store) LoginFailures(ctx context.Context, key string) (int, time.Time, error) {
	var n int
	var last time.Time
	err := s.r.QueryRowContext(ctx, s.q("SELECT fails, last_at FROM login_failures WHERE key = ?"), key).Scan(&n, &last)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, time.Time{}, nil
	}
	if err != nil {
		return 0, time.Time{}, fmt.Errorf("login failures: %w", err)
	}
	return n, last, nil
}

// AddLoginFailure counts a failed login for key; a count whose last failure
// is older than window starts again at 1. It returns the new count. Counts
// idle for a day are dropped on the way.
func (s *Store) AddLoginFailure(ctx context.Context, key string, window time.Duration) (int, error) {
	now := s.Now()
	var n int
	err := s.w.QueryRowContext(ctx, s.q(`INSERT INTO login_failures (key, fails, last_at) VALUES (?, 1, ?)
		ON CONFLICT (key) DO UPDATE SET
			fails = CASE WHEN login_failures.last_at < ? THEN 1 ELSE login_failures.fails + 1 END,
			last_at = excluded.last_at
		RETURNING fails`), key, now, now.Add(-window)).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("count login failure: %w", err)
	}
	if _, err := s.w.ExecContext(ctx, s.q("DELETE FROM login_failures WHERE last_at < ?"), now.Add(-24*time.Hour)); err != nil {
		return n, fmt.Errorf("forget old login failures: %w", err)
	}
	return n, nil
}

// ClearLoginFailures forgets key's failed logins (after a successful one).
func (s *Store) ClearLoginFailures(ctx context.Context, key string) error {
	if _, err := s.w.ExecContext(ctx, s.q("DELETE FROM login_failures WHERE key = ?"), key); err != nil {
		return fmt.Errorf("clear login failures: %w", err)
	}
	return nil
}
