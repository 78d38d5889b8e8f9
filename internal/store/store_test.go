package store_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"warta/internal/domain"
	"warta/internal/store"
	"warta/internal/testdb"
)

// fixture creates a small newsroom: two categories, an author and articles.
type fixture struct {
	nasional, ekonomi int64
	author            int64
}

func newFixture(t *testing.T, s *store.Store) fixture {
	t.Helper()
	ctx := context.Background()
	var f fixture
	var err error
	if f.nasional, err = s.CreateCategory(ctx, domain.Category{Name: "Nasional", Position: 1}); err != nil {
		t.Fatal(err)
	}
	if f.ekonomi, err = s.CreateCategory(ctx, domain.Category{Name: "Ekonomi", Position: 2}); err != nil {
		t.Fatal(err)
	}
	if f.author, err = s.CreateAuthor(ctx, domain.Author{Name: "Rina Wulandari"}); err != nil {
		t.Fatal(err)
	}
	return f
}

func publish(t *testing.T, s *store.Store, in store.ArticleInput) int64 {
	t.Helper()
	if in.Status == "" {
		in.Status = domain.StatusPublished
	}
	if in.PublishedAt.IsZero() {
		in.PublishedAt = time.Now().Add(-time.Hour)
	}
	id, err := s.CreateArticle(context.Background(), in)
	if err != nil {
		t.Fatalf("create %q: %v", in.Title, err)
	}
	return id
}

func TestArticlesRoundTrip(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := newFixture(t, s)
		pub := time.Date(2024, 6, 20, 11, 34, 0, 0, time.UTC)
		id := publish(t, s, store.ArticleInput{Title: "Harga Beras Naik di Pasar Induk", Excerpt: "Ringkas.",
			BodySource: "Isi **berita**.", BodyHTML: "<p>Isi <strong>berita</strong>.</p>",
			Photo:      domain.Photo{URL: "/media/x.jpg", Caption: "Pasar", Credit: "Antara", Width: 1200, Height: 675},
			CategoryID: f.ekonomi, Tags: []string{"Beras", "HOT", "beras"}, AuthorIDs: []int64{f.author},
			PublishedAt: pub, Breaking: true})
		a, err := s.ArticleBySlug(ctx, "harga-beras-naik-di-pasar-induk")
		if err != nil {
			t.Fatal(err)
		}
		if a.ID != id || a.Title != "Harga Beras Naik di Pasar Induk" || a.Category.Name != "Ekonomi" || !a.Breaking || a.Featured {
			t.Errorf("article = %+v", a)
		}
		if !a.PublishedAt.Equal(pub) {
			t.Errorf("published_at = %v, want %v", a.PublishedAt, pub)
		}
		if a.Photo.Credit != "Antara" || a.Photo.Width != 1200 || a.BodyHTML != "<p>Isi <strong>berita</strong>.</p>" {
			t.Errorf("photo/body = %+v %q", a.Photo, a.BodyHTML)
		}
		if len(a.Tags) != 2 || a.Tags[0].Slug != "beras" || a.Tags[1].Name != "HOT" {
			t.Errorf("tags = %+v (duplicate names must collapse)", a.Tags)
		}
		if len(a.Authors) != 1 || a.Authors[0].Name != "Rina Wulandari" {
			t.Errorf("authors = %+v", a.Authors)
		}
		// A repeated title gets a numbered slug; a slug asked for that is
		// taken is a conflict.
		for _, want := range []string{"harga-beras-naik-di-pasar-induk-2", "harga-beras-naik-di-pasar-induk-3"} {
			id, err := s.CreateArticle(ctx, store.ArticleInput{Title: "Harga Beras Naik di Pasar Induk", CategoryID: f.ekonomi})
			if err != nil {
				t.Fatalf("repeated title: %v", err)
			}
			if got, err := s.ArticleByIDAnyStatus(ctx, id); err != nil || got.Slug != want {
				t.Errorf("repeated title: slug %q (%v), want %q", got.Slug, err, want)
			}
		}
		_, err = s.CreateArticle(ctx, store.ArticleInput{Title: "Lain", Slug: "harga-beras-naik-di-pasar-induk", CategoryID: f.ekonomi})
		if domain.ErrorCode(err) != domain.EConflict {
			t.Errorf("duplicate slug asked for: err = %v, want conflict", err)
		}
		_, err = s.CreateArticle(ctx, store.ArticleInput{Title: "  ", CategoryID: f.ekonomi})
		if !errors.Is(err, domain.ErrInvalid) {
			t.Errorf("empty title: err = %v, want invalid", err)
		}
	})
}

func TestOnlyPublishedAreVisible(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := newFixture(t, s)
		publish(t, s, store.ArticleInput{Title: "Terbit", CategoryID: f.nasional})
		publish(t, s, store.ArticleInput{Title: "Draf", CategoryID: f.nasional, Status: domain.StatusDraft})
		publish(t, s, store.ArticleInput{Title: "Nanti", CategoryID: f.nasional, Status: domain.StatusPublished,
			PublishedAt: time.Now().Add(time.Hour)})
		list, total, err := s.ListArticles(ctx, domain.ArticleFilter{}, domain.Page{Number: 1, Size: 10})
		if err != nil {
			t.Fatal(err)
		}
		if total != 1 || len(list) != 1 || list[0].Title != "Terbit" {
			t.Fatalf("visible = %d %+v, want only the published one", total, list)
		}
		for _, slug := range []string{"draf", "nanti", "tidak-ada"} {
			if _, err := s.ArticleBySlug(ctx, slug); !errors.Is(err, domain.ErrNotFound) {
				t.Errorf("%s: err = %v, want not found", slug, err)
			}
		}
	})
}

func TestListFiltersAndPagination(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := newFixture(t, s)
		base := time.Now().Add(-48 * time.Hour)
		for i := 0; i < 25; i++ {
			cat := f.nasional
			tags := []string{"Umum"}
			if i%5 == 0 {
				cat = f.ekonomi
				tags = append(tags, "Inflasi")
			}
			publish(t, s, store.ArticleInput{Title: "Berita ke " + string(rune('A'+i)), CategoryID: cat, Tags: tags,
				AuthorIDs: []int64{f.author}, PublishedAt: base.Add(time.Duration(i) * time.Hour)})
		}
		page2, total, err := s.ListArticles(ctx, domain.ArticleFilter{}, domain.Page{Number: 2, Size: 10})
		if err != nil {
			t.Fatal(err)
		}
		if total != 25 || len(page2) != 10 || page2[0].Title != "Berita ke O" {
			t.Errorf("page 2: total %d, %d items, first %q", total, len(page2), page2[0].Title)
		}
		for i := 1; i < len(page2); i++ {
			if page2[i].PublishedAt.After(page2[i-1].PublishedAt) {
				t.Errorf("not newest first at %d", i)
			}
		}
		for _, tc := range []struct {
			f    domain.ArticleFilter
			want int
		}{
			{domain.ArticleFilter{CategorySlug: "ekonomi"}, 5},
			{domain.ArticleFilter{TagSlug: "inflasi"}, 5},
			{domain.ArticleFilter{AuthorSlug: "rina-wulandari"}, 25},
			{domain.ArticleFilter{CategorySlug: "olahraga"}, 0},
		} {
			_, n, err := s.ListArticles(ctx, tc.f, domain.Page{Number: 1, Size: 3})
			if err != nil || n != tc.want {
				t.Errorf("%+v: total %d err %v, want %d", tc.f, n, err, tc.want)
			}
		}
	})
}

func TestRelatedPrefersSharedTagsAndNeverSelf(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := newFixture(t, s)
		now := time.Now()
		main := publish(t, s, store.ArticleInput{Title: "Banjir Jakarta", CategoryID: f.nasional, Tags: []string{"Banjir", "Jakarta"}, PublishedAt: now.Add(-time.Hour)})
		two := publish(t, s, store.ArticleInput{Title: "Banjir Jakarta Surut", CategoryID: f.ekonomi, Tags: []string{"Banjir", "Jakarta"}, PublishedAt: now.Add(-5 * time.Hour)})
		one := publish(t, s, store.ArticleInput{Title: "Jakarta Macet", CategoryID: f.ekonomi, Tags: []string{"Jakarta"}, PublishedAt: now.Add(-2 * time.Hour)})
		sameCat := publish(t, s, store.ArticleInput{Title: "Sidang DPR", CategoryID: f.nasional, PublishedAt: now.Add(-3 * time.Hour)})
		publish(t, s, store.ArticleInput{Title: "Harga Emas", CategoryID: f.ekonomi, PublishedAt: now.Add(-time.Minute)})
		a, err := s.ArticleByID(ctx, main)
		if err != nil {
			t.Fatal(err)
		}
		rel, err := s.RelatedArticles(ctx, a, 5)
		if err != nil {
			t.Fatal(err)
		}
		var got []int64
		for _, r := range rel {
			got = append(got, r.ID)
		}
		want := []int64{two, one, sameCat}
		if len(got) != len(want) {
			t.Fatalf("related = %v, want %v", got, want)
		}
		for i := range want {
			if got[i] != want[i] {
				t.Fatalf("related = %v, want %v", got, want)
			}
		}
	})
}

func TestPolls(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		if _, err := s.CreatePoll(ctx, store.PollInput{Question: "Satu?", Options: []string{"Ya"}}); !errors.Is(err, domain.ErrInvalid) {
			t.Errorf("one option: %v, want invalid", err)
		}
		id, err := s.CreatePoll(ctx, store.PollInput{Question: "Setuju?", Options: []string{"Ya", " ", "Tidak"},
			OpensAt: time.Now().Add(-time.Hour), ClosesAt: time.Now().Add(time.Hour)})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.CreatePoll(ctx, store.PollInput{Question: "Lama?", Options: []string{"Ya", "Tidak"},
			OpensAt: time.Now().Add(-3 * time.Hour), ClosesAt: time.Now().Add(-2 * time.Hour)}); err != nil {
			t.Fatal(err)
		}
		ids, err := s.OpenPollIDs(ctx, 0, 5)
		if err != nil || len(ids) != 1 || ids[0] != id {
			t.Fatalf("open polls = %v %v, want [%d]", ids, err, id)
		}
		p, err := s.Poll(ctx, id)
		if err != nil || len(p.Options) != 2 || p.Options[1].Label != "Tidak" || !p.IsOpen(time.Now()) {
			t.Fatalf("poll = %+v %v", p, err)
		}
	})
}

func TestMigrateIsIdempotent(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		if err := s.Migrate(context.Background()); err != nil {
			t.Fatalf("second migrate: %v", err)
		}
	})
}

func TestOpenFailsClearly(t *testing.T) {
	_, err := store.Open(context.Background(), "/no/such/folder/warta.db")
	if err == nil {
		t.Fatal("opening a file in a missing folder succeeded")
	}
	_, err = store.Open(context.Background(), "postgres://nobody@127.0.0.1:1/none?connect_timeout=2")
	if err == nil {
		t.Fatal("opening an unreachable postgres succeeded")
	}
}

func TestWorkflowAndHooks(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := newFixture(t, s)
		var kinds []string
		s.OnArticleChange(func(_ context.Context, c store.ArticleChange) { kinds = append(kinds, c.Kind) })
		id := publish(t, s, store.ArticleInput{Title: "Jadwal Terbit", CategoryID: f.nasional, Status: domain.StatusScheduled,
			PublishedAt: time.Now().Add(-time.Second)})
		if _, err := s.ArticleByID(ctx, id); !errors.Is(err, domain.ErrNotFound) {
			t.Fatalf("scheduled article visible before PublishDue: %v", err)
		}
		ids, err := s.PublishDue(ctx)
		if err != nil || len(ids) != 1 || ids[0] != id {
			t.Fatalf("PublishDue = %v %v", ids, err)
		}
		if ids, _ := s.PublishDue(ctx); len(ids) != 0 {
			t.Fatalf("second PublishDue published again: %v", ids)
		}
		if _, err := s.ArticleByID(ctx, id); err != nil {
			t.Fatalf("published article not visible: %v", err)
		}
		if err := s.SetArticleStatus(ctx, id, domain.StatusUnpublished, time.Time{}); err != nil {
			t.Fatal(err)
		}
		if err := s.SetArticleStatus(ctx, 9999, domain.StatusPublished, time.Time{}); !errors.Is(err, domain.ErrNotFound) {
			t.Errorf("unknown id: %v", err)
		}
		want := []string{"created", "published", "unpublished"}
		if len(kinds) != len(want) || kinds[0] != want[0] || kinds[1] != want[1] || kinds[2] != want[2] {
			t.Errorf("hook kinds = %v, want %v", kinds, want)
		}
	})
}

func TestCreatedPublishedIsAPublication(t *testing.T) {
	s := testdb.SQLite(t)
	f := newFixture(t, s)
	var kinds []string
	s.OnArticleChange(func(_ context.Context, c store.ArticleChange) { kinds = append(kinds, c.Kind) })
	publish(t, s, store.ArticleInput{Title: "Langsung Terbit", CategoryID: f.nasional})
	if len(kinds) != 1 || kinds[0] != "published" {
		t.Errorf("kinds = %v, want [published]: webhooks and caches must hear of it", kinds)
	}
}

// Close returns only once every connection is closed: one still running a
// query closes when the query ends, and Close waits for it. Before, Close
// returned at once and left SQLite's files open (CI: a test's temporary
// directory could not be removed).
func TestCloseWaitsForConnectionsInUse(t *testing.T) {
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		if err := st.Ping(ctx); err != nil { // a read, through the statement cache on SQLite
			t.Fatal(err)
		}
		rows, err := st.WriteDB().QueryContext(ctx, "SELECT 1")
		if err != nil {
			t.Fatal(err)
		}
		closed := make(chan error, 1)
		go func() { closed <- st.Close() }()
		select {
		case err := <-closed:
			t.Fatalf("Close returned (%v) while a query still held its connection", err)
		case <-time.After(100 * time.Millisecond):
		}
		rows.Close()
		if err := <-closed; err != nil {
			t.Fatal(err)
		}
		if w, r := st.PoolStats(); w.OpenConnections != 0 || r.OpenConnections != 0 {
			t.Errorf("after Close: %d writer and %d reader connections open", w.OpenConnections, r.OpenConnections)
		}
	})
}
