package adminapi

import (
	"net/http"

	"warta/internal/auth"
	"warta/internal/domain"
	"warta/internal/editorial"
	"warta/internal/media"
)

// settingsJSON is GET /settings: the article slot, and the site's look and
// ad slots (issue 14).
type settingsJSON struct {
	ArticleSlotHTML string                   `json:"article_slot_html"`
	SiteName        string                   `json:"site_name"`
	Tagline         string                   `json:"tagline"`
	Logo            *domain.Logo             `json:"logo"` // null: the built-in logo
	MenuAllChannels bool                     `json:"menu_all_channels"`
	Menu            []editorial.MenuEntry    `json:"menu"`
	FooterText      string                   `json:"footer_text"`
	FooterLinks     []domain.Link            `json:"footer_links"`
	AdNetwork       string                   `json:"ad_network"` // set by the operator (--ad-network), "" for none
	AdSlots         map[string]domain.AdSlot `json:"ad_slots"`
}

// getSettings answers GET /settings: the site-wide settings (admins only).
func (a *API) getSettings(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	ctx := r.Context()
	s, err := a.ed.SiteSettings(ctx, &p.User)
	if err != nil {
		return err
	}
	l, err := a.ed.SiteLook(ctx, &p.User)
	if err != nil {
		return err
	}
	slots, err := a.ed.AdSlots(ctx, &p.User)
	if err != nil {
		return err
	}
	cats, err := a.ed.Categories(ctx, &p.User)
	if err != nil {
		return err
	}
	slug := map[int64]string{}
	for _, c := range cats {
		slug[c.ID] = c.Slug
	}
	out := settingsJSON{ArticleSlotHTML: s.ArticleSlotHTML, SiteName: l.Name, Tagline: l.Tagline, MenuAllChannels: l.Menu == nil,
		Menu: []editorial.MenuEntry{}, FooterText: l.FooterText, FooterLinks: l.FooterLinks, AdNetwork: a.ed.AdNetwork().Name, AdSlots: slots}
	if l.Logo.URL != "" {
		out.Logo = &l.Logo
	}
	for _, m := range l.Menu {
		if m.CategoryID == 0 {
			out.Menu = append(out.Menu, editorial.MenuEntry{Label: m.Label, URL: m.URL})
		} else if s, ok := slug[m.CategoryID]; ok {
			out.Menu = append(out.Menu, editorial.MenuEntry{Category: s})
		}
	}
	if out.FooterLinks == nil {
		out.FooterLinks = []domain.Link{}
	}
	return ok(w, out)
}

// updateSettings answers PATCH /settings: members left out keep their value;
// the article slot and house ad slots are stored sanitised and the stored
// values are returned.
func (a *API) updateSettings(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	var in struct {
		ArticleSlotHTML *string `json:"article_slot_html"`
		editorial.LookChange
		AdSlots map[string]domain.AdSlot `json:"ad_slots"`
	}
	if err := decode(w, r, &in); err != nil {
		return err
	}
	ctx := r.Context()
	if in.ArticleSlotHTML != nil {
		if _, err := a.ed.SetArticleSlot(ctx, &p.User, *in.ArticleSlotHTML); err != nil {
			return err
		}
	}
	c := in.LookChange
	if c.Name != nil || c.Tagline != nil || c.Menu != nil || c.AllChannels != nil || c.FooterText != nil || c.FooterLinks != nil {
		if _, err := a.ed.SetSiteLook(ctx, &p.User, c); err != nil {
			return err
		}
	}
	if in.AdSlots != nil {
		if _, err := a.ed.SetAdSlots(ctx, &p.User, in.AdSlots); err != nil {
			return err
		}
	}
	return a.getSettings(w, r, p)
}

// setLogo answers PUT /settings/logo: an image as the raw body or the
// multipart field "file", through the checked upload path.
func (a *API) setLogo(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	data, err := media.ReadUpload(w, r, a.ed.MaxUpload())
	if err != nil {
		return err
	}
	logo, err := a.ed.SetLogo(r.Context(), &p.User, data)
	if err != nil {
		return err
	}
	return ok(w, logo)
}

// removeLogo answers DELETE /settings/logo: back to the built-in logo.
func (a *API) removeLogo(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	if err := a.ed.RemoveLogo(r.Context(), &p.User); err != nil {
		return err
	}
	return noContent(w)
}

type homePollJSON struct {
	HomePoll string `json:"home_poll"` // "auto", "none" or a poll id
}

// getHomePoll answers GET /settings/home-poll (editors and admins).
func (a *API) getHomePoll(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	v, err := a.ed.HomePoll(r.Context(), &p.User)
	if err != nil {
		return err
	}
	if v == "" {
		v = "auto"
	}
	return ok(w, homePollJSON{HomePoll: v})
}

// setHomePoll answers PUT /settings/home-poll.
func (a *API) setHomePoll(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	var in homePollJSON
	if err := decode(w, r, &in); err != nil {
		return err
	}
	if _, err := a.ed.SetHomePoll(r.Context(), &p.User, in.HomePoll); err != nil {
		return err
	}
	return a.getHomePoll(w, r, p)
}
