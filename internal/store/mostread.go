package store

// Terpopuler kept ready (migration 0203). Ranking a window sums every
// hourly view row in it: a portal's week holds millions (every article read
// in every hour; 3.4 million on the 1M scale archive, where ranking the
// week takes 1.7 s on SQLite and 5.4 s on PostgreSQL, and took the home
// page as long). The discovery job ranks the reader site's windows and the
// newsroom's once a minute (RefreshMostRead) and MostRead reads the stored
// list by key, a few rows whatever the traffic. A list is at most a minute
// old: the views shown are those that ranked it.

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"warta/internal/domain"
)

// MostReadPool is how many articles a ranked window keeps: more than the
// longest list asked of it (Terpopuler's page), so stories taken down
// between two rankings leave the list full.
const MostReadPool = 60

// MostReadMaxAge is how long a ranked window answers. The job ranks each
// window every minute, so only a site that was down (or whose job failed)
// has older lists; past it MostRead falls back to lifetime counts and the
// next ranking drops the window. Meanwhile a restarted process shows the
// lists ranked before it stopped.
const MostReadMaxAge = time.Hour

// RefreshMostRead ranks the windows starting at sinces (each truncated to
// the hour, as the hourly counts are) and stores their lists, skipping a
// window ranked less than fresh ago (by another process over the same
// PostgreSQL), then drops the windows no longer ranked.
func (s *Store) RefreshMostRead(ctx context.Context, sinces []time.Time, fresh time.Duration) error {
	for _, since := range sinces {
		since = since.Truncate(time.Hour)
		var at sql.NullTime
		err := s.w.QueryRowContext(ctx, s.q("SELECT computed_at FROM most_read_windows WHERE since = ?"), dbTime(since)).Scan(&at)
		if err != nil && err != sql.ErrNoRows {
			return fmt.Errorf("most read: %w", err)
		}
		if at.Valid && s.Now().Sub(at.Time) < fresh {
			continue
		}
		list, err := s.rankWindow(ctx, since)
		if err != nil {
			return err
		}
		err = s.Tx(ctx, func(tx *sql.Tx) error {
			if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO most_read_windows (since, computed_at, size) VALUES (?, ?, ?)
				ON CONFLICT (since) DO UPDATE SET computed_at = excluded.computed_at, size = excluded.size`),
				dbTime(since), dbTime(s.Now()), len(list)); err != nil {
				return err
			}
			// An article deleted since the ranking is left out (a gap in
			// the positions, which only order the list).
			for i, a := range list {
				if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO most_read (since, position, article_id, views)
					SELECT ?, ?, id, ? FROM articles WHERE id = ?
					ON CONFLICT (since, position) DO UPDATE SET article_id = excluded.article_id, views = excluded.views`),
					dbTime(since), i, a.Views, a.ID); err != nil {
					return err
				}
			}
			_, err := tx.ExecContext(ctx, s.q("DELETE FROM most_read WHERE since = ? AND position >= ?"), dbTime(since), len(list))
			return err
		})
		if err != nil {
			return fmt.Errorf("most read: %w", err)
		}
	}
	old := dbTime(s.Now().Add(-MostReadMaxAge))
	return s.Tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, s.q("DELETE FROM most_read WHERE since IN (SELECT since FROM most_read_windows WHERE computed_at < ?)"), old); err != nil {
			return fmt.Errorf("most read: %w", err)
		}
		if _, err := tx.ExecContext(ctx, s.q("DELETE FROM most_read_windows WHERE computed_at < ?"), old); err != nil {
			return fmt.Errorf("most read: %w", err)
		}
		return nil
	})
}

// rankedMostRead answers from a ranked window: the one starting nearest to
// since, within the hour either side (a rolling week moves on each hour a
// minute before its next ranking), ranked in the last MostReadMaxAge. ok is
// false where there is none, where limit is beyond the pool, or where
// stories taken down since the ranking left a full pool short of limit (the
// list is then what is left of it); a shorter pool held every article read
// in the window.
func (s *Store) rankedMostRead(ctx context.Context, since time.Time, limit int) (list []domain.Article, ok bool, err error) {
	if limit > MostReadPool {
		return nil, false, nil
	}
	since = since.Truncate(time.Hour)
	rows, err := s.r.QueryContext(ctx, s.q("SELECT since, size FROM most_read_windows WHERE since >= ? AND since <= ? AND computed_at >= ?"),
		dbTime(since.Add(-time.Hour)), dbTime(since.Add(time.Hour)), dbTime(s.Now().Add(-MostReadMaxAge)))
	if err != nil {
		return nil, false, fmt.Errorf("most read: %w", err)
	}
	var best time.Time
	size := -1
	for rows.Next() {
		var w time.Time
		var n int
		if err := rows.Scan(&w, &n); err != nil {
			rows.Close()
			return nil, false, fmt.Errorf("most read: %w", err)
		}
		if size < 0 || w.Sub(since).Abs() < best.Sub(since).Abs() {
			best, size = w, n
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, false, fmt.Errorf("most read: %w", err)
	}
	if size < 0 {
		return nil, false, nil
	}
	cols := strings.Replace(s.cols(articleListCols), "a.views", "m.views", 1)
	list, err = s.articleRows(ctx, "SELECT "+cols+` FROM most_read m JOIN articles a ON a.id = m.article_id
		JOIN categories c ON c.id = a.category_id WHERE m.since = ? AND`+published+" ORDER BY m.position LIMIT ?",
		dbTime(best), s.Now(), limit)
	if err != nil {
		return nil, false, err
	}
	return list, len(list) >= limit || size < MostReadPool, nil
}

// rankWindow is topArticleRows(since, MostReadPool), exactly, summing the
// views of fewer articles where it can. The last ranking of this window (or
// of one starting within the hour) gives g, its pool's lowest sum; a sum of
// at least b = g/2 spread over the window's hours has an hour of at least
// t = (b-1)/hours + 1 views. So only the articles with such an hour are
// summed, and when a full pool of them sums to b or more, no other article
// could be in it. Otherwise (no full earlier pool, readers fewer than
// before, t under 2) every article read is summed. At a portal's traffic
// that is a few hundred articles in place of every one read in the week
// (965,370 on the 1M scale archive).
func (s *Store) rankWindow(ctx context.Context, since time.Time) ([]domain.Article, error) {
	var g sql.NullInt64
	err := s.r.QueryRowContext(ctx, s.q(`SELECT MIN(m.views) FROM most_read m JOIN most_read_windows w ON w.since = m.since
		WHERE w.since >= ? AND w.since <= ? AND w.size = ? AND m.position = ?`),
		dbTime(since.Add(-time.Hour)), dbTime(since.Add(time.Hour)), MostReadPool, MostReadPool-1).Scan(&g)
	if err != nil {
		return nil, fmt.Errorf("most read: %w", err)
	}
	// The hours an article can have rows in: the window's, and one ahead
	// for a process whose clock runs early.
	hours := int64(s.Now().Truncate(time.Hour).Sub(since.Truncate(time.Hour))/time.Hour) + 2
	if b := g.Int64 / 2; b > 0 && hours > 0 {
		if t := (b-1)/hours + 1; t >= 2 {
			list, err := s.topArticleRowsAbove(ctx, since, MostReadPool, t)
			if err != nil {
				return nil, err
			}
			if len(list) == MostReadPool && list[len(list)-1].Views >= hours*(t-1)+1 {
				return list, nil
			}
		}
	}
	return s.topArticleRows(ctx, since, MostReadPool)
}
