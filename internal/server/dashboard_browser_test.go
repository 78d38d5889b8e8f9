package server_test

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"warta/internal/app"
	"warta/internal/domain"
	"warta/internal/newsroom/nrtest"
	"warta/internal/store"
	"warta/internal/testbrowser"
	"warta/internal/testdb"
)

// The dashboard updates itself: an editor keeps it open, a reader opens a
// story, and "Dibaca sekarang" shows the story and its count without a
// reload. Without JavaScript it is a plain page with the same numbers.
func TestBrowserDashboardUpdatesItself(t *testing.T) {
	ctx := testbrowser.New(t, 120*time.Second)
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		e := nrtest.New(t, st, func(c *app.Config) { c.DashboardRefresh = 300 * time.Millisecond })
		e.CreateArticle(t, map[string]any{"title": "Gempa Guncang Pesisir Selatan", "body": "Isi.", "category": "nasional", "status": "published"})
		newsroomLogin(t, ctx, e.URL, domain.RoleEditor)
		testbrowser.Do(t, ctx, chromedp.Navigate(e.URL+"/redaksi/"), chromedp.WaitVisible(chromedp.CSS(`#dibaca-sekarang`)))
		mark(t, ctx)
		if got := liveTexts(t, ctx, `[data-read-now-empty]`)[0]; !strings.Contains(got, "Belum ada yang dibaca dalam 5 menit terakhir") {
			t.Errorf("before any reader: %q", got)
		}
		// A reader opens the story (the server counts the view and flushes it).
		req, _ := http.NewRequest("GET", e.URL+domain.ArticlePath("gempa-guncang-pesisir-selatan"), nil)
		req.Header.Set("User-Agent", "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != 200 {
			t.Fatalf("reader page: %d", resp.StatusCode)
		}
		testbrowser.Do(t, ctx, chromedp.WaitVisible(chromedp.CSS(`[data-read-now] li`)))
		read := liveTexts(t, ctx, `[data-read-now]`, `[data-read-now-total]`)
		list, total := read[0], read[1]
		same, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`window.sameDocument === true`))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(list, "Gempa Guncang Pesisir Selatan") || !strings.Contains(list, "1 kali dibaca") || total != "1" || !same {
			t.Errorf("dashboard after a read: list %q, total %q, same page %v", list, total, same)
		}
		if got := testbrowser.Text(t, ctx, `[data-live-updated]`); !strings.Contains(got, "WIB") || !strings.Contains(got, "diperbarui otomatis") {
			t.Errorf("updated note %q", got)
		}
	})
}

// liveTexts reads the text of each selector's first element in one step:
// the dashboard replaces its live part every few hundred milliseconds, so
// separate reads may land on different copies (or on a node just
// replaced: "No node with given id found").
func liveTexts(t *testing.T, ctx context.Context, css ...string) []string {
	t.Helper()
	sel, _ := json.Marshal(css)
	got, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`(`+string(sel)+
		`).map(function (c) { var e = document.querySelector(c); return e ? e.innerText.trim() : ""; })`))
	if err != nil {
		t.Fatal(err)
	}
	return got
}
