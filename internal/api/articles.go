package api

import (
	"net/http"

	"warta/internal/domain"
	"warta/internal/web"
)

type categoryJSON struct {
	ID   int64  `json:"id"`
	Slug string `json:"slug"`
	Name string `json:"name"`
	URL  string `json:"url"`
}

type tagJSON struct {
	ID   int64  `json:"id"`
	Slug string `json:"slug"`
	Name string `json:"name"`
	URL  string `json:"url"`
}

type authorJSON struct {
	ID   int64  `json:"id"`
	Slug string `json:"slug"`
	Name string `json:"name"`
	URL  string `json:"url"`
}

type photoJSON struct {
	URL     string `json:"url"`
	Caption string `json:"caption"`
	Credit  string `json:"credit"`
	Width   int    `json:"width"`
	Height  int    `json:"height"`
}

type relatedJSON struct {
	ID    int64  `json:"id"`
	Title string `json:"title"`
	URL   string `json:"url"`
}

type articleJSON struct {
	ID           int64         `json:"id"`
	Slug         string        `json:"slug"`
	Title        string        `json:"title"`
	Excerpt      string        `json:"excerpt"`
	URL          string        `json:"url"`
	PublishedAt  string        `json:"published_at"`
	UpdatedAt    string        `json:"updated_at"`
	Category     categoryJSON  `json:"category"`
	Tags         []tagJSON     `json:"tags"`
	Authors      []authorJSON  `json:"authors"`
	Photo        *photoJSON    `json:"photo"`
	Breaking     bool          `json:"breaking"`
	Featured     bool          `json:"featured"`
	Hot          bool          `json:"hot"`
	Views        int64         `json:"views"`
	Likes        int64         `json:"likes"`
	Dislikes     int64         `json:"dislikes"`
	CommentCount int64         `json:"comment_count"`
	BodyHTML     string        `json:"body_html,omitempty"`
	Related      []relatedJSON `json:"related,omitempty"`
}

func (a *API) articleJSON(x domain.Article) articleJSON {
	base := a.cfg.BaseURL
	j := articleJSON{ID: x.ID, Slug: x.Slug, Title: x.Title, Excerpt: x.Excerpt, URL: base + "/berita/" + x.Slug,
		PublishedAt: web.RFC3339(x.PublishedAt, a.cfg.Location), UpdatedAt: web.RFC3339(x.UpdatedAt, a.cfg.Location),
		Category: categoryJSON{ID: x.Category.ID, Slug: x.Category.Slug, Name: x.Category.Name, URL: base + "/kanal/" + x.Category.Slug},
		Tags:     []tagJSON{}, Authors: []authorJSON{},
		Breaking: x.Breaking, Featured: x.Featured, Hot: x.Hot || x.HasTag("hot"),
		Views: x.Views, Likes: x.Likes, Dislikes: x.Dislikes, CommentCount: x.CommentCount, BodyHTML: x.BodyHTML}
	for _, t := range x.Tags {
		j.Tags = append(j.Tags, tagJSON{ID: t.ID, Slug: t.Slug, Name: t.Name, URL: base + "/tag/" + t.Slug})
	}
	for _, au := range x.Authors {
		j.Authors = append(j.Authors, authorJSON{ID: au.ID, Slug: au.Slug, Name: au.Name, URL: base + "/penulis/" + au.Slug})
	}
	if x.Photo.URL != "" {
		p := photoJSON{URL: x.Photo.URL, Caption: x.Photo.Caption, Credit: x.Photo.Credit, Width: x.Photo.Width, Height: x.Photo.Height}
		if len(p.URL) > 0 && p.URL[0] == '/' {
			p.URL = base + p.URL
		}
		j.Photo = &p
	}
	return j
}

func (a *API) listArticles(w http.ResponseWriter, r *http.Request) error {
	limit, err := intParam(r, "limit", 20, 100)
	if err != nil {
		return err
	}
	page, err := intParam(r, "page", 1, 100000)
	if err != nil {
		return err
	}
	var f domain.ArticleFilter
	if f.CategorySlug, err = slugParam(r, "category"); err != nil {
		return err
	}
	if f.TagSlug, err = slugParam(r, "tag"); err != nil {
		return err
	}
	if f.AuthorSlug, err = slugParam(r, "author"); err != nil {
		return err
	}
	list, total, err := a.store.ListArticles(r.Context(), f, domain.Page{Number: page, Size: limit})
	if err != nil {
		return err
	}
	out := make([]articleJSON, 0, len(list))
	for _, x := range list {
		out = append(out, a.articleJSON(x))
	}
	web.JSON(w, http.StatusOK, web.Envelope{Data: out, Pagination: web.NewPagination(page, limit, total)})
	return nil
}

func (a *API) getArticle(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "artikel")
	if err != nil {
		return err
	}
	x, err := a.store.ArticleByID(r.Context(), id)
	if err != nil {
		return err
	}
	related, err := a.store.RelatedArticles(r.Context(), x, 5)
	if err != nil {
		return err
	}
	j := a.articleJSON(x)
	j.Related = []relatedJSON{}
	for _, rel := range related {
		j.Related = append(j.Related, relatedJSON{ID: rel.ID, Title: rel.Title, URL: a.cfg.BaseURL + "/berita/" + rel.Slug})
	}
	web.JSON(w, http.StatusOK, web.Envelope{Data: j})
	return nil
}

func (a *API) notFound(w http.ResponseWriter, r *http.Request) error {
	return domain.NotFound("endpoint %s %s tidak ada", r.Method, r.URL.Path)
}
