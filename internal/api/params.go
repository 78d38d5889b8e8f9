package api

import (
	"net/http"
	"slices"
	"sort"
	"strings"

	"warta/internal/domain"
)

// onlyParams rejects query parameters an endpoint does not know, naming
// them and the ones it does: an unknown filter is a 400, never silently
// ignored.
func onlyParams(r *http.Request, allowed ...string) error {
	var unknown []string
	for k := range r.URL.Query() {
		if !slices.Contains(allowed, k) {
			unknown = append(unknown, truncate(k, 30))
		}
	}
	if len(unknown) == 0 {
		return nil
	}
	sort.Strings(unknown)
	if len(allowed) == 0 {
		return domain.Invalid("parameter %s tidak dikenal: endpoint ini tidak menerima parameter", strings.Join(unknown, ", "))
	}
	return domain.Invalid("parameter %s tidak dikenal: gunakan %s", strings.Join(unknown, ", "), strings.Join(allowed, ", "))
}

// truncate shortens what a client sent before it goes into a message.
func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}
