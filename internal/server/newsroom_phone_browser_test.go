package server_test

import (
	"context"
	"os"
	"path/filepath"
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

// shoot saves what the browser shows as DIR/name.png when WARTA_SCREENSHOTS
// names a folder (for looking at pages by eye; tests pass without it).
func shoot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	dir := os.Getenv("WARTA_SCREENSHOTS")
	if dir == "" {
		return
	}
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100)) // 100: PNG
	if err != nil {
		t.Fatalf("screenshot %s: %v", name, err)
	}
	if err := os.WriteFile(filepath.Join(dir, name+".png"), png, 0o644); err != nil {
		t.Fatal(err)
	}
}

// The newsroom on a 390×844 phone (issue 13): on every page nothing runs
// off the side, the menu is folded behind one button that opens it, the
// dashboard chart's labels are as large as the text around them, and in the
// editor the save buttons stay on screen while the body is being typed.
func TestBrowserNewsroomOnAPhone(t *testing.T) {
	ctx := testbrowser.New(t, 120*time.Second)
	st := testdb.SQLite(t)
	e := nrtest.New(t, st)
	id := e.CreateArticle(t, map[string]any{"title": "Banjir Rob Genangi Pesisir Utara Jakarta", "category": "nasional",
		"excerpt": "Air laut pasang merendam permukiman.", "body": strings.Repeat("Warga mengungsi ke tempat yang lebih tinggi. ", 80)})
	testbrowser.Do(t, ctx, chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile))
	newsroomLogin(t, ctx, e.URL, domain.RoleAdmin)

	type look struct {
		Overflow  float64 // px the page is wider than the screen
		Header    float64 // height of the header
		MenuShown bool    // a menu link is visible
		Toggle    bool    // the Menu button is visible
	}
	const lookJS = `(function () {
		var link = document.querySelector(".top nav li a"), b = document.querySelector(".menu-toggle");
		return {Overflow: document.documentElement.scrollWidth - window.innerWidth,
			Header: document.querySelector("header.top").getBoundingClientRect().height,
			MenuShown: !!link && link.getClientRects().length > 0,
			Toggle: !!b && b.getClientRects().length > 0};
	})()`
	art := "/redaksi/artikel/" + strconv.FormatInt(id, 10)
	pages := []string{"/redaksi/", "/redaksi/artikel", "/redaksi/artikel/baru", art, art + "/revisi", art + "/statistik",
		"/redaksi/komentar", "/redaksi/moderasi", "/redaksi/kategori", "/redaksi/tag", "/redaksi/polling", "/redaksi/polling/baru",
		"/redaksi/pengguna", "/redaksi/webhook", "/redaksi/pengaturan", "/redaksi/halaman", "/redaksi/halaman/baru", "/redaksi/akun"}
	for _, p := range pages {
		testbrowser.Do(t, ctx, chromedp.Navigate(e.URL+p), chromedp.WaitReady(chromedp.CSS(`main`)))
		l, err := chromedp.Run(ctx, chromedp.Evaluate[look](lookJS))
		if err != nil {
			t.Fatal(err)
		}
		if l.Overflow > 0 {
			t.Errorf("%s is %.0f px wider than the phone: the reader scrolls sideways", p, l.Overflow)
		}
		if !l.Toggle || l.MenuShown {
			t.Errorf("%s: Menu button shown %v, menu links shown %v: want the menu folded behind the button", p, l.Toggle, l.MenuShown)
		}
		if l.Header > 80 {
			t.Errorf("%s: header %.0f px high with the menu folded, want ≤ 80", p, l.Header)
		}
		shoot(t, ctx, "redaksi"+strings.ReplaceAll(strings.TrimSuffix(p, "/"), "/", "_"))
	}

	// The button opens the menu: every link shows, one under another, and
	// still nothing runs off the side.
	testbrowser.Do(t, ctx, chromedp.Navigate(e.URL+"/redaksi/"), chromedp.Click(chromedp.CSS(`.menu-toggle`)),
		chromedp.WaitVisible(chromedp.CSS(`.top nav li a[href="/redaksi/pengaturan"]`)))
	open, err := chromedp.Run(ctx, chromedp.Evaluate[struct {
		Expanded string
		Links    int
		Overflow float64
	}](`({Expanded: document.querySelector(".menu-toggle").getAttribute("aria-expanded"),
		Links: Array.from(document.querySelectorAll(".top nav li a")).filter(function (a) { return a.getClientRects().length > 0; }).length,
		Overflow: document.documentElement.scrollWidth - window.innerWidth})`))
	if err != nil {
		t.Fatal(err)
	}
	if open.Expanded != "true" || open.Links < 10 || open.Overflow > 0 {
		t.Errorf("menu opened: aria-expanded %q, %d links shown, %.0f px overflow; want true, ≥ 10, 0", open.Expanded, open.Links, open.Overflow)
	}
	shoot(t, ctx, "redaksi_menu")

	// The dashboard chart's labels: at least 10 px high on the phone.
	labels, err := chromedp.Run(ctx, chromedp.Evaluate[[]float64](`Array.from(document.querySelectorAll(".chart text")).
		filter(function (x) { return x.getClientRects().length > 0; }).map(function (x) { return x.getBoundingClientRect().height; })`))
	if err != nil {
		t.Fatal(err)
	}
	if len(labels) < 5 {
		t.Errorf("dashboard chart shows %d labels, want ≥ 5 (the counts and some hours)", len(labels))
	}
	for _, h := range labels {
		if h < 10 {
			t.Errorf("a chart label is %.1f px high on the phone, want ≥ 10: %v", h, labels)
			break
		}
	}

	// Typing the body: the save buttons are on screen.
	testbrowser.Do(t, ctx, chromedp.Navigate(e.URL+art), chromedp.WaitVisible(chromedp.CSS(`#body`)))
	bar, err := chromedp.Run(ctx, chromedp.Evaluate[struct{ Top, Bottom, Screen float64 }](`(function () {
		var body = document.getElementById("body");
		body.scrollIntoView({block: "center"}); body.focus();
		var r = document.querySelector("#editor .actions button[type=submit]").getBoundingClientRect();
		return {Top: r.top, Bottom: r.bottom, Screen: window.innerHeight};
	})()`))
	if err != nil {
		t.Fatal(err)
	}
	if bar.Top < 0 || bar.Bottom > bar.Screen {
		t.Errorf("while typing the body the save button is at %.0f–%.0f px on a %.0f px screen: want it on screen", bar.Top, bar.Bottom, bar.Screen)
	}
	shoot(t, ctx, "redaksi_editor_typing")
}
