package editorial

import (
	"context"
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"

	"warta/internal/ads"
	"warta/internal/auth"
	"warta/internal/domain"
	"warta/internal/store"
)

// Limits on the site's look (issue 14).
const (
	MaxSiteName    = 80
	MaxTagline     = 200
	MaxFooterText  = 1000
	MaxLinkLabel   = 60
	MaxLinkURL     = 500
	MaxMenuItems   = 20
	MaxFooterLinks = 12
)

// SetAdNetwork tells the service which ad network the operator enabled
// (--ad-network); the zero value (the default) allows no network units.
func (s *Service) SetAdNetwork(n ads.Network) { s.ads = n }

// AdNetwork is the ad network the operator enabled (zero: none).
func (s *Service) AdNetwork() ads.Network { return s.ads }

// SiteLook returns the site's look as admins set it.
func (s *Service) SiteLook(ctx context.Context, u *domain.User) (domain.SiteLook, error) {
	if err := auth.Require(u, auth.PermSiteSettings); err != nil {
		return domain.SiteLook{}, err
	}
	return s.store.SiteLook(ctx)
}

// SiteName is the site's name as an admin saved it in the settings; ""
// when none was saved (the server's --site-name stands). Anyone may read
// it: every page shows it.
func (s *Service) SiteName(ctx context.Context) (string, error) {
	return s.store.Setting(ctx, store.SettingSiteName)
}

// MenuEntry is one entry of a menu as sent: a channel by slug, or an extra
// link.
type MenuEntry struct {
	Category string `json:"category,omitempty"`
	Label    string `json:"label,omitempty"`
	URL      string `json:"url,omitempty"`
}

// LookChange is a change to the site's look; nil fields stay. AllChannels
// true drops the menu back to the default (every channel in order), which
// Menu otherwise replaces (an empty Menu: only "Beranda").
type LookChange struct {
	Name        *string        `json:"site_name"`
	Tagline     *string        `json:"tagline"`
	Menu        *[]MenuEntry   `json:"menu"`
	AllChannels *bool          `json:"menu_all_channels"`
	FooterText  *string        `json:"footer_text"`
	FooterLinks *[]domain.Link `json:"footer_links"`
}

// SetSiteLook checks and stores a change to the site's look, announced as
// one site-wide change (every cached page goes), and returns the look.
func (s *Service) SetSiteLook(ctx context.Context, u *domain.User, c LookChange) (domain.SiteLook, error) {
	if err := auth.Require(u, auth.PermSiteSettings); err != nil {
		return domain.SiteLook{}, err
	}
	l, err := s.store.SiteLook(ctx)
	if err != nil {
		return l, err
	}
	if c.Name != nil {
		if l.Name, err = plainField("nama situs", *c.Name, MaxSiteName, false); err != nil {
			return l, err
		}
	}
	if c.Tagline != nil {
		if l.Tagline, err = plainField("slogan", *c.Tagline, MaxTagline, false); err != nil {
			return l, err
		}
	}
	if c.FooterText != nil {
		if l.FooterText, err = plainField("teks kaki halaman", *c.FooterText, MaxFooterText, true); err != nil {
			return l, err
		}
	}
	if c.FooterLinks != nil {
		if len(*c.FooterLinks) > MaxFooterLinks {
			return l, domain.Invalid("tautan kaki halaman paling banyak %d", MaxFooterLinks)
		}
		l.FooterLinks = nil
		for i, k := range *c.FooterLinks {
			link, err := checkLink(k.Label, k.URL, "tautan kaki halaman ke-"+strconv.Itoa(i+1))
			if err != nil {
				return l, err
			}
			l.FooterLinks = append(l.FooterLinks, link)
		}
	}
	if c.AllChannels != nil && *c.AllChannels {
		l.Menu = nil
	} else if c.Menu != nil {
		if l.Menu, err = s.checkMenu(ctx, *c.Menu); err != nil {
			return l, err
		}
	}
	if err := s.store.SetSettings(ctx, store.LookValues(l)); err != nil {
		return l, err
	}
	s.changed(ctx, Change{Site: ChangeLook}) // every page shows the name, menu and footer
	return l, nil
}

// checkMenu resolves the channels of a menu and checks its links.
func (s *Service) checkMenu(ctx context.Context, entries []MenuEntry) ([]domain.MenuItem, error) {
	if len(entries) > MaxMenuItems {
		return nil, domain.Invalid("menu paling banyak %d entri", MaxMenuItems)
	}
	cats, err := s.store.Categories(ctx)
	if err != nil {
		return nil, err
	}
	bySlug := map[string]int64{}
	for _, c := range cats {
		bySlug[c.Slug] = c.ID
	}
	menu := []domain.MenuItem{}
	seen := map[int64]bool{}
	for i, e := range entries {
		what := "entri menu ke-" + strconv.Itoa(i+1)
		if e.Category != "" {
			id, ok := bySlug[strings.TrimSpace(e.Category)]
			if !ok {
				return nil, domain.Invalid("%s: kanal %q tidak ada", what, e.Category)
			}
			if !seen[id] {
				menu = append(menu, domain.MenuItem{CategoryID: id})
				seen[id] = true
			}
			continue
		}
		link, err := checkLink(e.Label, e.URL, what)
		if err != nil {
			return nil, err
		}
		menu = append(menu, domain.MenuItem{Label: link.Label, URL: link.URL})
	}
	return menu, nil
}

// plainField trims a plain-text field and checks its length; control
// characters are refused (newlines too, unless multiline).
func plainField(what, v string, max int, multiline bool) (string, error) {
	v = strings.TrimSpace(strings.ReplaceAll(v, "\r\n", "\n"))
	if utf8.RuneCountInString(v) > max {
		return "", domain.Invalid("%s terlalu panjang (paling banyak %d karakter)", what, max)
	}
	for _, r := range v {
		if r < 0x20 && !(multiline && r == '\n') || r == 0x7f {
			return "", domain.Invalid("%s berisi karakter yang tidak diizinkan", what)
		}
	}
	return v, nil
}

// checkLink checks a labelled link: a label, and a URL that is a path on
// this site ("/halaman/kontak") or an http(s) address with a host; what
// names the link in messages.
func checkLink(label, raw, what string) (domain.Link, error) {
	label, err := plainField(what+": label", label, MaxLinkLabel, false)
	if err != nil {
		return domain.Link{}, err
	}
	if label == "" {
		return domain.Link{}, domain.Invalid("%s: label wajib diisi", what)
	}
	u, err := CheckURL(raw)
	if err != nil {
		return domain.Link{}, domain.Invalid("%s: %s", what, domain.ErrorMessage(err))
	}
	return domain.Link{Label: label, URL: u}, nil
}

// CheckURL accepts a link target for the menu or the footer: a path on
// this site starting with one "/", or an absolute http or https URL with a
// host. Anything else (javascript:, data:, a bare word, "//host") is
// refused with an Indonesian message.
func CheckURL(raw string) (string, error) {
	v := strings.TrimSpace(raw)
	switch {
	case v == "":
		return "", domain.Invalid("alamat tautan wajib diisi")
	case len(v) > MaxLinkURL:
		return "", domain.Invalid("alamat tautan terlalu panjang (paling banyak %d karakter)", MaxLinkURL)
	case strings.ContainsAny(v, " \t\n\r\"<>\\"):
		return "", domain.Invalid("alamat tautan %q berisi spasi atau karakter yang tidak diizinkan", truncate(v, 80))
	}
	u, err := url.Parse(v)
	if err != nil {
		return "", domain.Invalid("alamat tautan %q tidak valid", truncate(v, 80))
	}
	if strings.HasPrefix(v, "/") && !strings.HasPrefix(v, "//") && u.Scheme == "" && u.Host == "" {
		return v, nil
	}
	if (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" && u.User == nil {
		return v, nil
	}
	return "", domain.Invalid("alamat tautan %q tidak valid: pakai alamat di situs ini (diawali /) atau alamat lengkap http:// atau https://", truncate(v, 80))
}

// truncate shortens a value quoted in a message.
func truncate(v string, n int) string {
	if utf8.RuneCountInString(v) <= n {
		return v
	}
	return string([]rune(v)[:n]) + "…"
}

// SetLogo stores an uploaded logo through the checked upload path (the
// bytes must decode as an image; it is re-encoded, metadata dropped) and
// makes it the site's logo.
func (s *Service) SetLogo(ctx context.Context, u *domain.User, data []byte) (domain.Logo, error) {
	if err := auth.Require(u, auth.PermSiteSettings); err != nil {
		return domain.Logo{}, err
	}
	if s.media == nil {
		return domain.Logo{}, domain.Invalid("unggahan tidak diaktifkan di server ini")
	}
	img, err := s.media.Save(data)
	if err != nil {
		return domain.Logo{}, err
	}
	logo := domain.Logo{URL: img.URL, Width: img.Width, Height: img.Height}
	return logo, s.setLogo(ctx, logo)
}

// RemoveLogo goes back to the built-in logo.
func (s *Service) RemoveLogo(ctx context.Context, u *domain.User) error {
	if err := auth.Require(u, auth.PermSiteSettings); err != nil {
		return err
	}
	return s.setLogo(ctx, domain.Logo{})
}

func (s *Service) setLogo(ctx context.Context, logo domain.Logo) error {
	l, err := s.store.SiteLook(ctx)
	if err != nil {
		return err
	}
	l.Logo = logo
	if err := s.store.SetSettings(ctx, store.LookValues(l)); err != nil {
		return err
	}
	s.changed(ctx, Change{Site: ChangeLook}) // every page's header shows it
	return nil
}

// AdSlots returns the ad slots as admins filled them.
func (s *Service) AdSlots(ctx context.Context, u *domain.User) (map[string]domain.AdSlot, error) {
	if err := auth.Require(u, auth.PermSiteSettings); err != nil {
		return nil, err
	}
	return s.store.AdSlots(ctx)
}

// The paragraph the article slot follows and the list items between list
// slots, when the admin gives none, and their bounds.
const (
	DefaultArticleAdAfter = 3
	DefaultListAdEvery    = 4
	MaxAdEvery            = 50
)

// SetAdSlots checks and stores the slots sent (the others stay), announced
// as one site-wide change, and returns every slot. A house slot's HTML is
// sanitised like the article slot's; a network slot holds only a unit id
// of the network the operator enabled, and Warta writes its markup.
func (s *Service) SetAdSlots(ctx context.Context, u *domain.User, in map[string]domain.AdSlot) (map[string]domain.AdSlot, error) {
	if err := auth.Require(u, auth.PermSiteSettings); err != nil {
		return nil, err
	}
	slots, err := s.store.AdSlots(ctx)
	if err != nil {
		return nil, err
	}
	for name, v := range in {
		clean, err := s.checkAdSlot(name, v)
		if err != nil {
			return nil, err
		}
		slots[name] = clean
	}
	if err := s.store.SetSettings(ctx, map[string]string{store.SettingAdSlots: store.AdSlotsValue(slots)}); err != nil {
		return nil, err
	}
	s.changed(ctx, Change{Site: ChangeLook}) // every reader page may show a slot
	return s.store.AdSlots(ctx)
}

// AdSlotLabel names a slot in Indonesian.
func AdSlotLabel(name string) string {
	switch name {
	case domain.AdHeader:
		return "Slot atas (di bawah kepala situs)"
	case domain.AdArticle:
		return "Slot di dalam artikel"
	case domain.AdSidebar:
		return "Slot kolom samping"
	case domain.AdList:
		return "Slot di antara daftar berita"
	}
	return name
}

func (s *Service) checkAdSlot(name string, v domain.AdSlot) (domain.AdSlot, error) {
	known := false
	for _, n := range domain.AdSlots {
		known = known || n == name
	}
	if !known {
		return v, domain.Invalid("slot iklan %q tidak dikenal: pilih header, article, sidebar atau list", truncate(name, 30))
	}
	what := AdSlotLabel(name)
	out := domain.AdSlot{Kind: v.Kind}
	switch v.Kind {
	case "":
		return out, nil
	case domain.AdHouse:
		html, err := s.cleanSlotHTML(v.HTML, "HTML "+strings.ToLower(what))
		if err != nil {
			return v, err
		}
		if html == "" {
			return domain.AdSlot{}, nil // nothing left: the slot is off
		}
		out.HTML = html
	case domain.AdNetwork:
		unit := strings.TrimSpace(v.Unit)
		if err := s.ads.CheckUnit(unit); err != nil {
			return v, domain.Invalid("%s: %s", what, err.Error())
		}
		out.Unit = unit
	default:
		return v, domain.Invalid(`%s: jenis isi harus "" (mati), "house" (HTML sendiri) atau "network" (unit jaringan iklan)`, what)
	}
	switch name {
	case domain.AdArticle, domain.AdList:
		out.Every = v.Every
		if out.Every == 0 {
			out.Every = DefaultArticleAdAfter
			if name == domain.AdList {
				out.Every = DefaultListAdEvery
			}
		}
		if out.Every < 1 || out.Every > MaxAdEvery {
			return v, domain.Invalid("%s: posisinya harus angka 1 sampai %d", what, MaxAdEvery)
		}
	}
	return out, nil
}

// HomePoll returns the editors' choice of the home page's poll: a poll id,
// store.HomePollAuto ("") or store.HomePollNone.
func (s *Service) HomePoll(ctx context.Context, u *domain.User) (string, error) {
	if err := canList(u, auth.PermPolls); err != nil {
		return "", err
	}
	return s.store.Setting(ctx, store.SettingHomePoll)
}

// SetHomePoll chooses the home page's poll (editors): "auto" or "" (the
// newest open site poll), "none", or the id of a site poll (an
// article-only poll must become a site poll first). Every page that shows
// the site poll changes: one site-wide change.
func (s *Service) SetHomePoll(ctx context.Context, u *domain.User, choice string) (string, error) {
	if err := auth.Require(u, auth.PermPolls); err != nil {
		return "", err
	}
	switch choice = strings.TrimSpace(choice); choice {
	case "auto", store.HomePollAuto:
		choice = store.HomePollAuto
	case store.HomePollNone:
	default:
		id, err := strconv.ParseInt(choice, 10, 64)
		if err != nil || id < 1 {
			return "", domain.Invalid(`pilihan polling beranda harus "auto", "none" atau nomor polling, bukan %q`, truncate(choice, 30))
		}
		p, err := s.store.Poll(ctx, id)
		if err != nil {
			return "", err
		}
		if p.Scope != domain.PollSite {
			return "", domain.Invalid("polling %q khusus artikel: ubah cakupannya menjadi polling situs dulu bila ingin memasangnya di beranda", truncate(p.Question, 60))
		}
	}
	if err := s.store.SetSettings(ctx, map[string]string{store.SettingHomePoll: choice}); err != nil {
		return "", err
	}
	s.changed(ctx, Change{Site: ChangeLook}) // the home page, and articles without their own poll
	return choice, nil
}
