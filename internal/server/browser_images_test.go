package server_test

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"math"
	"math/rand"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"warta/internal/app"
	"warta/internal/domain"
	"warta/internal/media"
	"warta/internal/store"
	"warta/internal/testbrowser"
	"warta/internal/testdb"
)

// photoJPEG is a photo-like 1440×810 JPEG of about 340 KB: two colours in a
// gradient, soft rings and grain, which compress as badly as a real photo.
func photoJPEG(seed int64) []byte {
	r := rand.New(rand.NewSource(seed))
	w, h := 1440, 810
	m := image.NewRGBA(image.Rect(0, 0, w, h))
	var c1, c2 [3]float64
	for i := range 3 {
		c1[i], c2[i] = r.Float64()*255, r.Float64()*255
	}
	cx, cy := r.Float64()*float64(w), r.Float64()*float64(h)
	for y := range h {
		t := float64(y) / float64(h)
		for x := range w {
			d := math.Hypot(float64(x)-cx, float64(y)-cy) / 900
			var px [3]uint8
			for i := range 3 {
				v := c1[i]*(1-t) + c2[i]*t + 40*math.Sin(d*12+float64(i)) + r.NormFloat64()*14
				px[i] = uint8(max(0, min(255, v)))
			}
			m.SetRGBA(x, y, color.RGBA{px[0], px[1], px[2], 255})
		}
	}
	var b bytes.Buffer
	if err := jpeg.Encode(&b, m, &jpeg.Options{Quality: 85}); err != nil {
		panic(err)
	}
	return b.Bytes()
}

// photoSite is the test site with a dozen stories whose lead photos are
// real-size uploads (stored by the media package, as the upload endpoints
// do); it returns the env and the total size of the uploads.
func photoSite(t *testing.T, st *store.Store) (*env, int) {
	t.Helper()
	dir := t.TempDir()
	e := newEnv(t, st, func(c *app.Config) { c.MediaDir = dir })
	ms := media.New(dir)
	ctx := context.Background()
	cats, err := st.Categories(ctx)
	if err != nil {
		t.Fatal(err)
	}
	uploaded := 0
	for i := range 12 {
		data := photoJPEG(int64(i))
		uploaded += len(data)
		img, err := ms.Save(data)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := st.CreateArticle(ctx, store.ArticleInput{Title: fmt.Sprintf("Berita Foto Nomor %d dari Lapangan", i+1),
			Excerpt: "Ringkasan berita foto.", BodyHTML: "<p>Isi.</p>", CategoryID: cats[i%len(cats)].ID, Status: domain.StatusPublished,
			Photo:       domain.Photo{URL: img.URL, Width: img.Width, Height: img.Height, Caption: "Foto"},
			PublishedAt: time.Now().Add(-time.Duration(i+1) * time.Hour)}); err != nil {
			t.Fatal(err)
		}
	}
	return e, uploaded
}

// pageWeight opens path in a fresh browser context (empty cache) at a
// 390×844 phone with the given device pixel ratio, waits for the load and
// for every image the browser started to finish, and returns the bytes
// transferred (Performance API: document and every resource).
func pageWeight(t *testing.T, parent context.Context, url string, dpr float64) int {
	t.Helper()
	ctx, cancel := chromedp.NewContext(parent, chromedp.WithNewBrowserContext())
	defer cancel()
	testbrowser.Do(t, ctx, chromedp.EmulateViewport(390, 844, chromedp.EmulateScale(dpr), chromedp.EmulateMobile), chromedp.Navigate(url))
	n, err := chromedp.Run(ctx, chromedp.Evaluate[float64](allImagesSettled+`.then(function () {
		var sum = 0; performance.getEntries().forEach(function (e) { sum += e.transferSize || 0; }); return sum; })`,
		chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatal(err)
	}
	return int(n)
}

// allImagesSettled is a promise that resolves once the page has loaded, the
// images within 1,000 px below the viewport have too (lazy ones further down
// wait for a scroll that may never come) and no request has ended for three
// checks in a row.
const allImagesSettled = `new Promise(function (done) {
	var seen = -1, still = 0;
	(function check() {
		var reach = window.scrollY + window.innerHeight + 1000;
		var busy = Array.from(document.images).some(function (i) {
			return i.currentSrc && !i.complete && i.getBoundingClientRect().top + window.scrollY < reach; });
		var n = performance.getEntries().length;
		still = n === seen ? still + 1 : 0; seen = n;
		if (document.readyState === "complete" && !busy && still >= 3) done(); else setTimeout(check, 100);
	})();
})`

// On a phone the home page loads the small copies of real-size uploads:
// the cards (and the secondary stories' tiles) the 480-px rendition, photos below the fold only when scrolled
// to, the headline first; the page stays under 500 KB.
func TestBrowserPhoneDownloadsSmallPhotos(t *testing.T) {
	if testbrowser.Path() == "" {
		t.Skip("chromium not found")
	}
	start := time.Now()
	e, uploaded := photoSite(t, testdb.SQLite(t))
	t.Logf("12 uploads made and stored in %v", time.Since(start).Round(time.Second))
	ctx := testbrowser.New(t, 120*time.Second)

	for _, dpr := range []float64{1, 2.625} {
		kb := pageWeight(t, ctx, e.srv.URL+"/", dpr)
		t.Logf("home at 390×844, DPR %.3g: %d KB transferred (12 uploads of %d KB in all)", dpr, kb/1000, uploaded/1000)
		if kb > 500_000 {
			t.Errorf("home at 390×844 DPR %.3g weighs %d KB, want ≤ 500 KB", dpr, kb/1000)
		}
	}

	type imgInfo struct {
		Src, Loading, Priority, Class string
		Top                           float64
		Loaded                        bool
	}
	images := func() []imgInfo {
		list, err := chromedp.Run(ctx, chromedp.Evaluate[[]imgInfo](allImagesSettled+`.then(function () {
			return Array.from(document.querySelectorAll("main img")).map(function (i) {
				return {Src: i.currentSrc, Loading: i.loading, Priority: i.getAttribute("fetchpriority") || "",
					Class: i.closest(".card, .tile") ? "card" : (i.closest(".headline") ? "headline" : "other"),
					Top: i.getBoundingClientRect().top + window.scrollY, Loaded: i.complete && i.naturalWidth > 0};
			}); })`, chromedp.EvalAwaitPromise))
		if err != nil {
			t.Fatal(err)
		}
		return list
	}
	testbrowser.Do(t, ctx, chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile), chromedp.Navigate(e.srv.URL+"/"))
	before := images()
	cards := 0
	for _, im := range before {
		switch {
		case im.Class == "headline":
			if im.Priority != "high" || im.Loading == "lazy" {
				t.Errorf("headline photo: fetchpriority %q loading %q, want high and eager", im.Priority, im.Loading)
			}
			if !strings.HasSuffix(im.Src, "-480.jpg") {
				t.Errorf("headline photo on a 390-px phone loaded %q, want the 480 copy", im.Src)
			}
		case im.Class == "card":
			cards++
			if im.Loading != "lazy" || im.Priority == "high" {
				t.Errorf("card photo: loading %q fetchpriority %q, want lazy", im.Loading, im.Priority)
			}
			if im.Top > 4000 && im.Src != "" {
				t.Errorf("card photo %d px down was loaded before scrolling: %q", int(im.Top), im.Src)
			}
		}
	}
	if cards < 8 {
		t.Fatalf("home shows %d card photos, want ≥ 8: %+v", cards, before)
	}
	// Scrolled to the end every card photo is the 480-px copy.
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`(async function () {
		for (var y = 0; y < document.body.scrollHeight; y += 400) { window.scrollTo(0, y); await new Promise(function (r) { requestAnimationFrame(r); }); }
		return true; })()`, chromedp.EvalAwaitPromise)); err != nil {
		t.Fatal(err)
	}
	// Photos that came through the upload path have copies to choose from;
	// the fixture's own /media/foto.jpg (not an upload) has none.
	uploadCards := 0
	for _, im := range images() {
		if im.Class != "card" || !strings.Contains(im.Src, "/media/u/") {
			continue
		}
		uploadCards++
		if !strings.HasSuffix(im.Src, "-480.jpg") {
			t.Errorf("card photo at %d px: currentSrc %q, want the 480-px copy", int(im.Top), im.Src)
		}
	}
	if uploadCards < 8 {
		t.Errorf("scrolled to the end, %d card photos are uploads, want ≥ 8", uploadCards)
	}
}
