package newsroom_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"sync/atomic"
	"testing"

	"warta/internal/auth"
	"warta/internal/domain"
	"warta/internal/newsroom/nrtest"
	"warta/internal/store"
	"warta/internal/testdb"
)

// door is one way to do an action: its status code, for one role.
type door func(t *testing.T, role domain.Role) int

// Issue 9: every newsroom action has one rule, so the newsroom (HTML) and
// the admin API (JSON) answer every role alike, and both agree with the
// permission table (auth.Table, printed in docs/newsroom.md).
func TestBothDoorsAnswerEveryRoleAlike(t *testing.T) {
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		e := nrtest.New(t, st)
		art := e.CreateArticle(t, map[string]any{"title": "Banjir Surut", "category": "nasional", "status": "published",
			"tags": []string{"Banjir"}})
		var comments []int64
		for i := range 8 {
			c, err := st.AddComment(ctx, domain.Comment{ArticleID: art, Name: "Ani", Body: fmt.Sprintf("Komentar %d", i),
				Status: domain.CommentPending})
			if err != nil {
				t.Fatal(err)
			}
			comments = append(comments, c.ID)
		}
		tag, err := st.TagBySlug(ctx, "banjir")
		if err != nil {
			t.Fatal(err)
		}
		poll, err := st.CreatePoll(ctx, store.PollInput{Question: "Setuju?", Options: []string{"Ya", "Tidak"}})
		if err != nil {
			t.Fatal(err)
		}
		var n atomic.Int64
		uniq := func() string { return fmt.Sprintf("Rubrik %d", n.Add(1)) }

		browsers := map[domain.Role]*browser{}
		for _, role := range domain.Roles {
			b := newBrowser(t, e)
			b.login(role)
			browsers[role] = b
		}
		page := func(path string) door {
			return func(t *testing.T, role domain.Role) int { return browsers[role].get(path).code }
		}
		form := func(path string, fields func() url.Values) door {
			return func(t *testing.T, role domain.Role) int {
				b := browsers[role]
				v := fields()
				v.Set("csrf", b.csrf)
				return b.post(path, v).code
			}
		}
		api := func(method, path string, body func() any) door {
			return func(t *testing.T, role domain.Role) int {
				var in any
				if body != nil {
					in = body()
				}
				return e.API(t, role, method, path, in).Status
			}
		}
		values := func(kv ...string) func() url.Values {
			return func() url.Values {
				v := url.Values{}
				for i := 0; i+1 < len(kv); i += 2 {
					v.Set(kv[i], kv[i+1])
				}
				return v
			}
		}
		body := func(v any) func() any { return func() any { return v } }
		perm := func(p auth.Perm) func(domain.Role) bool { return func(r domain.Role) bool { return auth.Can(r, p) } }
		listOr := func(p auth.Perm) func(domain.Role) bool { // who writes articles or manages p
			return func(r domain.Role) bool { return auth.Can(r, p) || auth.Can(r, auth.PermArticleCreate) }
		}
		id := func(v int64) string { return strconv.FormatInt(v, 10) }

		for _, a := range []struct {
			name    string
			allowed func(domain.Role) bool
			ui, api door
		}{
			{"comment queue", perm(auth.PermComments), page("/redaksi/komentar"), api("GET", "/comments", nil)},
			{"approve a comment", perm(auth.PermComments),
				form("/redaksi/komentar", values("action", "approve:"+id(comments[0]))),
				api("PATCH", "/comments/"+id(comments[1]), body(map[string]string{"status": "approved"}))},
			{"moderate several", perm(auth.PermComments),
				form("/redaksi/komentar", func() url.Values {
					return url.Values{"action": {"reject"}, "id": {id(comments[2]), id(comments[3])}}
				}),
				api("POST", "/comments/bulk", body(map[string]any{"action": "reject", "ids": []int64{comments[4], comments[5]}}))},
			{"banned words", perm(auth.PermComments), page("/redaksi/moderasi"), api("GET", "/banned-words", nil)},
			{"add a banned word", perm(auth.PermComments), form("/redaksi/moderasi/kata", values("word", "judi")),
				api("POST", "/banned-words", body(map[string]string{"word": "judi"}))},
			{"block a reader", perm(auth.PermComments), form("/redaksi/moderasi/blokir", values("reader", "r-1", "reason", "spam")),
				api("POST", "/blocked-readers", body(map[string]string{"reader": "r-1", "reason": "spam"}))},
			{"set the moderation mode", perm(auth.PermSettings), form("/redaksi/moderasi/mode", values("mode", "hold_first")),
				api("PUT", "/settings/moderation", body(map[string]string{"mode": "hold_first"}))},
			{"list categories", listOr(auth.PermCategories), page("/redaksi/kategori"), api("GET", "/categories", nil)},
			{"create a category", perm(auth.PermCategories), form("/redaksi/kategori", func() url.Values { return url.Values{"name": {uniq()}} }),
				api("POST", "/categories", func() any { return map[string]string{"name": uniq()} })},
			{"list tags", listOr(auth.PermTags), page("/redaksi/tag"), api("GET", "/tags", nil)},
			{"rename a tag", perm(auth.PermTags), form("/redaksi/tag/"+id(tag.ID), values("name", "Banjir")),
				api("PATCH", "/tags/banjir", body(map[string]string{"name": "Banjir"}))},
			{"list polls", listOr(auth.PermPolls), page("/redaksi/polling"), api("GET", "/polls", nil)},
			{"open a poll", listOr(auth.PermPolls), page("/redaksi/polling/" + id(poll)), api("GET", "/polls/"+id(poll), nil)},
			{"create a poll", perm(auth.PermPolls), form("/redaksi/polling/baru", values("question", "Q?", "options", "A\nB")),
				api("POST", "/polls", body(map[string]any{"question": "Q?", "options": []string{"A", "B"}}))},
			{"close a poll", perm(auth.PermPolls), form("/redaksi/polling/"+id(poll)+"/tutup", values()),
				api("PATCH", "/polls/"+id(poll), body(map[string]bool{"open": false}))},
			{"list accounts", perm(auth.PermUsers), page("/redaksi/pengguna"), api("GET", "/users", nil)},
			{"list webhooks", perm(auth.PermWebhooks), page("/redaksi/webhook"), api("GET", "/webhooks", nil)},
			{"site settings", perm(auth.PermSiteSettings), page("/redaksi/pengaturan"), api("GET", "/settings", nil)},
			// Issue 14: the site's look, ad slots and the home page's poll.
			{"set the site's look", perm(auth.PermSiteSettings),
				form("/redaksi/pengaturan", values("section", "identitas", "site_name", "Kabar", "tagline", "Berita")),
				api("PATCH", "/settings", body(map[string]string{"site_name": "Kabar", "tagline": "Berita"}))},
			{"set the menu", perm(auth.PermSiteSettings),
				form("/redaksi/pengaturan", values("section", "menu", "menu_cat", "nasional", "link_label_0", "Kontak", "link_url_0", "/halaman/kontak")),
				api("PATCH", "/settings", body(map[string]any{"menu": []map[string]string{{"category": "nasional"}, {"label": "Kontak", "url": "/halaman/kontak"}}}))},
			{"set the ad slots", perm(auth.PermSiteSettings),
				form("/redaksi/pengaturan", values("section", "iklan", "ad_kind_header", "house", "ad_html_header", "<p>Promo</p>")),
				api("PATCH", "/settings", body(map[string]any{"ad_slots": map[string]any{"header": map[string]string{"kind": "house", "html": "<p>Promo</p>"}}}))},
			{"remove the logo", perm(auth.PermSiteSettings),
				form("/redaksi/pengaturan", values("section", "identitas", "remove_logo", "1")), api("DELETE", "/settings/logo", nil)},
			{"see the home poll", listOr(auth.PermPolls), page("/redaksi/polling"), api("GET", "/settings/home-poll", nil)},
			{"choose the home poll", perm(auth.PermPolls), form("/redaksi/polling/beranda", values("home_poll", id(poll))),
				api("PUT", "/settings/home-poll", body(map[string]string{"home_poll": id(poll)}))},
		} {
			for _, role := range domain.Roles {
				ui, api := a.ui(t, role), a.api(t, role)
				uiOK := ui == http.StatusOK || ui == http.StatusSeeOther
				apiOK := api >= 200 && api < 300
				if uiOK != apiOK || (!uiOK && (ui != http.StatusForbidden || api != http.StatusForbidden)) {
					t.Errorf("%s as %s: newsroom %d, API %d: the doors disagree", a.name, role, ui, api)
					continue
				}
				if want := a.allowed(role); uiOK != want {
					t.Errorf("%s as %s: allowed = %v (newsroom %d, API %d), the permission table says %v", a.name, role, uiOK, ui, api, want)
				}
			}
		}
	})
}
