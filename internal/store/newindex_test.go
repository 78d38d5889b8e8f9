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
	path := filepath.Join(t.TempDir(), "warta.db")
	st, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := st.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	cat, err := st.CreateCategory(ctx, domain.Category{Name: "Nasional", Position: 1})
	if err != nil {
		t.Fatal(err)
	}
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
