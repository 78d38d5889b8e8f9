package api

import "net/http"

// Routes registers every API endpoint on mux.
func (a *API) Routes(mux *http.ServeMux) {
	mux.Handle("GET /api/v1/articles", a.handler(a.listArticles))
	mux.Handle("GET /api/v1/articles/{id}", a.handler(a.getArticle))
	mux.Handle("GET /api/v1/search", a.handler(a.search))
	mux.Handle("POST /api/v1/articles/{id}/views", a.handler(a.postView))
	mux.Handle("POST /api/v1/articles/{id}/reactions", a.handler(a.postReaction))
	mux.Handle("GET /api/v1/articles/{id}/comments", a.handler(a.listComments))
	mux.Handle("POST /api/v1/articles/{id}/comments", a.handler(a.postComment))
	mux.Handle("GET /api/v1/articles/{id}/comments/{comment}/replies", a.handler(a.listReplies))
	mux.Handle("GET /api/v1/polls", a.handler(a.listPolls))
	mux.Handle("GET /api/v1/polls/{id}", a.handler(a.getPoll))
	mux.Handle("POST /api/v1/polls/{id}/votes", a.handler(a.postVote))
	mux.Handle("GET /api/v1/categories", a.handler(a.listCategories))
	mux.Handle("GET /api/v1/categories/{slug}", a.handler(a.getCategory))
	mux.Handle("GET /api/v1/tags", a.handler(a.listTags))
	mux.Handle("GET /api/v1/tags/{slug}", a.handler(a.getTag))
	mux.Handle("GET /api/v1/authors", a.handler(a.listAuthors))
	mux.Handle("GET /api/v1/authors/{slug}", a.handler(a.getAuthor))
	mux.Handle("GET /api/v1/openapi.json", a.handler(a.openAPI))
	mux.Handle("/api/", a.handler(a.notFound))
}
