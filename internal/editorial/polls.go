package editorial

import (
	"context"
	"time"

	"warta/internal/auth"
	"warta/internal/domain"
	"warta/internal/store"
)

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
