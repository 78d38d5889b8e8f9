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

// checkCategory bounds what every page's navigation shows.
func checkCategory(c domain.Category) error {
	if err := domain.CheckName("nama kategori", c.Name, domain.MaxCategoryName); err != nil {
		return err
	}
	return domain.CheckName("keterangan kategori", c.Description, domain.MaxCategoryDescription)
}

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
