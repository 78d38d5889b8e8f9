package editorial

// The newsroom's article list filters (issue 14): status, channel and
// byline author, which combine; the choices come from here so the role
// rule stays in one place.

import (
	"context"

	"warta/internal/auth"
	"warta/internal/domain"
)

// maxFilterAuthors bounds the author choices the list offers.
const maxFilterAuthors = 1000

// ListFilters are the choices of the article list's filters.
type ListFilters struct {
	Statuses   []domain.Status
	Categories []domain.Category
	Authors    []domain.Author
}

// ArticleListFilters returns the statuses, channels and byline authors
// u may filter the article list by (whoever may list articles).
func (s *Service) ArticleListFilters(ctx context.Context, u *domain.User) (ListFilters, error) {
	var f ListFilters
	if err := auth.Require(u, auth.PermArticleCreate); err != nil {
		return f, err
	}
	f.Statuses = []domain.Status{domain.StatusDraft, domain.StatusReview, domain.StatusScheduled, domain.StatusPublished, domain.StatusUnpublished}
	var err error
	if f.Categories, err = s.store.Categories(ctx); err != nil {
		return f, err
	}
	f.Authors, err = s.store.Authors(ctx, maxFilterAuthors)
	return f, err
}

// PreviewArticle returns an article for its full-page preview, only to an
// account that may open it (editors any, writers their own). Live reports
// whether readers already see it (its own page then is the preview).
func (s *Service) PreviewArticle(ctx context.Context, u *domain.User, id int64) (a domain.Article, live bool, err error) {
	if a, err = s.Article(ctx, u, id); err != nil {
		return a, false, err
	}
	return a, a.Status == domain.StatusPublished && !a.PublishedAt.After(s.store.Now()), nil
}
