package store_test

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"warta/internal/domain"
	"warta/internal/store"
)

// An index a migration adds to an analysed SQLite database gets its
// statistics in Migrate: without them the planner trusts it blindly, and
// the newsroom-list indexes of 0130 sent every channel's newest stories
// through articles_category_updated and a sort (home page 5.7 s at 100,000
// articles until the background Optimize ran).
func TestMigrateAnalysesIndexesItAdds(t *testing.T) {
	ctx := context.Background()
	st, path, cat := sqliteWithCategory(t)
	for i := range 30 {
		if _, err := st.CreateArticle(ctx, store.ArticleInput{Title: fmt.Sprintf("Berita nomor %d", i), CategoryID: cat,
			Status: domain.StatusPublished, Excerpt: "Ringkasan.", PublishedAt: time.Now().Add(-time.Duration(i) * time.Hour)}); err != nil {
			t.Fatal(err)
		}
	}
	db, err := sql.Open("sqlite", path+"?_pragma=busy_timeout(10000)")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	// The database as an older binary left it: analysed, before 0130.
	for _, q := range []string{"DROP INDEX articles_status_updated", "DROP INDEX articles_category_updated",
		"DELETE FROM schema_migrations WHERE version = 130", "ANALYZE"} {
		if _, err := db.ExecContext(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	if err := st.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(st.MigrationsApplied(), ","); got != "0130_newsroom_list.sql" {
		t.Fatalf("applied %q, want 0130 again", got)
	}
	for _, idx := range []string{"articles_status_updated", "articles_category_updated"} {
		var n int
		if err := db.QueryRowContext(ctx, "SELECT COUNT(*) FROM sqlite_stat1 WHERE idx = ?", idx).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if n != 1 {
			t.Errorf("%s: %d statistics rows after Migrate, want 1", idx, n)
		}
	}
}

// SQLite keeps no planner samples (sqlite_stat4) after any statistics
// Warta gathers, nor after opening a database analysed elsewhere: with
// samples, every run of a cached statement whose bound values the planner
// had looked at was parsed and planned again (20–45 % of a page's CPU on
// the scale archives). The row counts of sqlite_stat1 stay.
func TestSQLiteKeepsNoPlannerSamples(t *testing.T) {
	ctx := context.Background()
	st, path, cat := sqliteWithCategory(t)
	add := func(n int) {
		for i := range n {
			if _, err := st.CreateArticle(ctx, store.ArticleInput{Title: fmt.Sprintf("Kabar nomor %d", i), CategoryID: cat,
				Status: domain.StatusPublished, Excerpt: "Ringkasan.", PublishedAt: time.Now().Add(-time.Duration(i) * time.Hour)}); err != nil {
				t.Fatal(err)
			}
		}
	}
	add(40)
	db, err := sql.Open("sqlite", path+"?_pragma=busy_timeout(10000)")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	count := func(table string) int {
		var n int
		if err := db.QueryRowContext(ctx, "SELECT COUNT(*) FROM "+table).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	// Analysed by another tool (the sqlite3 shell, an older Warta).
	if _, err := db.ExecContext(ctx, "ANALYZE"); err != nil {
		t.Fatal(err)
	}
	if count("sqlite_stat4") == 0 {
		t.Fatal("ANALYZE wrote no samples: this SQLite is built without STAT4 and the test proves nothing")
	}
	if err := st.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	if n := count("sqlite_stat4"); n != 0 {
		t.Errorf("after Migrate: %d samples, want none", n)
	}
	add(40)
	for name, refresh := range map[string]func(context.Context) error{"Optimize": st.Optimize, "RefreshStatistics": st.RefreshStatistics} {
		// Samples there before, so each refresh must drop what it finds
		// and what it writes itself.
		if _, err := db.ExecContext(ctx, "ANALYZE"); err != nil || count("sqlite_stat4") == 0 {
			t.Fatalf("before %s: no samples to drop (%v)", name, err)
		}
		if err := refresh(ctx); err != nil {
			t.Fatal(err)
		}
		if n := count("sqlite_stat4"); n != 0 {
			t.Errorf("after %s: %d samples, want none", name, n)
		}
		if count("sqlite_stat1") == 0 {
			t.Errorf("after %s: no row counts in sqlite_stat1", name)
		}
	}
	list, total, err := st.QueryArticles(ctx, store.ArticleQuery{Page: domain.Page{Number: 1, Size: 10}})
	if err != nil || len(list) != 10 || total != 80 {
		t.Fatalf("a list after the statistics: %d articles of %d, %v", len(list), total, err)
	}
}

// sqliteWithCategory is a migrated SQLite database file of its own (the
// tests open it beside the store too) with one category.
func sqliteWithCategory(t *testing.T) (*store.Store, string, int64) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "warta.db")
	st, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if err := st.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	cat, err := st.CreateCategory(ctx, domain.Category{Name: "Nasional", Position: 1})
	if err != nil {
		t.Fatal(err)
	}
	return st, path, cat
}
