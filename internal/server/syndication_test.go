package server_test

import (
	"context"
	"encoding/json"
	"html"
	"io"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"warta/internal/domain"
	"warta/internal/store"
	"warta/internal/testdb"
)

func (e *env) do(t *testing.T, method, path string, hdr map[string]string) (*http.Response, string) {
	t.Helper()
	req, err := http.NewRequest(method, e.srv.URL+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range hdr {
		req.Header.Set(k, v)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, string(b)
}

var metaRe = regexp.MustCompile(`<meta (?:property|name)="([^"]+)" content="([^"]*)">`)

// metas returns the page's <meta property|name> tags; a repeated one keeps
// every value.
func metas(body string) map[string][]string {
	m := map[string][]string{}
	for _, x := range metaRe.FindAllStringSubmatch(body, -1) {
		m[x[1]] = append(m[x[1]], html.UnescapeString(x[2]))
	}
	return m
}

func TestEveryPageHasCanonicalOpenGraphTwitterAndFeedLinks(t *testing.T) {
	e := newEnv(t, testdb.SQLite(t))
	for _, tc := range []struct {
		path, canonical, ogType string
		feed                    string // the page's own feed, besides the site's
	}{
		{"/", "http://warta.test/", "website", ""},
		{"/berita/pemerintah-umumkan-kebijakan-pertahanan-baru", "http://warta.test/berita/pemerintah-umumkan-kebijakan-pertahanan-baru", "article", ""},
		{"/kanal/nasional", "http://warta.test/kanal/nasional", "website", "/kanal/nasional"},
		{"/kanal/nasional?page=1", "http://warta.test/kanal/nasional", "website", "/kanal/nasional"},
		{"/tag/pertahanan", "http://warta.test/tag/pertahanan", "website", "/tag/pertahanan"},
		{"/penulis/budi-santoso", "http://warta.test/penulis/budi-santoso", "website", ""},
		{"/tidak/ada", "", "website", ""},
	} {
		_, body := e.do(t, "GET", tc.path, nil)
		m := metas(body)
		if tc.canonical != "" {
			if !strings.Contains(body, `<link rel="canonical" href="`+tc.canonical+`">`) {
				t.Errorf("%s: no canonical link to %s", tc.path, tc.canonical)
			}
			if got := m["og:url"]; len(got) != 1 || got[0] != tc.canonical {
				t.Errorf("%s: og:url = %q, want %s", tc.path, got, tc.canonical)
			}
		}
		for _, name := range []string{"og:type", "og:title", "og:image", "og:image:alt", "og:site_name", "og:locale",
			"twitter:card", "twitter:title", "twitter:image", "twitter:image:alt"} {
			if len(m[name]) != 1 || m[name][0] == "" {
				t.Errorf("%s: %s = %q, want exactly one non-empty", tc.path, name, m[name])
			}
		}
		if len(m["og:type"]) == 1 && m["og:type"][0] != tc.ogType {
			t.Errorf("%s: og:type %q, want %q", tc.path, m["og:type"][0], tc.ogType)
		}
		if len(m["og:image"]) == 1 && !strings.HasPrefix(m["og:image"][0], "http://warta.test/") {
			t.Errorf("%s: og:image %q is not absolute", tc.path, m["og:image"][0])
		}
		if len(m["twitter:card"]) == 1 && m["twitter:card"][0] != "summary_large_image" {
			t.Errorf("%s: twitter:card %q", tc.path, m["twitter:card"][0])
		}
		for _, feed := range []string{`type="application/rss+xml" title="Tampang (RSS)" href="/rss.xml"`,
			`type="application/atom+xml" title="Tampang (Atom)" href="/atom.xml"`} {
			if !strings.Contains(body, `<link rel="alternate" `+feed+`>`) {
				t.Errorf("%s: no site feed link %s", tc.path, feed)
			}
		}
		if tc.feed != "" && !strings.Contains(body, `href="`+tc.feed+`/rss.xml"`) {
			t.Errorf("%s: no link to its own feed %s/rss.xml", tc.path, tc.feed)
		}
		if tc.feed == "" && strings.Count(body, `rel="alternate"`) != 2 {
			t.Errorf("%s: %d alternate links, want the 2 site feeds", tc.path, strings.Count(body, `rel="alternate"`))
		}
	}
	// The article uses its lead photo; the others the site's PNG card.
	_, body := e.do(t, "GET", "/berita/pemerintah-umumkan-kebijakan-pertahanan-baru", nil)
	m := metas(body)
	if m["og:image"][0] != "http://warta.test/media/foto.jpg" || m["og:image:alt"][0] != "Konferensi pers di Jakarta" ||
		m["og:title"][0] != "Pemerintah Umumkan Kebijakan Pertahanan Baru" || m["article:published_time"][0] != "2024-06-20T18:34:00+07:00" ||
		len(m["article:tag"]) != 2 {
		t.Errorf("article tags: %v", m)
	}
	_, body = e.do(t, "GET", "/", nil)
	img := metas(body)["og:image"][0]
	resp, png := e.do(t, "GET", strings.TrimPrefix(img, "http://warta.test"), nil)
	if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "image/png" || !strings.HasPrefix(png, "\x89PNG") {
		t.Errorf("default card image %s: %d %s", img, resp.StatusCode, resp.Header.Get("Content-Type"))
	}
}

type newsArticle struct {
	Context          string `json:"@context"`
	Type             string `json:"@type"`
	MainEntityOfPage struct {
		ID string `json:"@id"`
	} `json:"mainEntityOfPage"`
	Headline      string   `json:"headline"`
	Image         []string `json:"image"`
	DatePublished string   `json:"datePublished"`
	DateModified  string   `json:"dateModified"`
	Author        []struct {
		Type string `json:"@type"`
		Name string `json:"name"`
		URL  string `json:"url"`
	} `json:"author"`
	Publisher struct {
		Type string `json:"@type"`
		Name string `json:"name"`
		Logo struct {
			Type string `json:"@type"`
			URL  string `json:"url"`
		} `json:"logo"`
	} `json:"publisher"`
}

var ldRe = regexp.MustCompile(`(?s)<script type="application/ld\+json">(.*?)</script>`)

func jsonLD(t *testing.T, body string) newsArticle {
	t.Helper()
	all := ldRe.FindAllStringSubmatch(body, -1)
	if len(all) != 1 {
		t.Fatalf("%d JSON-LD blocks, want 1", len(all))
	}
	var ld newsArticle
	if err := json.Unmarshal([]byte(all[0][1]), &ld); err != nil {
		t.Fatalf("JSON-LD is not JSON: %v\n%s", err, all[0][1])
	}
	return ld
}

func TestArticleCarriesNewsArticleJSONLD(t *testing.T) {
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		e := newEnv(t, st)
		_, body := e.do(t, "GET", "/berita/pemerintah-umumkan-kebijakan-pertahanan-baru", nil)
		ld := jsonLD(t, body)
		if ld.Context != "https://schema.org" || ld.Type != "NewsArticle" || ld.Headline != "Pemerintah Umumkan Kebijakan Pertahanan Baru" ||
			ld.MainEntityOfPage.ID != "http://warta.test/berita/pemerintah-umumkan-kebijakan-pertahanan-baru" {
			t.Errorf("NewsArticle = %+v", ld)
		}
		if ld.DatePublished != "2024-06-20T18:34:00+07:00" || !strings.HasSuffix(ld.DateModified, "+07:00") {
			t.Errorf("dates %q %q, want +07:00 offsets", ld.DatePublished, ld.DateModified)
		}
		if len(ld.Image) != 1 || ld.Image[0] != "http://warta.test/media/foto.jpg" {
			t.Errorf("image %q", ld.Image)
		}
		if len(ld.Author) != 1 || ld.Author[0].Type != "Person" || ld.Author[0].Name != "Budi Santoso" ||
			ld.Author[0].URL != "http://warta.test/penulis/budi-santoso" {
			t.Errorf("author %+v", ld.Author)
		}
		if ld.Publisher.Type != "Organization" || ld.Publisher.Name != "Tampang" || ld.Publisher.Logo.Type != "ImageObject" ||
			!regexp.MustCompile(`^http://warta\.test/static/logo\.[0-9a-f]{10}\.png$`).MatchString(ld.Publisher.Logo.URL) {
			t.Errorf("publisher %+v", ld.Publisher)
		}
		resp, png := e.do(t, "GET", strings.TrimPrefix(ld.Publisher.Logo.URL, "http://warta.test"), nil)
		if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "image/png" || !strings.HasPrefix(png, "\x89PNG") {
			t.Errorf("publisher logo: %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
		}
		// Only articles carry NewsArticle.
		for _, p := range []string{"/", "/kanal/nasional"} {
			if _, body := e.do(t, "GET", p, nil); strings.Contains(body, "application/ld+json") {
				t.Errorf("%s has JSON-LD", p)
			}
		}
	})
}

func TestJSONLDCannotBeBrokenOutOf(t *testing.T) {
	st := testdb.SQLite(t)
	e := newEnv(t, st)
	ctx := context.Background()
	cat, err := st.CategoryBySlug(ctx, "nasional")
	if err != nil {
		t.Fatal(err)
	}
	title := `Awas </script><script>alert("x")</script> & <!-- "kutip" 'tunggal'`
	if _, err := st.CreateArticle(ctx, store.ArticleInput{Slug: "judul-jahat", Title: title, Excerpt: "</SCRIPT>", CategoryID: cat.ID,
		Tags: []string{"</script>"}, Status: domain.StatusPublished, PublishedAt: time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC)}); err != nil {
		t.Fatal(err)
	}
	resp, body := e.do(t, "GET", "/berita/judul-jahat", nil)
	if resp.StatusCode != 200 {
		t.Fatalf("status %d", resp.StatusCode)
	}
	if strings.Contains(body, `<script>alert`) || strings.Contains(strings.ToLower(body), "</script><script>") {
		t.Fatal("the title broke out of an element")
	}
	ld := jsonLD(t, body)
	if ld.Headline != title {
		t.Errorf("headline %q, want %q", ld.Headline, title)
	}
}

func TestConditionalRequests(t *testing.T) {
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		e := newEnv(t, st)
		for _, p := range []string{"/", "/berita/pemerintah-umumkan-kebijakan-pertahanan-baru", "/kanal/nasional",
			"/rss.xml", "/atom.xml", "/sitemap.xml", "/news-sitemap.xml", "/robots.txt",
			"/api/v1/articles", "/api/v1/articles?limit=1"} {
			r1, b1 := e.do(t, "GET", p, nil)
			r2, b2 := e.do(t, "GET", p, nil)
			etag, lm := r1.Header.Get("ETag"), r1.Header.Get("Last-Modified")
			if r1.StatusCode != 200 || !regexp.MustCompile(`^"[0-9a-f]{24}"$`).MatchString(etag) {
				t.Fatalf("%s: %d, ETag %q", p, r1.StatusCode, etag)
			}
			if _, err := http.ParseTime(lm); err != nil {
				t.Errorf("%s: Last-Modified %q", p, lm)
			}
			if r2.Header.Get("ETag") != etag || b1 != b2 {
				t.Errorf("%s: two requests for an unchanged page differ (ETag %s / %s)", p, etag, r2.Header.Get("ETag"))
			}
			if r1.Header.Get("Cache-Control") == "" {
				t.Errorf("%s: no Cache-Control", p)
			}
			for _, tc := range []struct {
				name string
				hdr  map[string]string
				code int
			}{
				{"matching If-None-Match", map[string]string{"If-None-Match": etag}, 304},
				{"weak and listed", map[string]string{"If-None-Match": `"abc", W/` + etag}, 304},
				{"star", map[string]string{"If-None-Match": "*"}, 304},
				{"other etag", map[string]string{"If-None-Match": `"000000000000000000000000"`}, 200},
				{"garbage If-None-Match", map[string]string{"If-None-Match": `garbage, "unterminated`}, 200},
				{"If-None-Match wins over If-Modified-Since", map[string]string{"If-None-Match": `"x"`, "If-Modified-Since": lm}, 200},
				{"If-Modified-Since = Last-Modified", map[string]string{"If-Modified-Since": lm}, 304},
				{"If-Modified-Since later", map[string]string{"If-Modified-Since": time.Now().Add(time.Hour).UTC().Format(http.TimeFormat)}, 304},
				{"If-Modified-Since earlier", map[string]string{"If-Modified-Since": "Mon, 01 Jan 2001 00:00:00 GMT"}, 200},
				{"garbage If-Modified-Since", map[string]string{"If-Modified-Since": "kemarin sore"}, 200},
				{"impossible If-Modified-Since", map[string]string{"If-Modified-Since": "Fri, 31 Feb 2024 25:61:00 GMT"}, 200},
			} {
				resp, body := e.do(t, "GET", p, tc.hdr)
				if resp.StatusCode != tc.code {
					t.Errorf("%s, %s: %d, want %d", p, tc.name, resp.StatusCode, tc.code)
				}
				if tc.code == 304 && (body != "" || resp.Header.Get("ETag") != etag) {
					t.Errorf("%s, %s: 304 with body %d bytes, ETag %q", p, tc.name, len(body), resp.Header.Get("ETag"))
				}
				if tc.code == 200 && body != b1 {
					t.Errorf("%s, %s: body differs", p, tc.name)
				}
			}
			// Go's client asks GETs (not HEADs) for gzip; a HEAD with the
			// same request headers describes the same representation.
			gz := map[string]string{"Accept-Encoding": "gzip"}
			if resp, body := e.do(t, "HEAD", p, gz); resp.StatusCode != 200 || resp.Header.Get("ETag") != etag || body != "" {
				t.Errorf("%s: HEAD %d ETag %q", p, resp.StatusCode, resp.Header.Get("ETag"))
			}
			if resp, _ := e.do(t, "HEAD", p, map[string]string{"If-None-Match": etag, "Accept-Encoding": "gzip"}); resp.StatusCode != 304 {
				t.Errorf("%s: conditional HEAD %d", p, resp.StatusCode)
			}
		}

		// A change to the article changes the ETag of its page and the feed.
		p := "/berita/pemerintah-umumkan-kebijakan-pertahanan-baru"
		r1, _ := e.do(t, "GET", p, nil)
		f1, _ := e.do(t, "GET", "/rss.xml", nil)
		if err := st.SetCounters(context.Background(), e.ids["main"], 5000, 7, 1); err != nil {
			t.Fatal(err)
		}
		a, err := st.ArticleByID(context.Background(), e.ids["main"])
		if err != nil {
			t.Fatal(err)
		}
		var tags []string
		for _, tg := range a.Tags {
			tags = append(tags, tg.Name)
		}
		if err := st.UpdateArticle(context.Background(), a.ID, store.ArticleInput{Slug: a.Slug, Title: a.Title + " (Diperbarui)",
			Excerpt: a.Excerpt, BodyHTML: a.BodyHTML, Photo: a.Photo, CategoryID: a.Category.ID, Tags: tags,
			AuthorIDs: []int64{a.Authors[0].ID}, Status: a.Status, PublishedAt: a.PublishedAt}); err != nil {
			t.Fatal(err)
		}
		r2, body := e.do(t, "GET", p, map[string]string{"If-None-Match": r1.Header.Get("ETag"), "If-Modified-Since": r1.Header.Get("Last-Modified")})
		if r2.StatusCode != 200 || r2.Header.Get("ETag") == r1.Header.Get("ETag") || !strings.Contains(body, "(Diperbarui)") {
			t.Errorf("changed article: %d, ETag %s (was %s)", r2.StatusCode, r2.Header.Get("ETag"), r1.Header.Get("ETag"))
		}
		if f2, _ := e.do(t, "GET", "/rss.xml", map[string]string{"If-None-Match": f1.Header.Get("ETag")}); f2.StatusCode != 200 {
			t.Errorf("changed feed: %d, want 200", f2.StatusCode)
		}
		// Errors and writes are not cached.
		if resp, _ := e.do(t, "GET", "/berita/tidak-ada", nil); resp.StatusCode != 404 || resp.Header.Get("ETag") != "" {
			t.Errorf("404 page: %d with ETag %q", resp.StatusCode, resp.Header.Get("ETag"))
		}
	})
}
