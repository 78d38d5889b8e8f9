package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"warta/internal/domain"
	"warta/internal/store"
	"warta/internal/testdb"
)

// Issue 16, M1: bodies stored by an older sanitiser (or imported as HTML)
// are brought to balanced HTML by `warta sanitize`, on both engines.
func TestSanitizeRewritesStoredBodies(t *testing.T) {
	dsns := map[string]string{"sqlite": filepath.Join(t.TempDir(), "w.db")}
	if os.Getenv(testdb.EnvPostgres) != "" {
		dsns["postgres"] = testdb.PostgresURL(t)
	}
	for name, dsn := range dsns {
		t.Run(name, func(t *testing.T) {
			if code, _, errs := runCLI("migrate", "--db", dsn); code != 0 {
				t.Fatalf("migrate: %s", errs)
			}
			st := openStore(t, dsn)
			ctx := context.Background()
			cat, err := st.CreateCategory(ctx, domain.Category{Name: "Nasional"})
			if err != nil {
				t.Fatal(err)
			}
			ids := map[string]int64{}
			for key, in := range map[string]store.ArticleInput{
				"markdown": {Title: "Dari Markdown", BodySource: `<a href="https://evil.example">klik`, BodyHTML: `<p><a href="https://evil.example">klik</p>`},
				"imported": {Title: "Impor", BodyHTML: `<table><tr><td>sel<script>alert(1)</script>`},
				"clean":    {Title: "Bersih", BodySource: "Paragraf.", BodyHTML: "<p>Paragraf.</p>\n"},
			} {
				in.CategoryID, in.Status = cat, domain.StatusDraft
				if ids[key], err = st.CreateArticle(ctx, in); err != nil {
					t.Fatal(err)
				}
			}
			code, out, errs := runCLI("sanitize", "--db", dsn)
			if code != 0 || !strings.Contains(out, "2 article bodies rewritten") {
				t.Fatalf("sanitize: exit %d %q %q", code, out, errs)
			}
			want := map[string]string{
				"markdown": `<p><a href="https://evil.example" rel="nofollow">klik</a></p>`,
				"imported": `<table><tbody><tr><td>sel</td></tr></tbody></table>`,
				"clean":    "<p>Paragraf.</p>\n",
			}
			for key, id := range ids {
				a, err := st.ArticleByIDAnyStatus(ctx, id)
				if err != nil {
					t.Fatal(err)
				}
				// (A browser's parser carries the open link over the line
				// break after the paragraph, so a second, empty link may follow.)
				got := strings.TrimSpace(a.BodyHTML)
				if !strings.HasPrefix(got, strings.TrimSpace(want[key])) || strings.Count(got, "<a ") != strings.Count(got, "</a>") {
					t.Errorf("%s: body %q, want %q", key, a.BodyHTML, want[key])
				}
			}
			if _, out, _ := runCLI("sanitize", "--db", dsn); !strings.Contains(out, "0 article bodies rewritten") {
				t.Errorf("second run: %q", out)
			}
		})
	}
}
