package site

import (
	"context"
	"html/template"
	"regexp"
	"strconv"
	"strings"
	"time"

	"warta/internal/domain"
)

// siteLook is the site's look in force (issue 14): what admins set in the
// newsroom, with the server's flags and the built-in logo where they set
// nothing, and the ad slots ready to place.
type siteLook struct {
	Name, Tagline string
	Logo          logoView
	LogoLD        string // absolute URL of the raster logo for structured data and feeds
	Menu          []menuLink
	FooterText    string
	FooterLinks   []domain.Link
	Ads           adsView
}

type logoView struct {
	Src           string
	Width, Height int // drawn 32 px high
	Custom        bool
}

// menuLink is one entry of the header's menu; Key is the channel's slug
// (for aria-current), "" for an extra link.
type menuLink struct {
	Href, Label, Key string
}

// adsView holds the ad slots as markup: each a box labelled "Iklan" with
// its space reserved by the stylesheet, so the page does not jump when the
// ad arrives.
type adsView struct {
	Header, Sidebar template.HTML
	article         template.HTML
	articleAfter    int
	list            template.HTML // the list slot's content; ListAfter boxes it
	listEvery       int
	Script          string // the network's loader, when a slot shows one of its units
}

// adBox is a slot's box: the visible label "Iklan" for readers, and a
// landmark name of its own for each box of a page (name), so a screen
// reader's list of landmarks tells them apart (several of one name are what
// axe's landmark-unique rule finds).
func adBox(slot, name string, inner template.HTML) template.HTML {
	return template.HTML(`<aside class="ad ad-`+slot+`" aria-label="`+template.HTMLEscapeString(name)+`"><p class="ad-label">Iklan</p><div class="ad-box">`) +
		inner + `</div></aside>`
}

// ListAfter is the list slot to place after item i (from 0) of a news
// list: every listEvery items, "" elsewhere. The boxes are numbered down
// the list.
func (a adsView) ListAfter(i int) template.HTML {
	if a.list == "" || a.listEvery < 1 || (i+1)%a.listEvery != 0 {
		return ""
	}
	return adBox(domain.AdList, "Iklan di antara berita "+strconv.Itoa((i+1)/a.listEvery), a.list)
}

// maxLookTTL bounds how long the look is kept when no change event comes
// (a value written into the database by hand).
const maxLookTTL = 3 * time.Second

// look returns the site's look in force; every settings write drops it
// (store.OnSiteChange).
func (s *Site) look(ctx context.Context) (siteLook, error) {
	return fetch(ctx, s.frags, &s.frags.look, &s.frags.gen, struct{}{}, min(s.frags.ttl, maxLookTTL), func() (siteLook, error) {
		return s.loadLook(ctx)
	})
}

// siteName is the site's name in force (for page titles).
func (s *Site) siteName(ctx context.Context) string {
	if l, err := s.look(ctx); err == nil {
		return l.Name
	}
	return s.cfg.Name
}

func (s *Site) loadLook(ctx context.Context) (siteLook, error) {
	l, err := s.store.SiteLook(ctx)
	if err != nil {
		return siteLook{}, err
	}
	v := siteLook{Name: s.cfg.Name, Tagline: s.cfg.Tagline, FooterText: l.FooterText, FooterLinks: l.FooterLinks,
		Logo:   logoView{Src: s.assets.URL("logo.svg"), Width: 32, Height: 32},
		LogoLD: s.abs(s.assets.URL(logoPNG))}
	if l.Name != "" {
		v.Name = l.Name
	}
	if l.Tagline != "" {
		v.Tagline = l.Tagline
	}
	if l.Logo.URL != "" && l.Logo.Width > 0 && l.Logo.Height > 0 {
		v.Logo = logoView{Src: l.Logo.URL, Height: 32, Width: max(1, 32*l.Logo.Width/l.Logo.Height), Custom: true}
		v.LogoLD = s.abs(l.Logo.URL)
	}
	cats, err := s.navCategories(ctx)
	if err != nil {
		return siteLook{}, err
	}
	if l.Menu == nil {
		for _, c := range cats {
			v.Menu = append(v.Menu, menuLink{Href: "/kanal/" + c.Slug, Label: c.Name, Key: c.Slug})
		}
	} else {
		byID := map[int64]domain.Category{}
		for _, c := range cats {
			byID[c.ID] = c
		}
		for _, m := range l.Menu {
			switch c, ok := byID[m.CategoryID]; {
			case m.CategoryID != 0 && ok:
				v.Menu = append(v.Menu, menuLink{Href: "/kanal/" + c.Slug, Label: c.Name, Key: c.Slug})
			case m.CategoryID == 0 && m.URL != "":
				v.Menu = append(v.Menu, menuLink{Href: m.URL, Label: m.Label})
			} // a channel deleted since is left out
		}
	}
	if v.Ads, err = s.loadAds(ctx); err != nil {
		return siteLook{}, err
	}
	return v, nil
}

// abs makes a site path absolute.
func (s *Site) abs(p string) string {
	if strings.HasPrefix(p, "/") && !strings.HasPrefix(p, "//") {
		return s.cfg.BaseURL + p
	}
	return p
}

// loadAds renders the filled slots. House HTML is sanitised once more (a
// value written into the database by hand must not reach readers as it
// is); a network unit shows only while the operator's network is on.
func (s *Site) loadAds(ctx context.Context) (adsView, error) {
	slots, err := s.store.AdSlots(ctx)
	if err != nil {
		return adsView{}, err
	}
	var a adsView
	content := func(name string) template.HTML {
		v := slots[name]
		var inner template.HTML
		switch v.Kind {
		case domain.AdHouse:
			// The sanitiser's output is safe to place in the page as it is.
			inner = template.HTML(strings.TrimSpace(slotPolicy.Sanitize(v.HTML)))
		case domain.AdNetwork:
			if inner = s.cfg.Ads.Unit(v.Unit); inner != "" {
				a.Script = s.cfg.Ads.ScriptURL()
			}
		}
		return inner
	}
	box := func(name, label string) template.HTML {
		if inner := content(name); inner != "" {
			return adBox(name, label, inner)
		}
		return ""
	}
	a.Header, a.Sidebar = box(domain.AdHeader, "Iklan atas"), box(domain.AdSidebar, "Iklan samping")
	a.article, a.articleAfter = box(domain.AdArticle, "Iklan dalam artikel"), slots[domain.AdArticle].Every
	a.list, a.listEvery = content(domain.AdList), slots[domain.AdList].Every
	return a, nil
}

// blockTag finds the opening and closing tags of the elements a paragraph
// may sit inside (a quote, a list, a table, a figure, a box).
var blockTag = regexp.MustCompile(`(?i)<(/?)(p|blockquote|ul|ol|table|figure|div|aside|details)\b[^>]*>`)

// withArticleAd places the article slot after paragraph n of the body, a
// paragraph at the top level (never inside a quote, list or table), and
// only when more body follows it: a short article shows no slot inside.
func (a adsView) withArticleAd(body template.HTML) template.HTML {
	if a.article == "" || a.articleAfter < 1 {
		return body
	}
	b := string(body)
	depth, paras := 0, 0
	for _, m := range blockTag.FindAllStringSubmatchIndex(b, -1) {
		closing, name := b[m[2]:m[3]] == "/", strings.ToLower(b[m[4]:m[5]])
		switch {
		case name == "p" && closing && depth == 0:
			paras++
			if paras == a.articleAfter {
				if strings.TrimSpace(b[m[1]:]) == "" {
					return body
				}
				return template.HTML(b[:m[1]]) + a.article + template.HTML(b[m[1]:])
			}
		case name == "p":
		case closing:
			depth = max(0, depth-1)
		default:
			depth++
		}
	}
	return body
}

// Brand is the site's name, tagline and raster logo URL in force, for the
// feeds ("" where the look cannot be read: the feeds keep their defaults).
func (s *Site) Brand(ctx context.Context) (name, tagline, logoURL string) {
	l, err := s.look(ctx)
	if err != nil {
		return "", "", ""
	}
	return l.Name, l.Tagline, l.LogoLD
}
