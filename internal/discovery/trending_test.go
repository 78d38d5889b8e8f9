package discovery_test

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"

	"warta/internal/discovery"
	"warta/internal/domain"
	"warta/internal/store"
	"warta/internal/testdb"
)

// history is a synthetic view history: views per hour, hours ago (0 is the
// current hour).
type history map[int]int64

func TestTrendingRule(t *testing.T) {
	rule := discovery.DefaultTrendingRule()
	now := time.Date(2024, 6, 20, 14, 30, 0, 0, time.UTC) // half-way into the hour
	stat := func(h history, publishedHoursAgo int, hot bool) store.ViewStat {
		v := store.ViewStat{ArticleID: 1, Hot: hot, PublishedAt: now.Add(-time.Duration(publishedHoursAgo) * time.Hour)}
		for ago, n := range h {
			if ago < 3 { // the window: this hour and the two before
				v.Recent += n
			} else if ago < 3+7*24 {
				v.Before += n
			}
		}
		return v
	}
	steady := func(perHour int64, hours int) history {
		h := history{}
		for i := range hours {
			h[i] = perHour
		}
		return h
	}
	spike := func(base history, perHour int64) history {
		h := history{}
		for k, v := range base {
			h[k] = v
		}
		h[0], h[1], h[2] = perHour/2, perHour, perHour // the current hour is half over
		return h
	}
	for _, tc := range []struct {
		name string
		v    store.ViewStat
		want bool
	}{
		{"quiet article", stat(steady(3, 200), 300, false), false},
		{"steady popular article is not trending", stat(steady(200, 200), 300, false), false},
		{"spike far above its own rate", stat(spike(steady(10, 200), 120), 300, false), true},
		{"spike only twice its rate", stat(spike(steady(40, 200), 80), 300, false), false},
		{"spike too small to count", stat(spike(steady(1, 200), 30), 300, false), false},
		{"new article read fast", stat(spike(history{}, 100), 2, false), true},
		{"new article read slowly", stat(spike(history{}, 10), 2, false), false},
		{"hot article cooling but still well above", stat(spike(steady(10, 200), 40), 300, true), true},
		{"hot article back to normal", stat(spike(steady(10, 200), 12), 300, true), false},
		{"hot article with no views any more", store.ViewStat{ArticleID: 1, Hot: true, PublishedAt: now.Add(-300 * time.Hour)}, false},
		{"views older than the baseline do not count", stat(history{500: 100000, 0: 60, 1: 120, 2: 120}, 600, false), true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := rule.Hot(tc.v, now); got != tc.want {
				recent, usual := rule.Rates(tc.v, now)
				t.Errorf("Hot = %v, want %v (recent %.1f/h, usual %.1f/h, %d views in window)", got, tc.want, recent, usual, tc.v.Recent)
			}
		})
	}
}

func TestTrendingJobSetsHotAndKeepsEditorsChoice(t *testing.T) {
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		now := time.Date(2024, 6, 20, 14, 30, 0, 0, time.UTC)
		st.SetClock(func() time.Time { return now })
		cat, err := st.CreateCategory(ctx, domain.Category{Name: "Nasional"})
		if err != nil {
			t.Fatal(err)
		}
		add := func(title string) int64 {
			id, err := st.CreateArticle(ctx, store.ArticleInput{Title: title, CategoryID: cat,
				Status: domain.StatusPublished, PublishedAt: now.Add(-300 * time.Hour)})
			if err != nil {
				t.Fatal(err)
			}
			return id
		}
		spiking, steady, pinnedOff, pinnedOn := add("Gempa Guncang Palu"), add("Jadwal KRL Hari Ini"), add("Banjir Bandang Garut"), add("Resep Sayur Asem")
		var batch []store.ViewCount
		views := func(id int64, ago int, n int64) {
			batch = append(batch, store.ViewCount{ArticleID: id, Hour: now.Truncate(time.Hour).Add(-time.Duration(ago) * time.Hour), N: n})
		}
		for ago := 3; ago < 100; ago++ {
			views(spiking, ago, 5)
			views(steady, ago, 50)
			views(pinnedOff, ago, 5)
		}
		for ago := range 3 {
			views(spiking, ago, 200)
			views(steady, ago, 50)
			views(pinnedOff, ago, 200)
		}
		if err := st.AddViews(ctx, batch); err != nil {
			t.Fatal(err)
		}
		off, on := false, true
		if err := st.SetHotOverride(ctx, pinnedOff, &off); err != nil {
			t.Fatal(err)
		}
		if err := st.SetHotOverride(ctx, pinnedOn, &on); err != nil {
			t.Fatal(err)
		}
		res, err := discovery.ApplyTrending(ctx, st, discovery.DefaultTrendingRule(), now)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(res.On, []int64{spiking}) || len(res.Off) != 0 {
			t.Errorf("trending changed %+v, want only %d on", res, spiking)
		}
		hot := func(id int64) bool {
			a, err := st.ArticleByID(ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			return a.Hot
		}
		if !hot(spiking) || hot(steady) || hot(pinnedOff) || !hot(pinnedOn) {
			t.Errorf("hot: spiking %v steady %v pinned off %v pinned on %v", hot(spiking), hot(steady), hot(pinnedOff), hot(pinnedOn))
		}

		// Six quiet hours later the spike is over and the badge goes; the
		// editor's choices stay.
		now = now.Add(6 * time.Hour)
		res, err = discovery.ApplyTrending(ctx, st, discovery.DefaultTrendingRule(), now)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(res.Off, []int64{spiking}) || len(res.On) != 0 {
			t.Errorf("trending changed %+v, want only %d off", res, spiking)
		}
		if hot(spiking) || !hot(pinnedOn) || hot(pinnedOff) {
			t.Error("badges after the spike are wrong")
		}
		// Handing an article back to the job lets the rule decide again.
		if err := st.SetHotOverride(ctx, pinnedOn, nil); err != nil {
			t.Fatal(err)
		}
		if _, err := discovery.ApplyTrending(ctx, st, discovery.DefaultTrendingRule(), now); err != nil {
			t.Fatal(err)
		}
		if hot(pinnedOn) {
			t.Error("an article handed back to the job kept a badge it did not earn")
		}
		if err := st.SetHotOverride(ctx, 999999, &on); domain.ErrorCode(err) != domain.ENotFound {
			t.Errorf("override of an unknown article: %v", err)
		}
	})
}

// The job sums only stories with a busy enough hour, yet sees every story
// the rule could badge: one read just over MinViews spread evenly over the
// window becomes hot, one already hot keeps the badge at half of it, and
// the long tail read once or twice an hour is never weighed.
func TestTrendingSeesStoriesReadThinly(t *testing.T) {
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		now := time.Date(2024, 6, 20, 14, 30, 0, 0, time.UTC)
		st.SetClock(func() time.Time { return now })
		cat, err := st.CreateCategory(ctx, domain.Category{Name: "Nasional"})
		if err != nil {
			t.Fatal(err)
		}
		add := func(title string) int64 {
			id, err := st.CreateArticle(ctx, store.ArticleInput{Title: title, CategoryID: cat,
				Status: domain.StatusPublished, PublishedAt: now.Add(-5 * time.Hour)})
			if err != nil {
				t.Fatal(err)
			}
			return id
		}
		rule := discovery.DefaultTrendingRule()
		thin, keeps := add("Harga Beras Turun Tipis"), add("Antrean Mudik Mengular")
		var batch []store.ViewCount
		per := (rule.MinViews + 2) / 3 // three window hours just over MinViews
		for ago := range 3 {
			h := now.Truncate(time.Hour).Add(-time.Duration(ago) * time.Hour)
			batch = append(batch, store.ViewCount{ArticleID: thin, Hour: h, N: per},
				store.ViewCount{ArticleID: keeps, Hour: h, N: (per + 1) / 2})
			for i := range 30 {
				id := add(fmt.Sprintf("Berita Lama %d-%d", ago, i))
				batch = append(batch, store.ViewCount{ArticleID: id, Hour: h, N: int64(1 + i%2)})
			}
		}
		if err := st.AddViews(ctx, batch); err != nil {
			t.Fatal(err)
		}
		on := true
		if err := st.SetHotOverride(ctx, keeps, &on); err != nil {
			t.Fatal(err)
		}
		if err := st.SetHotOverride(ctx, keeps, nil); err != nil { // handed back to the rule, badge on
			t.Fatal(err)
		}
		res, err := discovery.ApplyTrending(ctx, st, rule, now)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(res.On, []int64{thin}) || len(res.Off) != 0 {
			t.Errorf("trending changed %+v, want %d on and %d kept", res, thin, keeps)
		}
		for _, id := range []int64{thin, keeps} {
			if a, err := st.ArticleByID(ctx, id); err != nil || !a.Hot {
				t.Errorf("article %d: hot %v, %v", id, a.Hot, err)
			}
		}
		stats, err := st.TrendingStats(ctx, now.Truncate(time.Hour).Add(-2*time.Hour), now.Add(-7*24*time.Hour), now, (rule.MinViews+1)/2)
		if err != nil {
			t.Fatal(err)
		}
		if len(stats) != 2 {
			t.Errorf("weighed %d stories, want the two read enough: %+v", len(stats), stats)
		}
	})
}

// Run returns only after the work it started in the background: the
// snippet filler, held here inside its first read, must finish before Run
// does, so that nothing of the engine reads the store after Run returned
// (the process then closes it).
func TestRunWaitsForTheSnippetFiller(t *testing.T) {
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		cat, err := st.CreateCategory(ctx, domain.Category{Name: "Nasional"})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := st.CreateArticle(ctx, store.ArticleInput{Title: "Berita Pertama", CategoryID: cat,
			Status: domain.StatusPublished, PublishedAt: time.Now().Add(-time.Hour)}); err != nil {
			t.Fatal(err)
		}
		// The filler's first read: the oldest published article.
		const fillerRead = "SELECT a.id FROM articles a WHERE a.status = 'published' ORDER BY a.id LIMIT 1"
		entered, release := make(chan struct{}), make(chan struct{})
		var once sync.Once
		st.TraceReads(func(query string, _ []any) {
			if query == fillerRead {
				once.Do(func() { close(entered); <-release })
			}
		})
		defer st.TraceReads(nil)
		runCtx, cancel := context.WithCancel(ctx)
		done := make(chan struct{})
		go func() { defer close(done); discovery.New(st, nil).Run(runCtx) }()
		select {
		case <-entered:
		case <-time.After(time.Minute):
			t.Fatal("the snippet filler never read the store (did its first query change?)")
		}
		cancel()
		select {
		case <-done:
			t.Fatal("Run returned while the snippet filler was still reading")
		case <-time.After(200 * time.Millisecond):
		}
		close(release)
		<-done
	})
}
