package adminapi

import (
	"net/http"
	"strings"

	"warta/internal/auth"
	"warta/internal/domain"
	"warta/internal/render"
	"warta/internal/store"
)

// MaxArticleSlot bounds the article slot's HTML as sent, in bytes.
const MaxArticleSlot = 16 << 10

// slotRenderer holds the sanitising policy the article bodies use
// (bluemonday's UGC policy): paragraphs, emphasis, links, images, lists and
// tables stay; scripts, styles, event handlers, javascript: URLs, forms and
// iframes go. Iframes are deliberately not allowed: the site's CSP
// (default-src 'self') would block a third-party frame anyway.
var slotRenderer = render.New()

// CleanArticleSlot sanitises the HTML an admin wrote for the article slot,
// as it is stored: what the sanitiser leaves, trimmed ("" turns the slot
// off). The newsroom's settings page uses it too.
func CleanArticleSlot(raw string) (string, error) {
	if len(raw) > MaxArticleSlot {
		return "", domain.Invalid("HTML slot artikel terlalu panjang (paling banyak %d KB)", MaxArticleSlot>>10)
	}
	return strings.TrimSpace(slotRenderer.Sanitize(raw)), nil
}

type settingsJSON struct {
	ArticleSlotHTML string `json:"article_slot_html"`
}

func (a *API) settings(r *http.Request) (settingsJSON, error) {
	v, err := a.store.Setting(r.Context(), store.SettingArticleSlot)
	return settingsJSON{ArticleSlotHTML: v}, err
}

// getSettings answers GET /settings: the site-wide settings (admins only).
func (a *API) getSettings(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	if err := auth.Require(&p.User, auth.PermSiteSettings); err != nil {
		return err
	}
	s, err := a.settings(r)
	if err != nil {
		return err
	}
	return ok(w, s)
}

// updateSettings answers PATCH /settings: members left out keep their value;
// the article slot is stored sanitised and the stored value is returned.
func (a *API) updateSettings(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	if err := auth.Require(&p.User, auth.PermSiteSettings); err != nil {
		return err
	}
	var in struct {
		ArticleSlotHTML *string `json:"article_slot_html"`
	}
	if err := decode(w, r, &in); err != nil {
		return err
	}
	if in.ArticleSlotHTML != nil {
		clean, err := CleanArticleSlot(*in.ArticleSlotHTML)
		if err != nil {
			return err
		}
		if err := a.store.SetSetting(r.Context(), store.SettingArticleSlot, clean); err != nil {
			return err
		}
	}
	s, err := a.settings(r)
	if err != nil {
		return err
	}
	return ok(w, s)
}
