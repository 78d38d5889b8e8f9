package editorial

import (
	"context"
	"strings"
	"unicode/utf8"

	"warta/internal/auth"
	"warta/internal/domain"
	"warta/internal/store"
)

// Tags returns one page of the tags f asks for, each with its published
// articles, and how many tags match (store.AdminTags). A search longer
// than a tag's name can be is refused.
func (s *Service) Tags(ctx context.Context, u *domain.User, f store.TagFilter, p domain.Page) ([]store.TagCount, int, error) {
	if err := canList(u, auth.PermTags); err != nil {
		return nil, 0, err
	}
	if utf8.RuneCountInString(f.Query) > domain.MaxTagName {
		return nil, 0, domain.Invalid("pencarian topik paling panjang %d karakter", domain.MaxTagName)
	}
	return s.store.AdminTags(ctx, f, p)
}

// Tag finds a tag by its slug for u.
func (s *Service) Tag(ctx context.Context, u *domain.User, slug string) (domain.Tag, error) {
	if err := canList(u, auth.PermTags); err != nil {
		return domain.Tag{}, err
	}
	return s.store.TagBySlug(ctx, slug)
}

// RenameTag renames tag id and returns it.
func (s *Service) RenameTag(ctx context.Context, u *domain.User, id int64, name string) (domain.Tag, error) {
	if err := auth.Require(u, auth.PermTags); err != nil {
		return domain.Tag{}, err
	}
	t, err := s.store.RenameTag(ctx, id, name)
	if err != nil {
		return t, err
	}
	s.changed(ctx, Change{Site: ChangeTags}) // every article with the tag shows its name
	return t, nil
}

// MergeTag moves tag id's articles to the tag named (or slugged) into and
// removes tag id; it returns the tag that remains.
func (s *Service) MergeTag(ctx context.Context, u *domain.User, id int64, into string) (domain.Tag, error) {
	if err := auth.Require(u, auth.PermTags); err != nil {
		return domain.Tag{}, err
	}
	t, err := s.store.TagBySlug(ctx, domain.Slugify(into))
	if err != nil {
		return t, domain.Invalid("topik tujuan %q tidak ada", strings.TrimSpace(into))
	}
	if err := s.store.MergeTags(ctx, id, t.ID); err != nil {
		return t, err
	}
	s.changed(ctx, Change{Site: ChangeTags})
	return t, nil
}
