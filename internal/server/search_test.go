package server_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"warta/internal/discovery"
	"warta/internal/domain"
	"warta/internal/store"
	"warta/internal/testdb"
)

type searchJSON struct {
	Data []struct {
		ID          int64  `json:"id"`
		Title       string `json:"title"`
		URL         string `json:"url"`
		TitleHTML   string `json:"title_html"`
		SnippetHTML string `json:"snippet_html"`
		BodyHTML    string `json:"body_html"`
	} `json:"data"`
	Pagination struct {
		Page, Limit, Total int
		TotalPages         int `json:"total_pages"`
	} `json:"pagination"`
	Query struct {
		Q       string   `json:"q"`
		Terms   []string `json:"terms"`
		Partial bool     `json:"partial"`
	} `json:"query"`
	Message string `json:"message"`
	Error   *struct {
		Message, Code string
	} `json:"error"`
}

func decodeSearch(t *testing.T, body string) searchJSON {
	t.Helper()
	var s searchJSON
	if err := json.Unmarshal([]byte(body), &s); err != nil {
		t.Fatalf("not JSON: %v: %.200s", err, body)
	}
	return s
}

func TestSearchPage(t *testing.T) {
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		e := newEnv(t, st)
		code, h, body := e.get(t, "/cari?q=bertahan")
		if code != 200 || !strings.HasPrefix(h.Get("Content-Type"), "text/html") {
			t.Fatalf("status %d", code)
		}
		for _, want := range []string{
			`<mark>Pertahanan</mark>`, // "bertahan" and "pertahanan" share the stem "tahan"
			"DPR Bahas Anggaran", "2 berita cocok dengan “bertahan”",
			`<label for="cari-q">Kata kunci</label>`, `value="bertahan"`,
			`<meta name="robots" content="noindex">`,
		} {
			if !strings.Contains(body, want) {
				t.Errorf("/cari?q=bertahan lacks %q", want)
			}
		}
		if strings.Contains(body, "Startup Lokal") {
			t.Error("an unrelated article matched")
		}
		// The header of every page has a labelled search form.
		_, _, home := e.get(t, "/")
		if !strings.Contains(home, `action="/cari"`) || !strings.Contains(home, `<label class="sr-only" for="q">Cari berita</label>`) {
			t.Error("home page lacks the search form")
		}

		// Unpublished: gone from the results at once.
		if err := st.SetArticleStatus(context.Background(), e.ids["sametag"], domain.StatusUnpublished, time.Time{}); err != nil {
			t.Fatal(err)
		}
		if _, _, body := e.get(t, "/cari?q=anggaran"); !strings.Contains(body, "Tidak ada berita yang cocok") {
			t.Error("unpublished article still found")
		}
	})
}

func TestSearchAnyQueryIsSafe(t *testing.T) {
	e := newEnv(t, testdb.SQLite(t))
	for _, tc := range []struct{ q, want string }{
		{"", "Ketik kata kunci"},
		{"   ", "Ketik kata kunci"},
		{"yang dan di", "Kata kunci terlalu umum"},
		{`"`, "Kata kunci terlalu umum"},
		{`*`, "Kata kunci terlalu umum"},
		{`NEAR(`, "Tidak ada berita yang cocok"},
		{`-`, "Kata kunci terlalu umum"},
		{`OR`, "Tidak ada berita yang cocok"},
		{`'`, "Kata kunci terlalu umum"},
		// Quotes make a phrase; no article holds "or" and "1": partial matches.
		{`pertahanan" OR "1"="1`, "Berikut berita yang memuat sebagian kata"},
		{"pertahanan 🇮🇩😀", "2 berita cocok"},
		{strings.Repeat("a", 5000), "Kata kunci terlalu panjang"},
		{strings.Repeat("pertahanan ", 400), "Kata kunci terlalu panjang"},
		{"<script>alert(1)</script>", "Tidak ada berita yang cocok dengan “&lt;script&gt;alert(1)&lt;/script&gt;”"},
	} {
		code, _, body := e.get(t, "/cari?q="+url.QueryEscape(tc.q))
		if code != 200 {
			t.Errorf("%.30q: status %d, want 200", tc.q, code)
		}
		if !strings.Contains(body, tc.want) {
			t.Errorf("%.30q: page lacks %q", tc.q, tc.want)
		}
		if strings.Contains(body, "<script>") {
			t.Errorf("%.30q: user text rendered unescaped", tc.q)
		}
	}
	// NUL and bytes that are not UTF-8 are refused at the edge (issue 16, M6).
	for _, path := range []string{"/cari?q=x&sort=populer", "/cari?q=x&page=abc", "/cari?q=%00pertahanan%00", "/cari?q=%FF%FE"} {
		if code, _, body := e.get(t, path); code != 400 || !strings.Contains(body, "tidak") {
			t.Errorf("%s: status %d, want 400 with a message", path, code)
		}
	}
}

func TestSearchPagination(t *testing.T) {
	st := testdb.SQLite(t)
	e := newEnv(t, st)
	cat, err := st.CategoryBySlug(context.Background(), "nasional")
	if err != nil {
		t.Fatal(err)
	}
	for i := range 12 {
		if _, err := st.CreateArticle(context.Background(), store.ArticleInput{Title: fmt.Sprintf("Gempa Susulan Ke-%d Guncang Palu", i+1),
			CategoryID: cat.ID, Status: domain.StatusPublished, PublishedAt: time.Now().Add(-time.Duration(i+1) * time.Hour)}); err != nil {
			t.Fatal(err)
		}
	}
	_, _, body := e.get(t, "/cari?q=gempa&sort=newest")
	if !strings.Contains(body, "12 berita cocok") || !strings.Contains(body, `href="/cari?page=2&amp;q=gempa&amp;sort=newest"`) {
		t.Errorf("page 1 lacks the count or the next link")
	}
	if n := strings.Count(body, "<mark>Gempa</mark>"); n != 10 {
		t.Errorf("page 1 shows %d results, want 10", n)
	}
	if strings.Index(body, "Ke-1 ") > strings.Index(body, "Ke-2 ") {
		t.Error("newest first: Ke-1 should come before Ke-2")
	}
	_, _, body = e.get(t, "/cari?q=gempa&sort=newest&page=2")
	if n := strings.Count(body, "<mark>Gempa</mark>"); n != 2 || !strings.Contains(body, `rel="prev"`) {
		t.Errorf("page 2 shows %d results", n)
	}
	code, _, body := e.get(t, "/cari?q=gempa&page=9")
	if code != 200 || !strings.Contains(body, "Halaman 9 kosong") {
		t.Errorf("page past the end: %d", code)
	}
}

func TestSearchAPI(t *testing.T) {
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		e := newEnv(t, st)
		code, h, body := e.get(t, "/api/v1/search?q=khawatir+bertahan")
		res := decodeSearch(t, body)
		if code != 200 || !strings.HasPrefix(h.Get("Content-Type"), "application/json") {
			t.Fatalf("status %d", code)
		}
		// No article has both: the articles with either come back, and the
		// answer says so.
		if len(res.Data) == 0 || !res.Query.Partial || res.Message == "" || strings.Join(res.Query.Terms, " ") != "khawatir tahan" {
			t.Errorf("two terms, no article has both: %+v", res)
		}
		_, _, body = e.get(t, "/api/v1/search?q=bertahan&limit=1&page=2&sort=newest")
		res = decodeSearch(t, body)
		if res.Pagination.Total != 2 || res.Pagination.TotalPages != 2 || len(res.Data) != 1 || res.Data[0].ID != e.ids["sametag"] {
			t.Errorf("page 2 of 2 = %+v", res)
		}
		if res.Data[0].TitleHTML != "DPR Bahas Anggaran <mark>Pertahanan</mark>" || res.Data[0].BodyHTML != "" ||
			res.Data[0].URL != "http://warta.test/berita/dpr-bahas-anggaran-pertahanan" {
			t.Errorf("hit = %+v", res.Data[0])
		}
		_, _, body = e.get(t, "/api/v1/search?q=pertahanan%22%3E%3C%2F")
		if res := decodeSearch(t, body); len(res.Data) != 2 || res.Query.Q != `pertahanan"></` || strings.Contains(body, `"></`) {
			t.Errorf("markup in the query: %+v", res)
		}
		for _, tc := range []struct {
			path string
			code int
		}{
			{"/api/v1/search?q=%22", 200}, {"/api/v1/search?q=NEAR(", 200}, {"/api/v1/search?q=%00", 400},
			{"/api/v1/search?q=%F0%9F%98%80", 200}, {"/api/v1/search?q=%27", 200}, {"/api/v1/search?q=-", 200},
			{"/api/v1/search?q=" + strings.Repeat("a", 5000), 400},
			{"/api/v1/search?q=", 400}, {"/api/v1/search", 400},
			{"/api/v1/search?q=x&sort=popular", 400}, {"/api/v1/search?q=x&limit=0", 400},
			{"/api/v1/search?q=x&kanal=nasional", 400}, {"/api/v1/search?q=x&category=Bukan+Slug", 400},
			{"/api/v1/search?q=x&from=kemarin", 400}, {"/api/v1/search?q=x&from=2026-03-10&to=2026-03-01", 400},
		} {
			code, _, body := e.get(t, tc.path)
			res := decodeSearch(t, body)
			if code != tc.code {
				t.Errorf("%.60s: status %d, want %d", tc.path, code, tc.code)
			}
			if code == 400 && (res.Error == nil || res.Error.Message == "") {
				t.Errorf("%.60s: 400 without a message: %s", tc.path, body)
			}
		}
	})
}

// TestRelatedInAPIMatchesPage: after the lists are computed, the API lists
// related news in the order the article page shows them.
func TestRelatedInAPIMatchesPage(t *testing.T) {
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		e := newEnv(t, st)
		if err := discovery.RebuildRelated(context.Background(), st); err != nil {
			t.Fatal(err)
		}
		_, _, page := e.get(t, "/berita/pemerintah-umumkan-kebijakan-pertahanan-baru")
		sec := page[strings.Index(page, `id="terkait"`):]
		sec = sec[:strings.Index(sec, "</section>")]
		var onPage []string
		for _, m := range regexp.MustCompile(`<a href="(/berita/[^"]+)">`).FindAllStringSubmatch(sec, -1) {
			onPage = append(onPage, "http://warta.test"+m[1])
		}
		_, _, body := e.get(t, fmt.Sprintf("/api/v1/articles/%d", e.ids["main"]))
		var got struct {
			Data struct {
				Hot     bool `json:"hot"`
				Related []struct {
					ID    int64  `json:"id"`
					Title string `json:"title"`
					URL   string `json:"url"`
				} `json:"related"`
			} `json:"data"`
		}
		if err := json.Unmarshal([]byte(body), &got); err != nil {
			t.Fatal(err)
		}
		var inAPI []string
		for _, r := range got.Data.Related {
			inAPI = append(inAPI, r.URL)
		}
		if strings.Join(inAPI, " ") != strings.Join(onPage, " ") || len(inAPI) == 0 {
			t.Errorf("API related %v, page %v", inAPI, onPage)
		}
		if got.Data.Related[0].ID != e.ids["sametag"] {
			t.Errorf("first related = %+v, want the article sharing the tag", got.Data.Related[0])
		}
	})
}
