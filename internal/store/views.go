package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"warta/internal/domain"
)

// ViewCount is a batch entry: n views of one article in one hour.
type ViewCount struct {
	ArticleID int64
	Hour      time.Time // truncated to the hour
	N         int64
}

// HourViews is the number of views in one hour.
type HourViews struct {
	Hour  time.Time
	Views int64
}

// AddViews adds a batch of views in one transaction. The upserts are
// additive, so several processes flushing into one PostgreSQL add up
// exactly. Views of articles deleted meanwhile are dropped.
func (s *Store) AddViews(ctx context.Context, batch []ViewCount) error {
	if len(batch) == 0 {
		return nil
	}
	totals := map[int64]int64{}
	err := s.Tx(ctx, func(tx *sql.Tx) error {
		for _, v := range batch {
			if v.N <= 0 {
				continue
			}
			totals[v.ArticleID] += v.N
			if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO article_views_hourly (article_id, hour, views)
				SELECT id, ?, ? FROM articles WHERE id = ?
				ON CONFLICT (article_id, hour) DO UPDATE SET views = article_views_hourly.views + excluded.views`),
				dbTime(v.Hour.Truncate(time.Hour)), v.N, v.ArticleID); err != nil {
				return err
			}
		}
		for id, n := range totals {
			if _, err := tx.ExecContext(ctx, s.q("UPDATE articles SET views = views + ? WHERE id = ?"), n, id); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("add views: %w", err)
	}
	return nil
}

// ViewsPerHour returns views per hour since the given time, oldest first,
// for one article or, with articleID 0, for the whole site. Hours without
// views are absent.
func (s *Store) ViewsPerHour(ctx context.Context, articleID int64, since time.Time) ([]HourViews, error) {
	q := "SELECT hour, SUM(views) FROM article_views_hourly WHERE hour >= ?"
	args := []any{dbTime(since.Truncate(time.Hour))}
	if articleID != 0 {
		q += " AND article_id = ?"
		args = append(args, articleID)
	}
	rows, err := s.r.QueryContext(ctx, s.q(q+" GROUP BY hour ORDER BY hour"), args...)
	if err != nil {
		return nil, fmt.Errorf("views per hour: %w", err)
	}
	defer rows.Close()
	var out []HourViews
	for rows.Next() {
		var h HourViews
		if err := rows.Scan(&h.Hour, &h.Views); err != nil {
			return nil, fmt.Errorf("views per hour: %w", err)
		}
		out = append(out, h)
	}
	return out, rows.Err()
}

// TopArticlesSince returns the published articles read most since the given
// time; their Views field holds the views in that window.
func (s *Store) TopArticlesSince(ctx context.Context, since time.Time, limit int) ([]domain.Article, error) {
	list, err := s.queryArticles(ctx, "SELECT "+articleListCols+articleFrom+`
		JOIN (SELECT article_id, SUM(views) AS n FROM article_views_hourly WHERE hour >= ? GROUP BY article_id) v ON v.article_id = a.id
		WHERE`+published+` ORDER BY v.n DESC, a.published_at DESC LIMIT ?`, dbTime(since.Truncate(time.Hour)), s.Now(), limit)
	if err != nil {
		return nil, err
	}
	if len(list) == 0 {
		return list, nil
	}
	// Replace lifetime totals by the window's views.
	ids := make([]any, 0, len(list)+1)
	ids = append(ids, dbTime(since.Truncate(time.Hour)))
	for _, a := range list {
		ids = append(ids, a.ID)
	}
	rows, err := s.r.QueryContext(ctx, s.q(`SELECT article_id, SUM(views) FROM article_views_hourly
		WHERE hour >= ? AND article_id IN (`+placeholders(len(list))+`) GROUP BY article_id`), ids...)
	if err != nil {
		return nil, fmt.Errorf("top articles: %w", err)
	}
	defer rows.Close()
	n := map[int64]int64{}
	for rows.Next() {
		var id, v int64
		if err := rows.Scan(&id, &v); err != nil {
			return nil, fmt.Errorf("top articles: %w", err)
		}
		n[id] = v
	}
	for i := range list {
		list[i].Views = n[list[i].ID]
	}
	return list, rows.Err()
}

// ArticleCounts returns an article's engagement counters.
func (s *Store) ArticleCounts(ctx context.Context, id int64) (domain.Counts, error) {
	var c domain.Counts
	err := s.r.QueryRowContext(ctx, s.q("SELECT views, likes, dislikes, comment_count FROM articles WHERE id = ?"), id).
		Scan(&c.Views, &c.Likes, &c.Dislikes, &c.CommentCount)
	if err == sql.ErrNoRows {
		return c, domain.NotFound("artikel tidak ditemukan")
	}
	if err != nil {
		return c, fmt.Errorf("article counts: %w", err)
	}
	return c, nil
}

// PublishedArticleID returns the id of the published article with the given
// id, or a not-found error (so readers cannot touch drafts).
func (s *Store) PublishedArticleID(ctx context.Context, id int64) error {
	var one int64
	err := s.r.QueryRowContext(ctx, s.q("SELECT a.id FROM articles a WHERE a.id = ? AND"+published), id, s.Now()).Scan(&one)
	if err == sql.ErrNoRows {
		return domain.NotFound("artikel tidak ditemukan")
	}
	if err != nil {
		return fmt.Errorf("find article: %w", err)
	}
	return nil
}
