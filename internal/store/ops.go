package store

// What operations tooling (internal/metrics, internal/backup,
// internal/dbcopy, internal/wpimport) needs from the store: pool statistics,
// the raw connections for whole-database work, readiness probes, a few
// counts for /metrics and the redirects of imported sites.

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
)

// PoolStats returns the connection pool statistics of the writer and the
// reader pool (the same pool on PostgreSQL).
func (s *Store) PoolStats() (writer, reader sql.DBStats) {
	return s.w.Stats(), s.r.Stats()
}

// WriteDB is the writing connection pool (one connection on SQLite). Only
// whole-database tools use it: backups, copies between engines.
func (s *Store) WriteDB() *sql.DB { return s.w }

// Rebind rewrites ? placeholders for this store's engine.
func (s *Store) Rebind(query string) string { return s.q(query) }

// MigrationVersions lists the migration versions this binary carries.
func (s *Store) MigrationVersions() ([]int, error) {
	migs, err := migrations(s.dialect)
	if err != nil {
		return nil, err
	}
	vs := make([]int, len(migs))
	for i, m := range migs {
		vs[i] = m.version
	}
	return vs, nil
}

// PendingMigrations counts the migrations this binary carries that the
// database has not recorded.
func (s *Store) PendingMigrations(ctx context.Context) (int, error) {
	vs, err := s.MigrationVersions()
	if err != nil {
		return 0, err
	}
	applied := map[int]bool{}
	rows, err := s.r.QueryContext(ctx, "SELECT version FROM schema_migrations")
	if err != nil {
		return len(vs), err
	}
	defer rows.Close()
	for rows.Next() {
		var v int
		if err := rows.Scan(&v); err != nil {
			return len(vs), err
		}
		applied[v] = true
	}
	if err := rows.Err(); err != nil {
		return len(vs), err
	}
	n := 0
	for _, v := range vs {
		if !applied[v] {
			n++
		}
	}
	return n, nil
}

// ProbeWrite writes one small row through the writer, so readiness notices
// a database that answers reads but cannot take writes (a full disk, a
// read-only file, a PostgreSQL in recovery).
func (s *Store) ProbeWrite(ctx context.Context) error {
	_, err := s.w.ExecContext(ctx, s.q(`INSERT INTO ops_probe (id, at) VALUES (1, ?)
		ON CONFLICT (id) DO UPDATE SET at = excluded.at`), s.Now())
	return err
}

// OpsCounts are the queue lengths /metrics reports, read from the database
// so they hold for every process over it.
type OpsCounts struct {
	CommentsPending  int64
	WebhooksPending  int64
	WebhooksFailed   int64
	ScheduledOverdue int64         // scheduled articles past their time, not yet published
	SchedulerLag     time.Duration // how long the oldest of them has waited
}

// OpsCounts reads the queue lengths. Each is one indexed count.
func (s *Store) OpsCounts(ctx context.Context) (OpsCounts, error) {
	var c OpsCounts
	err := s.r.QueryRowContext(ctx, `SELECT
		(SELECT COUNT(*) FROM comments WHERE status = 'pending'),
		(SELECT COUNT(*) FROM webhook_deliveries WHERE status = 'pending'),
		(SELECT COUNT(*) FROM webhook_deliveries WHERE status = 'failed')`).
		Scan(&c.CommentsPending, &c.WebhooksPending, &c.WebhooksFailed)
	if err != nil {
		return c, fmt.Errorf("ops counts: %w", err)
	}
	now := s.Now()
	rows, err := s.r.QueryContext(ctx, s.q(`SELECT published_at FROM articles
		WHERE status = 'scheduled' AND published_at <= ? ORDER BY published_at`), now)
	if err != nil {
		return c, fmt.Errorf("ops counts: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var t time.Time
		if err := rows.Scan(&t); err != nil {
			return c, fmt.Errorf("ops counts: %w", err)
		}
		if c.ScheduledOverdue == 0 {
			c.SchedulerLag = now.Sub(t)
		}
		c.ScheduledOverdue++
	}
	return c, rows.Err()
}

// Redirect returns where an old address (a path, or "/?p=123") now lives.
func (s *Store) Redirect(ctx context.Context, oldPath string) (string, bool, error) {
	var target string
	err := s.r.QueryRowContext(ctx, s.q("SELECT target FROM redirects WHERE old_path = ?"), oldPath).Scan(&target)
	if errors.Is(err, sql.ErrNoRows) {
		return "", false, nil
	}
	if err != nil {
		return "", false, fmt.Errorf("redirect: %w", err)
	}
	return target, true, nil
}

// NormalizeRedirectPath is the form old addresses are stored and looked up
// in: the path without its trailing slash (but "/" itself), and for the
// home page's query-style addresses (/?p=123) the one query parameter.
func NormalizeRedirectPath(path, rawQuery string) string {
	if len(path) > 1 {
		path = strings.TrimRight(path, "/")
		if path == "" {
			path = "/"
		}
	}
	if rawQuery != "" && path == "/" {
		return "/?" + rawQuery
	}
	return path
}

// PutRedirect records (or replaces) the new address of an old one, inside tx
// when it is not nil.
func (s *Store) PutRedirect(ctx context.Context, tx *sql.Tx, oldPath, target, source string) error {
	var ex execer = s.w
	if tx != nil {
		ex = tx
	}
	_, err := ex.ExecContext(ctx, s.q(`INSERT INTO redirects (old_path, target, source, created_at) VALUES (?, ?, ?, ?)
		ON CONFLICT (old_path) DO UPDATE SET target = excluded.target, source = excluded.source`),
		oldPath, target, source, s.Now())
	if err != nil {
		return fmt.Errorf("redirect %s: %w", oldPath, err)
	}
	return nil
}
