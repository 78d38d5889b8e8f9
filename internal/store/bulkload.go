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
	"maps"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"
	"github.com/jackc/pgx/v5/stdlib"

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
	// SearchBody, when set, is what SearchBody(BodyHTML, BodySource)
	// returns, worked out by the caller (a generator that builds bodies from
	// a pool of paragraphs stems each paragraph once).
	SearchBody string
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
	s       *Store
	mu      sync.Mutex
	terms   map[string]int64 // search_terms deltas
	tags    map[int64]string // tag names by id, for the search index
	indexes []string         // CREATE INDEX statements of the indexes dropped for the load
	// SQLite: CREATE TRIGGER statements of the counter triggers dropped for
	// the load (Finish recounts, then creates them again)
	triggers []string
	conn     *sql.Conn // PostgreSQL: the connection COPY runs on
	replica  bool      // PostgreSQL: foreign keys are not checked during the load
	journal  bool      // SQLite: the journal is off during the load
	// PostgreSQL: the server works out the tsvectors (a check found Go's
	// differ).
	serverTSV bool
}

// bulkTables are the tables a bulk load fills; their secondary indexes are
// dropped while it runs and built again, each in one sorted pass, by Finish.
// On SQLite the articles keep theirs: an article row holds its body before
// its status and times, so building one of its eleven indexes reads every
// body (1.5 min each at 100,000 articles on the loaded machine), while
// keeping them costs a few appends per article.
var bulkTables = []string{"articles", "article_tags", "article_authors", "article_search", "comments", "related_articles"}

// SearchBody is what the search index holds of an article body: the
// stemmed terms of its text (see BulkArticle.SearchBody).
func SearchBody(bodyHTML, bodySource string) string {
	return newSearchDoc("", "", bodyHTML, bodySource).body
}

// BeginBulk prepares the database for a bulk load: it drops the secondary
// indexes of the bulk tables (Finish builds them again), and on SQLite turns
// off fsync, the rollback journal and foreign key checks on the writer, on
// PostgreSQL foreign key checks (session_replication_role, when the role may)
// and durability of each commit. A load that fails leaves a database to
// throw away. Until Finish, read only through the Bulk (on SQLite a reader
// opened during the load would turn the journal back on).
func (s *Store) BeginBulk(ctx context.Context) (*Bulk, error) {
	b := &Bulk{s: s, terms: map[string]int64{}, tags: map[int64]string{}}
	if err := b.dropIndexes(ctx); err != nil {
		return nil, fmt.Errorf("bulk: %w", err)
	}
	if s.dialect == SQLite {
		for _, p := range []string{"PRAGMA synchronous=OFF", "PRAGMA foreign_keys=OFF", "PRAGMA cache_size=-262144", "PRAGMA temp_store=MEMORY"} {
			if _, err := s.w.ExecContext(ctx, p); err != nil {
				return nil, fmt.Errorf("bulk: %w", err)
			}
		}
		// Without a journal each page is written once (WAL writes it twice).
		// It needs the readers closed; without it the load is only slower.
		s.r.mu.Lock()
		for q, st := range s.r.stmts {
			st.Close()
			delete(s.r.stmts, q)
		}
		s.r.mu.Unlock()
		dropIdle(s.r.DB, s.r.idle)
		if err := b.dropCounterTriggers(ctx); err != nil {
			return nil, fmt.Errorf("bulk: %w", err)
		}
		var mode string
		if err := s.w.QueryRowContext(ctx, "PRAGMA journal_mode=OFF").Scan(&mode); err == nil && strings.EqualFold(mode, "off") {
			b.journal = true
		}
		return b, nil
	}
	c, err := s.w.Conn(ctx)
	if err != nil {
		return nil, fmt.Errorf("bulk: %w", err)
	}
	b.conn = c
	if err := c.QueryRowContext(ctx, "SELECT rolsuper FROM pg_roles WHERE rolname = current_user").Scan(&b.replica); err != nil {
		return nil, fmt.Errorf("bulk: %w", err)
	}
	return b, nil
}

// dropIndexes drops the secondary indexes of bulkTables, remembering how to
// make them again. Indexes behind a PRIMARY KEY or UNIQUE constraint stay.
func (b *Bulk) dropIndexes(ctx context.Context) error {
	s := b.s
	tables := bulkTables
	if s.dialect == SQLite {
		tables = tables[1:]
	}
	list := "'" + strings.Join(tables, "', '") + "'"
	query := `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (` + list + `) ORDER BY name`
	if s.dialect == Postgres {
		query = `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename IN (` + list + `)
			AND indexname NOT IN (SELECT conname FROM pg_constraint) ORDER BY indexname`
	}
	defs, err := b.dropListed(ctx, query, "INDEX")
	b.indexes = append(b.indexes, defs...)
	return err
}

// dropCounterTriggers drops SQLite's countedTriggers, remembering them: each
// would add an upsert to every loaded article, tag link and comment, which
// Finish's recount makes needless.
func (b *Bulk) dropCounterTriggers(ctx context.Context) error {
	defs, err := b.dropListed(ctx, `SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN ('`+
		strings.Join(countedTriggers, "', '")+`') ORDER BY name`, "TRIGGER")
	b.triggers = append(b.triggers, defs...)
	return err
}

// dropListed drops the schema objects of one kind (INDEX, TRIGGER) that
// query lists as (name, definition) rows, and returns their definitions so
// Finish can make them again.
func (b *Bulk) dropListed(ctx context.Context, query, kind string) ([]string, error) {
	rows, err := b.s.w.QueryContext(ctx, query)
	if err != nil {
		return nil, err
	}
	var names, defs []string
	for rows.Next() {
		var name, def string
		if err := rows.Scan(&name, &def); err != nil {
			rows.Close()
			return nil, err
		}
		names, defs = append(names, name), append(defs, def)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for i, n := range names {
		if _, err := b.s.w.ExecContext(ctx, "DROP "+kind+" "+n); err != nil {
			return defs[:i], err
		}
	}
	return defs, nil
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
	texts := make([]string, len(list)) // article_text: each published article's SnippetText
	pg := s.dialect == Postgres && !b.serverTSV
	tsvs := make([]*pgtype.TSVector, len(list)) // PostgreSQL: each document's tsvector, when worked out here
	var wg sync.WaitGroup
	workers := runtime.NumCPU()
	for w := range workers {
		wg.Go(func() {
			// Per term: the documents holding it, and the last one counted
			// (one map lookup per word; d.terms() would build a set per
			// document).
			type count struct {
				last, docs int
				word       string
				pos        []pgtype.TSVectorPosition // in the current document
			}
			local := map[string]*count{}
			indexed := 0
			var touched []*count // the current document's terms
			for i := w; i < len(list); i += workers {
				a := list[i]
				if a.Status != domain.StatusPublished {
					continue
				}
				var d searchDoc
				if a.SearchBody != "" {
					d = newSearchDoc(a.Title, a.Excerpt, "", " ")
					d.body = a.SearchBody
				} else {
					d = newSearchDoc(a.Title, a.Excerpt, a.BodyHTML, a.BodySource)
				}
				d.tags = b.tagTermsOf(a.TagIDs)
				docs[i] = &d
				texts[i] = SnippetText(a.Excerpt, a.BodyHTML)
				indexed++
				touched = touched[:0]
				pos := 0
				for k, f := range []string{d.title, d.excerpt, d.body, d.tags} {
					for t := range strings.SplitSeq(f, " ") {
						if t == "" {
							continue
						}
						pos++
						c := local[t]
						if c == nil {
							c = &count{last: -1, word: t}
							local[t] = c
						}
						if c.last != i {
							c.last = i
							c.docs++
							c.pos = c.pos[:0]
							touched = append(touched, c)
						}
						if pg {
							c.pos = append(c.pos, pgtype.TSVectorPosition{Position: uint16(min(pos, 16383)), Weight: tsvWeights[k]})
						}
					}
				}
				if pg && pos <= 16383 {
					tsvs[i] = tsvectorOf(touched, pos, func(c *count) (string, []pgtype.TSVectorPosition) { return c.word, c.pos })
				}
			}
			b.mu.Lock()
			b.terms[docCountTerm] += int64(indexed)
			for t, c := range local {
				b.terms[t] += int64(c.docs)
			}
			b.mu.Unlock()
		})
	}
	wg.Wait()
	var arts, tags, authors, search, related, computed, text [][]any
	var server []int64 // PostgreSQL: documents whose tsvector the server works out
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
			search = append(search, []any{a.ID, d.title, d.excerpt, d.body, d.tags})
			if s.dialect == Postgres {
				if v := tsvs[i]; v != nil {
					search[len(search)-1] = append(search[len(search)-1], *v)
				} else {
					search[len(search)-1] = append(search[len(search)-1], pgtype.TSVector{Valid: true})
					server = append(server, a.ID)
				}
			}
		}
		if a.Status == domain.StatusPublished {
			text = append(text, []any{a.ID, texts[i]})
			for p, r := range a.Related {
				related = append(related, []any{a.ID, r, p, 1 / float64(p+1)})
			}
			computed = append(computed, []any{a.ID, dbTime(a.UpdatedAt)})
		}
	}
	ins := []bulkInsert{
		{"articles", []string{"id", "slug", "title", "excerpt", "body_source", "body_html", "category_id", "status",
			"published_at", "created_at", "updated_at", "views", "comment_count"}, arts},
		{"article_tags", []string{"article_id", "tag_id", "pub_at"}, tags},
		{"article_authors", []string{"article_id", "author_id", "position", "pub_at"}, authors},
		{"article_search", []string{"rowid", "title", "excerpt", "body", "tags"}, search},
		{"related_articles", []string{"article_id", "related_id", "position", "score"}, related},
		{"related_computed", []string{"article_id", "computed_at"}, computed},
		{"article_text", []string{"article_id", "text"}, text},
	}
	if s.dialect == Postgres {
		ins[3].cols = []string{"article_id", "title", "excerpt", "body", "tags", "tsv"}
		return b.copyIn(ctx, ins, func(tx pgx.Tx) error { return b.checkTSV(ctx, tx, tsvs, list, server) })
	}
	return b.tx(ctx, func(tx *sql.Tx) error {
		for _, in := range ins {
			if err := s.insertRows(ctx, tx, in.table+" ("+strings.Join(in.cols, ", ")+")", in.tuple(), in.rows); err != nil {
				return fmt.Errorf("bulk %s: %w", in.table, err)
			}
		}
		return nil
	})
}

// bulkInsert is the rows for one table of a bulk batch.
type bulkInsert struct {
	table string
	cols  []string
	rows  [][]any
}

func (in bulkInsert) tuple() string {
	return "(" + strings.TrimSuffix(strings.Repeat("?, ", len(in.cols)), ", ") + ")"
}

// tsvWeights are the weights of the indexed fields, in the order of
// searchDoc's title, excerpt, body and tags (as indexArticle sets them).
var tsvWeights = [4]pgtype.TSVectorWeight{pgtype.TSVectorWeightA, pgtype.TSVectorWeightB, pgtype.TSVectorWeightD, pgtype.TSVectorWeightA}

// tsvSQL is how indexArticle has PostgreSQL work out the tsvector.
const tsvSQL = `setweight(to_tsvector('simple', title), 'A') || setweight(to_tsvector('simple', excerpt), 'B')
	|| setweight(to_tsvector('simple', body), 'D') || setweight(to_tsvector('simple', tags), 'A')`

// tsvectorOf is the tsvector of a document of n terms whose distinct terms
// are list, with their positions in it: what PostgreSQL's 'simple'
// configuration makes of terms that are single words (positions count
// words across the concatenated fields). It returns nil where a term has
// more positions than a tsvector keeps.
func tsvectorOf[T any](list []T, n int, of func(T) (string, []pgtype.TSVectorPosition)) *pgtype.TSVector {
	all := make([]pgtype.TSVectorPosition, 0, n)
	lex := make([]pgtype.TSVectorLexeme, len(list))
	for k, c := range list {
		w, p := of(c)
		if len(p) > 256 {
			return nil
		}
		all = append(all, p...)
		lex[k] = pgtype.TSVectorLexeme{Word: w, Positions: all[len(all)-len(p):]}
	}
	return &pgtype.TSVector{Lexemes: lex, Valid: true}
}

// checkTSV makes sure the tsvectors worked out in Go are the server's:
// the first of each batch is compared with to_tsvector's; if they differ,
// the server works out this batch's and every later one. server lists the
// documents left to it.
func (b *Bulk) checkTSV(ctx context.Context, tx pgx.Tx, tsvs []*pgtype.TSVector, list []BulkArticle, server []int64) error {
	for i, v := range tsvs {
		if v == nil {
			continue
		}
		var same bool
		if err := tx.QueryRow(ctx, `SELECT tsv = (`+tsvSQL+`) FROM article_search WHERE article_id = $1`, list[i].ID).Scan(&same); err != nil {
			return fmt.Errorf("bulk search check: %w", err)
		}
		if !same {
			b.serverTSV = true
			b.s.logger().Warn("bulk load: the tsvector worked out in Go differs from PostgreSQL's; the server works them out from here", "article", list[i].ID)
			for j, v := range tsvs {
				if v != nil {
					server = append(server, list[j].ID)
				}
			}
		}
		break
	}
	if len(server) == 0 {
		return nil
	}
	if _, err := tx.Exec(ctx, `UPDATE article_search SET tsv = `+tsvSQL+` WHERE article_id = ANY($1)`, server); err != nil {
		return fmt.Errorf("bulk search: %w", err)
	}
	return nil
}

// copyIn writes batches with PostgreSQL's COPY in one transaction on the
// bulk connection, then runs then (if any) in the same transaction.
func (b *Bulk) copyIn(ctx context.Context, ins []bulkInsert, then func(tx pgx.Tx) error) error {
	return b.conn.Raw(func(dc any) error {
		c := dc.(*stdlib.Conn).Conn()
		tx, err := c.Begin(ctx)
		if err != nil {
			return fmt.Errorf("bulk: %w", err)
		}
		defer tx.Rollback(ctx)
		set := "SET LOCAL synchronous_commit = off"
		if b.replica {
			set += "; SET LOCAL session_replication_role = replica"
		}
		if _, err := tx.Exec(ctx, set); err != nil {
			return fmt.Errorf("bulk: %w", err)
		}
		for _, in := range ins {
			if len(in.rows) == 0 {
				continue
			}
			if _, err := tx.CopyFrom(ctx, pgx.Identifier{in.table}, in.cols, pgx.CopyFromRows(in.rows)); err != nil {
				return fmt.Errorf("bulk %s: %w", in.table, err)
			}
		}
		if then != nil {
			if err := then(tx); err != nil {
				return err
			}
		}
		if err := tx.Commit(ctx); err != nil {
			return fmt.Errorf("bulk: %w", err)
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
	in := bulkInsert{"comments", []string{"id", "article_id", "parent_id", "name", "email", "body", "status", "reader", "created_at"}, rows}
	if b.s.dialect == Postgres {
		return b.copyIn(ctx, []bulkInsert{in}, nil)
	}
	return b.tx(ctx, func(tx *sql.Tx) error {
		return b.s.insertRows(ctx, tx, in.table+" ("+strings.Join(in.cols, ", ")+")", in.tuple(), in.rows)
	})
}

// HourlyViews stores one batch of hourly view counts as new rows (a load
// adds no views to an hour already counted, so no two entries may share an
// article and hour), leaving the lifetime totals (articles.views, loaded
// with each article) as they are; the whole site's hours add them up.
func (b *Bulk) HourlyViews(ctx context.Context, list []ViewCount) error {
	rows := make([][]any, len(list))
	site := map[time.Time]int64{}
	for i, v := range list {
		h := dbTime(v.Hour.Truncate(time.Hour))
		rows[i] = []any{v.ArticleID, h, v.N}
		site[h] += v.N
	}
	in := bulkInsert{"article_views_hourly", []string{"article_id", "hour", "views"}, rows}
	if b.s.dialect == Postgres {
		return b.copyIn(ctx, []bulkInsert{in}, func(tx pgx.Tx) error {
			for _, h := range slices.SortedFunc(maps.Keys(site), time.Time.Compare) {
				if _, err := tx.Exec(ctx, b.s.q(siteViewsUpsert), h, site[h]); err != nil {
					return fmt.Errorf("bulk site views: %w", err)
				}
			}
			return nil
		})
	}
	return b.tx(ctx, func(tx *sql.Tx) error {
		if err := b.s.insertRows(ctx, tx, in.table+" ("+strings.Join(in.cols, ", ")+")", in.tuple(), in.rows); err != nil {
			return err
		}
		return addSiteViews(ctx, b.s, tx, site)
	})
}

// Finish builds the dropped indexes again, writes the search term counts,
// the sitemap blocks and the list counters (the PostgreSQL load runs
// without triggers), moves the PostgreSQL id sequences past the loaded
// ids, turns the SQLite journal back on and refreshes the planner's
// statistics. Statements over a second are logged with their time.
func (b *Bulk) Finish(ctx context.Context) error {
	s := b.s
	var on interface {
		ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	} = s.w
	if s.dialect == Postgres {
		defer b.conn.Close()
		on = b.conn
	}
	run := func(stmts ...string) error {
		for _, q := range stmts {
			start := time.Now()
			if _, err := on.ExecContext(ctx, q); err != nil {
				return fmt.Errorf("bulk finish: %s: %w", q, err)
			}
			if d := time.Since(start); d > time.Second {
				s.logger().Info("bulk finish", "statement", strings.Join(strings.Fields(q), " "), "took", d.Round(time.Millisecond).String())
			}
		}
		return nil
	}
	if s.dialect == Postgres {
		if err := run("SET maintenance_work_mem = '512MB'"); err != nil {
			return err
		}
	}
	// The indexes first: the sitemap blocks below read articles_sitemap.
	if err := run(b.indexes...); err != nil {
		return err
	}
	b.indexes = nil
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
		if _, err := tx.ExecContext(ctx, `INSERT INTO article_blocks (block, published, lastmod)
			SELECT `+block+`, COUNT(*), MAX(updated_at) FROM articles WHERE status = 'published' GROUP BY `+block); err != nil {
			return err
		}
		if err := recountLists(ctx, tx, s.dialect); err != nil {
			return err
		}
		for _, def := range b.triggers {
			if _, err := tx.ExecContext(ctx, def); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("bulk finish: %w", err)
	}
	b.terms, b.triggers = map[string]int64{}, nil
	if s.dialect == Postgres {
		var stmts []string
		for _, t := range []string{"articles", "comments", "tags", "authors"} {
			stmts = append(stmts, "SELECT setval(pg_get_serial_sequence('"+t+"', 'id'), (SELECT MAX(id) FROM "+t+"))")
		}
		return run(append(stmts, "RESET maintenance_work_mem", "VACUUM ANALYZE")...)
	}
	var stmts []string
	if b.journal {
		stmts = append(stmts, "PRAGMA journal_mode=WAL")
	}
	if err := run(append(stmts, "ANALYZE")...); err != nil {
		return err
	}
	if err := s.statisticsChanged(ctx); err != nil {
		return err
	}
	return run("PRAGMA wal_checkpoint(TRUNCATE)", "PRAGMA synchronous=NORMAL", "PRAGMA foreign_keys=ON", "PRAGMA cache_size=-2000")
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
	var stmt *sql.Stmt
	var stmtN int
	defer func() {
		if stmt != nil {
			stmt.Close()
		}
	}()
	args := make([]any, 0, min(per, len(rows))*len(rows[0]))
	for len(rows) > 0 {
		n := min(per, len(rows))
		if n != stmtN {
			if stmt != nil {
				stmt.Close()
			}
			var err error
			if stmt, err = tx.PrepareContext(ctx, s.q("INSERT INTO "+table+" VALUES "+tuples(tuple, n))); err != nil {
				stmt = nil
				return err
			}
			stmtN = n
		}
		args = args[:0]
		for _, r := range rows[:n] {
			args = append(args, r...)
		}
		if _, err := stmt.ExecContext(ctx, args...); err != nil {
			return err
		}
		rows = rows[n:]
	}
	return nil
}

func tuples(tuple string, n int) string {
	return strings.TrimSuffix(strings.Repeat(tuple+", ", n), ", ")
}
