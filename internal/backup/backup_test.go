package backup_test

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"warta/internal/backup"
	"warta/internal/domain"
	"warta/internal/store"
	"warta/internal/testdb"
)

// seed fills a site with articles and comments.
func seed(t *testing.T, st *store.Store, n int) int64 {
	t.Helper()
	ctx := context.Background()
	cat, err := st.CreateCategory(ctx, domain.Category{Name: "Nasional"})
	if err != nil {
		t.Fatal(err)
	}
	for i := range n {
		id, err := st.CreateArticle(ctx, store.ArticleInput{Title: fmt.Sprintf("Berita nomor %d tentang banjir", i), CategoryID: cat,
			Status: domain.StatusPublished, PublishedAt: time.Now().Add(-time.Hour), BodyHTML: "<p>Isi berita.</p>", Tags: []string{"Banjir"}})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := st.AddComment(ctx, domain.Comment{ArticleID: id, Name: "Ani", Body: "Komentar", Status: domain.CommentApproved}); err != nil {
			t.Fatal(err)
		}
	}
	return cat
}

// restoreTarget returns an empty place to restore into: a new SQLite path,
// or on PostgreSQL a new database (the dump keeps its schema's name).
func restoreTarget(t *testing.T, dsn string) string {
	t.Helper()
	if !store.IsPostgres(dsn) {
		return filepath.Join(t.TempDir(), "restored.db")
	}
	u, _ := url.Parse(dsn)
	name := "warta_restore_" + strings.TrimPrefix(u.Query().Get("search_path"), "wt_")
	admin, err := sql.Open("pgx", os.Getenv(testdb.EnvPostgres))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := admin.Exec("CREATE DATABASE " + name); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		admin.Exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)")
		admin.Close()
	})
	u.Path = "/" + name
	return u.String()
}

func TestBackupWhileWritingRestores(t *testing.T) {
	for _, engine := range []string{"sqlite", "postgres"} {
		t.Run(engine, func(t *testing.T) {
			ctx := context.Background()
			var dsn string
			if engine == "sqlite" {
				dsn = filepath.Join(t.TempDir(), "warta.db")
			} else {
				dsn = testdb.PostgresURL(t)
				for _, tool := range []string{"pg_dump", "pg_restore"} {
					if _, err := exec.LookPath(tool); err != nil {
						t.Skip(tool + " not installed (apt-get install postgresql-client): PostgreSQL backup not tested")
					}
				}
			}
			st, err := store.Open(ctx, dsn)
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			if err := st.Migrate(ctx); err != nil {
				t.Fatal(err)
			}
			cat := seed(t, st, 40)
			media := t.TempDir()
			os.MkdirAll(filepath.Join(media, "2024"), 0o755)
			for i := range 5 {
				os.WriteFile(filepath.Join(media, "2024", fmt.Sprintf("foto-%d.jpg", i)), []byte(strings.Repeat("x", 1000+i)), 0o644)
			}

			// The site goes on taking writes through the whole backup.
			var wrote atomic.Int64
			stop := make(chan struct{})
			var wg sync.WaitGroup
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := 0; ; i++ {
					select {
					case <-stop:
						return
					default:
					}
					if _, err := st.CreateArticle(ctx, store.ArticleInput{Title: fmt.Sprintf("Tulisan selama cadangan %d", i),
						CategoryID: cat, Status: domain.StatusPublished, PublishedAt: time.Now().Add(-time.Minute)}); err != nil {
						t.Errorf("write during backup: %v", err)
						return
					}
					wrote.Add(1)
				}
			}()
			for wrote.Load() < 5 { // writes are really under way
				time.Sleep(time.Millisecond)
			}
			archive := filepath.Join(t.TempDir(), "cadangan.tar.gz")
			m, err := backup.Backup(ctx, dsn, media, archive)
			close(stop)
			wg.Wait()
			if err != nil {
				t.Fatal(err)
			}
			if m.MediaFiles != 5 || m.Counts["articles"] < 45 || m.Counts["comments"] != 40 {
				t.Errorf("manifest: %d media files, %d articles, %d comments", m.MediaFiles, m.Counts["articles"], m.Counts["comments"])
			}
			t.Logf("backup took %d articles while %d were written during it", m.Counts["articles"], wrote.Load())

			target := restoreTarget(t, dsn)
			rmedia := filepath.Join(t.TempDir(), "media")
			if _, err := backup.Restore(ctx, archive, target, rmedia); err != nil {
				t.Fatal(err)
			}
			if engine == "sqlite" {
				if err := backup.IntegrityCheck(ctx, target); err != nil {
					t.Fatal(err)
				}
			}
			rs, err := store.Open(ctx, target)
			if err != nil {
				t.Fatal(err)
			}
			defer rs.Close()
			if err := rs.Migrate(ctx); err != nil {
				t.Fatalf("restored database does not migrate: %v", err)
			}
			counts, _, err := backup.Counts(ctx, rs)
			if err != nil {
				t.Fatal(err)
			}
			for table, n := range m.Counts {
				if counts[table] != n {
					t.Errorf("restored %s: %d rows, backup had %d", table, counts[table], n)
				}
			}
			// The restored site works: search finds the articles, and the
			// photos came back byte for byte.
			res, err := rs.Search(ctx, store.SearchTerms("banjir"), store.SearchByNewest, domain.Page{Number: 1, Size: 5})
			if err != nil || res.Total < 40 {
				t.Errorf("search in restored copy: %d hits, %v", res.Total, err)
			}
			b, err := os.ReadFile(filepath.Join(rmedia, "2024", "foto-3.jpg"))
			if err != nil || len(b) != 1003 {
				t.Errorf("restored media: %d bytes, %v", len(b), err)
			}

			// Restoring over something is refused.
			if _, err := backup.Restore(ctx, archive, target, t.TempDir()); err == nil {
				t.Error("restore over an existing database succeeded")
			}
		})
	}
}
