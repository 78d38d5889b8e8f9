package api

import (
	"net/http"

	"warta/internal/web"
)

// The OpenAPI 3.1 description of the public API, served at
// /api/v1/openapi.json. A test walks every path and method in it against a
// real server and checks that every public route is described, so it
// cannot drift from what the server does.

type obj = map[string]any

func ref(name string) obj { return obj{"$ref": "#/components/schemas/" + name} }

func str(desc string) obj { return obj{"type": "string", "description": desc} }

func integer(desc string) obj { return obj{"type": "integer", "description": desc} }

func boolean(desc string) obj { return obj{"type": "boolean", "description": desc} }

func dateTime(desc string) obj {
	return obj{"type": "string", "format": "date-time", "description": desc + " (RFC 3339 in the site zone, e.g. 2024-06-20T18:34:00+07:00)"}
}

func object(required []string, props obj) obj {
	return obj{"type": "object", "required": required, "properties": props}
}

func arrayOf(items obj) obj { return obj{"type": "array", "items": items} }

// one is the envelope of a single object.
func one(schema string) obj {
	return object([]string{"data"}, obj{"data": ref(schema)})
}

// page is the envelope of a paginated list.
func page(schema string) obj {
	return object([]string{"data", "pagination"}, obj{"data": arrayOf(ref(schema)), "pagination": ref("Pagination")})
}

func jsonResponse(desc string, schema obj) obj {
	return obj{"description": desc, "content": obj{"application/json": obj{"schema": schema}}}
}

func errorResponse(desc string) obj { return jsonResponse(desc, ref("Error")) }

func queryParam(name, desc string, schema obj) obj {
	return obj{"name": name, "in": "query", "required": false, "description": desc, "schema": schema}
}

func pathParam(name, desc string, schema obj) obj {
	return obj{"name": name, "in": "path", "required": true, "description": desc, "schema": schema}
}

func body(schema obj) obj {
	return obj{"required": true, "content": obj{"application/json": obj{"schema": schema}}}
}

var (
	pLimit = func(def, maxv int) obj {
		return queryParam("limit", "items per page", obj{"type": "integer", "minimum": 1, "maximum": maxv, "default": def})
	}
	pPage    = queryParam("page", "1-based page; a page past the end is an empty list with the right totals", obj{"type": "integer", "minimum": 1, "maximum": 100000, "default": 1})
	pID      = pathParam("id", "numeric id", obj{"type": "integer", "minimum": 1})
	pSlug    = pathParam("slug", "slug", obj{"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"})
	slugType = obj{"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"}
	pFields  = queryParam("fields", "comma-separated top-level fields to return, e.g. id,title,url; an unknown field is a 400",
		obj{"type": "string"})

	r400 = errorResponse("malformed or unknown parameter")
	r404 = errorResponse("not found")
	r413 = errorResponse("request body too large")
	r429 = errorResponse("too many requests; see Retry-After")
	// rCookie is the 400 of reactions and votes, which need the reader cookie.
	rCookie = errorResponse(`malformed input; or code "cookie_required": the client sent no reader cookie, one came with this answer, send the same request again`)
)

func buildOpenAPI(baseURL string) obj {
	schemas := obj{
		"Error": object([]string{"error"}, obj{"error": object([]string{"message", "code"}, obj{
			"message": str("Indonesian message safe to show"),
			"code":    obj{"type": "string", "enum": []string{"invalid", "not_found", "conflict", "forbidden", "unauthorized", "too_many_requests", "too_large", "internal"}},
		})}),
		"Pagination": object([]string{"page", "limit", "total", "total_pages"}, obj{
			"page": integer("this page"), "limit": integer("items per page"), "total": integer("items in all pages"), "total_pages": integer("number of pages"),
			"total_estimated": boolean("true when total is an estimate: lists longer than 10,000 are not counted one by one"),
			"next_cursor":     str("pass as ?cursor= for the next page (article lists)"),
		}),
		"CategoryRef": object([]string{"id", "slug", "name", "url"}, obj{"id": integer(""), "slug": str(""), "name": str(""), "url": str("category page")}),
		"TagRef":      object([]string{"id", "slug", "name", "url"}, obj{"id": integer(""), "slug": str(""), "name": str(""), "url": str("tag page")}),
		"AuthorRef":   object([]string{"id", "slug", "name", "url"}, obj{"id": integer(""), "slug": str(""), "name": str(""), "url": str("author page")}),
		"Photo": object([]string{"url", "caption", "credit", "width", "height"}, obj{
			"url": str("absolute image URL"), "caption": str(""), "credit": str("photo source"), "width": integer("pixels"), "height": integer("pixels"),
		}),
		"Article": object([]string{"id", "slug", "title", "excerpt", "url", "published_at", "updated_at", "category", "tags", "authors", "photo",
			"breaking", "featured", "hot", "views", "likes", "dislikes", "comment_count"}, obj{
			"id": integer(""), "slug": str(""), "title": str(""), "excerpt": str(""), "url": str("canonical article page"),
			"published_at": dateTime("publish time"), "updated_at": dateTime("last update"),
			"category": ref("CategoryRef"), "tags": arrayOf(ref("TagRef")), "authors": arrayOf(ref("AuthorRef")),
			"photo":    obj{"oneOf": []any{ref("Photo"), obj{"type": "null"}}},
			"breaking": boolean(""), "featured": boolean(""), "hot": boolean("trending (#HOT)"),
			"views": integer(""), "likes": integer(""), "dislikes": integer(""), "comment_count": integer("approved comments"),
		}),
		"ArticleDetail": obj{"allOf": []any{ref("Article"), object([]string{"body_html", "related"}, obj{
			"body_html": str("sanitised HTML body"),
			"related":   arrayOf(object([]string{"id", "title", "url"}, obj{"id": integer(""), "title": str(""), "url": str("")})),
		})}},
		"Feeds": object([]string{"rss", "atom"}, obj{"rss": str("RSS 2.0 feed URL"), "atom": str("Atom feed URL")}),
		"Category": object([]string{"id", "slug", "name", "description", "url", "article_count", "feeds"}, obj{
			"id": integer(""), "slug": str(""), "name": str(""), "description": str(""), "url": str(""),
			"article_count": integer("published articles"), "feeds": ref("Feeds"),
		}),
		"Tag": object([]string{"id", "slug", "name", "url", "article_count", "feeds"}, obj{
			"id": integer(""), "slug": str(""), "name": str(""), "url": str(""), "article_count": integer("published articles"), "feeds": ref("Feeds"),
		}),
		"Author": object([]string{"id", "slug", "name", "bio", "url", "article_count"}, obj{
			"id": integer(""), "slug": str(""), "name": str(""), "bio": str(""), "url": str(""), "article_count": integer("published articles"),
		}),
		"Comment": object([]string{"id", "article_id", "parent_id", "name", "text", "status", "created_at"}, obj{
			"id": integer(""), "article_id": integer(""), "parent_id": obj{"type": []string{"integer", "null"}},
			"name": str("commenter's name"), "text": str("plain text"), "status": obj{"type": "string", "enum": []string{"approved", "pending"}},
			"created_at": dateTime(""), "replies": arrayOf(ref("Comment")),
		}),
		"Poll": object([]string{"id", "question", "state", "article_id", "opens_at", "closes_at", "options", "total"}, obj{
			"id": integer(""), "question": str(""), "state": obj{"type": "string", "enum": []string{"open", "closed", "scheduled"}},
			"article_id": obj{"type": []string{"integer", "null"}}, "opens_at": dateTime(""), "closes_at": obj{"type": []string{"string", "null"}, "format": "date-time"},
			"options": arrayOf(object([]string{"id", "label", "votes"}, obj{"id": integer(""), "label": str(""), "votes": integer("")})),
			"total":   integer("all votes"),
		}),
		"Reaction": object([]string{"likes", "dislikes", "reaction"}, obj{
			"likes": integer(""), "dislikes": integer(""), "reaction": obj{"type": "string", "enum": []string{"like", "dislike", ""}},
		}),
	}
	paths := obj{
		"/articles": obj{"get": obj{
			"operationId": "listArticles", "summary": "Published articles, newest first", "tags": []string{"articles"},
			"parameters": []any{pLimit(20, 100), pPage,
				queryParam("cursor", "continue after the page that gave this pagination.next_cursor (newest or oldest order, without page): as fast deep in the archive as on page 1", obj{"type": "string"}),
				queryParam("category", "category slug", slugType), queryParam("tag", "tag slug", slugType), queryParam("author", "author slug", slugType),
				queryParam("from", "published at or after: YYYY-MM-DD (site zone) or RFC 3339", obj{"type": "string"}),
				queryParam("to", "published at or before: YYYY-MM-DD (the whole day) or RFC 3339", obj{"type": "string"}),
				queryParam("sort", "order", obj{"type": "string", "enum": []string{"newest", "oldest", "popular"}, "default": "newest"}),
				pFields},
			"responses": obj{"200": jsonResponse("one page of articles", page("Article")), "400": r400},
		}},
		"/search": obj{"get": obj{
			"operationId": "search", "summary": "Full-text search of published articles (Indonesian stemming)", "tags": []string{"articles"},
			"parameters": []any{queryParam("q", "keywords (required)", obj{"type": "string"}), pLimit(10, 50), pPage,
				queryParam("sort", "order", obj{"type": "string", "enum": []string{"relevance", "newest"}, "default": "relevance"})},
			"responses": obj{"200": jsonResponse("one page of results; message says why there are none",
				object([]string{"data", "pagination", "query"}, obj{
					"data": arrayOf(obj{"allOf": []any{ref("Article"), object([]string{"title_html", "snippet_html"}, obj{
						"title_html": str("title, HTML-escaped, matches in <mark>"), "snippet_html": str("snippet, HTML-escaped, matches in <mark>")})}}),
					"pagination": ref("Pagination"),
					"query": object([]string{"q", "terms", "sort"}, obj{"q": str("as sent"), "terms": arrayOf(obj{"type": "string"}),
						"sort": str("")}),
					"message": str("why there are no results"),
				})), "400": r400},
		}},
		"/articles/{id}": obj{"get": obj{
			"operationId": "getArticle", "summary": "One published article with its body and related news", "tags": []string{"articles"},
			"parameters": []any{pID, pFields},
			"responses":  obj{"200": jsonResponse("the article", one("ArticleDetail")), "400": r400, "404": r404},
		}},
		"/articles/{id}/views": obj{"post": obj{
			"operationId": "countView", "summary": "Count a view (beacon for pages served from a cache)", "tags": []string{"engagement"},
			"parameters": []any{pID},
			"responses": obj{"202": jsonResponse("accepted; counted is false for a repeat view or a bot",
				object([]string{"data"}, obj{"data": object([]string{"counted"}, obj{"counted": boolean("")})})), "404": r404, "429": r429},
		}},
		"/articles/{id}/reactions": obj{"post": obj{
			"operationId": "react", "summary": "Set this reader's reaction", "tags": []string{"engagement"},
			"parameters":  []any{pID},
			"requestBody": body(object([]string{"reaction"}, obj{"reaction": obj{"type": "string", "enum": []string{"like", "dislike", "none"}}})),
			"responses":   obj{"200": jsonResponse("new counts", one("Reaction")), "400": rCookie, "404": r404, "413": r413, "429": r429},
		}},
		"/articles/{id}/comments": obj{
			"get": obj{
				"operationId": "listComments", "summary": "Approved comments, threaded", "tags": []string{"engagement"},
				"parameters": []any{pID, pLimit(20, 100), pPage, queryParam("order", "order", obj{"type": "string", "enum": []string{"newest", "oldest"}, "default": "newest"})},
				"responses":  obj{"200": jsonResponse("one page of top-level comments with replies", page("Comment")), "400": r400, "404": r404},
			},
			"post": obj{
				"operationId": "postComment", "summary": "Write a comment", "tags": []string{"engagement"},
				"parameters": []any{pID},
				"requestBody": body(object([]string{"name", "text"}, obj{"name": str(""), "email": str("never shown"), "text": str(""),
					"parent_id": integer("comment replied to")})),
				"responses": obj{"201": jsonResponse("published", one("Comment")), "202": jsonResponse("held for moderation", one("Comment")),
					"400": r400, "404": r404, "413": r413, "429": r429},
			},
		},
		"/articles/{id}/comments/{comment}/replies": obj{"get": obj{
			"operationId": "listReplies", "summary": "Every approved reply under one top-level comment, oldest first", "tags": []string{"engagement"},
			"parameters": []any{pID, obj{"name": "comment", "in": "path", "required": true, "schema": obj{"type": "integer"},
				"description": "id of the top-level comment"}, pLimit(20, 100), pPage},
			"responses": obj{"200": jsonResponse("one page of replies", page("Comment")), "400": r400, "404": r404},
		}},
		"/polls": obj{"get": obj{
			"operationId": "listPolls", "summary": "Open polls, newest first", "tags": []string{"polls"},
			"responses": obj{"200": jsonResponse("open polls", object([]string{"data"}, obj{"data": arrayOf(ref("Poll"))}))},
		}},
		"/polls/{id}": obj{"get": obj{
			"operationId": "getPoll", "summary": "A poll with its results", "tags": []string{"polls"},
			"parameters": []any{pID},
			"responses":  obj{"200": jsonResponse("the poll", one("Poll")), "404": r404},
		}},
		"/polls/{id}/votes": obj{"post": obj{
			"operationId": "vote", "summary": "Vote once", "tags": []string{"polls"},
			"parameters":  []any{pID},
			"requestBody": body(object([]string{"option_id"}, obj{"option_id": integer("")})),
			"responses": obj{"201": jsonResponse("the poll with the vote counted", one("Poll")), "400": rCookie, "404": r404,
				"409": errorResponse("already voted or poll closed"), "413": r413, "429": r429},
		}},
		"/categories": obj{"get": obj{
			"operationId": "listCategories", "summary": "All categories in navigation order", "tags": []string{"taxonomy"},
			"responses": obj{"200": jsonResponse("every category on one page", page("Category")), "400": r400},
		}},
		"/categories/{slug}": obj{"get": obj{
			"operationId": "getCategory", "summary": "One category", "tags": []string{"taxonomy"},
			"parameters": []any{pSlug},
			"responses":  obj{"200": jsonResponse("the category", one("Category")), "400": r400, "404": r404},
		}},
		"/tags": obj{"get": obj{
			"operationId": "listTags", "summary": "Tags that have published articles, by name", "tags": []string{"taxonomy"},
			"parameters": []any{pLimit(50, 500), pPage},
			"responses":  obj{"200": jsonResponse("one page of tags", page("Tag")), "400": r400},
		}},
		"/tags/{slug}": obj{"get": obj{
			"operationId": "getTag", "summary": "One tag", "tags": []string{"taxonomy"},
			"parameters": []any{pSlug},
			"responses":  obj{"200": jsonResponse("the tag", one("Tag")), "400": r400, "404": r404},
		}},
		"/authors": obj{"get": obj{
			"operationId": "listAuthors", "summary": "Authors, by name", "tags": []string{"taxonomy"},
			"parameters": []any{pLimit(50, 500), pPage},
			"responses":  obj{"200": jsonResponse("one page of authors", page("Author")), "400": r400},
		}},
		"/authors/{slug}": obj{"get": obj{
			"operationId": "getAuthor", "summary": "One author", "tags": []string{"taxonomy"},
			"parameters": []any{pSlug},
			"responses":  obj{"200": jsonResponse("the author", one("Author")), "400": r400, "404": r404},
		}},
		"/openapi.json": obj{"get": obj{
			"operationId": "openAPI", "summary": "This document", "tags": []string{"meta"},
			"responses": obj{"200": jsonResponse("OpenAPI 3.1 document", object([]string{"openapi", "info", "paths"}, obj{}))},
		}},
	}
	return obj{
		"openapi": "3.1.0",
		"info": obj{"title": "Warta content API", "version": "1",
			"description": "Read-only content (articles, categories, tags, authors, approved comments, polls) and readers' " +
				"engagement (views, reactions, comments, votes). Every answer is JSON: {\"data\": ...} with \"pagination\" " +
				"beside a list, or {\"error\": {\"message\", \"code\"}}. Unknown query parameters are a 400. GET answers carry " +
				"ETag and Last-Modified and answer If-None-Match / If-Modified-Since with 304; reads allow any origin (CORS)."},
		"servers":    []any{obj{"url": baseURL + "/api/v1"}},
		"paths":      paths,
		"components": obj{"schemas": schemas},
	}
}

func (a *API) openAPI(w http.ResponseWriter, r *http.Request) error {
	if err := onlyParams(r); err != nil {
		return err
	}
	web.JSON(w, http.StatusOK, buildOpenAPI(a.cfg.BaseURL))
	return nil
}
