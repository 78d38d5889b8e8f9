package api_test

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"testing"
	"time"

	"warta/internal/domain"
	"warta/internal/store"
	"warta/internal/testdb"
)

// Following next_cursor walks the same list as the page numbers do, in
// both orders and with a tag filter, and ends on a page without a cursor.
func TestArticleListCursorWalksTheList(t *testing.T) {
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		e := newEnv(t, st)
		for _, q := range []string{"limit=2", "limit=2&sort=oldest", "limit=1&tag=hot"} {
			var byPage, byCursor []int64
			for p := 1; ; p++ {
				l := e.list(t, "/api/v1/articles?"+q+"&limit=20&page="+strconv.Itoa(p))
				if len(l.Data) == 0 {
					break
				}
				for _, a := range l.Data {
					byPage = append(byPage, a.ID)
				}
			}
			path := "/api/v1/articles?" + q
			for range 20 {
				l := e.list(t, path)
				for _, a := range l.Data {
					byCursor = append(byCursor, a.ID)
				}
				if l.Pagination.NextCursor == "" {
					break
				}
				path = "/api/v1/articles?" + q + "&cursor=" + l.Pagination.NextCursor
			}
			if len(byPage) == 0 || !slices.Equal(byPage, byCursor) {
				t.Errorf("%s: pages give %v, cursors %v", q, byPage, byCursor)
			}
		}
		for _, bad := range []string{"cursor=xyz", "cursor=MTIz", "cursor=MTcxODk0NjAwMDAwMDAwMF81&page=2", "cursor=MTcxODk0NjAwMDAwMDAwMF81&sort=popular"} {
			if resp, body := e.do(t, "GET", "/api/v1/articles?"+bad, nil, ""); resp.StatusCode != 400 {
				t.Errorf("%s: %d %s, want 400", bad, resp.StatusCode, body)
			}
		}
	})
}

// A deep ?page=N (past store.SeekOffset, found from the per-day counts)
// holds the articles a client walking next_cursor reaches there: the whole
// list, oldest first and one channel, with its exact total.
func TestDeepPageNumbersGiveWhatTheCursorWalkGives(t *testing.T) {
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		cat, err := st.CreateCategory(ctx, domain.Category{Name: "Arsip", Position: 9})
		if err != nil {
			t.Fatal(err)
		}
		author, err := st.CreateAuthor(ctx, domain.Author{Name: "Penulis Arsip"})
		if err != nil {
			t.Fatal(err)
		}
		b, err := st.BeginBulk(ctx)
		if err != nil {
			t.Fatal(err)
		}
		first, _, _, _, err := b.NextIDs(ctx)
		if err != nil {
			t.Fatal(err)
		}
		now := st.Now()
		var list []store.BulkArticle
		for i := range store.SeekOffset + 300 {
			id := first + int64(i)
			pub := now.Add(-time.Duration(store.SeekOffset+300-i) * 97 * time.Minute) // 15 a day, 90 days
			list = append(list, store.BulkArticle{ID: id, Slug: fmt.Sprintf("arsip-%d", id), Title: fmt.Sprintf("Arsip %d", id),
				BodyHTML: "<p>Arsip.</p>", CategoryID: cat, Status: domain.StatusPublished, PublishedAt: pub, UpdatedAt: pub,
				AuthorIDs: []int64{author}})
		}
		if err := b.Articles(ctx, list); err != nil {
			t.Fatal(err)
		}
		if err := b.Finish(ctx); err != nil {
			t.Fatal(err)
		}
		e := newEnv(t, st)
		for _, q := range []string{"sort=newest", "sort=oldest", "category=arsip"} {
			var walk []int64
			path := "/api/v1/articles?" + q + "&limit=100"
			for range 40 {
				l := e.list(t, path)
				for _, a := range l.Data {
					walk = append(walk, a.ID)
				}
				if l.Pagination.NextCursor == "" {
					break
				}
				path = "/api/v1/articles?" + q + "&limit=100&cursor=" + l.Pagination.NextCursor
			}
			last := (len(walk) + 19) / 20
			for _, p := range []int{store.SeekOffset/20 + 1, store.SeekOffset/20 + 2, store.SeekOffset/20 + 9, last - 1, last} {
				l := e.list(t, "/api/v1/articles?"+q+"&limit=20&page="+strconv.Itoa(p))
				var got []int64
				for _, a := range l.Data {
					got = append(got, a.ID)
				}
				want := walk[min((p-1)*20, len(walk)):min(p*20, len(walk))]
				if !slices.Equal(got, want) || l.Pagination.Total != len(walk) || l.Pagination.TotalPages != last {
					t.Errorf("%s page %d: %v (total %d, %d pages); the cursor walk: %v (%d)", q, p, got, l.Pagination.Total,
						l.Pagination.TotalPages, want, len(walk))
				}
			}
		}
	})
}
