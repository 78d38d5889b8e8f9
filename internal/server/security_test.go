package server_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"regexp"
	"runtime"
	"runtime/metrics"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"golang.org/x/net/html"

	"warta/internal/domain"
	"warta/internal/media/mediatest"
	"warta/internal/newsroom/nrtest"
	"warta/internal/store"
	"warta/internal/testdb"
)

// Issue 16, low finding: the poll form's "back" cannot send a reader to
// another site, whatever spelling a browser would read as one.
func TestPollFormRedirectsOnlyWithinTheSite(t *testing.T) {
	st := testdb.SQLite(t)
	e := newEnv(t, st)
	ids, _ := st.OpenPollIDs(context.Background(), 0, 1)
	p, _ := st.Poll(context.Background(), ids[0])
	for i, back := range []string{`/\evil.example`, `/\/evil.example`, "//evil.example", "https://evil.example/",
		"\t//evil.example", "/\t/evil.example", "javascript:alert(1)", "evil.example"} {
		r := e.reader(t, fmt.Sprintf("redirect-%d", i))
		r.get(mainSlug) // the page gives the browser its reader cookie
		a := r.postForm(fmt.Sprintf("/polling/%d", p.ID), url.Values{"option_id": {fmt.Sprint(p.Options[0].ID)}, "back": {back}})
		loc := a.h.Get("Location")
		if a.code != http.StatusSeeOther || loc != fmt.Sprintf("/polling/%d#polling", p.ID) {
			t.Errorf("back=%q: %d to %q, want the poll's own page", back, a.code, loc)
		}
	}
	// A path of this site still works.
	r := e.reader(t, "redirect-ok")
	r.get(mainSlug)
	a := r.postForm(fmt.Sprintf("/polling/%d", p.ID), url.Values{"option_id": {fmt.Sprint(p.Options[0].ID)}, "back": {mainSlug + "?a=1"}})
	if loc := a.h.Get("Location"); loc != mainSlug+"?a=1#polling" {
		t.Errorf("same-site back: %q", loc)
	}
}

// Issue 16, low finding: a poll attached to an embargoed (unpublished or
// scheduled) article is not public and takes no votes until the article is
// out; then it is.
func TestPollOfEmbargoedArticleIsHidden(t *testing.T) {
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		e := newEnv(t, st)
		ctx := context.Background()
		cats, err := st.Categories(ctx)
		if err != nil {
			t.Fatal(err)
		}
		draft, err := st.CreateArticle(ctx, store.ArticleInput{Title: "Embargo Pengumuman Kabinet", CategoryID: cats[0].ID,
			Status: domain.StatusScheduled, PublishedAt: time.Now().Add(24 * time.Hour)})
		if err != nil {
			t.Fatal(err)
		}
		pid, err := st.CreatePoll(ctx, store.PollInput{Question: "Siapa menteri baru?", Options: []string{"A", "B"}, ArticleID: draft})
		if err != nil {
			t.Fatal(err)
		}
		p, _ := st.Poll(ctx, pid)
		r := e.reader(t, "embargo")
		if a := r.get(fmt.Sprintf("/api/v1/polls/%d", pid)); a.code != http.StatusNotFound {
			t.Errorf("API poll of embargoed article: %d, want 404", a.code)
		}
		if a := r.get(fmt.Sprintf("/polling/%d", pid)); a.code != http.StatusNotFound || strings.Contains(a.body, "Siapa menteri baru?") {
			t.Errorf("poll page of embargoed article: %d", a.code)
		}
		if a := r.send(fmt.Sprintf("/api/v1/polls/%d/votes", pid), map[string]int64{"option_id": p.Options[0].ID}); a.code != http.StatusNotFound {
			t.Errorf("vote in embargoed poll: %d %s, want 404", a.code, a.body)
		}
		if a := r.postForm(fmt.Sprintf("/polling/%d", pid), url.Values{"option_id": {fmt.Sprint(p.Options[0].ID)}}); a.code != http.StatusNotFound {
			t.Errorf("form vote in embargoed poll: %d, want 404", a.code)
		}
		var list struct{ Data []struct{ ID int64 } }
		r.get("/api/v1/polls").json(t, &list)
		for _, x := range list.Data {
			if x.ID == pid {
				t.Error("embargoed poll listed in /api/v1/polls")
			}
		}
		if got, _ := st.Poll(ctx, pid); got.TotalVotes() != 0 {
			t.Errorf("embargoed poll counted %d votes", got.TotalVotes())
		}
		// Once the article is out, the poll is public and takes votes.
		in := store.ArticleInput{Title: "Embargo Pengumuman Kabinet", Slug: "embargo-pengumuman-kabinet", CategoryID: cats[0].ID,
			Status: domain.StatusPublished, PublishedAt: time.Now().Add(-time.Minute)}
		if err := st.UpdateArticle(ctx, draft, in); err != nil {
			t.Fatal(err)
		}
		if a := r.send(fmt.Sprintf("/api/v1/polls/%d/votes", pid), map[string]int64{"option_id": p.Options[0].ID}); a.code != http.StatusCreated {
			t.Errorf("vote after publication: %d %s", a.code, a.body)
		}
		if a := r.get(fmt.Sprintf("/polling/%d", pid)); a.code != http.StatusOK {
			t.Errorf("poll page after publication: %d", a.code)
		}
	})
}

// Issue 16, M1: an unclosed link or table in an article body or in the ad
// slot stays inside its container on the published page: the comment form,
// the navigation and the footer are not turned into links to another site.
func TestUnclosedHTMLStaysInItsContainer(t *testing.T) {
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		e := nrtest.New(t, st)
		e.CreateArticle(t, map[string]any{"title": "Tautan Terbuka", "category": "nasional", "status": "published",
			"body": "Paragraf pertama.\n\n<a href=\"https://evil.example/a\">klik di sini\n\n<table><tr><td>sel terbuka"})
		if r := e.API(t, domain.RoleAdmin, "PATCH", "/settings",
			map[string]any{"article_slot_html": `<div><table><tr><td><a href="https://evil.example/b">iklan`}); r.Status != http.StatusOK {
			t.Fatalf("set slot: %d %s", r.Status, r.Body)
		}
		resp, err := http.Get(e.URL + "/berita/tautan-terbuka")
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		doc, err := html.Parse(resp.Body)
		if err != nil || resp.StatusCode != http.StatusOK {
			t.Fatalf("article page: %d %v", resp.StatusCode, err)
		}
		// The page's own parts (the slot's aside, the comment form, the
		// navigation, the footer) must not end up inside a link to
		// evil.example, a table, or the body or slot container.
		links, swallowed := 0, map[string]string{}
		var walk func(n *html.Node)
		walk = func(n *html.Node) {
			if n.Type == html.ElementNode {
				if n.Data == "a" && strings.Contains(attr(n, "href"), "evil.example") {
					links++
				}
				if n.Data == "form" || n.Data == "footer" || n.Data == "nav" || attr(n, "class") == "slot" {
					for p := n.Parent; p != nil; p = p.Parent {
						if p.Data == "table" || p.Data == "a" || attr(p, "class") == "body" || attr(p, "class") == "slot" {
							swallowed["<"+n.Data+" class="+attr(n, "class")+">"] = "<" + p.Data + " " + attr(p, "class") + attr(p, "href") + ">"
						}
					}
				}
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c)
			}
		}
		walk(doc)
		if links < 2 || len(swallowed) > 0 {
			t.Errorf("links to evil.example in the body and the slot: %d (want them there); elements outside swallowed by them: %v",
				links, swallowed)
		}
	})
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// Issue 16, H2: while clients spray image bombs and the largest images the
// budget takes at the upload endpoint, the server's heap stays under 300 MB
// (measured with runtime/metrics in this process, which is the server's).
// Before the budget one 389 KB bomb took 434 MB, four at once 1.58 GB.
func TestImageBombsKeepMemoryBounded(t *testing.T) {
	st := testdb.SQLite(t)
	e := nrtest.New(t, st)
	uploads := []struct {
		name string
		data []byte
		code int
	}{
		{"1×50,000,000 grey", mediatest.PNG(1, 50_000_000, false), http.StatusBadRequest},
		{"7071×7071 16-bit", mediatest.PNG(7071, 7071, true), http.StatusBadRequest},
		{"5000×5000 16-bit", mediatest.PNG(5000, 5000, true), http.StatusBadRequest},
		{"2800×2800 16-bit (within the budget)", mediatest.PNG(2800, 2800, true), http.StatusCreated},
	}
	runtime.GC()
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	var peak atomic.Uint64
	stop := make(chan struct{})
	sampled := make(chan struct{})
	go func() {
		defer close(sampled)
		for {
			metrics.Read(sample)
			if v := sample[0].Value.Uint64(); v > peak.Load() {
				peak.Store(v)
			}
			select {
			case <-stop:
				return
			case <-time.After(time.Millisecond):
			}
		}
	}()
	const clients = 4
	var wg sync.WaitGroup
	for c := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range uploads {
				u := uploads[(i+c)%len(uploads)]
				r := e.API(t, domain.RoleWriter, "POST", "/uploads", u.data)
				if r.Status != u.code || (u.code == http.StatusBadRequest && !strings.Contains(string(r.Body), "gambar")) {
					t.Errorf("%s: %d %s, want %d", u.name, r.Status, r.Body, u.code)
				}
			}
		}()
	}
	wg.Wait()
	close(stop)
	<-sampled
	t.Logf("peak heap while %d clients uploaded %d images each: %d MB", clients, len(uploads), peak.Load()>>20)
	if p := peak.Load(); p > 300<<20 {
		t.Errorf("heap peaked at %d MB, over 300 MB", p>>20)
	}
}

// Issue 16, M6: bytes that are not UTF-8, or NUL, in a path, a query, a form
// or a JSON body are refused at the edge with a 400 and the reason (JSON on
// the API, an Indonesian page elsewhere), on both engines, for anyone.
func TestInvalidTextIsRefusedAtTheEdge(t *testing.T) {
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		e := nrtest.New(t, st)
		e.CreateArticle(t, map[string]any{"title": "Berita Biasa", "category": "nasional", "status": "published", "tags": []string{"Banjir"}})
		get := func(path string) (int, string, string) {
			resp, err := http.Get(e.URL + path)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			b, _ := io.ReadAll(resp.Body)
			return resp.StatusCode, resp.Header.Get("Content-Type"), string(b)
		}
		for _, path := range []string{"/berita/%FF", "/tag/%00", "/kanal/%C3%28", "/tag/%00/rss.xml", "/kanal/%FF/atom.xml",
			"/penulis/a%00b", "/cari?q=%FF", "/cari?q=%00", "/berita/berita-biasa?kpage=%FF", "/?x=%zz", "/sitemaps/%FF.xml"} {
			code, ctype, body := get(path)
			if code != http.StatusBadRequest || !strings.HasPrefix(ctype, "text/html") ||
				!(strings.Contains(body, "bukan UTF-8 yang valid") || strings.Contains(body, "NUL") || strings.Contains(body, "tidak terbaca")) {
				t.Errorf("GET %s: %d %s, want 400 with the reason", path, code, ctype)
			}
		}
		for _, path := range []string{"/api/v1/articles?category=%FF", "/api/v1/articles?tag=%00", "/api/v1/articles/%FF",
			"/api/v1/search?q=%FF", "/api/v1/categories/%00"} {
			code, ctype, body := get(path)
			if code != http.StatusBadRequest || !strings.HasPrefix(ctype, "application/json") || !strings.Contains(body, `"message"`) {
				t.Errorf("GET %s: %d %s %s, want a JSON 400", path, code, ctype, body)
			}
		}
		// Ordinary text, ";" included, still passes.
		if code, _, _ := get("/cari?q=banjir%20bandang;x"); code != http.StatusOK {
			t.Errorf("ordinary search: %d", code)
		}
		if code, _, _ := get("/tag/banjir"); code != http.StatusOK {
			t.Errorf("ordinary tag page: %d", code)
		}
		// A reader's comment form with a NUL.
		resp, err := http.PostForm(e.URL+"/berita/berita-biasa/komentar", url.Values{"name": {"Ani\x00"}, "text": {"Halo \xff"}})
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusBadRequest {
			t.Errorf("comment with NUL: %d, want 400", resp.StatusCode)
		}
		// The admin API: a \u0000 in JSON.
		if r := e.API(t, domain.RoleAdmin, "POST", "/categories", []byte(`{"name":"Huk\u0000um"}`)); r.Status != http.StatusBadRequest ||
			!strings.Contains(string(r.Body), "NUL") {
			t.Errorf("category with \\u0000: %d %s", r.Status, r.Body)
		}
		if r := e.API(t, domain.RoleAdmin, "POST", "/categories", []byte(`{"name":"Hukum \\u0000 dan Kriminal"}`)); r.Status != http.StatusCreated {
			t.Errorf(`category with an escaped "\u0000" text: %d %s`, r.Status, r.Body)
		}
		// The newsroom's forms, small and large (over the edge's 256 KB the
		// newsroom checks them itself).
		b := newsroomClient(t, e)
		if code, body := b.post("/redaksi/kategori", url.Values{"name": {"Olah\x00raga"}}); code != http.StatusBadRequest || !strings.Contains(body, "NUL") {
			t.Errorf("newsroom category with NUL: %d", code)
		}
		big := url.Values{"title": {"Judul"}, "category": {"nasional"}, "slug": {"judul\x00"}, "body": {strings.Repeat("isi berita ", 30_000)}}
		if code, body := b.postMultipart("/redaksi/artikel/baru", big); code != http.StatusBadRequest || !strings.Contains(body, "NUL") {
			t.Errorf("newsroom article form of %d KB with NUL: %d", len(big.Encode())>>10, code)
		}
	})
}

// nrClient is a signed-in newsroom browser without JavaScript.
type nrClient struct {
	t    *testing.T
	base string
	c    *http.Client
	csrf string
}

var csrfRe = regexp.MustCompile(`name="csrf" value="([^"]+)"`)

func newsroomClient(t *testing.T, e *nrtest.Env) *nrClient {
	jar, _ := cookiejar.New(nil)
	b := &nrClient{t: t, base: e.URL, c: &http.Client{Jar: jar,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
	b.get("/redaksi/masuk")
	if code, _ := b.post("/redaksi/masuk", url.Values{"email": {"editor@warta.test"}, "password": {nrtest.Password}}); code != http.StatusSeeOther {
		t.Fatalf("newsroom login: %d", code)
	}
	b.get("/redaksi/")
	return b
}

func (b *nrClient) do(req *http.Request) (int, string) {
	b.t.Helper()
	resp, err := b.c.Do(req)
	if err != nil {
		b.t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if m := csrfRe.FindSubmatch(body); m != nil {
		b.csrf = string(m[1])
	}
	return resp.StatusCode, string(body)
}

func (b *nrClient) get(path string) (int, string) {
	req, _ := http.NewRequest("GET", b.base+path, nil)
	return b.do(req)
}

func (b *nrClient) post(path string, form url.Values) (int, string) {
	form.Set("csrf", b.csrf)
	req, _ := http.NewRequest("POST", b.base+path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return b.do(req)
}

func (b *nrClient) postMultipart(path string, form url.Values) (int, string) {
	form.Set("csrf", b.csrf)
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	for k, vs := range form {
		for _, v := range vs {
			mw.WriteField(k, v)
		}
	}
	mw.Close()
	req, _ := http.NewRequest("POST", b.base+path, &buf)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	return b.do(req)
}
