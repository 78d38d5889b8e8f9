package store

// Trending: the store side of the #HOT badge. internal/discovery decides
// from these view statistics which articles are hot; an editor's choice
// (hot_manual) always wins over it.

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"warta/internal/domain"
)

// ViewStat is one article's views in the trending window and in the
// baseline period just before it.
type ViewStat struct {
	ArticleID   int64
	PublishedAt time.Time
	Hot         bool  // the badge as it is now
	Recent      int64 // views in hours starting at or after the window start
	Before      int64 // views in hours between the baseline start and the window start
}

// TrendingStats returns the view statistics of every published article the
// trending job decides for (no editor override) that was read at least
// minRecent times since windowStart (until now), plus every such article that is hot
// now, read or not, so the job can also take the badge away (the others
// come with no views, which is all the rule needs of a story read less
// than it asks). Both times are truncated to the hour, like the rows of
// article_views_hourly.
//
// Only the articles with an hour of at least minRecent / (the window's
// hours) views are summed: any article read minRecent times in the window
// has one. At a portal's traffic the window's hours hold tens of thousands
// of articles read once or twice, and summing each one's week for its
// baseline took 0.9 s a minute on the 1M scale archive.
func (s *Store) TrendingStats(ctx context.Context, windowStart, baselineStart, now time.Time, minRecent int64) ([]ViewStat, error) {
	ws, bs := dbTime(windowStart.Truncate(time.Hour)), dbTime(baselineStart.Truncate(time.Hour))
	// The window's hours up to now (the later of the job's and the store's),
	// and one ahead for a process whose clock runs early.
	end := now
	if s.Now().After(end) {
		end = s.Now()
	}
	hours := max(1, int64(end.Truncate(time.Hour).Sub(ws)/time.Hour)+2)
	minHour := max(1, (minRecent+hours-1)/hours)
	read := "article_views_hourly"
	if s.dialect == SQLite {
		read += " INDEXED BY article_views_hourly_window"
	}
	rows, err := s.r.QueryContext(ctx, s.q(`SELECT a.id, a.published_at, a.hot, v.recent_views, v.base_views
		FROM (SELECT article_id,
		             SUM(CASE WHEN hour >= ? THEN views ELSE 0 END) AS recent_views,
		             SUM(CASE WHEN hour < ? THEN views ELSE 0 END) AS base_views
		      FROM article_views_hourly
		      WHERE hour >= ? AND article_id IN (SELECT article_id FROM `+read+` WHERE hour >= ? AND views >= ?)
		      GROUP BY article_id) v
		JOIN articles a ON a.id = v.article_id
		WHERE a.hot_manual IS NULL AND v.recent_views >= ? AND`+published), ws, ws, bs, ws, minHour, minRecent, s.Now())
	if err != nil {
		return nil, fmt.Errorf("trending stats: %w", err)
	}
	var out []ViewStat
	seen := map[int64]bool{}
	for rows.Next() {
		var v ViewStat
		if err := rows.Scan(&v.ArticleID, &v.PublishedAt, &v.Hot, &v.Recent, &v.Before); err != nil {
			rows.Close()
			return nil, fmt.Errorf("trending stats: %w", err)
		}
		seen[v.ArticleID] = true
		out = append(out, v)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("trending stats: %w", err)
	}
	hot, err := s.ids(ctx, "trending stats", "SELECT id FROM articles WHERE hot = TRUE AND hot_manual IS NULL ORDER BY id")
	if err != nil {
		return nil, err
	}
	for _, id := range hot {
		if !seen[id] {
			out = append(out, ViewStat{ArticleID: id, Hot: true})
		}
	}
	return out, nil
}

// SetAutoHot gives the badge to the articles in on and takes it from those
// in off, skipping articles an editor decided for. It returns how many
// articles changed.
func (s *Store) SetAutoHot(ctx context.Context, on, off []int64) (int64, error) {
	var changed int64
	for _, part := range []struct {
		ids []int64
		hot bool
	}{{on, true}, {off, false}} {
		for ids := part.ids; len(ids) > 0; {
			n := min(len(ids), 500)
			args := []any{part.hot, part.hot}
			for _, id := range ids[:n] {
				args = append(args, id)
			}
			res, err := s.w.ExecContext(ctx, s.q(`UPDATE articles SET hot = ?
				WHERE hot <> ? AND hot_manual IS NULL AND id IN (`+placeholders(n)+")"), args...)
			if err != nil {
				return changed, fmt.Errorf("set hot: %w", err)
			}
			k, _ := res.RowsAffected()
			changed += k
			ids = ids[n:]
		}
	}
	return changed, nil
}

// SetHotOverride records an editor's decision on the #HOT badge: true or
// false pins it, nil hands the article back to the trending job (which
// decides on its next run).
func (s *Store) SetHotOverride(ctx context.Context, id int64, hot *bool) error {
	var manual any
	if hot != nil {
		manual = *hot
	}
	res, err := s.w.ExecContext(ctx, s.q("UPDATE articles SET hot_manual = ?, hot = COALESCE(?, hot) WHERE id = ?"), manual, manual, id)
	if err != nil {
		return fmt.Errorf("set hot override: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return domain.NotFound("artikel tidak ditemukan")
	}
	return nil
}

// HotOverride returns an editor's decision on the badge, nil when the
// trending job decides.
func (s *Store) HotOverride(ctx context.Context, id int64) (*bool, error) {
	var v *bool
	err := s.r.QueryRowContext(ctx, s.q("SELECT hot_manual FROM articles WHERE id = ?"), id).Scan(&v)
	if err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return nil, domain.NotFound("artikel tidak ditemukan")
		}
		return nil, fmt.Errorf("hot override: %w", err)
	}
	return v, nil
}
