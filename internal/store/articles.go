package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"warta/internal/domain"
)

// Columns of a list item (no body) and of a full article. Both end with the
// category columns, joined as c.
const (
	articleListCols = `a.id, a.slug, a.title, a.excerpt, a.photo_url, a.photo_caption, a.photo_credit,
	a.photo_width, a.photo_height, a.status, a.published_at, a.created_at, a.updated_at,
	a.breaking, a.featured, a.hot, COALESCE(a.poll_id, 0), a.views, a.likes, a.dislikes, a.comment_count,
	a.breaking_until, c.id, c.slug, c.name, c.description, c.position`
	articleFullCols = articleListCols + `, a.body_source, a.body_html, a.version, a.baca_juga_off`
	articleFrom     = ` FROM articles a JOIN categories c ON c.id = a.category_id`
)

// The same columns for SQLite, the time columns read through unary + (a
// no-op on any value): an expression has no declared type, so the driver
// hands the stored text over as it is and scanTime reads it with
// fastSQLiteTime. For a column declared TIMESTAMP modernc.org/sqlite first
// tries a layout that never fits Warta's and then the right one: 1.3 µs a
// value, 8–11 % of a page's CPU at scale (four times in each article row).
var (
	articleListColsSQLite     = sqliteTimes(articleListCols)
	articleFullColsSQLite     = sqliteTimes(articleFullCols)
	articleColsForTextsSQLite = sqliteTimes(articleColsForTexts)
	articleColsBriefSQLite    = sqliteTimes(articleColsBrief)
)

func sqliteTimes(cols string) string {
	for _, c := range []string{"a.published_at", "a.created_at", "a.updated_at", "a.breaking_until"} {
		cols = strings.ReplaceAll(cols, c, "+"+c)
	}
	return cols
}

// cols is the column list (articleListCols, articleFullCols,
// articleColsForTexts or articleColsBrief) for this store's engine.
func (s *Store) cols(pg string) string {
	if s.dialect != SQLite {
		return pg
	}
	switch pg {
	case articleListCols:
		return articleListColsSQLite
	case articleFullCols:
		return articleFullColsSQLite
	case articleColsForTexts:
		return articleColsForTextsSQLite
	case articleColsBrief:
		return articleColsBriefSQLite
	}
	panic("store: no SQLite form of columns " + pg)
}

// timeText is a time column as a query should select it on this store's
// engine: on SQLite through unary +, as in articleListColsSQLite, for
// scanTime to read.
func (s *Store) timeText(col string) string {
	if s.dialect == SQLite {
		return "+" + col
	}
	return col
}

// scanTime scans a time column as PostgreSQL gives it (time.Time) or as
// SQLite gives it through unary + (text, see articleListColsSQLite), with
// anyTime; NULL is the zero time.
type scanTime struct{ t *time.Time }

func (d scanTime) Scan(v any) (err error) {
	*d.t, err = anyTime(v)
	return err
}

type rowScanner interface{ Scan(dest ...any) error }

// scanArticle scans an article's columns (articleListCols, or
// articleFullCols when full), then into more the columns that follow them.
func scanArticle(row rowScanner, full bool, more ...any) (domain.Article, error) {
	var a domain.Article
	var status string
	dest := []any{&a.ID, &a.Slug, &a.Title, &a.Excerpt, &a.Photo.URL, &a.Photo.Caption, &a.Photo.Credit,
		&a.Photo.Width, &a.Photo.Height, &status, scanTime{t: &a.PublishedAt}, scanTime{t: &a.CreatedAt}, scanTime{t: &a.UpdatedAt},
		&a.Breaking, &a.Featured, &a.Hot, &a.PollID, &a.Views, &a.Likes, &a.Dislikes, &a.CommentCount,
		scanTime{t: &a.BreakingUntil}, &a.Category.ID, &a.Category.Slug, &a.Category.Name, &a.Category.Description, &a.Category.Position}
	if full {
		dest = append(dest, &a.BodySource, &a.BodyHTML, &a.Version, &a.BacaJugaOff)
	}
	if err := row.Scan(append(dest, more...)...); err != nil {
		return a, err
	}
	a.Status = domain.Status(status)
	return a, nil
}

// ArticleInput is what the newsroom (or the demo seeder) writes.
type ArticleInput struct {
	Slug string
	// SlugFromTitle: the slug was derived from the title rather than asked
	// for, so CreateArticle makes a taken one unique (slug-2, slug-3).
	SlugFromTitle bool
	Title         string
	Excerpt       string
	BodySource    string
	BodyHTML      string
	Photo         domain.Photo
	CategoryID    int64
	Tags          []string // tag names; created when missing
	AuthorIDs     []int64
	Status        domain.Status
	PublishedAt   time.Time
	Breaking      bool
	BreakingUntil time.Time // the Breaking flag's end; zero: none
	Featured      bool
	Hot           bool // on create only: afterwards the trending job and SetHot own it
	PollID        int64
	BacaJugaOff   bool // no "Baca juga" links inside the body (issue 14)

	// OwnerID, on create, is the account that writes the article: it becomes
	// its owner and the author of its first revision, in the same
	// transaction. 0 (demo seeding, imports) records neither.
	OwnerID int64
	// SetHot writes HotManual, the editor's decision on the #HOT badge
	// (nil: the trending job decides), in the same transaction.
	SetHot    bool
	HotManual *bool

	// Also, when set, runs inside the writing transaction after the
	// article is written (importers add its comments, redirects and their
	// own bookkeeping, so an item is imported whole or not at all; an
	// accepted correction proposal its note and decision).
	Also func(ctx context.Context, tx *sql.Tx, id int64) error
}

func (in *ArticleInput) validate() error {
	in.Title = strings.TrimSpace(in.Title)
	if in.Title == "" {
		return domain.Invalid("judul wajib diisi")
	}
	in.slugFromTitle()
	if in.Slug == "" || domain.Slugify(in.Slug) != in.Slug {
		return domain.Invalid("slug hanya boleh berisi huruf kecil, angka dan tanda hubung")
	}
	if in.CategoryID == 0 {
		return domain.Invalid("kategori wajib dipilih")
	}
	if in.Status == "" {
		in.Status = domain.StatusDraft
	}
	if !in.Status.Valid() {
		return domain.Invalid("status %q tidak dikenal", in.Status)
	}
	if (in.Status == domain.StatusPublished || in.Status == domain.StatusScheduled) && in.PublishedAt.IsZero() {
		return domain.Invalid("waktu terbit wajib diisi")
	}
	return nil
}

// CreateArticle stores a new article with its tags, authors, owner, first
// revision, #HOT decision and search index in one transaction (a killed
// process leaves all or nothing) and returns its id. A slug asked for that
// is taken is a conflict; one derived from the title gets a number (see
// freeSlug).
func (s *Store) CreateArticle(ctx context.Context, in ArticleInput) (int64, error) {
	if err := in.validate(); err != nil {
		return 0, err
	}
	now := s.Now()
	var id int64
	err := s.Tx(ctx, func(tx *sql.Tx) error {
		var err error
		if in.Slug, err = s.freeSlug(ctx, tx, in.Slug, in.SlugFromTitle, 0); err != nil {
			return err
		}
		id, err = s.insertID(ctx, tx, `INSERT INTO articles (slug, title, excerpt, body_source, body_html,
			photo_url, photo_caption, photo_credit, photo_width, photo_height, category_id, status,
			published_at, created_at, updated_at, breaking, featured, hot, poll_id, breaking_until, baca_juga_off)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			in.Slug, in.Title, in.Excerpt, in.BodySource, in.BodyHTML,
			in.Photo.URL, in.Photo.Caption, in.Photo.Credit, in.Photo.Width, in.Photo.Height,
			in.CategoryID, string(in.Status), nullTime(in.PublishedAt), now, now,
			in.Breaking, in.Featured, in.Hot, nullID(in.PollID), nullTime(in.BreakingUntil), in.BacaJugaOff)
		if err != nil {
			return err
		}
		if err := s.setArticleRelations(ctx, tx, id, in.Tags, in.AuthorIDs); err != nil {
			return err
		}
		if err := s.writeExtras(ctx, tx, id, 1, in); err != nil {
			return err
		}
		if in.Also != nil {
			if err := in.Also(ctx, tx, id); err != nil {
				return err
			}
		}
		return s.runInTxHooks(ctx, tx, ArticleChange{ArticleID: id, Kind: createKind(in.Status), Status: in.Status})
	})
	if err != nil {
		return 0, fmt.Errorf("create article: %w", err)
	}
	s.runAfterHooks(ctx, ArticleChange{ArticleID: id, Kind: createKind(in.Status), Status: in.Status})
	return id, nil
}

// writeExtras writes what an article save records beside the article row:
// the owner (on create), the #HOT decision and a revision by in.OwnerID of
// every field as written.
func (s *Store) writeExtras(ctx context.Context, tx *sql.Tx, id, version int64, in ArticleInput) error {
	if in.SetHot {
		var manual any
		if in.HotManual != nil {
			manual = *in.HotManual
		}
		if _, err := tx.ExecContext(ctx, s.q("UPDATE articles SET hot_manual = ?, hot = COALESCE(?, hot) WHERE id = ?"),
			manual, manual, id); err != nil {
			return err
		}
	}
	if in.OwnerID == 0 {
		return nil
	}
	if version == 1 {
		if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO article_owners (article_id, user_id) VALUES (?, ?)
			ON CONFLICT (article_id) DO NOTHING`), id, in.OwnerID); err != nil {
			return err
		}
	}
	st, err := s.articleForEdit(ctx, tx, id) // the article as written: every field, as stored
	if err != nil {
		return err
	}
	_, err = s.addRevision(ctx, tx, revisionOf(st, in.OwnerID, version))
	return err
}

// UpdateArticle replaces an article's content, tags and authors. Its status
// and publish time come from in as well; counters and the #HOT badge are
// kept. It checks no version: the newsroom and the admin API use
// EditArticle.
func (s *Store) UpdateArticle(ctx context.Context, id int64, in ArticleInput) error {
	_, err := s.EditArticle(ctx, id, func(_ ArticleState, next *ArticleInput) error {
		*next = in
		return nil
	})
	return err
}

// ArticleState is an article as an edit finds it inside its transaction.
type ArticleState struct {
	domain.Article
	OwnerID   int64 // 0 when none
	HotManual *bool // the editor's #HOT decision; nil when the trending job decides
}

// EditArticle changes one article in one write transaction, so two saves
// that meet never lose each other's changes: it locks the article's row,
// reads it as it is now (cur), lets edit change next (which starts as cur's
// content) and writes next back with version+1, its relations, the
// revision (when next.OwnerID is set: the editing account) and the #HOT
// decision, then returns the article as written. edit runs inside the
// transaction and must not use the database; when it returns an error
// nothing is written and the error is returned as is. Counters, the #HOT
// badge itself (the trending job's) and the owner are never written here.
func (s *Store) EditArticle(ctx context.Context, id int64, edit func(cur ArticleState, next *ArticleInput) error) (domain.Article, error) {
	var prev domain.Status
	var next ArticleInput
	var out domain.Article
	err := s.Tx(ctx, func(tx *sql.Tx) error {
		cur, err := s.articleForEdit(ctx, tx, id)
		if err != nil {
			return err
		}
		prev = cur.Status
		next = InputOf(cur.Article)
		next.OwnerID = 0
		if err := edit(cur, &next); err != nil {
			return err
		}
		if err := next.validate(); err != nil {
			return err
		}
		if next.Slug, err = s.freeSlug(ctx, tx, next.Slug, next.SlugFromTitle, id); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, s.q(`UPDATE articles SET slug = ?, title = ?, excerpt = ?, body_source = ?, body_html = ?,
			photo_url = ?, photo_caption = ?, photo_credit = ?, photo_width = ?, photo_height = ?, category_id = ?,
			status = ?, published_at = ?, updated_at = ?, breaking = ?, featured = ?, poll_id = ?, version = version + 1,
			breaking_until = ?, baca_juga_off = ? WHERE id = ?`),
			next.Slug, next.Title, next.Excerpt, next.BodySource, next.BodyHTML,
			next.Photo.URL, next.Photo.Caption, next.Photo.Credit, next.Photo.Width, next.Photo.Height, next.CategoryID,
			string(next.Status), nullTime(next.PublishedAt), s.Now(), next.Breaking, next.Featured, nullID(next.PollID),
			nullTime(next.BreakingUntil), next.BacaJugaOff, id)
		if err != nil {
			return err
		}
		if err := s.setArticleRelations(ctx, tx, id, next.Tags, next.AuthorIDs); err != nil {
			return err
		}
		if err := s.writeExtras(ctx, tx, id, cur.Version+1, next); err != nil {
			return err
		}
		if next.Also != nil {
			if err := next.Also(ctx, tx, id); err != nil {
				return err
			}
		}
		if err := s.runInTxHooks(ctx, tx, ArticleChange{ArticleID: id, Kind: changeKind(prev, next.Status), Status: next.Status}); err != nil {
			return err
		}
		after, err := s.articleForEdit(ctx, tx, id)
		out = after.Article
		return err
	})
	if err != nil {
		return out, fmt.Errorf("update article: %w", err)
	}
	s.runAfterHooks(ctx, ArticleChange{ArticleID: id, Kind: changeKind(prev, next.Status), Status: next.Status})
	return out, nil
}

// articleForEdit reads an article with its relations, owner and #HOT
// decision inside tx, holding its row lock on PostgreSQL (SQLite's write
// transactions are serial already).
func (s *Store) articleForEdit(ctx context.Context, tx *sql.Tx, id int64) (ArticleState, error) {
	lock := ""
	if s.dialect == Postgres {
		lock = " FOR UPDATE OF a"
	}
	var st ArticleState
	a, err := scanArticle(tx.QueryRowContext(ctx, s.q("SELECT "+s.cols(articleFullCols)+articleFrom+" WHERE a.id = ?"+lock), id), true)
	if errors.Is(err, sql.ErrNoRows) {
		return st, domain.NotFound("artikel tidak ditemukan")
	}
	if err != nil {
		return st, err
	}
	list := []domain.Article{a}
	if err := s.loadRelationsFrom(ctx, tx, list); err != nil {
		return st, err
	}
	st.Article = list[0]
	err = tx.QueryRowContext(ctx, s.q(`SELECT a.hot_manual, COALESCE(o.user_id, 0) FROM articles a
		LEFT JOIN article_owners o ON o.article_id = a.id WHERE a.id = ?`), id).Scan(&st.HotManual, &st.OwnerID)
	return st, err
}

// InputOf is the content of a as an ArticleInput.
func InputOf(a domain.Article) ArticleInput {
	in := ArticleInput{Slug: a.Slug, Title: a.Title, Excerpt: a.Excerpt, BodySource: a.BodySource, BodyHTML: a.BodyHTML,
		Photo: a.Photo, CategoryID: a.Category.ID, Status: a.Status, PublishedAt: a.PublishedAt,
		Breaking: a.Breaking, BreakingUntil: a.BreakingUntil, Featured: a.Featured, Hot: a.Hot, PollID: a.PollID, BacaJugaOff: a.BacaJugaOff}
	for _, t := range a.Tags {
		in.Tags = append(in.Tags, t.Name)
	}
	for _, au := range a.Authors {
		in.AuthorIDs = append(in.AuthorIDs, au.ID)
	}
	return in
}

// SetArticleStatus moves an article in its workflow. publishedAt is kept
// when zero. It reports a not-found error for an unknown id.
func (s *Store) SetArticleStatus(ctx context.Context, id int64, status domain.Status, publishedAt time.Time) error {
	if !status.Valid() {
		return domain.Invalid("status %q tidak dikenal", status)
	}
	var prev string
	err := s.Tx(ctx, func(tx *sql.Tx) error {
		err := tx.QueryRowContext(ctx, s.q("SELECT status FROM articles WHERE id = ?"), id).Scan(&prev)
		if errors.Is(err, sql.ErrNoRows) {
			return domain.NotFound("artikel tidak ditemukan")
		}
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, s.q(`UPDATE articles SET status = ?, published_at = COALESCE(?, published_at), updated_at = ?,
			version = version + 1 WHERE id = ?`), string(status), nullTime(publishedAt), s.Now(), id); err != nil {
			return err
		}
		return s.runInTxHooks(ctx, tx, ArticleChange{ArticleID: id, Kind: changeKind(domain.Status(prev), status), Status: status})
	})
	if err != nil {
		return fmt.Errorf("set article status: %w", err)
	}
	s.runAfterHooks(ctx, ArticleChange{ArticleID: id, Kind: changeKind(domain.Status(prev), status), Status: status})
	return nil
}

// PublishDue publishes every scheduled article whose time has come and
// returns their ids. Each article is claimed by one atomic UPDATE, so when
// several processes run it at once every article is published exactly once.
func (s *Store) PublishDue(ctx context.Context) ([]int64, error) {
	now := s.Now()
	var ids []int64
	err := s.Tx(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, s.q(`UPDATE articles SET status = 'published', updated_at = ?
			WHERE status = 'scheduled' AND published_at <= ? RETURNING id`), now, now)
		if err != nil {
			return err
		}
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return err
			}
			ids = append(ids, id)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		for _, id := range ids {
			if err := s.runInTxHooks(ctx, tx, ArticleChange{ArticleID: id, Kind: "published", Status: domain.StatusPublished}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("publish due: %w", err)
	}
	for _, id := range ids {
		s.runAfterHooks(ctx, ArticleChange{ArticleID: id, Kind: "published", Status: domain.StatusPublished})
	}
	return ids, nil
}

// createKind is "published" for an article created already published (so
// webhooks, caches and related news see a publication), else "created".
func createKind(st domain.Status) string {
	if st == domain.StatusPublished {
		return "published"
	}
	return "created"
}

func changeKind(prev, next domain.Status) string {
	switch {
	case next == domain.StatusPublished && prev != domain.StatusPublished:
		return "published"
	case prev == domain.StatusPublished && next != domain.StatusPublished:
		return "unpublished"
	}
	return "updated"
}

func (s *Store) setArticleRelations(ctx context.Context, tx *sql.Tx, id int64, tags []string, authorIDs []int64) error {
	if _, err := tx.ExecContext(ctx, s.q("DELETE FROM article_tags WHERE article_id = ?"), id); err != nil {
		return err
	}
	seen := map[int64]bool{}
	// New tags are created in one order (by name), so two saves creating
	// the same new tags cannot deadlock on each other's inserts.
	tags = slices.Clone(tags)
	slices.SortStableFunc(tags, func(a, b string) int { return strings.Compare(strings.ToLower(a), strings.ToLower(b)) })
	for _, name := range tags {
		t, err := s.ensureTag(ctx, tx, name)
		if err != nil {
			return err
		}
		if t.ID == 0 || seen[t.ID] {
			continue
		}
		seen[t.ID] = true
		if _, err := tx.ExecContext(ctx, s.q("INSERT INTO article_tags (article_id, tag_id) VALUES (?, ?)"), id, t.ID); err != nil {
			return err
		}
	}
	if _, err := tx.ExecContext(ctx, s.q("DELETE FROM article_authors WHERE article_id = ?"), id); err != nil {
		return err
	}
	for i, aid := range authorIDs {
		if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO article_authors (article_id, author_id, position)
			VALUES (?, ?, ?) ON CONFLICT DO NOTHING`), id, aid, i); err != nil {
			return err
		}
	}
	return nil
}

// published is the condition for what readers may see.
const published = ` a.status = 'published' AND a.published_at <= ?`

// ArticleBySlug returns a published article with its tags and authors.
func (s *Store) ArticleBySlug(ctx context.Context, slug string) (domain.Article, error) {
	row := s.r.QueryRowContext(ctx, s.q("SELECT "+s.cols(articleFullCols)+articleFrom+" WHERE a.slug = ? AND"+published), slug, s.Now())
	return s.finishArticle(ctx, row, "artikel tidak ditemukan")
}

// ArticleByID returns a published article with its tags and authors.
func (s *Store) ArticleByID(ctx context.Context, id int64) (domain.Article, error) {
	row := s.r.QueryRowContext(ctx, s.q("SELECT "+s.cols(articleFullCols)+articleFrom+" WHERE a.id = ? AND"+published), id, s.Now())
	return s.finishArticle(ctx, row, "artikel tidak ditemukan")
}

// ArticleByIDAnyStatus returns an article whatever its status (newsroom use).
func (s *Store) ArticleByIDAnyStatus(ctx context.Context, id int64) (domain.Article, error) {
	row := s.r.QueryRowContext(ctx, s.q("SELECT "+s.cols(articleFullCols)+articleFrom+" WHERE a.id = ?"), id)
	return s.finishArticle(ctx, row, "artikel tidak ditemukan")
}

func (s *Store) finishArticle(ctx context.Context, row *sql.Row, notFound string) (domain.Article, error) {
	a, err := scanArticle(row, true)
	if errors.Is(err, sql.ErrNoRows) {
		return a, domain.NotFound("%s", notFound)
	}
	if err != nil {
		return a, fmt.Errorf("get article: %w", err)
	}
	list := []domain.Article{a}
	if err := s.loadRelations(ctx, list); err != nil {
		return a, err
	}
	return list[0], nil
}

// loadRelations fills Tags and Authors of the given articles with one
// query (see loadRelationsFrom).
func (s *Store) loadRelations(ctx context.Context, list []domain.Article) error {
	return s.loadRelationsFrom(ctx, s.r, list)
}

// relationsQuery reads the tags (kind 0, by name) and the authors (kind 1,
// in their order) of n articles in one query: the ids go in twice, once
// for each half. On PostgreSQL every query is a round trip of its own
// (80-150 µs of both sides' CPU here), and a page reads the relations of
// every list it shows.
func relationsQuery(n int) string {
	in := placeholders(n)
	return `SELECT 0, at.article_id, t.id, t.slug, t.name, '', 0 FROM article_tags at
		JOIN tags t ON t.id = at.tag_id WHERE at.article_id IN (` + in + `)
		UNION ALL
		SELECT 1, aa.article_id, au.id, au.slug, au.name, au.bio, aa.position FROM article_authors aa
		JOIN authors au ON au.id = aa.author_id WHERE aa.article_id IN (` + in + `)
		ORDER BY 1, 7, 5`
}

func (s *Store) loadRelationsFrom(ctx context.Context, db execer, list []domain.Article) error {
	if len(list) == 0 {
		return nil
	}
	idx := make(map[int64]int, len(list))
	ids := make([]any, 0, 2*len(list))
	for i, a := range list {
		idx[a.ID] = i
		ids = append(ids, a.ID)
	}
	ids = append(ids, ids...)
	rows, err := db.QueryContext(ctx, s.q(relationsQuery(len(list))), ids...)
	if err != nil {
		return fmt.Errorf("load tags and authors: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var kind, pos int
		var aid, id int64
		var slug, name, bio string
		if err := rows.Scan(&kind, &aid, &id, &slug, &name, &bio, &pos); err != nil {
			return fmt.Errorf("load tags and authors: %w", err)
		}
		a := &list[idx[aid]]
		if kind == 0 {
			a.Tags = append(a.Tags, domain.Tag{ID: id, Slug: slug, Name: name})
		} else {
			a.Authors = append(a.Authors, domain.Author{ID: id, Slug: slug, Name: name, Bio: bio})
		}
	}
	return rows.Err()
}

func placeholders(n int) string {
	if n <= 0 {
		return "NULL"
	}
	return strings.Repeat("?, ", n-1) + "?"
}

// LatestArticles returns the newest published articles that match f, without
// counting them all (blocks and sidebars need no total).
func (s *Store) LatestArticles(ctx context.Context, f domain.ArticleFilter, limit int) ([]domain.Article, error) {
	list, err := s.latestRows(ctx, f, limit)
	if err != nil {
		return nil, err
	}
	return list, s.loadRelations(ctx, list)
}

// LatestInCategories is LatestArticles for each of several categories (by
// slug, limit each), in their order, with the tags and authors of all the
// lists read at once: the home page's blocks.
func (s *Store) LatestInCategories(ctx context.Context, slugs []string, limit int) ([][]domain.Article, error) {
	lists := make([][]domain.Article, len(slugs))
	var all []domain.Article
	for i, slug := range slugs {
		list, err := s.latestRows(ctx, domain.ArticleFilter{CategorySlug: slug}, limit)
		if err != nil {
			return nil, err
		}
		lists[i] = list
		all = append(all, list...)
	}
	if err := s.loadRelations(ctx, all); err != nil {
		return nil, err
	}
	for i := range lists { // the same articles, with their relations, in the same places
		lists[i], all = all[:len(lists[i]):len(lists[i])], all[len(lists[i]):]
	}
	return lists, nil
}

// latestRows is LatestArticles without the tags and authors.
func (s *Store) latestRows(ctx context.Context, f domain.ArticleFilter, limit int) ([]domain.Article, error) {
	where := " WHERE" + published
	args := []any{s.Now()}
	if f.CategorySlug != "" {
		where += " AND a.category_id = (SELECT id FROM categories WHERE slug = ?)"
		args = append(args, f.CategorySlug)
	}
	if f.ExcludeID != 0 {
		where += " AND a.id <> ?"
		args = append(args, f.ExcludeID)
	}
	return s.articleRows(ctx, s.pageQuery(where, " ORDER BY a.published_at DESC, a.id DESC"), append(args, limit, 0)...)
}

// pageQuery selects one page of articles: the page is cut from articles
// alone in a subquery, then joined with its categories. Joined directly,
// SQLite's planner may start from the few categories and sort every article
// to find the newest (50 ms instead of 1 ms at 200,000 articles). where and
// order may name only a's columns; the query takes LIMIT and OFFSET last.
func (s *Store) pageQuery(where, order string) string {
	return "SELECT " + s.cols(articleListCols) + " FROM (SELECT * FROM articles a" + where + order +
		" LIMIT ? OFFSET ?) a JOIN categories c ON c.id = a.category_id" + order
}

// ListArticles returns one page of published articles, newest first, and the
// total number that match.
func (s *Store) ListArticles(ctx context.Context, f domain.ArticleFilter, p domain.Page) ([]domain.Article, int, error) {
	return s.QueryArticles(ctx, ArticleQuery{Filter: f, Page: p})
}

func (s *Store) queryArticles(ctx context.Context, query string, args ...any) ([]domain.Article, error) {
	list, err := s.articleRows(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	if err := s.loadRelations(ctx, list); err != nil {
		return nil, err
	}
	return list, nil
}

// articleRows is queryArticles without the tags and authors, for a caller
// that reads them for several lists at once (loadRelations).
func (s *Store) articleRows(ctx context.Context, query string, args ...any) ([]domain.Article, error) {
	rows, err := s.r.QueryContext(ctx, s.q(query), args...)
	if err != nil {
		return nil, fmt.Errorf("list articles: %w", err)
	}
	var list []domain.Article
	for rows.Next() {
		a, err := scanArticle(rows, false)
		if err != nil {
			rows.Close()
			return nil, fmt.Errorf("list articles: %w", err)
		}
		list = append(list, a)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list articles: %w", err)
	}
	return list, nil
}

// popularRows returns the most viewed articles published since the given
// time, by lifetime views, without their tags and authors (MostRead's
// fallback). The window is ranked from the articles_pub_views index alone
// (migration 0175), then only the rows of the top few are read: views sits
// after the body in the row, and a week at a million articles is 1,900 of
// them. "views + 0" keeps PostgreSQL off articles_status_views (every
// article by lifetime views, filtered to the window until five match): for
// a quiet window, just after midnight, that walk reads the whole archive.
func (s *Store) popularRows(ctx context.Context, since time.Time, limit int) ([]domain.Article, error) {
	const tail = " DESC, a.published_at DESC, a.id DESC"
	from := " FROM articles a"
	if s.dialect == SQLite {
		// For a week SQLite's planner rates articles_status_pub_id (the same
		// range, every row read from the table) as cheap as this index.
		from += " INDEXED BY articles_pub_views"
	}
	return s.articleRows(ctx, "SELECT "+s.cols(articleListCols)+" FROM (SELECT a.id"+from+" WHERE"+published+
		" AND a.published_at >= ? ORDER BY a.views + 0"+tail+" LIMIT ?) top"+
		" JOIN articles a ON a.id = top.id JOIN categories c ON c.id = a.category_id ORDER BY a.views"+tail,
		s.Now(), dbTime(since), limit)
}

// HeadlineArticles returns the newest featured articles, breaking news
// first. Breaking counts as it does everywhere (domain.Article.BreakingAt):
// flagged and its end not reached; an article whose breaking end passed is
// a headline only if it is featured too, and then in its place by time.
//
// Ordered breaking first, one query over every featured article a site
// ever had sorted them all; instead the newest limit breaking ones and the
// newest limit headlines of any kind are two ranges of the partial indexes
// (newest first, stopping at limit), and the answer is among them: fewer
// than limit breaking means all of them are in the first, and then the
// second holds at most that many, so enough of the rest.
func (s *Store) HeadlineArticles(ctx context.Context, limit int) ([]domain.Article, error) {
	breaking, headline := "", ""
	if s.dialect == SQLite {
		// SQLite's planner never picks the partial index on its own: it
		// walked every published article instead (640 ms at 100,000).
		breaking, headline = " INDEXED BY articles_breaking", " INDEXED BY articles_headline"
	}
	// Each index's own condition stays a term of its own (SQLite uses a
	// partial index only when the query repeats its WHERE).
	const breakingNow = "a.breaking = TRUE AND (a.breaking_until IS NULL OR a.breaking_until > ?)"
	now := s.Now()
	return s.queryArticles(ctx, "SELECT "+s.cols(articleListCols)+" FROM ("+
		"SELECT id FROM (SELECT a.id FROM articles a"+breaking+" WHERE"+published+
		" AND "+breakingNow+" ORDER BY a.published_at DESC LIMIT ?) b UNION "+
		"SELECT id FROM (SELECT a.id FROM articles a"+headline+" WHERE"+published+
		" AND (a.featured = TRUE OR a.breaking = TRUE) AND (a.featured = TRUE OR a.breaking_until IS NULL OR a.breaking_until > ?)"+
		" ORDER BY a.published_at DESC LIMIT ?) f"+
		") h JOIN articles a ON a.id = h.id JOIN categories c ON c.id = a.category_id"+
		" ORDER BY ("+breakingNow+") DESC, a.published_at DESC LIMIT ?",
		now, now, limit, now, now, limit, now, limit)
}

// RelatedArticles returns the related news of a, in display order: the
// list internal/discovery computed and stored when a was published or
// changed; when nothing scored, the articles of its category published
// nearest in time; before the first computation, articles sharing the most
// tags, then the newest of the same category. Never a itself; only
// published articles.
func (s *Store) RelatedArticles(ctx context.Context, a domain.Article, limit int) ([]domain.Article, error) {
	list, err := s.relatedRows(ctx, a, limit)
	if err != nil {
		return nil, err
	}
	return list, s.loadRelations(ctx, list)
}

// relatedRows is RelatedArticles without the tags and authors. a needs
// only its id, category and publication time.
func (s *Store) relatedRows(ctx context.Context, a domain.Article, limit int) ([]domain.Article, error) {
	list, computed, err := s.storedRelated(ctx, a.ID, limit)
	switch {
	case err != nil || len(list) > 0:
		return list, err
	case computed: // nothing scored: "Berita Terkait" is never empty
		return s.nearestInCategory(ctx, a, limit)
	}
	return s.relatedByTags(ctx, a, limit)
}

// ArticleView is what an article's page reads of the store at once (see
// ArticlePage).
type ArticleView struct {
	Article domain.Article
	Related []domain.Article // RelatedArticles
	// HasNotes and Live say whether the article has corrections or update
	// notes (Notes) and a live report (LiveReport): most have neither, and
	// then the page need not ask.
	HasNotes, Live bool
}

// ArticlePage returns a published article with its related news (limit of
// them), in three reads where ArticleBySlug and RelatedArticles take six:
// the article (with whether it has notes and a live report), its related
// list, and the tags and authors of all of them together.
func (s *Store) ArticlePage(ctx context.Context, slug string, limit int) (ArticleView, error) {
	var v ArticleView
	row := s.r.QueryRowContext(ctx, s.q("SELECT "+s.cols(articleFullCols)+`,
		EXISTS (SELECT 1 FROM article_notes n WHERE n.article_id = a.id),
		EXISTS (SELECT 1 FROM live_reports l WHERE l.article_id = a.id)`+articleFrom+" WHERE a.slug = ? AND"+published), slug, s.Now())
	a, err := scanArticle(row, true, &v.HasNotes, &v.Live)
	if errors.Is(err, sql.ErrNoRows) {
		return v, domain.NotFound("artikel tidak ditemukan")
	}
	if err != nil {
		return v, fmt.Errorf("get article: %w", err)
	}
	related, err := s.relatedRows(ctx, a, limit)
	if err != nil {
		return v, err
	}
	all := append([]domain.Article{a}, related...)
	if err := s.loadRelations(ctx, all); err != nil {
		return v, err
	}
	v.Article, v.Related = all[0], all[1:]
	return v, nil
}

// CountArticles counts all articles whatever their status.
func (s *Store) CountArticles(ctx context.Context) (int, error) {
	var n int
	if err := s.r.QueryRowContext(ctx, "SELECT COUNT(*) FROM articles").Scan(&n); err != nil {
		return 0, fmt.Errorf("count articles: %w", err)
	}
	return n, nil
}

// SetCounters overwrites an article's counters (demo seeding and imports).
func (s *Store) SetCounters(ctx context.Context, id, views, likes, dislikes int64) error {
	_, err := s.w.ExecContext(ctx, s.q("UPDATE articles SET views = ?, likes = ?, dislikes = ? WHERE id = ?"), views, likes, dislikes, id)
	if err != nil {
		return fmt.Errorf("set counters: %w", err)
	}
	return nil
}
