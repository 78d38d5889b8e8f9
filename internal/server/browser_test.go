package server_test

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"warta/internal/testbrowser"
	"warta/internal/testdb"
)

// A reader opens the home page on a phone, taps a story and reads it.
func TestBrowserHomeToArticle(t *testing.T) {
	ctx := testbrowser.New(t, 60*time.Second)
	e := newEnv(t, testdb.SQLite(t))
	testbrowser.Do(t, ctx, chromedp.Navigate(e.srv.URL+"/"))
	title, err := chromedp.Run(ctx, chromedp.Title())
	if err != nil {
		t.Fatal(err)
	}
	testbrowser.Do(t, ctx,
		chromedp.Click(`//section[@aria-labelledby="terbaru"]//h3/a[contains(., "Pemerintah Umumkan")]`),
		chromedp.WaitVisible(chromedp.CSS(`h1#judul`)),
	)
	text := func(css string) string { return testbrowser.Text(t, ctx, css) }
	h1, views, credit := text(`h1#judul`), text(`[data-views]`), text(`figure.lead figcaption`)
	empty, tags, related, polling := text(`#komentar .empty`), text(`ul.tags`), text(`section.related`), text(`section.poll`)
	if !strings.Contains(title, "Tampang") {
		t.Errorf("home title = %q", title)
	}
	checks := map[string][2]string{
		"headline": {h1, "Pemerintah Umumkan Kebijakan Pertahanan Baru"},
		"views":    {views, "242"},
		"credit":   {credit, "Sumber foto: Voa"},
		"empty":    {empty, "Belum ada komentar di artikel ini, jadilah yang pertama untuk memberikan komentar."},
		"tags":     {tags, "#HOT"},
		"related":  {related, "DPR Bahas Anggaran Pertahanan"},
		"poll":     {polling, "Apakah Indonesia menuju Indonesia Emas?"},
	}
	for name, c := range checks {
		if !strings.Contains(c[0], c[1]) {
			t.Errorf("%s: reader sees %q, want %q", name, c[0], c[1])
		}
	}
}
