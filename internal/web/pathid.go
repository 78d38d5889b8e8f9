package web

import (
	"net/http"
	"strconv"

	"warta/internal/domain"
)

// PathID reads the positive id in the route's {name} segment; anything else
// is a 404 naming what was looked for ("komentar tidak ditemukan").
func PathID(r *http.Request, name, what string) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue(name), 10, 64)
	if err != nil || id < 1 {
		return 0, domain.NotFound("%s tidak ditemukan", what)
	}
	return id, nil
}
