package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"warta/internal/domain"
)

// TagBySlug returns one tag.
func (s *Store) TagBySlug(ctx context.Context, slug string) (domain.Tag, error) {
	var t domain.Tag
	err := s.r.QueryRowContext(ctx, s.q("SELECT id, slug, name FROM tags WHERE slug = ?"), slug).Scan(&t.ID, &t.Slug, &t.Name)
	if errors.Is(err, sql.ErrNoRows) {
		return t, domain.NotFound("topik tidak ditemukan")
	}
	if err != nil {
		return t, fmt.Errorf("get tag: %w", err)
	}
	return t, nil
}

// ensureTag returns the tag with the given name's slug, creating it. A name
// that yields no slug returns a zero Tag.
func (s *Store) ensureTag(ctx context.Context, ex execer, name string) (domain.Tag, error) {
	t := domain.Tag{Name: strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(name), "#")), Slug: domain.Slugify(name)}
	if t.Slug == "" {
		return domain.Tag{}, nil
	}
	if _, err := ex.ExecContext(ctx, s.q("INSERT INTO tags (slug, name) VALUES (?, ?) ON CONFLICT (slug) DO NOTHING"), t.Slug, t.Name); err != nil {
		return t, fmt.Errorf("ensure tag: %w", err)
	}
	err := ex.QueryRowContext(ctx, s.q("SELECT id, name FROM tags WHERE slug = ?"), t.Slug).Scan(&t.ID, &t.Name)
	if err != nil {
		return t, fmt.Errorf("ensure tag: %w", err)
	}
	return t, nil
}

// TagCount is a tag with a number of its articles: every article carrying
// it for TagsWithCounts, the published ones for AdminTags.
type TagCount struct {
	domain.Tag
	Articles int
}

// TagsWithCounts lists every tag by name with its article count, counting
// every link: for tools and tests (scalegen, the scale bench's setup); the
// newsroom pages its tags with AdminTags.
func (s *Store) TagsWithCounts(ctx context.Context) ([]TagCount, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT t.id, t.slug, t.name, COUNT(at.article_id) FROM tags t
		LEFT JOIN article_tags at ON at.tag_id = t.id GROUP BY t.id, t.slug, t.name ORDER BY t.name`)
	if err != nil {
		return nil, fmt.Errorf("list tags: %w", err)
	}
	defer rows.Close()
	var list []TagCount
	for rows.Next() {
		var t TagCount
		if err := rows.Scan(&t.ID, &t.Slug, &t.Name, &t.Articles); err != nil {
			return nil, fmt.Errorf("list tags: %w", err)
		}
		list = append(list, t)
	}
	return list, rows.Err()
}

// TagFilter narrows and orders the newsroom's tag list (AdminTags).
type TagFilter struct {
	// Query finds the tags whose slug starts with its slug: "banjir ja"
	// finds "Banjir Jakarta", whatever the case, accents or punctuation.
	Query string
	// ByUse lists the tags with published articles, most first (the newest
	// tag first among equals); otherwise every tag by slug, A to Z.
	ByUse bool
}

// tagPrefix is the condition on t.slug for a slug prefix: a range of the
// slug's unique index on SQLite, LIKE on PostgreSQL (served by
// tags_slug_prefix, migration 0201, under any collation). A prefix holds
// only a-z, 0-9 and '-' (domain.Slugify), below '~' and free of LIKE's
// wildcards.
func (s *Store) tagPrefix(prefix string) (string, []any) {
	if s.dialect == Postgres {
		return " AND t.slug LIKE ?", []any{prefix + "%"}
	}
	return " AND t.slug >= ? AND t.slug < ?", []any{prefix, prefix + "~"}
}

// AdminTags returns one page of the tags f asks for, each with its
// published articles (tag_counts, migration 0166), and how many tags match.
// Nothing counts article_tags: a page reads its rows from an index (the
// slug's, or tag_counts_published for ByUse) and the total counts the
// matching tags, never their links.
func (s *Store) AdminTags(ctx context.Context, f TagFilter, p domain.Page) ([]TagCount, int, error) {
	list := []TagCount{}
	where, args := "", []any{}
	if f.Query != "" {
		prefix := domain.Slugify(f.Query)
		if prefix == "" { // only punctuation: no slug starts with it
			return list, 0, nil
		}
		where, args = s.tagPrefix(prefix)
	}
	// The page is cut from the index alone (the slugs, or the counts and
	// ids) before any tag row or counter is joined: the last of 403 pages
	// had joined the 20,100 rows it skips (PostgreSQL: 49 → 5 ms).
	count := "SELECT COUNT(*) FROM tags t WHERE 1 = 1" + where
	query := `SELECT t.id, t.slug, t.name, COALESCE(k.published, 0) FROM (SELECT t.slug FROM tags t WHERE 1 = 1` + where +
		` ORDER BY t.slug LIMIT ? OFFSET ?) p JOIN tags t ON t.slug = p.slug LEFT JOIN tag_counts k ON k.tag_id = t.id ORDER BY t.slug`
	if f.ByUse {
		count = "SELECT COUNT(*) FROM tag_counts k WHERE k.published > 0"
		page := "SELECT k.tag_id, k.published FROM tag_counts k WHERE k.published > 0"
		if where != "" {
			count = "SELECT COUNT(*) FROM tag_counts k JOIN tags t ON t.id = k.tag_id WHERE k.published > 0" + where
			page = "SELECT k.tag_id, k.published FROM tag_counts k JOIN tags t ON t.id = k.tag_id WHERE k.published > 0" + where
		}
		query = `SELECT t.id, t.slug, t.name, p.published FROM (` + page + ` ORDER BY k.published DESC, k.tag_id DESC LIMIT ? OFFSET ?) p
			JOIN tags t ON t.id = p.tag_id ORDER BY p.published DESC, p.tag_id DESC`
	}
	var total int
	if err := s.r.QueryRowContext(ctx, s.q(count), args...).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("count tags: %w", err)
	}
	if p.Offset() >= total {
		return list, total, nil
	}
	rows, err := s.r.QueryContext(ctx, s.q(query), append(args, p.Size, p.Offset())...)
	if err != nil {
		return nil, 0, fmt.Errorf("list tags: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var t TagCount
		if err := rows.Scan(&t.ID, &t.Slug, &t.Name, &t.Articles); err != nil {
			return nil, 0, fmt.Errorf("list tags: %w", err)
		}
		list = append(list, t)
	}
	return list, total, rows.Err()
}

// tagArticleIDs lists the articles carrying a tag.
func (s *Store) tagArticleIDs(ctx context.Context, tx *sql.Tx, tagID int64) ([]int64, error) {
	rows, err := tx.QueryContext(ctx, s.q("SELECT article_id FROM article_tags WHERE tag_id = ?"), tagID)
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

// RenameTag gives a tag a new name (and the slug that follows from it). When
// another tag already has that slug, it is a conflict: merge instead.
func (s *Store) RenameTag(ctx context.Context, id int64, name string) (domain.Tag, error) {
	t := domain.Tag{ID: id, Name: strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(name), "#")), Slug: domain.Slugify(name)}
	if t.Slug == "" {
		return t, domain.Invalid("nama topik wajib diisi")
	}
	if err := domain.CheckName("nama topik", t.Name, domain.MaxTagName); err != nil {
		return t, err
	}
	var changes []ArticleChange
	err := s.Tx(ctx, func(tx *sql.Tx) error {
		var clash int
		if err := tx.QueryRowContext(ctx, s.q("SELECT COUNT(*) FROM tags WHERE slug = ? AND id <> ?"), t.Slug, id).Scan(&clash); err != nil {
			return err
		}
		if clash > 0 {
			return domain.Conflict("topik %q sudah ada; gabungkan saja", t.Slug)
		}
		res, err := tx.ExecContext(ctx, s.q("UPDATE tags SET slug = ?, name = ? WHERE id = ?"), t.Slug, t.Name, id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return domain.NotFound("topik tidak ditemukan")
		}
		ids, err := s.tagArticleIDs(ctx, tx, id)
		if err != nil {
			return err
		}
		changes, err = s.touchArticles(ctx, tx, ids, false)
		return err
	})
	if err != nil {
		return t, fmt.Errorf("rename tag: %w", err)
	}
	s.afterTouch(ctx, changes)
	return t, nil
}

// MergeTags moves every article of tag from onto tag into and deletes from.
func (s *Store) MergeTags(ctx context.Context, from, into int64) error {
	if from == into {
		return domain.Invalid("topik tidak bisa digabung dengan dirinya sendiri")
	}
	var changes []ArticleChange
	err := s.Tx(ctx, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, s.q("SELECT COUNT(*) FROM tags WHERE id IN (?, ?)"), from, into).Scan(&n); err != nil {
			return err
		}
		if n != 2 {
			return domain.NotFound("topik tidak ditemukan")
		}
		ids, err := s.tagArticleIDs(ctx, tx, from)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO article_tags (article_id, tag_id)
			SELECT article_id, ? FROM article_tags WHERE tag_id = ? ON CONFLICT DO NOTHING`), into, from); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, s.q("DELETE FROM tags WHERE id = ?"), from); err != nil {
			return err
		}
		changes, err = s.touchArticles(ctx, tx, ids, false)
		return err
	})
	if err != nil {
		return fmt.Errorf("merge tags: %w", err)
	}
	s.afterTouch(ctx, changes)
	return nil
}

// touchArticles tells the in-transaction hooks that articles changed and
// returns the changes for afterTouch; pageOnly says that only the
// articles' own pages changed (ArticleChange.PageOnly).
func (s *Store) touchArticles(ctx context.Context, tx *sql.Tx, ids []int64, pageOnly bool) ([]ArticleChange, error) {
	var changes []ArticleChange
	for _, id := range ids {
		var st string
		if err := tx.QueryRowContext(ctx, s.q("SELECT status FROM articles WHERE id = ?"), id).Scan(&st); err != nil {
			return nil, err
		}
		c := ArticleChange{ArticleID: id, Kind: "updated", Status: domain.Status(st), PageOnly: pageOnly}
		if err := s.runInTxHooks(ctx, tx, c); err != nil {
			return nil, err
		}
		changes = append(changes, c)
	}
	return changes, nil
}

func (s *Store) afterTouch(ctx context.Context, changes []ArticleChange) {
	for _, c := range changes {
		s.runAfterHooks(ctx, c)
	}
}
