package editorial

import (
	"context"

	"warta/internal/domain"
)

// What the editor page and the admin API read about one article beside the
// article itself. Each method checks, as Article does, that u may open it.

// Revision returns one revision of an article.
func (s *Service) Revision(ctx context.Context, u *domain.User, id, revID int64) (domain.Revision, error) {
	if _, err := s.Article(ctx, u, id); err != nil {
		return domain.Revision{}, err
	}
	return s.store.Revision(ctx, id, revID)
}

// RevisionAtVersion returns the revision saved as an article's version v
// (ok false when none was: revisions older than versioning).
func (s *Service) RevisionAtVersion(ctx context.Context, u *domain.User, id, v int64) (rev domain.Revision, ok bool, err error) {
	if _, err := s.Article(ctx, u, id); err != nil {
		return domain.Revision{}, false, err
	}
	return s.store.RevisionAtVersion(ctx, id, v)
}

// Notes lists an article's correction and update notes.
func (s *Service) Notes(ctx context.Context, u *domain.User, id int64) ([]domain.Note, error) {
	if _, err := s.Article(ctx, u, id); err != nil {
		return nil, err
	}
	return s.store.Notes(ctx, id)
}

// HotBadge is the editor's current decision on an article's #HOT badge:
// "auto" (the trending job decides), "on" or "off".
func (s *Service) HotBadge(ctx context.Context, u *domain.User, id int64) (string, error) {
	if _, err := s.Article(ctx, u, id); err != nil {
		return "", err
	}
	v, err := s.store.HotOverride(ctx, id)
	return HotBadgeOf(v), err
}
