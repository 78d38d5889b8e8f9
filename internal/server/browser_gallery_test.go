package server_test

import (
	"context"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"warta/internal/domain"
	"warta/internal/newsroom/nrtest"
	"warta/internal/store"
	"warta/internal/testbrowser"
	"warta/internal/testdb"
)

// galleryArticle publishes an article whose body holds a figure and a
// gallery of three uploaded photos, through the admin API, and returns
// its path.
func galleryArticle(t *testing.T, e *nrtest.Env) string {
	t.Helper()
	var lines []string
	for i, c := range []string{"Perahu karet menjemput warga", "Dapur umum di masjid", "Sungai surut keesokan harinya"} {
		r := e.API(t, domain.RoleEditor, http.MethodPost, "/uploads?caption="+strings.ReplaceAll(c, " ", "+")+"&credit=Warta", photoJPEG(int64(10+i)))
		if r.Status != http.StatusCreated {
			t.Fatalf("upload: %d %s", r.Status, r.Body)
		}
		var up struct {
			Markdown string `json:"markdown"`
		}
		r.Data(t, &up)
		lines = append(lines, up.Markdown)
	}
	body := "Banjir melanda tiga kecamatan sejak Senin malam.\n\nWarga mulai kembali ke rumah.\n\n" + strings.Join(lines, "\n") +
		"\n\nPemerintah daerah menyiapkan bantuan."
	e.CreateArticle(t, map[string]any{"title": "Galeri Banjir Bandang", "category": "nasional", "body": body, "status": "published"})
	return "/berita/galeri-banjir-bandang"
}

func eval[T any](t *testing.T, ctx context.Context, js string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js))
	if err != nil {
		t.Fatalf("%s: %v", js, err)
	}
	return v
}

// swipe drags one finger across the lightbox from x0 to x1.
func swipe(x0, x1 float64) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		id := 1.0
		for _, ev := range []input.DispatchTouchEventParams{
			{Type: input.DispatchTouchEventTypeTouchStart, TouchPoints: []*input.TouchPoint{{X: x0, Y: 400, ID: &id}}},
			{Type: input.DispatchTouchEventTypeTouchMove, TouchPoints: []*input.TouchPoint{{X: (x0 + x1) / 2, Y: 405, ID: &id}}},
			{Type: input.DispatchTouchEventTypeTouchMove, TouchPoints: []*input.TouchPoint{{X: x1, Y: 410, ID: &id}}},
			{Type: input.DispatchTouchEventTypeTouchEnd, TouchPoints: []*input.TouchPoint{}},
		} {
			if _, err := cdp.Call(ctx, tg, input.DispatchTouchEvent, ev); err != nil {
				return err
			}
		}
		return nil
	})
}

// A reader on a phone opens the gallery: the photos stand in a grid of
// thumbnails; a tap opens the lightbox at that photo with its caption and
// credit, the arrow keys and swipes move between photos (round the end),
// Esc and the close button leave it and focus goes back to the thumbnail
// it was opened from. Without JavaScript the same gallery is a plain list
// of figures, each with its caption and a link to the large photo.
func TestBrowserGalleryLightbox(t *testing.T) {
	ctx := testbrowser.New(t, 150*time.Second)
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		e := nrtest.New(t, st)
		page := e.URL + galleryArticle(t, e)
		tab, cancel := chromedp.NewContext(ctx)
		defer cancel()
		counter := func() string {
			t.Helper()
			return eval[string](t, tab, `document.querySelector("dialog.lightbox .lightbox-count").textContent`)
		}
		waitCounter := func(want string) {
			t.Helper()
			if _, err := chromedp.Run(tab, chromedp.Poll[bool](`document.querySelector("dialog.lightbox .lightbox-count").textContent === "`+want+`"`)); err != nil {
				t.Fatalf("counter %q, want %q", counter(), want)
			}
		}
		testbrowser.Do(t, tab,
			chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile, chromedp.EmulateTouch),
			chromedp.Navigate(page),
			chromedp.WaitVisible(chromedp.CSS(`ul.gallery.gallery-grid`)),
		)
		// Three photos on a phone: the first wide, the other two side by side.
		if !eval[bool](t, tab, `(function () { var li = document.querySelectorAll("ul.gallery > li");
			var a = li[0].getBoundingClientRect(), b = li[1].getBoundingClientRect(), c = li[2].getBoundingClientRect();
			return li.length === 3 && b.top >= a.bottom && Math.abs(b.top - c.top) < 1 && c.left >= b.right && a.width > 1.8 * b.width; })()`) {
			t.Errorf("the thumbnails are not in a grid")
		}
		// A tap on the first thumbnail.
		testbrowser.Do(t, tab,
			chromedp.Click(chromedp.CSS(`ul.gallery a.gallery-link`)),
			chromedp.WaitVisible(chromedp.CSS(`dialog.lightbox[open] .lightbox-figure img`)),
		)
		if got := counter(); got != "Foto 1 dari 3" {
			t.Errorf("counter %q", got)
		}
		if got := testbrowser.Text(t, tab, `dialog.lightbox figcaption`); got != "Perahu karet menjemput warga Sumber foto: Warta" {
			t.Errorf("caption %q", got)
		}
		if !eval[bool](t, tab, `document.activeElement === document.querySelector("dialog.lightbox")`) {
			t.Errorf("focus did not move into the lightbox")
		}
		if _, err := chromedp.Run(tab, chromedp.Poll[bool](`(function () { var i = document.querySelector("dialog.lightbox img");
			return i.complete && i.naturalWidth > 0 && i.getBoundingClientRect().width > 300; })()`)); err != nil {
			t.Errorf("the large photo did not show: %v", err)
		}
		// The page behind does not scroll while the lightbox is open.
		if !eval[bool](t, tab, `document.documentElement.classList.contains("lightbox-open")`) {
			t.Errorf("page not held while the lightbox is open")
		}
		testbrowser.Do(t, tab, chromedp.KeyEvent(kb.ArrowRight))
		waitCounter("Foto 2 dari 3")
		if got := testbrowser.Text(t, tab, `dialog.lightbox figcaption`); !strings.HasPrefix(got, "Dapur umum di masjid") {
			t.Errorf("caption after ArrowRight %q", got)
		}
		testbrowser.Do(t, tab, chromedp.KeyEvent(kb.ArrowLeft), chromedp.KeyEvent(kb.ArrowLeft))
		waitCounter("Foto 3 dari 3")
		// Swipes: right to left is the next photo (round to the first).
		testbrowser.Do(t, tab, swipe(320, 60))
		waitCounter("Foto 1 dari 3")
		testbrowser.Do(t, tab, swipe(60, 320))
		waitCounter("Foto 3 dari 3")
		// A vertical move is no swipe.
		testbrowser.Do(t, tab, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			id := 1.0
			for _, ev := range []input.DispatchTouchEventParams{
				{Type: input.DispatchTouchEventTypeTouchStart, TouchPoints: []*input.TouchPoint{{X: 200, Y: 200, ID: &id}}},
				{Type: input.DispatchTouchEventTypeTouchMove, TouchPoints: []*input.TouchPoint{{X: 250, Y: 600, ID: &id}}},
				{Type: input.DispatchTouchEventTypeTouchEnd, TouchPoints: []*input.TouchPoint{}},
			} {
				if _, err := cdp.Call(ctx, tg, input.DispatchTouchEvent, ev); err != nil {
					return err
				}
			}
			return nil
		}))
		// The buttons move too.
		testbrowser.Do(t, tab, chromedp.Click(chromedp.CSS(`dialog.lightbox .lightbox-next`)))
		waitCounter("Foto 1 dari 3")
		// Esc closes; focus is back on the thumbnail that opened it.
		testbrowser.Do(t, tab, chromedp.KeyEvent(kb.Escape), chromedp.WaitNotVisible(chromedp.CSS(`dialog.lightbox`)))
		if _, err := chromedp.Run(tab, chromedp.Poll[bool](`document.activeElement === document.querySelectorAll("a.gallery-link")[0] &&
			!document.documentElement.classList.contains("lightbox-open")`)); err != nil {
			t.Errorf("after Esc focus is on %s", eval[string](t, tab, `document.activeElement.outerHTML.slice(0, 80)`))
		}
		// By keyboard alone: Tab to the second thumbnail, Enter, close button.
		testbrowser.Do(t, tab,
			chromedp.Focus(chromedp.CSS(`ul.gallery li:nth-child(2) a.gallery-link`)),
			chromedp.KeyEvent(kb.Enter),
			chromedp.WaitVisible(chromedp.CSS(`dialog.lightbox[open]`)),
		)
		waitCounter("Foto 2 dari 3")
		// Tab reaches the close button (focus stays inside the lightbox).
		testbrowser.Do(t, tab, chromedp.KeyEvent(kb.Tab))
		if !eval[bool](t, tab, `document.activeElement.classList.contains("lightbox-close")`) {
			t.Errorf("Tab in the lightbox went to %s", eval[string](t, tab, `document.activeElement.outerHTML.slice(0, 80)`))
		}
		testbrowser.Do(t, tab, chromedp.KeyEvent(kb.Enter), chromedp.WaitNotVisible(chromedp.CSS(`dialog.lightbox`)))
		if _, err := chromedp.Run(tab, chromedp.Poll[bool](`document.activeElement === document.querySelectorAll("a.gallery-link")[1]`)); err != nil {
			t.Errorf("after the close button focus is on %s", eval[string](t, tab, `document.activeElement.outerHTML.slice(0, 80)`))
		}
		if os.Getenv("WARTA_SHOTS") != "" { // screenshots for a person to look at
			shot(t, tab, "gallery-phone.png")
			testbrowser.Do(t, tab, chromedp.Click(chromedp.CSS(`ul.gallery a.gallery-link`)), chromedp.WaitVisible(chromedp.CSS(`dialog.lightbox[open]`)))
			shot(t, tab, "lightbox-phone.png")
			testbrowser.Do(t, tab, chromedp.KeyEvent(kb.Escape), chromedp.EmulateViewport(1280, 800), chromedp.Reload(),
				chromedp.WaitVisible(chromedp.CSS(`ul.gallery.gallery-grid`)))
			shot(t, tab, "gallery-desktop.png")
			testbrowser.Do(t, tab, chromedp.Click(chromedp.CSS(`ul.gallery a.gallery-link`)), chromedp.WaitVisible(chromedp.CSS(`dialog.lightbox[open]`)))
			shot(t, tab, "lightbox-desktop.png")
		}

		// Without JavaScript: a plain list of figures.
		nojs, cancel2 := chromedp.NewContext(ctx)
		defer cancel2()
		testbrowser.Do(t, nojs,
			chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile),
			chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
				_, err := cdp.Call(ctx, tg, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true})
				return err
			}),
			chromedp.Navigate(page),
			chromedp.WaitVisible(chromedp.CSS(`ul.gallery`)),
		)
		if !eval[bool](t, nojs, `(function () { var g = document.querySelector("ul.gallery"), li = g.querySelectorAll(":scope > li");
			if (g.classList.contains("gallery-grid") || li.length !== 3 || document.querySelector("dialog")) return false;
			for (var i = 1; i < li.length; i++) {
				if (li[i].getBoundingClientRect().top < li[i-1].getBoundingClientRect().bottom) return false;
			}
			var fc = g.querySelectorAll("figcaption");
			return fc.length === 3 && fc[1].getBoundingClientRect().height > 0 && fc[1].textContent === "Dapur umum di masjid Sumber foto: Warta" &&
				li[0].getBoundingClientRect().width > 300; })()`) {
			t.Errorf("without JavaScript the gallery is not a list of figures")
		}
		// Its links lead to the large photo.
		href := eval[string](t, nojs, `document.querySelector("ul.gallery li:nth-child(3) a.gallery-link").href`)
		if !regexp.MustCompile(`/media/u/[0-9a-f]{24}-1440\.jpg$`).MatchString(href) {
			t.Errorf("gallery link %q", href)
		}
		testbrowser.Do(t, nojs, chromedp.Click(chromedp.CSS(`ul.gallery li:nth-child(3) a.gallery-link`)))
		for { // the photo opens (the test's deadline bounds the wait)
			loc, err := chromedp.Run(nojs, chromedp.Location())
			if err != nil {
				t.Fatal(err)
			}
			if loc == href {
				break
			}
			time.Sleep(50 * time.Millisecond)
		}
	})
}

// shot saves a screenshot of the page under $WARTA_SHOTS.
func shot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	b, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(os.Getenv("WARTA_SHOTS"), name), b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// A writer puts photos into the body from the editor: choosing one file
// types its figure in at the cursor, choosing several a gallery, each with
// the caption and credit given, and the live preview shows them as readers
// will. A file that is no image is refused with the reason.
func TestBrowserEditorInsertsBodyImages(t *testing.T) {
	ctx := testbrowser.New(t, 120*time.Second)
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		e := nrtest.New(t, st)
		tab, cancel := chromedp.NewContext(ctx)
		defer cancel()
		dir := t.TempDir()
		var files []string
		for i := range 3 {
			p := filepath.Join(dir, "foto-"+string(rune('a'+i))+".jpg")
			if err := os.WriteFile(p, smallJPEG(600, 400, uint8(i*40)), 0o644); err != nil {
				t.Fatal(err)
			}
			files = append(files, p)
		}
		bad := filepath.Join(dir, "bukan.jpg")
		os.WriteFile(bad, []byte("bukan gambar"), 0o644)
		newsroomLogin(t, tab, e.URL, domain.RoleWriter)
		status := func(want string) {
			t.Helper()
			if _, err := chromedp.Run(tab, chromedp.Poll[bool](`document.getElementById("body-upload-status").textContent === "`+want+`"`)); err != nil {
				t.Fatalf("upload status %q, want %q", testbrowser.Text(t, tab, `#body-upload-status`), want)
			}
		}
		testbrowser.Do(t, tab,
			chromedp.Navigate(e.URL+"/redaksi/artikel/baru"),
			chromedp.WaitVisible(chromedp.CSS(`#body`)),
			chromedp.SendKeys(chromedp.CSS(`#title`), "Foto Banjir dari Pembaca"),
			chromedp.SendKeys(chromedp.CSS(`#body`), "Paragraf pembuka."),
			chromedp.SendKeys(chromedp.CSS(`#body_caption`), "Air setinggi lutut"),
			chromedp.SendKeys(chromedp.CSS(`#body_credit`), "Dok. Warga"),
		)
		if eval[bool](t, tab, `getComputedStyle(document.querySelector("button[value=body_upload]")).display !== "none"`) {
			t.Errorf("the no-JavaScript upload button shows with JavaScript")
		}
		testbrowser.Do(t, tab, chromedp.SetUploadFiles(chromedp.CSS(`#body_files`), files[:1]))
		status("Gambar masuk ke isi berita.")
		testbrowser.Do(t, tab, chromedp.SendKeys(chromedp.CSS(`#body`), "Paragraf tengah."),
			chromedp.SetUploadFiles(chromedp.CSS(`#body_files`), files[1:]))
		status("2 gambar masuk ke isi berita sebagai galeri.")
		body := eval[string](t, tab, `document.getElementById("body").value`)
		parts := strings.Split(strings.TrimSpace(body), "\n\n")
		if len(parts) != 4 || parts[0] != "Paragraf pembuka." || parts[2] != "Paragraf tengah." ||
			!strings.HasPrefix(parts[1], `![Air setinggi lutut](/media/u/`) || !strings.HasSuffix(parts[1], `-600.jpg "Dok. Warga")`) ||
			strings.Count(parts[3], "\n") != 1 || strings.Count(parts[3], `![Air setinggi lutut](/media/u/`) != 2 {
			t.Fatalf("body after the uploads: %q", body)
		}
		if _, err := chromedp.Run(tab, chromedp.Poll[bool](`document.querySelectorAll("#preview figure.figure").length === 3 &&
			document.querySelectorAll("#preview ul.gallery li").length === 2`)); err != nil {
			t.Errorf("the preview does not show the figure and the gallery: %s", testbrowser.Text(t, tab, `#preview`))
		}
		testbrowser.Do(t, tab, chromedp.SetUploadFiles(chromedp.CSS(`#body_files`), []string{bad}))
		status("berkas bukan gambar yang didukung: unggah JPEG, PNG, WebP atau GIF")
		if got := eval[string](t, tab, `document.getElementById("body").value`); got != body {
			t.Errorf("a refused upload changed the body: %q", got)
		}
	})
}

// "Baca juga" as a reader on a phone sees it: a boxed link between the
// 2nd and 3rd paragraphs of a long article that leads to the related story.
func TestBrowserBacaJuga(t *testing.T) {
	ctx := testbrowser.New(t, 90*time.Second)
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		e := nrtest.New(t, st)
		e.CreateArticle(t, map[string]any{"title": "Harga Gabah Kering Naik Saat Panen Padi", "category": "nasional", "tags": []string{"Pertanian"},
			"body": longBody(2), "status": "published", "published_at": "2024-06-01T08:00:00+07:00"})
		e.CreateArticle(t, map[string]any{"title": "Panen Raya di Karawang", "category": "nasional", "tags": []string{"Pertanian"},
			"body": longBody(6), "status": "published"})
		tab, cancel := chromedp.NewContext(ctx)
		defer cancel()
		testbrowser.Do(t, tab,
			chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile),
			chromedp.Navigate(e.URL+"/berita/panen-raya-di-karawang"),
			chromedp.WaitVisible(chromedp.CSS(`.body aside.baca-juga`)),
		)
		if !eval[bool](t, tab, `(function () { var ps = document.querySelectorAll(".body > p"), a = document.querySelector(".body aside.baca-juga").getBoundingClientRect();
			return a.top >= ps[1].getBoundingClientRect().bottom && a.bottom <= ps[2].getBoundingClientRect().top && a.height > 20 &&
				getComputedStyle(document.querySelector(".baca-juga")).borderLeftWidth === "4px"; })()`) {
			t.Errorf("Baca juga is not a box between the 2nd and 3rd paragraphs")
		}
		if got := testbrowser.Text(t, tab, `.body aside.baca-juga`); got != "Baca juga: Harga Gabah Kering Naik Saat Panen Padi" {
			t.Errorf("Baca juga reads %q", got)
		}
		testbrowser.Do(t, tab, chromedp.Click(chromedp.CSS(`.body aside.baca-juga a`)), chromedp.WaitVisible(chromedp.CSS(`h1#judul`)))
		if got := testbrowser.Text(t, tab, `h1#judul`); got != "Harga Gabah Kering Naik Saat Panen Padi" {
			t.Errorf("the link led to %q", got)
		}
	})
}
