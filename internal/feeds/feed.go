package feeds

import (
	"encoding/xml"
	"net/http"
	"time"

	"warta/internal/domain"
	"warta/internal/store"
)

// Namespaces used in the feeds.
const (
	nsAtom = "http://www.w3.org/2005/Atom"
	nsDC   = "http://purl.org/dc/elements/1.1/"
	nsNews = "http://www.google.com/schemas/sitemap-news/0.9"
	nsSM   = "http://www.sitemaps.org/schemas/sitemap/0.9"
)

// Feed content types.
const (
	rssType  = "application/rss+xml; charset=utf-8"
	atomType = "application/atom+xml; charset=utf-8"
)

// RSS 2.0 (https://www.rssboard.org/rss-specification) with atom:link
// rel="self" and dc:creator for bylines (RSS's own <author> must be an
// e-mail address, which a newsroom does not publish).
type rssDoc struct {
	XMLName xml.Name   `xml:"rss"`
	Version string     `xml:"version,attr"`
	XAtom   string     `xml:"xmlns:atom,attr"`
	XDC     string     `xml:"xmlns:dc,attr"`
	Channel rssChannel `xml:"channel"`
}

type rssChannel struct {
	Title         string    `xml:"title"`
	Link          string    `xml:"link"`
	Description   string    `xml:"description"`
	Language      string    `xml:"language"`
	LastBuildDate string    `xml:"lastBuildDate,omitempty"`
	Generator     string    `xml:"generator"`
	TTL           int       `xml:"ttl"`
	Self          atomLink  `xml:"atom:link"`
	Image         *rssImage `xml:"image"`
	Items         []rssItem `xml:"item"`
}

type atomLink struct {
	Href   string `xml:"href,attr"`
	Rel    string `xml:"rel,attr"`
	Type   string `xml:"type,attr,omitempty"`
	Length int64  `xml:"length,attr,omitempty"`
	Title  string `xml:"title,attr,omitempty"`
}

type rssImage struct {
	URL   string `xml:"url"`
	Title string `xml:"title"`
	Link  string `xml:"link"`
}

type rssItem struct {
	Title       string        `xml:"title"`
	Link        string        `xml:"link"`
	Description string        `xml:"description"`
	Creators    []string      `xml:"dc:creator"`
	Categories  []rssCategory `xml:"category"`
	GUID        rssGUID       `xml:"guid"`
	PubDate     string        `xml:"pubDate"`
	Enclosure   *rssEnclosure `xml:"enclosure"`
}

type rssCategory struct {
	Domain string `xml:"domain,attr,omitempty"`
	Name   string `xml:",chardata"`
}

type rssGUID struct {
	IsPermaLink string `xml:"isPermaLink,attr"`
	Value       string `xml:",chardata"`
}

type rssEnclosure struct {
	URL    string `xml:"url,attr"`
	Length int64  `xml:"length,attr"`
	Type   string `xml:"type,attr"`
}

// Atom 1.0 (RFC 4287).
type atomFeed struct {
	XMLName  xml.Name    `xml:"feed"`
	XMLNS    string      `xml:"xmlns,attr"`
	Lang     string      `xml:"xml:lang,attr"`
	ID       string      `xml:"id"`
	Title    string      `xml:"title"`
	Subtitle string      `xml:"subtitle,omitempty"`
	Updated  string      `xml:"updated"`
	Links    []atomLink  `xml:"link"`
	Author   atomPerson  `xml:"author"`
	Logo     string      `xml:"logo,omitempty"`
	Gen      string      `xml:"generator"`
	Entries  []atomEntry `xml:"entry"`
}

type atomPerson struct {
	Name string `xml:"name"`
	URI  string `xml:"uri,omitempty"`
}

type atomEntry struct {
	ID         string         `xml:"id"`
	Title      string         `xml:"title"`
	Updated    string         `xml:"updated"`
	Published  string         `xml:"published"`
	Links      []atomLink     `xml:"link"`
	Authors    []atomPerson   `xml:"author"`
	Categories []atomCategory `xml:"category"`
	Summary    atomText       `xml:"summary"`
}

type atomCategory struct {
	Term   string `xml:"term,attr"`
	Scheme string `xml:"scheme,attr,omitempty"`
	Label  string `xml:"label,attr,omitempty"`
}

type atomText struct {
	Type  string `xml:"type,attr"`
	Value string `xml:",chardata"`
}

// feedScope is what one feed covers: the whole site, a category or a tag.
type feedScope struct {
	Title  string
	Desc   string
	Page   string // the HTML page of the scope, a site path
	Base   string // the feed's own path without rss.xml / atom.xml
	Filter domain.ArticleFilter
	Name   string // the site's name in force (issue 14)
	Logo   string // its raster logo's URL, may be empty
}

func (f *Feeds) scope(r *http.Request) (feedScope, error) {
	ctx := r.Context()
	b := f.brand(ctx)
	switch {
	case r.PathValue("cat") != "":
		c, err := f.store.CategoryBySlug(ctx, r.PathValue("cat"))
		if err != nil {
			return feedScope{}, err
		}
		desc := c.Description
		if desc == "" {
			desc = "Berita terbaru kanal " + c.Name + " dari " + b.SiteName + "."
		}
		return feedScope{Title: c.Name + " — " + b.SiteName, Desc: desc, Page: "/kanal/" + c.Slug, Name: b.SiteName, Logo: b.LogoURL,
			Base: "/kanal/" + c.Slug + "/", Filter: domain.ArticleFilter{CategorySlug: c.Slug}}, nil
	case r.PathValue("tag") != "":
		t, err := f.store.TagBySlug(ctx, r.PathValue("tag"))
		if err != nil {
			return feedScope{}, err
		}
		return feedScope{Title: "#" + t.Name + " — " + b.SiteName, Desc: "Berita terbaru bertopik #" + t.Name + " dari " + b.SiteName + ".",
			Page: "/tag/" + t.Slug, Name: b.SiteName, Logo: b.LogoURL, Base: "/tag/" + t.Slug + "/", Filter: domain.ArticleFilter{TagSlug: t.Slug}}, nil
	}
	desc := b.Tagline
	if desc == "" {
		desc = "Berita terbaru dari " + b.SiteName + "."
	}
	return feedScope{Title: b.SiteName, Desc: desc, Page: "/", Base: "/", Name: b.SiteName, Logo: b.LogoURL}, nil
}

func (f *Feeds) items(r *http.Request, sc feedScope) ([]domain.Article, time.Time, error) {
	list, _, err := f.store.QueryArticles(r.Context(), store.ArticleQuery{Filter: sc.Filter, Sort: store.SortNewest, NoTotal: true,
		Page: domain.Page{Number: 1, Size: f.cfg.FeedItems}})
	if err != nil {
		return nil, time.Time{}, err
	}
	var updated time.Time
	for _, a := range list {
		if a.UpdatedAt.After(updated) {
			updated = a.UpdatedAt
		}
		if a.PublishedAt.After(updated) {
			updated = a.PublishedAt
		}
	}
	return list, updated, nil
}

func (f *Feeds) rss(w http.ResponseWriter, r *http.Request) error {
	sc, err := f.scope(r)
	if err != nil {
		return err
	}
	list, updated, err := f.items(r, sc)
	if err != nil {
		return err
	}
	ch := rssChannel{Title: sc.Title, Link: f.abs(sc.Page), Description: sc.Desc, Language: f.cfg.Language,
		Generator: "Warta", TTL: 5, Self: atomLink{Href: f.abs(sc.Base + "rss.xml"), Rel: "self", Type: "application/rss+xml"},
		Items: []rssItem{}}
	if !updated.IsZero() {
		ch.LastBuildDate = f.rfc822(updated)
	}
	if sc.Logo != "" {
		ch.Image = &rssImage{URL: f.abs(sc.Logo), Title: sc.Title, Link: f.abs(sc.Page)}
	}
	for _, a := range list {
		it := rssItem{Title: a.Title, Link: f.articleURL(a.Slug), Description: a.Excerpt,
			GUID: rssGUID{IsPermaLink: "false", Value: f.entryID(a)}, PubDate: f.rfc822(a.PublishedAt)}
		for _, au := range a.Authors {
			it.Creators = append(it.Creators, au.Name)
		}
		it.Categories = append(it.Categories, rssCategory{Domain: f.abs("/kanal/"), Name: a.Category.Name})
		for _, t := range a.Tags {
			it.Categories = append(it.Categories, rssCategory{Domain: f.abs("/tag/"), Name: t.Name})
		}
		if a.Photo.URL != "" {
			u, ctype, size := f.photoInfo(a.Photo)
			it.Enclosure = &rssEnclosure{URL: u, Length: size, Type: ctype}
		}
		ch.Items = append(ch.Items, it)
	}
	return f.writeXML(w, rssType, rssDoc{Version: "2.0", XAtom: nsAtom, XDC: nsDC, Channel: ch})
}

func (f *Feeds) atom(w http.ResponseWriter, r *http.Request) error {
	sc, err := f.scope(r)
	if err != nil {
		return err
	}
	list, updated, err := f.items(r, sc)
	if err != nil {
		return err
	}
	if updated.IsZero() {
		// An empty feed still needs <updated>; the epoch of the site is as
		// good as any and does not change between requests.
		updated = time.Unix(0, 0)
	}
	feed := atomFeed{XMLNS: nsAtom, Lang: f.cfg.Language, ID: f.abs(sc.Base + "atom.xml"), Title: sc.Title, Subtitle: sc.Desc,
		Updated: f.w3c(updated), Author: atomPerson{Name: sc.Name, URI: f.abs("/")}, Gen: "Warta",
		Links: []atomLink{
			{Href: f.abs(sc.Base + "atom.xml"), Rel: "self", Type: "application/atom+xml"},
			{Href: f.abs(sc.Page), Rel: "alternate", Type: "text/html"},
		}}
	if sc.Logo != "" {
		feed.Logo = f.abs(sc.Logo)
	}
	for _, a := range list {
		e := atomEntry{ID: f.entryID(a), Title: a.Title, Updated: f.w3c(maxTime(a.UpdatedAt, a.PublishedAt)), Published: f.w3c(a.PublishedAt),
			Links:   []atomLink{{Href: f.articleURL(a.Slug), Rel: "alternate", Type: "text/html"}},
			Summary: atomText{Type: "text", Value: a.Excerpt}}
		for _, au := range a.Authors {
			e.Authors = append(e.Authors, atomPerson{Name: au.Name, URI: f.abs("/penulis/" + au.Slug)})
		}
		e.Categories = append(e.Categories, atomCategory{Term: a.Category.Slug, Scheme: f.abs("/kanal/"), Label: a.Category.Name})
		for _, t := range a.Tags {
			e.Categories = append(e.Categories, atomCategory{Term: t.Slug, Scheme: f.abs("/tag/"), Label: t.Name})
		}
		if a.Photo.URL != "" {
			u, ctype, size := f.photoInfo(a.Photo)
			e.Links = append(e.Links, atomLink{Href: u, Rel: "enclosure", Type: ctype, Length: size, Title: a.Photo.Caption})
		}
		feed.Entries = append(feed.Entries, e)
	}
	return f.writeXML(w, atomType, feed)
}

func maxTime(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}
