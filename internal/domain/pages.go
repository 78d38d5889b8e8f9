package domain

import "time"

// StaticPage is one of the site's own institutional pages (Tentang Kami,
// Redaksi, Pedoman Media Siber, ...), shown at /halaman/{slug} and linked
// from every page's footer in Position order.
type StaticPage struct {
	Slug       string
	Title      string
	BodySource string // Markdown, as the admin wrote it
	BodyHTML   string // rendered and sanitised
	Position   int
	UpdatedAt  time.Time
}

// HotTagSlug is the #HOT tag some articles carry (as on the portals Warta
// follows): it marks attention, not a topic, so it has no tag page of its
// own (/tag/hot redirects to /terpopuler) and no place in the sitemaps.
const HotTagSlug = "hot"
