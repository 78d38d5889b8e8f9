package store

// Bulk loading for big archives (bench/scalegen, issue 11). A Bulk writes
// articles, their tags, authors, comments, search index rows and stored
// related lists in big multi-row INSERTs, bypassing the per-article hooks but
// writing exactly the rows they would: the search index row comes from the
// same newSearchDoc, search_terms is summed from the same terms, and
// pub_at / article_blocks are filled as listing.go keeps them.

import (
	"context"
	"database/sql"
	"fmt"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"warta/internal/domain"
	"warta/internal/stem"
)

// BulkArticle is one article for Bulk.Articles. ID must be above every
// existing article id and increase within a call.
type BulkArticle struct {
	ID           int64
	Slug         string
	Title        string
	Excerpt      string
	BodySource   string
	BodyHTML     string
	CategoryID   int64
	Status       domain.Status
	PublishedAt  time.Time
	UpdatedAt    time.Time
	Views        int64
	CommentCount int64 // approved comments the caller will add
	TagIDs       []int64
	AuthorIDs    []int64
	Related      []int64 // stored related news, in display order
}

// BulkComment is one comment for Bulk.Comments; ParentID 0 is top-level.
type BulkComment struct {
	ID, ArticleID, ParentID int64
	Name, Email, Body       string
	Status                  string
	Reader                  string
	CreatedAt               time.Time
}

// Bulk is an open bulk load; Finish completes it.
type Bulk struct {
	s     *Store
	mu    sync.Mutex
	terms map[string]int64 // search_terms deltas
	tags  map[int64]string // tag names by id, for the search index
}

// BeginBulk prepares the database for a bulk load (on SQLite: no fsync, no
// foreign key checks and a big page cache on the writer; Finish restores
// them).
func (s *Store) BeginBulk(ctx context.Context) (*Bulk, error) {
	if s.dialect == SQLite {
		for _, p := range []string{"PRAGMA synchronous=OFF", "PRAGMA foreign_keys=OFF", "PRAGMA cache_size=-262144", "PRAGMA temp_store=MEMORY"} {
			if _, err := s.w.ExecContext(ctx, p); err != nil {
				return nil, fmt.Errorf("bulk: %w", err)
			}
		}
	}
	return &Bulk{s: s, terms: map[string]int64{}, tags: map[int64]string{}}, nil
}

// NextIDs returns the first free id of articles, comments and tags.
func (b *Bulk) NextIDs(ctx context.Context) (article, comment, tag, author int64, err error) {
	for _, t := range []struct {
		table string
		id    *int64
	}{{"articles", &article}, {"comments", &comment}, {"tags", &tag}, {"authors", &author}} {
		if err = b.s.w.QueryRowContext(ctx, "SELECT COALESCE(MAX(id), 0) + 1 FROM "+t.table).Scan(t.id); err != nil {
			return 0, 0, 0, 0, fmt.Errorf("bulk: %w", err)
		}
	}
	return article, comment, tag, author, nil
}

// Tags stores tags with the given ids and names.
func (b *Bulk) Tags(ctx context.Context, firstID int64, names []string) error {
	rows := make([][]any, len(names))
	for i, n := range names {
		rows[i] = []any{firstID + int64(i), domain.Slugify(n), n}
		b.tags[firstID+int64(i)] = n
	}
	return b.tx(ctx, func(tx *sql.Tx) error {
		return b.s.insertRows(ctx, tx, "tags (id, slug, name)", "(?, ?, ?)", rows)
	})
}

// Authors stores authors with the given ids, names and bios.
func (b *Bulk) Authors(ctx context.Context, firstID int64, names, bios []string) error {
	rows := make([][]any, len(names))
	for i, n := range names {
		rows[i] = []any{firstID + int64(i), domain.Slugify(n), n, bios[i]}
	}
	return b.tx(ctx, func(tx *sql.Tx) error {
		return b.s.insertRows(ctx, tx, "authors (id, slug, name, bio)", "(?, ?, ?, ?)", rows)
	})
}

// Articles stores one batch of articles with their tags, authors, search
// index rows and related lists, in one transaction.
func (b *Bulk) Articles(ctx context.Context, list []BulkArticle) error {
	s := b.s
	if err := b.loadTagNames(ctx, list); err != nil {
		return err
	}
	docs := make([]*searchDoc, len(list))
	var wg sync.WaitGroup
	workers := runtime.NumCPU()
	for w := range workers {
		wg.Go(func() {
			local := map[string]int64{}
			for i := w; i < len(list); i += workers {
				a := list[i]
				if a.Status != domain.StatusPublished {
					continue
				}
				d := newSearchDoc(a.Title, a.Excerpt, a.BodyHTML, a.BodySource)
				d.tags = b.tagTermsOf(a.TagIDs)
				docs[i] = &d
				local[docCountTerm]++
				for t := range d.terms() {
					local[t]++
				}
			}
			b.mu.Lock()
			for t, n := range local {
				b.terms[t] += n
			}
			b.mu.Unlock()
		})
	}
	wg.Wait()
	var arts, tags, authors, search, related, computed [][]any
	for i, a := range list {
		pub := nullTime(a.PublishedAt)
		var listed any // pub_at: the publish time while published
		if a.Status == domain.StatusPublished {
			listed = pub
		}
		created := a.PublishedAt
		if created.IsZero() || created.After(a.UpdatedAt) {
			created = a.UpdatedAt
		}
		arts = append(arts, []any{a.ID, a.Slug, a.Title, a.Excerpt, a.BodySource, a.BodyHTML, a.CategoryID, string(a.Status),
			pub, dbTime(created), dbTime(a.UpdatedAt), a.Views, a.CommentCount})
		for _, t := range a.TagIDs {
			tags = append(tags, []any{a.ID, t, listed})
		}
		for p, au := range a.AuthorIDs {
			authors = append(authors, []any{a.ID, au, p, listed})
		}
		if d := docs[i]; d != nil {
			if s.dialect == Postgres {
				search = append(search, []any{a.ID, d.title, d.excerpt, d.body, d.tags, d.title, d.excerpt, d.body, d.tags})
			} else {
				search = append(search, []any{a.ID, d.title, d.excerpt, d.body, d.tags})
			}
		}
		if a.Status == domain.StatusPublished {
			for p, r := range a.Related {
				related = append(related, []any{a.ID, r, p, 1 / float64(p+1)})
			}
			computed = append(computed, []any{a.ID, dbTime(a.UpdatedAt)})
		}
	}
	searchTuple := "(?, ?, ?, ?, ?)"
	searchTable := "article_search (rowid, title, excerpt, body, tags)"
	if s.dialect == Postgres {
		searchTable = "article_search (article_id, title, excerpt, body, tags, tsv)"
		searchTuple = `(?, ?, ?, ?, ?, setweight(to_tsvector('simple', ?), 'A') || setweight(to_tsvector('simple', ?), 'B')
			|| setweight(to_tsvector('simple', ?), 'D') || setweight(to_tsvector('simple', ?), 'A'))`
	}
	return b.tx(ctx, func(tx *sql.Tx) error {
		for _, in := range []struct {
			table, tuple string
			rows         [][]any
		}{
			{`articles (id, slug, title, excerpt, body_source, body_html, category_id, status,
				published_at, created_at, updated_at, views, comment_count)`, "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", arts},
			{"article_tags (article_id, tag_id, pub_at)", "(?, ?, ?)", tags},
			{"article_authors (article_id, author_id, position, pub_at)", "(?, ?, ?, ?)", authors},
			{searchTable, searchTuple, search},
			{"related_articles (article_id, related_id, position, score)", "(?, ?, ?, ?)", related},
			{"related_computed (article_id, computed_at)", "(?, ?)", computed},
		} {
			if err := s.insertRows(ctx, tx, in.table, in.tuple, in.rows); err != nil {
				return fmt.Errorf("bulk %s: %w", strings.Fields(in.table)[0], err)
			}
		}
		return nil
	})
}

// loadTagNames learns the names of the batch's tags that Tags did not
// store (tags that existed before the load).
func (b *Bulk) loadTagNames(ctx context.Context, list []BulkArticle) error {
	var missing []any
	for _, a := range list {
		for _, t := range a.TagIDs {
			if _, ok := b.tags[t]; !ok && !slices.Contains(missing, any(t)) {
				missing = append(missing, t)
			}
		}
	}
	if len(missing) == 0 {
		return nil
	}
	rows, err := b.s.w.QueryContext(ctx, b.s.q("SELECT id, name FROM tags WHERE id IN ("+placeholders(len(missing))+")"), missing...)
	if err != nil {
		return fmt.Errorf("bulk tags: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var name string
		if err := rows.Scan(&id, &name); err != nil {
			return fmt.Errorf("bulk tags: %w", err)
		}
		b.tags[id] = name
	}
	return rows.Err()
}

// tagTermsOf is what the index holds of these tags (as tagTerms: the
// stemmed names in name order).
func (b *Bulk) tagTermsOf(ids []int64) string {
	names := make([]string, 0, len(ids))
	for _, id := range ids {
		names = append(names, b.tags[id])
	}
	slices.Sort(names)
	var terms []string
	for _, n := range names {
		terms = append(terms, stem.Terms(n)...)
	}
	return strings.Join(terms, " ")
}

// Comments stores one batch of comments in one transaction. Parents must
// come before their replies.
func (b *Bulk) Comments(ctx context.Context, list []BulkComment) error {
	rows := make([][]any, len(list))
	for i, c := range list {
		rows[i] = []any{c.ID, c.ArticleID, nullID(c.ParentID), c.Name, c.Email, c.Body, c.Status, c.Reader, dbTime(c.CreatedAt)}
	}
	return b.tx(ctx, func(tx *sql.Tx) error {
		return b.s.insertRows(ctx, tx, "comments (id, article_id, parent_id, name, email, body, status, reader, created_at)",
			"(?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
	})
}

// Finish writes the search term counts and the sitemap blocks, moves the
// PostgreSQL id sequences past the loaded ids and refreshes the planner's
// statistics.
func (b *Bulk) Finish(ctx context.Context) error {
	s := b.s
	terms := make([]string, 0, len(b.terms))
	for t := range b.terms {
		terms = append(terms, t)
	}
	slices.Sort(terms)
	err := b.tx(ctx, func(tx *sql.Tx) error {
		rows := make([][]any, len(terms))
		for i, t := range terms {
			rows[i] = []any{t, b.terms[t]}
		}
		for len(rows) > 0 {
			n := min(1000, len(rows))
			var args []any
			for _, r := range rows[:n] {
				args = append(args, r...)
			}
			if _, err := tx.ExecContext(ctx, s.q("INSERT INTO search_terms (term, docs) VALUES "+tuples("(?, ?)", n)+
				" ON CONFLICT (term) DO UPDATE SET docs = search_terms.docs + excluded.docs"), args...); err != nil {
				return err
			}
			rows = rows[n:]
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM article_blocks"); err != nil {
			return err
		}
		block := "(id - 1) / " + strconv.Itoa(blockSize)
		_, err := tx.ExecContext(ctx, `INSERT INTO article_blocks (block, published, lastmod)
			SELECT `+block+`, COUNT(*), MAX(updated_at) FROM articles WHERE status = 'published' GROUP BY `+block)
		return err
	})
	if err != nil {
		return fmt.Errorf("bulk finish: %w", err)
	}
	b.terms = map[string]int64{}
	var stmts []string
	if s.dialect == Postgres {
		for _, t := range []string{"articles", "comments", "tags", "authors"} {
			stmts = append(stmts, "SELECT setval(pg_get_serial_sequence('"+t+"', 'id'), (SELECT MAX(id) FROM "+t+"))")
		}
		stmts = append(stmts, "VACUUM ANALYZE")
	} else {
		stmts = []string{"ANALYZE", "PRAGMA wal_checkpoint(TRUNCATE)", "PRAGMA synchronous=NORMAL", "PRAGMA foreign_keys=ON", "PRAGMA cache_size=-2000"}
	}
	for _, q := range stmts {
		if _, err := s.w.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("bulk finish: %s: %w", q, err)
		}
	}
	return nil
}

func (b *Bulk) tx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	return b.s.Tx(ctx, func(tx *sql.Tx) error {
		if b.s.dialect == Postgres {
			if _, err := tx.ExecContext(ctx, "SET LOCAL synchronous_commit = off"); err != nil {
				return err
			}
		}
		return fn(tx)
	})
}

// insertRows inserts rows into table (with its column list) in multi-row
// INSERTs of tuple, at most 30,000 parameters each.
func (s *Store) insertRows(ctx context.Context, tx *sql.Tx, table, tuple string, rows [][]any) error {
	if len(rows) == 0 {
		return nil
	}
	per := max(1, 30000/len(rows[0]))
	var stmt string
	var stmtN int
	for len(rows) > 0 {
		n := min(per, len(rows))
		if n != stmtN {
			stmt, stmtN = s.q("INSERT INTO "+table+" VALUES "+tuples(tuple, n)), n
		}
		args := make([]any, 0, n*len(rows[0]))
		for _, r := range rows[:n] {
			args = append(args, r...)
		}
		if _, err := tx.ExecContext(ctx, stmt, args...); err != nil {
			return err
		}
		rows = rows[n:]
	}
	return nil
}

func tuples(tuple string, n int) string {
	return strings.TrimSuffix(strings.Repeat(tuple+", ", n), ", ")
}
