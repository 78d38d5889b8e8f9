package server_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"warta/internal/domain"
	"warta/internal/newsroom/nrtest"
	"warta/internal/testbrowser"
	"warta/internal/testdb"
)

// Issue 12 item 8 in a real Chromium on a 390×844 phone: the writer opens
// their published article (read-only, nothing runs off the side), follows
// "Usulkan ralat", corrects the body and sends a reason; the editor opens
// the proposal from the dashboard's count, sees the change, accepts it with
// a note, and the reader's article shows the correction and the "Ralat".
// Set WARTA_SCREENSHOTS to a folder to keep each step as a PNG.
func TestBrowserCorrectionProposal(t *testing.T) {
	ctx := testbrowser.New(t, 120*time.Second)
	st := testdb.SQLite(t)
	e := nrtest.New(t, st)
	r := e.API(t, domain.RoleWriter, http.MethodPost, "/articles", map[string]any{"title": "Jembatan Putus di Sukabumi",
		"category": "nasional", "excerpt": "Arus sungai deras memutus jembatan desa.",
		"body": "Jembatan sepanjang 40 meter putus pada Senin pagi.\n\nWarga memutar sejauh 7 kilometer."})
	var art struct {
		ID   int64  `json:"id"`
		Slug string `json:"slug"`
	}
	r.Data(t, &art)
	if r := e.API(t, domain.RoleEditor, http.MethodPatch, fmt.Sprintf("/articles/%d", art.ID), map[string]any{"status": "published"}); r.Status != 200 {
		t.Fatalf("publish: %d %s", r.Status, r.Body)
	}
	overflow := func(page string) {
		t.Helper()
		px, err := chromedp.Run(ctx, chromedp.Evaluate[float64](`document.documentElement.scrollWidth - window.innerWidth`))
		if err != nil {
			t.Fatal(err)
		}
		if px > 0 {
			t.Errorf("%s is %.0f px wider than the phone", page, px)
		}
	}
	testbrowser.Do(t, ctx, chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile))
	newsroomLogin(t, ctx, e.URL, domain.RoleWriter)
	path := fmt.Sprintf("/redaksi/artikel/%d", art.ID)
	testbrowser.Do(t, ctx, chromedp.Navigate(e.URL+path), chromedp.WaitVisible(chromedp.CSS(`a[href="`+path+`/ralat"]`)))
	if n, _ := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("#editor, textarea, input[type=text]").length`)); n != 0 {
		t.Errorf("the writer's published article shows %d editable fields, want a read-only page", n)
	}
	overflow("the read-only article")
	shoot(t, ctx, "ralat_1_baca_saja")

	testbrowser.Do(t, ctx, chromedp.Click(chromedp.CSS(`a[href="`+path+`/ralat"]`)), chromedp.WaitVisible(chromedp.CSS(`textarea[name=reason]`)),
		chromedp.SetValue(chromedp.CSS(`textarea[name=body]`), "Jembatan sepanjang 25 meter putus pada Senin pagi.\n\nWarga memutar sejauh 7 kilometer."),
		chromedp.SendKeys(chromedp.CSS(`textarea[name=reason]`), "Panjang jembatan 25 meter menurut BPBD."))
	overflow("the proposal form")
	shoot(t, ctx, "ralat_2_usulan")
	testbrowser.Do(t, ctx, chromedp.Click(chromedp.CSS(`.proposal-form button[type=submit]`)), chromedp.WaitVisible(chromedp.CSS(`#status-usulan`)))
	if s := testbrowser.Text(t, ctx, `#status-usulan`); s != "menunggu keputusan editor" {
		t.Errorf("after sending: status %q", s)
	}
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.querySelector('form[action="/redaksi/keluar"]').submit(), true`)); err != nil {
		t.Fatal(err)
	}
	testbrowser.Do(t, ctx, chromedp.WaitVisible(chromedp.CSS(`input[name=email]`)))

	newsroomLogin(t, ctx, e.URL, domain.RoleEditor)
	testbrowser.Do(t, ctx, chromedp.Navigate(e.URL+"/redaksi/"), chromedp.WaitVisible(chromedp.CSS(`[data-proposals] a`)))
	if n := testbrowser.Text(t, ctx, `[data-proposals] .big`); n != "1" {
		t.Errorf("dashboard counts %q waiting proposals, want 1", n)
	}
	testbrowser.Do(t, ctx, chromedp.Click(chromedp.CSS(`[data-proposals] a`)), chromedp.WaitVisible(chromedp.CSS(`table.list a`)),
		chromedp.Click(chromedp.CSS(`table.list a`)), chromedp.WaitVisible(chromedp.CSS(`pre.diff`)))
	diff := testbrowser.Text(t, ctx, `pre.diff[data-field=body]`)
	// One line changed, whatever the browser's line ends (CRLF) and the API's (LF).
	if !strings.Contains(diff, "- Jembatan sepanjang 40 meter") || !strings.Contains(diff, "+ Jembatan sepanjang 25 meter") ||
		strings.Count(diff, "\n-") != 0 || strings.Count(diff, "\n+") != 1 {
		t.Errorf("the comparison reads %q", diff)
	}
	overflow("the proposal page")
	shoot(t, ctx, "ralat_3_editor")
	testbrowser.Do(t, ctx, chromedp.SetValue(chromedp.CSS(`textarea[name=note]`), "Panjang jembatan diperbaiki menjadi 25 meter."),
		chromedp.Click(chromedp.CSS(`form[action$="/terima"] button`)), chromedp.WaitVisible(chromedp.CSS(`#keputusan`)))
	shoot(t, ctx, "ralat_4_diterima")

	testbrowser.Do(t, ctx, chromedp.Navigate(e.URL+"/berita/"+art.Slug), chromedp.WaitVisible(chromedp.CSS(`article`)))
	page := testbrowser.Text(t, ctx, `body`)
	if !strings.Contains(page, "sepanjang 25 meter") || !strings.Contains(page, "Panjang jembatan diperbaiki menjadi 25 meter.") {
		t.Error("the reader's article lacks the correction or its note")
	}
	shoot(t, ctx, "ralat_5_pembaca")
	testbrowser.Do(t, ctx, chromedp.EmulateViewport(1280, 800), chromedp.Navigate(e.URL+"/redaksi/ralat?status=semua"),
		chromedp.WaitVisible(chromedp.CSS(`table.list`)))
	overflow("the proposal list on a desktop")
	shoot(t, ctx, "ralat_6_daftar_desktop")
}
