package store_test

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"warta/internal/demo"
	"warta/internal/domain"
	"warta/internal/store"
	"warta/internal/testdb"
)

func tagPage(t *testing.T, s *store.Store, slug string) ([]int64, int) {
	t.Helper()
	list, total, err := s.QueryArticles(context.Background(), store.ArticleQuery{Filter: domain.ArticleFilter{TagSlug: slug},
		Page: domain.Page{Number: 1, Size: 50}})
	if err != nil {
		t.Fatal(err)
	}
	var ids []int64
	for _, a := range list {
		ids = append(ids, a.ID)
	}
	return ids, total
}

// The tag and author pages, the tag counts and the sitemap index read
// copies kept by an article hook; every article write keeps them exact.
func TestListingCopiesFollowArticleWrites(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := newFixture(t, s)
		base := time.Now().Add(-48 * time.Hour).UTC().Truncate(time.Second)
		in := func(title string, h int, tags ...string) store.ArticleInput {
			return store.ArticleInput{Title: title, CategoryID: f.nasional, Tags: tags, AuthorIDs: []int64{f.author},
				Status: domain.StatusPublished, PublishedAt: base.Add(time.Duration(h) * time.Hour)}
		}
		a := publish(t, s, in("Banjir Rob di Pesisir Utara", 1, "Banjir"))
		b := publish(t, s, in("Banjir Bandang di Lereng Gunung", 2, "Banjir", "Gunung"))
		c := publish(t, s, in("Pendakian Gunung Ditutup", 3, "Gunung"))
		if ids, n := tagPage(t, s, "banjir"); !slices.Equal(ids, []int64{b, a}) || n != 2 {
			t.Fatalf("tag banjir: %v (%d), want [%d %d] newest first", ids, n, b, a)
		}
		// Unpublishing takes an article off its tags; a later publish time
		// moves it to the top; retagging moves it between tags.
		if err := s.SetArticleStatus(ctx, b, domain.StatusUnpublished, time.Time{}); err != nil {
			t.Fatal(err)
		}
		if ids, _ := tagPage(t, s, "banjir"); !slices.Equal(ids, []int64{a}) {
			t.Errorf("after unpublishing %d: tag banjir %v", b, ids)
		}
		if err := s.UpdateArticle(ctx, a, in("Banjir Rob di Pesisir Utara", 5, "Gunung")); err != nil {
			t.Fatal(err)
		}
		if ids, _ := tagPage(t, s, "gunung"); !slices.Equal(ids, []int64{a, c}) {
			t.Errorf("after retagging %d: tag gunung %v, want [%d %d]", a, ids, a, c)
		}
		if ids, _ := tagPage(t, s, "banjir"); len(ids) != 0 {
			t.Errorf("tag banjir still lists %v", ids)
		}
		tags, total, err := s.TagStats(ctx, domain.Page{Number: 1, Size: 10})
		if err != nil {
			t.Fatal(err)
		}
		if total != 1 || len(tags) != 1 || tags[0].Slug != "gunung" || tags[0].Articles != 2 {
			t.Errorf("tag stats: %+v (%d), want only gunung with 2 articles", tags, total)
		}
		au, _, err := s.AuthorStats(ctx, domain.Page{Number: 1, Size: 10})
		if err != nil || au[0].Articles != 2 {
			t.Errorf("author stats: %+v %v, want 2 articles", au, err)
		}
		// The sitemap index sums blocks; its counts and times agree with
		// the articles themselves (size 7 reads the articles directly).
		if err := s.DeleteArticle(ctx, c); err != nil {
			t.Fatal(err)
		}
		for _, size := range []int{1000, 7} {
			bs, err := s.ArticleSitemapBuckets(ctx, size)
			if err != nil {
				t.Fatal(err)
			}
			if len(bs) != 1 || bs[0].Count != 1 || bs[0].Number != 1 {
				t.Errorf("sitemap buckets of %d: %+v, want one file with one article", size, bs)
			}
		}
	})
}

// bulkArchive loads n published articles, one an hour back from now, each
// tagged "Arsip Lama" and every tenth "Langka", through store.Bulk.
func bulkArchive(t *testing.T, s *store.Store, f fixture, n int) []int64 {
	t.Helper()
	ctx := context.Background()
	b, err := s.BeginBulk(ctx)
	if err != nil {
		t.Fatal(err)
	}
	first, comment, tag, _, err := b.NextIDs(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if err := b.Tags(ctx, tag, []string{"Arsip Lama", "Langka"}); err != nil {
		t.Fatal(err)
	}
	now := s.Now()
	var list []store.BulkArticle
	var ids []int64
	for i := range n {
		id := first + int64(i)
		pub := now.Add(-time.Duration(n-i) * time.Hour)
		a := store.BulkArticle{ID: id, Slug: fmt.Sprintf("arsip-%d", id), Title: fmt.Sprintf("Arsip pelabuhan nomor %d", id),
			Excerpt: "Ringkasan arsip.", BodyHTML: "<p>Kapal nelayan <strong>berlabuh</strong> di pelabuhan.</p>",
			CategoryID: f.nasional, Status: domain.StatusPublished, PublishedAt: pub, UpdatedAt: pub,
			TagIDs: []int64{tag}, AuthorIDs: []int64{f.author}}
		if i%10 == 0 {
			a.TagIDs = append(a.TagIDs, tag+1)
		}
		if i == 0 {
			a.CommentCount = 4 // the approved ones of the comments below
		}
		if i > 0 {
			a.Related = []int64{id - 1}
		}
		list = append(list, a)
		ids = append(ids, id)
	}
	for len(list) > 0 {
		k := min(2000, len(list))
		if err := b.Articles(ctx, list[:k]); err != nil {
			t.Fatal(err)
		}
		list = list[k:]
	}
	// The first article's comments: three approved top-level ones, an
	// approved reply and one waiting for moderation.
	var coms []store.BulkComment
	for i, st := range []string{domain.CommentApproved, domain.CommentApproved, domain.CommentApproved, domain.CommentApproved, domain.CommentPending} {
		c := store.BulkComment{ID: comment + int64(i), ArticleID: first, Name: "Pembaca", Body: fmt.Sprintf("Komentar %d.", i),
			Status: st, Reader: fmt.Sprintf("pembaca-%d", i), CreatedAt: now.Add(time.Duration(i-10) * time.Minute)}
		if i == 3 {
			c.ParentID = comment
		}
		coms = append(coms, c)
	}
	if err := b.Comments(ctx, coms); err != nil {
		t.Fatal(err)
	}
	if err := b.Finish(ctx); err != nil {
		t.Fatal(err)
	}
	// Finish analyses the loaded archive and keeps no planner samples (see
	// TestSQLiteKeepsNoPlannerSamples).
	if n, err := store.PlannerSamples(s); err != nil || n != 0 {
		t.Fatalf("after the bulk load: %d planner samples (%v), want none", n, err)
	}
	return ids
}

// What the bulk loader writes is what the article hooks write: the search
// index needs no rebuild, a rebuild changes no term count, and the tag
// pages, related lists and sitemap see the loaded articles.
func TestBulkLoadWritesWhatTheHooksWrite(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := newFixture(t, s)
		publish(t, s, store.ArticleInput{Title: "Kapal Nelayan Kembali Berlabuh", BodyHTML: "<p>Kapal nelayan berlabuh.</p>",
			CategoryID: f.nasional, Tags: []string{"Arsip"}, AuthorIDs: []int64{f.author}})
		ids := bulkArchive(t, s, f, 30)
		terms := store.SearchTerms("kapal nelayan berlabuh pelabuhan arsip")
		before, docs, err := s.TermDocs(ctx, terms)
		if err != nil {
			t.Fatal(err)
		}
		// "arsip": the 30 archive titles and the first article's tag (tags are indexed).
		if docs != 31 || before[store.SearchTerms("kapal")[0]] != 31 || before[store.SearchTerms("arsip")[0]] != 31 {
			t.Errorf("term counts after the bulk load: %v of %d", before, docs)
		}
		if rebuilt, err := s.EnsureSearchIndex(ctx); err != nil || rebuilt {
			t.Errorf("the search index needed a rebuild after the bulk load (%v)", err)
		}
		if err := s.RebuildSearchIndex(ctx); err != nil {
			t.Fatal(err)
		}
		after, _, err := s.TermDocs(ctx, terms)
		if err != nil {
			t.Fatal(err)
		}
		for k, v := range before {
			if after[k] != v {
				t.Errorf("term %q: bulk load counted %d, the hooks count %d", k, v, after[k])
			}
		}
		res, err := s.Search(ctx, store.SearchTerms("arsip"), store.SearchByNewest, domain.Page{Number: 1, Size: 5})
		if err != nil || res.Total != 31 || res.Articles[0].ID != ids[29] {
			t.Errorf("search after the bulk load: %d results (%v)", res.Total, err)
		}
		if _, n := tagPage(t, s, "langka"); n != 3 {
			t.Errorf("tag langka: %d articles, want 3", n)
		}
		// The list counters (kept by triggers, which a PostgreSQL bulk
		// load runs without) count the loaded articles.
		if cats, err := s.CategoryStats(ctx); err != nil || cats[0].ID != f.nasional || cats[0].Articles != 31 {
			t.Errorf("category stats after the bulk load: %+v %v, want 31 in nasional", cats, err)
		}
		if tags, _, err := s.TagStats(ctx, domain.Page{Number: 1, Size: 10}); err != nil || len(tags) != 3 || tags[1].Articles != 30 {
			t.Errorf("tag stats after the bulk load: %+v %v, want arsip 1, arsip-lama 30, langka 3", tags, err)
		}
		if rel, err := s.StoredRelated(ctx, ids[5]); err != nil || len(rel) != 1 || rel[0].ID != ids[4] {
			t.Errorf("related of %d: %+v %v", ids[5], rel, err)
		}
		if bs, err := s.ArticleSitemapBuckets(ctx, 1000); err != nil || len(bs) != 1 || bs[0].Count != 31 {
			t.Errorf("sitemap buckets: %+v %v", bs, err)
		}
		// Each tag's newest publish time (migration 0197) is filled by the
		// load's recount: the tag sitemap agrees with the tag pages.
		tagSitemapAgrees(t, s, "bulk load")
		// So is each article's count of approved top-level comments
		// (article_tops, 0202), and its triggers count what follows.
		topsAgree(t, s, "bulk load", ids[0], ids[1])
		if _, err := s.AddComment(ctx, domain.Comment{ArticleID: ids[0], Name: "Pembaca", Body: "Sesudah arsip.", Status: domain.CommentApproved}); err != nil {
			t.Fatal(err)
		}
		topsAgree(t, s, "comment after the bulk load", ids[0])
		// New articles after a bulk load get fresh ids.
		id := publish(t, s, store.ArticleInput{Title: "Sesudah Arsip", CategoryID: f.nasional, Tags: []string{"Langka"}})
		if id <= ids[29] {
			t.Errorf("new article got id %d, not above the loaded %d", id, ids[29])
		}
		// The counters' triggers (dropped during a SQLite load) count it.
		if cats, err := s.CategoryStats(ctx); err != nil || cats[0].Articles != 32 {
			t.Errorf("category stats after a publish that follows the bulk load: %+v %v, want 32 in nasional", cats, err)
		}
		tagSitemapAgrees(t, s, "a publish after the bulk load")
	})
}

// The home page's headline puts breaking news first, then the newest
// featured stories; Terpopuler's fallback ranks a window's articles by
// views; the news sitemap lists the last two days, newest first, in pages.
func TestFrontListsReadBoundedRanges(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := newFixture(t, s)
		now := s.Now()
		art := func(title string, hoursAgo int, featured, breaking bool, views int64) int64 {
			id := publish(t, s, store.ArticleInput{Title: title, CategoryID: f.nasional, Featured: featured, Breaking: breaking,
				PublishedAt: now.Add(-time.Duration(hoursAgo) * time.Hour)})
			if err := s.SetCounters(ctx, id, views, 0, 0); err != nil {
				t.Fatal(err)
			}
			return id
		}
		oldBreaking := art("Gempa Lama Masih Siaga", 400, false, true, 5)
		var featured []int64 // newest first
		for i := range 8 {
			featured = append([]int64{art(fmt.Sprintf("Sorotan Pilihan %d", i), 200-20*i, true, false, int64(100+i))}, featured...)
		}
		plain := art("Harga Cabai Naik", 1, false, false, 900)
		newBreaking := art("Banjir Bandang Terkini", 30, true, true, 50)
		// A breaking story whose end passed is no headline; featured too,
		// it is one in its place by time.
		for _, featured := range []bool{false, true} {
			if _, err := s.CreateArticle(ctx, store.ArticleInput{Title: fmt.Sprintf("Siaga Berakhir %v", featured), CategoryID: f.nasional,
				Status: domain.StatusPublished, PublishedAt: now.Add(-90 * time.Hour), Breaking: true, Featured: featured,
				BreakingUntil: now.Add(-time.Hour)}); err != nil {
				t.Fatal(err)
			}
		}
		ended := newBreaking + 2 // the featured one
		ids := func(list []domain.Article) []int64 {
			var out []int64
			for _, a := range list {
				out = append(out, a.ID)
			}
			return out
		}
		heads, err := s.HeadlineArticles(ctx, 5)
		if err != nil {
			t.Fatal(err)
		}
		if want := []int64{newBreaking, oldBreaking, featured[0], featured[1], ended}; !slices.Equal(ids(heads), want) {
			t.Errorf("headline %v, want breaking %d and %d first, then featured by time %v", ids(heads), newBreaking, oldBreaking, want[2:])
		}
		week, err := s.MostRead(ctx, now.Add(-7*24*time.Hour), 3, false)
		if err != nil {
			t.Fatal(err)
		}
		// Within the week (168 hours): plain 900, the breaking one 50, then
		// the most viewed featured story inside the window (i=7: 60 hours, 107).
		if want := []int64{plain, featured[0], featured[1]}; !slices.Equal(ids(week), want) || week[0].Views != 900 {
			t.Errorf("most viewed this week %v, want %v", ids(week), want)
		}
		day, err := s.MostRead(ctx, now.Add(-24*time.Hour), 5, false)
		if err != nil || !slices.Equal(ids(day), []int64{plain}) {
			t.Errorf("most viewed today %v %v, want only %d", ids(day), err, plain)
		}
		// Terpopuler from the hourly counts: the window's views, not the
		// lifetime ones (plain has 900 lifetime, 2 this week).
		h := now.Truncate(time.Hour)
		if err := s.AddViews(ctx, []store.ViewCount{{ArticleID: plain, Hour: h, N: 2}, {ArticleID: featured[3], Hour: h.Add(-time.Hour), N: 7},
			{ArticleID: featured[0], Hour: h.Add(-200 * time.Hour), N: 50}}); err != nil {
			t.Fatal(err)
		}
		top, err := s.TopArticlesSince(ctx, now.Add(-7*24*time.Hour), 5)
		if err != nil || !slices.Equal(ids(top), []int64{featured[3], plain}) || top[0].Views != 7 {
			t.Errorf("read most this week %v %v, want %d (7 views) then %d", ids(top), err, featured[3], plain)
		}
		since := now.Add(-48 * time.Hour)
		if n, err := s.CountPublishedSince(ctx, since); err != nil || n != 2 {
			t.Errorf("published in two days: %d %v, want 2", n, err)
		}
		var pages [][]store.SitemapEntry
		for n := 1; n <= 3; n++ {
			p, err := s.NewsSitemap(ctx, since, n, 1)
			if err != nil {
				t.Fatal(err)
			}
			pages = append(pages, p)
		}
		if len(pages[0]) != 1 || len(pages[1]) != 1 || len(pages[2]) != 0 || pages[0][0].ID != plain ||
			pages[0][0].Title != "Harga Cabai Naik" || pages[1][0].ID != newBreaking || pages[0][0].UpdatedAt.IsZero() ||
			!pages[1][0].PublishedAt.Equal(now.Add(-30*time.Hour).UTC().Truncate(time.Microsecond)) {
			t.Errorf("news sitemap pages %+v, want %d, %d and none", pages, plain, newBreaking)
		}
	})
}

// Past ExactCountLimit a list's total is estimated from the publish times,
// close to the truth, and says it is an estimate.
func TestLongListsEstimateTheirTotal(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		f := newFixture(t, s)
		n := store.ExactCountLimit + 2000
		bulkArchive(t, s, f, n)
		for _, c := range []struct {
			filter domain.ArticleFilter
			want   int
		}{{domain.ArticleFilter{}, n}, {domain.ArticleFilter{TagSlug: "arsip-lama"}, n}, {domain.ArticleFilter{TagSlug: "langka"}, n / 10}} {
			_, total, err := s.QueryArticles(context.Background(), store.ArticleQuery{Filter: c.filter, Page: domain.Page{Number: 1, Size: 10}})
			if err != nil {
				t.Fatal(err)
			}
			if store.EstimatedTotal(total) != (c.want > store.ExactCountLimit) {
				t.Errorf("%+v: total %d, estimated = %v", c.filter, total, store.EstimatedTotal(total))
			}
			if d := float64(total-c.want) / float64(c.want); d > 0.02 || d < -0.02 {
				t.Errorf("%+v: total %d, want about %d", c.filter, total, c.want)
			}
		}
	})
}

// The queries behind the article page's comments, the tag page and the
// sitemap index use their indexes on both engines, as the plans show; a
// change that brings a scan of comments or articles back fails here.
func TestPageQueriesUseTheirIndexes(t *testing.T) {
	testdb.Each(t, checkPageQueries)
}

// The same plans on SQLite under the planner statistics of the 1M scale
// archive (testdata/stat1-1m.tsv, its sqlite_stat1; no samples, as Warta
// keeps none): the planner weighs the indexes by those row counts, so a
// query whose plan is good only on a small database fails here. A search's
// estimate sorted every published article at 1M that way ("search
// estimate"), unseen on the test's few rows.
func TestPageQueriesUseTheirIndexesAtAMillionArticles(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "warta.db")
	st, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	st.Close()
	loadArchiveStatistics(t, path, "testdata/stat1-1m.tsv")
	big, err := store.Open(ctx, path) // its connections read the statistics
	if err != nil {
		t.Fatal(err)
	}
	defer big.Close()
	checkPageQueries(t, big)
}

// loadArchiveStatistics replaces the SQLite file's planner statistics with
// those of file (table, index, stat a line).
func loadArchiveStatistics(t *testing.T, path, file string) {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, q := range []string{"ANALYZE", "DELETE FROM sqlite_stat1", "DELETE FROM sqlite_stat4"} {
		if _, err := db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		if strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 3 {
			t.Fatalf("%s: %q", file, line)
		}
		var idx any = f[1]
		if f[1] == "" {
			idx = nil
		}
		if _, err := db.Exec("INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES (?, ?, ?)", f[0], idx, f[2]); err != nil {
			t.Fatal(err)
		}
	}
}

// checkPageQueries runs the page queries on s and checks their plans.
func checkPageQueries(t *testing.T, s *store.Store) {
	ctx := context.Background()
	f := newFixture(t, s)
	id := publish(t, s, store.ArticleInput{Title: "Artikel Ramai", CategoryID: f.nasional, Tags: []string{"Ramai"}})
	root, err := s.AddComment(ctx, domain.Comment{ArticleID: id, Name: "A", Body: "Pertama.", Status: domain.CommentApproved})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddComment(ctx, domain.Comment{ArticleID: id, ParentID: root.ID, Name: "B", Body: "Balasan.", Status: domain.CommentApproved}); err != nil {
		t.Fatal(err)
	}
	type traced struct {
		query string
		args  []any
	}
	check := func(page string, want []string, run func() error) {
		var qs []traced
		s.TraceReads(func(q string, a []any) { qs = append(qs, traced{q, a}) })
		err := run()
		s.TraceReads(nil)
		if err != nil {
			t.Fatal(err)
		}
		var plans []string
		for _, q := range qs {
			if strings.Contains(q.query, "FROM categories") && !strings.Contains(q.query, "article") {
				continue
			}
			p, err := s.Explain(ctx, q.query, true, q.args...)
			if err != nil {
				t.Fatalf("%s: explain %s: %v", page, q.query, err)
			}
			if bad := fullScan(q.query, p); bad != "" {
				t.Errorf("%s: %q scans a whole table (%s):\n%s\n%s", page, q.query, bad, p, strings.Repeat("-", 20))
			}
			plans = append(plans, p)
		}
		all := strings.Join(plans, "\n")
		for _, idx := range want {
			// "!x": no query may use x.
			if no, ok := strings.CutPrefix(idx, "!"); ok {
				if strings.Contains(all, no) {
					t.Errorf("%s: a query uses %s; plans:\n%s", page, no, all)
				}
				continue
			}
			// "a|b": the engines word it differently.
			if !slices.ContainsFunc(strings.Split(idx, "|"), func(w string) bool { return strings.Contains(all, w) }) {
				t.Errorf("%s: no query uses %s; plans:\n%s", page, idx, all)
			}
		}
	}
	check("article comments", []string{"COVERING INDEX comments_top|Index Only Scan using comments_top|Index Only Scan Backward using comments_top", "comments_parent"}, func() error {
		_, err := s.ArticleComments(ctx, id, "pembaca", true, domain.Page{Number: 1, Size: 20})
		return err
	})
	// Its total is the kept count (article_tops, 0202), not a count of
	// the article's range of comments_top (a page past the end runs the
	// count alone).
	check("article comment count", []string{"SEARCH t USING INTEGER PRIMARY KEY (rowid=?)|article_tops_pkey", "!comments_top"}, func() error {
		th, err := s.ArticleComments(ctx, id, "pembaca", true, domain.Page{Number: 100, Size: 20})
		if err == nil && (th.Total != 1 || len(th.Comments) != 0) {
			t.Errorf("comments past the end: total %d, %d listed, want 1 and none", th.Total, len(th.Comments))
		}
		return err
	})
	// A search whose rarest word is in few articles reads them through
	// an index, never a whole table. At 1M PostgreSQL walked every
	// article newest first looking for 501 matches (5 s for a rare word):
	// fewMatches sends such a search to the GIN index by ordering on an
	// expression the primary key cannot give. A small table plans both
	// orders alike, so the order the match query asks for is checked too.
	rare := func() error {
		_, err := s.Find(ctx, store.SearchRequest{Query: store.ParseQuery("artikel ramai"), Order: store.SearchByRelevance,
			Page: domain.Page{Number: 1, Size: 10}})
		return err
	}
	check("rare search", []string{"VIRTUAL TABLE INDEX|article_search"}, rare)
	if s.Dialect() == store.Postgres {
		var match string
		s.TraceReads(func(q string, _ []any) {
			if strings.Contains(q, "@@ to_tsquery") {
				match = q
			}
		})
		err := rare()
		s.TraceReads(nil)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(match, "ORDER BY f.article_id + 0 DESC") {
			t.Errorf("a rare-word search walks the primary key (it must read the GIN index): %q", match)
		}
	}
	// A search of more matches than it ranks estimates their number from
	// the published ids' span: the first entry of each end of an index
	// in id order, not every published article sorted by id.
	check("search estimate", []string{"articles_sitemap|articles_pkey", "!TEMP B-TREE", "!Sort"}, func() error {
		_, _, err := store.PublishedIDSpan(s)
		return err
	})
	// A search within dates reads the range's ids from the publish-time
	// index, then matches within them.
	check("dated search", []string{"articles_status_pub_id|articles_pub_views", "VIRTUAL TABLE INDEX|article_search"}, func() error {
		_, err := s.Find(ctx, store.SearchRequest{Query: store.ParseQuery("artikel ramai"), Order: store.SearchByRelevance,
			From: time.Now().AddDate(-1, 0, 0), To: time.Now().Add(-time.Hour), Page: domain.Page{Number: 1, Size: 10}})
		return err
	})
	check("tag page", []string{"article_tags_pub"}, func() error {
		_, _, err := s.QueryArticles(ctx, store.ArticleQuery{Filter: domain.ArticleFilter{TagSlug: "ramai"}, Page: domain.Page{Number: 1, Size: 20}})
		return err
	})
	// The API's tag list walks the tags by name; channel totals and the
	// category list read the counters (migrations 0165, 0166).
	check("tag list", []string{"tags_name"}, func() error {
		_, _, err := s.TagStats(ctx, domain.Page{Number: 1, Size: 50})
		return err
	})
	check("channel totals", []string{"article_counts"}, func() error {
		if _, err := s.CategoryStats(ctx); err != nil {
			return err
		}
		_, _, err := s.QueryArticles(ctx, store.ArticleQuery{Filter: domain.ArticleFilter{CategorySlug: "nasional"}, Page: domain.Page{Number: 1, Size: 20}})
		return err
	})
	// /indeks: one day, of every channel and of one, is one range of
	// the publish-time indexes.
	check("indeks", []string{"articles_status_pub_id", "articles_category_pub_id"}, func() error {
		day := time.Date(2024, 6, 20, 0, 0, 0, 0, time.FixedZone("WIB", 7*3600))
		publish(t, s, store.ArticleInput{Title: "Berita Hari Itu", CategoryID: f.nasional, PublishedAt: day.Add(9 * time.Hour)})
		for _, cat := range []string{"", "nasional"} {
			q := store.ArticleQuery{Filter: domain.ArticleFilter{CategorySlug: cat}, From: day, To: day.AddDate(0, 0, 1).Add(-time.Microsecond),
				Page: domain.Page{Number: 1, Size: 30}}
			if _, _, err := s.QueryArticles(ctx, q); err != nil {
				return err
			}
		}
		return nil
	})
	// The newsroom's list filtered by status or channel walks that
	// filter's index, not every article by update time.
	check("newsroom list", []string{"articles_status_updated", "articles_category_updated"}, func() error {
		for _, af := range []store.AdminFilter{{Status: domain.StatusDraft}, {CategoryID: f.nasional}} {
			if _, _, err := s.AdminArticles(ctx, af, domain.Page{Number: 1, Size: 30}); err != nil {
				return err
			}
		}
		return nil
	})
	// The sitemap index finds a tag out in each range of tags from the
	// tags alone (tags.newest_pub_at, migration 0197).
	check("sitemap index", []string{"article_blocks", "USING INTEGER PRIMARY KEY (rowid>? AND rowid<?)|tags_pkey", "!article_tags_pub"}, func() error {
		if _, err := s.ArticleSitemapBuckets(ctx, 1000); err != nil {
			return err
		}
		_, err := s.TagSitemapFiles(ctx, 1000)
		return err
	})
	// The API's author list counts each author from their counter
	// (author_counts, 0200), not every article of theirs.
	check("author list", []string{"SEARCH c USING INTEGER PRIMARY KEY (rowid=?)|author_counts_pkey", "!article_authors_author"}, func() error {
		_, _, err := s.AuthorStats(ctx, domain.Page{Number: 1, Size: 50})
		return err
	})
	// The Google News sitemap and its count in the sitemap index read
	// the last two days' range of the publish-time index; Terpopuler's
	// fallback ranks its window from articles_pub_views (0175); the
	// headline reads the newest of the two partial indexes, never every
	// featured article sorted.
	check("news sitemap", []string{"articles_status_pub_id"}, func() error {
		since := s.Now().Add(-48 * time.Hour)
		if _, err := s.CountPublishedSince(ctx, since); err != nil {
			return err
		}
		_, err := s.NewsSitemap(ctx, since, 1, 1000)
		return err
	})
	check("terpopuler", []string{"articles_pub_views"}, func() error {
		_, err := s.MostRead(ctx, s.Now().Add(-7*24*time.Hour), 5, false)
		return err
	})
	// Terpopuler from the hourly counts reads the window's hours from
	// the index that carries their views (0176).
	check("terpopuler hourly", []string{"COVERING INDEX article_views_hourly_window|Scan on article_views_hourly_window|using article_views_hourly_window"}, func() error {
		_, err := s.TopArticlesSince(ctx, s.Now().Add(-7*24*time.Hour), 5)
		return err
	})
	// Ranked by the discovery job (0203), Terpopuler reads its window's
	// list by key, and not one hourly count.
	if err := s.AddViews(ctx, []store.ViewCount{{ArticleID: id, Hour: s.Now().Truncate(time.Hour), N: 3}}); err != nil {
		t.Fatal(err)
	}
	if err := s.RefreshMostRead(ctx, []time.Time{s.Now().Add(-7 * 24 * time.Hour)}, 0); err != nil {
		t.Fatal(err)
	}
	check("terpopuler ranked", []string{"sqlite_autoindex_most_read_1|most_read_pkey", "!article_views_hourly"}, func() error {
		list, err := s.MostRead(ctx, s.Now().Add(-7*24*time.Hour), 5, false)
		if err == nil && (len(list) != 1 || list[0].ID != id || list[0].Views != 3) {
			t.Errorf("ranked terpopuler: %+v", list)
		}
		return err
	})
	// The newsroom's chart reads the site's own hours (0204), not every
	// article's.
	check("site views per hour", []string{"site_views_hourly", "!article_views_hourly"}, func() error {
		_, err := s.ViewsPerHour(ctx, 0, s.Now().Add(-48*time.Hour))
		return err
	})
	check("headline", []string{"articles_headline"}, func() error {
		_, err := s.HeadlineArticles(ctx, 5)
		return err
	})
	// A sitemap file is one range of a covering index (articles) or
	// of the tags.
	check("sitemap files", []string{"articles_sitemap", "USING INTEGER PRIMARY KEY (rowid>? AND rowid<?)|tags_pkey", "!article_tags_pub"}, func() error {
		if _, err := s.ArticleSitemap(ctx, 1, 1000); err != nil {
			return err
		}
		_, err := s.TagSitemap(ctx, 1, 1000)
		return err
	})
	// A tag's lastmod is the newest publish time its row keeps: one
	// range of tags, no probe per tag, nothing of the articles (a random
	// read each at a million).
	check("tag sitemap", []string{"USING INTEGER PRIMARY KEY (rowid>? AND rowid<?)|tags_pkey", "!article_tags_pub", "!articles_sitemap", "!articles_pkey", "!SEARCH a "}, func() error {
		_, err := s.TagSitemap(ctx, 1, 1000)
		return err
	})
	// The moderation queue and the dashboard read their totals from
	// comment_counts (migration 0181), not by counting comments.
	check("moderation queue", []string{"comment_counts"}, func() error {
		_, _, err := s.CommentsByStatus(ctx, domain.CommentPending, domain.Page{Number: 1, Size: 50})
		return err
	})
	// A deep page sums the month and day counts (migrations 0180, 0182)
	// newest first, by their primary keys for every channel and by their
	// _category indexes for one, then reads one range of a publish-time
	// index from that day; one tag's, its own counts (0183) and a range
	// of article_tags_pub; one author's, theirs (0195) and a range of
	// article_authors_pub. The seek starts at the third article here
	// (store.SeekOffset is 1,000): a bulk load's rebuilt indexes can be
	// invisible to PostgreSQL's planner while an older transaction runs
	// elsewhere on the server (indcheckxmin), so the articles are written
	// one by one, over five months.
	store.SetSeekOffset(s, 2)
	for i := range 6 {
		publish(t, s, store.ArticleInput{Title: fmt.Sprintf("Arsip Ramai %d", i), CategoryID: f.nasional, Tags: []string{"Ramai"},
			AuthorIDs: []int64{f.author}, PublishedAt: time.Now().AddDate(0, 0, -3-30*i)})
	}
	check("deep page", []string{"USING PRIMARY KEY (month>? AND month<?)|on article_months_pkey",
		"USING PRIMARY KEY (day>? AND day<?)|on article_days_pkey",
		"article_months_category", "article_days_category", "articles_status_pub_id",
		"PRIMARY KEY (tag_id=? AND month>? AND month<?)|tag_months_pkey",
		"PRIMARY KEY (tag_id=? AND day>? AND day<?)|tag_days_pkey", "article_tags_pub",
		"PRIMARY KEY (author_id=? AND month>? AND month<?)|author_months_pkey",
		"PRIMARY KEY (author_id=? AND day>? AND day<?)|author_days_pkey", "article_authors_pub"}, func() error {
		for _, filter := range []domain.ArticleFilter{{}, {CategorySlug: "nasional"}, {TagSlug: "ramai"}, {AuthorSlug: "rina-wulandari"}} {
			l, _, err := s.QueryArticles(ctx, store.ArticleQuery{Filter: filter, Page: domain.Page{Number: 2, Size: 2}})
			if err == nil && len(l) != 2 {
				err = fmt.Errorf("deep page of %+v: %d articles", filter, len(l))
			}
			if err != nil {
				return err
			}
		}
		return nil
	})
	// A tag whose newest article is still ahead of its publish time is
	// probed in article_tags_pub, alone (in a file of its own, size 1,
	// for the sitemap index), still nothing of the articles.
	publish(t, s, store.ArticleInput{Title: "Artikel Terjadwal", CategoryID: f.nasional, Tags: []string{"Ramai", "Nanti"},
		PublishedAt: time.Now().Add(time.Hour)})
	check("tag sitemap, a tag ahead", []string{"USING INTEGER PRIMARY KEY (rowid>? AND rowid<?)|tags_pkey", "article_tags_pub", "!articles_sitemap", "!articles_pkey", "!SEARCH a "}, func() error {
		if _, err := s.TagSitemapFiles(ctx, 1); err != nil {
			return err
		}
		_, err := s.TagSitemap(ctx, 1, 1000)
		return err
	})
}

// fullScan names the big table a plan reads whole, or "": a bare SCAN of
// an alias the query gives comments, articles or their link tables
// (SQLite), or a Seq Scan on one of them (PostgreSQL). Small tables
// (categories, tags, article_blocks) may be scanned.
var (
	bigAlias = regexp.MustCompile(`\b(?:comments|articles|article_tags|article_authors)\s+(?:AS\s+)?(\w+)`)
	pgScan   = regexp.MustCompile(`Seq Scan on (comments|articles|article_tags|article_authors)\b`)
)

func fullScan(query, plan string) string {
	big := map[string]bool{"comments": true, "articles": true, "article_tags": true, "article_authors": true}
	for _, m := range bigAlias.FindAllStringSubmatch(query, -1) {
		switch strings.ToUpper(m[1]) {
		case "ON", "WHERE", "JOIN", "GROUP", "ORDER", "LIMIT":
		default:
			big[m[1]] = true
		}
	}
	for _, l := range strings.Split(plan, "\n") {
		// A subquery or CTE SQLite reads is a CO-ROUTINE or MATERIALIZE
		// of the same name first: scanning it is not scanning the table.
		for _, p := range []string{"CO-ROUTINE ", "MATERIALIZE "} {
			if rest, ok := strings.CutPrefix(strings.TrimSpace(l), p); ok {
				delete(big, strings.Fields(rest)[0])
			}
		}
	}
	for _, l := range strings.Split(plan, "\n") {
		l = strings.TrimSpace(l)
		if m := pgScan.FindString(l); m != "" {
			return m
		}
		if f := strings.Fields(l); len(f) == 2 && f[0] == "SCAN" && big[f[1]] {
			return l
		}
	}
	return ""
}

// On PostgreSQL the bulk load builds each search row's tsvector in Go; it
// must be exactly what the server's to_tsvector gives (what indexArticle
// stores), for the demo's real bodies, titles with numbers and tag names.
func TestBulkTSVectorsAreTheServers(t *testing.T) {
	url := testdb.PostgresURL(t)
	ctx := context.Background()
	s, err := store.Open(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	var logged bytes.Buffer // a difference makes the server take over, with a warning
	s.SetLogger(slog.New(slog.NewTextHandler(&logged, &slog.HandlerOptions{Level: slog.LevelWarn})))
	f := newFixture(t, s)
	b, err := s.BeginBulk(ctx)
	if err != nil {
		t.Fatal(err)
	}
	first, _, tag, _, err := b.NextIDs(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if err := b.Tags(ctx, tag, []string{"Banjir Jakarta 2024", "Timnas U-23", "Ekonomi Digital"}); err != nil {
		t.Fatal(err)
	}
	now := s.Now()
	var list []store.BulkArticle
	for i, d := range demo.Articles {
		id := first + int64(i)
		pub := now.Add(-time.Duration(len(demo.Articles)-i) * time.Hour)
		a := store.BulkArticle{ID: id, Slug: fmt.Sprintf("tsv-%d", id), Title: fmt.Sprintf("%s, Laporan %d", d.Title, id),
			Excerpt: d.Excerpt, BodySource: d.Body, BodyHTML: "<p>" + strings.ReplaceAll(d.Body, "\n\n", "</p>\n<p>") + "</p>",
			CategoryID: f.nasional, Status: domain.StatusPublished, PublishedAt: pub, UpdatedAt: pub,
			TagIDs: []int64{tag + int64(i%3)}, AuthorIDs: []int64{f.author}}
		if i%2 == 0 {
			a.SearchBody = store.SearchBody(a.BodyHTML, a.BodySource) // as bench/scalegen passes it
		}
		list = append(list, a)
	}
	if err := b.Articles(ctx, list); err != nil {
		t.Fatal(err)
	}
	if err := b.Finish(ctx); err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("pgx", url)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var n, differ int
	err = db.QueryRowContext(ctx, `SELECT COUNT(*), COUNT(*) FILTER (WHERE tsv <> (setweight(to_tsvector('simple', title), 'A')
		|| setweight(to_tsvector('simple', excerpt), 'B') || setweight(to_tsvector('simple', body), 'D')
		|| setweight(to_tsvector('simple', tags), 'A'))) FROM article_search WHERE article_id >= $1`, first).Scan(&n, &differ)
	if err != nil {
		t.Fatal(err)
	}
	if n != len(demo.Articles) || differ != 0 {
		t.Errorf("%d search rows, %d with a tsvector other than the server's; want %d and 0", n, differ, len(demo.Articles))
	}
	if logged.Len() > 0 {
		t.Errorf("the tsvectors built in Go were not the server's:\n%s", logged.String())
	}
}

// A word in more articles than are ranked: the newest MaxSearchRanked are
// ranked and paged, and the page says about how many match — from the term
// count for one word, from the publish times with more words or filters —
// the same figure on both engines.
func TestCommonWordSearchEstimatesItsMatches(t *testing.T) {
	const n = 6000
	estimates := map[string][]int{}
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := newFixture(t, s)
		bulkArchive(t, s, f, n)
		now := s.Now()
		for _, c := range []struct {
			name, q  string
			mod      func(*store.SearchRequest)
			want     int
			fromDocs bool // one word, no filter: search_terms' count, exact to three digits
		}{
			{"one word", "pelabuhan", nil, n, true},
			{"two words", "pelabuhan nelayan", nil, n, false},
			{"a word in one article of ten", "pelabuhan langka", nil, n / 10, false}, // the tag of every tenth
			{"a phrase", `"kapal nelayan"`, nil, n, false},
			{"a channel", "pelabuhan", func(r *store.SearchRequest) { r.Category = "nasional" }, n, false},
			{"since a date", "pelabuhan", func(r *store.SearchRequest) { r.From = now.Add(-1000*time.Hour - time.Minute) }, 1000, false},
			{"until a date", "pelabuhan", func(r *store.SearchRequest) { r.To = now.Add(-1000*time.Hour + time.Minute) }, n - 1000, false},
		} {
			req := store.SearchRequest{Query: store.ParseQuery(c.q), Order: store.SearchByRelevance, Page: domain.Page{Number: 1, Size: 10}}
			if c.mod != nil {
				c.mod(&req)
			}
			res, err := s.Find(ctx, req)
			if err != nil {
				t.Fatalf("%s: %v", c.name, err)
			}
			if !res.Capped || res.Total != store.MaxSearchRanked || len(res.Articles) != 10 {
				t.Fatalf("%s: capped %v, total %d, %d articles; want capped at %d with a full page", c.name, res.Capped, res.Total,
					len(res.Articles), store.MaxSearchRanked)
			}
			if d := float64(res.Matches-c.want) / float64(c.want); d > 0.02 || d < -0.02 || c.fromDocs && res.Matches != c.want {
				t.Errorf("%s: about %d matches, want %d", c.name, res.Matches, c.want)
			}
			estimates[c.name] = append(estimates[c.name], res.Matches)
		}
		// The ranked matches page to their end, newest first (equal scores
		// but for freshness), and no further.
		req := store.SearchRequest{Query: store.ParseQuery("pelabuhan"), Order: store.SearchByRelevance,
			Page: domain.Page{Number: store.MaxSearchRanked / 10, Size: 10}}
		res, err := s.Find(ctx, req)
		if err != nil || len(res.Articles) != 10 || !res.Articles[9].PublishedAt.Before(res.Articles[0].PublishedAt) {
			t.Errorf("last ranked page: %d articles, %v", len(res.Articles), err)
		}
		req.Page.Number++
		if res, err := s.Find(ctx, req); err != nil || len(res.Articles) != 0 {
			t.Errorf("page past the ranked ones: %d articles, %v", len(res.Articles), err)
		}
		// A search whose rarest word the index counts in few articles reads
		// every match unordered; if the count was behind and more match,
		// it still ranks the newest.
		few := store.SearchRequest{Query: store.ParseQuery("pelabuhan langka"), Order: store.SearchByNewest, Page: domain.Page{Number: 1, Size: 10}}
		before, err := s.Find(ctx, few)
		if err != nil {
			t.Fatal(err)
		}
		if err := store.SetTermDocs(s, store.SearchTerms("langka")[0], 20); err != nil {
			t.Fatal(err)
		}
		after, err := s.Find(ctx, few)
		if err != nil || !after.Capped || len(after.Articles) != 10 || after.Articles[0].ID != before.Articles[0].ID ||
			after.Articles[9].ID != before.Articles[9].ID {
			t.Errorf("with the word's count behind: capped %v, %d articles, first %d (want %d), %v", after.Capped,
				len(after.Articles), firstID(after.Articles), firstID(before.Articles), err)
		}
	})
	for name, e := range estimates {
		if len(e) == 2 && e[0] != e[1] {
			t.Errorf("%s: SQLite estimates %d matches, PostgreSQL %d", name, e[0], e[1])
		}
	}
}

func firstID(list []domain.Article) int64 {
	if len(list) == 0 {
		return 0
	}
	return list[0].ID
}
