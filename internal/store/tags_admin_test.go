package store_test

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"warta/internal/domain"
	"warta/internal/store"
	"warta/internal/testdb"
)

// The newsroom's tag list (store.AdminTags): a page of tags by slug with
// their published articles, a search by the start of the name whatever its
// case and punctuation, and the most used first.
func TestAdminTagsPagesSearchesAndOrdersByUse(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := newFixture(t, s)
		n := 0
		in := func(status domain.Status, tags ...string) {
			n++
			publish(t, s, store.ArticleInput{Title: fmt.Sprintf("Kabar nomor %d", n), CategoryID: f.nasional, Tags: tags,
				AuthorIDs: []int64{f.author}, Status: status})
		}
		in(domain.StatusPublished, "Banjir Jakarta", "bandung")
		in(domain.StatusPublished, "Banjir Jakarta", "Banjir Bekasi")
		in(domain.StatusPublished, "Banjir Jakarta")
		in(domain.StatusDraft, "Banjir Jakarta", "Ban Lepas", "Zebra") // drafts are not counted
		slugs := func(list []store.TagCount) (out []string) {
			for _, x := range list {
				out = append(out, x.Slug)
			}
			return out
		}
		for _, c := range []struct {
			f     store.TagFilter
			page  domain.Page
			total int
			want  []string
		}{
			{store.TagFilter{}, domain.Page{Number: 1, Size: 3}, 5, []string{"ban-lepas", "bandung", "banjir-bekasi"}},
			{store.TagFilter{}, domain.Page{Number: 2, Size: 3}, 5, []string{"banjir-jakarta", "zebra"}},
			{store.TagFilter{}, domain.Page{Number: 3, Size: 3}, 5, nil},
			{store.TagFilter{Query: "BANJIR"}, domain.Page{Number: 1, Size: 10}, 2, []string{"banjir-bekasi", "banjir-jakarta"}},
			{store.TagFilter{Query: "  #banjir ja"}, domain.Page{Number: 1, Size: 10}, 1, []string{"banjir-jakarta"}},
			{store.TagFilter{Query: "ban"}, domain.Page{Number: 1, Size: 10}, 4, []string{"ban-lepas", "bandung", "banjir-bekasi", "banjir-jakarta"}},
			{store.TagFilter{Query: "jakarta"}, domain.Page{Number: 1, Size: 10}, 0, nil}, // the start of the name, not inside it
			{store.TagFilter{Query: "%"}, domain.Page{Number: 1, Size: 10}, 0, nil},       // no slug in it: nothing, not everything
			{store.TagFilter{Query: "b_n"}, domain.Page{Number: 1, Size: 10}, 0, nil},
			// The most used first, the newest tag first among equals; only
			// tags with a published article.
			{store.TagFilter{ByUse: true}, domain.Page{Number: 1, Size: 10}, 3, []string{"banjir-jakarta", "banjir-bekasi", "bandung"}},
			{store.TagFilter{ByUse: true}, domain.Page{Number: 2, Size: 2}, 3, []string{"bandung"}},
			{store.TagFilter{ByUse: true, Query: "banjir"}, domain.Page{Number: 1, Size: 10}, 2, []string{"banjir-jakarta", "banjir-bekasi"}},
		} {
			list, total, err := s.AdminTags(ctx, c.f, c.page)
			if err != nil {
				t.Fatal(err)
			}
			if got := slugs(list); total != c.total || !slices.Equal(got, c.want) {
				t.Errorf("%+v page %d: %v of %d, want %v of %d", c.f, c.page.Number, got, total, c.want, c.total)
			}
		}
		list, _, err := s.AdminTags(ctx, store.TagFilter{}, domain.Page{Number: 1, Size: 10})
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]int{}
		for _, x := range list {
			got[x.Slug] = x.Articles
		}
		if got["banjir-jakarta"] != 3 || got["ban-lepas"] != 0 || got["bandung"] != 1 {
			t.Errorf("published articles per tag: %v, want banjir-jakarta 3 (its draft not counted), ban-lepas 0, bandung 1", got)
		}
	})
}
