package server_test

import (
	"context"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"warta/internal/domain"
	"warta/internal/store"
	"warta/internal/testbrowser"
	"warta/internal/testdb"
)

// indeksEnv is newEnv plus stories either side of midnight WIB of 21 June
// 2024 and 31 on 18 June (one page and a bit of the index).
func indeksEnv(t *testing.T, st *store.Store) *env {
	t.Helper()
	e := newEnv(t, st)
	ctx := context.Background()
	nas, err := st.CategoryBySlug(ctx, "nasional")
	if err != nil {
		t.Fatal(err)
	}
	add := func(title string, at time.Time) {
		if _, err := st.CreateArticle(ctx, store.ArticleInput{Title: title, CategoryID: nas.ID, Status: domain.StatusPublished, PublishedAt: at}); err != nil {
			t.Fatal(err)
		}
	}
	add("Larut Malam di Ibu Kota", time.Date(2024, 6, 20, 16, 30, 0, 0, time.UTC)) // 23:30 WIB on the 20th
	add("Dini Hari di Pelabuhan", time.Date(2024, 6, 20, 17, 10, 0, 0, time.UTC))  // 00:10 WIB on the 21st
	for i := range 31 {
		add("Arsip Delapan Belas Nomor "+itoa(int64(i+1)), time.Date(2024, 6, 18, 1, i, 0, 0, time.UTC))
	}
	return e
}

var indeksTitle = regexp.MustCompile(`class="indeks-title" href="[^"]*">([^<]*)<`)

func indeksTitles(body string) []string {
	var out []string
	for _, m := range indeksTitle.FindAllStringSubmatch(body, -1) {
		out = append(out, m[1])
	}
	return out
}

// /indeks lists one day in WIB, newest first, per channel, paged; bad
// dates and channels are clear 400 pages.
func TestIndeksListsOneDayInWIB(t *testing.T) {
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		e := indeksEnv(t, st)
		code, _, body := e.get(t, "/indeks?tanggal=2024-06-20")
		if code != 200 {
			t.Fatalf("indeks 20 June: status %d", code)
		}
		got := indeksTitles(body)
		want := []string{"Larut Malam di Ibu Kota", "Pemerintah Umumkan Kebijakan Pertahanan Baru"}
		if strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("20 June WIB lists %q, want %q", got, want)
		}
		for _, s := range []string{"Kamis, 20 Juni 2024", "23:30 WIB", "18:34 WIB", `value="2024-06-20"`, `type="date"`,
			`href="/indeks?tanggal=2024-06-19"`, `href="/indeks?tanggal=2024-06-21"`, "2 berita",
			`<link rel="canonical" href="http://warta.test/indeks?tanggal=2024-06-20">`} {
			if !strings.Contains(body, s) {
				t.Errorf("20 June page lacks %q", s)
			}
		}
		for _, c := range []struct{ path, want, not string }{
			{"/indeks?tanggal=2024-06-21", "Dini Hari di Pelabuhan", "Larut Malam"},
			{"/indeks?tanggal=2024-06-21&kanal=teknologi", "Startup Lokal Raih Pendanaan", "Dini Hari"},
			{"/indeks?tanggal=2024-06-21&kanal=nasional", "Dini Hari di Pelabuhan", "Startup Lokal"},
			{"/indeks?tanggal=2024-06-22&kanal=nasional", "Tidak ada berita di kanal Nasional pada Sabtu, 22 Juni 2024", "indeks-title"},
		} {
			code, _, body := e.get(t, c.path)
			if code != 200 || !strings.Contains(body, c.want) || strings.Contains(body, c.not) {
				t.Errorf("%s: status %d, want %q and not %q; lists %q", c.path, code, c.want, c.not, indeksTitles(body))
			}
		}
		// Paged: 30 a page, the pager keeps the day.
		_, _, p1 := e.get(t, "/indeks?tanggal=2024-06-18")
		_, _, p2 := e.get(t, "/indeks?tanggal=2024-06-18&page=2")
		if n1, n2 := len(indeksTitles(p1)), len(indeksTitles(p2)); n1 != 30 || n2 != 1 {
			t.Errorf("18 June: %d and %d stories on pages 1 and 2, want 30 and 1", n1, n2)
		}
		if !strings.Contains(p1, `href="/indeks?tanggal=2024-06-18&amp;page=2">Berikutnya`) || !strings.Contains(p1, "Halaman 1 dari 2") {
			t.Error("18 June page 1 has no link to page 2")
		}
		if got := indeksTitles(p2); len(got) != 1 || got[0] != "Arsip Delapan Belas Nomor 1" {
			t.Errorf("page 2 = %q, want the oldest story", got)
		}
		// Today (the default) has its short address and no next day.
		code, _, body = e.get(t, "/indeks")
		if code != 200 || !strings.Contains(body, `href="http://warta.test/indeks"`) || strings.Contains(body, "Hari berikutnya") {
			t.Errorf("/indeks today: status %d, canonical or next-day link wrong", code)
		}
		// Every page links to the index.
		_, _, home := e.get(t, "/")
		if strings.Count(home, `href="/indeks"`) < 2 {
			t.Error("home page: no link to /indeks in the navigation and the footer")
		}
		for _, c := range []struct {
			path string
			code int
			want string
		}{
			{"/indeks?tanggal=2024-13-40", 400, "Tanggal &#34;2024-13-40&#34; tidak valid: gunakan format TTTT-BB-HH"},
			{"/indeks?tanggal=kemarin", 400, "tidak valid"},
			{"/indeks?tanggal=20-06-2024", 400, "tidak valid"},
			{"/indeks?tanggal=2999-01-01", 400, "belum tiba"},
			{"/indeks?tanggal=1999-12-31", 400, "terlalu lama"},
			{"/indeks?tanggal=2024-06-20&kanal=tidak-ada", 400, "Kanal &#34;tidak-ada&#34; tidak dikenal"},
			{"/indeks?tanggal=2024-06-20&page=abc", 400, "tidak valid"},
			{"/indeks?tanggal=2024-06-20&page=9", 404, "Halaman 9 indeks 2024-06-20 tidak ada"},
		} {
			code, _, body := e.get(t, c.path)
			if code != c.code || !strings.Contains(body, c.want) || !strings.Contains(body, `<html lang="id">`) {
				t.Errorf("%s: status %d, want %d with %q", c.path, code, c.code, c.want)
			}
		}
	})
}

// A reader without JavaScript picks a day and a channel in the form and
// gets that day's news of the channel; the header links to the index.
func TestBrowserIndeksDatePickerWithoutJavaScript(t *testing.T) {
	ctx := testbrowser.New(t, 90*time.Second)
	testbrowser.Do(t, ctx, testbrowser.NoScript())
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		e := indeksEnv(t, st)
		testbrowser.Do(t, ctx, chromedp.Navigate(e.srv.URL+"/"),
			chromedp.Click(chromedp.CSS(`nav.nav a[href="/indeks"]`)),
			chromedp.WaitVisible(chromedp.CSS(`form.indeks-form`)),
			chromedp.SetValue(chromedp.CSS(`#indeks-tanggal`), "2024-06-21"),
			chromedp.SetValue(chromedp.CSS(`#indeks-kanal`), "teknologi"),
			chromedp.Click(chromedp.CSS(`form.indeks-form button`)),
			chromedp.WaitVisible(chromedp.CSS(`.indeks-list`)),
		)
		loc, err := chromedp.Run(ctx, chromedp.Location())
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasSuffix(loc, "/indeks?tanggal=2024-06-21&kanal=teknologi") {
			t.Errorf("the form went to %s", loc)
		}
		list, head := testbrowser.Text(t, ctx, `.indeks-list`), testbrowser.Text(t, ctx, `.list-head`)
		if !strings.Contains(list, "Startup Lokal Raih Pendanaan") || !strings.Contains(list, "15:00 WIB") || strings.Contains(list, "Dini Hari") {
			t.Errorf("the reader sees %q", list)
		}
		if !strings.Contains(head, "Indeks Berita Teknologi") || !strings.Contains(head, "Jumat, 21 Juni 2024") {
			t.Errorf("heading %q", head)
		}
	})
}
