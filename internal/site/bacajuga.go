package site

import (
	"html/template"

	"warta/internal/domain"
	"warta/internal/render"
)

// readAlsoLinks is how many "Baca juga" links a long body gets at most.
const readAlsoLinks = 2

// bodyWithReadAlso is an article's body as readers see it: with "Baca
// juga" links to its first related articles inside a long body (issue 14;
// render.InsertReadAlso says where), unless the editors turned them off
// for this article.
func bodyWithReadAlso(a domain.Article, related []domain.Article) template.HTML {
	// BodyHTML was sanitised when it was saved (render package); the links
	// are written by the render package from titles it escapes.
	if a.BacaJugaOff || len(related) == 0 {
		return template.HTML(a.BodyHTML)
	}
	links := make([]render.ReadAlso, 0, readAlsoLinks)
	for _, r := range related[:min(len(related), readAlsoLinks)] {
		links = append(links, render.ReadAlso{Title: r.Title, URL: domain.ArticlePath(r.Slug)})
	}
	return template.HTML(render.InsertReadAlso(a.BodyHTML, links))
}
