package api_test

import (
	"slices"
	"strconv"
	"testing"

	"warta/internal/store"
	"warta/internal/testdb"
)

// Following next_cursor walks the same list as the page numbers do, in
// both orders and with a tag filter, and ends on a page without a cursor.
func TestArticleListCursorWalksTheList(t *testing.T) {
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		e := newEnv(t, st)
		for _, q := range []string{"limit=2", "limit=2&sort=oldest", "limit=1&tag=hot"} {
			var byPage, byCursor []int64
			for p := 1; ; p++ {
				l := e.list(t, "/api/v1/articles?"+q+"&page="+strconv.Itoa(p))
				if len(l.Data) == 0 {
					break
				}
				for _, a := range l.Data {
					byPage = append(byPage, a.ID)
				}
			}
			path := "/api/v1/articles?" + q
			for range 20 {
				l := e.list(t, path)
				for _, a := range l.Data {
					byCursor = append(byCursor, a.ID)
				}
				if l.Pagination.NextCursor == "" {
					break
				}
				path = "/api/v1/articles?" + q + "&cursor=" + l.Pagination.NextCursor
			}
			if len(byPage) == 0 || !slices.Equal(byPage, byCursor) {
				t.Errorf("%s: pages give %v, cursors %v", q, byPage, byCursor)
			}
		}
		for _, bad := range []string{"cursor=xyz", "cursor=MTIz", "cursor=MTcxODk0NjAwMDAwMDAwMF81&page=2", "cursor=MTcxODk0NjAwMDAwMDAwMF81&sort=popular"} {
			if resp, body := e.do(t, "GET", "/api/v1/articles?"+bad, nil, ""); resp.StatusCode != 400 {
				t.Errorf("%s: %d %s, want 400", bad, resp.StatusCode, body)
			}
		}
	})
}
