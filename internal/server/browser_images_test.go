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
	"net/http"
	"os"
	"path/filepath"
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
// transferred (Performance API: document and every resource) and those of
// the photos among them.
func pageWeight(t *testing.T, parent context.Context, url string, dpr float64) (all, photos int) {
	t.Helper()
	ctx, cancel := chromedp.NewContext(parent, chromedp.WithNewBrowserContext())
	defer cancel()
	testbrowser.Do(t, ctx, chromedp.EmulateViewport(390, 844, chromedp.EmulateScale(dpr), chromedp.EmulateMobile), chromedp.Navigate(url))
	n, err := chromedp.Run(ctx, chromedp.Evaluate[[2]float64](allImagesSettled+`.then(function () {
		var sum = [0, 0]; performance.getEntries().forEach(function (e) {
			sum[0] += e.transferSize || 0; if (e.name.indexOf("/media/") >= 0) sum[1] += e.transferSize || 0; }); return sum; })`,
		chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatal(err)
	}
	return int(n[0]), int(n[1])
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
// each photo the smallest copy that fills its slot at the phone's pixel
// density (a card's 7.5rem the 240-px copy at DPR 2, the 360 at DPR 3),
// photos below the fold only when scrolled to, the headline first; the
// page stays under 500 KB and its photos under 300 KB (issue 13).
func TestBrowserPhoneDownloadsSmallPhotos(t *testing.T) {
	if testbrowser.Path() == "" {
		t.Skip("chromium not found")
	}
	start := time.Now()
	e, uploaded := photoSite(t, testdb.SQLite(t))
	t.Logf("12 uploads made and stored in %v", time.Since(start).Round(time.Second))
	ctx := testbrowser.New(t, 180*time.Second)

	for _, dpr := range []float64{1, 1.75, 2.625} {
		all, photos := pageWeight(t, ctx, e.srv.URL+"/", dpr)
		t.Logf("home at 390×844, DPR %.3g: %d KB transferred, %d KB of it photos (12 uploads of %d KB in all)", dpr, all/1000, photos/1000, uploaded/1000)
		if all > 500_000 || photos > 300_000 {
			t.Errorf("home at 390×844 DPR %.3g weighs %d KB, %d KB of it photos; want ≤ 500 KB and ≤ 300 KB", dpr, all/1000, photos/1000)
		}
	}

	type imgInfo struct {
		Src, Loading, Priority, Class string
		Top, Need                     float64
		Best                          string
	}
	// Need is the slot's width in device pixels, Best the smallest copy in
	// srcset at least that wide (else the largest).
	images := func() []imgInfo {
		list, err := chromedp.Run(ctx, chromedp.Evaluate[[]imgInfo](allImagesSettled+`.then(function () {
			return Array.from(document.querySelectorAll("main img")).map(function (i) {
				var need = i.getBoundingClientRect().width * devicePixelRatio;
				var copies = (i.getAttribute("srcset") || "").split(", ").filter(Boolean).map(function (c) {
					var p = c.split(" "); return {url: p[0], w: parseInt(p[1], 10)}; }).sort(function (a, b) { return a.w - b.w; });
				var fit = copies.filter(function (c) { return c.w >= need; })[0] || copies[copies.length - 1];
				var best = fit ? new URL(fit.url, location.href).href : "";
				return {Src: i.currentSrc, Loading: i.loading, Priority: i.getAttribute("fetchpriority") || "",
					Class: i.closest(".card, .tile") ? "card" : (i.closest(".headline") ? "headline" : "other"),
					Top: i.getBoundingClientRect().top + window.scrollY, Need: need, Best: best};
			}); })`, chromedp.EvalAwaitPromise))
		if err != nil {
			t.Fatal(err)
		}
		return list
	}
	for _, dpr := range []float64{2, 3} {
		testbrowser.Do(t, ctx, chromedp.EmulateViewport(390, 844, chromedp.EmulateScale(dpr), chromedp.EmulateMobile), chromedp.Navigate(e.srv.URL+"/"))
		cards := 0
		for _, im := range images() {
			switch {
			case im.Class == "headline":
				if im.Priority != "high" || im.Loading == "lazy" {
					t.Errorf("headline photo: fetchpriority %q loading %q, want high and eager", im.Priority, im.Loading)
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
			t.Fatalf("home shows %d card photos, want ≥ 8", cards)
		}
		// Scrolled to the end, every upload shows the smallest copy that
		// fills its slot: the browser chose by sizes, so this holds only
		// where sizes is the slot's true width.
		if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`(async function () {
			for (var y = 0; y < document.body.scrollHeight; y += 400) { window.scrollTo(0, y); await new Promise(function (r) { requestAnimationFrame(r); }); }
			return true; })()`, chromedp.EvalAwaitPromise)); err != nil {
			t.Fatal(err)
		}
		// Photos that came through the upload path have copies to choose
		// from; the fixture's own /media/foto.jpg (not an upload) has none.
		uploadCards, thumbs, smallCard := 0, 0, map[float64]string{2: "-240.jpg", 3: "-360.jpg"}[dpr]
		for _, im := range images() {
			if !strings.Contains(im.Src, "/media/u/") {
				continue
			}
			if im.Src != im.Best {
				t.Errorf("DPR %g: %s photo at %d px, %d device px wide: currentSrc %q, want the smallest copy that fills it, %q",
					dpr, im.Class, int(im.Top), int(im.Need), im.Src, im.Best)
			}
			if im.Class == "card" {
				uploadCards++
			}
			if im.Class == "card" && im.Need <= 120*dpr { // a 7.5rem thumbnail
				thumbs++
				if !strings.HasSuffix(im.Src, smallCard) {
					t.Errorf("DPR %g: card photo at %d px: currentSrc %q, want the %s copy", dpr, int(im.Top), im.Src, smallCard)
				}
			}
		}
		if uploadCards < 8 || thumbs < 4 {
			t.Errorf("DPR %g: scrolled to the end, %d card photos are uploads, %d of them thumbnails; want ≥ 8 and ≥ 4", dpr, uploadCards, thumbs)
		}
	}
}

// An upload stored before the 240-px width existed has no such copy; its
// srcset names one all the same, and /media/ makes it from a larger copy
// the first time a browser asks (issue 13).
func TestMediaMakesACopyAnOlderUploadLacks(t *testing.T) {
	dir := t.TempDir()
	e := newEnv(t, testdb.SQLite(t), func(c *app.Config) { c.MediaDir = dir })
	img, err := media.New(dir).Save(photoJPEG(1))
	if err != nil {
		t.Fatal(err)
	}
	small := strings.TrimSuffix(img.URL, "-1440.jpg") + "-240.jpg"
	if !strings.Contains(img.Srcset, small+" 240w") {
		t.Fatalf("srcset %q does not name %s", img.Srcset, small)
	}
	if err := os.Remove(filepath.Join(dir, strings.TrimPrefix(small, "/media/"))); err != nil {
		t.Fatal(err)
	}
	for range 2 { // made, then served as stored
		res, err := http.Get(e.srv.URL + small)
		if err != nil {
			t.Fatal(err)
		}
		cfg, err := jpeg.DecodeConfig(res.Body)
		res.Body.Close()
		if res.StatusCode != 200 || err != nil || cfg.Width != 240 || cfg.Height != 135 {
			t.Fatalf("GET %s: %d, %+v %v; want a 240×135 JPEG", small, res.StatusCode, cfg, err)
		}
		if cc := res.Header.Get("Cache-Control"); !strings.Contains(cc, "immutable") {
			t.Errorf("Cache-Control %q", cc)
		}
	}
	if res, err := http.Get(e.srv.URL + "/media/u/0123456789abcdef01234567-240.jpg"); err != nil || res.StatusCode != 404 {
		t.Errorf("a copy of no stored upload: %v %v, want 404", res.StatusCode, err)
	}
}
