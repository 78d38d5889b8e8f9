package newsroom_test

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"warta/internal/app"
	"warta/internal/domain"
	"warta/internal/newsroom/nrtest"
	"warta/internal/store"
	"warta/internal/testdb"
)

// Issue 9: moderating in the newsroom or through the admin API is a change
// readers see, so it drops the cached article page at once. With a page
// cache of a minute, an approved comment used to stay invisible (and a
// deleted one visible) until the cache expired.
func TestModerationShowsAtOnceThroughALongPageCache(t *testing.T) {
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		e := nrtest.New(t, st, func(c *app.Config) { c.Site.PageCacheTTL = time.Minute })
		id := e.CreateArticle(t, map[string]any{"title": "Banjir Surut di Bekasi", "category": "nasional", "status": "published"})
		comment := map[string]int64{}
		for _, name := range []string{"Komentar lewat redaksi", "Komentar lewat API"} {
			c, err := st.AddComment(ctx, domain.Comment{ArticleID: id, Name: "Ani", Body: name, Status: domain.CommentPending})
			if err != nil {
				t.Fatal(err)
			}
			comment[name] = c.ID
		}
		reader := func() string { return readerPage(t, e.URL+"/berita/banjir-surut-di-bekasi") }
		shows := func(step, text string, want bool) {
			t.Helper()
			if got := strings.Contains(reader(), text); got != want {
				t.Errorf("%s: the article page shows %q = %v, want %v", step, text, got, want)
			}
		}
		shows("before moderation", "Komentar lewat redaksi", false) // now cached
		shows("before moderation", "Komentar lewat redaksi", false)

		mod := newBrowser(t, e)
		mod.login(domain.RoleModerator)
		mod.get("/redaksi/komentar")
		if p := mod.post("/redaksi/komentar", url.Values{"csrf": {mod.csrf},
			"action": {"approve:" + strconv.FormatInt(comment["Komentar lewat redaksi"], 10)}}); p.code != http.StatusSeeOther {
			t.Fatalf("approve in the newsroom: %d %s", p.code, p.body)
		}
		shows("approved in the newsroom", "Komentar lewat redaksi", true)

		path := "/comments/" + strconv.FormatInt(comment["Komentar lewat API"], 10)
		if r := e.API(t, domain.RoleModerator, "PATCH", path, map[string]string{"status": "approved"}); r.Status != 200 {
			t.Fatalf("approve through the API: %d %s", r.Status, r.Body)
		}
		shows("approved through the API", "Komentar lewat API", true)

		if r := e.API(t, domain.RoleModerator, "DELETE", path, nil); r.Status != http.StatusNoContent {
			t.Fatalf("delete through the API: %d %s", r.Status, r.Body)
		}
		shows("deleted through the API", "Komentar lewat API", false)

		mod.get("/redaksi/komentar?status=approved")
		if p := mod.post("/redaksi/komentar", url.Values{"csrf": {mod.csrf}, "action": {"delete"},
			"id": {strconv.FormatInt(comment["Komentar lewat redaksi"], 10)}}); p.code != http.StatusSeeOther {
			t.Fatalf("delete in the newsroom: %d %s", p.code, p.body)
		}
		shows("deleted in the newsroom", "Komentar lewat redaksi", false)
	})
}
