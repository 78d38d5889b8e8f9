package server_test

import (
	"html"
	"strings"
	"testing"

	"warta/internal/testdb"
)

// Reader pages quote what a client sent in their error messages only up to
// a short piece and an ellipsis (domain.Truncate, the one copy the site
// uses), so a long parameter never fills the page.
func TestReaderErrorsQuoteAShortPiece(t *testing.T) {
	e := newEnv(t, testdb.SQLite(t))
	long := strings.Repeat("x", 300)
	for _, tc := range []struct {
		path  string
		code  int
		quote string
	}{
		{"/kanal/nasional?page=1" + long, 400, `"1` + strings.Repeat("x", 19) + `…"`},
		{"/cari?q=banjir&sort=" + long, 400, `"` + strings.Repeat("x", 20) + `…"`},
		{"/cari?q=banjir&kanal=" + long, 400, `"` + strings.Repeat("x", 40) + `…"`},
	} {
		code, _, body := e.get(t, tc.path)
		body = html.UnescapeString(body)
		if code != tc.code || !strings.Contains(body, tc.quote) || strings.Contains(body, strings.Repeat("x", 41)) {
			t.Errorf("%s: %d, quote %q shown: %v", tc.path[:24], code, tc.quote, strings.Contains(body, tc.quote))
		}
	}
}
