package dbcopy_test

import (
	"context"
	"path/filepath"
	"slices"
	"strconv"
	"testing"
	"time"

	"warta/internal/backup"
	"warta/internal/dbcopy"
	"warta/internal/demo"
	"warta/internal/domain"
	"warta/internal/render"
	"warta/internal/store"
	"warta/internal/testdb"
)

func searchIDs(t *testing.T, st *store.Store, q string) []int64 {
	t.Helper()
	res, err := st.Search(context.Background(), store.SearchTerms(q), store.SearchByNewest, domain.Page{Number: 1, Size: 100})
	if err != nil {
		t.Fatal(err)
	}
	var ids []int64
	for _, a := range res.Articles {
		ids = append(ids, a.ID)
	}
	return ids
}

func sameCounts(t *testing.T, a, b *store.Store) map[string]int64 {
	t.Helper()
	ca, _, err := backup.Counts(context.Background(), a)
	if err != nil {
		t.Fatal(err)
	}
	cb, _, err := backup.Counts(context.Background(), b)
	if err != nil {
		t.Fatal(err)
	}
	for table, n := range ca {
		if table == "schema_migrations" || table == "article_search" {
			continue // each engine's own; the index is compared by searching
		}
		if cb[table] != n {
			t.Errorf("%s: %d rows in the source, %d in the copy", table, n, cb[table])
		}
	}
	return ca
}

// sameTagSitemap checks that the copy's tag sitemap and the pages
// sitemap's authors (each tag's and author's newest publish time,
// newest_pub_at) are the source's.
func sameTagSitemap(t *testing.T, a, b *store.Store) {
	t.Helper()
	ta, err := a.TagSitemap(context.Background(), 1, 1000)
	if err != nil {
		t.Fatal(err)
	}
	tb, err := b.TagSitemap(context.Background(), 1, 1000)
	if err != nil {
		t.Fatal(err)
	}
	if len(ta) == 0 || len(ta) != len(tb) {
		t.Fatalf("tag sitemap: %d tags in the source, %d in the copy", len(ta), len(tb))
	}
	for i := range ta {
		if ta[i].Slug != tb[i].Slug || !ta[i].LastMod.Equal(tb[i].LastMod) {
			t.Errorf("tag sitemap: %s %v in the source, %s %v in the copy", ta[i].Slug, ta[i].LastMod, tb[i].Slug, tb[i].LastMod)
		}
	}
	aa, err := a.ListedAuthors(context.Background(), 1000)
	if err != nil {
		t.Fatal(err)
	}
	ab, err := b.ListedAuthors(context.Background(), 1000)
	if err != nil {
		t.Fatal(err)
	}
	if len(aa) == 0 || len(aa) != len(ab) {
		t.Fatalf("sitemap authors: %d in the source, %d in the copy", len(aa), len(ab))
	}
	for i := range aa {
		if aa[i].Slug != ab[i].Slug || !aa[i].LastMod.Equal(ab[i].LastMod) {
			t.Errorf("sitemap authors: %s %v in the source, %s %v in the copy", aa[i].Slug, aa[i].LastMod, ab[i].Slug, ab[i].LastMod)
		}
	}
}

// A demo site with comments (one a reply), goes SQLite → PostgreSQL → a new
// SQLite file, and every table's count, the search results and the ids stay
// the same both ways; the copy takes new writes (sequences set).
func TestCopySQLiteToPostgresAndBack(t *testing.T) {
	ctx := context.Background()
	src := testdb.SQLite(t)
	if _, err := demo.Seed(ctx, src, render.New(), t.TempDir()); err != nil {
		t.Fatal(err)
	}
	list, _, err := src.ListArticles(ctx, domain.ArticleFilter{}, domain.Page{Number: 1, Size: 1})
	if err != nil || len(list) == 0 {
		t.Fatalf("demo articles: %v", err)
	}
	art := list[0]
	top, err := src.AddComment(ctx, domain.Comment{ArticleID: art.ID, Name: "Ani", Body: "Pertama", Status: domain.CommentApproved})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := src.AddComment(ctx, domain.Comment{ArticleID: art.ID, ParentID: top.ID, Name: "Budi", Body: "Balasan", Status: domain.CommentApproved}); err != nil {
		t.Fatal(err)
	}
	if _, err := src.AddComment(ctx, domain.Comment{ArticleID: art.ID, Name: "Cici", Body: "Ditahan", Status: domain.CommentPending}); err != nil {
		t.Fatal(err)
	}

	pg := testdb.Postgres(t)
	var seen []string
	res, err := dbcopy.Copy(ctx, src, pg, func(table string, rows int64) { seen = append(seen, table) })
	if err != nil {
		t.Fatal(err)
	}
	if res.Rows["articles"] != 66 || !slices.Contains(seen, "comments") {
		t.Errorf("copied %d articles; tables %v", res.Rows["articles"], seen)
	}
	counts := sameCounts(t, src, pg)
	t.Logf("copied: %v", counts)
	sameTagSitemap(t, src, pg)
	for _, q := range []string{"banjir", "pemilu", "ekonomi", "jakarta"} {
		if a, b := searchIDs(t, src, q), searchIDs(t, pg, q); !slices.Equal(a, b) {
			t.Errorf("search %q: %v on SQLite, %v on PostgreSQL", q, a, b)
		}
	}
	got, err := pg.ArticleByID(ctx, art.ID)
	if err != nil || got.Title != art.Title || got.CommentCount != 2 || !got.PublishedAt.Equal(art.PublishedAt) {
		t.Errorf("article %d on PostgreSQL: %+v %v", art.ID, got.Title, err)
	}
	// New writes get fresh ids past the copied ones.
	cat := art.Category.ID
	id, err := pg.CreateArticle(ctx, store.ArticleInput{Title: "Artikel pertama di PostgreSQL", CategoryID: cat,
		Status: domain.StatusPublished, PublishedAt: time.Now()})
	if err != nil {
		t.Fatalf("write after copy: %v", err)
	}
	if id <= counts["articles"] {
		t.Errorf("new article id %d does not follow the copied ones", id)
	}

	// And back, into a fresh SQLite file.
	backFile := filepath.Join(t.TempDir(), "kembali.db")
	back, err := store.Open(ctx, backFile)
	if err != nil {
		t.Fatal(err)
	}
	defer back.Close()
	if err := back.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := dbcopy.Copy(ctx, pg, back, nil); err != nil {
		t.Fatal(err)
	}
	sameCounts(t, pg, back)
	sameTagSitemap(t, pg, back)
	if a, b := searchIDs(t, pg, "banjir"), searchIDs(t, back, "banjir"); !slices.Equal(a, b) {
		t.Errorf("search after the copy back: %v vs %v", a, b)
	}
	if err := backup.IntegrityCheck(ctx, backFile); err != nil {
		t.Error(err)
	}

	// A second copy into a site that now has content is refused.
	if _, err := dbcopy.Copy(ctx, src, pg, nil); err == nil {
		t.Error("copy into a database that holds a site succeeded")
	}
}

// The site may still be writing while it is copied: every table is read in
// one snapshot, so the copy is whole (each article with its tags) as of one
// instant. The copy runs over its own connection, as `warta copy` would in
// its own process.
func TestCopyWhileTheSiteWrites(t *testing.T) {
	ctx := context.Background()
	file := filepath.Join(t.TempDir(), "hidup.db")
	site, err := store.Open(ctx, file)
	if err != nil {
		t.Fatal(err)
	}
	defer site.Close()
	if err := site.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	cat, err := site.CreateCategory(ctx, domain.Category{Name: "Nasional"})
	if err != nil {
		t.Fatal(err)
	}
	write := func(i int) error {
		_, err := site.CreateArticle(ctx, store.ArticleInput{Title: "Berita banjir " + strconv.Itoa(i), CategoryID: cat,
			Status: domain.StatusPublished, PublishedAt: time.Now().Add(-time.Minute), Tags: []string{"Banjir", "Tag " + strconv.Itoa(i)}})
		return err
	}
	for i := range 30 {
		if err := write(i); err != nil {
			t.Fatal(err)
		}
	}
	src, err := store.Open(ctx, file)
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	pg := testdb.Postgres(t)
	stop := make(chan struct{})
	done := make(chan error)
	go func() {
		for i := 30; i < 400; i++ { // bounded: the copy, not the writer, is under test
			select {
			case <-stop:
				done <- nil
				return
			default:
			}
			if err := write(i); err != nil {
				done <- err
				return
			}
		}
		<-stop
		done <- nil
	}()
	res, err := dbcopy.Copy(ctx, src, pg, nil)
	close(stop)
	if werr := <-done; werr != nil {
		t.Fatalf("the site's writes failed during the copy: %v", werr)
	}
	if err != nil {
		t.Fatal(err)
	}
	n := res.Rows["articles"]
	t.Logf("copied %d articles while the site wrote", n)
	if n < 30 || res.Rows["article_tags"] != 2*n || res.Rows["tags"] != n+1 {
		t.Errorf("copy is not one instant: %d articles, %d article tags, %d tags", n, res.Rows["article_tags"], res.Rows["tags"])
	}
	if got := len(searchIDs(t, pg, "banjir")); int64(got) != min(n, 100) {
		t.Errorf("search finds %d of %d copied articles", got, n)
	}
}
