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
			unknown = append(unknown, domain.Truncate(k, 30))
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
