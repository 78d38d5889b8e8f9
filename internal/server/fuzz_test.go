package server_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"warta/internal/testdb"
)

// fuzzPaths are the reader endpoints whose parameters (path segment and
// query) FuzzRequestParameters varies; {} is replaced by the segment.
var fuzzPaths = []string{
	"/cari", "/", "/berita/{}", "/kanal/{}", "/tag/{}", "/penulis/{}", "/polling/{}", "/kanal/{}/rss.xml", "/sitemaps/{}",
	"/api/v1/articles", "/api/v1/articles/{}", "/api/v1/search", "/api/v1/categories/{}", "/api/v1/tags/{}",
	"/api/v1/authors", "/api/v1/polls/{}", "/api/v1/articles/{}/comments", "/rss.xml", "/news-sitemap.xml",
}

// FuzzRequestParameters: whatever path segment and query string a client
// sends to a reader endpoint, the answer is never a 5xx, and a 400 says
// why (JSON with a message on the API).
func FuzzRequestParameters(f *testing.F) {
	for i, seed := range []struct{ seg, q string }{
		{"pemerintah-umumkan-kebijakan-pertahanan-baru", "kpage=2&urut=terbaru"}, {"nasional", "page=2"}, {"pertahanan", "page=-1"},
		{"\xff", "q=%FF"}, {"a\x00b", "q=%00"}, {"1", "limit=1000000000000000000000"}, {"x", "q=NEAR(&sort=relevan"},
		{"%", "page=%zz"}, {"..", "category=nasional&tag=pertahanan&page=abc"}, {"1", "q=" + strings.Repeat("a", 300)},
		{"🇮🇩", "q=%F0%9F%87%AE%F0%9F%87%A9;x=1"}, {"1", "balas=99999999999&kom=-1"},
	} {
		f.Add(uint8(i), seed.seg, seed.q)
	}
	e := newEnv(f, testdb.SQLite(f))
	f.Fuzz(func(t *testing.T, which uint8, seg, rawQuery string) {
		path := strings.ReplaceAll(fuzzPaths[int(which)%len(fuzzPaths)], "{}", strings.ReplaceAll(seg, "/", "-"))
		u := &url.URL{Path: path, RawQuery: rawQuery}
		req, err := http.NewRequest("GET", "http://warta.test"+u.EscapedPath(), nil)
		if err != nil {
			return // not a request a client could send
		}
		req.URL.Path, req.URL.RawPath, req.URL.RawQuery = path, "", rawQuery
		rec := httptest.NewRecorder()
		e.app.ServeHTTP(rec, req)
		if rec.Code >= 500 {
			t.Fatalf("GET %q ?%q: %d %.300s", path, rawQuery, rec.Code, rec.Body.String())
		}
		if rec.Code == http.StatusBadRequest {
			if strings.HasPrefix(path, "/api/") {
				var env struct {
					Error struct{ Message string } `json:"error"`
				}
				if json.Unmarshal(rec.Body.Bytes(), &env) != nil || env.Error.Message == "" {
					t.Fatalf("GET %q ?%q: 400 without a JSON message: %.300s", path, rawQuery, rec.Body.String())
				}
			} else if rec.Body.Len() == 0 {
				t.Fatalf("GET %q ?%q: 400 without a page", path, rawQuery)
			}
		}
	})
}
