package server_test

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"warta/internal/domain"
	"warta/internal/newsroom/nrtest"
	"warta/internal/testbrowser"
	"warta/internal/testdb"
)

// Issue 12 item 2 in two real Chromiums: editor A opens an article, then
// admin B. B is told A is editing and may take over; A is told B opened it.
// B saves a new summary; A's page says the article was saved meanwhile; A
// saves a new title from the older form and gets the merge page (409) with
// B's summary taken in and A's title kept; saving it keeps both. B takes
// the lock over and A is told.
func TestBrowserTwoEditorsAreToldAndMerge(t *testing.T) {
	st := testdb.SQLite(t)
	e := nrtest.New(t, st)
	id := e.CreateArticle(t, map[string]any{"title": "Jembatan Baru Diresmikan", "excerpt": "Ringkasan awal.",
		"body": "Isi berita.", "category": "nasional"})
	editURL := e.URL + "/redaksi/artikel/" + strconv.FormatInt(id, 10)
	a, b := testbrowser.New(t, 90*time.Second), testbrowser.New(t, 90*time.Second)
	login := func(ctx context.Context, role domain.Role) {
		t.Helper()
		testbrowser.Do(t, ctx,
			chromedp.Navigate(e.URL+"/redaksi/masuk"),
			chromedp.WaitVisible(chromedp.CSS(`input[name=email]`)),
			chromedp.SendKeys(chromedp.CSS(`input[name=email]`), string(role)+"@warta.test"),
			chromedp.SendKeys(chromedp.CSS(`input[name=password]`), nrtest.Password),
			chromedp.Click(chromedp.CSS(`form[action="/redaksi/masuk"] button[type=submit]`)),
			chromedp.WaitVisible(chromedp.CSS(`form[action="/redaksi/keluar"]`)),
			chromedp.Navigate(editURL),
			chromedp.WaitVisible(chromedp.CSS(`#title`)),
		)
	}
	// waitLock makes the page ask the server now (as on returning to its
	// tab) until its lock message contains want.
	waitLock := func(ctx context.Context, who, want string) {
		t.Helper()
		var got string
		for range 50 {
			chromedp.Run(ctx, chromedp.Evaluate[bool](`window.dispatchEvent(new Event("focus"))`))
			time.Sleep(100 * time.Millisecond)
			got, _ = chromedp.Run(ctx, chromedp.Evaluate[string](`document.getElementById("kunci").hidden ? "" : document.getElementById("kunci-pesan").textContent`))
			if strings.Contains(got, want) {
				return
			}
		}
		t.Fatalf("%s's page never said %q (says %q)", who, want, got)
	}

	set := func(ctx context.Context, css, v string) {
		t.Helper()
		if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`(function(){document.querySelector(`+strconv.Quote(css)+`).value = `+
			strconv.Quote(v)+`; return true})()`)); err != nil {
			t.Fatal(err)
		}
	}

	login(a, domain.RoleEditor)
	if msg := testbrowser.Text(t, a, `#kunci-pesan`); msg != "" {
		t.Errorf("A alone is told %q", msg)
	}
	login(b, domain.RoleAdmin)
	if msg := testbrowser.Text(t, b, `#kunci-pesan`); !strings.Contains(msg, "Eko Editor sedang menyunting") {
		t.Errorf("B is not told A is editing: %q", msg)
	}
	waitLock(a, "A", "Juga membuka artikel ini: Ani Admin")

	// B saves a new summary.
	set(b, `textarea[name=excerpt]`, "Ringkasan dari B.")
	testbrowser.Do(t, b,
		chromedp.Click(chromedp.CSS(`button[name=action][value=save]`)),
		chromedp.WaitVisible(chromedp.CSS(`p.notice`)),
	)
	waitLock(a, "A", "sudah disimpan orang lain")

	// A saves a new title from the older form: the merge page.
	set(a, `#title`, "Jembatan Baru Diresmikan Presiden")
	testbrowser.Do(t, a,
		chromedp.Click(chromedp.CSS(`button[name=action][value=save]`)),
		chromedp.WaitVisible(chromedp.CSS(`#konflik`)),
	)
	if got := testbrowser.Text(t, a, `#konflik`); !strings.Contains(got, "Ani Admin menyimpan") || !strings.Contains(got, "Ringkasan") {
		t.Errorf("merge panel: %q", got)
	}
	vals, err := chromedp.Run(a, chromedp.Evaluate[[]string](`[document.getElementById("title").value, document.querySelector("textarea[name=excerpt]").value]`))
	if err != nil || vals[0] != "Jembatan Baru Diresmikan Presiden" || vals[1] != "Ringkasan dari B." {
		t.Fatalf("merged form: %v %v", vals, err)
	}
	testbrowser.Do(t, a,
		chromedp.Click(chromedp.CSS(`button[name=action][value=save]`)),
		chromedp.WaitVisible(chromedp.CSS(`p.notice`)),
	)
	got, _ := st.ArticleByIDAnyStatus(context.Background(), id)
	if got.Title != "Jembatan Baru Diresmikan Presiden" || got.Excerpt != "Ringkasan dari B." {
		t.Errorf("after merge: %q / %q", got.Title, got.Excerpt)
	}

	// B takes the lock over; A is told.
	testbrowser.Do(t, b,
		chromedp.Navigate(editURL),
		chromedp.WaitVisible(chromedp.CSS(`#kunci-ambil button`)),
		chromedp.Click(chromedp.CSS(`#kunci-ambil button`)),
		chromedp.WaitVisible(chromedp.CSS(`p.notice`)),
	)
	if n := testbrowser.Text(t, b, `p.notice`); !strings.Contains(n, "memegang penyuntingan") {
		t.Errorf("B after take-over: %q", n)
	}
	waitLock(a, "A", "Ani Admin mengambil alih")
}
