package site

import "net/http"

// Routes registers every reader page on mux.
func (s *Site) Routes(mux *http.ServeMux) {
	mux.Handle("GET /{$}", s.handler(s.home))
	mux.Handle("GET /berita/{slug}", s.handler(s.article))
	mux.Handle("GET /kanal/{slug}", s.handler(s.category))
	mux.Handle("GET /tag/{slug}", s.handler(s.tag))
	mux.Handle("GET /penulis/{slug}", s.handler(s.author))
	mux.Handle("GET /polling/{id}", s.handler(s.pollResults))
	mux.Handle("GET /static/", s.assets)
	// Everything else is an Indonesian 404 page.
	mux.Handle("/", s.handler(s.notFound))
}
