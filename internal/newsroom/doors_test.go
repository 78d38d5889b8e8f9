package newsroom_test

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"mime/multipart"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"

	"warta/internal/auth"
	"warta/internal/domain"
	"warta/internal/editorial"
	"warta/internal/newsroom/nrtest"
	"warta/internal/store"
	"warta/internal/testdb"
	"warta/internal/webhooks"
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
		photo := jpegPhoto(t)
		if _, err := st.StartLive(ctx, art); err != nil {
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
		editor := e.Users[domain.RoleEditor]
		proposal := func() string { // a fresh pending correction proposal for art
			title := uniq()
			p, err := e.App.Editorial.Propose(ctx, &editor, art, editorial.ProposalInput{Title: &title, Reason: "Salah."})
			if err != nil {
				t.Fatal(err)
			}
			return id(p.ID)
		}
		must := func(err error) {
			t.Helper()
			if err != nil {
				t.Fatal(err)
			}
		}
		// Fresh things to act on, one per try, so that an allowed role's
		// write never meets what another role's try already changed.
		newArticle := func(status string) int64 {
			return e.CreateArticle(t, map[string]any{"title": uniq() + " Banjir", "category": "nasional", "status": status,
				"body": "Air mulai surut."})
		}
		newComment := func() int64 {
			c, err := st.AddComment(ctx, domain.Comment{ArticleID: art, Name: "Budi", Email: "budi@contoh.id", Reader: "r-" + uniq(),
				Body: "Komentar baru", Status: domain.CommentPending})
			must(err)
			return c.ID
		}
		newCategory := func() domain.Category {
			name := uniq()
			_, err := st.CreateCategory(ctx, domain.Category{Name: name})
			must(err)
			c, err := st.CategoryBySlug(ctx, domain.Slugify(name))
			must(err)
			return c
		}
		newTag := func() domain.Tag {
			name := uniq() + " Topik"
			e.CreateArticle(t, map[string]any{"title": name, "category": "nasional", "tags": []string{name}})
			tg, err := st.TagBySlug(ctx, domain.Slugify(name))
			must(err)
			return tg
		}
		newPoll := func() int64 {
			p, err := st.CreatePoll(ctx, store.PollInput{Question: uniq() + "?", Options: []string{"Ya", "Tidak"}})
			must(err)
			return p
		}
		newWebhook := func() int64 {
			h, err := st.CreateWebhook(ctx, store.WebhookInput{URL: "https://hooks.contoh.id/" + domain.Slugify(uniq()), Active: true}, webhooks.NewSecret())
			must(err)
			return h
		}
		newDelivery := func(hook int64) int64 {
			d, err := st.CreateDelivery(ctx, hook, domain.EventPing, 0, `{"event":"ping"}`)
			must(err)
			return d
		}
		newUser := func() domain.User {
			u, err := e.App.Editorial.AddUser(ctx, domain.Slugify(uniq())+"@warta.test", "Akun Uji", domain.RoleWriter, nrtest.Password)
			must(err)
			return u
		}
		newToken := func() int64 {
			_, tid, err := e.App.Auth.CreateToken(ctx, newUser().ID, uniq()) // someone else's, whatever the role
			must(err)
			return tid
		}
		someone := newUser() // an account that is no role's own
		revision := func(article int64) int64 {
			revs, err := st.Revisions(ctx, article)
			must(err)
			return revs[len(revs)-1].ID
		}
		// uiFresh and apiFresh build a try's path (and form or body) from a
		// fresh thing made just for it.
		uiFresh := func(make func() string, fields func(string) url.Values) door {
			return func(t *testing.T, role domain.Role) int {
				x := make()
				path, v := fields(x).Get("_path"), fields(x)
				v.Del("_path")
				v.Set("csrf", browsers[role].csrf)
				return browsers[role].post(path, v).code
			}
		}
		apiFresh := func(method string, make func() string, path func(string) string, body func(string) any) door {
			return func(t *testing.T, role domain.Role) int {
				x := make()
				var in any
				if body != nil {
					in = body(x)
				}
				return e.API(t, role, method, path(x), in).Status
			}
		}
		str := func(fn func() int64) func() string { return func() string { return id(fn()) } }
		at := func(format string) func(string) string {
			return func(x string) string { return strings.ReplaceAll(format, "{}", x) }
		}
		formAt := func(format string, kv ...string) func(string) url.Values {
			return func(x string) url.Values {
				v := url.Values{"_path": {strings.ReplaceAll(format, "{}", x)}}
				for i := 0; i+1 < len(kv); i += 2 {
					v.Set(strings.ReplaceAll(kv[i], "{}", x), strings.ReplaceAll(kv[i+1], "{}", x))
				}
				return v
			}
		}
		same := func(v any) func(string) any { return func(string) any { return v } }
		jsonOf := func(v map[string]any) func(string) any {
			return func(x string) any {
				out := map[string]any{}
				for k, val := range v {
					if sv, ok := val.(string); ok {
						val = strings.ReplaceAll(sv, "{}", x)
					}
					out[k] = val
				}
				return out
			}
		}
		upload := func(t *testing.T, role domain.Role) int {
			b := browsers[role]
			var buf bytes.Buffer
			mw := multipart.NewWriter(&buf)
			mw.WriteField("csrf", b.csrf)
			fw, _ := mw.CreateFormFile("photo_file", "foto.jpg")
			fw.Write(photo)
			mw.Close()
			req, _ := http.NewRequest("POST", e.URL+"/redaksi/unggah", &buf)
			req.Header.Set("Content-Type", mw.FormDataContentType())
			return b.do(req).code
		}
		apiUpload := func(t *testing.T, role domain.Role) int {
			return e.API(t, role, "POST", "/uploads", photo).Status
		}
		slugOf := func(fn func() domain.Category) func() string { return func() string { return fn().Slug } }
		catID := func() string { return id(newCategory().ID) }
		tagID := func() string { return id(newTag().ID) }
		tagSlug := func() string { return newTag().Slug }
		articleRev := func() string { a := newArticle("draft"); return id(a) + "/" + id(revision(a)) }
		halves := func(x string) (string, string) { a, b, _ := strings.Cut(x, "/"); return a, b }
		hookDelivery := func() string { h := newWebhook(); return id(h) + "/" + id(newDelivery(h)) }
		word := func() string {
			w := strings.ToLower(strings.ReplaceAll(uniq(), " ", ""))
			must(st.AddBannedWord(ctx, w))
			return w
		}
		blocked := func() string {
			r := "r-" + domain.Slugify(uniq())
			must(st.AddBlock(ctx, store.Block{Kind: store.BlockReader, Value: r, Action: store.BlockRefuse}))
			return r
		}

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
			// live reports (issue 14): on an editor's article, so writers may not post
			{"open a live report", perm(auth.PermArticleEditAny), page("/redaksi/artikel/" + id(art) + "/langsung"),
				api("GET", "/articles/"+id(art)+"/live", nil)},
			{"start a live report", perm(auth.PermLive), form("/redaksi/artikel/"+id(art)+"/langsung/mulai", values()),
				api("POST", "/articles/"+id(art)+"/live", nil)},
			{"add a live update", func(r domain.Role) bool {
				return auth.Can(r, auth.PermLiveUpdates) && auth.Can(r, auth.PermArticleEditAny)
			},
				form("/redaksi/artikel/"+id(art)+"/langsung/pembaruan", values("body", "Pembaruan dari lokasi")),
				api("POST", "/articles/"+id(art)+"/live/updates", body(map[string]string{"body": "Pembaruan dari lokasi"}))},

			// Articles (writers act on their own only: these are an editor's).
			{"dashboard", perm(auth.PermStats), page("/redaksi/"), api("GET", "/stats", nil)},
			{"list articles", perm(auth.PermArticleCreate), page("/redaksi/artikel"), api("GET", "/articles", nil)},
			{"write an article", perm(auth.PermArticleCreate),
				form("/redaksi/artikel/baru", func() url.Values {
					return url.Values{"title": {uniq()}, "category": {"nasional"}, "body": {"Isi."}, "action": {"save"}}
				}),
				api("POST", "/articles", func() any { return map[string]any{"title": uniq(), "category": "nasional"} })},
			{"open someone's article", perm(auth.PermArticleEditAny), page("/redaksi/artikel/" + id(art)), api("GET", "/articles/"+id(art), nil)},
			{"save someone's article", perm(auth.PermArticleEditAny),
				uiFresh(func() string { return id(newArticle("draft")) }, formAt("/redaksi/artikel/{}", "title", "Judul Baru {}", "category", "nasional", "body", "Isi baru.", "action", "save")),
				apiFresh("PATCH", func() string { return id(newArticle("draft")) }, at("/articles/{}"), jsonOf(map[string]any{"title": "Judul Baru {}"}))},
			{"delete someone's article", perm(auth.PermArticleDelete),
				uiFresh(func() string { return id(newArticle("draft")) }, formAt("/redaksi/artikel/{}/hapus")),
				apiFresh("DELETE", func() string { return id(newArticle("draft")) }, at("/articles/{}"), nil)},
			{"add a correction note", perm(auth.PermArticleNotes),
				form("/redaksi/artikel/"+id(art)+"/catatan", values("kind", "correction", "note", "Ralat: nama desa.")),
				api("POST", "/articles/"+id(art)+"/notes", body(map[string]string{"kind": "correction", "body": "Ralat: nama desa."}))},
			{"list notes", perm(auth.PermArticleEditAny), page("/redaksi/artikel/" + id(art)), api("GET", "/articles/"+id(art)+"/notes", nil)},
			{"revisions", perm(auth.PermArticleEditAny), page("/redaksi/artikel/" + id(art) + "/revisi"), api("GET", "/articles/"+id(art)+"/revisions", nil)},
			{"restore a revision", perm(auth.PermArticleEditAny),
				uiFresh(articleRev, func(x string) url.Values {
					a, rev := halves(x)
					return url.Values{"_path": {"/redaksi/artikel/" + a + "/revisi/" + rev + "/pulihkan"}}
				}),
				apiFresh("POST", articleRev, func(x string) string {
					a, rev := halves(x)
					return "/articles/" + a + "/revisions/" + rev + "/restore"
				}, nil)},
			{"article numbers", perm(auth.PermArticleEditAny), page("/redaksi/artikel/" + id(art) + "/statistik"),
				api("GET", "/articles/"+id(art)+"/stats", nil)},
			{"edit lock", perm(auth.PermArticleEditAny), form("/redaksi/artikel/"+id(art)+"/kunci", values()),
				api("POST", "/articles/"+id(art)+"/lock", nil)},
			{"preview", perm(auth.PermArticleCreate), form("/redaksi/pratinjau", values("body", "**tebal**")),
				api("POST", "/preview", body(map[string]string{"body": "**tebal**"}))},
			{"upload an image", perm(auth.PermUpload), upload, apiUpload},

			// Comments.
			{"delete a comment", perm(auth.PermComments),
				uiFresh(str(newComment), formAt("/redaksi/komentar", "action", "delete:{}")),
				apiFresh("DELETE", str(newComment), at("/comments/{}"), nil)},
			{"block a commenter", perm(auth.PermComments),
				uiFresh(str(newComment), formAt("/redaksi/komentar", "action", "block:{}", "block-{}", "refuse")),
				apiFresh("POST", str(newComment), at("/comments/{}/block"), jsonOf(map[string]any{"action": "refuse"}))},
			{"remove a banned word", perm(auth.PermComments),
				uiFresh(word, formAt("/redaksi/moderasi/hapus-kata", "word", "{}")),
				apiFresh("DELETE", word, at("/banned-words/{}"), nil)},
			{"blocked readers", perm(auth.PermComments), page("/redaksi/moderasi"), api("GET", "/blocked-readers", nil)},
			{"unblock a reader", perm(auth.PermComments),
				uiFresh(blocked, formAt("/redaksi/moderasi/buka-blokir", "kind", "reader", "reader", "{}")),
				apiFresh("DELETE", blocked, at("/blocked-readers/{}?kind=reader"), nil)},
			{"the moderation mode", perm(auth.PermComments), page("/redaksi/moderasi"), api("GET", "/settings/moderation", nil)},

			// Categories, tags, polls.
			{"change a category", perm(auth.PermCategories),
				uiFresh(catID, formAt("/redaksi/kategori/{}", "name", "Ubah {}", "slug", "ubah-{}", "position", "9")),
				apiFresh("PATCH", slugOf(newCategory), at("/categories/{}"), jsonOf(map[string]any{"name": "Ganti {}"}))},
			{"delete a category", perm(auth.PermCategories),
				uiFresh(catID, formAt("/redaksi/kategori/{}/hapus")),
				apiFresh("DELETE", slugOf(newCategory), at("/categories/{}"), nil)},
			{"merge a tag", perm(auth.PermTags),
				uiFresh(tagID, formAt("/redaksi/tag/{}", "into", "Banjir")),
				apiFresh("POST", tagSlug, at("/tags/{}/merge"), same(map[string]string{"into": "Banjir"}))},
			{"edit a poll", perm(auth.PermPolls),
				uiFresh(str(newPoll), formAt("/redaksi/polling/{}", "question", "Setuju {}?", "options", "Ya\nTidak")),
				apiFresh("PATCH", str(newPoll), at("/polls/{}"), jsonOf(map[string]any{"question": "Setuju {}?"}))},
			{"open a poll for votes", perm(auth.PermPolls), form("/redaksi/polling/"+id(poll)+"/buka", values()),
				api("PATCH", "/polls/"+id(poll), body(map[string]bool{"open": true}))},
			{"delete a poll", perm(auth.PermPolls),
				uiFresh(str(newPoll), formAt("/redaksi/polling/{}/hapus")),
				apiFresh("DELETE", str(newPoll), at("/polls/{}"), nil)},

			// Accounts and tokens.
			{"create an account", perm(auth.PermUsers),
				form("/redaksi/pengguna/baru", func() url.Values {
					return url.Values{"email": {domain.Slugify(uniq()) + "@warta.test"}, "name": {"Akun"}, "role": {"writer"}, "password": {nrtest.Password}}
				}),
				api("POST", "/users", func() any {
					return map[string]string{"email": domain.Slugify(uniq()) + "@warta.test", "name": "Akun", "role": "writer", "password": nrtest.Password}
				})},
			{"change an account", perm(auth.PermUsers),
				uiFresh(func() string { return id(newUser().ID) }, formAt("/redaksi/pengguna/ubah", "id", "{}", "role", "editor")),
				apiFresh("PATCH", func() string { return id(newUser().ID) }, at("/users/{}"), same(map[string]string{"role": "editor"}))},
			{"open an account", perm(auth.PermUsers), page("/redaksi/pengguna"), api("GET", "/users/"+id(someone.ID), nil)},
			{"give someone a token", perm(auth.PermUsers),
				form("/redaksi/pengguna/token", values("id", id(someone.ID), "name", "cms")),
				api("POST", "/tokens", body(map[string]any{"user_id": someone.ID, "name": "cms"}))},
			{"revoke someone's token", perm(auth.PermUsers),
				uiFresh(str(newToken), formAt("/redaksi/pengguna/cabut", "id", "{}")),
				apiFresh("DELETE", str(newToken), at("/tokens/{}"), nil)},

			// Webhooks.
			{"register a webhook", perm(auth.PermWebhooks),
				form("/redaksi/webhook", func() url.Values {
					return url.Values{"url": {"https://hooks.contoh.id/" + domain.Slugify(uniq())}, "events": {domain.EventPublished}, "active": {"1"}}
				}),
				api("POST", "/webhooks", func() any { return map[string]any{"url": "https://hooks.contoh.id/" + domain.Slugify(uniq())} })},
			{"open a webhook and its log", perm(auth.PermWebhooks),
				func(t *testing.T, role domain.Role) int {
					return browsers[role].get("/redaksi/webhook/" + id(newWebhook())).code
				},
				apiFresh("GET", str(newWebhook), at("/webhooks/{}"), nil)},
			{"a webhook's delivery log", perm(auth.PermWebhooks),
				func(t *testing.T, role domain.Role) int {
					return browsers[role].get("/redaksi/webhook/" + id(newWebhook()) + "?page=1").code
				},
				apiFresh("GET", str(newWebhook), at("/webhooks/{}/deliveries"), nil)},
			{"change a webhook", perm(auth.PermWebhooks),
				uiFresh(str(newWebhook), formAt("/redaksi/webhook/{}", "url", "https://hooks.contoh.id/baru-{}", "active", "1")),
				apiFresh("PATCH", str(newWebhook), at("/webhooks/{}"), jsonOf(map[string]any{"description": "Ubah {}"}))},
			{"turn a webhook off", perm(auth.PermWebhooks),
				uiFresh(str(newWebhook), formAt("/redaksi/webhook/{}/nonaktifkan")),
				apiFresh("PATCH", str(newWebhook), at("/webhooks/{}"), same(map[string]bool{"active": false}))},
			{"ping a webhook", perm(auth.PermWebhooks),
				uiFresh(str(newWebhook), formAt("/redaksi/webhook/{}/ping")),
				apiFresh("POST", str(newWebhook), at("/webhooks/{}/ping"), nil)},
			{"retry a delivery", perm(auth.PermWebhooks),
				uiFresh(hookDelivery, func(x string) url.Values {
					h, d := halves(x)
					return url.Values{"_path": {"/redaksi/webhook/" + h + "/pengiriman/" + d + "/ulang"}}
				}),
				apiFresh("POST", hookDelivery, func(x string) string {
					h, d := halves(x)
					return "/webhooks/" + h + "/deliveries/" + d + "/retry"
				}, nil)},
			{"delete a webhook", perm(auth.PermWebhooks),
				uiFresh(str(newWebhook), formAt("/redaksi/webhook/{}/hapus")),
				apiFresh("DELETE", str(newWebhook), at("/webhooks/{}"), nil)},

			// Site settings.
			{"save the article slot", perm(auth.PermSiteSettings),
				form("/redaksi/pengaturan", values("article_slot_html", "<p>Iklan</p>")),
				api("PATCH", "/settings", body(map[string]string{"article_slot_html": "<p>Iklan</p>"}))},

			// Correction proposals (issue 12).
			{"list correction proposals", perm(auth.PermArticleCreate), page("/redaksi/ralat"), api("GET", "/proposals", nil)},
			// The article is an editor's: writers propose only for their own.
			{"propose a correction", perm(auth.PermArticleEditAny),
				form("/redaksi/artikel/"+id(art)+"/ralat", func() url.Values { return url.Values{"title": {uniq()}, "reason": {"Salah ketik."}} }),
				api("POST", "/articles/"+id(art)+"/proposals", func() any { return map[string]string{"title": uniq(), "reason": "Salah ketik."} })},
			{"reject a correction proposal", perm(auth.PermArticleNotes),
				func(t *testing.T, role domain.Role) int {
					b := browsers[role]
					return b.post("/redaksi/ralat/"+proposal()+"/tolak", url.Values{"csrf": {b.csrf}, "reason": {"Tidak perlu."}}).code
				},
				func(t *testing.T, role domain.Role) int {
					return e.API(t, role, "POST", "/proposals/"+proposal()+"/reject", map[string]string{"reason": "Tidak perlu."}).Status
				}},
		} {
			for _, role := range domain.Roles {
				ui, api := a.ui(t, role), a.api(t, role)
				uiOK := ui == http.StatusOK || ui == http.StatusCreated || ui == http.StatusSeeOther
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

// jpegPhoto is a small photo-like JPEG to upload.
func jpegPhoto(t *testing.T) []byte {
	img := image.NewRGBA(image.Rect(0, 0, 640, 400))
	for y := range 400 {
		for x := range 640 {
			img.Set(x, y, color.RGBA{uint8(x / 3), uint8(y / 2), uint8((x + y) / 5), 255})
		}
	}
	var b bytes.Buffer
	if err := jpeg.Encode(&b, img, nil); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// The adapters only parse, call and render: no role check and no store of
// their own (both would make a second door with its own lock). Showing or
// hiding a button by role (auth.Can) is fine; refusing is the service's.
func TestAdaptersCheckNoRolesAndHoldNoStore(t *testing.T) {
	for _, dir := range []string{".", "../adminapi"} {
		files, err := filepath.Glob(filepath.Join(dir, "*.go"))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			if strings.HasSuffix(f, "_test.go") {
				continue
			}
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			for i, line := range strings.Split(string(b), "\n") {
				for _, bad := range []string{"auth.Require(", "*store.Store", ".Store()"} {
					if strings.Contains(line, bad) {
						t.Errorf("%s:%d: %s in an adapter; make it an editorial method that checks the role: %s", f, i+1, bad, strings.TrimSpace(line))
					}
				}
			}
		}
	}
}
