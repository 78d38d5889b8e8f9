package domain

// ArticlePath is the one place that knows where a reader finds an article:
// every page, feed, sitemap, API answer, webhook payload and redirect builds
// an article's address from it (templates call it as {{articlePath .Slug}}).
// The routes that serve it are in internal/site/routes.go.
func ArticlePath(slug string) string { return "/berita/" + slug }

// ArticleURL is ArticlePath made absolute under the site's base URL
// (for example "https://warta.example"; no trailing slash).
func ArticleURL(base, slug string) string { return base + ArticlePath(slug) }
