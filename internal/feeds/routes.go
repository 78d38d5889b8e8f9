package feeds

import "net/http"

// Routes registers every feed, sitemap and robots.txt on mux.
func (f *Feeds) Routes(mux *http.ServeMux) {
	mux.Handle("GET /rss.xml", f.handler(f.rss))
	mux.Handle("GET /atom.xml", f.handler(f.atom))
	mux.Handle("GET /kanal/{cat}/rss.xml", f.handler(f.rss))
	mux.Handle("GET /kanal/{cat}/atom.xml", f.handler(f.atom))
	mux.Handle("GET /tag/{tag}/rss.xml", f.handler(f.rss))
	mux.Handle("GET /tag/{tag}/atom.xml", f.handler(f.atom))
	mux.Handle("GET /sitemap.xml", f.handler(f.sitemapIndex))
	mux.Handle("GET /sitemaps/{file}", f.handler(f.sitemapFile))
	mux.Handle("GET /news-sitemap.xml", f.handler(f.news))
	mux.Handle("GET /robots.txt", f.handler(f.robots))
}
