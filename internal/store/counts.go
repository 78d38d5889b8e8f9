package store

// Counters of the list totals (issue 11, migration 0166): article_counts
// holds how many articles each channel has per status, tag_counts how many
// published articles each tag has. Triggers on articles and article_tags
// keep both exact on every write path, so a total is one small read instead
// of a count of up to ExactCountLimit+1 index entries. A published article
// with a publish time still ahead is counted but not yet listed: the
// readers' totals take those off, one index range that is nearly always
// empty (articles_status_pub_id, articles_category_pub_id,
// article_tags_pub from now on).

import (
	"context"
	"database/sql"
	"fmt"

	"warta/internal/domain"
)

// recountLists counts the counter tables afresh, as migrations 0166,
// 0180-0183, 0195, 0197 (tags.newest_pub_at) 0200 (author_counts, authors.newest_pub_at) and 0202 (article_tops) first filled them: after a bulk load, whose PostgreSQL COPY runs
// without triggers (session_replication_role = replica).
func recountLists(ctx context.Context, tx *sql.Tx, d Dialect) error {
	for _, q := range []string{"DELETE FROM article_counts",
		"INSERT INTO article_counts (category_id, status, n) SELECT category_id, status, COUNT(*) FROM articles GROUP BY category_id, status",
		"DELETE FROM tag_counts",
		"INSERT INTO tag_counts (tag_id, published) SELECT tag_id, COUNT(*) FROM article_tags WHERE pub_at IS NOT NULL GROUP BY tag_id",
		"DELETE FROM article_days",
		"INSERT INTO article_days (day, category_id, n) SELECT " + dayOf(d, "published_at") + `, category_id, COUNT(*)
			FROM articles WHERE status = 'published' AND published_at IS NOT NULL GROUP BY 1, 2`,
		"DELETE FROM article_months",
		"INSERT INTO article_months (month, category_id, n) SELECT " + monthOf(d, "published_at") + `, category_id, COUNT(*)
			FROM articles WHERE status = 'published' AND published_at IS NOT NULL GROUP BY 1, 2`,
		"DELETE FROM tag_days",
		"INSERT INTO tag_days (tag_id, day, n) SELECT tag_id, " + dayOf(d, "pub_at") + ", COUNT(*) FROM article_tags WHERE pub_at IS NOT NULL GROUP BY 1, 2",
		"DELETE FROM tag_months",
		"INSERT INTO tag_months (tag_id, month, n) SELECT tag_id, " + monthOf(d, "pub_at") + ", COUNT(*) FROM article_tags WHERE pub_at IS NOT NULL GROUP BY 1, 2",
		"DELETE FROM author_days",
		"INSERT INTO author_days (author_id, day, n) SELECT author_id, " + dayOf(d, "pub_at") + ", COUNT(*) FROM article_authors WHERE pub_at IS NOT NULL GROUP BY 1, 2",
		"DELETE FROM author_months",
		"INSERT INTO author_months (author_id, month, n) SELECT author_id, " + monthOf(d, "pub_at") + ", COUNT(*) FROM article_authors WHERE pub_at IS NOT NULL GROUP BY 1, 2",
		"DELETE FROM author_counts",
		"INSERT INTO author_counts (author_id, n) SELECT author_id, COUNT(*) FROM article_authors WHERE pub_at IS NOT NULL GROUP BY author_id",
		`UPDATE tags SET newest_pub_at = (SELECT l.pub_at FROM article_tags l
			WHERE l.tag_id = tags.id AND l.pub_at IS NOT NULL ORDER BY l.pub_at DESC LIMIT 1)`,
		`UPDATE authors SET newest_pub_at = (SELECT l.pub_at FROM article_authors l
			WHERE l.author_id = authors.id AND l.pub_at IS NOT NULL ORDER BY l.pub_at DESC LIMIT 1)`,
		"DELETE FROM comment_counts",
		"INSERT INTO comment_counts (status, n) SELECT status, COUNT(*) FROM comments GROUP BY status",
		"DELETE FROM article_tops",
		"INSERT INTO article_tops (article_id, n) SELECT article_id, COUNT(*) FROM comments WHERE parent_id IS NULL AND status = 'approved' GROUP BY article_id"} {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return err
		}
	}
	return nil
}

// countedTriggers are the SQLite triggers that keep the tables recountLists
// recounts: a bulk load drops them (one upsert less per loaded row) and its
// Finish creates them again after counting.
var countedTriggers = []string{"article_counts_insert", "article_counts_delete", "article_counts_update",
	"tag_counts_insert", "tag_counts_delete", "tag_counts_update", "article_days_insert", "article_days_delete",
	"article_days_update", "article_months_insert", "article_months_delete", "article_months_update",
	"tag_days_insert", "tag_days_delete", "tag_days_update", "author_days_insert", "author_days_delete",
	"author_days_update", "comment_counts_insert", "comment_counts_delete",
	"comment_counts_update", "tags_newest_insert", "tags_newest_delete", "tags_newest_update",
	"authors_newest_insert", "authors_newest_delete", "authors_newest_update", "author_counts_insert",
	"author_counts_delete", "author_counts_update", "article_tops_insert", "article_tops_delete", "article_tops_update"}

// dayOf is the SQL of the UTC day number (days since 1970-01-01) of a time
// column, as the article_days triggers of migration 0180 compute it.
func dayOf(d Dialect, col string) string {
	if d == Postgres {
		return "article_day(" + col + ")"
	}
	return "CAST(julianday(substr(" + col + ", 1, 10)) - 2440587.5 AS INTEGER)"
}

// monthOf is the SQL of the UTC month number (year*12 + month-1) of a time
// column, as the article_months triggers of migration 0182 compute it.
func monthOf(d Dialect, col string) string {
	if d == Postgres {
		return "article_month(" + col + ")"
	}
	return "CAST(substr(" + col + ", 1, 4) AS INTEGER) * 12 + CAST(substr(" + col + ", 6, 2) AS INTEGER) - 1"
}

// countComments is the number of comments with a status (comment_counts,
// migration 0181: exact, one row).
func (s *Store) countComments(ctx context.Context, status string) (int, error) {
	var n int
	err := s.r.QueryRowContext(ctx, s.q("SELECT COALESCE((SELECT n FROM comment_counts WHERE status = ?), 0)"), status).Scan(&n)
	return n, err
}

// listedArticles is the number of published articles readers see, of one
// channel (by slug) or of all when slug is "".
func (s *Store) listedArticles(ctx context.Context, categorySlug string) (int, error) {
	q := `SELECT (SELECT COALESCE(SUM(n), 0) FROM article_counts WHERE status = 'published'%[1]s)
		- (SELECT COUNT(*) FROM articles a WHERE a.status = 'published' AND a.published_at > ?%[2]s)`
	args := []any{s.Now()}
	if categorySlug != "" {
		q = fmt.Sprintf(q, " AND category_id = (SELECT id FROM categories WHERE slug = ?)",
			" AND a.category_id = (SELECT id FROM categories WHERE slug = ?)")
		args = []any{categorySlug, args[0], categorySlug}
	} else {
		q = fmt.Sprintf(q, "", "")
	}
	var n int
	if err := s.r.QueryRowContext(ctx, s.q(q), args...).Scan(&n); err != nil {
		return 0, fmt.Errorf("counted articles: %w", err)
	}
	return n, nil
}

// linkList is a list driven by a link table and its pub_at copy of the
// publish time (listing.go): one tag's or one author's articles, with the
// counters that hold its total and its days and months (0166/0183 for
// tags, 0195 and 0200 for authors).
type linkList struct {
	link, col, owner string // the link table, its key column, the table a slug names
	sum, counts      string // the published total: SUM(sum) FROM counts WHERE col = ...
	days, months     string
}

var (
	tagList    = linkList{"article_tags", "tag_id", "tags", "published", "tag_counts", "tag_days", "tag_months"}
	authorList = linkList{"article_authors", "author_id", "authors", "n", "author_counts", "author_days", "author_months"}
)

// linkListOf says which link list drives f's query, a tag's before an
// author's, and the slug it names.
func linkListOf(f domain.ArticleFilter) (linkList, string, bool) {
	switch {
	case f.TagSlug != "":
		return tagList, f.TagSlug, true
	case f.AuthorSlug != "":
		return authorList, f.AuthorSlug, true
	}
	return linkList{}, "", false
}

// match is the condition that picks the list's rows by slug, on a column
// of the given prefix ("l." or "").
func (l linkList) match(prefix string) string {
	return prefix + l.col + " = (SELECT id FROM " + l.owner + " WHERE slug = ?)"
}

// oneList reports whether f names at most one of a channel, a tag and an
// author: the lists the counters hold.
func oneList(f domain.ArticleFilter) bool {
	n := 0
	for _, slug := range []string{f.CategorySlug, f.TagSlug, f.AuthorSlug} {
		if slug != "" {
			n++
		}
	}
	return n <= 1
}

// listedLinkArticles is the number of published articles readers see of
// one tag or author (by slug): its counter less the articles still ahead of
// their publish time.
func (s *Store) listedLinkArticles(ctx context.Context, l linkList, slug string) (int, error) {
	var n int
	err := s.r.QueryRowContext(ctx, s.q(`SELECT (SELECT COALESCE(SUM(`+l.sum+`), 0) FROM `+l.counts+` WHERE `+l.match("")+`)
		- (SELECT COUNT(*) FROM `+l.link+` l WHERE `+l.match("l.")+` AND l.pub_at IS NOT NULL AND l.pub_at > ?)`),
		slug, slug, s.Now()).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("counted %s articles: %w", l.owner, err)
	}
	return n, nil
}

// aheadByTag counts, per tag, the published articles whose publish time is
// still ahead (from the articles_status_pub_id range after now).
func (s *Store) aheadByTag(ctx context.Context) (map[int64]int, error) {
	return groupCounts[int64](ctx, s, `SELECT l.tag_id, COUNT(*) FROM articles a JOIN article_tags l ON l.article_id = a.id
		WHERE a.status = 'published' AND a.published_at > ? GROUP BY l.tag_id`, s.Now())
}

// countedTotal is QueryArticles' total when a counter holds it: the whole
// published list, one channel's, one tag's or one author's, with no other filter or
// time bound. ok is false when the list must be counted.
func (s *Store) countedTotal(ctx context.Context, q ArticleQuery) (n int, ok bool, err error) {
	f := q.Filter
	if !q.From.IsZero() || !q.To.IsZero() || f.ExcludeID != 0 || !oneList(f) {
		return 0, false, nil
	}
	if l, slug, ok := linkListOf(f); ok {
		n, err = s.listedLinkArticles(ctx, l, slug)
	} else {
		n, err = s.listedArticles(ctx, f.CategorySlug)
	}
	return n, err == nil, err
}

// groupCounts reads key, count rows into a map.
func groupCounts[K comparable](ctx context.Context, s *Store, query string, args ...any) (map[K]int, error) {
	rows, err := s.r.QueryContext(ctx, s.q(query), args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	m := map[K]int{}
	for rows.Next() {
		var k K
		var n int
		if err := rows.Scan(&k, &n); err != nil {
			return nil, err
		}
		m[k] += n
	}
	return m, rows.Err()
}
