package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"warta/internal/domain"
)

// StaticPages lists the site's institutional pages in footer order,
// without their bodies.
func (s *Store) StaticPages(ctx context.Context) ([]domain.StaticPage, error) {
	rows, err := s.r.QueryContext(ctx, "SELECT slug, title, position, updated_at FROM static_pages ORDER BY position, slug")
	if err != nil {
		return nil, fmt.Errorf("list static pages: %w", err)
	}
	defer rows.Close()
	var out []domain.StaticPage
	for rows.Next() {
		var p domain.StaticPage
		if err := rows.Scan(&p.Slug, &p.Title, &p.Position, &p.UpdatedAt); err != nil {
			return nil, fmt.Errorf("list static pages: %w", err)
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// StaticPage returns one institutional page with its body.
func (s *Store) StaticPage(ctx context.Context, slug string) (domain.StaticPage, error) {
	p := domain.StaticPage{Slug: slug}
	err := s.r.QueryRowContext(ctx, s.q("SELECT title, body_source, body_html, position, updated_at FROM static_pages WHERE slug = ?"), slug).
		Scan(&p.Title, &p.BodySource, &p.BodyHTML, &p.Position, &p.UpdatedAt)
	if errors.Is(err, sql.ErrNoRows) {
		return p, domain.NotFound("halaman %q tidak ada", slug)
	}
	if err != nil {
		return p, fmt.Errorf("get static page: %w", err)
	}
	return p, nil
}

// SaveStaticPage creates or replaces an institutional page; BodyHTML must
// already be sanitised.
func (s *Store) SaveStaticPage(ctx context.Context, p domain.StaticPage) error {
	if p.Slug == "" || p.Title == "" {
		return domain.Invalid("halaman butuh alamat dan judul")
	}
	_, err := s.w.ExecContext(ctx, s.q(`INSERT INTO static_pages (slug, title, body_source, body_html, position, updated_at) VALUES (?, ?, ?, ?, ?, ?)
		ON CONFLICT (slug) DO UPDATE SET title = excluded.title, body_source = excluded.body_source,
		body_html = excluded.body_html, position = excluded.position, updated_at = excluded.updated_at`),
		p.Slug, p.Title, p.BodySource, p.BodyHTML, p.Position, dbTime(s.Now()))
	if err != nil {
		return fmt.Errorf("save static page: %w", err)
	}
	return nil
}

// SetUnedited marks a published article as never edited since publication
// (updated = published), for content stored after the fact with an earlier
// publication time: the demo's stories, which would otherwise all show
// "Diperbarui" at the moment they were seeded.
func (s *Store) SetUnedited(ctx context.Context, id int64) error {
	_, err := s.w.ExecContext(ctx, s.q("UPDATE articles SET updated_at = published_at WHERE id = ? AND published_at IS NOT NULL"), id)
	if err != nil {
		return fmt.Errorf("set unedited: %w", err)
	}
	return nil
}
