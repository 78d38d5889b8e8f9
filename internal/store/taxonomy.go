package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"warta/internal/domain"
)

// CreateCategory stores a category and returns its id.
func (s *Store) CreateCategory(ctx context.Context, c domain.Category) (int64, error) {
	c.Name = strings.TrimSpace(c.Name)
	if c.Name == "" {
		return 0, domain.Invalid("nama kategori wajib diisi")
	}
	if err := checkCategory(c); err != nil {
		return 0, err
	}
	if c.Slug == "" {
		c.Slug = domain.Slugify(c.Name)
	}
	// A new category goes where it was asked to: at position N the ones
	// from N on move one down (so it is not sorted among them by name); at
	// 0 (no position given) it goes last.
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return 0, fmt.Errorf("create category: %w", err)
	}
	defer tx.Rollback()
	if c.Position <= 0 {
		if err := tx.QueryRowContext(ctx, "SELECT COALESCE(MAX(position), 0) + 1 FROM categories").Scan(&c.Position); err != nil {
			return 0, fmt.Errorf("create category: %w", err)
		}
	} else {
		var taken int
		if err := tx.QueryRowContext(ctx, s.q("SELECT COUNT(*) FROM categories WHERE position = ?"), c.Position).Scan(&taken); err != nil {
			return 0, fmt.Errorf("create category: %w", err)
		}
		if taken > 0 {
			if _, err := tx.ExecContext(ctx, s.q("UPDATE categories SET position = position + 1 WHERE position >= ?"), c.Position); err != nil {
				return 0, fmt.Errorf("create category: %w", err)
			}
		}
	}
	id, err := s.insertID(ctx, tx, `INSERT INTO categories (slug, name, description, position) VALUES (?, ?, ?, ?)
		ON CONFLICT (slug) DO NOTHING`, c.Slug, c.Name, c.Description, c.Position)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, domain.Conflict("kategori %q sudah ada", c.Slug)
	}
	if err != nil {
		return 0, fmt.Errorf("create category: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return 0, fmt.Errorf("create category: %w", err)
	}
	return id, nil
}

// Categories lists all categories in navigation order.
func (s *Store) Categories(ctx context.Context) ([]domain.Category, error) {
	rows, err := s.r.QueryContext(ctx, "SELECT id, slug, name, description, position FROM categories ORDER BY position, name")
	if err != nil {
		return nil, fmt.Errorf("list categories: %w", err)
	}
	defer rows.Close()
	var list []domain.Category
	for rows.Next() {
		var c domain.Category
		if err := rows.Scan(&c.ID, &c.Slug, &c.Name, &c.Description, &c.Position); err != nil {
			return nil, fmt.Errorf("list categories: %w", err)
		}
		list = append(list, c)
	}
	return list, rows.Err()
}

// CategoryBySlug returns one category.
func (s *Store) CategoryBySlug(ctx context.Context, slug string) (domain.Category, error) {
	var c domain.Category
	err := s.r.QueryRowContext(ctx, s.q("SELECT id, slug, name, description, position FROM categories WHERE slug = ?"), slug).
		Scan(&c.ID, &c.Slug, &c.Name, &c.Description, &c.Position)
	if errors.Is(err, sql.ErrNoRows) {
		return c, domain.NotFound("kategori tidak ditemukan")
	}
	if err != nil {
		return c, fmt.Errorf("get category: %w", err)
	}
	return c, nil
}

// CreateAuthor stores an author and returns its id.
func (s *Store) CreateAuthor(ctx context.Context, a domain.Author) (int64, error) {
	a.Name = strings.TrimSpace(a.Name)
	if a.Name == "" {
		return 0, domain.Invalid("nama penulis wajib diisi")
	}
	if err := domain.CheckName("nama penulis", a.Name, domain.MaxAuthorName); err != nil {
		return 0, err
	}
	if a.Slug == "" {
		a.Slug = domain.Slugify(a.Name)
	}
	id, err := s.insertID(ctx, s.w, `INSERT INTO authors (slug, name, bio) VALUES (?, ?, ?)
		ON CONFLICT (slug) DO NOTHING`, a.Slug, a.Name, a.Bio)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, domain.Conflict("penulis %q sudah ada", a.Slug)
	}
	if err != nil {
		return 0, fmt.Errorf("create author: %w", err)
	}
	return id, nil
}

// AuthorBySlug returns one author.
func (s *Store) AuthorBySlug(ctx context.Context, slug string) (domain.Author, error) {
	var a domain.Author
	err := s.r.QueryRowContext(ctx, s.q("SELECT id, slug, name, bio FROM authors WHERE slug = ?"), slug).
		Scan(&a.ID, &a.Slug, &a.Name, &a.Bio)
	if errors.Is(err, sql.ErrNoRows) {
		return a, domain.NotFound("penulis tidak ditemukan")
	}
	if err != nil {
		return a, fmt.Errorf("get author: %w", err)
	}
	return a, nil
}

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

// checkCategory bounds what every page's navigation shows.
func checkCategory(c domain.Category) error {
	if err := domain.CheckName("nama kategori", c.Name, domain.MaxCategoryName); err != nil {
		return err
	}
	return domain.CheckName("keterangan kategori", c.Description, domain.MaxCategoryDescription)
}
