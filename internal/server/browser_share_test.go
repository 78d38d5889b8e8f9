package server_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"warta/internal/store"
	"warta/internal/testbrowser"
	"warta/internal/testdb"
)

// evalString runs JavaScript in the page and returns its string result
// (awaiting a promise).
func evalString(t *testing.T, ctx context.Context, js string) string {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[string](js, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("evaluate %s: %v", js, err)
	}
	return v
}

// waitFor polls a JavaScript condition until it holds (a page's answer to
// a click arrives when it arrives; the test waits for it, never for a time).
func waitFor(t *testing.T, ctx context.Context, what, js string) {
	t.Helper()
	for {
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](js))
		if err == nil && ok {
			return
		}
		select {
		case <-ctx.Done():
			t.Fatalf("%s: never happened (%v)", what, err)
		case <-time.After(50 * time.Millisecond):
		}
	}
}

// Issue 14, in a real Chromium on a phone-sized window: "Salin tautan" puts
// the canonical URL on the clipboard and says so, without leaving the page;
// the system share sheet is offered only where the browser has one, and it
// gets the canonical URL and the title. The reactions beside the bar still
// count a like in place.
func TestBrowserShareBar(t *testing.T) {
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		ctx := testbrowser.New(t, 90*time.Second)
		e := newEnv(t, st)
		const canonical = "http://warta.test" + mainSlug
		grant := func(ctx context.Context, _ *chromedp.Target) (chromedp.Void, error) {
			for _, name := range []string{"clipboard-read", "clipboard-write"} {
				if _, err := cdp.Call(ctx, chromedp.FromContext(ctx).Browser, browser.SetPermission, browser.SetPermissionParams{
					Permission: &browser.PermissionDescriptor{Name: name, AllowWithoutSanitization: true},
					Setting:    browser.PermissionSettingGranted, Origin: e.srv.URL}); err != nil {
					return chromedp.Void{}, err
				}
			}
			return chromedp.Void{}, nil
		}
		testbrowser.Do(t, ctx, grant,
			chromedp.Navigate(e.srv.URL+mainSlug+"?urut=terlama"),
			chromedp.WaitVisible(chromedp.CSS(`.share-bar a.share-wa`)),
		)
		// Headless Chromium on Linux has no share sheet: the button stays hidden.
		if v := evalString(t, ctx, `String(!!navigator.share) + " " + document.querySelector("[data-share-native]").hidden`); v != "false true" {
			t.Errorf("without navigator.share: share API, button hidden = %s, want false true", v)
		}
		testbrowser.Do(t, ctx, chromedp.Click(chromedp.CSS(`.share-bar a[data-copy]`)))
		waitFor(t, ctx, "the copy message", `document.querySelector("[data-share-msg]").textContent.indexOf("Tautan disalin") === 0`)
		if got := evalString(t, ctx, `navigator.clipboard.readText()`); got != canonical {
			t.Errorf("clipboard holds %q, want %q", got, canonical)
		}
		if loc := evalString(t, ctx, `location.pathname + location.search`); loc != mainSlug+"?urut=terlama" {
			t.Errorf("copying the link left the page for %s", loc)
		}
		// The reactions in the bar still work in place.
		testbrowser.Do(t, ctx, chromedp.Click(chromedp.CSS(`.share-bar form.reactions button[value="like"]`)))
		waitFor(t, ctx, "the like count", `document.querySelector(".share-bar [data-likes]").textContent === "1"`)

		// A phone's browser has navigator.share. Chromium for Linux does not,
		// so the page gets one that records what it is given, as the system
		// sheet would receive it.
		phone := func(ctx context.Context, t *chromedp.Target) (chromedp.Void, error) {
			_, err := cdp.Call(ctx, t, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{
				Source: `navigator.share = function (d) { window.__shared = JSON.stringify(d); return Promise.resolve(); };`})
			return chromedp.Void{}, err
		}
		testbrowser.Do(t, ctx, phone, chromedp.Navigate(e.srv.URL+mainSlug), chromedp.WaitVisible(chromedp.CSS(`.share-native`)))
		testbrowser.Do(t, ctx, chromedp.Click(chromedp.CSS(`.share-native`)))
		waitFor(t, ctx, "the share sheet", `!!window.__shared`)
		if got := evalString(t, ctx, `window.__shared`); !strings.Contains(got, `"url":"`+canonical+`"`) || !strings.Contains(got, `"title":"Pemerintah Umumkan Kebijakan Pertahanan Baru"`) {
			t.Errorf("the share sheet got %s", got)
		}
	})
}
