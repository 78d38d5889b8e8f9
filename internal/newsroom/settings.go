package newsroom

import (
	"html/template"
	"net/http"

	"warta/internal/adminapi"
	"warta/internal/auth"
	"warta/internal/store"
)

// settingsPage is /redaksi/pengaturan: the site-wide settings, for admins.
type settingsPage struct {
	frame
	Slot       string        // the textarea: the stored HTML, or what was just typed on a preview
	Preview    template.HTML // the same, sanitised: exactly what readers will get
	Previewing bool          // the preview of unsaved input
}

func (u *UI) settings(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	if err := auth.Require(&p.User, auth.PermSiteSettings); err != nil {
		return err
	}
	v, err := u.store.Setting(r.Context(), store.SettingArticleSlot)
	if err != nil {
		return err
	}
	clean, err := adminapi.CleanArticleSlot(v)
	if err != nil {
		return err
	}
	pg := settingsPage{frame: u.frame(r, p, "Pengaturan situs", "pengaturan"), Slot: v,
		// Sanitised again: a value stored by hand in the database is no exception.
		Preview: template.HTML(clean)}
	u.render(w, "settings", http.StatusOK, pg)
	return nil
}

// saveSettings stores the article slot sanitised ("Simpan"), or shows what
// would be stored without storing it ("Pratinjau").
func (u *UI) saveSettings(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	if err := auth.Require(&p.User, auth.PermSiteSettings); err != nil {
		return err
	}
	raw := r.PostFormValue("article_slot_html")
	clean, err := adminapi.CleanArticleSlot(raw)
	if err != nil {
		return err
	}
	if r.PostFormValue("action") == "preview" {
		pg := settingsPage{frame: u.frame(r, p, "Pengaturan situs", "pengaturan"), Slot: raw,
			Preview: template.HTML(clean), Previewing: true}
		u.render(w, "settings", http.StatusOK, pg)
		return nil
	}
	if err := u.store.SetSetting(r.Context(), store.SettingArticleSlot, clean); err != nil {
		return err
	}
	return redirect(w, r, "/redaksi/pengaturan", "tersimpan")
}
