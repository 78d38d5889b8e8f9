package api

import (
	"net/http"
	"strings"
)

// CORS lets pages on any origin read the public API: GET and HEAD answers
// under /api/v1/ carry Access-Control-Allow-Origin: *, and a preflight
// (OPTIONS) for them is answered here. Writes (comments, reactions, votes)
// and the admin API get no CORS headers, so a browser on another site can
// neither read their answers nor preflight them. No credentials are
// allowed: "*" never shares cookies.
func CORS(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !strings.HasPrefix(r.URL.Path, "/api/v1/") || strings.HasPrefix(r.URL.Path, "/api/v1/admin") {
			next.ServeHTTP(w, r)
			return
		}
		h := w.Header()
		switch r.Method {
		case http.MethodGet, http.MethodHead:
			h.Set("Access-Control-Allow-Origin", "*")
			h.Set("Access-Control-Expose-Headers", "ETag, Last-Modified, Retry-After")
		case http.MethodOptions:
			if r.Header.Get("Origin") == "" || r.Header.Get("Access-Control-Request-Method") == "" {
				break // not a preflight
			}
			switch r.Header.Get("Access-Control-Request-Method") {
			case http.MethodGet, http.MethodHead:
				h.Set("Access-Control-Allow-Origin", "*")
				h.Set("Access-Control-Allow-Methods", "GET, HEAD, OPTIONS")
				h.Set("Access-Control-Allow-Headers", "Accept, If-None-Match, If-Modified-Since")
				h.Set("Access-Control-Max-Age", "86400")
			}
			// A preflight for a write gets no Allow-* headers: the browser
			// refuses to send it.
			h.Set("Vary", "Access-Control-Request-Method")
			w.WriteHeader(http.StatusNoContent)
			return
		}
		next.ServeHTTP(w, r)
	})
}
