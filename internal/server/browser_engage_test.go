package server_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"warta/internal/app"
	"warta/internal/domain"
	"warta/internal/store"
	"warta/internal/testbrowser"
	"warta/internal/testdb"
)

// A reader with JavaScript likes the story, votes and comments, and sees the
// numbers change without a reload.
func TestBrowserEngagementWithoutReload(t *testing.T) {
	ctx := testbrowser.New(t, 90*time.Second)
	st := testdb.SQLite(t)
	e := newEnv(t, st, func(c *app.Config) { c.Engage.MinSubmitDelay = time.Millisecond })
	st.SetSetting(context.Background(), store.SettingModeration, domain.ModerationApproveAll)
	text := func(css string) string { return testbrowser.Text(t, ctx, css) }
	waitText := func(css, want string) {
		t.Helper()
		deadline := time.Now().Add(10 * time.Second)
		for {
			got := text(css)
			if strings.Contains(got, want) {
				return
			}
			if time.Now().After(deadline) {
				t.Fatalf("%s shows %q, want %q", css, got, want)
			}
			time.Sleep(100 * time.Millisecond)
		}
	}
	testbrowser.Do(t, ctx,
		chromedp.Navigate(e.srv.URL+mainSlug),
		chromedp.WaitVisible(chromedp.CSS(`h1#judul`)),
	)
	// Mark the page so a reload would be noticed.
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`window.__noReload = true`)); err != nil {
		t.Fatal(err)
	}
	testbrowser.Do(t, ctx, chromedp.Click(chromedp.CSS(`form.reactions button[value="like"]`)))
	waitText(`[data-likes]`, "1")
	testbrowser.Do(t, ctx,
		chromedp.Click(chromedp.CSS(`form.poll-form input[type="radio"]`)),
		chromedp.Click(chromedp.CSS(`form.poll-form button[type="submit"]`)),
	)
	waitText(`section.poll`, "Total 1 suara")
	testbrowser.Do(t, ctx,
		chromedp.SendKeys(chromedp.CSS(`#k-nama`), "Dewi"),
		chromedp.SendKeys(chromedp.CSS(`#k-teks`), "Liputan yang jernih, terima kasih."),
		chromedp.Click(chromedp.CSS(`form.comment-form button[type="submit"]`)),
	)
	waitText(`[data-comment-count]`, "1")
	waitText(`[data-comment-list]`, "Liputan yang jernih, terima kasih.")
	still, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`window.__noReload === true`))
	if err != nil || !still {
		t.Errorf("the page reloaded (%v)", err)
	}
	c, _ := st.ArticleCounts(context.Background(), e.ids["main"])
	if c.Likes != 1 || c.CommentCount != 1 {
		t.Errorf("stored likes %d comments %d, want 1 and 1", c.Likes, c.CommentCount)
	}
}
