package editorial

import (
	"context"
	"regexp"
	"strings"
	"unicode/utf8"

	"warta/internal/auth"
	"warta/internal/domain"
)

// MaxStaticPageBody bounds an institutional page's Markdown.
const MaxStaticPageBody = 200 << 10

var staticSlugRe = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// StaticPages lists the site's institutional pages, for admins.
func (s *Service) StaticPages(ctx context.Context, u *domain.User) ([]domain.StaticPage, error) {
	if err := auth.Require(u, auth.PermSiteSettings); err != nil {
		return nil, err
	}
	return s.store.StaticPages(ctx)
}

// StaticPage returns one institutional page with its body, for admins.
func (s *Service) StaticPage(ctx context.Context, u *domain.User, slug string) (domain.StaticPage, error) {
	if err := auth.Require(u, auth.PermSiteSettings); err != nil {
		return domain.StaticPage{}, err
	}
	return s.store.StaticPage(ctx, slug)
}

// SaveStaticPage checks an institutional page, renders its Markdown and
// sanitises it as article bodies are, and stores it (new or replaced).
func (s *Service) SaveStaticPage(ctx context.Context, u *domain.User, p domain.StaticPage) (domain.StaticPage, error) {
	if err := auth.Require(u, auth.PermSiteSettings); err != nil {
		return p, err
	}
	p.Slug, p.Title = strings.TrimSpace(p.Slug), strings.TrimSpace(p.Title)
	switch {
	case !staticSlugRe.MatchString(p.Slug) || len(p.Slug) > 60:
		return p, domain.Invalid("alamat halaman hanya boleh huruf kecil, angka dan tanda hubung (paling banyak 60), misalnya tentang-kami")
	case p.Title == "":
		return p, domain.Invalid("judul halaman wajib diisi")
	case utf8.RuneCountInString(p.Title) > 120:
		return p, domain.Invalid("judul halaman terlalu panjang (paling banyak 120 karakter)")
	case len(p.BodySource) > MaxStaticPageBody:
		return p, domain.Invalid("isi halaman terlalu panjang (paling banyak %d KB)", MaxStaticPageBody>>10)
	case !utf8.ValidString(p.BodySource + p.Title):
		return p, domain.Invalid("teks halaman bukan UTF-8 yang sah")
	}
	html, err := s.render.Markdown(p.BodySource)
	if err != nil {
		return p, err
	}
	p.BodyHTML = html
	if err := s.store.SaveStaticPage(ctx, p); err != nil {
		return p, err
	}
	s.changed(ctx, Change{Site: ChangePages}) // every page's footer links it
	return p, nil
}
