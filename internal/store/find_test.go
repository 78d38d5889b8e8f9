package store_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"warta/internal/domain"
	"warta/internal/store"
	"warta/internal/testdb"
)

// TestFindAsReadersExpect: what a reader notices of search, on both
// engines, with the same results in the same order on each.
func TestFindAsReadersExpect(t *testing.T) {
	orders := map[int][][]string{}
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := newFixture(t, s)
		base := s.Now().Add(-30 * 24 * time.Hour)
		for i, in := range []store.ArticleInput{
			{Slug: "body-only", Title: "Rapat Anggaran Daerah", BodyHTML: "<p>Rapat juga membahas minyak goreng dan Minyakita di pasar.</p>", CategoryID: f.ekonomi},
			{Slug: "title", Title: "Harga Minyakita Naik di Pasar Medan", BodyHTML: "<p>Pedagang mengeluh.</p>", CategoryID: f.ekonomi},
			{Slug: "tag-only", Title: "Pedagang Mengeluh Sepi Pembeli", BodyHTML: "<p>Pasar lengang.</p>", CategoryID: f.ekonomi, Tags: []string{"Minyakita"}},
			{Slug: "banjir-demak", Title: "Tanggul Sungai Wulan Jebol", BodyHTML: "<p>Banjir merendam Demak.</p>", CategoryID: f.nasional},
			{Slug: "banjir-lama", Title: "Banjir Rendam Jakarta", BodyHTML: "<p>Kali Ciliwung meluap.</p>", CategoryID: f.nasional},
			{Slug: "harga-cabai", Title: "Harga Cabai Rawit Melonjak", BodyHTML: "<p>Cabai rawit di Kediri.</p>", CategoryID: f.ekonomi},
			{Slug: "cabai-harga", Title: "Petani Cabai Gagal Panen", BodyHTML: "<p>Cabai busuk, harga pupuk naik.</p>", CategoryID: f.ekonomi},
		} {
			in.PublishedAt = base.Add(time.Duration(i) * 24 * time.Hour)
			if in.Slug == "banjir-lama" {
				in.PublishedAt = base.Add(-300 * 24 * time.Hour)
			}
			publish(t, s, in)
		}
		call := 0
		find := func(q string, mod func(*store.SearchRequest)) (store.SearchResult, []string) {
			t.Helper()
			call++
			req := store.SearchRequest{Query: store.ParseQuery(q), Order: store.SearchByRelevance, Page: domain.Page{Number: 1, Size: 10}}
			if mod != nil {
				mod(&req)
			}
			res, err := s.Find(ctx, req)
			if err != nil {
				t.Fatalf("%q: %v", q, err)
			}
			var slugs []string
			for _, a := range res.Articles {
				slugs = append(slugs, a.Slug)
			}
			orders[call] = append(orders[call], slugs)
			return res, slugs
		}
		// Title and tag matches rank above a body-only match; tags are indexed.
		if _, got := find("minyakita", nil); len(got) != 3 || got[2] != "body-only" || !slices.Contains(got, "tag-only") {
			t.Errorf("minyakita: %v, want the title and tag matches before the body-only one", got)
		}
		// Prefix: an unfinished word finds the words it begins.
		if res, got := find("minyaki", nil); len(got) != 3 || !res.Expanded {
			t.Errorf("prefix minyaki: %v (expanded %v)", got, res.Expanded)
		}
		// A typo: the closest word of the index, said so.
		if res, got := find("bnajir", nil); res.Corrected != "banjir" || len(got) != 2 {
			t.Errorf("typo bnajir: corrected %q, %v", res.Corrected, got)
		}
		// Nothing holds every word: partial matches, said so.
		if res, got := find("banjir minyakita", nil); !res.Partial || len(got) != 5 {
			t.Errorf("banjir minyakita: partial %v, %v", res.Partial, got)
		}
		// A phrase in quotes: the words together and in order.
		if _, got := find(`"harga cabai"`, nil); !slices.Equal(got, []string{"harga-cabai"}) {
			t.Errorf(`"harga cabai": %v`, got)
		}
		if _, got := find(`harga cabai`, nil); len(got) != 2 {
			t.Errorf(`harga cabai: %v`, got)
		}
		// Filters: channel and dates.
		if _, got := find("banjir", func(r *store.SearchRequest) { r.Category = "ekonomi" }); len(got) != 0 {
			t.Errorf("banjir in ekonomi: %v", got)
		}
		if _, got := find("banjir", func(r *store.SearchRequest) { r.From = base.Add(-time.Hour) }); !slices.Equal(got, []string{"banjir-demak"}) {
			t.Errorf("banjir since a month: %v", got)
		}
		if _, got := find("banjir", func(r *store.SearchRequest) { r.To = base }); !slices.Equal(got, []string{"banjir-lama"}) {
			t.Errorf("banjir before a month: %v", got)
		}
		// A range bounds the match by the ids published in it (the lowest
		// to the highest): an article published into the past after newer
		// ones is still inside, the newer ones between are still out.
		span := func(r *store.SearchRequest) { r.From, r.To = base.Add(-301*24*time.Hour), base.Add(12*time.Hour) }
		if _, got := find("banjir", span); !slices.Equal(got, []string{"banjir-lama"}) {
			t.Errorf("banjir from 301 days back to a month: %v", got)
		}
		if _, got := find("pasar", span); !slices.Equal(got, []string{"body-only"}) {
			t.Errorf("pasar from 301 days back to a month: %v", got)
		}
		if res, got := find("banjir", func(r *store.SearchRequest) { r.From, r.To = base.Add(-200*24*time.Hour), base.Add(-100*24*time.Hour) }); len(got) != 0 || res.Total != 0 {
			t.Errorf("banjir in a range with nothing published: %v (total %d)", got, res.Total)
		}
		find("harga", nil)
		find("pasar", nil)
	})
	for call, runs := range orders {
		for _, r := range runs[1:] {
			if !slices.Equal(r, runs[0]) {
				t.Errorf("search %d: the engines disagree: %v", call, runs)
			}
		}
	}
}

// A range whose stories are spread over the ids (published into the past
// after newer ones, or dated by an import) is matched story by story, and
// a range of neighbouring ids between its ends; both find exactly the
// stories published within the dates, on both engines.
func TestFindWithinDatesOfScatteredIDs(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := newFixture(t, s)
		old := time.Date(2020, 6, 1, 8, 0, 0, 0, time.UTC)
		var want []int64
		for i := range 12 {
			in := store.ArticleInput{Title: fmt.Sprintf("Gempa Guncang Daerah %d", i), BodyHTML: "<p>Gempa terasa kuat.</p>",
				CategoryID: f.nasional, PublishedAt: s.Now().Add(-time.Duration(i+1) * time.Hour)}
			if i == 0 || i == 11 {
				in.PublishedAt = old.Add(time.Duration(i) * time.Hour)
			}
			id := publish(t, s, in)
			if i == 0 || i == 11 {
				want = append([]int64{id}, want...) // newest first
			}
		}
		// Three stories at most are tested one by one here (20,000 in a
		// server), so the last day's ten are many.
		store.SetRangeMax(s, 3)
		for name, c := range map[string]struct {
			from, to time.Time
			want     []int64
			path     string // how the match is bounded: "IN" story by story, "ids" between the range's ends, "" not at all
		}{
			"2020, two stories eleven ids apart":           {old.AddDate(0, -1, 0), old.AddDate(0, 1, 0), want, "IN"},
			"the last day, ten stories up to now":          {s.Now().Add(-24 * time.Hour), time.Time{}, nil, ""},
			"the last day to a minute ago, ten neighbours": {s.Now().Add(-24 * time.Hour), s.Now().Add(-time.Minute), nil, "ids"},
		} {
			var queries []string
			s.TraceReads(func(q string, _ []any) { queries = append(queries, q) })
			res, err := s.Find(ctx, store.SearchRequest{Query: store.ParseQuery("gempa"), Order: store.SearchByNewest,
				From: c.from, To: c.to, Page: domain.Page{Number: 1, Size: 20}})
			s.TraceReads(nil)
			if err != nil {
				t.Fatal(err)
			}
			var got []int64
			for _, a := range res.Articles {
				got = append(got, a.ID)
			}
			if c.want != nil && !slices.Equal(got, c.want) || c.want == nil && len(got) != 10 {
				t.Errorf("%s: %v, want %v (10 when none given)", name, got, c.want)
			}
			path := ""
			for _, q := range queries {
				switch {
				case strings.Contains(q, "IN (SELECT x.id FROM articles x"):
					path = "IN"
				case (strings.Contains(q, "MATCH") || strings.Contains(q, "@@")) && strings.Contains(q, "AND a.id >= "):
					path = "ids"
				}
			}
			if path != c.path {
				t.Errorf("%s: matched by %q, want %q", name, path, c.path)
			}
		}
	})
}

// The most read of a list are the same whether they are found by sorting
// the list's stories or, on SQLite for a list that holds a large share of
// the archive, by walking every story most read first and testing each:
// views, then the newer, then the higher id; drafts, scheduled stories and
// other lists' never, deep pages too.
func TestPopularOfAListWalkedOrSorted(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := newFixture(t, s)
		type story struct {
			id, views          int64
			pub                time.Time
			big, tag, byAuthor bool
		}
		var all []story
		base := s.Now().Add(-48 * time.Hour)
		for i := range 24 {
			in := store.ArticleInput{Title: fmt.Sprintf("Kabar Banyak Dibaca %d", i), CategoryID: f.nasional,
				PublishedAt: base.Add(time.Duration(i%6) * time.Hour)} // six stories an hour: ties of time
			st := story{big: true, tag: i%3 != 0, pub: in.PublishedAt, views: int64((i * 7) % 10)} // ties of views
			if i%8 == 7 {
				in.CategoryID, st.big = f.ekonomi, false
			}
			if st.tag {
				in.Tags = []string{"Ramai"}
			}
			if st.byAuthor = i%2 == 0; st.byAuthor {
				in.AuthorIDs = []int64{f.author}
			}
			st.id = publish(t, s, in)
			if err := s.SetCounters(ctx, st.id, st.views, 0, 0); err != nil {
				t.Fatal(err)
			}
			all = append(all, st)
		}
		// Neither a draft nor a story still ahead of its time, however read.
		for _, in := range []store.ArticleInput{{Title: "Draf Ramai", CategoryID: f.nasional, Status: domain.StatusDraft, Tags: []string{"Ramai"}},
			{Title: "Nanti Ramai", CategoryID: f.nasional, PublishedAt: s.Now().Add(time.Hour), Tags: []string{"Ramai"}}} {
			id := publish(t, s, in)
			if err := s.SetCounters(ctx, id, 1000, 0, 0); err != nil {
				t.Fatal(err)
			}
		}
		want := func(keep func(story) bool, page domain.Page) []int64 {
			var l []story
			for _, st := range all {
				if keep(st) {
					l = append(l, st)
				}
			}
			slices.SortFunc(l, func(x, y story) int {
				if x.views != y.views {
					return int(y.views - x.views)
				}
				if !x.pub.Equal(y.pub) {
					return y.pub.Compare(x.pub)
				}
				return int(y.id - x.id)
			})
			var ids []int64
			for _, st := range l[min(len(l), page.Offset()):min(len(l), page.Offset()+page.Size)] {
				ids = append(ids, st.id)
			}
			return ids
		}
		for name, c := range map[string]struct {
			filter domain.ArticleFilter
			keep   func(story) bool
		}{
			"all":         {domain.ArticleFilter{}, func(story) bool { return true }},
			"channel":     {domain.ArticleFilter{CategorySlug: "nasional"}, func(st story) bool { return st.big }},
			"tag":         {domain.ArticleFilter{TagSlug: "ramai"}, func(st story) bool { return st.tag }},
			"author":      {domain.ArticleFilter{AuthorSlug: "rina-wulandari"}, func(st story) bool { return st.byAuthor }},
			"no such tag": {domain.ArticleFilter{TagSlug: "tidak-ada"}, func(story) bool { return false }},
		} {
			for _, page := range []domain.Page{{Number: 1, Size: 5}, {Number: 3, Size: 5}, {Number: 1, Size: 40}} {
				var queries []string
				s.TraceReads(func(q string, _ []any) { queries = append(queries, q) })
				list, _, err := s.QueryArticles(ctx, store.ArticleQuery{Filter: c.filter, Sort: store.SortPopular, Page: page})
				s.TraceReads(nil)
				if err != nil {
					t.Fatal(err)
				}
				var got []int64
				for _, a := range list {
					got = append(got, a.ID)
				}
				if w := want(c.keep, page); !slices.Equal(got, w) {
					t.Errorf("%s, page %d of %d: %v, want %v", name, page.Number, page.Size, got, w)
				}
				walked := slices.ContainsFunc(queries, func(q string) bool { return strings.Contains(q, "INDEXED BY articles_status_views") })
				// Walked when the list's n stories, squared, outnumber the
				// page's end times the archive's 24.
				n := len(want(c.keep, domain.Page{Number: 1, Size: 100}))
				if wantWalk := s.Dialect() == store.SQLite && n*n > (page.Offset()+page.Size)*24; walked != wantWalk {
					t.Errorf("%s, page %d of %d: walked %v, want %v", name, page.Number, page.Size, walked, wantWalk)
				}
			}
		}
	})
}
