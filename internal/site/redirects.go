package site

import (
	"net/http"

	"warta/internal/store"
)

// wpQueryKeys are the query parameters of WordPress's plain addresses
// (/?p=123, /?page_id=7, /?cat=3, /?tag=banjir).
var wpQueryKeys = []string{"p", "page_id", "cat", "tag"}

// oldAddresses answers the addresses of an imported site (the redirects
// table: WordPress permalinks, /?p=123, /category/x/, /tag/y/) with a 301 to
// their new page; everything else goes on to fn. It looks only at GET and
// HEAD requests the site would otherwise not know, or the home page with a
// WordPress query, so normal pages pay nothing.
func (s *Site) oldAddresses(home bool, fn func(w http.ResponseWriter, r *http.Request) error) func(w http.ResponseWriter, r *http.Request) error {
	return func(w http.ResponseWriter, r *http.Request) error {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			return fn(w, r)
		}
		key := store.NormalizeRedirectPath(r.URL.Path, "")
		if home {
			q := r.URL.Query()
			key = ""
			for _, k := range wpQueryKeys {
				if v := q.Get(k); v != "" {
					key = "/?" + k + "=" + v
					break
				}
			}
			if key == "" {
				return fn(w, r)
			}
		}
		target, ok, err := s.store.Redirect(r.Context(), key)
		if err != nil {
			return err
		}
		if !ok {
			return fn(w, r)
		}
		w.Header().Set("Cache-Control", "public, max-age=86400")
		http.Redirect(w, r, target, http.StatusMovedPermanently)
		return nil
	}
}
