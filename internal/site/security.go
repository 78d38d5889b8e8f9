package site

import "net/http"

// RenderError answers with the site's error page for err (its status and
// Indonesian message), for checks that run before the site's handlers.
func (s *Site) RenderError(w http.ResponseWriter, r *http.Request, err error) {
	s.renderError(w, r, err)
}
