package store

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"maps"
	"math"
	"slices"
	"strings"
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
		site := map[time.Time]int64{} // the views stored, by hour
		for _, v := range batch {
			if v.N <= 0 {
				continue
			}
			totals[v.ArticleID] += v.N
			hour := dbTime(v.Hour.Truncate(time.Hour))
			res, err := tx.ExecContext(ctx, s.q(`INSERT INTO article_views_hourly (article_id, hour, views)
				SELECT id, ?, ? FROM articles WHERE id = ?
				ON CONFLICT (article_id, hour) DO UPDATE SET views = article_views_hourly.views + excluded.views`),
				hour, v.N, v.ArticleID)
			if err != nil {
				return err
			}
			if n, err := res.RowsAffected(); err != nil {
				return err
			} else if n > 0 {
				site[hour] += v.N
			}
		}
		for id, n := range totals {
			if _, err := tx.ExecContext(ctx, s.q("UPDATE articles SET views = views + ? WHERE id = ?"), n, id); err != nil {
				return err
			}
		}
		if err := s.addRecentViews(ctx, tx, batch); err != nil {
			return err
		}
		// Last: the hour's row is the one every process's flush updates,
		// and it stays locked from here to the commit.
		return addSiteViews(ctx, s, tx, site)
	})
	if err != nil {
		return fmt.Errorf("add views: %w", err)
	}
	return nil
}

// addSiteViews adds a flush's views per hour to the whole site's
// (site_views_hourly, migration 0204), the earlier hours first (several
// processes flushing into one PostgreSQL lock the hours in one order).
func addSiteViews(ctx context.Context, s *Store, tx *sql.Tx, site map[time.Time]int64) error {
	for _, h := range slices.SortedFunc(maps.Keys(site), time.Time.Compare) {
		if _, err := tx.ExecContext(ctx, s.q(siteViewsUpsert), h, site[h]); err != nil {
			return err
		}
	}
	return nil
}

const siteViewsUpsert = `INSERT INTO site_views_hourly (hour, views) VALUES (?, ?)
	ON CONFLICT (hour) DO UPDATE SET views = site_views_hourly.views + excluded.views`

// ViewsPerHour returns views per hour since the given time, oldest first,
// for one article or, with articleID 0, for the whole site (its own hourly
// totals: views of articles deleted since stay counted there). Hours
// without views are absent.
func (s *Store) ViewsPerHour(ctx context.Context, articleID int64, since time.Time) ([]HourViews, error) {
	q := "SELECT hour, views FROM site_views_hourly WHERE hour >= ? ORDER BY hour"
	args := []any{dbTime(since.Truncate(time.Hour))}
	if articleID != 0 {
		q = "SELECT hour, views FROM article_views_hourly WHERE hour >= ? AND article_id = ? ORDER BY hour"
		args = append(args, articleID)
	}
	rows, err := s.r.QueryContext(ctx, s.q(q), args...)
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
// time; their Views field holds the views in that window: the window's
// ranked list where one answers in full (the newsroom dashboard's six hours
// are ranked each minute too), else ranked now from the hourly counts (the
// newsroom's few requests, not a reader's).
func (s *Store) TopArticlesSince(ctx context.Context, since time.Time, limit int) ([]domain.Article, error) {
	list, ranked, err := s.rankedMostRead(ctx, since, limit)
	if err == nil && !ranked {
		list, err = s.topArticleRows(ctx, since, limit)
	}
	if err != nil {
		return nil, err
	}
	return list, s.loadRelations(ctx, list)
}

// MostRead lists the articles read most since the given time: the
// window's list as the discovery job last ranked it (RefreshMostRead, once
// a minute). Where no ranked list answers (a process just started with
// none less than MostReadMaxAge old, just after midnight until the next
// ranking, a list emptied by stories taken down) and while the window
// holds no views (a new site), it is the articles published in the window
// by their lifetime views (popularRows): a request never sums a window's
// hourly views, which at a portal's traffic takes seconds. brief leaves out
// their tags and authors, for a list of titles (Terpopuler beside a front
// page).
func (s *Store) MostRead(ctx context.Context, since time.Time, limit int, brief bool) ([]domain.Article, error) {
	list, _, err := s.rankedMostRead(ctx, since, limit)
	if err == nil && len(list) == 0 {
		list, err = s.popularRows(ctx, since, limit)
	}
	if err != nil || brief {
		return list, err
	}
	return list, s.loadRelations(ctx, list)
}

// topArticleRows is TopArticlesSince without the tags and authors. Views
// is the window's sum the ranking ordered by (top.n), in place of the
// lifetime total; among equal sums the newer article (the higher id) comes
// first.
//
// The window's sums are ranked on their own first, and only the best few
// (the pool) are checked against articles: when readers spread over the
// archive, a week holds tens of thousands of articles read, and probing
// each for its status and publish time took 370 of the query's 430 ms on
// the 1M PostgreSQL archive (39,099 articles read in the window). The pool
// is the start of the same order, so a full list from it is the list of
// them all; a short one (a quiet site, or stories read and then taken
// down) is asked again of every article read.
func (s *Store) topArticleRows(ctx context.Context, since time.Time, limit int) ([]domain.Article, error) {
	return s.topArticleRowsAbove(ctx, since, limit, 0)
}

// topArticleRowsAbove is topArticleRows over the articles read at least
// minHour times in one hour of the window (all of them with minHour 0):
// the ranking's shortcut (rankWindow).
func (s *Store) topArticleRowsAbove(ctx context.Context, since time.Time, limit int, minHour int64) ([]domain.Article, error) {
	hourly, window, pub := "article_views_hourly", "article_views_hourly", "articles p"
	if s.dialect == SQLite {
		// Left to itself SQLite reads the whole table in primary-key order
		// (article, hour) to group it, whatever the window: 309 ms for a
		// week over a year of hourly rows (1.3M), 51 ms by the hour index,
		// about half that again now the index carries the views (0176).
		// The pool is then checked from the covering articles_sitemap
		// index, not the rows (where published_at sits after the body),
		// and only the rows listed are read. Over the few articles of a
		// shortcut, their rows by key.
		window += " INDEXED BY article_views_hourly_window"
		if minHour == 0 {
			hourly = window
		}
		pub += " INDEXED BY articles_sitemap"
	}
	args := []any{dbTime(since.Truncate(time.Hour))}
	var above string
	if minHour > 0 {
		above = " AND article_id IN (SELECT article_id FROM " + window + " WHERE hour >= ? AND views >= ?)"
		args = append(args, args[0], minHour)
	}
	cols := strings.Replace(s.cols(articleListCols), "a.views", "top.n", 1)
	query := "SELECT " + cols + ` FROM (SELECT v.article_id AS id, v.n AS n FROM (
			SELECT article_id, SUM(views) AS n FROM ` + hourly + ` WHERE hour >= ?` + above + `
			GROUP BY article_id ORDER BY n DESC, article_id DESC LIMIT ?) v
		JOIN ` + pub + ` ON p.status = 'published' AND p.id = v.article_id
		WHERE p.published_at <= ? ORDER BY v.n DESC, v.article_id DESC LIMIT ?) top
		JOIN articles a ON a.id = top.id JOIN categories c ON c.id = a.category_id ORDER BY top.n DESC, top.id DESC`
	var list []domain.Article
	var err error
	for _, pool := range []int{max(4*limit, 20), math.MaxInt32} {
		list, err = s.articleRows(ctx, query, append(slices.Clone(args), pool, s.Now(), limit)...)
		if err != nil || len(list) >= limit {
			break
		}
	}
	return list, err
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

// HourlyViewsKeep is how long article_views_hourly keeps an hour's views.
// Nothing reads further back than a week (Terpopuler's week, #HOT's
// baseline, the newsroom's charts); an article's lifetime total is
// articles.views. Without a limit the table grew by every article read in
// every hour, forever: a portal whose readers open 20,000 articles an hour
// would keep 175 million rows a year, in every backup.
const HourlyViewsKeep = 90 * 24 * time.Hour

// PruneHourlyViews deletes the hourly view counts of hours before the
// given time, at most batch rows a transaction (so writers wait for one
// short batch, never the whole delete) from the hour-ordered index, and
// returns how many it deleted, and the whole site's hours before it.
// Lifetime totals (articles.views) do not change.
func (s *Store) PruneHourlyViews(ctx context.Context, before time.Time, batch int) (int64, error) {
	if batch < 1 {
		return 0, domain.Invalid("ukuran batch tidak valid")
	}
	// Each batch's keys from the hour index, its rows by key (SQLite) or by
	// their tuple ids (PostgreSQL, which otherwise hash-joined the batch
	// with every row of the table: 0.6 s a batch at 600,000 rows, 27 ms
	// by tuple id).
	query := `DELETE FROM article_views_hourly WHERE (article_id, hour) IN (
		SELECT article_id, hour FROM article_views_hourly WHERE hour < ? ORDER BY hour LIMIT ?)`
	if s.dialect == Postgres {
		query = `DELETE FROM article_views_hourly WHERE ctid = ANY(ARRAY(
			SELECT ctid FROM article_views_hourly WHERE hour < ? ORDER BY hour LIMIT ?))`
	}
	var total int64
	for {
		res, err := s.w.ExecContext(ctx, s.q(query), dbTime(before.Truncate(time.Hour)), batch)
		if err != nil {
			return total, fmt.Errorf("prune hourly views: %w", err)
		}
		n, err := res.RowsAffected()
		if err != nil {
			return total, fmt.Errorf("prune hourly views: %w", err)
		}
		total += n
		if n < int64(batch) {
			if _, err := s.w.ExecContext(ctx, s.q("DELETE FROM site_views_hourly WHERE hour < ?"), dbTime(before.Truncate(time.Hour))); err != nil {
				return total, fmt.Errorf("prune hourly views: %w", err)
			}
			return total, nil
		}
	}
}

// RecentViewsKeep is how long article_views_recent keeps a minute's views.
const RecentViewsKeep = 10 * time.Minute

// addRecentViews files a flush's views of this hour and the last under the
// minute they are written in (a flush follows its views within a second
// or so) for the dashboard's "dibaca sekarang", and drops the minutes older
// than RecentViewsKeep. Older hours' views (a flush retried much later) are
// not "now" and are left out.
func (s *Store) addRecentViews(ctx context.Context, tx *sql.Tx, batch []ViewCount) error {
	now := s.Now()
	minute, hour := dbTime(now.Truncate(time.Minute)), now.Truncate(time.Hour)
	recent := map[int64]int64{}
	for _, v := range batch {
		if v.N > 0 && !v.Hour.Truncate(time.Hour).Before(hour.Add(-time.Hour)) {
			recent[v.ArticleID] += v.N
		}
	}
	for id, n := range recent {
		if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO article_views_recent (article_id, minute, views)
			SELECT id, ?, ? FROM articles WHERE id = ?
			ON CONFLICT (article_id, minute) DO UPDATE SET views = article_views_recent.views + excluded.views`), minute, n, id); err != nil {
			return err
		}
	}
	_, err := tx.ExecContext(ctx, s.q("DELETE FROM article_views_recent WHERE minute < ?"), dbTime(now.Add(-RecentViewsKeep)))
	return err
}

// ReadNow returns the published articles read since the given time (at
// most RecentViewsKeep ago, counted by the minute), most read first, their
// Views field holding the views in that window, and the views of all
// articles in it.
func (s *Store) ReadNow(ctx context.Context, since time.Time, limit int) ([]domain.Article, int64, error) {
	from := dbTime(since)
	var total sql.NullInt64
	if err := s.r.QueryRowContext(ctx, s.q("SELECT SUM(views) FROM article_views_recent WHERE minute >= ?"), from).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("read now: %w", err)
	}
	if total.Int64 == 0 {
		return nil, 0, nil
	}
	rows, err := s.r.QueryContext(ctx, s.q(`SELECT article_id, SUM(views) AS n FROM article_views_recent WHERE minute >= ?
		GROUP BY article_id ORDER BY n DESC, article_id DESC LIMIT ?`), from, limit*2)
	if err != nil {
		return nil, 0, fmt.Errorf("read now: %w", err)
	}
	n := map[int64]int64{}
	var ids []any
	for rows.Next() {
		var id, v int64
		if err := rows.Scan(&id, &v); err != nil {
			rows.Close()
			return nil, 0, fmt.Errorf("read now: %w", err)
		}
		n[id] = v
		ids = append(ids, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, 0, fmt.Errorf("read now: %w", err)
	}
	list, err := s.queryArticles(ctx, "SELECT "+s.cols(articleListCols)+articleFrom+" WHERE a.id IN ("+placeholders(len(ids))+") AND"+published,
		append(ids, s.Now())...)
	if err != nil {
		return nil, 0, err
	}
	for i := range list {
		list[i].Views = n[list[i].ID]
	}
	slices.SortFunc(list, func(a, b domain.Article) int {
		if a.Views != b.Views {
			return cmp.Compare(b.Views, a.Views)
		}
		return cmp.Compare(b.ID, a.ID)
	})
	if len(list) > limit {
		list = list[:limit]
	}
	return list, total.Int64, nil
}
