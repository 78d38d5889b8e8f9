package store_test

import (
	"context"
	"strconv"
	"testing"

	"warta/internal/domain"
	"warta/internal/store"
	"warta/internal/testdb"
)

// The trending job and the scheduler own their columns: a save made from a
// read taken before they ran must not write back the old #HOT badge or
// status. Before, UpdateArticle rewrote every column, hot included.
func TestSaveDoesNotUndoTheTrendingJobOrTheScheduler(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := newFixture(t, s)
		id := publish(t, s, store.ArticleInput{Title: "Timnas Lolos ke Final", CategoryID: f.nasional})
		before, err := s.ArticleByIDAnyStatus(ctx, id) // the editor's read
		if err != nil {
			t.Fatal(err)
		}
		if n, err := s.SetAutoHot(ctx, []int64{id}, nil); err != nil || n != 1 {
			t.Fatalf("trending job: %d %v", n, err)
		}
		in := store.InputOf(before) // hot = false as read
		in.Title = "Timnas Lolos ke Final Piala Asia"
		if err := s.UpdateArticle(ctx, id, in); err != nil {
			t.Fatal(err)
		}
		after, _ := s.ArticleByIDAnyStatus(ctx, id)
		if !after.Hot || after.Title != in.Title {
			t.Errorf("after save: hot %v title %q; the trending job's badge was undone", after.Hot, after.Title)
		}
		if after.Version != before.Version+1 {
			t.Errorf("version %d -> %d, want +1", before.Version, after.Version)
		}
	})
}

// EditArticle hands its callback the article as it is inside the
// transaction and writes nothing when the callback refuses.
func TestEditArticleRefusalWritesNothing(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := newFixture(t, s)
		id := publish(t, s, store.ArticleInput{Title: "Pemilu Damai", CategoryID: f.nasional})
		_, err := s.EditArticle(ctx, id, func(cur store.ArticleState, next *store.ArticleInput) error {
			next.Title = "Tidak Jadi"
			return domain.Conflict("ditolak")
		})
		if domain.ErrorCode(err) != domain.EConflict {
			t.Fatalf("err = %v", err)
		}
		a, _ := s.ArticleByIDAnyStatus(ctx, id)
		if a.Title != "Pemilu Damai" || a.Version != 1 {
			t.Errorf("after refusal: %q v%d", a.Title, a.Version)
		}
		if _, err := s.EditArticle(ctx, 9999, func(store.ArticleState, *store.ArticleInput) error { return nil }); domain.ErrorCode(err) != domain.ENotFound {
			t.Errorf("unknown id: %v", err)
		}
	})
}

// A slug derived from the title is numbered past every taken one, also
// beyond freeSlug's first batch of 20 candidates; a slug asked for that is
// taken stays a conflict.
func TestSlugFromTitleIsNumberedPastTakenOnes(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := newFixture(t, s)
		for n := 1; n <= 22; n++ {
			id := publish(t, s, store.ArticleInput{Title: "Harga Pangan Naik", CategoryID: f.nasional})
			a, err := s.ArticleByIDAnyStatus(ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			want := "harga-pangan-naik"
			if n > 1 {
				want += "-" + strconv.Itoa(n)
			}
			if a.Slug != want {
				t.Fatalf("article %d: slug %q, want %q", n, a.Slug, want)
			}
		}
		for _, asked := range []string{"harga-pangan-naik", "harga-pangan-naik-21"} {
			_, err := s.CreateArticle(ctx, store.ArticleInput{Title: "Lain", Slug: asked, CategoryID: f.nasional, Status: domain.StatusDraft})
			if domain.ErrorCode(err) != domain.EConflict {
				t.Errorf("asked-for taken slug %q: %v, want conflict", asked, err)
			}
		}
	})
}
