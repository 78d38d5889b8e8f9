package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"warta/internal/domain"
)

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
