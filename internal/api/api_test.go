package api_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"net/http/cookiejar"
	"os"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"warta/internal/app"
	"warta/internal/domain"
	"warta/internal/site"
	"warta/internal/store"
	"warta/internal/testdb"
)

var jakarta = func() *time.Location {
	loc, err := time.LoadLocation("Asia/Jakarta")
	if err != nil {
		panic(err)
	}
	return loc
}()

type env struct {
	st   *store.Store
	srv  struct{ URL string }
	ids  map[string]int64
	once sync.Once
	http *http.Client
}

// newEnv starts a real server over st with two categories, two authors and
// five published articles on known days (plus a draft), and a poll.
func newEnv(t *testing.T, st *store.Store) *env {
	t.Helper()
	ctx := context.Background()
	e := &env{st: st, ids: map[string]int64{}}
	nas, err := st.CreateCategory(ctx, domain.Category{Name: "Nasional", Position: 1})
	if err != nil {
		t.Fatal(err)
	}
	tek, err := st.CreateCategory(ctx, domain.Category{Name: "Teknologi", Position: 2})
	if err != nil {
		t.Fatal(err)
	}
	budi, err := st.CreateAuthor(ctx, domain.Author{Name: "Budi Santoso", Bio: "Desk nasional."})
	if err != nil {
		t.Fatal(err)
	}
	sari, err := st.CreateAuthor(ctx, domain.Author{Name: "Sari Dewi"})
	if err != nil {
		t.Fatal(err)
	}
	day := func(d, h int) time.Time { return time.Date(2024, 6, d, h, 0, 0, 0, jakarta) }
	for _, a := range []struct {
		key   string
		in    store.ArticleInput
		views int64
	}{
		{"a", store.ArticleInput{Title: "Satu Nasional", CategoryID: nas, Tags: []string{"Pemilu"}, AuthorIDs: []int64{budi}, PublishedAt: day(18, 8)}, 10},
		{"b", store.ArticleInput{Title: "Dua Nasional", CategoryID: nas, Tags: []string{"Pemilu", "HOT"}, AuthorIDs: []int64{budi, sari}, PublishedAt: day(19, 23)}, 500},
		{"c", store.ArticleInput{Title: "Tiga Teknologi", CategoryID: tek, Tags: []string{"Startup"}, AuthorIDs: []int64{sari}, PublishedAt: day(20, 0)}, 50},
		{"d", store.ArticleInput{Title: "Empat Teknologi", CategoryID: tek, AuthorIDs: []int64{sari}, PublishedAt: day(20, 23)}, 5},
		{"e", store.ArticleInput{Title: "Lima Nasional", CategoryID: nas, AuthorIDs: []int64{budi}, PublishedAt: day(21, 12)}, 100},
	} {
		a.in.Status = domain.StatusPublished
		a.in.Excerpt = "Ringkasan " + a.in.Title
		id, err := st.CreateArticle(ctx, a.in)
		if err != nil {
			t.Fatal(err)
		}
		if err := st.SetCounters(ctx, id, a.views, 0, 0); err != nil {
			t.Fatal(err)
		}
		e.ids[a.key] = id
	}
	if _, err := st.CreateArticle(ctx, store.ArticleInput{Title: "Draf", CategoryID: tek, Status: domain.StatusDraft}); err != nil {
		t.Fatal(err)
	}
	poll, err := st.CreatePoll(ctx, store.PollInput{Question: "Setuju?", Options: []string{"Ya", "Tidak"}})
	if err != nil {
		t.Fatal(err)
	}
	e.ids["poll"] = poll
	a, err := app.New(ctx, st, app.Config{Site: site.Config{Name: "Tampang", Tagline: "Berita", BaseURL: "http://warta.test",
		Location: jakarta}, MediaDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	e.srv.URL = "http://" + ln.Addr().String()
	stop := a.Start(ln)
	t.Cleanup(func() {
		if err := stop(); err != nil {
			t.Errorf("stop: %v", err)
		}
	})
	return e
}

func (e *env) do(t *testing.T, method, path string, hdr map[string]string, body string) (*http.Response, []byte) {
	t.Helper()
	resp, b := e.doOnce(t, method, path, hdr, body)
	if resp.StatusCode == 400 && bytes.Contains(b, []byte(`"cookie_required"`)) {
		// Reactions and votes need the reader cookie, which came with this
		// answer: a client with a cookie jar sends the request once more.
		return e.doOnce(t, method, path, hdr, body)
	}
	return resp, b
}

func (e *env) doOnce(t *testing.T, method, path string, hdr map[string]string, body string) (*http.Response, []byte) {
	t.Helper()
	var rd io.Reader
	if body != "" {
		rd = strings.NewReader(body)
	}
	req, err := http.NewRequest(method, e.srv.URL+path, rd)
	if err != nil {
		t.Fatal(err)
	}
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	for k, v := range hdr {
		req.Header.Set(k, v)
	}
	resp, err := e.client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, b
}

// client keeps cookies, as a browser or an app does.
func (e *env) client() *http.Client {
	e.once.Do(func() {
		jar, _ := cookiejar.New(nil)
		e.http = &http.Client{Jar: jar}
	})
	return e.http
}

type list struct {
	Data []struct {
		ID    int64  `json:"id"`
		Title string `json:"title"`
	} `json:"data"`
	Pagination struct {
		Page, Limit, Total int
		TotalPages         int    `json:"total_pages"`
		NextCursor         string `json:"next_cursor"`
	} `json:"pagination"`
}

func (e *env) list(t *testing.T, path string) list {
	t.Helper()
	resp, body := e.do(t, "GET", path, nil, "")
	if resp.StatusCode != 200 {
		t.Fatalf("%s: %d %s", path, resp.StatusCode, body)
	}
	var l list
	if err := json.Unmarshal(body, &l); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return l
}

func titles(l list) string {
	var out []string
	for _, d := range l.Data {
		out = append(out, strings.Fields(d.Title)[0])
	}
	return strings.Join(out, " ")
}

func TestArticleFiltersSortAndPages(t *testing.T) {
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		e := newEnv(t, st)
		for _, tc := range []struct {
			path, want string
			total      int
		}{
			{"/api/v1/articles", "Lima Empat Tiga Dua Satu", 5},
			{"/api/v1/articles?sort=oldest", "Satu Dua Tiga Empat Lima", 5},
			{"/api/v1/articles?sort=popular", "Dua Lima Tiga Satu Empat", 5},
			{"/api/v1/articles?category=teknologi", "Empat Tiga", 2},
			{"/api/v1/articles?tag=pemilu&author=sari-dewi", "Dua", 1},
			{"/api/v1/articles?author=budi-santoso&sort=oldest", "Satu Dua Lima", 3},
			// Days are whole days in the site zone (WIB).
			{"/api/v1/articles?from=2024-06-20&to=2024-06-20", "Empat Tiga", 2},
			{"/api/v1/articles?from=2024-06-19T23:00:00%2B07:00&to=2024-06-20T00:00:00%2B07:00", "Tiga Dua", 2},
			{"/api/v1/articles?from=2024-06-19T16:00:00Z&to=2024-06-19T17:00:00Z", "Tiga Dua", 2},
			{"/api/v1/articles?to=2024-06-18", "Satu", 1},
			{"/api/v1/articles?from=2030-01-01", "", 0},
			{"/api/v1/articles?category=tidak-ada", "", 0},
			{"/api/v1/articles?limit=2&page=2", "Tiga Dua", 5},
			{"/api/v1/articles?limit=2&page=3", "Satu", 5},
			{"/api/v1/articles?limit=2&page=4", "", 5}, // past the end: empty, totals right
			{"/api/v1/articles?limit=2&page=99999", "", 5},
		} {
			l := e.list(t, tc.path)
			if got := titles(l); got != tc.want || l.Pagination.Total != tc.total {
				t.Errorf("%s: %q (total %d), want %q (total %d)", tc.path, got, l.Pagination.Total, tc.want, tc.total)
			}
			if l.Data == nil {
				t.Errorf("%s: data is null, want a list", tc.path)
			}
		}
		l := e.list(t, "/api/v1/articles?limit=2&page=4")
		if l.Pagination.Page != 4 || l.Pagination.Limit != 2 || l.Pagination.TotalPages != 3 {
			t.Errorf("pagination past the end = %+v", l.Pagination)
		}
	})
}

func TestArticleFieldsSelection(t *testing.T) {
	e := newEnv(t, testdb.SQLite(t))
	_, body := e.do(t, "GET", "/api/v1/articles?limit=1&fields=url,id,title", nil, "")
	want := `{"data":[{"url":"http://warta.test/berita/lima-nasional","id":` + strconv.FormatInt(e.ids["e"], 10) +
		`,"title":"Lima Nasional"}],"pagination":{"page":1,"limit":1,"total":5,"total_pages":5,` // then next_cursor
	if !strings.HasPrefix(strings.TrimSpace(string(body)), want) {
		t.Errorf("fields: %s\nwant %s", body, want)
	}
	_, body = e.do(t, "GET", "/api/v1/articles/"+strconv.FormatInt(e.ids["b"], 10)+"?fields=title,related,body_html", nil, "")
	var one struct {
		Data map[string]json.RawMessage `json:"data"`
	}
	if err := json.Unmarshal(body, &one); err != nil || len(one.Data) != 3 || one.Data["related"] == nil {
		t.Errorf("detail fields: %s", body)
	}
}

func TestArticleBadInputIsA400WithAMessage(t *testing.T) {
	e := newEnv(t, testdb.SQLite(t))
	id := strconv.FormatInt(e.ids["a"], 10)
	for _, tc := range []struct {
		path, wantMsg string
	}{
		{"/api/v1/articles?kategori=nasional", "kategori"},
		{"/api/v1/articles?limit=5&utm_source=x", "utm_source"},
		{"/api/v1/articles?from=2024-02-30", "from"},
		{"/api/v1/articles?to=2024-13-01", "to"},
		{"/api/v1/articles?from=kemarin", "from"},
		{"/api/v1/articles?from=2024-06-20T25:00:00Z", "from"},
		{"/api/v1/articles?from=2024-06-21&to=2024-06-20", "from"},
		{"/api/v1/articles?sort=random", "sort"},
		{"/api/v1/articles?fields=id,nope", "nope"},
		{"/api/v1/articles?fields=body_html", "body_html"},
		{"/api/v1/articles?fields=,", "fields"},
		{"/api/v1/articles?tag=Bukan%20Slug", "tag"},
		{"/api/v1/articles/" + id + "?fields=nope", "nope"},
		{"/api/v1/articles/" + id + "?x=1", "x"},
		{"/api/v1/categories?page=2", "page"},
		{"/api/v1/tags?limit=0", "limit"},
		{"/api/v1/authors?sort=name", "sort"},
	} {
		resp, body := e.do(t, "GET", tc.path, nil, "")
		var env struct {
			Error struct{ Message, Code string } `json:"error"`
		}
		if resp.StatusCode != 400 || json.Unmarshal(body, &env) != nil || env.Error.Code != "invalid" ||
			!strings.Contains(env.Error.Message, tc.wantMsg) {
			t.Errorf("%s: %d %s, want 400 naming %q", tc.path, resp.StatusCode, body, tc.wantMsg)
		}
	}
}

func TestTaxonomyEndpoints(t *testing.T) {
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		e := newEnv(t, st)
		_, body := e.do(t, "GET", "/api/v1/categories", nil, "")
		var cats struct {
			Data []struct {
				Slug         string
				URL          string
				ArticleCount int `json:"article_count"`
				Feeds        struct{ RSS, Atom string }
			}
		}
		json.Unmarshal(body, &cats)
		if len(cats.Data) != 2 || cats.Data[0].Slug != "nasional" || cats.Data[0].ArticleCount != 3 || cats.Data[1].ArticleCount != 2 ||
			cats.Data[0].Feeds.RSS != "http://warta.test/kanal/nasional/rss.xml" {
			t.Errorf("categories: %s", body)
		}
		_, body = e.do(t, "GET", "/api/v1/categories/teknologi", nil, "")
		if !strings.Contains(string(body), `"article_count":2`) {
			t.Errorf("category: %s", body)
		}
		l := e.list(t, "/api/v1/tags?limit=2")
		if l.Pagination.Total != 3 || len(l.Data) != 2 { // HOT, Pemilu, Startup
			t.Errorf("tags: %+v", l)
		}
		_, body = e.do(t, "GET", "/api/v1/tags/pemilu", nil, "")
		if !strings.Contains(string(body), `"article_count":2`) || !strings.Contains(string(body), `"atom":"http://warta.test/tag/pemilu/atom.xml"`) {
			t.Errorf("tag: %s", body)
		}
		_, body = e.do(t, "GET", "/api/v1/authors", nil, "")
		if !strings.Contains(string(body), `"slug":"budi-santoso"`) || !strings.Contains(string(body), `"total":2`) {
			t.Errorf("authors: %s", body)
		}
		_, body = e.do(t, "GET", "/api/v1/authors/sari-dewi", nil, "")
		if !strings.Contains(string(body), `"article_count":3`) {
			t.Errorf("author: %s", body)
		}
		for _, p := range []string{"/api/v1/categories/tidak-ada", "/api/v1/tags/tidak-ada", "/api/v1/authors/tidak-ada"} {
			if resp, _ := e.do(t, "GET", p, nil, ""); resp.StatusCode != 404 {
				t.Errorf("%s: %d", p, resp.StatusCode)
			}
		}
	})
}

func TestCORSForReadsOnly(t *testing.T) {
	e := newEnv(t, testdb.SQLite(t))
	resp, _ := e.do(t, "GET", "/api/v1/articles", map[string]string{"Origin": "https://lain.example"}, "")
	if resp.Header.Get("Access-Control-Allow-Origin") != "*" || !strings.Contains(resp.Header.Get("Access-Control-Expose-Headers"), "ETag") {
		t.Errorf("GET: %v", resp.Header)
	}
	// An error answer is readable too, so a client can show the message.
	if resp, _ := e.do(t, "GET", "/api/v1/articles?sort=x", nil, ""); resp.Header.Get("Access-Control-Allow-Origin") != "*" {
		t.Error("400 answer without CORS")
	}
	resp, _ = e.do(t, "OPTIONS", "/api/v1/articles", map[string]string{"Origin": "https://lain.example",
		"Access-Control-Request-Method": "GET", "Access-Control-Request-Headers": "if-none-match"}, "")
	if resp.StatusCode != 204 || resp.Header.Get("Access-Control-Allow-Origin") != "*" ||
		!strings.Contains(resp.Header.Get("Access-Control-Allow-Methods"), "GET") ||
		!strings.Contains(strings.ToLower(resp.Header.Get("Access-Control-Allow-Headers")), "if-none-match") {
		t.Errorf("preflight GET: %d %v", resp.StatusCode, resp.Header)
	}
	resp, _ = e.do(t, "OPTIONS", "/api/v1/articles/1/comments", map[string]string{"Origin": "https://lain.example",
		"Access-Control-Request-Method": "POST"}, "")
	if resp.Header.Get("Access-Control-Allow-Origin") != "" || resp.Header.Get("Access-Control-Allow-Methods") != "" {
		t.Errorf("preflight for a write allowed: %v", resp.Header)
	}
	for _, p := range []string{"/", "/rss.xml", "/api/v1/admin/articles"} {
		if resp, _ := e.do(t, "GET", p, map[string]string{"Origin": "https://lain.example"}, ""); resp.Header.Get("Access-Control-Allow-Origin") != "" {
			t.Errorf("%s has CORS", p)
		}
	}
}

// TestOpenAPIDocumentMatchesTheServer walks every path and method of
// /api/v1/openapi.json against the server: each answers with a documented
// status and a body with the documented top-level shape; documented 400s
// and 404s happen; and every public route in routes.go is documented.
func TestOpenAPIDocumentMatchesTheServer(t *testing.T) {
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		e := newEnv(t, st)
		resp, raw := e.do(t, "GET", "/api/v1/openapi.json", nil, "")
		if resp.StatusCode != 200 {
			t.Fatalf("openapi.json: %d", resp.StatusCode)
		}
		var doc struct {
			OpenAPI string `json:"openapi"`
			Servers []struct{ URL string }
			Paths   map[string]map[string]struct {
				Parameters []struct {
					Name, In string
				}
				RequestBody *json.RawMessage          `json:"requestBody"`
				Responses   map[string]map[string]any `json:"responses"`
			}
			Components struct {
				Schemas map[string]map[string]any
			}
		}
		if err := json.Unmarshal(raw, &doc); err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(doc.OpenAPI, "3.") || len(doc.Servers) != 1 || doc.Servers[0].URL != "http://warta.test/api/v1" {
			t.Fatalf("document head: %s %+v", doc.OpenAPI, doc.Servers)
		}
		// required returns the top-level keys a response schema demands.
		var required func(schema map[string]any) []string
		required = func(schema map[string]any) []string {
			if r, ok := schema["$ref"].(string); ok {
				return required(doc.Components.Schemas[strings.TrimPrefix(r, "#/components/schemas/")])
			}
			var out []string
			for _, k := range schema["required"].([]any) {
				out = append(out, k.(string))
			}
			return out
		}
		schemaOf := func(resp map[string]any) map[string]any {
			return resp["content"].(map[string]any)["application/json"].(map[string]any)["schema"].(map[string]any)
		}
		check := func(label string, code int, body []byte, responses map[string]map[string]any) {
			t.Helper()
			spec, ok := responses[strconv.Itoa(code)]
			if !ok {
				t.Errorf("%s: status %d is not documented (%s)", label, code, body)
				return
			}
			var got map[string]json.RawMessage
			if err := json.Unmarshal(body, &got); err != nil {
				t.Errorf("%s: body is not a JSON object: %s", label, body)
				return
			}
			for _, k := range required(schemaOf(spec)) {
				if _, ok := got[k]; !ok {
					t.Errorf("%s: %d answer lacks documented %q: %s", label, code, k, body)
				}
			}
		}
		values := map[string]string{}
		fill := func(path string, missing bool) string {
			r := path
			for _, p := range []string{"{id}", "{slug}", "{comment}"} {
				v := values[path+p]
				if missing {
					v = map[string]string{"{id}": "999999", "{slug}": "tidak-ada", "{comment}": "999999"}[p]
				}
				r = strings.ReplaceAll(r, p, v)
			}
			return "/api/v1" + r
		}
		art := strconv.FormatInt(e.ids["b"], 10)
		for _, p := range []string{"/articles/{id}", "/articles/{id}/views", "/articles/{id}/reactions", "/articles/{id}/comments"} {
			values[p+"{id}"] = art
		}
		root, err := st.AddComment(context.Background(), domain.Comment{ArticleID: e.ids["b"], Name: "Ani",
			Body: "Komentar pertama.", Status: domain.CommentApproved})
		if err != nil {
			t.Fatal(err)
		}
		values["/articles/{id}/comments/{comment}/replies{id}"] = art
		values["/articles/{id}/comments/{comment}/replies{comment}"] = strconv.FormatInt(root.ID, 10)
		for _, p := range []string{"/polls/{id}", "/polls/{id}/votes"} {
			values[p+"{id}"] = strconv.FormatInt(e.ids["poll"], 10)
		}
		values["/categories/{slug}{slug}"] = "nasional"
		values["/tags/{slug}{slug}"] = "pemilu"
		values["/authors/{slug}{slug}"] = "budi-santoso"
		goodBodies := map[string]string{
			"/articles/{id}/reactions": `{"reaction":"like"}`,
			"/articles/{id}/comments":  `{"name":"Ani","email":"ani@example.com","text":"Tulisan yang bagus sekali, terima kasih."}`,
			"/polls/{id}/votes":        `{"option_id":0}`,
		}
		goodQuery := map[string]string{"/search": "?q=nasional"}
		documented := map[string]bool{}
		for path, ops := range doc.Paths {
			for method, op := range ops {
				documented[strings.ToUpper(method)+" /api/v1"+path] = true
				label := strings.ToUpper(method) + " " + path
				body := ""
				if op.RequestBody != nil {
					body = goodBodies[path]
				}
				if method == "post" && path == "/polls/{id}/votes" {
					p, err := st.Poll(context.Background(), e.ids["poll"])
					if err != nil {
						t.Fatal(err)
					}
					body = `{"option_id":` + strconv.FormatInt(p.Options[0].ID, 10) + `}`
				}
				resp, b := e.do(t, strings.ToUpper(method), fill(path, false)+goodQuery[path], nil, body)
				if resp.StatusCode >= 300 {
					t.Errorf("%s: %d %s, want success", label, resp.StatusCode, b)
				}
				check(label, resp.StatusCode, b, op.Responses)
				if !strings.HasPrefix(resp.Header.Get("Content-Type"), "application/json") {
					t.Errorf("%s: Content-Type %q", label, resp.Header.Get("Content-Type"))
				}
				if _, ok := op.Responses["404"]; ok && strings.Contains(path, "{") {
					resp, b := e.do(t, strings.ToUpper(method), fill(path, true), nil, body)
					if resp.StatusCode != 404 {
						t.Errorf("%s on a missing resource: %d, want 404", label, resp.StatusCode)
					}
					check(label+" (missing)", resp.StatusCode, b, op.Responses)
				}
				if _, ok := op.Responses["400"]; ok {
					bad, badBody := fill(path, false), body
					switch {
					case method == "get" && slices.ContainsFunc(op.Parameters, func(p struct{ Name, In string }) bool { return p.Name == "limit" }):
						bad += "?limit=0&q=nasional"
					case method == "get":
						bad += "?unknown=1"
					default:
						badBody = `{"not json`
					}
					resp, b := e.do(t, strings.ToUpper(method), bad, nil, badBody)
					if resp.StatusCode != 400 {
						t.Errorf("%s with bad input: %d, want 400 (%s)", label, resp.StatusCode, b)
					}
					check(label+" (bad input)", resp.StatusCode, b, op.Responses)
				}
			}
		}
		// Every public route the API registers is in the document.
		src, err := os.ReadFile("routes.go")
		if err != nil {
			t.Fatal(err)
		}
		var missing []string
		for _, m := range regexp.MustCompile(`"((?:GET|POST|PUT|PATCH|DELETE) /api/v1/[^"]*)"`).FindAllStringSubmatch(string(src), -1) {
			if strings.Contains(m[1], "/api/v1/admin") {
				continue
			}
			if !documented[m[1]] {
				missing = append(missing, m[1])
			}
		}
		sort.Strings(missing)
		if len(missing) > 0 {
			t.Errorf("routes not in openapi.json: %v", missing)
		}
		if len(documented) < 10 {
			t.Errorf("only %d operations documented", len(documented))
		}
	})
}
