package newsroom

import (
	"html/template"
	"net/http"

	"warta/internal/auth"
)

// settingsPage is /redaksi/pengaturan: the site-wide settings, for admins.
type settingsPage struct {
	frame
	Slot       string        // the textarea: the stored HTML, or what was just typed on a preview
	Preview    template.HTML // the same, sanitised: exactly what readers will get
	Previewing bool          // the preview of unsaved input
	lookForm                 // the site's look and ad slots (issue 14, siteset.go)
}

func (u *UI) settings(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	set, err := u.ed.SiteSettings(r.Context(), &p.User)
	if err != nil {
		return err
	}
	clean, err := u.ed.CleanArticleSlot(set.ArticleSlotHTML)
	if err != nil {
		return err
	}
	lf, err := u.lookForm(r, p)
	if err != nil {
		return err
	}
	pg := settingsPage{frame: u.frame(r, p, "Pengaturan situs", "pengaturan"), Slot: set.ArticleSlotHTML,
		// Sanitised again: a value stored by hand in the database is no exception.
		Preview: template.HTML(clean), lookForm: lf}
	u.render(w, "settings", http.StatusOK, pg)
	return nil
}

// saveSettings stores the article slot sanitised ("Simpan"), or shows what
// would be stored without storing it ("Pratinjau").
func (u *UI) saveSettings(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	if handled, err := u.saveLook(w, r, p); handled {
		return err
	}
	raw := r.PostFormValue("article_slot_html")
	if r.PostFormValue("action") == "preview" {
		if _, err := u.ed.SiteSettings(r.Context(), &p.User); err != nil {
			return err // the preview is for those who may save
		}
		clean, err := u.ed.CleanArticleSlot(raw)
		if err != nil {
			return err
		}
		lf, err := u.lookForm(r, p)
		if err != nil {
			return err
		}
		pg := settingsPage{frame: u.frame(r, p, "Pengaturan situs", "pengaturan"), Slot: raw,
			Preview: template.HTML(clean), Previewing: true, lookForm: lf}
		u.render(w, "settings", http.StatusOK, pg)
		return nil
	}
	if _, err := u.ed.SetArticleSlot(r.Context(), &p.User, raw); err != nil {
		return err
	}
	return redirect(w, r, "/redaksi/pengaturan", "tersimpan")
}
