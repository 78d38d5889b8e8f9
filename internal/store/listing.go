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
