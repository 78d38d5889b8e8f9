package adminapi

import (
	"net/http"

	"warta/internal/auth"
)

type settingsJSON struct {
	ArticleSlotHTML string `json:"article_slot_html"`
}

// getSettings answers GET /settings: the site-wide settings (admins only).
func (a *API) getSettings(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	s, err := a.ed.SiteSettings(r.Context(), &p.User)
	if err != nil {
		return err
	}
	return ok(w, settingsJSON{ArticleSlotHTML: s.ArticleSlotHTML})
}

// updateSettings answers PATCH /settings: members left out keep their value;
// the article slot is stored sanitised and the stored value is returned.
func (a *API) updateSettings(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	var in struct {
		ArticleSlotHTML *string `json:"article_slot_html"`
	}
	if err := decode(w, r, &in); err != nil {
		return err
	}
	if in.ArticleSlotHTML != nil {
		if _, err := a.ed.SetArticleSlot(r.Context(), &p.User, *in.ArticleSlotHTML); err != nil {
			return err
		}
	}
	return a.getSettings(w, r, p)
}
