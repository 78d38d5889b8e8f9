package server_test

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"warta/internal/domain"
	"warta/internal/newsroom/nrtest"
	"warta/internal/store"
	"warta/internal/testbrowser"
	"warta/internal/testdb"
)

// Issue 14, in a real Chromium on both databases: an admin uploads a logo
// and renames the site in the newsroom's settings, sets a menu, a footer
// and house ad slots; a reader's phone shows them with each slot's space
// reserved and labelled "Iklan", nothing refused by the CSP; editors'
// home poll shows on the home page and an article its own; and without
// JavaScript the same page carries all of it.
func TestBrowserSiteSettings(t *testing.T) {
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		ctx := testbrowser.New(t, 120*time.Second)
		e := nrtest.New(t, st)
		body := "Paragraf pertama berita ini.\n\nParagraf kedua.\n\nParagraf ketiga.\n\nParagraf keempat."
		e.CreateArticle(t, map[string]any{"title": "Banjir Surut di Jakarta", "category": "nasional", "status": "published", "body": body})
		ctxBg := context.Background()
		sitePoll, err := st.CreatePoll(ctxBg, store.PollInput{Question: "Apakah Anda mudik tahun ini?", Options: []string{"Ya", "Tidak"}, Scope: domain.PollSite})
		if err != nil {
			t.Fatal(err)
		}
		own, err := st.CreatePoll(ctxBg, store.PollInput{Question: "Apakah banjir sampai ke rumah Anda?", Options: []string{"Ya", "Tidak"}, Scope: domain.PollArticle})
		if err != nil {
			t.Fatal(err)
		}
		e.CreateArticle(t, map[string]any{"title": "Warga Mengungsi", "category": "nasional", "status": "published", "poll_id": own})

		// A real PNG to upload.
		img := image.NewRGBA(image.Rect(0, 0, 300, 100))
		for x := range 300 {
			for y := range 100 {
				img.Set(x, y, color.RGBA{180, uint8(y), 30, 255})
			}
		}
		var buf bytes.Buffer
		png.Encode(&buf, img)
		logo := filepath.Join(t.TempDir(), "logo.png")
		if err := os.WriteFile(logo, buf.Bytes(), 0o600); err != nil {
			t.Fatal(err)
		}

		newsroomLogin(t, ctx, e.URL, domain.RoleAdmin)
		// submit clicks a form's button and waits for the page it leads to
		// (not the notice still on the page it leaves).
		submit := func(button string) {
			t.Helper()
			testbrowser.Do(t, ctx, chromedp.Evaluate[chromedp.Void](`window.__leaving = true`), chromedp.Click(chromedp.CSS(button)))
			waitFor(t, ctx, "the page after "+button, `!window.__leaving && document.readyState === "complete" && !!document.querySelector("p.notice")`)
			if got := evalString(t, ctx, `document.querySelector("p.notice").textContent`); !strings.Contains(got, "tersimpan") {
				t.Errorf("after %s: notice %q", button, got)
			}
		}
		testbrowser.Do(t, ctx,
			chromedp.Navigate(e.URL+"/redaksi/pengaturan"),
			chromedp.WaitVisible(chromedp.CSS(`#identitas input[name=site_name]`)),
			chromedp.SendKeys(chromedp.CSS(`#identitas input[name=site_name]`), "Kabar Kita"),
			chromedp.SendKeys(chromedp.CSS(`#identitas input[name=tagline]`), "Kabar dari kita"),
			chromedp.SetUploadFiles(chromedp.CSS(`#identitas input[name=logo_file]`), []string{logo}),
		)
		submit(`#identitas button[type=submit]`)
		if got := evalString(t, ctx, `document.querySelector("img.logo-now") ? "shown" : "missing"`); got != "shown" {
			t.Errorf("the uploaded logo is %s on the settings page", got)
		}
		// The menu: Teknologi is left out, a contact link added (the form, as an admin fills it).
		testbrowser.Do(t, ctx,
			chromedp.Click(chromedp.CSS(`#menu input[name=menu_all]`)),
			chromedp.Click(chromedp.CSS(`#menu-teknologi`)),
			chromedp.SendKeys(chromedp.CSS(`#menu input[name=link_label_0]`), "Kontak"),
			chromedp.SendKeys(chromedp.CSS(`#menu input[name=link_url_0]`), "/halaman/kontak"),
			chromedp.SetValue(chromedp.CSS(`#menu input[name=link_order_0]`), "9"),
		)
		submit(`#menu button[type=submit]`)
		testbrowser.Do(t, ctx, chromedp.SendKeys(chromedp.CSS(`#kaki textarea[name=footer_text]`), "Jl. Merdeka 1, Jakarta"))
		submit(`#kaki button[type=submit]`)
		testbrowser.Do(t, ctx,
			chromedp.Click(chromedp.CSS(`#slot-header input[value=house]`)),
			chromedp.SendKeys(chromedp.CSS(`#slot-header textarea`), "<p>Langganan <b>Kabar Kita</b></p>"),
			chromedp.Click(chromedp.CSS(`#slot-article input[value=house]`)),
			chromedp.SendKeys(chromedp.CSS(`#slot-article textarea`), "<p>Pasang iklan di sini</p>"),
			chromedp.Click(chromedp.CSS(`#slot-sidebar input[value=house]`)),
			chromedp.SendKeys(chromedp.CSS(`#slot-sidebar textarea`), "<p>Samping</p>"),
		)
		submit(`#iklan button[type=submit]`)
		// The editors' home poll: chosen on the polls page.
		testbrowser.Do(t, ctx,
			chromedp.Navigate(e.URL+"/redaksi/polling"),
			chromedp.WaitVisible(chromedp.CSS(`#home-poll`)),
			chromedp.SetValue(chromedp.CSS(`#home-poll`), itoa(sitePoll)),
		)
		submit(`form[action="/redaksi/polling/beranda"] button`)
		if v, _ := st.Setting(ctxBg, store.SettingHomePoll); v != itoa(sitePoll) {
			t.Errorf("home poll stored as %q", v)
		}

		// A reader's phone, watching for anything the CSP refuses.
		watch := chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
			_, err := cdp.Call(ctx, t, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{
				Source: `window.__csp = []; document.addEventListener("securitypolicyviolation", function (e) { window.__csp.push(e.effectiveDirective + " " + e.blockedURI); });`})
			return err
		})
		testbrowser.Do(t, ctx, watch,
			chromedp.Navigate(e.URL+"/berita/banjir-surut-di-jakarta"),
			chromedp.WaitVisible(chromedp.CSS(`.ad-article`)),
		)
		waitFor(t, ctx, "the logo drawn", `(function () { var i = document.querySelector(".brand img"); return i && i.complete && i.naturalWidth > 0; })()`)
		if got := evalString(t, ctx, `(function () {
			var i = document.querySelector(".brand img"), r = i.getBoundingClientRect();
			return i.getAttribute("src").indexOf("/media/") + " " + Math.round(r.height) + " " + Math.round(r.width);
		})()`); got != "0 32 96" {
			t.Errorf("logo (src index, height, width) = %s, want the upload at 32×96", got)
		}
		if got := evalString(t, ctx, `document.querySelector(".brand span").textContent + " | " + document.title`); got != "Kabar Kita | Banjir Surut di Jakarta — Kabar Kita" {
			t.Errorf("name: %q", got)
		}
		if got := evalString(t, ctx, `Array.from(document.querySelectorAll(".nav a")).map(function (a) { return a.textContent; }).join(",")`); got != "Beranda,Nasional,Kontak,Indeks" {
			t.Errorf("menu %q", got)
		}
		if got := evalString(t, ctx, `document.querySelector(".footer-text").textContent`); got != "Jl. Merdeka 1, Jakarta" {
			t.Errorf("footer %q", got)
		}
		// Every slot is labelled and holds its reserved height however small its content.
		if got := evalString(t, ctx, `Array.from(document.querySelectorAll("aside.ad")).map(function (a) {
			return a.className.replace("ad ad-", "") + ":" + a.querySelector(".ad-label").textContent + ":" + Math.round(a.querySelector(".ad-box").getBoundingClientRect().height);
		}).join(",")`); got != "header:Iklan:100,article:Iklan:250,sidebar:Iklan:250" {
			t.Errorf("slots (name:label:height) %q", got)
		}
		if got := evalString(t, ctx, `(function () {
			var ad = document.querySelector(".ad-article"), p = ad.previousElementSibling, n = ad.nextElementSibling;
			return (p ? p.textContent : "") + " | " + (n ? n.textContent : "");
		})()`); got != "Paragraf ketiga. | Paragraf keempat." {
			t.Errorf("the in-body slot sits between %q", got)
		}
		if got := evalString(t, ctx, `document.querySelector("#polling .poll-q") ? document.querySelector("#polling .poll-q").textContent : ""`); got != "Apakah Anda mudik tahun ini?" {
			t.Errorf("an article without its own poll shows %q, want the home poll", got)
		}
		testbrowser.Do(t, ctx, chromedp.Navigate(e.URL+"/berita/warga-mengungsi"), chromedp.WaitVisible(chromedp.CSS(`#polling`)))
		if got := evalString(t, ctx, `document.querySelector("#polling .poll-q").textContent`); got != "Apakah banjir sampai ke rumah Anda?" {
			t.Errorf("the article with its own poll shows %q", got)
		}
		testbrowser.Do(t, ctx, chromedp.Navigate(e.URL+"/"), chromedp.WaitVisible(chromedp.CSS(`#polling`)))
		if got := evalString(t, ctx, `document.querySelector("#polling .poll-q").textContent`); got != "Apakah Anda mudik tahun ini?" {
			t.Errorf("home poll %q", got)
		}
		if got := evalString(t, ctx, `window.__csp.join(", ")`); got != "" {
			t.Errorf("the CSP refused %s", got)
		}

		// Without JavaScript the same article page carries the look and the slots.
		testbrowser.Do(t, ctx, testbrowser.NoScript(),
			chromedp.Navigate(e.URL+"/berita/banjir-surut-di-jakarta"),
			chromedp.WaitVisible(chromedp.CSS(`.ad-article`)),
		)
		if got := evalString(t, ctx, `document.querySelector(".brand span").textContent + "," + document.querySelectorAll("aside.ad").length + "," + document.querySelector(".footer-text").textContent`); got != "Kabar Kita,3,Jl. Merdeka 1, Jakarta" {
			t.Errorf("without JavaScript: %q", got)
		}
	})
}
