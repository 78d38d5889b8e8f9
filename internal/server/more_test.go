package server_test

import (
	"context"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"warta/internal/domain"
	"warta/internal/store"
	"warta/internal/testbrowser"
	"warta/internal/testdb"
)

// moreEnv is newEnv plus 30 older Nasional stories by Budi Santoso tagged
// Arsip: Nasional, #Arsip and Budi's page then run to three pages of 12.
func moreEnv(t *testing.T, st *store.Store) *env {
	t.Helper()
	e := newEnv(t, st)
	ctx := context.Background()
	nas, err := st.CategoryBySlug(ctx, "nasional")
	if err != nil {
		t.Fatal(err)
	}
	au, err := st.AuthorBySlug(ctx, "budi-santoso")
	if err != nil {
		t.Fatal(err)
	}
	for i := range 30 {
		if _, err := st.CreateArticle(ctx, store.ArticleInput{Title: "Kabar Arsip Nomor " + itoa(int64(i+1)), CategoryID: nas.ID,
			Tags: []string{"Arsip"}, AuthorIDs: []int64{au.ID}, Status: domain.StatusPublished,
			PublishedAt: time.Date(2024, 6, 1, i, 0, 0, 0, time.UTC)}); err != nil {
			t.Fatal(err)
		}
	}
	return e
}

var (
	cardID   = regexp.MustCompile(`<article class="card" data-id="(\d+)"`)
	moreHref = regexp.MustCompile(`<a class="more-link" href="([^"]*)" data-more-src="([^"]*)"`)
)

func cardIDs(body string) []string {
	var out []string
	for _, m := range cardID.FindAllStringSubmatch(body, -1) {
		out = append(out, m[1])
	}
	return out
}

// Without JavaScript "Muat lebih banyak" is a plain link to the next page
// (channel, tag, author) or, on the home page, to /terkini after the last
// story it shows; the fragment JavaScript fetches holds only the next
// cards and the next link.
func TestMuatLebihBanyakIsALinkToWhatComesNext(t *testing.T) {
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		e := moreEnv(t, st)
		for _, base := range []string{"/kanal/nasional", "/tag/arsip", "/penulis/budi-santoso"} {
			_, _, p1 := e.get(t, base)
			m := moreHref.FindStringSubmatch(p1)
			if m == nil || strings.ReplaceAll(m[1], "&amp;", "&") != base+"?page=2" || strings.ReplaceAll(m[2], "&amp;", "&") != base+"?page=2&bagian=daftar" {
				t.Errorf("%s: more link %q, want one to page 2", base, m)
				continue
			}
			code, h, frag := e.get(t, base+"?page=2&bagian=daftar")
			_, _, p2 := e.get(t, base+"?page=2")
			if code != 200 || strings.Contains(frag, "<html") || h.Get("X-Robots-Tag") != "noindex" {
				t.Errorf("%s fragment: status %d, X-Robots-Tag %q, a whole page: %v", base, code, h.Get("X-Robots-Tag"), strings.Contains(frag, "<html"))
			}
			if got, want := cardIDs(frag), cardIDs(p2); len(got) != 12 || strings.Join(got, ",") != strings.Join(want, ",") {
				t.Errorf("%s fragment cards %v, page 2 cards %v", base, got, want)
			}
			if m := moreHref.FindStringSubmatch(frag); m == nil || strings.ReplaceAll(m[1], "&amp;", "&") != base+"?page=3" {
				t.Errorf("%s fragment: next link %q, want page 3", base, m)
			}
			if !strings.Contains(frag, "Halaman 2 dari 3") {
				t.Errorf("%s fragment has no pager", base)
			}
			_, _, p3 := e.get(t, base+"?page=3")
			if strings.Contains(p3, "Muat lebih banyak") {
				t.Errorf("%s: the last page still offers more", base)
			}
		}
		// Home: its front (lead, secondary, Berita Terbaru), then /terkini continues after the
		// last of them with no story missed or shown twice.
		_, _, home := e.get(t, "/")
		m := moreHref.FindStringSubmatch(home)
		if m == nil || !strings.HasPrefix(m[1], "/terkini?sebelum=") {
			t.Fatalf("home: more link %q", m)
		}
		all, _, err := st.QueryArticles(context.Background(), store.ArticleQuery{NoTotal: true, Page: domain.Page{Number: 1, Size: 40}})
		if err != nil {
			t.Fatal(err)
		}
		_, _, next := e.get(t, m[1])
		_, _, nextFrag := e.get(t, strings.ReplaceAll(m[2], "&amp;", "&"))
		cont := cardIDs(next)
		// Every story newer than the continuation's last is on the home
		// page's front or in the continuation, and the continuation starts
		// right after the last of Berita Terbaru.
		front, _, _ := strings.Cut(home, `<div class="blocks">`)
		seen := map[string]bool{}
		for _, id := range regexp.MustCompile(`<article[^>]* data-id="(\d+)"`).FindAllStringSubmatch(front, -1) {
			seen[id[1]] = true
		}
		latest := cardIDs(front)
		if len(cont) != 12 || len(latest) == 0 {
			t.Fatalf("home Berita Terbaru %v, continuation %v", latest, cont)
		}
		var want, got []string
		for i, a := range all {
			if itoa(a.ID) == cont[len(cont)-1] {
				break
			}
			if i+1 < len(all) && itoa(a.ID) == latest[len(latest)-1] && itoa(all[i+1].ID) != cont[0] {
				t.Errorf("/terkini continues with %s, not right after %s", cont[0], latest[len(latest)-1])
			}
			want = append(want, itoa(a.ID))
			if seen[itoa(a.ID)] || slices.Contains(cont, itoa(a.ID)) {
				got = append(got, itoa(a.ID))
			}
			if seen[itoa(a.ID)] && slices.Contains(cont, itoa(a.ID)) {
				t.Errorf("story %d on the home page and again in the continuation", a.ID)
			}
		}
		if strings.Join(got, ",") != strings.Join(want, ",") {
			t.Errorf("home + continuation show %v, want every story newest first %v", got, want)
		}
		if strings.Join(cardIDs(nextFrag), ",") != strings.Join(cont, ",") {
			t.Errorf("/terkini fragment %v, page %v", cardIDs(nextFrag), cont)
		}
		for _, c := range []struct {
			path string
			code int
			want string
		}{
			{"/kanal/nasional?bagian=semua", 400, "Parameter bagian &#34;semua&#34; tidak dikenal"},
			{"/terkini?sebelum=abc", 400, "Parameter sebelum &#34;abc&#34; tidak valid"},
			{"/terkini?sebelum=0", 400, "tidak valid"},
			{"/terkini?sebelum=5&page=2", 400, "tidak bisa dipakai bersama"},
			{"/terkini?sebelum=999999", 404, "Halaman tidak ditemukan"},
			{"/terkini?sebelum=5&bagian=x", 400, "tidak dikenal"},
			{"/kanal/nasional?page=9&bagian=daftar", 404, "Halaman 9 tidak ada"},
			{"/terkini", 200, "Berita Terkini"},
		} {
			code, _, body := e.get(t, c.path)
			if code != c.code || !strings.Contains(body, c.want) {
				t.Errorf("%s: status %d, want %d with %q", c.path, code, c.code, c.want)
			}
		}
	})
}

// With JavaScript, "Muat lebih banyak" appends the next cards in place (no
// reload), moves the focus to the first new story, announces how many
// came, and the address bar shows the page reached; on the home page the
// address stays the home page's. Without JavaScript the link opens page 2.
func TestBrowserMuatLebihBanyak(t *testing.T) {
	ctx := testbrowser.New(t, 120*time.Second)
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		e := moreEnv(t, st)
		count := func() int {
			n, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("[data-more-list] > article.card").length`))
			if err != nil {
				t.Fatal(err)
			}
			return n
		}
		testbrowser.Do(t, ctx, chromedp.Navigate(e.srv.URL+"/kanal/nasional"),
			chromedp.WaitVisible(chromedp.CSS(`a.more-link`)),
		)
		mark(t, ctx)     // gone if the page reloads
		first := count() // the channel's front shows its lead and secondary stories apart
		if first < 1 || first > 12 {
			t.Fatalf("page 1 shows %d cards", first)
		}
		testbrowser.Do(t, ctx, chromedp.Click(chromedp.CSS(`a.more-link`)), loaded("lagi dimuat"))
		type state struct {
			Same    bool   `json:"same"`
			Path    string `json:"path"`
			Focus   string `json:"focus"`
			Status  string `json:"status"`
			Pager   string `json:"pager"`
			Cards   int    `json:"cards"`
			Unique  int    `json:"unique"`
			HasMore bool   `json:"hasMore"`
			// every story on the page (lead, tiles, cards) and the distinct ones
			Stories         int `json:"stories"`
			DistinctStories int `json:"distinct"`
		}
		read := func() state {
			s, err := chromedp.Run(ctx, chromedp.Evaluate[state](`(function () {
				var cards = document.querySelectorAll("[data-more-list] > article.card"), ids = {};
				cards.forEach(function (c) { ids[c.getAttribute("data-id")] = 1; });
				var st = document.querySelector("[data-more-status]"), pg = document.querySelector("nav.pager");
				return { same: window.sameDocument === true, path: location.pathname + location.search,
					focus: document.activeElement ? document.activeElement.textContent : "",
					status: st ? st.textContent : "", pager: pg ? pg.textContent : "", cards: cards.length,
					unique: Object.keys(ids).length, hasMore: !!document.querySelector("a.more-link"),
					stories: document.querySelectorAll("main article[data-id]").length,
					distinct: new Set(Array.from(document.querySelectorAll("main article[data-id]"), function (a) { return a.getAttribute("data-id"); })).size };
			})()`))
			if err != nil {
				t.Fatal(err)
			}
			return s
		}
		s := read()
		if s.Stories != s.DistinctStories {
			t.Errorf("a story shows twice: %+v", s)
		}
		thirteenth := testbrowser.Text(t, ctx, `[data-more-list] > article.card:nth-child(`+itoa(int64(first+1))+`) h3 a`)
		if !s.Same || s.Path != "/kanal/nasional?page=2" || s.Cards != first+12 || s.Unique != first+12 || !s.HasMore {
			t.Errorf("after one click: %+v", s)
		}
		if s.Focus != thirteenth || thirteenth == "" {
			t.Errorf("focus on %q, want the first new story %q", s.Focus, thirteenth)
		}
		if s.Status != "12 berita lagi dimuat." || !strings.Contains(s.Pager, "Halaman 2 dari 3") {
			t.Errorf("status %q, pager %q", s.Status, s.Pager)
		}
		testbrowser.Do(t, ctx, chromedp.Click(chromedp.CSS(`a.more-link`)), loaded("Tidak ada berita lagi"))
		if s := read(); !s.Same || s.Path != "/kanal/nasional?page=3" || s.Cards != first+20 || s.Unique != first+20 || s.Status != "8 berita lagi dimuat. Tidak ada berita lagi." {
			t.Errorf("after the last page: %+v", s)
		}
		// The address reached is a real page: reloading it shows page 3.
		testbrowser.Do(t, ctx, chromedp.Reload(), chromedp.WaitVisible(chromedp.CSS(`nav.pager`)))
		if s := read(); s.Same || s.Cards != 8 || !strings.Contains(s.Pager, "Halaman 3 dari 3") {
			t.Errorf("reloaded: %+v", s)
		}
		// Home: appended under Berita Terbaru, the address stays "/".
		testbrowser.Do(t, ctx, chromedp.Navigate(e.srv.URL+"/"), chromedp.WaitVisible(chromedp.CSS(`a.more-link`)))
		mark(t, ctx)
		before := count()
		testbrowser.Do(t, ctx, chromedp.Click(chromedp.CSS(`a.more-link`)), loaded("lagi dimuat"))
		// The continuation may hold a secondary story of the front: it is
		// not shown twice.
		s = read()
		n, _ := strconv.Atoi(strings.Fields(s.Status)[0])
		if !s.Same || s.Path != "/" || n < 1 || s.Cards != before+n || s.Unique != s.Cards || s.Stories != s.DistinctStories || !s.HasMore {
			t.Errorf("home after one click: %+v (had %d)", s, before)
		}
	})
}

// loaded waits until "Muat lebih banyak" announces text.
func loaded(text string) chromedp.Action[chromedp.Void] {
	return chromedp.Poll[chromedp.Void](`(function () { var s = document.querySelector("[data-more-status]"); return !!s && s.textContent.indexOf(` + strconv.Quote(text) + `) >= 0; })()`)
}

// mark sets window.sameDocument, which a reload or a navigation loses.
func mark(t *testing.T, ctx context.Context) {
	t.Helper()
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`window.sameDocument = true`)); err != nil {
		t.Fatal(err)
	}
}

func TestBrowserMuatLebihBanyakWithoutJavaScript(t *testing.T) {
	ctx := testbrowser.New(t, 60*time.Second)
	testbrowser.Do(t, ctx, testbrowser.NoScript())
	e := moreEnv(t, testdb.SQLite(t))
	testbrowser.Do(t, ctx, chromedp.Navigate(e.srv.URL+"/tag/arsip"), chromedp.Click(chromedp.CSS(`a.more-link`)),
		chromedp.WaitVisible(chromedp.CSS(`nav.pager`)))
	loc, err := chromedp.Run(ctx, chromedp.Location())
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(loc, "/tag/arsip?page=2") || !strings.Contains(testbrowser.Text(t, ctx, `nav.pager`), "Halaman 2 dari 3") {
		t.Errorf("without JavaScript the link went to %s", loc)
	}
}
