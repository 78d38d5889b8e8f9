package store

// Related news: the store side. Scores are computed in internal/discovery
// when an article is published or changed and stored in related_articles,
// so the article page only reads a short list. The queries here feed that
// computation: candidate articles, their stemmed terms (from the search
// index, so nothing is stemmed twice) and document frequencies.

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"slices"
	"time"

	"warta/internal/domain"
)

// hotTagSlug is the #HOT tag: it marks attention, not a topic, so it never
// makes two articles related.
const hotTagSlug = "hot"

// RelatedScore is one stored related article.
type RelatedScore struct {
	ID    int64
	Score float64
}

// RelatedDoc is what related-news scoring needs to know of one published
// article. Title, Excerpt and Body are stemmed terms joined by spaces.
type RelatedDoc struct {
	ID          int64
	CategoryID  int64
	PublishedAt time.Time
	TagIDs      []int64 // without #HOT
	Title       string
	Excerpt     string
	Body        string
}

// storedRelated reads the stored list of an article, in its order, keeping
// only what readers may see now. computed is false when no list was ever
// computed for it.
func (s *Store) storedRelated(ctx context.Context, id int64, limit int) (list []domain.Article, computed bool, err error) {
	list, err = s.articleRows(ctx, "SELECT "+s.cols(articleListCols)+articleFrom+`
		JOIN related_articles r ON r.related_id = a.id
		WHERE r.article_id = ? AND a.id <> ? AND`+published+` ORDER BY r.position LIMIT ?`, id, id, s.Now(), limit)
	if err != nil || len(list) > 0 {
		return list, true, err
	}
	var n int
	if err := s.r.QueryRowContext(ctx, s.q("SELECT COUNT(*) FROM related_computed WHERE article_id = ?"), id).Scan(&n); err != nil {
		return nil, false, fmt.Errorf("related: %w", err)
	}
	return list, n > 0, nil
}

// relatedByTags is the related list used before one was computed: articles
// sharing the most tags (#HOT aside), then the newest of the same category.
// fallbackWindow bounds the tag fallback to the newest articles (by id), so
// a popular tag shared by a hundred thousand archived articles does not make
// an article page slow while its scored list is not computed yet.
const fallbackWindow = 5000

func (s *Store) relatedByTags(ctx context.Context, a domain.Article, limit int) ([]domain.Article, error) {
	now := s.Now()
	list, err := s.articleRows(ctx, "SELECT "+s.cols(articleListCols)+articleFrom+`
		JOIN (SELECT at2.article_id AS id, COUNT(*) AS shared FROM article_tags at1
		      JOIN article_tags at2 ON at2.tag_id = at1.tag_id AND at2.article_id <> at1.article_id
		      JOIN tags t ON t.id = at1.tag_id
		      WHERE at1.article_id = ? AND t.slug <> ?
		        AND at2.article_id > (SELECT COALESCE(MAX(id), 0) FROM articles) - ?
		      GROUP BY at2.article_id) x ON x.id = a.id
		WHERE`+published+` ORDER BY x.shared DESC, a.published_at DESC LIMIT ?`, a.ID, hotTagSlug, fallbackWindow, now, limit)
	if err != nil {
		return nil, err
	}
	if len(list) >= limit {
		return list, nil
	}
	args := []any{now, a.Category.ID, a.ID}
	for _, r := range list {
		args = append(args, r.ID)
	}
	more, err := s.articleRows(ctx, "SELECT "+s.cols(articleListCols)+articleFrom+" WHERE"+published+
		" AND a.category_id = ? AND a.id NOT IN ("+placeholders(len(args)-2)+") ORDER BY a.published_at DESC LIMIT ?",
		append(args, limit-len(list))...)
	if err != nil {
		return nil, err
	}
	return append(list, more...), nil
}

// SaveRelated replaces the stored related list of an article and marks it
// computed; list is in display order.
func (s *Store) SaveRelated(ctx context.Context, id int64, list []RelatedScore) error {
	return s.SaveRelatedWithOffers(ctx, id, list, nil, 0)
}

// SaveRelatedWithOffers offers article id to the stored lists of other
// articles (as MergeRelated), then replaces id's own list and marks it
// computed, all in one transaction: one commit per computed article.
//
// Related lists are derived data: the worker can recompute every one of
// them from the articles. So on PostgreSQL the transaction commits without
// waiting for its WAL flush (synchronous_commit off, for this transaction
// only). A crash can then lose the last few of these commits, but each one
// whole, its "computed" mark included, so the worker finds those articles
// stale at the next start (StaleRelated) and does them again. Waiting for
// the flush made the worker trail a busy newsroom by tens of seconds on a
// slow disk. SQLite's WAL with synchronous=NORMAL already commits without a
// flush.
func (s *Store) SaveRelatedWithOffers(ctx context.Context, id int64, list, offers []RelatedScore, maxEntries int) error {
	err := s.derivedTx(ctx, func(tx *sql.Tx) error {
		if err := s.mergeRelated(ctx, tx, id, offers, maxEntries); err != nil {
			return err
		}
		return s.writeRelated(ctx, tx, id, list, true)
	})
	if err != nil {
		return fmt.Errorf("save related: %w", err)
	}
	return nil
}

// derivedTx runs fn in a write transaction for data that can be derived
// again from what is committed durably (see SaveRelatedWithOffers).
func (s *Store) derivedTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	return s.Tx(ctx, func(tx *sql.Tx) error {
		if s.dialect == Postgres {
			if _, err := tx.ExecContext(ctx, "SET LOCAL synchronous_commit = off"); err != nil {
				return err
			}
		}
		return fn(tx)
	})
}

func (s *Store) writeRelated(ctx context.Context, tx *sql.Tx, id int64, list []RelatedScore, computed bool) error {
	if _, err := tx.ExecContext(ctx, s.q("DELETE FROM related_articles WHERE article_id = ?"), id); err != nil {
		return err
	}
	if computed {
		if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO related_computed (article_id, computed_at)
			SELECT id, ? FROM articles WHERE id = ?
			ON CONFLICT (article_id) DO UPDATE SET computed_at = excluded.computed_at`), s.Now(), id); err != nil {
			return err
		}
	}
	for i, r := range list {
		// The article may have been deleted meanwhile; INSERT ... SELECT
		// then inserts nothing instead of failing on the foreign key.
		if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO related_articles (article_id, related_id, position, score)
			SELECT a.id, b.id, ?, ? FROM articles a, articles b WHERE a.id = ? AND b.id = ? AND a.id <> b.id`),
			i, r.Score, id, r.ID); err != nil {
			return err
		}
	}
	return nil
}

// StoredRelated returns the stored related list of an article with scores,
// whatever the related articles' status (for tests and diagnostics).
func (s *Store) StoredRelated(ctx context.Context, id int64) ([]RelatedScore, error) {
	rows, err := s.r.QueryContext(ctx, s.q("SELECT related_id, score FROM related_articles WHERE article_id = ? ORDER BY position"), id)
	if err != nil {
		return nil, fmt.Errorf("stored related: %w", err)
	}
	defer rows.Close()
	var out []RelatedScore
	for rows.Next() {
		var r RelatedScore
		if err := rows.Scan(&r.ID, &r.Score); err != nil {
			return nil, fmt.Errorf("stored related: %w", err)
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// ClearRelated forgets every computed list, so related news falls back to
// shared tags and category until lists are computed again.
func (s *Store) ClearRelated(ctx context.Context) error {
	err := s.Tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, "DELETE FROM related_articles"); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, "DELETE FROM related_computed")
		return err
	})
	if err != nil {
		return fmt.Errorf("clear related: %w", err)
	}
	return nil
}

// RelatedListers returns the articles whose stored list includes id.
func (s *Store) RelatedListers(ctx context.Context, id int64) ([]int64, error) {
	return s.ids(ctx, "related listers", s.q("SELECT article_id FROM related_articles WHERE related_id = ? ORDER BY article_id"), id)
}

// PublishedArticleIDs returns the ids of all published articles, oldest id
// first.
func (s *Store) PublishedArticleIDs(ctx context.Context) ([]int64, error) {
	ids, err := s.publishedIDs(ctx, s.r)
	if err != nil {
		return nil, fmt.Errorf("published ids: %w", err)
	}
	return ids, nil
}

// HasStoredRelated reports whether any related list was ever computed.
func (s *Store) HasStoredRelated(ctx context.Context) (bool, error) {
	var n int
	if err := s.r.QueryRowContext(ctx, "SELECT COUNT(*) FROM (SELECT 1 FROM related_computed LIMIT 1) x").Scan(&n); err != nil {
		return false, fmt.Errorf("related: %w", err)
	}
	return n > 0, nil
}

func (s *Store) ids(ctx context.Context, what, query string, args ...any) ([]int64, error) {
	return column[int64](ctx, s, what, query, args...)
}

// column runs a read query of one column and returns its values.
func column[T any](ctx context.Context, s *Store, what, query string, args ...any) ([]T, error) {
	return columnOn[T](ctx, s.r, what, query, args...)
}

// columnOn is column on a given pool (the writer, where a read must not
// open a read connection; see analyzeNewIndexes).
func columnOn[T any](ctx context.Context, q interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}, what, query string, args ...any) ([]T, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	defer rows.Close()
	var out []T
	for rows.Next() {
		var v T
		if err := rows.Scan(&v); err != nil {
			return nil, fmt.Errorf("%s: %w", what, err)
		}
		out = append(out, v)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	return out, nil
}

// RelatedDocs loads the published articles among ids with their stemmed
// terms; unpublished or unindexed ones are left out.
func (s *Store) RelatedDocs(ctx context.Context, ids []int64) ([]RelatedDoc, error) {
	var out []RelatedDoc
	for len(ids) > 0 {
		n := min(len(ids), 500)
		batch, err := s.relatedDocs(ctx, ids[:n])
		if err != nil {
			return nil, fmt.Errorf("related docs: %w", err)
		}
		out = append(out, batch...)
		ids = ids[n:]
	}
	return out, nil
}

func (s *Store) relatedDocs(ctx context.Context, ids []int64) ([]RelatedDoc, error) {
	args := make([]any, 0, len(ids)+1)
	args = append(args, s.Now())
	for _, id := range ids {
		args = append(args, id)
	}
	rows, err := s.r.QueryContext(ctx, s.q(`SELECT a.id, a.category_id, a.published_at, f.title, f.excerpt, f.body
		FROM articles a JOIN article_search f ON f.`+s.searchKey()+` = a.id
		WHERE`+published+` AND a.id IN (`+placeholders(len(ids))+`) ORDER BY a.id`), args...)
	if err != nil {
		return nil, err
	}
	var docs []RelatedDoc
	idx := map[int64]int{}
	for rows.Next() {
		var d RelatedDoc
		if err := rows.Scan(&d.ID, &d.CategoryID, &d.PublishedAt, &d.Title, &d.Excerpt, &d.Body); err != nil {
			rows.Close()
			return nil, err
		}
		idx[d.ID] = len(docs)
		docs = append(docs, d)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if len(docs) == 0 {
		return nil, nil
	}
	// The #HOT tag is left out by its id (one look-up by slug), not by a
	// join with tags, which PostgreSQL answered by hashing every tag.
	rows, err = s.r.QueryContext(ctx, s.q(`SELECT at.article_id, at.tag_id FROM article_tags at
		WHERE at.tag_id NOT IN (SELECT t.id FROM tags t WHERE t.slug = ?) AND at.article_id IN (`+placeholders(len(ids))+`)
		ORDER BY at.article_id, at.tag_id`),
		append([]any{hotTagSlug}, args[1:]...)...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var aid, tid int64
		if err := rows.Scan(&aid, &tid); err != nil {
			return nil, err
		}
		if i, ok := idx[aid]; ok {
			docs[i].TagIDs = append(docs[i].TagIDs, tid)
		}
	}
	return docs, rows.Err()
}

// TermArticles returns, for each term, the newest (by id) indexed articles
// holding it, at most per of them. Ids, not a ranking, so both engines give
// the same candidates; callers pick rare terms, so that "newest" misses
// nothing of them. Each term costs about its document frequency: FTS5 reads
// the term's doclist; PostgreSQL reads the GIN posting list and visits the
// heap row of every posting. "article_id + 0" keeps PostgreSQL from walking
// the primary key backwards and testing every row's tsvector instead, which
// for a rare term would read the whole table.
func (s *Store) TermArticles(ctx context.Context, terms []string, per int) (map[string][]int64, error) {
	out := map[string][]int64{}
	var query string
	if s.dialect == Postgres {
		query = "SELECT article_id FROM article_search WHERE tsv @@ plainto_tsquery('simple', ?) ORDER BY article_id + 0 DESC LIMIT ?"
	} else {
		query = "SELECT rowid FROM article_search WHERE article_search MATCH ? ORDER BY rowid DESC LIMIT ?"
	}
	for _, t := range terms {
		arg := t
		if s.dialect != Postgres {
			arg = ftsQuote(t)
		}
		ids, err := s.ids(ctx, "term articles", s.q(query), arg, per)
		if err != nil {
			return nil, err
		}
		out[t] = ids
	}
	return out, nil
}

// TagArticles returns, for each tag, the newest (by id) articles carrying
// it, at most per of them.
func (s *Store) TagArticles(ctx context.Context, tagIDs []int64, per int) (map[int64][]int64, error) {
	out := map[int64][]int64{}
	for _, t := range tagIDs {
		ids, err := s.ids(ctx, "tag articles", s.q("SELECT article_id FROM article_tags WHERE tag_id = ? ORDER BY article_id DESC LIMIT ?"), t, per)
		if err != nil {
			return nil, err
		}
		out[t] = ids
	}
	return out, nil
}

// NearInCategory returns the published articles of d's category published
// just before and just after it, per on each side.
func (s *Store) NearInCategory(ctx context.Context, d RelatedDoc, per int) ([]int64, error) {
	var out []int64
	for _, q := range []string{
		` AND a.published_at <= ? ORDER BY a.published_at DESC, a.id DESC LIMIT ?`,
		` AND a.published_at > ? ORDER BY a.published_at ASC, a.id ASC LIMIT ?`,
	} {
		ids, err := s.ids(ctx, "related candidates", s.q(`SELECT a.id FROM articles a
			WHERE a.category_id = ? AND a.id <> ? AND`+published+q), d.CategoryID, d.ID, s.Now(), dbTime(d.PublishedAt), per)
		if err != nil {
			return nil, err
		}
		out = append(out, ids...)
	}
	return out, nil
}

// nearestInCategory is what "Berita Terkait" shows when nothing scored: the
// articles of a's category published nearest in time to it.
func (s *Store) nearestInCategory(ctx context.Context, a domain.Article, limit int) ([]domain.Article, error) {
	now := s.Now()
	var all []domain.Article
	for _, q := range []string{
		` AND a.published_at <= ? ORDER BY a.published_at DESC, a.id DESC LIMIT ?`,
		` AND a.published_at > ? ORDER BY a.published_at ASC, a.id ASC LIMIT ?`,
	} {
		list, err := s.articleRows(ctx, "SELECT "+s.cols(articleListCols)+articleFrom+" WHERE"+published+
			" AND a.category_id = ? AND a.id <> ?"+q, now, a.Category.ID, a.ID, dbTime(a.PublishedAt), limit)
		if err != nil {
			return nil, err
		}
		all = append(all, list...)
	}
	slices.SortStableFunc(all, func(x, y domain.Article) int {
		return cmp.Compare(absDur(x.PublishedAt.Sub(a.PublishedAt)), absDur(y.PublishedAt.Sub(a.PublishedAt)))
	})
	return all[:min(limit, len(all))], nil
}

func absDur(d time.Duration) time.Duration { return max(d, -d) }

// MergeRelated offers article id, with the score it has against each of
// them, to the stored lists of other articles, in one transaction: a list
// that has room, or whose last score is lower, takes it in (max entries,
// best first). Scores are symmetric, so this is what recomputing those
// lists would add, without the work. Lists never computed are left alone.
func (s *Store) MergeRelated(ctx context.Context, id int64, offers []RelatedScore, maxEntries int) error {
	if len(offers) == 0 {
		return nil
	}
	if err := s.derivedTx(ctx, func(tx *sql.Tx) error { return s.mergeRelated(ctx, tx, id, offers, maxEntries) }); err != nil {
		return fmt.Errorf("merge related: %w", err)
	}
	return nil
}

func (s *Store) mergeRelated(ctx context.Context, tx *sql.Tx, id int64, offers []RelatedScore, maxEntries int) error {
	for _, o := range offers {
		rows, err := tx.QueryContext(ctx, s.q(`SELECT r.related_id, r.score FROM related_computed c
			LEFT JOIN related_articles r ON r.article_id = c.article_id WHERE c.article_id = ?`), o.ID)
		if err != nil {
			return err
		}
		computed, had := false, false
		var list []RelatedScore
		for rows.Next() {
			var rid sql.NullInt64
			var sc sql.NullFloat64
			if err := rows.Scan(&rid, &sc); err != nil {
				rows.Close()
				return err
			}
			computed = true
			switch {
			case rid.Valid && rid.Int64 == id:
				had = true // its old score is replaced
			case rid.Valid:
				list = append(list, RelatedScore{ID: rid.Int64, Score: sc.Float64})
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		if !computed {
			continue
		}
		list = append(list, RelatedScore{ID: id, Score: o.Score})
		slices.SortFunc(list, func(x, y RelatedScore) int {
			if c := cmp.Compare(y.Score, x.Score); c != 0 {
				return c
			}
			return cmp.Compare(y.ID, x.ID)
		})
		list = list[:min(len(list), maxEntries)]
		if !had && !slices.ContainsFunc(list, func(r RelatedScore) bool { return r.ID == id }) {
			continue // not good enough for this list
		}
		if err := s.writeRelated(ctx, tx, o.ID, list, false); err != nil {
			return err
		}
	}
	return nil
}

// StaleRelated returns up to limit published articles whose related list
// is missing or older than their last change, newest first: what a restart
// or a lost queue leaves to do.
func (s *Store) StaleRelated(ctx context.Context, limit int) ([]int64, error) {
	return s.ids(ctx, "stale related", s.q(`SELECT a.id FROM articles a LEFT JOIN related_computed c ON c.article_id = a.id
		WHERE a.status = 'published' AND (c.article_id IS NULL OR c.computed_at < a.updated_at) ORDER BY a.id DESC LIMIT ?`), limit)
}

// RefreshStatistics brings the query planner's statistics up to date after
// many writes (a bulk load found by the related-news worker): on SQLite it
// runs ANALYZE and drops the prepared read statements, whose plans were made
// with the old statistics. PostgreSQL's autovacuum analyses by itself.
func (s *Store) RefreshStatistics(ctx context.Context) error {
	if s.dialect == Postgres {
		return nil
	}
	if _, err := s.w.ExecContext(ctx, "ANALYZE"); err != nil {
		return fmt.Errorf("analyze: %w", err)
	}
	return s.statisticsChanged(ctx)
}

// TermDocs returns how many indexed articles hold each term, and the number
// of indexed articles.
func (s *Store) TermDocs(ctx context.Context, terms []string) (map[string]int64, int64, error) {
	out := make(map[string]int64, len(terms))
	var total int64
	all := append([]string{docCountTerm}, terms...)
	for len(all) > 0 {
		n := min(len(all), 500)
		args := make([]any, n)
		for i, t := range all[:n] {
			args[i] = t
		}
		rows, err := s.r.QueryContext(ctx, s.q("SELECT term, docs FROM search_terms WHERE term IN ("+placeholders(n)+")"), args...)
		if err != nil {
			return nil, 0, fmt.Errorf("term docs: %w", err)
		}
		for rows.Next() {
			var t string
			var d int64
			if err := rows.Scan(&t, &d); err != nil {
				rows.Close()
				return nil, 0, fmt.Errorf("term docs: %w", err)
			}
			if t == docCountTerm {
				total = d
			} else {
				out[t] = d
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, 0, fmt.Errorf("term docs: %w", err)
		}
		all = all[n:]
	}
	return out, total, nil
}

// TagDocs returns how many published articles carry each tag, at most
// limit: related news needs a tag's count only below its over-use cut. The
// counts are tag_counts' (migration 0166, kept by the article_tags
// triggers), one key look-up a tag: counting a tag's links instead read up
// to limit index entries for each of the few hundred tags of an article and
// its candidates, the part of a publish's related-news work that grew most
// with the archive (bench/related-scale.sh, docs/performance.md).
func (s *Store) TagDocs(ctx context.Context, tagIDs []int64, limit int64) (map[int64]int64, error) {
	out := map[int64]int64{}
	for len(tagIDs) > 0 {
		n := min(len(tagIDs), 500)
		args := make([]any, 0, n+2)
		args = append(args, limit, limit)
		for _, id := range tagIDs[:n] {
			args = append(args, id)
		}
		counts, err := groupCounts[int64](ctx, s, `SELECT tag_id, CASE WHEN published > ? THEN ? ELSE published END
			FROM tag_counts WHERE published > 0 AND tag_id IN (`+placeholders(n)+")", args...)
		if err != nil {
			return nil, fmt.Errorf("tag docs: %w", err)
		}
		for id, c := range counts {
			out[id] = int64(c)
		}
		tagIDs = tagIDs[n:]
	}
	return out, nil
}
