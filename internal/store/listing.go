package store

// Copies that keep list pages fast at a million articles (issue 11): the
// publish time of a published article on its article_tags and
// article_authors rows (pub_at, NULL while not published), and per block of
// 1,000 article ids the number of published articles and their newest
// updated_at (article_blocks, read by the sitemap index). One in-transaction
// article hook keeps both exact, so every article write path (create,
// update, status change, scheduled publication, tag merges) maintains them
// without knowing they exist.

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"
)

// blockSize is the number of article ids per article_blocks row; sitemap
// files hold a multiple of it when they can be summed from blocks.
const blockSize = 1000

// registerListingHooks keeps pub_at and article_blocks in step with every
// article write, inside the writing transaction.
func (s *Store) registerListingHooks() {
	s.OnArticleWrite(func(ctx context.Context, tx *sql.Tx, c ArticleChange) error {
		if err := s.syncListing(ctx, tx, c.ArticleID, c.Kind == "deleted"); err != nil {
			return fmt.Errorf("listing copies: %w", err)
		}
		return nil
	})
}

// syncListing copies one article's publish time onto its tag and author
// rows and recounts its block. A deleted article's block is counted without
// it (the hook runs before the row goes).
func (s *Store) syncListing(ctx context.Context, tx *sql.Tx, id int64, deleted bool) error {
	pub := `(SELECT a.published_at FROM articles a WHERE a.id = ? AND a.status = 'published')`
	for _, t := range []string{"article_tags", "article_authors"} {
		if _, err := tx.ExecContext(ctx, s.q("UPDATE "+t+" SET pub_at = "+pub+" WHERE article_id = ?"), id, id); err != nil {
			return err
		}
	}
	block := (id - 1) / blockSize
	var n int64
	var last any
	err := tx.QueryRowContext(ctx, s.q(`SELECT COUNT(*), MAX(updated_at) FROM articles
		WHERE id > ? AND id <= ? AND status = 'published' AND id <> ?`), block*blockSize, (block+1)*blockSize, deletedID(id, deleted)).Scan(&n, &last)
	if err != nil {
		return err
	}
	if n == 0 {
		_, err = tx.ExecContext(ctx, s.q("DELETE FROM article_blocks WHERE block = ?"), block)
		return err
	}
	lastmod, err := anyTime(last)
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, s.q(`INSERT INTO article_blocks (block, published, lastmod) VALUES (?, ?, ?)
		ON CONFLICT (block) DO UPDATE SET published = excluded.published, lastmod = excluded.lastmod`), block, n, dbTime(lastmod))
	return err
}

// deletedID is the id to leave out of a block count: the article being
// deleted, or none (0 is no article's id).
func deletedID(id int64, deleted bool) int64 {
	if deleted {
		return id
	}
	return 0
}

// TraceReads calls fn with every read query and its arguments (as sent to
// the engine) until called with nil. Tests use it to check the plans of the
// queries a page really runs; fn must be safe for concurrent use.
func (s *Store) TraceReads(fn func(query string, args []any)) {
	if fn == nil {
		s.r.trace.Store(nil)
		return
	}
	s.r.trace.Store(&fn)
}

// Explain returns the engine's plan for a read query, one step a line
// (SQLite's EXPLAIN QUERY PLAN details, PostgreSQL's EXPLAIN text). With
// noSeqScan PostgreSQL is told to avoid sequential scans, so a small test
// table shows which index the query can use at scale.
func (s *Store) Explain(ctx context.Context, query string, noSeqScan bool, args ...any) (string, error) {
	conn, err := s.r.DB.Conn(ctx)
	if err != nil {
		return "", err
	}
	defer conn.Close()
	var lines []string
	if s.dialect == Postgres {
		if noSeqScan {
			if _, err := conn.ExecContext(ctx, "SET enable_seqscan = off"); err != nil {
				return "", err
			}
			defer conn.ExecContext(context.WithoutCancel(ctx), "RESET enable_seqscan")
		}
		rows, err := conn.QueryContext(ctx, "EXPLAIN "+query, args...)
		if err != nil {
			return "", err
		}
		defer rows.Close()
		for rows.Next() {
			var l string
			if err := rows.Scan(&l); err != nil {
				return "", err
			}
			lines = append(lines, l)
		}
		return strings.Join(lines, "\n"), rows.Err()
	}
	rows, err := conn.QueryContext(ctx, "EXPLAIN QUERY PLAN "+query, args...)
	if err != nil {
		return "", err
	}
	defer rows.Close()
	for rows.Next() {
		var id, parent, unused int
		var detail string
		if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
			return "", err
		}
		lines = append(lines, detail)
	}
	return strings.Join(lines, "\n"), rows.Err()
}

// TimeRead runs a read query as a page would (through the read pool),
// reads every row and returns how long that took and how many rows came
// back. Only for diagnostics: TestPageQueryPlansAtScale ranks the queries
// of each page by it.
func (s *Store) TimeRead(ctx context.Context, query string, args ...any) (time.Duration, int, error) {
	t := time.Now()
	rows, err := s.r.DB.QueryContext(ctx, query, args...)
	if err != nil {
		return 0, 0, err
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		n++
	}
	if err := rows.Err(); err != nil {
		return 0, 0, err
	}
	return time.Since(t), n, nil
}
