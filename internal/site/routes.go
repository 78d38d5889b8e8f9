package site

import "net/http"

// Routes registers every reader page on mux.
func (s *Site) Routes(mux *http.ServeMux) {
	// The page cache keys each page by the query parameters it reads; the
	// fast lane may take a request for any of these pages (FastHit).
	s.mux, s.cachedRoutes = mux, map[string]bool{}
	page := func(pattern string, h http.Handler) {
		s.cachedRoutes[pattern] = true
		mux.Handle(pattern, h)
	}
	page("GET /{$}", s.handler(s.oldAddresses(true, s.cached(s.home)))) // redirects.go: /?p=123 of an imported site
	page("GET /berita/{slug}", s.handler(s.cached(s.article, "kpage", "urut", "balas", "komentar", "balasan", "bpage")))
	page("GET /kanal/{slug}", s.handler(s.cached(s.category, "page", "bagian")))
	page("GET /tag/{slug}", s.handler(s.cached(s.tag, "page", "bagian")))
	page("GET /penulis/{slug}", s.handler(s.cached(s.author, "page", "bagian")))
	mux.Handle("GET /cari", s.handler(s.search))
	page("GET /terpopuler", s.handler(s.cached(s.popular)))
	page("GET /terkini", s.handler(s.cached(s.terkini, "page", "sebelum", "bagian"))) // issue 14: where home's "Muat lebih banyak" leads
	page("GET /indeks", s.handler(s.cached(s.indeks, "tanggal", "kanal", "page")))    // issue 14: news by date
	mux.Handle("GET /halaman/{slug}", s.handler(s.staticPage))
	// Live report stream (issue 14): Server-Sent Events, never cached or compressed (live.go).
	mux.HandleFunc("GET /berita/{slug}/langsung", s.liveStream)
	mux.Handle("POST /berita/{slug}/reaksi", s.handler(s.react))
	mux.Handle("POST /berita/{slug}/komentar", s.handler(s.comment))
	mux.Handle("GET /polling/{id}", s.handler(s.pollResults))
	mux.Handle("POST /polling/{id}", s.handler(s.vote))
	mux.Handle("GET /static/", s.assets)
	// Icons and the web manifest (issue 14, icons.go).
	mux.HandleFunc("GET /favicon.ico", rootFile("favicon.ico", "image/x-icon"))
	mux.HandleFunc("GET /apple-touch-icon.png", rootFile("apple-touch-icon.png", "image/png"))
	mux.HandleFunc("GET /manifest.webmanifest", s.manifest)
	// Everything else is an Indonesian 404 page.
	mux.Handle("/", s.handler(s.oldAddresses(false, s.notFound)))
}
