package api

import (
	"net/http"

	"warta/internal/domain"
	"warta/internal/store"
	"warta/internal/web"
)

// feedsJSON names a category's or tag's own feeds.
type feedsJSON struct {
	RSS  string `json:"rss"`
	Atom string `json:"atom"`
}

type categoryDetailJSON struct {
	ID           int64     `json:"id"`
	Slug         string    `json:"slug"`
	Name         string    `json:"name"`
	Description  string    `json:"description"`
	URL          string    `json:"url"`
	ArticleCount int       `json:"article_count"`
	Feeds        feedsJSON `json:"feeds"`
}

type tagDetailJSON struct {
	ID           int64     `json:"id"`
	Slug         string    `json:"slug"`
	Name         string    `json:"name"`
	URL          string    `json:"url"`
	ArticleCount int       `json:"article_count"`
	Feeds        feedsJSON `json:"feeds"`
}

type authorDetailJSON struct {
	ID           int64  `json:"id"`
	Slug         string `json:"slug"`
	Name         string `json:"name"`
	Bio          string `json:"bio"`
	URL          string `json:"url"`
	ArticleCount int    `json:"article_count"`
}

func (a *API) categoryDetail(c store.CategoryStat) categoryDetailJSON {
	page := a.cfg.BaseURL + "/kanal/" + c.Slug
	return categoryDetailJSON{ID: c.ID, Slug: c.Slug, Name: c.Name, Description: c.Description, URL: page,
		ArticleCount: c.Articles, Feeds: feedsJSON{RSS: page + "/rss.xml", Atom: page + "/atom.xml"}}
}

func (a *API) tagDetail(t domain.Tag, n int) tagDetailJSON {
	page := a.cfg.BaseURL + "/tag/" + t.Slug
	return tagDetailJSON{ID: t.ID, Slug: t.Slug, Name: t.Name, URL: page, ArticleCount: n,
		Feeds: feedsJSON{RSS: page + "/rss.xml", Atom: page + "/atom.xml"}}
}

func (a *API) authorDetail(au domain.Author, n int) authorDetailJSON {
	return authorDetailJSON{ID: au.ID, Slug: au.Slug, Name: au.Name, Bio: au.Bio, URL: a.cfg.BaseURL + "/penulis/" + au.Slug, ArticleCount: n}
}

// listCategories answers every category, in navigation order, on one page.
func (a *API) listCategories(w http.ResponseWriter, r *http.Request) error {
	if err := onlyParams(r); err != nil {
		return err
	}
	cats, err := a.store.CategoryStats(r.Context())
	if err != nil {
		return err
	}
	out := make([]categoryDetailJSON, 0, len(cats))
	for _, c := range cats {
		out = append(out, a.categoryDetail(c))
	}
	web.JSON(w, http.StatusOK, web.Envelope{Data: out, Pagination: web.NewPagination(1, max(1, len(out)), len(out))})
	return nil
}

func (a *API) getCategory(w http.ResponseWriter, r *http.Request) error {
	if err := onlyParams(r); err != nil {
		return err
	}
	cats, err := a.store.CategoryStats(r.Context())
	if err != nil {
		return err
	}
	for _, c := range cats {
		if c.Slug == r.PathValue("slug") {
			web.JSON(w, http.StatusOK, web.Envelope{Data: a.categoryDetail(c)})
			return nil
		}
	}
	return domain.NotFound("kategori tidak ditemukan")
}

// listTags answers one page of the tags that have published articles, by
// name.
func (a *API) listTags(w http.ResponseWriter, r *http.Request) error {
	if err := onlyParams(r, "page", "limit"); err != nil {
		return err
	}
	page, limit, err := pageParams(r, 50, 500)
	if err != nil {
		return err
	}
	tags, total, err := a.store.TagStats(r.Context(), domain.Page{Number: page, Size: limit})
	if err != nil {
		return err
	}
	out := make([]tagDetailJSON, 0, len(tags))
	for _, t := range tags {
		out = append(out, a.tagDetail(t.Tag, t.Articles))
	}
	web.JSON(w, http.StatusOK, web.Envelope{Data: out, Pagination: web.NewPagination(page, limit, total)})
	return nil
}

func (a *API) getTag(w http.ResponseWriter, r *http.Request) error {
	if err := onlyParams(r); err != nil {
		return err
	}
	t, err := a.store.TagBySlug(r.Context(), r.PathValue("slug"))
	if err != nil {
		return err
	}
	_, n, err := a.store.QueryArticles(r.Context(), store.ArticleQuery{Filter: domain.ArticleFilter{TagSlug: t.Slug},
		Page: domain.Page{Number: 1, Size: 1}})
	if err != nil {
		return err
	}
	web.JSON(w, http.StatusOK, web.Envelope{Data: a.tagDetail(t, n)})
	return nil
}

// listAuthors answers one page of all authors, by name.
func (a *API) listAuthors(w http.ResponseWriter, r *http.Request) error {
	if err := onlyParams(r, "page", "limit"); err != nil {
		return err
	}
	page, limit, err := pageParams(r, 50, 500)
	if err != nil {
		return err
	}
	authors, total, err := a.store.AuthorStats(r.Context(), domain.Page{Number: page, Size: limit})
	if err != nil {
		return err
	}
	out := make([]authorDetailJSON, 0, len(authors))
	for _, au := range authors {
		out = append(out, a.authorDetail(au.Author, au.Articles))
	}
	web.JSON(w, http.StatusOK, web.Envelope{Data: out, Pagination: web.NewPagination(page, limit, total)})
	return nil
}

func (a *API) getAuthor(w http.ResponseWriter, r *http.Request) error {
	if err := onlyParams(r); err != nil {
		return err
	}
	au, err := a.store.AuthorBySlug(r.Context(), r.PathValue("slug"))
	if err != nil {
		return err
	}
	_, n, err := a.store.QueryArticles(r.Context(), store.ArticleQuery{Filter: domain.ArticleFilter{AuthorSlug: au.Slug},
		Page: domain.Page{Number: 1, Size: 1}})
	if err != nil {
		return err
	}
	web.JSON(w, http.StatusOK, web.Envelope{Data: a.authorDetail(au, n)})
	return nil
}
