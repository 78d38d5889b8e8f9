package site

import (
	"html/template"
	"net/http"

	"warta/internal/domain"
)

type articlePage struct {
	frame
	Article    domain.Article
	Body       template.HTML
	Updated    bool
	MyReaction string
	Related    []domain.Article
	Latest     []domain.Article
	Poll       *pollView
}

func (s *Site) article(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	a, err := s.store.ArticleBySlug(ctx, r.PathValue("slug"))
	if err != nil {
		return err
	}
	f, err := s.frame(ctx, meta{Title: a.Title + " — " + s.cfg.Name, Description: a.Excerpt,
		Canonical: "/berita/" + a.Slug}, a.Category.Slug)
	if err != nil {
		return err
	}
	p := articlePage{frame: f, Article: a,
		// BodyHTML was sanitised when it was saved (render package).
		Body:    template.HTML(a.BodyHTML),
		Updated: a.UpdatedAt.Sub(a.PublishedAt) > 60e9,
	}
	if p.Related, err = s.store.RelatedArticles(ctx, a, 5); err != nil {
		return err
	}
	if p.Latest, _, err = s.store.ListArticles(ctx, domain.ArticleFilter{ExcludeID: a.ID}, domain.Page{Number: 1, Size: 6}); err != nil {
		return err
	}
	if p.Poll, err = s.openPoll(r, a.ID); err != nil {
		return err
	}
	return s.render(w, "article", http.StatusOK, p)
}
