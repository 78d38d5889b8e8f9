package server_test

import (
	"bytes"
	"context"
	"encoding/binary"
	"encoding/json"
	"image/png"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"warta/internal/store"
	"warta/internal/testbrowser"
	"warta/internal/testdb"
)

// Issue 14: an article says how long it takes to read ("x menit baca", at
// 200 words a minute, rounded up).
func TestReadingTime(t *testing.T) {
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		e := newEnv(t, st)
		long := "<p>" + strings.TrimSpace(strings.Repeat("Warga mengungsi ke balai desa. ", 90)) + "</p>" // 450 words
		publishArticle(t, st, "laporan-panjang", "Laporan Panjang", long)
		for path, want := range map[string]string{mainSlug: "1 menit baca", "/berita/laporan-panjang": "3 menit baca"} {
			_, _, body := e.get(t, path)
			if got := between(body, `<span class="reading-time">`, "</span>"); !strings.Contains(got, want) {
				t.Errorf("%s: reading time %q, want %q", path, got, want)
			}
		}
	})
}

// Issue 14: the icons browsers and phones ask for exist where they ask,
// the pages link them, and the web manifest names the site (as the
// newsroom's settings name it) and icons that load at the sizes it says.
func TestIconsAndManifest(t *testing.T) {
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		e := newEnv(t, st)
		// The name set in the newsroom's site settings, before any page asked for it.
		if err := st.SetSetting(context.Background(), store.SettingSiteName, "Kabar Nusantara"); err != nil {
			t.Fatal(err)
		}
		fetch := func(path string) (int, http.Header, []byte) {
			code, h, body := e.get(t, path)
			return code, h, []byte(body)
		}
		code, h, ico := fetch("/favicon.ico")
		var head struct{ Reserved, Type, Count uint16 }
		binary.Read(bytes.NewReader(ico), binary.LittleEndian, &head)
		if code != 200 || h.Get("Content-Type") != "image/x-icon" || head.Type != 1 || head.Count != 3 {
			t.Errorf("/favicon.ico: %d %s, %d images (header %+v), want an ICO of 3", code, h.Get("Content-Type"), head.Count, head)
		}
		pngSize := func(b []byte) int {
			c, err := png.DecodeConfig(bytes.NewReader(b))
			if err != nil || c.Width != c.Height {
				return -1
			}
			return c.Width
		}
		if code, _, b := fetch("/apple-touch-icon.png"); code != 200 || pngSize(b) != 180 {
			t.Errorf("/apple-touch-icon.png: %d, %d px", code, pngSize(b))
		}
		_, _, page := e.get(t, mainSlug)
		for _, want := range []string{`<link rel="icon" href="/favicon.ico" sizes="48x48">`, `<link rel="apple-touch-icon" href="/static/apple-touch-icon.`,
			`<link rel="manifest" href="/manifest.webmanifest">`, `<link rel="icon" href="/static/logo.`} {
			if !strings.Contains(page, want) {
				t.Errorf("the page lacks %s", want)
			}
		}
		_, h, b := fetch("/manifest.webmanifest")
		var m struct {
			ShortName string `json:"short_name"`
			Icons     []struct{ Src, Sizes, Type, Purpose string }
		}
		if err := json.Unmarshal(b, &m); err != nil || h.Get("Content-Type") != "application/manifest+json" {
			t.Fatalf("manifest: %s %v: %s", h.Get("Content-Type"), err, b)
		}
		if !strings.Contains(string(b), `"name":"Kabar Nusantara"`) || m.ShortName != "Kabar Nusantara" || !strings.Contains(string(b), `"start_url":"/"`) || !strings.Contains(string(b), `"lang":"id"`) {
			t.Errorf("manifest: %s", b)
		}
		sizes := map[string]bool{}
		for _, ic := range m.Icons {
			code, h, img := fetch(ic.Src)
			if code != 200 || h.Get("Content-Type") != ic.Type {
				t.Errorf("icon %s: %d %s, want %s", ic.Src, code, h.Get("Content-Type"), ic.Type)
				continue
			}
			if ic.Type == "image/png" {
				if n := pngSize(img); ic.Sizes != itoa(int64(n))+"x"+itoa(int64(n)) {
					t.Errorf("icon %s says %s, is %d px", ic.Src, ic.Sizes, n)
				}
				sizes[ic.Sizes+" "+ic.Purpose] = true
			}
		}
		if !sizes["192x192 "] || !sizes["512x512 "] || !sizes["512x512 maskable"] {
			t.Errorf("manifest icons %v, want 192, 512 and a maskable 512", sizes)
		}
	})
}

// emulateMedia makes the tab report a media type ("print") and features
// (prefers-color-scheme) as a reader's device would.
func emulateMedia(media, scheme string) chromedp.Action[chromedp.Void] {
	return func(ctx context.Context, t *chromedp.Target) (chromedp.Void, error) {
		p := emulation.SetEmulatedMediaParams{Media: media}
		if scheme != "" {
			p.Features = []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}}
		}
		_, err := cdp.Call(ctx, t, emulation.SetEmulatedMedia, p)
		return chromedp.Void{}, err
	}
}

const bodyBackground = `getComputedStyle(document.body).backgroundColor`

// Issue 14, in a real Chromium: the dark-mode switch flips the theme the
// page shows, keeps the reader's choice for the next page, which is dark
// from its first paint (the theme is on <html> before <body> exists), and
// hands back to the system when the reader flips back; the system's dark
// setting is followed without a choice, and without JavaScript.
func TestBrowserDarkModeSwitch(t *testing.T) {
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		ctx := testbrowser.New(t, 90*time.Second)
		e := newEnv(t, st)
		const light, dark = "rgb(255, 255, 255)", "rgb(20, 20, 24)"
		// Records the theme at the moment <body> is created, before any paint of it.
		firstPaint := func(ctx context.Context, t *chromedp.Target) (chromedp.Void, error) {
			_, err := cdp.Call(ctx, t, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{
				Source: `new MutationObserver(function (_, o) { if (document.body) { window.__bodyTheme = document.documentElement.getAttribute("data-theme") || "system"; o.disconnect(); } }).observe(document, {childList: true, subtree: true});`})
			return chromedp.Void{}, err
		}
		testbrowser.Do(t, ctx, firstPaint, emulateMedia("", "light"), chromedp.Navigate(e.srv.URL+mainSlug), chromedp.WaitVisible(chromedp.CSS(`[data-theme-toggle]`)))
		if bg := evalString(t, ctx, bodyBackground); bg != light {
			t.Errorf("system light, no choice: background %s", bg)
		}
		testbrowser.Do(t, ctx, chromedp.Click(chromedp.CSS(`[data-theme-toggle]`)))
		waitFor(t, ctx, "the page turning dark", bodyBackground+` === "`+dark+`"`)
		if v := evalString(t, ctx, `document.querySelector("[data-theme-toggle]").getAttribute("aria-pressed") + " " + localStorage.getItem("warta-tema")`); v != "true dark" {
			t.Errorf("after choosing dark: pressed and stored = %s", v)
		}
		// The next page is dark from its first paint.
		testbrowser.Do(t, ctx, chromedp.Navigate(e.srv.URL+"/"), chromedp.WaitVisible(chromedp.CSS(`[data-theme-toggle]`)))
		if v := evalString(t, ctx, `window.__bodyTheme + " " + `+bodyBackground); v != "dark "+dark {
			t.Errorf("the next page: theme when <body> began, background = %s, want dark %s", v, dark)
		}
		// Flipping back to the system's own theme forgets the choice.
		testbrowser.Do(t, ctx, chromedp.Click(chromedp.CSS(`[data-theme-toggle]`)))
		waitFor(t, ctx, "the page turning light", bodyBackground+` === "`+light+`"`)
		if v := evalString(t, ctx, `String(localStorage.getItem("warta-tema")) + " " + document.documentElement.hasAttribute("data-theme")`); v != "null false" {
			t.Errorf("after flipping back: stored, attribute = %s, want null false", v)
		}
		// A system in dark mode: dark without a choice, the switch pressed.
		testbrowser.Do(t, ctx, emulateMedia("", "dark"), chromedp.Navigate(e.srv.URL+mainSlug), chromedp.WaitVisible(chromedp.CSS(`[data-theme-toggle]`)))
		if v := evalString(t, ctx, bodyBackground+` + " " + document.querySelector("[data-theme-toggle]").getAttribute("aria-pressed")`); v != dark+" true" {
			t.Errorf("system dark: background and switch = %s", v)
		}
		// Without JavaScript: the system decides and the switch is not shown.
		testbrowser.Do(t, ctx, testbrowser.NoScript(), chromedp.Navigate(e.srv.URL+mainSlug), chromedp.WaitVisible(chromedp.CSS(`h1#judul`)))
		if v := evalString(t, ctx, bodyBackground+` + " " + getComputedStyle(document.querySelector("[data-theme-toggle]")).display`); v != dark+" none" {
			t.Errorf("without JavaScript, system dark: background and switch display = %s", v)
		}
	})
}

// Issue 14: an article prints as its headline, byline, photo and text:
// no navigation, search, forms, comments, share bar, ads, poll or side
// column, in black on white even when the reader reads in dark mode.
func TestBrowserArticlePrintsShort(t *testing.T) {
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		ctx := testbrowser.New(t, 60*time.Second)
		e := newEnv(t, st)
		if err := st.SetSetting(context.Background(), store.SettingArticleSlot, `<p>Iklan mitra</p>`); err != nil {
			t.Fatal(err)
		}
		testbrowser.Do(t, ctx, emulateMedia("print", "dark"), chromedp.Navigate(e.srv.URL+mainSlug), chromedp.WaitReady(chromedp.CSS(`h1#judul`)))
		got := evalString(t, ctx, `["h1#judul", ".byline", ".lead", ".body", ".nav", ".site-search", ".share-bar", ".comments", ".comment-form", ".slot", ".poll", ".col-side", ".site-footer", ".related", ".tags"].map(function (s) {
			var n = document.querySelector(s); return s + ":" + (n ? (getComputedStyle(n).display === "none" ? "hidden" : "shown") : "absent");
		}).join(" ") + " " + `+bodyBackground)
		want := "h1#judul:shown .byline:shown .lead:shown .body:shown .nav:hidden .site-search:hidden .share-bar:hidden .comments:hidden " +
			".comment-form:hidden .slot:hidden .poll:hidden .col-side:hidden .site-footer:hidden .related:hidden .tags:hidden rgb(255, 255, 255)"
		if got != want {
			t.Errorf("printed page:\n got %s\nwant %s", got, want)
		}
	})
}
