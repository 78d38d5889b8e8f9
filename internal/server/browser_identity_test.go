package server_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"warta/internal/testbrowser"
	"warta/internal/testdb"
)

// Issue 12 item 4, in a real Chromium: two people behind one address with
// the same browser (two browser contexts: one IP, one User-Agent, own
// cookies) both vote, and each sees only their own choice. The second one
// votes from the home page before any page gave them a reader cookie: the
// script gets the cookie with the first answer and sends the vote again.
func TestBrowserTwoReadersOnOneAddressBothVote(t *testing.T) {
	first := testbrowser.New(t, 90*time.Second)
	second, cancel := chromedp.NewContext(first, chromedp.WithNewBrowserContext())
	defer cancel()
	st := testdb.SQLite(t)
	e := newEnv(t, st)
	p := openPoll(t, st)
	waitText := func(ctx context.Context, css, want string) string {
		t.Helper()
		deadline := time.Now().Add(10 * time.Second)
		for {
			got := testbrowser.Text(t, ctx, css)
			if strings.Contains(got, want) {
				return got
			}
			if time.Now().After(deadline) {
				t.Fatalf("%s shows %q, want %q", css, got, want)
			}
			time.Sleep(100 * time.Millisecond)
		}
	}
	radio := func(i int) string { return `form.poll-form input[type="radio"][value="` + itoa(p.Options[i].ID) + `"]` }

	// The first reader opens the story and votes "Emas".
	testbrowser.Do(t, first,
		chromedp.Navigate(e.srv.URL+mainSlug),
		chromedp.WaitVisible(chromedp.CSS(`form.poll-form`)),
		chromedp.Click(chromedp.CSS(radio(0))),
		chromedp.Click(chromedp.CSS(`form.poll-form button[type="submit"]`)),
	)
	waitText(first, `section.poll`, "Total 1 suara")

	// The second reader, same address and browser, opens the home page: the
	// form, not the first reader's vote.
	testbrowser.Do(t, second, chromedp.Navigate(e.srv.URL+"/"), chromedp.WaitVisible(chromedp.CSS(`section.poll`)))
	if got := testbrowser.Text(t, second, `section.poll`); strings.Contains(got, "pilihan Anda") || strings.Contains(got, "Total") {
		t.Fatalf("the second reader is shown someone else's vote: %q", got)
	}
	testbrowser.Do(t, second,
		chromedp.Click(chromedp.CSS(radio(1))),
		chromedp.Click(chromedp.CSS(`form.poll-form button[type="submit"]`)),
	)
	got := waitText(second, `section.poll`, "Total 2 suara")
	if !strings.Contains(got, "Cemas (pilihan Anda)") || strings.Contains(got, "Emas (pilihan Anda)") {
		t.Errorf("the second reader's results: %q", got)
	}
	// After a reload each one sees their own choice marked, drawn by the
	// server.
	for _, c := range []struct {
		ctx        context.Context
		mine, not_ string
	}{{first, "Emas (pilihan Anda)", "Cemas (pilihan Anda)"}, {second, "Cemas (pilihan Anda)", "Emas (pilihan Anda)"}} {
		testbrowser.Do(t, c.ctx, chromedp.Navigate(e.srv.URL+mainSlug), chromedp.WaitVisible(chromedp.CSS(`ul.poll-results`)))
		got := testbrowser.Text(t, c.ctx, `section.poll`)
		if !strings.Contains(got, c.mine) || strings.Contains(got, c.not_) {
			t.Errorf("after reload: %q, want %q marked and not %q", got, c.mine, c.not_)
		}
	}
	if got, _ := st.Poll(context.Background(), p.ID); got.TotalVotes() != 2 {
		t.Errorf("%d votes stored, want 2", got.TotalVotes())
	}
}
