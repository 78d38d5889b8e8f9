package store

// Full-text search. Both engines index the same thing: the stemmed terms of
// an article (stem.Terms of its title, excerpt and body text) joined by
// spaces, one row per published article, in article_search. SQLite keeps
// them in an FTS5 table, PostgreSQL in a tsvector built with the 'simple'
// configuration (lowercase, no further stemming). Because the stemming and
// the stop words happen in Go on both sides, a query finds the same articles
// on either engine.
//
// The index is written by an in-transaction article hook, so it is never out
// of step with the articles table: an article becomes searchable in the
// transaction that publishes it and leaves the index in the one that
// unpublishes it. Queries still check status and published_at, because a
// published article with a future time is indexed before readers may see it.

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"html"
	"slices"
	"strings"
	"unicode/utf8"

	"warta/internal/domain"
	"warta/internal/stem"
)

// Limits on what a reader may search for. Longer queries are refused with a
// message rather than silently cut, so the reader knows why.
const (
	MaxQueryRunes = 200
	MaxQueryTerms = 12
)

// SearchSort orders search results.
type SearchSort string

// The search orders.
const (
	SearchByRelevance SearchSort = "relevance" // best match first, fresher articles boosted
	SearchByNewest    SearchSort = "newest"    // newest first
)

// Valid reports whether o is a known order.
func (o SearchSort) Valid() bool { return o == SearchByRelevance || o == SearchByNewest }

// docCountTerm is the search_terms row that counts indexed articles; no
// real term is empty.
const docCountTerm = ""

// SearchTerms turns what a reader typed into the distinct terms to look
// for: words without stop words, stemmed, at most MaxQueryTerms. Only these
// terms ever reach the database, each quoted, so no user text is parsed as
// FTS5 or tsquery syntax.
func SearchTerms(q string) []string {
	q = strings.ToValidUTF8(q, " ")
	var out []string
	for _, t := range stem.Terms(q) {
		if slices.Contains(out, t) {
			continue
		}
		out = append(out, t)
		if len(out) == MaxQueryTerms {
			break
		}
	}
	return out
}

// SearchResult is one page of search hits.
type SearchResult struct {
	Articles []domain.Article // with bodies, so callers can cut snippets
	Total    int
}

// Search returns one page of published articles that contain every term.
// Terms must come from SearchTerms. No terms means no results.
func (s *Store) Search(ctx context.Context, terms []string, order SearchSort, p domain.Page) (SearchResult, error) {
	var res SearchResult
	if len(terms) == 0 {
		return res, nil
	}
	if !order.Valid() {
		return res, domain.Invalid("urutan %q tidak dikenal", order)
	}
	now := s.Now()
	var from, match string
	var matchArg any
	var rank string
	if s.dialect == Postgres {
		from = ` FROM plainto_tsquery('simple', ?) q, article_search f
			JOIN articles a ON a.id = f.article_id JOIN categories c ON c.id = a.category_id`
		match = "f.tsv @@ q"
		matchArg = strings.Join(terms, " ")
		// ts_rank weighs the title (A) over the excerpt (B) over the body (D).
		rank = `ts_rank(f.tsv, q) * (1 + 1 / (1 + GREATEST(0, EXTRACT(EPOCH FROM (CAST(? AS TIMESTAMPTZ) - a.published_at)) / 86400) / 7))`
	} else {
		// CROSS JOIN fixes SQLite's join order: the full-text match drives
		// the query. Left to itself the planner walks every published article
		// and probes the index for each (4.8 s instead of 10 ms at 200,000
		// articles).
		from = ` FROM article_search CROSS JOIN articles a ON a.id = article_search.rowid JOIN categories c ON c.id = a.category_id`
		match = "article_search MATCH ?"
		matchArg = ftsAll(terms)
		// bm25 is lower for better matches; negate it so both engines rank
		// "higher is better". Title counts 5x, excerpt 2x, body 1x.
		rank = `(-bm25(article_search, 5.0, 2.0, 1.0)) * (1 + 1 / (1 + MAX(0, julianday(?) - julianday(a.published_at)) / 7))`
	}
	// On PostgreSQL the tsquery placeholder sits in FROM, on SQLite the
	// MATCH one opens WHERE: either way it comes first.
	where := " WHERE " + match + " AND" + published
	if err := s.r.QueryRowContext(ctx, s.q("SELECT COUNT(*)"+from+where), matchArg, now).Scan(&res.Total); err != nil {
		return res, fmt.Errorf("search: count: %w", err)
	}
	if res.Total == 0 || p.Offset() >= res.Total {
		return res, nil
	}
	args := []any{matchArg, now}
	var orderBy string
	if order == SearchByNewest {
		orderBy = " ORDER BY a.published_at DESC, a.id DESC"
	} else {
		// A week-old article needs twice the textual relevance of one
		// published now; the boost fades, it never drops a match.
		orderBy = " ORDER BY " + rank + " DESC, a.published_at DESC, a.id DESC"
		args = append(args, now)
	}
	rows, err := s.r.QueryContext(ctx, s.q("SELECT "+articleFullCols+from+where+orderBy+" LIMIT ? OFFSET ?"),
		append(args, p.Size, p.Offset())...)
	if err != nil {
		return res, fmt.Errorf("search: %w", err)
	}
	for rows.Next() {
		a, err := scanArticle(rows, true)
		if err != nil {
			rows.Close()
			return res, fmt.Errorf("search: %w", err)
		}
		res.Articles = append(res.Articles, a)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return res, fmt.Errorf("search: %w", err)
	}
	if err := s.loadRelations(ctx, res.Articles); err != nil {
		return res, err
	}
	return res, nil
}

// ftsQuote quotes one term as an FTS5 string, the only FTS5 syntax we emit.
func ftsQuote(t string) string { return `"` + strings.ReplaceAll(t, `"`, `""`) + `"` }

// ftsAll is an FTS5 query matching rows that hold every term.
func ftsAll(terms []string) string {
	q := make([]string, len(terms))
	for i, t := range terms {
		q[i] = ftsQuote(t)
	}
	return strings.Join(q, " ")
}

// searchDoc is what the index holds for one article: stemmed terms joined
// by spaces.
type searchDoc struct{ title, excerpt, body string }

func newSearchDoc(title, excerpt, bodyHTML, bodySource string) searchDoc {
	body := PlainText(bodyHTML)
	if strings.TrimSpace(body) == "" {
		body = bodySource
	}
	return searchDoc{
		title:   strings.Join(stem.Terms(title), " "),
		excerpt: strings.Join(stem.Terms(excerpt), " "),
		body:    strings.Join(stem.Terms(body), " "),
	}
}

// terms is the set of distinct terms of the document.
func (d searchDoc) terms() map[string]bool {
	set := map[string]bool{}
	for _, f := range []string{d.title, d.excerpt, d.body} {
		for _, t := range strings.Fields(f) {
			set[t] = true
		}
	}
	return set
}

// searchKey is the article_search column holding the article id.
func (s *Store) searchKey() string {
	if s.dialect == Postgres {
		return "article_id"
	}
	return "rowid"
}

// registerSearchHooks keeps article_search and search_terms exact on every
// article write, inside the writing transaction.
func (s *Store) registerSearchHooks() {
	s.OnArticleWrite(func(ctx context.Context, tx *sql.Tx, c ArticleChange) error {
		if err := s.indexArticle(ctx, tx, c.ArticleID); err != nil {
			return fmt.Errorf("search index: %w", err)
		}
		return nil
	})
}

// indexArticle brings one article's index row in line with the article:
// present with its current text when published, absent otherwise.
func (s *Store) indexArticle(ctx context.Context, tx *sql.Tx, id int64) error {
	var status, title, excerpt, bodyHTML, bodySource string
	err := tx.QueryRowContext(ctx, s.q("SELECT status, title, excerpt, body_html, body_source FROM articles WHERE id = ?"), id).
		Scan(&status, &title, &excerpt, &bodyHTML, &bodySource)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return err
	}
	var next *searchDoc
	if err == nil && domain.Status(status) == domain.StatusPublished {
		d := newSearchDoc(title, excerpt, bodyHTML, bodySource)
		next = &d
	}
	var prev *searchDoc
	var d searchDoc
	err = tx.QueryRowContext(ctx, s.q("SELECT title, excerpt, body FROM article_search WHERE "+s.searchKey()+" = ?"), id).
		Scan(&d.title, &d.excerpt, &d.body)
	switch {
	case err == nil:
		prev = &d
	case !errors.Is(err, sql.ErrNoRows):
		return err
	}
	if prev == nil && next == nil || prev != nil && next != nil && *prev == *next {
		return nil // e.g. a status change that does not touch what readers find
	}
	if prev != nil {
		if _, err := tx.ExecContext(ctx, s.q("DELETE FROM article_search WHERE "+s.searchKey()+" = ?"), id); err != nil {
			return err
		}
	}
	if next != nil {
		if err := s.insertSearchDoc(ctx, tx, id, *next); err != nil {
			return err
		}
	}
	return s.adjustTermDocs(ctx, tx, prev, next)
}

func (s *Store) insertSearchDoc(ctx context.Context, tx *sql.Tx, id int64, d searchDoc) error {
	var err error
	if s.dialect == Postgres {
		_, err = tx.ExecContext(ctx, `INSERT INTO article_search (article_id, title, excerpt, body, tsv)
			VALUES ($1, $2, $3, $4, setweight(to_tsvector('simple', $2), 'A') || setweight(to_tsvector('simple', $3), 'B')
			|| setweight(to_tsvector('simple', $4), 'D'))`, id, d.title, d.excerpt, d.body)
	} else {
		_, err = tx.ExecContext(ctx, "INSERT INTO article_search (rowid, title, excerpt, body) VALUES (?, ?, ?, ?)",
			id, d.title, d.excerpt, d.body)
	}
	return err
}

// adjustTermDocs applies the change of one article's terms to search_terms.
// Terms are written in sorted order so that two concurrent writers on
// PostgreSQL lock rows in the same order and cannot deadlock.
func (s *Store) adjustTermDocs(ctx context.Context, tx *sql.Tx, prev, next *searchDoc) error {
	delta := map[string]int64{}
	if prev != nil {
		delta[docCountTerm]--
		for t := range prev.terms() {
			delta[t]--
		}
	}
	if next != nil {
		delta[docCountTerm]++
		for t := range next.terms() {
			delta[t]++
		}
	}
	terms := make([]string, 0, len(delta))
	for t, d := range delta {
		if d != 0 {
			terms = append(terms, t)
		}
	}
	slices.Sort(terms)
	const batch = 400 // 800 parameters, well under SQLite's limit
	for len(terms) > 0 {
		n := min(batch, len(terms))
		args := make([]any, 0, 2*n)
		for _, t := range terms[:n] {
			args = append(args, t, delta[t])
		}
		if _, err := tx.ExecContext(ctx, s.q("INSERT INTO search_terms (term, docs) VALUES "+
			strings.TrimSuffix(strings.Repeat("(?, ?), ", n), ", ")+
			" ON CONFLICT (term) DO UPDATE SET docs = search_terms.docs + excluded.docs"), args...); err != nil {
			return err
		}
		terms = terms[n:]
	}
	return nil
}

// RebuildSearchIndex indexes every published article from scratch, for a
// database that holds articles written before the index existed.
func (s *Store) RebuildSearchIndex(ctx context.Context) error {
	err := s.Tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, "DELETE FROM article_search"); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM search_terms"); err != nil {
			return err
		}
		ids, err := s.publishedIDs(ctx, tx)
		if err != nil {
			return err
		}
		for _, id := range ids {
			if err := s.indexArticle(ctx, tx, id); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("rebuild search index: %w", err)
	}
	return nil
}

// EnsureSearchIndex rebuilds the index when it does not cover exactly the
// published articles (an upgraded database, or rows written by hand). It
// reports whether it rebuilt.
func (s *Store) EnsureSearchIndex(ctx context.Context) (bool, error) {
	var indexed, want int64
	err := s.r.QueryRowContext(ctx, s.q("SELECT COALESCE(MAX(docs), 0) FROM search_terms WHERE term = ?"), docCountTerm).Scan(&indexed)
	if err != nil {
		return false, fmt.Errorf("check search index: %w", err)
	}
	if err := s.r.QueryRowContext(ctx, "SELECT COUNT(*) FROM articles WHERE status = 'published'").Scan(&want); err != nil {
		return false, fmt.Errorf("check search index: %w", err)
	}
	if indexed == want {
		return false, nil
	}
	return true, s.RebuildSearchIndex(ctx)
}

func (s *Store) publishedIDs(ctx context.Context, ex execer) ([]int64, error) {
	rows, err := ex.QueryContext(ctx, "SELECT id FROM articles WHERE status = 'published' ORDER BY id")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// inlineTags are the tags PlainText removes without a space, so that
// "<strong>per</strong>tama" stays one word; every other tag separates words.
var inlineTags = map[string]bool{"a": true, "abbr": true, "b": true, "code": true, "em": true, "i": true,
	"mark": true, "s": true, "small": true, "span": true, "strong": true, "sub": true, "sup": true, "u": true}

// PlainText turns sanitised article HTML into text for indexing and
// snippets: tags removed, entities decoded, whitespace collapsed.
func PlainText(h string) string {
	if !strings.Contains(h, "<") && !strings.Contains(h, "&") {
		return strings.Join(strings.Fields(h), " ")
	}
	var b strings.Builder
	b.Grow(len(h))
	for len(h) > 0 {
		i := strings.IndexByte(h, '<')
		if i < 0 {
			b.WriteString(h)
			break
		}
		b.WriteString(h[:i])
		h = h[i:]
		j := strings.IndexByte(h, '>')
		if j < 0 {
			break // a cut-off tag: drop it
		}
		name := strings.TrimPrefix(h[1:j], "/")
		if k := strings.IndexAny(name, " \t\n/"); k >= 0 {
			name = name[:k]
		}
		if !inlineTags[strings.ToLower(name)] {
			b.WriteByte(' ')
		}
		h = h[j+1:]
	}
	text := html.UnescapeString(b.String())
	if !utf8.ValidString(text) {
		text = strings.ToValidUTF8(text, " ")
	}
	return strings.Join(strings.Fields(text), " ")
}
