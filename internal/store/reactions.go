package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"warta/internal/domain"
)

// The hot write statements of reactions, prepared once on SQLite (on
// PostgreSQL React calls warta_react instead).
var (
	qVisibleArticle   = hot("SELECT a.id FROM articles a WHERE a.id = ? AND" + published)
	qReactionOf       = hot("SELECT kind FROM reactions WHERE article_id = ? AND reader = ?")
	qReactionDelete   = hot("DELETE FROM reactions WHERE article_id = ? AND reader = ?")
	qReactionUpsert   = hot(`INSERT INTO reactions (article_id, reader, kind, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT (article_id, reader) DO UPDATE SET kind = excluded.kind, updated_at = excluded.updated_at`)
	qReactionCounters = hot("UPDATE articles SET likes = likes + ?, dislikes = dislikes + ? WHERE id = ?")
	qCounts           = hot("SELECT views, likes, dislikes, comment_count FROM articles WHERE id = ?")
)

// React sets a reader's reaction to an article ("like", "dislike", or
// "none" to remove it) and returns the article's new counts.
//
// The rule, the same on both engines: the visible (published) article's row
// is locked first, so concurrent reactions to one article apply one after
// the other; then the reader's previous reaction is read, and only when it
// differs is the reaction stored or deleted and the counters moved by the
// difference; the counts are read last. So the counters always equal the
// reactions stored, even when one reader sends several at once. A missing
// or unpublished article is domain.NotFound.
//
// On SQLite these are statements of one transaction on the writer
// connection. On PostgreSQL the same statements run inside the function
// warta_react (migration 0196), called as one autocommit statement: one
// round trip instead of seven.
func (s *Store) React(ctx context.Context, articleID int64, reader, kind string) (domain.Counts, error) {
	if kind != domain.ReactionLike && kind != domain.ReactionDislike && kind != domain.ReactionNone {
		return domain.Counts{}, domain.Invalid(`reaksi harus "like", "dislike" atau "none"`)
	}
	if reader == "" {
		return domain.Counts{}, domain.Invalid("pembaca tidak dikenali")
	}
	var c domain.Counts
	if s.dialect == Postgres {
		err := s.w.QueryRowContext(ctx, "SELECT * FROM warta_react($1, $2, $3, $4)", articleID, reader, kind, s.Now()).
			Scan(&c.Views, &c.Likes, &c.Dislikes, &c.CommentCount)
		if errors.Is(err, sql.ErrNoRows) {
			err = domain.NotFound("artikel tidak ditemukan")
		}
		if err != nil {
			return c, fmt.Errorf("react: %w", err)
		}
		return c, nil
	}
	err := s.Tx(ctx, func(tx *sql.Tx) error {
		var id int64
		err := s.tQueryRow(ctx, tx, qVisibleArticle+s.forUpdate(), articleID, s.Now()).Scan(&id)
		if errors.Is(err, sql.ErrNoRows) {
			return domain.NotFound("artikel tidak ditemukan")
		}
		if err != nil {
			return err
		}
		var prev string
		err = s.tQueryRow(ctx, tx, qReactionOf, articleID, reader).Scan(&prev)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		if prev == kind || (prev == "" && kind == domain.ReactionNone) {
			return s.countsTx(ctx, tx, articleID, &c)
		}
		var dl, dd int64
		switch prev {
		case domain.ReactionLike:
			dl--
		case domain.ReactionDislike:
			dd--
		}
		switch kind {
		case domain.ReactionLike:
			dl++
		case domain.ReactionDislike:
			dd++
		}
		if kind == domain.ReactionNone {
			_, err = s.tExec(ctx, tx, qReactionDelete, articleID, reader)
		} else {
			_, err = s.tExec(ctx, tx, qReactionUpsert, articleID, reader, kind, s.Now())
		}
		if err != nil {
			return err
		}
		if _, err := s.tExec(ctx, tx, qReactionCounters, dl, dd, articleID); err != nil {
			return err
		}
		return s.countsTx(ctx, tx, articleID, &c)
	})
	if err != nil {
		return c, fmt.Errorf("react: %w", err)
	}
	return c, nil
}

func (s *Store) countsTx(ctx context.Context, tx *sql.Tx, id int64, c *domain.Counts) error {
	return s.tQueryRow(ctx, tx, qCounts, id).Scan(&c.Views, &c.Likes, &c.Dislikes, &c.CommentCount)
}

// ReactionOf returns the reader's reaction to an article, or "".
func (s *Store) ReactionOf(ctx context.Context, articleID int64, reader string) (string, error) {
	if reader == "" {
		return "", nil
	}
	var kind string
	err := s.r.QueryRowContext(ctx, s.q("SELECT kind FROM reactions WHERE article_id = ? AND reader = ?"), articleID, reader).Scan(&kind)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("reaction of: %w", err)
	}
	return kind, nil
}

// CountReactions counts stored reactions of one kind (tests and audits
// compare it with the article's counters).
func (s *Store) CountReactions(ctx context.Context, articleID int64, kind string) (int64, error) {
	var n int64
	err := s.r.QueryRowContext(ctx, s.q("SELECT COUNT(*) FROM reactions WHERE article_id = ? AND kind = ?"), articleID, kind).Scan(&n)
	return n, err
}
