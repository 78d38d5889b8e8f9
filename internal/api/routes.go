package api

import "net/http"

// Routes registers every API endpoint on mux.
func (a *API) Routes(mux *http.ServeMux) {
	mux.Handle("GET /api/v1/articles", a.handler(a.listArticles))
	mux.Handle("GET /api/v1/articles/{id}", a.handler(a.getArticle))
	mux.Handle("/api/", a.handler(a.notFound))
}
