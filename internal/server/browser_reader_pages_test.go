package server_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"warta/internal/domain"
	"warta/internal/store"
	"warta/internal/testbrowser"
	"warta/internal/testdb"
)

// readerSite is the test site with a dozen more stories with photos (two
// of them featured, so the home page has a lead and secondary stories) and
// an institutional page.
func readerSite(t *testing.T) *env {
	t.Helper()
	st := testdb.SQLite(t)
	e := newEnv(t, st)
	ctx := context.Background()
	cats, err := st.Categories(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 12 {
		if _, err := st.CreateArticle(ctx, store.ArticleInput{Title: fmt.Sprintf("Warga Pesisir Bersiap Menghadapi Musim Hujan Bagian %d", i+1),
			Excerpt: "Ringkasan.", BodyHTML: "<p>Isi berita.</p>", CategoryID: cats[i%len(cats)].ID, Status: domain.StatusPublished,
			Featured: i < 2, Photo: domain.Photo{URL: "/media/foto.jpg", Width: 1200, Height: 675, Caption: "Foto"},
			PublishedAt: time.Now().Add(-time.Duration(i+1) * time.Hour)}); err != nil {
			t.Fatal(err)
		}
	}
	if err := st.SaveStaticPage(ctx, domain.StaticPage{Slug: "tentang-kami", Title: "Tentang Kami",
		BodySource: "Kami media daring.", BodyHTML: "<p>Kami media daring.</p>", Position: 1}); err != nil {
		t.Fatal(err)
	}
	return e
}

// pageLook is what a reader notices on a page, measured in the browser.
type pageLook struct {
	Overflow   float64  // px the page is wider than the screen
	NoSize     []string // images without width and height
	Tiny       []string // text under 12 px
	H1Top      float64  // where the page's visible heading starts
	FirstStory string   // the first story link a reader sees
	Tops       map[string]float64
	Heights    map[string]float64
}

const pageLookJS = `(function () {
	var out = {Overflow: document.documentElement.scrollWidth - window.innerWidth, NoSize: [], Tiny: [], Tops: {}, Heights: {}};
	document.querySelectorAll("main img").forEach(function (i) {
		if (!(+i.getAttribute("width") > 0 && +i.getAttribute("height") > 0)) out.NoSize.push(i.outerHTML.slice(0, 120));
	});
	document.querySelectorAll("main *").forEach(function (el) {
		var own = Array.from(el.childNodes).some(function (n) { return n.nodeType === 3 && n.textContent.trim() !== ""; });
		if (!own || el.closest(".sr-only") || el.getClientRects().length === 0) return;
		var size = parseFloat(getComputedStyle(el).fontSize);
		if (size < 12) out.Tiny.push(el.tagName + " " + size + "px: " + el.textContent.trim().slice(0, 40));
	});
	var h1 = Array.from(document.querySelectorAll("main h1, main .headline h2")).find(function (h) { return !h.closest(".sr-only") && h.getClientRects().length; });
	out.H1Top = h1 ? h1.getBoundingClientRect().top + scrollY : -1;
	var links = Array.from(document.querySelectorAll("main h2 a[href^='/berita/'], main h3 a[href^='/berita/']")).filter(function (a) { return a.getClientRects().length; });
	links.sort(function (a, b) { return a.getBoundingClientRect().top - b.getBoundingClientRect().top; });
	out.FirstStory = links.length ? links[0].textContent : "";
	var parts = {lead: ".headline", tiles: ".secondary", popular: ".popular", stream: "#terbaru", poll: ".poll", top: ".front-top", side: ".front-side"};
	for (var k in parts) {
		var el = document.querySelector(parts[k]);
		if (el && el.getClientRects().length) {
			var r = el.getBoundingClientRect();
			out.Tops[k] = r.top + scrollY; out.Heights[k] = r.height;
			out.Tops[k + "Left"] = r.left; out.Tops[k + "Right"] = r.right; out.Tops[k + "Bottom"] = r.bottom + scrollY;
		}
	}
	return out;
})()`

// The reader pages on a 390×844 phone (issue 13), as a reader sees them:
// nothing runs off the side, every image has its size before it loads, no
// text is too small to read, the page's heading is on the first screen; on
// the home page and a channel the lead story comes first, the secondary
// stories under it, then a short Terpopuler, then the stream, the poll
// last. On a desktop the side column stands beside the lead from the top
// and does not push the stream down.
func TestBrowserReaderPagesOnAPhone(t *testing.T) {
	ctx := testbrowser.New(t, 120*time.Second)
	e := readerSite(t)
	look := func(path string) pageLook {
		t.Helper()
		testbrowser.Do(t, ctx, chromedp.Navigate(e.srv.URL+path), chromedp.WaitReady(chromedp.CSS(`footer`)))
		l, err := chromedp.Run(ctx, chromedp.Evaluate[pageLook](pageLookJS))
		if err != nil {
			t.Fatal(err)
		}
		shoot(t, ctx, "situs"+strings.NewReplacer("/", "_", "?", "_", "=", "_").Replace(path))
		return l
	}
	testbrowser.Do(t, ctx, chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile))
	const screen = 844
	pages := map[string]string{
		"/":               "home",
		"/kanal/nasional": "channel",
		"/berita/pemerintah-umumkan-kebijakan-pertahanan-baru": "article",
		"/tag/pertahanan":       "tag",
		"/penulis/budi-santoso": "author",
		"/cari?q=pertahanan":    "search",
		"/halaman/tentang-kami": "page",
	}
	for path, kind := range pages {
		l := look(path)
		if l.Overflow > 0 {
			t.Errorf("%s (%s) is %.0f px wider than the phone", path, kind, l.Overflow)
		}
		if len(l.NoSize) > 0 {
			t.Errorf("%s: images without width and height (the page jumps as they load): %q", path, l.NoSize)
		}
		if len(l.Tiny) > 0 {
			t.Errorf("%s: text under 12 px: %q", path, l.Tiny)
		}
		if l.H1Top < 0 || l.H1Top > screen/2 {
			t.Errorf("%s: the heading starts at %.0f px, want in the first half of the first screen", path, l.H1Top)
		}
		if kind != "home" && kind != "channel" {
			continue
		}
		// The front: lead first (the newest featured story, on both),
		// secondary, Terpopuler (short), stream, poll.
		if l.FirstStory != "Warga Pesisir Bersiap Menghadapi Musim Hujan Bagian 1" {
			t.Errorf("%s: the first story a reader sees is %q, want the lead", path, l.FirstStory)
		}
		order := []string{"lead", "tiles", "popular", "stream"}
		if kind == "home" {
			order = append(order, "poll")
		}
		for i := 1; i < len(order); i++ {
			a, okA := l.Tops[order[i-1]]
			b, okB := l.Tops[order[i]]
			if !okA || !okB || a >= b {
				t.Errorf("%s: %s at %.0f px, %s at %.0f px (shown %v, %v): want %v in that order", path, order[i-1], a, order[i], b, okA, okB, order)
			}
		}
		if l.Tops["popular"] > 2*screen {
			t.Errorf("%s: Terpopuler starts %.0f px down, want within the first two screens", path, l.Tops["popular"])
		}
		if l.Heights["popular"] > 0.8*screen {
			t.Errorf("%s: Terpopuler is %.0f px high on a phone, want short (< %.0f)", path, l.Heights["popular"], 0.8*screen)
		}
	}

	// A desktop: the side column beside the lead from the top; the stream
	// right under the top, whatever the side column's height.
	testbrowser.Do(t, ctx, chromedp.EmulateViewport(1280, 800))
	for _, path := range []string{"/", "/kanal/nasional"} {
		l := look(path)
		if l.Overflow > 0 {
			t.Errorf("desktop %s: %.0f px overflow", path, l.Overflow)
		}
		if l.Tops["popularLeft"] < l.Tops["leadRight"] || l.Tops["popular"]-l.Tops["lead"] > 40 || l.Tops["popular"]-l.Tops["lead"] < -40 {
			t.Errorf("desktop %s: Terpopuler at %.0f px down, %.0f px from the left; lead at %.0f px, ends %.0f px from the left: want it beside the lead",
				path, l.Tops["popular"], l.Tops["popularLeft"], l.Tops["lead"], l.Tops["leadRight"])
		}
		if gap := l.Tops["stream"] - l.Tops["topBottom"]; gap > 80 {
			t.Errorf("desktop %s: the stream starts %.0f px below the top stories, want right under them", path, gap)
		}
	}
}
