package store_test

import (
	"context"
	"strconv"
	"testing"
	"time"

	"warta/internal/domain"
	"warta/internal/store"
	"warta/internal/testdb"
)

// Issue 14: an article-only poll shows on the articles that attach it and
// nowhere else; the site poll is the one editors chose for the home page
// (or the newest open one), and shows beside articles without their own.
func TestPollScopes(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := newFixture(t, s)
		publish := func(title string, poll int64) int64 {
			id, err := s.CreateArticle(ctx, store.ArticleInput{Title: title, CategoryID: f.nasional, Status: domain.StatusPublished,
				PublishedAt: time.Now().Add(-time.Hour), PollID: poll})
			if err != nil {
				t.Fatal(err)
			}
			return id
		}
		poll := func(q, scope string, age time.Duration) int64 {
			id, err := s.CreatePoll(ctx, store.PollInput{Question: q, Options: []string{"Ya", "Tidak"}, Scope: scope,
				OpensAt: time.Now().Add(-age)})
			if err != nil {
				t.Fatal(err)
			}
			return id
		}
		older := poll("Polling situs lama?", domain.PollSite, 3*time.Hour)
		newer := poll("Polling situs baru?", domain.PollSite, 2*time.Hour)
		// The newest poll of all is article-only: before issue 14 it became the site poll.
		own := poll("Khusus artikel banjir?", domain.PollArticle, time.Hour)
		flood := publish("Banjir Jakarta", own)
		other := publish("Harga Cabai", 0)
		pinned := publish("Pemilu", older) // an article may attach a site poll too

		show := func(article int64) int64 {
			t.Helper()
			id, err := s.PollToShow(ctx, article)
			if err != nil {
				t.Fatal(err)
			}
			return id
		}
		if got := show(flood); got != own {
			t.Errorf("the article shows poll %d, want its own %d", got, own)
		}
		if got := show(0); got != newer {
			t.Errorf("the home page shows poll %d, want the newest site poll %d (never the article-only one)", got, newer)
		}
		if got := show(other); got != newer {
			t.Errorf("an article without a poll shows %d, want the site poll %d", got, newer)
		}
		if got := show(pinned); got != older {
			t.Errorf("an article attaching a site poll shows %d, want it (%d)", got, older)
		}
		if ids, _ := s.OpenPollIDs(ctx, 0, 10); len(ids) != 2 {
			t.Errorf("open site polls %v: the article-only poll is listed", ids)
		}
		// Editors choose the older site poll for the home page.
		if err := s.SetSettings(ctx, map[string]string{store.SettingHomePoll: strconv.FormatInt(older, 10)}); err != nil {
			t.Fatal(err)
		}
		if got, got2 := show(0), show(other); got != older || got2 != older {
			t.Errorf("chosen poll %d: home %d, other article %d", older, got, got2)
		}
		if got := show(flood); got != own {
			t.Errorf("with a chosen home poll the article shows %d, want its own %d", got, own)
		}
		// An article-only poll chosen by hand in the database is not shown on the home page.
		if err := s.SetSettings(ctx, map[string]string{store.SettingHomePoll: strconv.FormatInt(own, 10)}); err != nil {
			t.Fatal(err)
		}
		if got := show(0); got != newer {
			t.Errorf("an article-only poll as home poll: home shows %d, want the fallback %d", got, newer)
		}
		// None: the home page and articles without their own show no poll.
		if err := s.SetSettings(ctx, map[string]string{store.SettingHomePoll: store.HomePollNone}); err != nil {
			t.Fatal(err)
		}
		if got, got2, got3 := show(0), show(other), show(flood); got != 0 || got2 != 0 || got3 != own {
			t.Errorf("no home poll: home %d, other %d, own article %d", got, got2, got3)
		}
		// Scope changes: the article-only poll becomes a site poll.
		site := domain.PollSite
		if err := s.UpdatePoll(ctx, own, store.PollUpdate{Scope: &site}); err != nil {
			t.Fatal(err)
		}
		if err := s.SetSettings(ctx, map[string]string{store.SettingHomePoll: ""}); err != nil {
			t.Fatal(err)
		}
		if got := show(0); got != own {
			t.Errorf("after becoming a site poll, home shows %d, want %d", got, own)
		}
		bad := "global"
		if err := s.UpdatePoll(ctx, own, store.PollUpdate{Scope: &bad}); err == nil {
			t.Error("an unknown scope was stored")
		}
		if _, err := s.CreatePoll(ctx, store.PollInput{Question: "X?", Options: []string{"A", "B"}, Scope: bad}); err == nil {
			t.Error("a poll with an unknown scope was created")
		}
		// A poll made for an article (article_id) is article-only by default.
		p, err := s.CreatePoll(ctx, store.PollInput{Question: "Untuk artikel?", Options: []string{"A", "B"}, ArticleID: other})
		if err != nil {
			t.Fatal(err)
		}
		if got, _ := s.Poll(ctx, p); got.Scope != domain.PollArticle {
			t.Errorf("a poll made with an article has scope %q", got.Scope)
		}
		if got := show(other); got != p {
			t.Errorf("the article shows %d, want the poll made for it %d", got, p)
		}
	})
}

// The site's look is stored as settings and read back; values written by
// hand that do not decode count as not set.
func TestSiteLookSettings(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		l := domain.SiteLook{Name: "Kabar Kita", Tagline: "Dari kita", Logo: domain.Logo{URL: "/media/u/x.jpg", Width: 400, Height: 100},
			Menu: []domain.MenuItem{{CategoryID: 7}, {Label: "Kontak", URL: "/halaman/kontak"}}, FooterText: "Jl. Merdeka 1\nJakarta",
			FooterLinks: []domain.Link{{Label: "Karier", URL: "https://karier.example.id/"}}}
		if err := s.SetSettings(ctx, store.LookValues(l)); err != nil {
			t.Fatal(err)
		}
		got, err := s.SiteLook(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if got.Name != l.Name || got.Logo != l.Logo || len(got.Menu) != 2 || got.Menu[1].URL != "/halaman/kontak" ||
			got.FooterText != l.FooterText || len(got.FooterLinks) != 1 {
			t.Errorf("look read back as %+v", got)
		}
		// An empty menu is kept (only "Beranda"), unlike no menu (every channel).
		l.Menu = []domain.MenuItem{}
		if err := s.SetSettings(ctx, store.LookValues(l)); err != nil {
			t.Fatal(err)
		}
		if got, _ := s.SiteLook(ctx); got.Menu == nil || len(got.Menu) != 0 {
			t.Errorf("an empty menu read back as %#v", got.Menu)
		}
		l.Menu = nil
		l.Name = ""
		if err := s.SetSettings(ctx, store.LookValues(l)); err != nil {
			t.Fatal(err)
		}
		if got, _ := s.SiteLook(ctx); got.Menu != nil || got.Name != "" {
			t.Errorf("defaults read back as %+v", got)
		}
		if err := s.SetSetting(ctx, store.SettingMenu, "{not json"); err != nil {
			t.Fatal(err)
		}
		if got, err := s.SiteLook(ctx); err != nil || got.Menu != nil {
			t.Errorf("a broken menu value: %+v %v", got.Menu, err)
		}
	})
}
