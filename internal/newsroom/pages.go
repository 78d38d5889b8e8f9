package newsroom

import (
	"errors"
	"html/template"
	"net/http"
	"strconv"
	"strings"

	"warta/internal/auth"
	"warta/internal/domain"
)

// staticPagesPage is /redaksi/halaman: the site's institutional pages
// (Tentang Kami, Redaksi, Pedoman Media Siber, ...), for admins; with
// /redaksi/halaman/{slug} to edit one and /redaksi/halaman/baru to add one.
type staticPagesPage struct {
	frame
	Pages   []domain.StaticPage
	Page    domain.StaticPage // the one being edited
	New     bool
	Preview template.HTML // the body as readers will get it
}

func (u *UI) staticPages(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	list, err := u.ed.StaticPages(r.Context(), &p.User)
	if err != nil {
		return err
	}
	u.render(w, "pages", http.StatusOK, staticPagesPage{frame: u.frame(r, p, "Halaman situs", "pengaturan"), Pages: list})
	return nil
}

func (u *UI) staticPage(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	pg := staticPagesPage{frame: u.frame(r, p, "Halaman baru", "pengaturan"), New: true, Page: domain.StaticPage{Position: 100}}
	if slug := r.PathValue("slug"); slug != "" {
		sp, err := u.ed.StaticPage(r.Context(), &p.User, slug)
		if err != nil {
			return err
		}
		pg.frame.Title, pg.New, pg.Page, pg.Preview = "Sunting halaman: "+sp.Title, false, sp, template.HTML(sp.BodyHTML)
	} else if _, err := u.ed.StaticPages(r.Context(), &p.User); err != nil {
		return err // the form is for those who may save
	}
	u.render(w, "page_edit", http.StatusOK, pg)
	return nil
}

// saveStaticPage stores the form; a bad value shows the form again, with
// what was typed and the message.
func (u *UI) saveStaticPage(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	slug := r.PathValue("slug")
	isNew := slug == ""
	if isNew {
		slug = strings.TrimSpace(r.PostFormValue("slug"))
	} else if _, err := u.ed.StaticPage(r.Context(), &p.User, slug); err != nil {
		return err
	}
	pos, err := strconv.Atoi(strings.TrimSpace(r.PostFormValue("position")))
	if err != nil || pos < 0 || pos > 1000 {
		pos = -1
	}
	in := domain.StaticPage{Slug: slug, Title: r.PostFormValue("title"), BodySource: r.PostFormValue("body"), Position: pos}
	if pos < 0 {
		err = domain.Invalid("urutan harus bilangan 0 sampai 1000")
	} else {
		_, err = u.ed.SaveStaticPage(r.Context(), &p.User, in)
	}
	var de *domain.Error
	if errors.As(err, &de) && de.Code == domain.EInvalid {
		pg := staticPagesPage{frame: u.frame(r, p, "Sunting halaman", "pengaturan"), New: isNew, Page: in}
		pg.Error = de.Message
		u.render(w, "page_edit", http.StatusUnprocessableEntity, pg)
		return nil
	}
	if err != nil {
		return err
	}
	return redirect(w, r, "/redaksi/halaman/"+slug, "tersimpan")
}
