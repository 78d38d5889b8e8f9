package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"warta/internal/domain"
)

// UpdateCategory changes a category's name, slug, description and position.
func (s *Store) UpdateCategory(ctx context.Context, id int64, c domain.Category) error {
	c.Name = strings.TrimSpace(c.Name)
	if c.Name == "" {
		return domain.Invalid("nama kategori wajib diisi")
	}
	if err := checkCategory(c); err != nil {
		return err
	}
	if c.Slug == "" {
		c.Slug = domain.Slugify(c.Name)
	}
	if c.Slug == "" || domain.Slugify(c.Slug) != c.Slug {
		return domain.Invalid("slug hanya boleh berisi huruf kecil, angka dan tanda hubung")
	}
	var clash int
	if err := s.r.QueryRowContext(ctx, s.q("SELECT COUNT(*) FROM categories WHERE slug = ? AND id <> ?"), c.Slug, id).Scan(&clash); err != nil {
		return fmt.Errorf("update category: %w", err)
	}
	if clash > 0 {
		return domain.Conflict("kategori %q sudah ada", c.Slug)
	}
	res, err := s.w.ExecContext(ctx, s.q("UPDATE categories SET slug = ?, name = ?, description = ?, position = ? WHERE id = ?"),
		c.Slug, c.Name, c.Description, c.Position, id)
	if err != nil {
		return fmt.Errorf("update category: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return domain.NotFound("kategori tidak ditemukan")
	}
	return nil
}

// DeleteCategory removes a category that holds no articles.
func (s *Store) DeleteCategory(ctx context.Context, id int64) error {
	return s.Tx(ctx, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, s.q("SELECT COUNT(*) FROM articles WHERE category_id = ?"), id).Scan(&n); err != nil {
			return fmt.Errorf("delete category: %w", err)
		}
		if n > 0 {
			return domain.Conflict("kategori masih berisi %d artikel; pindahkan dulu artikelnya", n)
		}
		res, err := tx.ExecContext(ctx, s.q("DELETE FROM categories WHERE id = ?"), id)
		if err != nil {
			return fmt.Errorf("delete category: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return domain.NotFound("kategori tidak ditemukan")
		}
		return nil
	})
}

// TagCount is a tag with the number of articles carrying it.
type TagCount struct {
	domain.Tag
	Articles int
}

// TagsWithCounts lists every tag by name with its article count.
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
		changes, err = s.touchArticles(ctx, tx, ids)
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
		changes, err = s.touchArticles(ctx, tx, ids)
		return err
	})
	if err != nil {
		return fmt.Errorf("merge tags: %w", err)
	}
	s.afterTouch(ctx, changes)
	return nil
}

// touchArticles tells the in-transaction hooks that articles changed and
// returns the changes for afterTouch.
func (s *Store) touchArticles(ctx context.Context, tx *sql.Tx, ids []int64) ([]ArticleChange, error) {
	var changes []ArticleChange
	for _, id := range ids {
		var st string
		if err := tx.QueryRowContext(ctx, s.q("SELECT status FROM articles WHERE id = ?"), id).Scan(&st); err != nil {
			return nil, err
		}
		c := ArticleChange{ArticleID: id, Kind: "updated", Status: domain.Status(st)}
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

// Polls lists polls, newest first, with their options.
func (s *Store) Polls(ctx context.Context, limit int) ([]domain.Poll, error) {
	rows, err := s.r.QueryContext(ctx, s.q("SELECT id FROM polls ORDER BY created_at DESC, id DESC LIMIT ?"), limit)
	if err != nil {
		return nil, fmt.Errorf("list polls: %w", err)
	}
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return nil, fmt.Errorf("list polls: %w", err)
		}
		ids = append(ids, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list polls: %w", err)
	}
	list := make([]domain.Poll, 0, len(ids))
	for _, id := range ids {
		p, err := s.Poll(ctx, id)
		if err != nil {
			return nil, err
		}
		list = append(list, p)
	}
	return list, nil
}

// PollUpdate changes a poll. Nil fields stay as they are. Option labels can
// be renamed (by position) but not removed once votes exist.
type PollUpdate struct {
	Question  *string
	Options   []string // nil keeps them
	ArticleID *int64
	Scope     *string // domain.PollSite or domain.PollArticle
	OpensAt   *time.Time
	ClosesAt  *time.Time // pointer to the zero time opens it again for good
}

// UpdatePoll applies u to a poll.
func (s *Store) UpdatePoll(ctx context.Context, id int64, u PollUpdate) error {
	p, err := s.Poll(ctx, id)
	if err != nil {
		return err
	}
	if u.Question != nil {
		p.Question = strings.TrimSpace(*u.Question)
		if p.Question == "" {
			return domain.Invalid("pertanyaan polling wajib diisi")
		}
	}
	if u.ArticleID != nil {
		p.ArticleID = *u.ArticleID
	}
	if u.Scope != nil {
		if err := checkPollScope(*u.Scope); err != nil {
			return err
		}
		p.Scope = *u.Scope
	}
	if u.OpensAt != nil {
		p.OpensAt = *u.OpensAt
	}
	if u.ClosesAt != nil {
		p.ClosesAt = *u.ClosesAt
	}
	if !p.ClosesAt.IsZero() && !p.ClosesAt.After(p.OpensAt) {
		return domain.Invalid("waktu tutup polling harus setelah waktu buka")
	}
	var opts []string
	if u.Options != nil {
		for _, o := range u.Options {
			if o = strings.TrimSpace(o); o != "" {
				opts = append(opts, o)
			}
		}
		if len(opts) < 2 || len(opts) > 10 {
			return domain.Invalid("polling harus punya 2 sampai 10 pilihan")
		}
		if len(opts) < len(p.Options) && p.TotalVotes() > 0 {
			return domain.Conflict("pilihan polling yang sudah dipilih pembaca tidak bisa dihapus")
		}
	}
	err = s.Tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, s.q("UPDATE polls SET question = ?, article_id = ?, scope = ?, opens_at = ?, closes_at = ? WHERE id = ?"),
			p.Question, nullID(p.ArticleID), p.Scope, dbTime(p.OpensAt), nullTime(p.ClosesAt), id); err != nil {
			return err
		}
		if opts == nil {
			return nil
		}
		for i, label := range opts {
			if i < len(p.Options) {
				if _, err := tx.ExecContext(ctx, s.q("UPDATE poll_options SET label = ?, position = ? WHERE id = ?"), label, i, p.Options[i].ID); err != nil {
					return err
				}
				continue
			}
			if _, err := tx.ExecContext(ctx, s.q("INSERT INTO poll_options (poll_id, label, position) VALUES (?, ?, ?)"), id, label, i); err != nil {
				return err
			}
		}
		for _, o := range p.Options[min(len(opts), len(p.Options)):] {
			if _, err := tx.ExecContext(ctx, s.q("DELETE FROM poll_options WHERE id = ?"), o.ID); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("update poll: %w", err)
	}
	return nil
}

// DeletePoll removes a poll and its votes; articles lose the attachment.
func (s *Store) DeletePoll(ctx context.Context, id int64) error {
	res, err := s.w.ExecContext(ctx, s.q("DELETE FROM polls WHERE id = ?"), id)
	if err != nil {
		return fmt.Errorf("delete poll: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return domain.NotFound("polling tidak ditemukan")
	}
	return nil
}
