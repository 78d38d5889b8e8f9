package server_test

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"warta/internal/domain"
	"warta/internal/render"
	"warta/internal/store"
	"warta/internal/testbrowser"
	"warta/internal/testdb"
)

const embedSlug = "/berita/video-erupsi-semeru"

// publishArticle publishes an article with this body in the first category.
func publishArticle(t *testing.T, st *store.Store, slug, title, bodyHTML string) {
	t.Helper()
	ctx := context.Background()
	cats, err := st.Categories(ctx)
	if err != nil || len(cats) == 0 {
		t.Fatalf("categories: %v", err)
	}
	if _, err := st.CreateArticle(ctx, store.ArticleInput{Title: title, Slug: slug, BodyHTML: bodyHTML,
		CategoryID: cats[0].ID, Status: domain.StatusPublished, PublishedAt: time.Date(2024, 6, 21, 9, 0, 0, 0, time.UTC)}); err != nil {
		t.Fatal(err)
	}
}

// addEmbedArticle publishes an article whose body, written as the newsroom
// writes it, holds a YouTube address alone on its line, an X post with a
// title, and an unknown site's address.
func addEmbedArticle(t *testing.T, e *env) {
	t.Helper()
	body, err := render.New().Markdown("Warga merekam detik-detik erupsi.\n\nhttps://www.youtube.com/watch?v=dQw4w9WgXcQ\n\n" +
		"[Pernyataan BNPB](https://x.com/BNPB_Indonesia/status/1790000000000000001)\n\nhttps://vimeo.com/123456\n\nPenutup.")
	if err != nil {
		t.Fatal(err)
	}
	publishArticle(t, e.st, "video-erupsi-semeru", "Video Erupsi Semeru", body)
}

// Issue 14: the CSP's frame-src names exactly the embed providers' origins,
// and without JavaScript an embed is a link to the post that loads nothing
// from the provider; unknown sites stay plain links.
func TestEmbedsWithoutJavaScript(t *testing.T) {
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		e := newEnv(t, st)
		addEmbedArticle(t, e)
		code, h, body := e.get(t, embedSlug)
		if code != http.StatusOK {
			t.Fatalf("article: %d", code)
		}
		var frameSrc string
		for _, d := range strings.Split(h.Get("Content-Security-Policy"), ";") {
			if f := strings.Fields(d); len(f) > 0 && f[0] == "frame-src" {
				frameSrc = strings.Join(f[1:], " ")
			}
		}
		if want := "https://www.youtube-nocookie.com https://platform.twitter.com https://www.instagram.com https://www.tiktok.com"; frameSrc != want {
			t.Errorf("frame-src %q, want exactly %q", frameSrc, want)
		}
		for _, want := range []string{
			`<a class="embed-card" href="https://www.youtube.com/watch?v=dQw4w9WgXcQ"`,
			`<a class="embed-card" href="https://x.com/BNPB_Indonesia/status/1790000000000000001"`,
			`<span class="embed-title">Pernyataan BNPB</span>`,
			`<p><a href="https://vimeo.com/123456"`,
		} {
			if !strings.Contains(body, want) {
				t.Errorf("article lacks %q", want)
			}
		}
		doc := between(body, `<div class="body">`, `<div class="share-bar"`)
		if strings.Contains(doc, "<iframe") || strings.Contains(doc, ` src="http`) {
			t.Errorf("the body loads something from elsewhere before the reader asks: %s", doc)
		}
	})
}

// In a real Chromium: nothing is fetched from a provider until the reader
// presses "Tampilkan di sini"; then the player comes from
// youtube-nocookie.com and the CSP lets it, while a frame of any other
// site is refused.
func TestBrowserEmbedLoadsOnlyWhenAsked(t *testing.T) {
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		ctx := testbrowser.New(t, 90*time.Second)
		e := newEnv(t, st)
		addEmbedArticle(t, e)
		watch := func(ctx context.Context, t *chromedp.Target) (chromedp.Void, error) {
			_, err := cdp.Call(ctx, t, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{
				Source: `window.__csp = []; document.addEventListener("securitypolicyviolation", function (e) { window.__csp.push(e.effectiveDirective + " " + e.blockedURI); });`})
			return chromedp.Void{}, err
		}
		testbrowser.Do(t, ctx, watch, chromedp.Navigate(e.srv.URL+embedSlug), chromedp.WaitVisible(chromedp.CSS(`figure.embed-youtube .embed-load`)))
		elsewhere := `performance.getEntriesByType("resource").map(function (r) { return r.name; }).filter(function (u) { return u.indexOf(location.origin) !== 0; }).join(" ")`
		if got := evalString(t, ctx, elsewhere); got != "" {
			t.Errorf("before any click the page fetched %s", got)
		}
		if n := evalString(t, ctx, `String(document.querySelectorAll("iframe").length)`); n != "0" {
			t.Errorf("%s iframes before any click", n)
		}
		testbrowser.Do(t, ctx, chromedp.Click(chromedp.CSS(`figure.embed-youtube .embed-load`)))
		waitFor(t, ctx, "the player", `!!document.querySelector("figure.embed-youtube iframe")`)
		if src := evalString(t, ctx, `document.querySelector("figure.embed-youtube iframe").src`); src != "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1" {
			t.Errorf("player src %q", src)
		}
		if open := evalString(t, ctx, `document.querySelector("figure.embed-youtube a.embed-open").href`); open != "https://www.youtube.com/watch?v=dQw4w9WgXcQ" {
			t.Errorf("the link beside the player goes to %q", open)
		}
		// The X card is still a card: each loads on its own.
		if n := evalString(t, ctx, `String(document.querySelectorAll("iframe").length)`); n != "1" {
			t.Errorf("%s iframes after one click, want 1", n)
		}
		// A frame of another site, made by script after the player: the CSP
		// refuses it, and by then it has judged the player's frame too.
		testbrowser.Do(t, ctx, chromedp.Evaluate[chromedp.Void](`(function () { var f = document.createElement("iframe"); f.src = "https://evil.example/"; document.body.appendChild(f); })()`))
		waitFor(t, ctx, "the CSP refusing another site's frame", `window.__csp.some(function (v) { return v.indexOf("frame-src https://evil.example") === 0; })`)
		if got := evalString(t, ctx, `window.__csp.filter(function (v) { return v.indexOf("evil.example") < 0; }).join(", ")`); got != "" {
			t.Errorf("the CSP refused %s", got)
		}
	})
}
