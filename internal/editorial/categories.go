package editorial

import (
	"context"
	"strings"

	"warta/internal/auth"
	"warta/internal/domain"
)

// Categories, tags and polls: anyone who writes articles (they pick a
// category, tags and a poll) or manages them may list them; only the
// holders of PermCategories, PermTags and PermPolls change them. The same
// rule holds in the newsroom and the admin API.

// canList checks that u may list what manage governs.
func canList(u *domain.User, manage auth.Perm) error {
	if u != nil && !u.Disabled && auth.Can(u.Role, manage) {
		return nil
	}
	return auth.Require(u, auth.PermArticleCreate)
}

// Categories lists the categories in navigation order.
func (s *Service) Categories(ctx context.Context, u *domain.User) ([]domain.Category, error) {
	if err := canList(u, auth.PermCategories); err != nil {
		return nil, err
	}
	return s.store.Categories(ctx)
}

// CreateCategory adds a category and returns it.
func (s *Service) CreateCategory(ctx context.Context, u *domain.User, c domain.Category) (domain.Category, error) {
	if err := auth.Require(u, auth.PermCategories); err != nil {
		return c, err
	}
	c.Slug, c.Description = strings.TrimSpace(c.Slug), strings.TrimSpace(c.Description)
	if c.Slug != "" && domain.Slugify(c.Slug) != c.Slug {
		return c, domain.Invalid("slug hanya boleh berisi huruf kecil, angka dan tanda hubung")
	}
	id, err := s.store.CreateCategory(ctx, c)
	if err != nil {
		return c, err
	}
	s.changed(ctx, Change{Site: ChangeCategories}) // the navigation shows it
	slug := c.Slug
	if slug == "" {
		slug = domain.Slugify(c.Name)
	}
	if c, err = s.store.CategoryBySlug(ctx, slug); err != nil {
		return c, err
	}
	c.ID = id
	return c, nil
}

// Category finds a category by its slug for u.
func (s *Service) Category(ctx context.Context, u *domain.User, slug string) (domain.Category, error) {
	if err := canList(u, auth.PermCategories); err != nil {
		return domain.Category{}, err
	}
	return s.store.CategoryBySlug(ctx, slug)
}

// UpdateCategory replaces category id's fields with c's.
func (s *Service) UpdateCategory(ctx context.Context, u *domain.User, id int64, c domain.Category) (domain.Category, error) {
	if err := auth.Require(u, auth.PermCategories); err != nil {
		return c, err
	}
	c.ID, c.Name, c.Slug, c.Description = id, strings.TrimSpace(c.Name), strings.TrimSpace(c.Slug), strings.TrimSpace(c.Description)
	if err := s.store.UpdateCategory(ctx, id, c); err != nil {
		return c, err
	}
	s.changed(ctx, Change{Site: ChangeCategories})
	return c, nil
}

// DeleteCategory removes an empty category.
func (s *Service) DeleteCategory(ctx context.Context, u *domain.User, id int64) error {
	if err := auth.Require(u, auth.PermCategories); err != nil {
		return err
	}
	if err := s.store.DeleteCategory(ctx, id); err != nil {
		return err
	}
	s.changed(ctx, Change{Site: ChangeCategories})
	return nil
}
