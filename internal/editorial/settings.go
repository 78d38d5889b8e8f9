package editorial

import (
	"context"
	"html"
	"regexp"
	"strings"

	"warta/internal/auth"
	"warta/internal/domain"
	"warta/internal/store"
)

// MaxArticleSlot bounds the article slot's HTML as sent, in bytes.
const MaxArticleSlot = 16 << 10

// CleanArticleSlot sanitises the HTML an admin wrote for the article slot,
// as it is stored: what the article bodies' sanitiser leaves (paragraphs,
// emphasis, links, images, lists and tables stay; scripts, styles, event
// handlers, javascript: URLs, forms and iframes go; the site's CSP would
// block a third-party frame anyway), trimmed ("" turns the slot off).
func (s *Service) CleanArticleSlot(raw string) (string, error) {
	return s.cleanSlotHTML(raw, "HTML slot artikel")
}

// cleanSlotHTML is CleanArticleSlot for any slot; what names the field in
// messages.
func (s *Service) cleanSlotHTML(raw, what string) (string, error) {
	if len(raw) > MaxArticleSlot {
		return "", domain.Invalid("%s terlalu panjang (paling banyak %d KB)", what, MaxArticleSlot>>10)
	}
	clean := strings.TrimSpace(s.render.Sanitize(raw))
	// The page's CSP loads images only from this site (and its media base
	// URL): an off-site <img> would never show, so say so now instead of
	// storing an ad that silently stays blank.
	for _, m := range slotImgRe.FindAllStringSubmatch(clean, -1) {
		src := html.UnescapeString(m[1])
		if !s.ownImage(src) {
			return "", domain.Invalid("gambar %q berasal dari situs lain dan akan diblokir oleh kebijakan keamanan halaman (CSP): "+
				"unggah gambarnya lewat redaksi dan pakai alamat /media/… yang diberikan", src)
		}
	}
	return clean, nil
}

var slotImgRe = regexp.MustCompile(`<img\b[^>]*?\ssrc="([^"]*)"`)

// ownImage tells whether the page's CSP lets an image load: a path on this
// site, a data: URL, or a file under the media store's public base URL.
func (s *Service) ownImage(src string) bool {
	switch {
	case strings.HasPrefix(src, "//"):
		return false
	case strings.HasPrefix(src, "/"), strings.HasPrefix(src, "data:"):
		return true
	case s.media != nil && strings.HasPrefix(s.media.URLPrefix, "http") && strings.HasPrefix(src, s.media.URLPrefix):
		return true
	}
	return !strings.Contains(src, ":") // a relative path
}

// SiteSettings are the site-wide settings admins set.
type SiteSettings struct {
	ArticleSlotHTML string // stored sanitised
}

// SiteSettings returns the site-wide settings.
func (s *Service) SiteSettings(ctx context.Context, u *domain.User) (SiteSettings, error) {
	if err := auth.Require(u, auth.PermSiteSettings); err != nil {
		return SiteSettings{}, err
	}
	v, err := s.store.Setting(ctx, store.SettingArticleSlot)
	return SiteSettings{ArticleSlotHTML: v}, err
}

// SetArticleSlot stores the article slot sanitised and returns the stored
// value.
func (s *Service) SetArticleSlot(ctx context.Context, u *domain.User, raw string) (string, error) {
	if err := auth.Require(u, auth.PermSiteSettings); err != nil {
		return "", err
	}
	clean, err := s.CleanArticleSlot(raw)
	if err != nil {
		return "", err
	}
	if err := s.store.SetSetting(ctx, store.SettingArticleSlot, clean); err != nil {
		return "", err
	}
	s.changed(ctx, Change{Site: ChangeSettings}) // every article page shows the slot
	return clean, nil
}
