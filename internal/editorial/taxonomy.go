package editorial

import (
	"context"
	"strings"
	"time"

	"warta/internal/auth"
	"warta/internal/domain"
	"warta/internal/store"
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

// Tags lists the tags with their article counts.
func (s *Service) Tags(ctx context.Context, u *domain.User) ([]store.TagCount, error) {
	if err := canList(u, auth.PermTags); err != nil {
		return nil, err
	}
	return s.store.TagsWithCounts(ctx)
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

// Polls lists the latest 200 polls.
func (s *Service) Polls(ctx context.Context, u *domain.User) ([]domain.Poll, error) {
	return s.RecentPolls(ctx, u, 200)
}

// RecentPolls lists the latest n polls (the editor's poll choice shows 50).
func (s *Service) RecentPolls(ctx context.Context, u *domain.User, n int) ([]domain.Poll, error) {
	if err := canList(u, auth.PermPolls); err != nil {
		return nil, err
	}
	return s.store.Polls(ctx, n)
}

// Poll returns one poll for u.
func (s *Service) Poll(ctx context.Context, u *domain.User, id int64) (domain.Poll, error) {
	if err := canList(u, auth.PermPolls); err != nil {
		return domain.Poll{}, err
	}
	return s.store.Poll(ctx, id)
}

// MayCreatePoll says whether u may create polls (the newsroom shows the
// empty form only then).
func (s *Service) MayCreatePoll(u *domain.User) error { return auth.Require(u, auth.PermPolls) }

// CreatePoll stores a poll and returns it.
func (s *Service) CreatePoll(ctx context.Context, u *domain.User, in store.PollInput) (domain.Poll, error) {
	if err := auth.Require(u, auth.PermPolls); err != nil {
		return domain.Poll{}, err
	}
	id, err := s.store.CreatePoll(ctx, in)
	if err != nil {
		return domain.Poll{}, err
	}
	s.changed(ctx, Change{Site: ChangePolls}) // a site poll shows on every page without its own (issue 14)
	return s.store.Poll(ctx, id)
}

// PollChange is a change to a poll: the fields set in Update, and Open
// (when set) opens the poll now for good (true) or closes it now (false).
type PollChange struct {
	store.PollUpdate
	Open *bool
}

// UpdatePoll changes a poll and returns it.
func (s *Service) UpdatePoll(ctx context.Context, u *domain.User, id int64, c PollChange) (domain.Poll, error) {
	if err := auth.Require(u, auth.PermPolls); err != nil {
		return domain.Poll{}, err
	}
	upd := c.PollUpdate
	if c.Open != nil {
		poll, err := s.store.Poll(ctx, id)
		if err != nil {
			return poll, err
		}
		now := s.store.Now()
		if *c.Open {
			var zero time.Time
			upd.ClosesAt = &zero
			if poll.OpensAt.After(now) {
				upd.OpensAt = &now
			}
		} else {
			upd.ClosesAt = &now
			if !poll.OpensAt.Before(now) {
				earlier := now.Add(-time.Second)
				upd.OpensAt = &earlier
			}
		}
	}
	if err := s.store.UpdatePoll(ctx, id, upd); err != nil {
		return domain.Poll{}, err
	}
	poll, err := s.store.Poll(ctx, id)
	if err == nil {
		c := Change{Articles: []int64{poll.ArticleID}} // the article shows the poll
		if upd.Scope != nil {
			c.Site = ChangePolls // it leaves, or reaches, every page (issue 14)
		}
		s.changed(ctx, c)
	}
	return poll, err
}

// DeletePoll removes a poll.
func (s *Service) DeletePoll(ctx context.Context, u *domain.User, id int64) error {
	if err := auth.Require(u, auth.PermPolls); err != nil {
		return err
	}
	poll, err := s.store.Poll(ctx, id)
	if err != nil {
		return err
	}
	if err := s.store.DeletePoll(ctx, id); err != nil {
		return err
	}
	s.changed(ctx, Change{Articles: []int64{poll.ArticleID}, Site: ChangePolls}) // the pages that showed it (issue 14)
	return nil
}

// Now is the store's clock (the time polls are judged open by).
func (s *Service) Now() time.Time { return s.store.Now() }
