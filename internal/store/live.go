package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"warta/internal/domain"
)

// Live reports (issue 14). Every write below bumps the report's seq inside
// its transaction and touches the article like a correction note does
// (updated_at, and the article-change hooks: this process's caches, the
// other processes' through NOTIFY, feeds, webhooks), so the article page
// shows the change at once and readers' streams (internal/site/live.go)
// hear of it. The change is PageOnly: no list shows a live report, so the
// caches keep every other page.

const liveUpdateCols = `id, article_id, seq, title, body_source, body_html, COALESCE(user_id, 0), created_at, updated_at, deleted`

func scanLiveUpdate(row rowScanner, more ...any) (domain.LiveUpdate, error) {
	var u domain.LiveUpdate
	err := row.Scan(append([]any{&u.ID, &u.ArticleID, &u.Seq, &u.Title, &u.BodySource, &u.BodyHTML, &u.UserID, &u.CreatedAt, &u.UpdatedAt, &u.Deleted}, more...)...)
	return u, err
}

// LiveReport returns an article's live report (not found when the article
// is not one).
func (s *Store) LiveReport(ctx context.Context, articleID int64) (domain.LiveReport, error) {
	r := domain.LiveReport{ArticleID: articleID}
	var ended sql.NullTime
	err := s.r.QueryRowContext(ctx, s.q(`SELECT seq, status_seq, started_at, ended_at FROM live_reports WHERE article_id = ?`),
		articleID).Scan(&r.Seq, &r.StatusSeq, &r.StartedAt, &ended)
	if errors.Is(err, sql.ErrNoRows) {
		return r, domain.NotFound("artikel ini bukan laporan langsung")
	}
	if err != nil {
		return r, fmt.Errorf("live report: %w", err)
	}
	if ended.Valid {
		r.EndedAt = ended.Time
	}
	return r, nil
}

// liveWrite runs fn in a transaction after bumping the article's report
// seq (fn gets the new seq and whether the report had ended), touches the
// article and runs its change hooks. A missing report is not found.
func (s *Store) liveWrite(ctx context.Context, articleID int64, what string, fn func(tx *sql.Tx, seq int64, ended bool, now time.Time) error) error {
	var changes []ArticleChange
	err := s.Tx(ctx, func(tx *sql.Tx) error {
		now := s.Now()
		var seq int64
		var ended sql.NullTime
		err := tx.QueryRowContext(ctx, s.q(`UPDATE live_reports SET seq = seq + 1 WHERE article_id = ? RETURNING seq, ended_at`),
			articleID).Scan(&seq, &ended)
		if errors.Is(err, sql.ErrNoRows) {
			return domain.NotFound("artikel ini bukan laporan langsung")
		}
		if err != nil {
			return err
		}
		if err := fn(tx, seq, ended.Valid, now); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, s.q("UPDATE articles SET updated_at = ? WHERE id = ?"), now, articleID); err != nil {
			return err
		}
		changes, err = s.touchArticles(ctx, tx, []int64{articleID}, true)
		return err
	})
	if err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	s.afterTouch(ctx, changes)
	return nil
}

// StartLive makes an article a live report, or reopens one that ended.
// Starting a running report changes nothing.
func (s *Store) StartLive(ctx context.Context, articleID int64) (domain.LiveReport, error) {
	cur, err := s.LiveReport(ctx, articleID)
	switch {
	case err == nil && !cur.Ended():
		return cur, nil
	case err == nil:
		err = s.liveWrite(ctx, articleID, "reopen live report", func(tx *sql.Tx, seq int64, _ bool, _ time.Time) error {
			_, err := tx.ExecContext(ctx, s.q(`UPDATE live_reports SET ended_at = NULL, status_seq = ? WHERE article_id = ?`), seq, articleID)
			return err
		})
	case errors.Is(err, domain.ErrNotFound):
		var changes []ArticleChange
		err = s.Tx(ctx, func(tx *sql.Tx) error {
			now := s.Now()
			res, err := tx.ExecContext(ctx, s.q("UPDATE articles SET updated_at = ? WHERE id = ?"), now, articleID)
			if err != nil {
				return err
			}
			if n, _ := res.RowsAffected(); n == 0 {
				return domain.NotFound("artikel tidak ditemukan")
			}
			if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO live_reports (article_id, seq, status_seq, started_at)
				VALUES (?, 1, 1, ?) ON CONFLICT (article_id) DO NOTHING`), articleID, now); err != nil {
				return err
			}
			changes, err = s.touchArticles(ctx, tx, []int64{articleID}, true)
			return err
		})
		if err != nil {
			return domain.LiveReport{}, fmt.Errorf("start live report: %w", err)
		}
		s.afterTouch(ctx, changes)
	}
	if err != nil {
		return domain.LiveReport{}, err
	}
	return s.LiveReport(ctx, articleID)
}

// EndLive ends a live report ("Laporan langsung selesai"): no more updates
// until it is reopened. Ending an ended report is a conflict.
func (s *Store) EndLive(ctx context.Context, articleID int64) (domain.LiveReport, error) {
	err := s.liveWrite(ctx, articleID, "end live report", func(tx *sql.Tx, seq int64, ended bool, now time.Time) error {
		if ended {
			return domain.Conflict("laporan langsung ini sudah selesai")
		}
		_, err := tx.ExecContext(ctx, s.q(`UPDATE live_reports SET ended_at = ?, status_seq = ? WHERE article_id = ?`), now, seq, articleID)
		return err
	})
	if err != nil {
		return domain.LiveReport{}, err
	}
	return s.LiveReport(ctx, articleID)
}

// AddLiveUpdate adds an update to a running live report and returns it.
// Its time is now, or u.CreatedAt when set (the demo, imports).
func (s *Store) AddLiveUpdate(ctx context.Context, u domain.LiveUpdate) (domain.LiveUpdate, error) {
	var id int64
	err := s.liveWrite(ctx, u.ArticleID, "add live update", func(tx *sql.Tx, seq int64, ended bool, now time.Time) error {
		if ended {
			return domain.Conflict("laporan langsung ini sudah selesai: buka lagi untuk menambah pembaruan")
		}
		if !u.CreatedAt.IsZero() {
			// The coverage starts with its first update at the latest.
			now = dbTime(u.CreatedAt)
			if _, err := tx.ExecContext(ctx, s.q(`UPDATE live_reports SET started_at = ? WHERE article_id = ? AND started_at > ?`),
				now, u.ArticleID, now); err != nil {
				return err
			}
		}
		var err error
		id, err = s.insertID(ctx, tx, `INSERT INTO live_updates (article_id, seq, title, body_source, body_html, user_id, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, u.ArticleID, seq, u.Title, u.BodySource, u.BodyHTML, nullID(u.UserID), now, now)
		return err
	})
	if err != nil {
		return domain.LiveUpdate{}, err
	}
	return s.LiveUpdate(ctx, u.ArticleID, id)
}

// EditLiveUpdate replaces an update's title and body (its time stays).
func (s *Store) EditLiveUpdate(ctx context.Context, u domain.LiveUpdate) (domain.LiveUpdate, error) {
	err := s.liveWrite(ctx, u.ArticleID, "edit live update", func(tx *sql.Tx, seq int64, _ bool, now time.Time) error {
		res, err := tx.ExecContext(ctx, s.q(`UPDATE live_updates SET seq = ?, title = ?, body_source = ?, body_html = ?, updated_at = ?
			WHERE id = ? AND article_id = ? AND deleted = FALSE`), seq, u.Title, u.BodySource, u.BodyHTML, now, u.ID, u.ArticleID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return domain.NotFound("pembaruan tidak ditemukan")
		}
		return nil
	})
	if err != nil {
		return domain.LiveUpdate{}, err
	}
	return s.LiveUpdate(ctx, u.ArticleID, u.ID)
}

// DeleteLiveUpdate removes an update: its text is gone, an empty row stays
// so that readers' streams resuming past it learn of the deletion.
func (s *Store) DeleteLiveUpdate(ctx context.Context, articleID, id int64) error {
	return s.liveWrite(ctx, articleID, "delete live update", func(tx *sql.Tx, seq int64, _ bool, now time.Time) error {
		res, err := tx.ExecContext(ctx, s.q(`UPDATE live_updates SET seq = ?, title = '', body_source = '', body_html = '',
			deleted = TRUE, updated_at = ? WHERE id = ? AND article_id = ? AND deleted = FALSE`), seq, now, id, articleID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return domain.NotFound("pembaruan tidak ditemukan")
		}
		return nil
	})
}

// LiveUpdate returns one update of an article's report (not deleted).
func (s *Store) LiveUpdate(ctx context.Context, articleID, id int64) (domain.LiveUpdate, error) {
	u, err := scanLiveUpdate(s.r.QueryRowContext(ctx, s.q(`SELECT `+liveUpdateCols+` FROM live_updates
		WHERE id = ? AND article_id = ? AND deleted = FALSE`), id, articleID))
	if errors.Is(err, sql.ErrNoRows) {
		return u, domain.NotFound("pembaruan tidak ditemukan")
	}
	if err != nil {
		return u, fmt.Errorf("live update: %w", err)
	}
	return u, nil
}

// LiveUpdates returns a report's updates, newest first, at most limit (1
// or more), and how many there are in all: the count comes with each row,
// in one read (the engines count once, an uncorrelated subquery); no row,
// no update.
func (s *Store) LiveUpdates(ctx context.Context, articleID int64, limit int) ([]domain.LiveUpdate, int, error) {
	var total int
	list, err := s.liveUpdates(ctx, []any{&total}, `SELECT `+liveUpdateCols+`,
		(SELECT COUNT(*) FROM live_updates WHERE article_id = ? AND deleted = FALSE)
		FROM live_updates WHERE article_id = ? AND deleted = FALSE
		ORDER BY created_at DESC, id DESC LIMIT ?`, articleID, articleID, max(limit, 1))
	return list, total, err
}

// LiveChangesSince returns the updates written after change seq (deleted
// ones included, as tombstones), oldest change first, at most limit.
func (s *Store) LiveChangesSince(ctx context.Context, articleID, seq int64, limit int) ([]domain.LiveUpdate, error) {
	return s.liveUpdates(ctx, nil, `SELECT `+liveUpdateCols+` FROM live_updates WHERE article_id = ? AND seq > ?
		ORDER BY seq LIMIT ?`, articleID, seq, limit)
}

// liveUpdates reads the updates query selects, and into more the columns
// after theirs.
func (s *Store) liveUpdates(ctx context.Context, more []any, query string, args ...any) ([]domain.LiveUpdate, error) {
	rows, err := s.r.QueryContext(ctx, s.q(query), args...)
	if err != nil {
		return nil, fmt.Errorf("live updates: %w", err)
	}
	defer rows.Close()
	var list []domain.LiveUpdate
	for rows.Next() {
		u, err := scanLiveUpdate(rows, more...)
		if err != nil {
			return nil, fmt.Errorf("live updates: %w", err)
		}
		list = append(list, u)
	}
	return list, rows.Err()
}

// BreakingArticles returns the published articles that are breaking news
// at the store's now (flagged, their end not reached), newest first.
func (s *Store) BreakingArticles(ctx context.Context, limit int) ([]domain.Article, error) {
	now := s.Now()
	from := articleFrom
	if s.dialect == SQLite {
		// Without the hint SQLite's planner may walk every published
		// article by channel instead (780 ms at 100,000, once
		// articles_pub_views existed): the choice is that close.
		from = " FROM articles a INDEXED BY articles_breaking JOIN categories c ON c.id = a.category_id"
	}
	return s.queryArticles(ctx, "SELECT "+s.cols(articleListCols)+from+" WHERE"+published+
		" AND a.breaking = TRUE AND (a.breaking_until IS NULL OR a.breaking_until > ?) ORDER BY a.published_at DESC LIMIT ?",
		now, now, limit)
}
