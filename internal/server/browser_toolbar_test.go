package server_test

import (
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"warta/internal/domain"
	"warta/internal/newsroom/nrtest"
	"warta/internal/testbrowser"
	"warta/internal/testdb"
)

// The editor's Markdown toolbar with nothing selected puts the caret inside
// the markup it inserts, so what the writer types next lands in the bold
// text, the link text or the image address (issue 12 item 6: it used to land
// after the markup, as in "****tebal").
func TestBrowserToolbarTypesInsideMarkup(t *testing.T) {
	ctx := testbrowser.New(t, 90*time.Second)
	st := testdb.SQLite(t)
	e := nrtest.New(t, st)
	newsroomLogin(t, ctx, e.URL, domain.RoleWriter)
	body := func() string {
		t.Helper()
		v, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.getElementById("body").value`))
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	clear := chromedp.Evaluate[bool](`(function(){ var b = document.getElementById("body"); b.value = ""; b.setSelectionRange(0, 0); return true })()`)
	testbrowser.Do(t, ctx,
		chromedp.Navigate(e.URL+"/redaksi/artikel/baru"),
		chromedp.WaitVisible(chromedp.CSS(`.toolbar button[title="Tebal"]`)),
	)
	for _, c := range []struct{ button, typed, want string }{
		{"Tebal", "penting", "**penting**"},
		{"Tautan", "kata", "[kata](https://)"},
		{"Gambar", "/media/x.jpg", "![keterangan](/media/x.jpg)"},
	} {
		if _, err := chromedp.Run(ctx, clear); err != nil {
			t.Fatal(err)
		}
		testbrowser.Do(t, ctx,
			chromedp.Click(chromedp.CSS(`.toolbar button[title="`+c.button+`"]`)),
			chromedp.SendKeys(chromedp.CSS(`#body`), c.typed),
		)
		if got := body(); got != c.want {
			t.Errorf("%s with nothing selected, then typing %q: body %q, want %q", c.button, c.typed, got, c.want)
		}
	}
}
