package store_test

import (
	"context"
	"testing"
	"time"

	"warta/internal/store"
	"warta/internal/testdb"
)

// "Dibaca sekarang": views flushed in the last five minutes, by the minute,
// most read first; older minutes leave the window and, past
// RecentViewsKeep, the table; unpublished articles are not listed.
func TestReadNowCountsTheLastMinutes(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := newFixture(t, s)
		a := publish(t, s, store.ArticleInput{Title: "Banyak Dibaca", CategoryID: f.nasional})
		b := publish(t, s, store.ArticleInput{Title: "Sedikit Dibaca", CategoryID: f.nasional})
		draft := publish(t, s, store.ArticleInput{Title: "Masih Draf", CategoryID: f.nasional, Status: "draft"})
		clock := time.Now().Truncate(time.Hour).Add(30 * time.Second) // after the articles were published, "10:00:30"
		s.SetClock(func() time.Time { return clock })
		add := func(id, n int64) {
			t.Helper()
			if err := s.AddViews(ctx, []store.ViewCount{{ArticleID: id, Hour: clock.Truncate(time.Hour), N: n}}); err != nil {
				t.Fatal(err)
			}
		}
		add(b, 7) // 10:00
		clock = clock.Add(3 * time.Minute)
		add(a, 5) // 10:03
		add(b, 1)
		add(draft, 4)
		clock = clock.Add(time.Minute)
		add(a, 4) // 10:04
		read := func() ([]int64, []int64, int64) {
			t.Helper()
			list, total, err := s.ReadNow(ctx, s.Now().Add(-5*time.Minute), 10)
			if err != nil {
				t.Fatal(err)
			}
			var ids, views []int64
			for _, x := range list {
				ids, views = append(ids, x.ID), append(views, x.Views)
			}
			return ids, views, total
		}
		ids, views, total := read() // 10:04:30: minutes 10:00 to 10:04
		if len(ids) != 2 || ids[0] != a || views[0] != 9 || ids[1] != b || views[1] != 8 || total != 21 {
			t.Errorf("at 10:04:30: %v %v total %d, want [%d %d] [9 8] total 21 (the draft's 4 in the total, not listed)", ids, views, total, a, b)
		}
		clock = clock.Add(2 * time.Minute) // 10:06:30: 10:00 has left the window
		if ids, views, total = read(); len(ids) != 2 || ids[0] != a || views[0] != 9 || views[1] != 1 || total != 14 {
			t.Errorf("at 10:06:30: %v %v total %d", ids, views, total)
		}
		clock = clock.Add(20 * time.Minute)
		if ids, _, total = read(); len(ids) != 0 || total != 0 {
			t.Errorf("20 minutes later: %v total %d", ids, total)
		}
		add(a, 1) // a flush drops what is past RecentViewsKeep
		var rows int
		if err := s.WriteDB().QueryRowContext(ctx, "SELECT COUNT(*) FROM article_views_recent").Scan(&rows); err != nil {
			t.Fatal(err)
		}
		if rows != 1 {
			t.Errorf("article_views_recent holds %d rows, want only the last minute's", rows)
		}
	})
}

// Hourly view counts older than the kept window leave the table in batches
// (several here, of two rows), newer ones and every lifetime total stay.
func TestPruneHourlyViewsKeepsTheWindowAndTotals(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := newFixture(t, s)
		a := publish(t, s, store.ArticleInput{Title: "Lama Dibaca", CategoryID: f.nasional, PublishedAt: time.Now().AddDate(-1, 0, 0)})
		b := publish(t, s, store.ArticleInput{Title: "Baru Dibaca", CategoryID: f.nasional, PublishedAt: time.Now().AddDate(-1, 0, 0)})
		now := time.Now().Truncate(time.Hour)
		cutoff := now.Add(-store.HourlyViewsKeep)
		var batch []store.ViewCount
		for _, h := range []time.Duration{-200 * 24 * time.Hour, -100 * 24 * time.Hour, -91 * 24 * time.Hour, -store.HourlyViewsKeep - time.Hour} {
			batch = append(batch, store.ViewCount{ArticleID: a, Hour: now.Add(h), N: 3}, store.ViewCount{ArticleID: b, Hour: now.Add(h), N: 1})
		}
		keep := []time.Time{cutoff, now.Add(-7 * 24 * time.Hour), now}
		for _, h := range keep {
			batch = append(batch, store.ViewCount{ArticleID: a, Hour: h, N: 2})
		}
		if err := s.AddViews(ctx, batch); err != nil {
			t.Fatal(err)
		}
		n, err := s.PruneHourlyViews(ctx, cutoff, 2)
		if err != nil {
			t.Fatal(err)
		}
		if n != 8 {
			t.Errorf("pruned %d rows, want the 8 before %v", n, cutoff)
		}
		hours, err := s.ViewsPerHour(ctx, 0, time.Time{})
		if err != nil {
			t.Fatal(err)
		}
		if len(hours) != len(keep) {
			t.Fatalf("left %v, want the hours %v", hours, keep)
		}
		for i, h := range hours {
			if !h.Hour.Equal(keep[i]) || h.Views != 2 {
				t.Errorf("hour %d: %v %d views, want %v 2", i, h.Hour, h.Views, keep[i])
			}
		}
		for id, want := range map[int64]int64{a: 4*3 + 3*2, b: 4} {
			got, err := s.ArticleByID(ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			if got.Views != want {
				t.Errorf("article %d: %d views in its lifetime total after the prune, want %d", id, got.Views, want)
			}
		}
		if n, err := s.PruneHourlyViews(ctx, cutoff, 2); err != nil || n != 0 {
			t.Errorf("second prune: %d rows, %v; want nothing left to prune", n, err)
		}
	})
}

// The whole site's views per hour (the newsroom's chart) are the sum of
// every article's, kept as they are flushed: a flush's views of an article
// deleted meanwhile count nowhere, and deleting an article later leaves
// the hours it was read in as they were.
func TestSiteViewsPerHourAddUp(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := newFixture(t, s)
		a := publish(t, s, store.ArticleInput{Title: "Satu Dibaca", CategoryID: f.nasional})
		b := publish(t, s, store.ArticleInput{Title: "Dua Dibaca", CategoryID: f.nasional})
		h := time.Now().Truncate(time.Hour)
		for _, batch := range [][]store.ViewCount{
			{{ArticleID: a, Hour: h.Add(-time.Hour), N: 5}, {ArticleID: b, Hour: h.Add(-time.Hour), N: 2}, {ArticleID: a, Hour: h, N: 1}},
			{{ArticleID: b, Hour: h, N: 4}, {ArticleID: b + 1000, Hour: h, N: 50}, {ArticleID: a, Hour: h.Add(-time.Hour), N: 3}},
		} {
			if err := s.AddViews(ctx, batch); err != nil {
				t.Fatal(err)
			}
		}
		check := func(when string) {
			t.Helper()
			hours, err := s.ViewsPerHour(ctx, 0, h.Add(-2*time.Hour))
			if err != nil || len(hours) != 2 || !hours[0].Hour.Equal(h.Add(-time.Hour)) || hours[0].Views != 10 || hours[1].Views != 5 {
				t.Errorf("%s: site views per hour %+v %v, want 10 then 5", when, hours, err)
			}
		}
		check("flushed")
		if hours, err := s.ViewsPerHour(ctx, a, h.Add(-2*time.Hour)); err != nil || len(hours) != 2 || hours[0].Views != 8 || hours[1].Views != 1 {
			t.Errorf("one article's views per hour %+v %v, want 8 then 1", hours, err)
		}
		if err := s.DeleteArticle(ctx, b); err != nil {
			t.Fatal(err)
		}
		check("an article deleted")
	})
}
