package site

import (
	"html/template"
	"regexp"
	"strings"
	"time"

	"warta/internal/domain"
	"warta/internal/web"
)

// Raster images for crawlers: Google's publisher logo and Open Graph /
// Twitter cards need PNG or JPEG, not SVG. Both are drawn from logo.svg by
// genimages.go.
const (
	logoPNG    = "logo.png"       // 512×512
	ogImagePNG = "og-default.png" // 1200×630, the card of pages without a photo
)

// seoFuncs are the template functions for canonical, Open Graph, Twitter
// and JSON-LD tags.
func seoFuncs(cfg Config, assets *web.Assets) template.FuncMap {
	abs := func(p string) string {
		if strings.HasPrefix(p, "/") && !strings.HasPrefix(p, "//") {
			return cfg.BaseURL + p
		}
		return p
	}
	return template.FuncMap{
		"abs":       abs,
		"ogImage":   func() string { return abs(assets.URL(ogImagePNG)) },
		"scopeFeed": scopeFeed,
		// The publisher's name and logo are the ones in force (issue 14).
		"newsArticleLD": func(a domain.Article, l siteLook) newsArticleLD {
			c := cfg
			logo := abs(assets.URL(logoPNG))
			if l.Name != "" {
				c.Name, logo = l.Name, l.LogoLD
			}
			return buildNewsArticleLD(c, abs, logo, abs(assets.URL(ogImagePNG)), a)
		},
	}
}

var scopePath = regexp.MustCompile(`^/(kanal|tag)/[a-z0-9-]+$`)

// scopeFeed returns the path of a category or tag page whose own feeds
// exist ("/kanal/nasional"), from the page's canonical URL, or "".
func scopeFeed(canonical string) string {
	i := strings.Index(canonical, "://")
	if i < 0 {
		return ""
	}
	p := canonical[i+3:]
	if j := strings.IndexByte(p, '/'); j >= 0 {
		p = p[j:]
	} else {
		return ""
	}
	p, _, _ = strings.Cut(p, "?")
	if scopePath.MatchString(p) {
		return p
	}
	return ""
}

// newsArticleLD is schema.org NewsArticle as Google's article rich results
// read it. html/template encodes it as JSON inside the script element and
// escapes '<', so a title holding "</script>" cannot end the element.
type newsArticleLD struct {
	Context          string    `json:"@context"`
	Type             string    `json:"@type"`
	MainEntityOfPage ldWebPage `json:"mainEntityOfPage"`
	Headline         string    `json:"headline"`
	Description      string    `json:"description,omitempty"`
	Image            []string  `json:"image"`
	DatePublished    string    `json:"datePublished"`
	DateModified     string    `json:"dateModified"`
	Author           []ldAgent `json:"author"`
	Publisher        ldAgent   `json:"publisher"`
	ArticleSection   string    `json:"articleSection,omitempty"`
	Keywords         []string  `json:"keywords,omitempty"`
	InLanguage       string    `json:"inLanguage"`
}

type ldWebPage struct {
	Type string `json:"@type"`
	ID   string `json:"@id"`
}

// ldAgent is a Person (an author) or an Organization (the publisher).
type ldAgent struct {
	Type string   `json:"@type"`
	Name string   `json:"name"`
	URL  string   `json:"url,omitempty"`
	Logo *ldImage `json:"logo,omitempty"`
}

type ldImage struct {
	Type string `json:"@type"`
	URL  string `json:"url"`
}

func buildNewsArticleLD(cfg Config, abs func(string) string, logo, fallback string, a domain.Article) newsArticleLD {
	url := domain.ArticleURL(cfg.BaseURL, a.Slug)
	publisher := ldAgent{Type: "Organization", Name: cfg.Name, URL: cfg.BaseURL + "/", Logo: &ldImage{Type: "ImageObject", URL: logo}}
	ld := newsArticleLD{Context: "https://schema.org", Type: "NewsArticle",
		MainEntityOfPage: ldWebPage{Type: "WebPage", ID: url},
		Headline:         a.Title, Description: a.Excerpt,
		DatePublished: web.RFC3339(a.PublishedAt, cfg.Location),
		DateModified:  web.RFC3339(modified(a), cfg.Location),
		Publisher:     publisher, ArticleSection: a.Category.Name, InLanguage: "id"}
	if a.Photo.URL != "" {
		ld.Image = []string{abs(a.Photo.URL)}
	} else {
		ld.Image = []string{fallback}
	}
	for _, au := range a.Authors {
		ld.Author = append(ld.Author, ldAgent{Type: "Person", Name: au.Name, URL: cfg.BaseURL + "/penulis/" + au.Slug})
	}
	if len(ld.Author) == 0 {
		ld.Author = []ldAgent{{Type: "Organization", Name: cfg.Name, URL: cfg.BaseURL + "/"}}
	}
	for _, t := range a.Tags {
		ld.Keywords = append(ld.Keywords, t.Name)
	}
	return ld
}

// modified is when an article last changed for readers: its update time,
// never before it was published.
func modified(a domain.Article) time.Time {
	if a.UpdatedAt.After(a.PublishedAt) {
		return a.UpdatedAt
	}
	return a.PublishedAt
}
