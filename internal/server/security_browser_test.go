package server_test

import (
	"context"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"warta/internal/domain"
	"warta/internal/newsroom/nrtest"
	"warta/internal/testbrowser"
	"warta/internal/testdb"
)

// newsroomLogin signs in to the newsroom at base as the test account of role.
func newsroomLogin(t *testing.T, ctx context.Context, base string, role domain.Role) {
	t.Helper()
	testbrowser.Do(t, ctx,
		chromedp.Navigate(base+"/redaksi/masuk"),
		chromedp.WaitVisible(chromedp.CSS(`input[name=email]`)),
		chromedp.SendKeys(chromedp.CSS(`input[name=email]`), string(role)+"@warta.test"),
		chromedp.SendKeys(chromedp.CSS(`input[name=password]`), nrtest.Password),
		chromedp.Click(chromedp.CSS(`form[action="/redaksi/masuk"] button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(`form[action="/redaksi/keluar"]`)),
	)
}

// Issue 16, low finding: unsaved editor text kept in the browser is removed
// at logout and never offered to another account, even when the first
// account's session simply ended.
func TestBrowserUnsavedTextStaysWithItsAccount(t *testing.T) {
	ctx := testbrowser.New(t, 90*time.Second)
	st := testdb.SQLite(t)
	e := nrtest.New(t, st)
	login := func(role domain.Role) { t.Helper(); newsroomLogin(t, ctx, e.URL, role) }
	copies := func() int {
		t.Helper()
		n, err := chromedp.Run(ctx, chromedp.Evaluate[int](`Object.keys(localStorage).filter(k => k.startsWith("warta-naskah-")).length`))
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	typeSecret := func() {
		t.Helper()
		testbrowser.Do(t, ctx,
			chromedp.Navigate(e.URL+"/redaksi/artikel/baru"),
			chromedp.WaitVisible(chromedp.CSS(`#body`)),
			chromedp.SendKeys(chromedp.CSS(`#body`), "Bocoran rahasia narasumber"),
		)
		if copies() == 0 {
			t.Fatal("the editor kept no copy of the typed text")
		}
	}
	offered := func() bool {
		t.Helper()
		testbrowser.Do(t, ctx,
			chromedp.Navigate(e.URL+"/redaksi/artikel/baru"),
			chromedp.WaitVisible(chromedp.CSS(`#body`)))
		n, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("p.warning button").length`))
		if err != nil {
			t.Fatal(err)
		}
		return n > 0
	}

	// Logout removes the copy.
	login(domain.RoleWriter)
	typeSecret()
	testbrowser.Do(t, ctx,
		chromedp.Click(chromedp.CSS(`form[action="/redaksi/keluar"] button`)),
		chromedp.WaitVisible(chromedp.CSS(`input[name=email]`)),
	)
	if n := copies(); n != 0 {
		t.Errorf("%d copies of unsaved text left after logout", n)
	}

	// The same account gets its text back after its session ends ...
	login(domain.RoleWriter)
	typeSecret()
	if err := st.DeleteUserSessions(context.Background(), e.Users[domain.RoleWriter].ID); err != nil {
		t.Fatal(err)
	}
	login(domain.RoleWriter)
	if !offered() {
		t.Error("the writer's own unsaved text is not offered back after the session ended")
	}
	// ... but another account signing in on this browser never sees it.
	if err := st.DeleteUserSessions(context.Background(), e.Users[domain.RoleWriter].ID); err != nil {
		t.Fatal(err)
	}
	login(domain.RoleEditor)
	if offered() {
		t.Error("the writer's unsaved text is offered to the editor")
	}
	if n := copies(); n != 0 {
		t.Errorf("%d copies of the writer's text left in the editor's browser", n)
	}
}
