package site

import (
	"html/template"
	"net/http"

	"warta/internal/domain"
)

type staticPageView struct {
	frame
	Page domain.StaticPage
	Body template.HTML
}

// staticPage is /halaman/{slug}: one of the site's institutional pages
// (Tentang Kami, Redaksi, Pedoman Media Siber, ...). Not kept in the page
// cache, so an admin's edit shows at once.
func (s *Site) staticPage(w http.ResponseWriter, r *http.Request) error {
	p, err := s.store.StaticPage(r.Context(), r.PathValue("slug"))
	if err != nil {
		return err
	}
	f, err := s.frame(r.Context(), meta{Title: p.Title + " — " + s.siteName(r.Context()),
		Description: p.Title + " " + s.siteName(r.Context()) + ".", Canonical: "/halaman/" + p.Slug}, "halaman/"+p.Slug)
	if err != nil {
		return err
	}
	// Sanitised when it was saved (editorial.SaveStaticPage).
	return s.render(w, "page", http.StatusOK, staticPageView{frame: f, Page: p, Body: template.HTML(p.BodyHTML)})
}
