package store_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"warta/internal/domain"
	"warta/internal/store"
	"warta/internal/testdb"
)

// Terpopuler ranks the window's views of every article read, the newer
// first among equals, though it checks only the most read few against the
// articles: drafts and stories still ahead of their time that out-read
// every published one do not change the list, however many there are.
func TestMostReadRanksEveryArticleRead(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := newFixture(t, s)
		now := s.Now()
		h := now.Truncate(time.Hour)
		var views []store.ViewCount
		read := func(id, n int64) { views = append(views, store.ViewCount{ArticleID: id, Hour: h, N: n}) }
		// 40 drafts and a scheduled story read more than anything published.
		for i := range 40 {
			id, err := s.CreateArticle(ctx, store.ArticleInput{Title: fmt.Sprintf("Draf Ramai %d", i), CategoryID: f.nasional, Status: domain.StatusDraft})
			if err != nil {
				t.Fatal(err)
			}
			read(id, int64(1000+i))
		}
		read(publish(t, s, store.ArticleInput{Title: "Terbit Nanti", CategoryID: f.nasional, PublishedAt: now.Add(time.Hour)}), 5000)
		// 30 published stories, oldest first, all with the same 10 views,
		// and three more read 500 times each.
		var tied, top []int64
		for i := range 30 {
			id := publish(t, s, store.ArticleInput{Title: fmt.Sprintf("Berita Seri %d", i), CategoryID: f.nasional,
				PublishedAt: now.Add(-time.Duration(300-i) * time.Minute)})
			tied = append(tied, id)
			read(id, 10)
		}
		for i := range 3 {
			id := publish(t, s, store.ArticleInput{Title: fmt.Sprintf("Berita Utama %d", i), CategoryID: f.nasional,
				PublishedAt: now.Add(-time.Duration(600-i) * time.Minute)})
			top = append([]int64{id}, top...) // the newest first among equals
			read(id, 500)
		}
		if err := s.AddViews(ctx, views); err != nil {
			t.Fatal(err)
		}
		ids := func(list []domain.Article) []int64 {
			var out []int64
			for _, a := range list {
				out = append(out, a.ID)
			}
			return out
		}
		// The three read 500 times, then the newest of the 30 tied at 10.
		want := append(slices.Clone(top), tied[29], tied[28])
		check := func(when string) {
			// Terpopuler reads what the discovery job ranked; the newsroom's
			// top of a window nobody ranked (30 hours) is ranked at once.
			if err := s.RefreshMostRead(ctx, []time.Time{now.Add(-24 * time.Hour)}, 0); err != nil {
				t.Fatal(err)
			}
			for _, brief := range []bool{true, false} {
				got, err := s.MostRead(ctx, now.Add(-24*time.Hour), 5, brief)
				if err != nil || !slices.Equal(ids(got), want) {
					t.Errorf("most read today (brief %v), %s: %v %v, want %v", brief, when, ids(got), err, want)
				}
				if err == nil && len(got) == 5 && (got[0].Views != 500 || got[4].Views != 10) {
					t.Errorf("most read today: views %d … %d, want 500 … 10 (the window's)", got[0].Views, got[4].Views)
				}
			}
			// TopArticlesSince has no lifetime fallback to hide an empty list.
			if got, err := s.TopArticlesSince(ctx, now.Add(-30*time.Hour), 5); err != nil || !slices.Equal(ids(got), want) {
				t.Errorf("read most, 5, %s: %v %v, want %v", when, ids(got), err, want)
			}
			// Only the tied ones: the newest 12 of them.
			got, err := s.TopArticlesSince(ctx, now.Add(-30*time.Hour), 15)
			if err != nil || len(got) != 15 || !slices.Equal(ids(got)[3:], []int64{tied[29], tied[28], tied[27], tied[26], tied[25],
				tied[24], tied[23], tied[22], tied[21], tied[20], tied[19], tied[18]}) {
				t.Errorf("read most, 15, %s: %v %v", when, ids(got), err)
			}
		}
		check("41 unpublished read more")
		// More unpublished ones read more than the pool first checked can
		// hold, again and again: every article read is ranked at once.
		views = nil
		for i := range 170 {
			id, err := s.CreateArticle(ctx, store.ArticleInput{Title: fmt.Sprintf("Draf Lain %d", i), CategoryID: f.nasional, Status: domain.StatusDraft})
			if err != nil {
				t.Fatal(err)
			}
			read(id, int64(2000+i))
		}
		if err := s.AddViews(ctx, views); err != nil {
			t.Fatal(err)
		}
		check("211 unpublished read more")
	})
}

// Terpopuler reads the list the discovery job ranked (RefreshMostRead)
// instead of summing the window's views on every request: views after the
// ranking show at the next one, a story taken down or deleted leaves the
// list at once, a window ranked for a start within the hour answers for
// it; where no list answers (none ranked, or too old) it is the lifetime
// counts of the articles published in the window, and a list that stories
// taken down leave short stays short until the next ranking.
func TestMostReadFromRankedWindows(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := newFixture(t, s)
		clock := s.Now()
		s.SetClock(func() time.Time { return clock })
		h := clock.Truncate(time.Hour)
		week := clock.Add(-7 * 24 * time.Hour)
		var ids []int64
		for i := range 4 {
			ids = append(ids, publish(t, s, store.ArticleInput{Title: fmt.Sprintf("Berita Dibaca %d", i), CategoryID: f.nasional,
				PublishedAt: clock.Add(-time.Duration(10-i) * time.Hour)}))
		}
		// The last one has many views in its lifetime, none in the week.
		if err := s.SetCounters(ctx, ids[3], 500, 0, 0); err != nil {
			t.Fatal(err)
		}
		read := func(id, n int64, at time.Time) {
			t.Helper()
			if err := s.AddViews(ctx, []store.ViewCount{{ArticleID: id, Hour: at, N: n}}); err != nil {
				t.Fatal(err)
			}
		}
		list := func(since time.Time, limit int) []int64 {
			t.Helper()
			got, err := s.MostRead(ctx, since, limit, true)
			if err != nil {
				t.Fatal(err)
			}
			var out []int64
			for _, a := range got {
				out = append(out, a.ID)
			}
			return out
		}
		want := func(what string, got []int64, want ...int64) {
			t.Helper()
			if !slices.Equal(got, want) {
				t.Errorf("%s: %v, want %v", what, got, want)
			}
		}
		rank := func(fresh time.Duration) {
			t.Helper()
			if err := s.RefreshMostRead(ctx, []time.Time{week}, fresh); err != nil {
				t.Fatal(err)
			}
		}
		read(ids[0], 50, h)
		read(ids[1], 30, h.Add(-48*time.Hour))
		rank(0)
		got, err := s.MostRead(ctx, week, 5, false)
		if err != nil || len(got) != 2 || got[0].ID != ids[0] || got[0].Views != 50 || got[1].Views != 30 {
			t.Errorf("ranked week: %+v %v", got, err)
		}
		// Read after the ranking: the list stays as ranked until the next.
		read(ids[2], 90, h)
		want("ranked a moment ago", list(week, 5), ids[0], ids[1])
		want("a week from half an hour later", list(week.Add(30*time.Minute), 5), ids[0], ids[1])
		if top, err := s.TopArticlesSince(ctx, week, 5); err != nil || len(top) != 2 || top[0].ID != ids[0] || top[1].ID != ids[1] {
			t.Errorf("the newsroom's top of a ranked window: %v %v, want the ranked list", top, err)
		}
		// A window the job does not rank: lifetime counts.
		want("three days, not ranked", list(clock.Add(-72*time.Hour), 5), ids[3], ids[2], ids[0], ids[1])
		rank(time.Hour) // ranked less than an hour ago: left as it is
		want("not ranked again", list(week, 5), ids[0], ids[1])
		rank(0)
		want("ranked again", list(week, 5), ids[2], ids[0], ids[1])
		// Taken down or deleted: gone from the list before the next ranking.
		if err := s.SetArticleStatus(ctx, ids[2], domain.StatusUnpublished, time.Time{}); err != nil {
			t.Fatal(err)
		}
		if err := s.DeleteArticle(ctx, ids[0]); err != nil {
			t.Fatal(err)
		}
		want("after a story taken down and one deleted", list(week, 5), ids[1])
		// The job stopped: past MostReadMaxAge the list gives way to the
		// lifetime counts, and the next ranking drops what it no longer ranks.
		read(ids[3], 10, h)
		clock = clock.Add(store.MostReadMaxAge + time.Minute)
		want("ranked too long ago", list(week, 5), ids[3], ids[1])
		if err := s.RefreshMostRead(ctx, nil, 0); err != nil {
			t.Fatal(err)
		}
		want("old window dropped", list(week, 5), ids[3], ids[1])

		// A full pool that stories taken down leave short of the list asked
		// for: what is left of it, until the next ranking reaches past it.
		// The newsroom's top ranks such a window at once.
		var many []int64
		var views []store.ViewCount
		for i := range store.MostReadPool + 5 {
			id := publish(t, s, store.ArticleInput{Title: fmt.Sprintf("Berita Banyak %d", i), CategoryID: f.nasional, PublishedAt: clock.Add(-time.Hour)})
			many = append([]int64{id}, many...) // the most read first
			views = append(views, store.ViewCount{ArticleID: id, Hour: h, N: int64(1000 + i)})
		}
		if err := s.AddViews(ctx, views); err != nil {
			t.Fatal(err)
		}
		rank(0)
		want("a full pool", list(week, 3), many[:3]...)
		for _, id := range many[:store.MostReadPool-2] {
			if err := s.SetArticleStatus(ctx, id, domain.StatusUnpublished, time.Time{}); err != nil {
				t.Fatal(err)
			}
		}
		want("a full pool taken down but two", list(week, 3), many[store.MostReadPool-2:store.MostReadPool]...)
		if top, err := s.TopArticlesSince(ctx, week, 3); err != nil || len(top) != 3 || top[2].ID != many[store.MostReadPool] {
			t.Errorf("the newsroom's top of a full pool taken down: %v %v", top, err)
		}
		rank(0)
		want("and ranked again", list(week, 3), many[store.MostReadPool-2:store.MostReadPool+1]...)
	})
}

// Ranking a window again sums only the articles with a busy enough hour
// (the last ranking bounds the pool), and the list is the one summing every
// article gives: a story read a little in every hour of the week is
// weighed, and left out only where it could not make the list.
func TestMostReadRankingShortcutIsExact(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := newFixture(t, s)
		now := s.Now()
		h := now.Truncate(time.Hour)
		week := now.Add(-7 * 24 * time.Hour)
		rng := rand.New(rand.NewPCG(3, 11))
		var views []store.ViewCount
		for i := range store.MostReadPool + 20 {
			id := publish(t, s, store.ArticleInput{Title: fmt.Sprintf("Berita Minggu %d", i), CategoryID: f.nasional, PublishedAt: week})
			for _, k := range rng.Perm(160)[:20+i] {
				views = append(views, store.ViewCount{ArticleID: id, Hour: h.Add(-time.Duration(k) * time.Hour), N: int64(10 + rng.IntN(41))})
			}
		}
		// Read a little every hour: 3 × 168, under any article with a busy hour.
		steady := publish(t, s, store.ArticleInput{Title: "Berita Dibaca Pelan", CategoryID: f.nasional, PublishedAt: week})
		for k := range 168 {
			views = append(views, store.ViewCount{ArticleID: steady, Hour: h.Add(-time.Duration(k) * time.Hour), N: 3})
		}
		// The long tail: drafts read once or twice.
		for i := range 40 {
			id, err := s.CreateArticle(ctx, store.ArticleInput{Title: fmt.Sprintf("Draf Sepi %d", i), CategoryID: f.nasional, Status: domain.StatusDraft})
			if err != nil {
				t.Fatal(err)
			}
			views = append(views, store.ViewCount{ArticleID: id, Hour: h.Add(-time.Duration(rng.IntN(160)) * time.Hour), N: int64(1 + rng.IntN(2))})
		}
		if err := s.AddViews(ctx, views); err != nil {
			t.Fatal(err)
		}
		rank := func() (shortcut bool) {
			t.Helper()
			s.TraceReads(func(q string, _ []any) {
				if strings.Contains(q, "views >= ") {
					shortcut = true
				}
			})
			defer s.TraceReads(nil)
			if err := s.RefreshMostRead(ctx, []time.Time{week}, 0); err != nil {
				t.Fatal(err)
			}
			return shortcut
		}
		if rank() {
			t.Error("the first ranking took the shortcut with no ranking before it")
		}
		for round := range 2 {
			if round == 1 {
				// The steady story now has the busiest week of all: it shows
				// at the next ranking, which still takes the shortcut.
				var more []store.ViewCount
				for k := range 160 {
					more = append(more, store.ViewCount{ArticleID: steady, Hour: h.Add(-time.Duration(k) * time.Hour), N: 20})
				}
				if err := s.AddViews(ctx, more); err != nil {
					t.Fatal(err)
				}
				if got, err := s.MostRead(ctx, week, 1, true); err != nil || len(got) != 1 || got[0].ID == steady {
					t.Errorf("before the next ranking: %v %v", got, err)
				}
			}
			if !rank() {
				t.Fatalf("ranking %d again summed every article read", round+2)
			}
			got, err := s.MostRead(ctx, week, store.MostReadPool, true)
			if err != nil {
				t.Fatal(err)
			}
			// Ranked now, summing every article: the same sums (no views
			// are older than the week), a window nobody ranked.
			all, err := s.TopArticlesSince(ctx, week.Add(-3*time.Hour), store.MostReadPool)
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(all) {
				t.Fatalf("ranked %d, every article summed %d", len(got), len(all))
			}
			for i := range got {
				if got[i].ID != all[i].ID || got[i].Views != all[i].Views {
					t.Errorf("round %d, position %d: ranked %d (%d views), summing every article %d (%d)", round, i, got[i].ID, got[i].Views, all[i].ID, all[i].Views)
				}
			}
			if in := slices.ContainsFunc(got, func(a domain.Article) bool { return a.ID == steady }); in != (round == 1) || round == 1 && got[0].ID != steady {
				t.Errorf("round %d: the steady story listed %v (first: %d)", round, in, got[0].ID)
			}
		}
	})
}
