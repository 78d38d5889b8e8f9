package server_test

import (
	"context"
	"io"
	"log/slog"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"warta/internal/domain"
	"warta/internal/newsroom/nrtest"
	"warta/internal/scheduler"
	"warta/internal/testbrowser"
	"warta/internal/testdb"
)

// The newsroom as journalists use it, in a real Chromium: a writer writes
// and submits an article; an editor schedules it a few seconds ahead; it
// goes live on the reader site at its time without anyone visiting; a
// moderator approves a held comment and readers see it.
func TestBrowserNewsroomJourney(t *testing.T) {
	ctx := testbrowser.New(t, 90*time.Second)
	st := testdb.SQLite(t)
	e := nrtest.New(t, st)
	sctx, stop := context.WithCancel(context.Background())
	defer stop()
	go scheduler.Run(sctx, st, slog.New(slog.NewTextHandler(io.Discard, nil)), 200*time.Millisecond)

	login := func(role domain.Role) { t.Helper(); newsroomLogin(t, ctx, e.URL, role) }
	logout := func() {
		t.Helper()
		testbrowser.Do(t, ctx,
			chromedp.Click(chromedp.CSS(`form[action="/redaksi/keluar"] button`)),
			chromedp.WaitVisible(chromedp.CSS(`input[name=email]`)),
		)
	}
	text := func(css string) string { return testbrowser.Text(t, ctx, css) }

	// The writer writes and submits.
	login(domain.RoleWriter)
	testbrowser.Do(t, ctx,
		chromedp.Navigate(e.URL+"/redaksi/artikel/baru"),
		chromedp.WaitVisible(chromedp.CSS(`#title`)),
		chromedp.SendKeys(chromedp.CSS(`#title`), "Pasar Tradisional Kembali Ramai Jelang Lebaran"),
		chromedp.SendKeys(chromedp.CSS(`textarea[name=excerpt]`), "Pedagang menyambut lonjakan pembeli."),
		chromedp.SendKeys(chromedp.CSS(`#body`), "Pasar **Senen** dipadati pembeli sejak pagi."),
		// The live preview shows the body as readers will see it.
		chromedp.WaitVisible(chromedp.CSS(`#preview strong`)),
		chromedp.SendKeys(chromedp.CSS(`input[name=tags]`), "Lebaran, Ekonomi"),
		chromedp.Click(chromedp.CSS(`button[name=action][value=review]`)),
		chromedp.WaitVisible(chromedp.CSS(`p.notice`)),
	)
	if got := text(`p.notice`); !strings.Contains(got, "diajukan") {
		t.Fatalf("writer's submit: %q", got)
	}
	if got := text(`#preview`); !strings.Contains(got, "Senen") {
		t.Errorf("preview: %q", got)
	}
	loc, _ := chromedp.Run(ctx, chromedp.Location())
	articleURL := loc[:strings.Index(loc, "?")]
	if text(`[data-status]`) != "menunggu tinjauan" {
		t.Errorf("status after submit: %q", text(`[data-status]`))
	}
	logout()

	// The editor schedules it a few seconds ahead.
	login(domain.RoleEditor)
	at := time.Now().Add(5 * time.Second).Truncate(time.Second)
	testbrowser.Do(t, ctx,
		chromedp.Navigate(e.URL+"/redaksi/artikel?status=review"),
		chromedp.Click(chromedp.CSS(`table.list a`)),
		chromedp.WaitVisible(chromedp.CSS(`#published_at`)),
	)
	// Set the time through the live document: under load the editor's
	// script may replace the node between a lookup and a SetValue.
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`(function () {
		var el = document.querySelector("#published_at");
		el.value = "`+at.In(e.Location).Format("2006-01-02T15:04:05")+`";
		return el.value !== "";
	})()`)); err != nil {
		t.Fatal(err)
	}
	testbrowser.Do(t, ctx,
		chromedp.Click(chromedp.CSS(`button[name=action][value=scheduled]`)),
		chromedp.WaitVisible(chromedp.CSS(`p.notice`)),
	)
	if got := text(`[data-status]`); got != "terjadwal" {
		t.Fatalf("status after scheduling: %q (%s)", got, text(`main`))
	}
	id, _ := strconv.ParseInt(articleURL[strings.LastIndex(articleURL, "/")+1:], 10, 64)
	// Nobody visits the site: the scheduler alone publishes it.
	for {
		a, err := st.ArticleByIDAnyStatus(context.Background(), id)
		if err != nil {
			t.Fatal(err)
		}
		if a.Status == domain.StatusPublished {
			if late := time.Since(at); late > 5*time.Second {
				t.Errorf("published %v after its time", late)
			}
			break
		}
		if time.Since(at) > 10*time.Second {
			t.Fatalf("not published 10s after its time (status %s)", a.Status)
		}
		time.Sleep(100 * time.Millisecond)
	}
	testbrowser.Do(t, ctx,
		chromedp.Navigate(e.URL+"/berita/pasar-tradisional-kembali-ramai-jelang-lebaran"),
		chromedp.WaitVisible(chromedp.CSS(`h1#judul`)),
	)
	if got := text(`h1#judul`); got != "Pasar Tradisional Kembali Ramai Jelang Lebaran" {
		t.Errorf("reader sees %q", got)
	}
	if got := text(`.byline`); !strings.Contains(got, "Wati Penulis") {
		t.Errorf("byline %q", got)
	}
	logout2 := func() {
		testbrowser.Do(t, ctx, chromedp.Navigate(e.URL+"/redaksi/"), chromedp.WaitVisible(chromedp.CSS(`form[action="/redaksi/keluar"]`)))
		logout()
	}
	logout2()

	// A held comment; the moderator approves it and readers see it.
	c, err := st.AddComment(context.Background(), domain.Comment{ArticleID: id, Name: "Siti", Body: "Harga cabai naik lagi.",
		Status: domain.CommentPending, CreatedAt: time.Now()})
	if err != nil {
		t.Fatal(err)
	}
	login(domain.RoleModerator)
	testbrowser.Do(t, ctx,
		chromedp.Navigate(e.URL+"/redaksi/komentar"),
		chromedp.WaitVisible(chromedp.CSS(`[data-comment="`+strconv.FormatInt(c.ID, 10)+`"]`)),
		chromedp.Click(chromedp.CSS(`button[value="approve:`+strconv.FormatInt(c.ID, 10)+`"]`)),
		chromedp.WaitVisible(chromedp.CSS(`p.notice`)),
		chromedp.Navigate(e.URL+"/berita/pasar-tradisional-kembali-ramai-jelang-lebaran"),
		chromedp.WaitVisible(chromedp.CSS(`#komentar`)),
	)
	if got := text(`#komentar`); !strings.Contains(got, "Harga cabai naik lagi.") {
		t.Errorf("approved comment not shown: %q", got)
	}
	if got := text(`[data-comment-count]`); got != "1" {
		t.Errorf("comment count %q", got)
	}
}
