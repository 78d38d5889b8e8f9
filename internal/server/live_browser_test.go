package server_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"warta/internal/app"
	"warta/internal/domain"
	"warta/internal/newsroom/nrtest"
	"warta/internal/store"
	"warta/internal/testbrowser"
	"warta/internal/testdb"
)

// run runs one browser action and returns its value, failing the test on error.
func run[T any](t *testing.T, ctx context.Context, a chromedp.Action[T]) T {
	t.Helper()
	v, err := chromedp.Run(ctx, a)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// A reader keeps a live report open on a phone: new updates appear at the
// top without a reload, an edited one changes in place, a deleted one goes,
// and the end of the report shows.
func TestBrowserLiveReportFollowsUpdates(t *testing.T) {
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		ctx := testbrowser.New(t, 90*time.Second)
		e := nrtest.New(t, st, func(c *app.Config) { c.Site.PageCacheTTL = time.Second })
		id, path := liveArticle(t, e, "Debat Capres Putaran Kedua")
		_, first := addUpdate(t, e, domain.RoleEditor, id, "Debat dimulai", "Moderator membuka debat.")
		testbrowser.Do(t, ctx,
			chromedp.Navigate(e.URL+path),
			chromedp.WaitVisible(chromedp.CSS(fmt.Sprintf(`#pembaruan-%d`, first))),
			chromedp.WaitVisible(chromedp.CSS(`[data-live][data-stream="open"]`)),
		)
		run(t, ctx, chromedp.Evaluate[bool](`window.samePage = true`))
		_, second := addUpdate(t, e, domain.RoleEditor, id, "Sesi tanya jawab", "Kandidat saling bertanya soal pangan.")
		testbrowser.Do(t, ctx, chromedp.WaitVisible(chromedp.CSS(fmt.Sprintf(`#pembaruan-%d`, second))))
		top := run(t, ctx, chromedp.Evaluate[string](`document.querySelector("[data-live-list]").firstElementChild.id`))
		same := run(t, ctx, chromedp.Evaluate[bool](`window.samePage === true`))
		status := testbrowser.Text(t, ctx, `[data-live-status]`)
		if top != fmt.Sprintf("pembaruan-%d", second) || !same {
			t.Errorf("the new update is not at the top of the same page (top %q, same page %v)", top, same)
		}
		if !strings.HasPrefix(status, "Pembaruan baru pukul ") || !strings.HasSuffix(status, "WIB.") {
			t.Errorf("status line %q", status)
		}
		e.API(t, domain.RoleEditor, "PATCH", fmt.Sprintf("/articles/%d/live/updates/%d", id, first), map[string]string{"body": "Moderator membuka debat pukul 19.00."})
		e.API(t, domain.RoleEditor, "DELETE", fmt.Sprintf("/articles/%d/live/updates/%d", id, second), nil)
		e.API(t, domain.RoleEditor, "POST", fmt.Sprintf("/articles/%d/live/end", id), nil)
		testbrowser.Do(t, ctx, chromedp.WaitVisible(chromedp.CSS(`[data-live][data-ended]`)))
		badge, text := testbrowser.Text(t, ctx, `[data-live-badge]`), testbrowser.Text(t, ctx, `[data-live-list]`)
		left := run(t, ctx, chromedp.Evaluate[int](`document.querySelectorAll("[data-live-list] > li").length`))
		status = testbrowser.Text(t, ctx, `[data-live-status]`)
		if !strings.EqualFold(badge, "Selesai") || !strings.Contains(status, "Laporan langsung selesai") {
			t.Errorf("after the end: badge %q, status %q", badge, status)
		}
		if left != 1 || !strings.Contains(text, "pukul 19.00") {
			t.Errorf("after the edit and the deletion the list shows %d updates: %q", left, text)
		}
	})
}

// The ticker rotates one headline at a time with a pause button, stops on
// request, and does not move at all for readers who ask for reduced motion.
func TestBrowserBreakingTicker(t *testing.T) {
	e := nrtest.New(t, testdb.SQLite(t))
	for _, title := range []string{"Gempa M6,2 Guncang Sumedang", "Banjir Rendam Jakarta Utara"} {
		e.CreateArticle(t, map[string]any{"title": title, "category": "nasional", "status": "published", "breaking": true})
	}
	visible := `Array.from(document.querySelectorAll("[data-ticker-list] > li")).filter(li => !li.hidden).length`

	ctx := testbrowser.New(t, 60*time.Second)
	testbrowser.Do(t, ctx,
		chromedp.Navigate(e.URL+"/kanal/teknologi"),
		chromedp.WaitVisible(chromedp.CSS(`.ticker-pause`)),
	)
	shown := run(t, ctx, chromedp.Evaluate[int](visible))
	testbrowser.Do(t, ctx,
		chromedp.Click(chromedp.CSS(`.ticker-pause`)),
		chromedp.WaitVisible(chromedp.CSS(`[data-ticker][data-paused]`)),
	)
	pressed := run(t, ctx, chromedp.AttributeValue(chromedp.CSS(`.ticker-pause`), "aria-pressed"))
	label := testbrowser.Text(t, ctx, `.ticker-pause`)
	if shown != 1 || pressed.Value != "true" || label != "Putar" {
		t.Errorf("rotating ticker: %d headlines shown, pause pressed %q, button %q", shown, pressed.Value, label)
	}

	still := testbrowser.New(t, 60*time.Second)
	testbrowser.Do(t, still,
		chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			_, err := cdp.Call(ctx, tg, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
				Features: []*emulation.MediaFeature{{Name: "prefers-reduced-motion", Value: "reduce"}}})
			return err
		}),
		chromedp.Navigate(e.URL+"/"),
		chromedp.WaitVisible(chromedp.CSS(`[data-ticker]`)),
	)
	shown = run(t, still, chromedp.Evaluate[int](visible))
	buttons := run(t, still, chromedp.Evaluate[int](`document.querySelectorAll(".ticker-pause").length`))
	if shown != 2 || buttons != 0 {
		t.Errorf("reduced motion: %d of 2 headlines shown, %d pause buttons (want a still list)", shown, buttons)
	}
}

// Without JavaScript the live report and the ticker are plain HTML: every
// update and every breaking headline shows, and a refresh brings the new
// updates.
func TestBrowserLiveReportWithoutJavaScript(t *testing.T) {
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		e := nrtest.New(t, st)
		for _, title := range []string{"Gempa M6,2 Guncang Sumedang", "Banjir Rendam Jakarta Utara"} {
			e.CreateArticle(t, map[string]any{"title": title, "category": "nasional", "status": "published", "breaking": true})
		}
		id, path := liveArticle(t, e, "Rekapitulasi Suara Nasional")
		addUpdate(t, e, domain.RoleEditor, id, "", "Rekapitulasi dimulai di KPU.")
		ctx := testbrowser.New(t, 60*time.Second)
		testbrowser.Do(t, ctx,
			chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
				_, err := cdp.Call(ctx, tg, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true})
				return err
			}),
			chromedp.Navigate(e.URL+path),
			chromedp.WaitVisible(chromedp.CSS(`[data-live-list] > li`)),
		)
		ticker := testbrowser.Text(t, ctx, `[data-ticker]`)
		live := testbrowser.Text(t, ctx, `#langsung`)
		if !strings.Contains(ticker, "Gempa M6,2 Guncang Sumedang") || !strings.Contains(ticker, "Banjir Rendam Jakarta Utara") {
			t.Errorf("without JavaScript the ticker shows %q", ticker)
		}
		if !strings.Contains(live, "Muat ulang halaman untuk melihat pembaruan terbaru.") || !strings.Contains(live, "Rekapitulasi dimulai di KPU.") {
			t.Errorf("without JavaScript the live report shows %q", live)
		}
		addUpdate(t, e, domain.RoleEditor, id, "Jawa Barat selesai", "Rekapitulasi Jawa Barat disahkan.")
		testbrowser.Do(t, ctx, chromedp.Navigate(e.URL+path), chromedp.WaitVisible(chromedp.CSS(`[data-live-list] > li`)))
		first := testbrowser.Text(t, ctx, `[data-live-list] > li`)
		if !strings.Contains(first, "Jawa Barat selesai") {
			t.Errorf("after a refresh the newest update is %q", first)
		}
	})
}
