package editorial

import (
	"context"
	"strings"
	"time"

	"warta/internal/auth"
	"warta/internal/domain"
)

// Live reports (issue 14). Editors (auth.PermLive) make an article a live
// report, end it and reopen it; everyone with auth.PermLiveUpdates adds,
// edits and deletes its updates, writers only on the articles they own and
// only their own updates. Every write touches the article in the store, so
// the one article-change event drops the cached pages (here and, through
// NOTIFY, on the other processes) and wakes the readers' streams.

// Limits on a live update.
const (
	MaxLiveTitle = 200      // characters
	MaxLiveBody  = 64 << 10 // bytes of Markdown
	MaxLiveShown = 200      // updates a reader's page shows at once
	liveListMax  = 1000     // updates the newsroom lists
	liveBodyName = "isi pembaruan"
)

// LiveReport returns an article's live report and its updates, newest
// first, for u (who may open the article). A non-live article is not found.
func (s *Service) LiveReport(ctx context.Context, u *domain.User, articleID int64) (domain.LiveReport, []domain.LiveUpdate, error) {
	if _, err := s.Article(ctx, u, articleID); err != nil {
		return domain.LiveReport{}, nil, err
	}
	r, err := s.store.LiveReport(ctx, articleID)
	if err != nil {
		return r, nil, err
	}
	list, _, err := s.store.LiveUpdates(ctx, articleID, liveListMax)
	return r, list, err
}

// IsLive reports whether an article is a live report (for the newsroom's
// editor page); false for an article u may not open.
func (s *Service) IsLive(ctx context.Context, u *domain.User, articleID int64) (domain.LiveReport, bool) {
	if _, err := s.Article(ctx, u, articleID); err != nil {
		return domain.LiveReport{}, false
	}
	r, err := s.store.LiveReport(ctx, articleID)
	return r, err == nil
}

// StartLive makes an article a live report, or reopens an ended one.
func (s *Service) StartLive(ctx context.Context, u *domain.User, articleID int64) (domain.LiveReport, error) {
	if err := auth.Require(u, auth.PermLive); err != nil {
		return domain.LiveReport{}, err
	}
	if _, err := s.store.ArticleByIDAnyStatus(ctx, articleID); err != nil {
		return domain.LiveReport{}, err
	}
	return s.store.StartLive(ctx, articleID)
}

// EndLive ends a live report ("Laporan langsung selesai").
func (s *Service) EndLive(ctx context.Context, u *domain.User, articleID int64) (domain.LiveReport, error) {
	if err := auth.Require(u, auth.PermLive); err != nil {
		return domain.LiveReport{}, err
	}
	return s.store.EndLive(ctx, articleID)
}

// canPostLive checks that u may write updates on an article's live report:
// editors on any, writers on the articles they own.
func (s *Service) canPostLive(ctx context.Context, u *domain.User, articleID int64) error {
	if err := auth.Require(u, auth.PermLiveUpdates); err != nil {
		return err
	}
	if _, err := s.store.ArticleByIDAnyStatus(ctx, articleID); err != nil {
		return err
	}
	if auth.Can(u.Role, auth.PermArticleEditAny) {
		return nil
	}
	owner, err := s.store.ArticleOwner(ctx, articleID)
	if err != nil {
		return err
	}
	if owner != u.ID {
		return domain.Forbidden("penulis hanya boleh menulis pembaruan di laporan langsung artikelnya sendiri")
	}
	return nil
}

// liveText checks and renders an update's title and Markdown body, the
// body exactly as article bodies are rendered and sanitised.
func (s *Service) liveText(title, body string) (string, string, string, error) {
	if err := checkRunes("judul pembaruan", title, MaxLiveTitle); err != nil {
		return "", "", "", err
	}
	if err := checkText(liveBodyName, body, MaxLiveBody); err != nil {
		return "", "", "", err
	}
	title, body = strings.TrimSpace(title), strings.TrimSpace(body)
	if body == "" {
		return "", "", "", domain.Invalid("isi pembaruan wajib diisi")
	}
	html, err := s.render.Markdown(body)
	if err != nil {
		return "", "", "", err
	}
	if strings.TrimSpace(html) == "" {
		return "", "", "", domain.Invalid("isi pembaruan kosong setelah dibersihkan")
	}
	return title, body, html, nil
}

// AddLiveUpdate adds an update to a running live report.
func (s *Service) AddLiveUpdate(ctx context.Context, u *domain.User, articleID int64, title, body string) (domain.LiveUpdate, error) {
	if err := s.canPostLive(ctx, u, articleID); err != nil {
		return domain.LiveUpdate{}, err
	}
	title, body, html, err := s.liveText(title, body)
	if err != nil {
		return domain.LiveUpdate{}, err
	}
	return s.store.AddLiveUpdate(ctx, domain.LiveUpdate{ArticleID: articleID, Title: title, BodySource: body, BodyHTML: html, UserID: u.ID})
}

// ownLiveUpdate returns an update u may change: editors any, writers their
// own on their own articles.
func (s *Service) ownLiveUpdate(ctx context.Context, u *domain.User, articleID, id int64) (domain.LiveUpdate, error) {
	if err := s.canPostLive(ctx, u, articleID); err != nil {
		return domain.LiveUpdate{}, err
	}
	up, err := s.store.LiveUpdate(ctx, articleID, id)
	if err != nil {
		return up, err
	}
	if !auth.Can(u.Role, auth.PermArticleEditAny) && up.UserID != u.ID {
		return up, domain.Forbidden("penulis hanya boleh mengubah pembaruannya sendiri")
	}
	return up, nil
}

// EditLiveUpdate changes an update's title and/or body (nil: unchanged);
// its time stays.
func (s *Service) EditLiveUpdate(ctx context.Context, u *domain.User, articleID, id int64, title, body *string) (domain.LiveUpdate, error) {
	cur, err := s.ownLiveUpdate(ctx, u, articleID, id)
	if err != nil {
		return cur, err
	}
	t, b := cur.Title, cur.BodySource
	if title != nil {
		t = *title
	}
	if body != nil {
		b = *body
	}
	if cur.Title, cur.BodySource, cur.BodyHTML, err = s.liveText(t, b); err != nil {
		return cur, err
	}
	return s.store.EditLiveUpdate(ctx, cur)
}

// DeleteLiveUpdate removes an update.
func (s *Service) DeleteLiveUpdate(ctx context.Context, u *domain.User, articleID, id int64) error {
	if _, err := s.ownLiveUpdate(ctx, u, articleID, id); err != nil {
		return err
	}
	return s.store.DeleteLiveUpdate(ctx, articleID, id)
}

// DefaultBreakingFor is how long an article flagged breaking without an end
// stays in the ticker; MaxBreakingFor the longest end an editor may set.
const (
	DefaultBreakingFor = 6 * time.Hour
	MaxBreakingFor     = 7 * 24 * time.Hour
)

// breakingUntil settles the end of the Breaking flag on a save: flagging
// takes the end given (in the future, within MaxBreakingFor) or
// DefaultBreakingFor from now; unflagging clears it. given is the
// BreakingUntil field as sent (nil: not sent), cur the article as stored.
func breakingUntil(f Fields, cur domain.Article, now time.Time) (time.Time, bool, error) {
	on := cur.Breaking
	if f.Breaking != nil {
		on = *f.Breaking
	}
	if !on {
		return time.Time{}, true, nil
	}
	if f.BreakingUntil != nil && strings.TrimSpace(*f.BreakingUntil) != "" {
		t, err := ParseTime(*f.BreakingUntil)
		if err != nil {
			return t, false, err
		}
		if cur.Breaking && t.Truncate(time.Minute).Equal(cur.BreakingUntil.Truncate(time.Minute)) {
			return cur.BreakingUntil, false, nil // the form echoed the stored end
		}
		if !t.After(now) {
			return t, false, domain.Invalid("batas waktu Breaking News harus di masa depan")
		}
		if t.After(now.Add(MaxBreakingFor)) {
			return t, false, domain.Invalid("batas waktu Breaking News paling lama 7 hari dari sekarang")
		}
		return t, true, nil
	}
	if !cur.Breaking || f.BreakingUntil != nil {
		// Newly flagged, or the end cleared: the default end.
		return now.Add(DefaultBreakingFor), true, nil
	}
	return cur.BreakingUntil, false, nil // left as it is
}
