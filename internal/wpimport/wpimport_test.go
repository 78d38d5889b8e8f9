package wpimport_test

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"warta/internal/app"
	"warta/internal/domain"
	"warta/internal/media"
	"warta/internal/render"
	"warta/internal/site"
	"warta/internal/store"
	"warta/internal/testdb"
	"warta/internal/wpimport"
)

// The fixture is a genuine export: testdata/make-export.sh builds a small
// site with Debian's WordPress 6.1 and runs its export_wp().
const export = "testdata/wordpress-export.xml"

var jakarta, _ = time.LoadLocation("Asia/Jakarta")

func importFile(t *testing.T, st *store.Store, file, mediaDir string, withMedia bool) wpimport.Summary {
	t.Helper()
	opt := wpimport.Options{Media: media.New(mediaDir), Location: jakarta}
	if withMedia {
		opt.MediaFrom = "testdata/uploads"
	}
	sum, err := wpimport.Import(context.Background(), st, render.New(), file, opt)
	if err != nil {
		t.Fatal(err)
	}
	return sum
}

func count(t *testing.T, st *store.Store, q string, args ...any) int {
	t.Helper()
	var n int
	if err := st.WriteDB().QueryRow(st.Rebind(q), args...).Scan(&n); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	return n
}

func TestImportGenuineExport(t *testing.T) {
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		mediaDir := t.TempDir()
		sum := importFile(t, st, export, mediaDir, true)
		if sum.Posts != 6 || sum.Pages != 2 || sum.Comments != 3 || sum.Authors != 3 || sum.Media != 2 || sum.Tags != 6 ||
			sum.Scheduled != 1 || sum.Drafts != 2 || sum.InReview != 1 {
			t.Errorf("summary: %+v", sum)
		}
		if sum.Skipped["post with status private"] != 1 || sum.Skipped["post with status trash"] != 1 {
			t.Errorf("skipped: %v", sum.Skipped)
		}

		// The Gutenberg post: published at post_date_gmt, slug kept,
		// excerpt, category, tags, byline, lead photo with caption and
		// credit through the upload path, no block comments left.
		a, err := st.ArticleBySlug(ctx, "banjir-rendam-ribuan-rumah")
		if err != nil {
			t.Fatal(err)
		}
		if !a.PublishedAt.Equal(time.Date(2024, 6, 20, 4, 34, 0, 0, time.UTC)) {
			t.Errorf("published at %v, want 2024-06-20 04:34 UTC (11:34 WIB)", a.PublishedAt)
		}
		if a.Excerpt != "Hujan deras sejak malam membuat Kali Sunter meluap." || a.Category.Slug != "nasional" {
			t.Errorf("excerpt %q, category %q", a.Excerpt, a.Category.Slug)
		}
		if len(a.Authors) != 1 || a.Authors[0].Name != "Siti Rahmawati" {
			t.Errorf("authors: %+v", a.Authors)
		}
		var tags []string
		for _, tg := range a.Tags {
			tags = append(tags, tg.Slug)
		}
		if strings.Join(tags, ",") != "banjir,jakarta" && strings.Join(tags, ",") != "jakarta,banjir" {
			t.Errorf("tags: %v", tags)
		}
		if !strings.HasPrefix(a.Photo.URL, "/media/u/") || a.Photo.Caption != "Warga menerobos banjir di Cipinang Melayu, Kamis pagi." ||
			a.Photo.Credit != "Antara/Reno Esnir" || a.Photo.Width != 640 {
			t.Errorf("lead photo: %+v", a.Photo)
		}
		if _, err := os.Stat(filepath.Join(mediaDir, strings.TrimPrefix(a.Photo.URL, "/media/"))); err != nil {
			t.Errorf("photo file: %v", err)
		}
		if strings.Contains(a.BodyHTML, "wp:paragraph") || !strings.Contains(a.BodyHTML, "<strong>Kali Sunter</strong>") ||
			!strings.Contains(a.BodyHTML, "<blockquote") {
			t.Errorf("body: %s", a.BodyHTML)
		}
		if a.CommentCount != 2 {
			t.Errorf("comment count %d, want the 2 approved", a.CommentCount)
		}

		// The classic post: shortcodes turned into HTML, an unknown one kept
		// as text, the old plugin's script and handler gone, images moved.
		b, err := st.ArticleBySlug(ctx, "timnas-menang-2-0-stadion-bergemuruh")
		if err != nil {
			t.Fatal(err)
		}
		for _, want := range []string{"<figcaption>Suasana stadion sebelum laga.</figcaption>", `href="https://www.youtube.com/watch?v=dQw4w9WgXcQ"`,
			"[contact-form-7 id=", "<p>Timnas menang <em>2-0</em> atas tamunya.</p>", `<img src="/media/u/`} {
			if !strings.Contains(b.BodyHTML, want) {
				t.Errorf("classic body lacks %q:\n%s", want, b.BodyHTML)
			}
		}
		for _, bad := range []string{"<script", "onclick", "[caption", "[gallery", "[embed", "wp-content/uploads"} {
			if strings.Contains(b.BodyHTML, bad) {
				t.Errorf("classic body still has %q:\n%s", bad, b.BodyHTML)
			}
		}
		if b.Category.Slug != "olahraga" || len(b.Tags) != 2 { // Sepak Bola, and the second category Politik
			t.Errorf("category %q, tags %+v", b.Category.Slug, b.Tags)
		}

		// Statuses.
		for slug, want := range map[string]domain.Status{"jadwal-debat-capres-diumumkan": domain.StatusScheduled,
			"draf-harga-cabai-naik": domain.StatusDraft, "menunggu-editor-rupiah-menguat": domain.StatusReview,
			"tentang-kami": domain.StatusPublished} {
			if got := count(t, st, "SELECT COUNT(*) FROM articles WHERE slug = ? AND status = ?", slug, string(want)); got != 1 {
				t.Errorf("%s is not %s", slug, want)
			}
		}
		if n := count(t, st, "SELECT COUNT(*) FROM articles WHERE slug LIKE 'catatan-pribadi%' OR slug LIKE 'berita-salah%'"); n != 0 {
			t.Errorf("private or trashed posts imported: %d", n)
		}

		// Comments: threading, held state, dates.
		if n := count(t, st, `SELECT COUNT(*) FROM comments c JOIN comments p ON p.id = c.parent_id
			WHERE c.name = 'Rina' AND p.name = 'Andi'`); n != 1 {
			t.Error("Rina's reply is not under Andi's comment")
		}
		if n := count(t, st, "SELECT COUNT(*) FROM comments WHERE name = 'Tamu' AND status = 'pending'"); n != 1 {
			t.Error("the held comment is not waiting for moderation")
		}
		if n := count(t, st, "SELECT COUNT(*) FROM comments WHERE created_at = ?", time.Date(2024, 6, 20, 5, 10, 0, 0, time.UTC)); n != 1 {
			t.Error("comment date not kept")
		}

		// Importing again adds nothing.
		counts := map[string]int{}
		for _, tb := range []string{"articles", "comments", "categories", "tags", "authors", "redirects"} {
			counts[tb] = count(t, st, "SELECT COUNT(*) FROM "+tb)
		}
		again := importFile(t, st, export, mediaDir, true)
		if again.AlreadyImported != 8 || again.Posts != 0 || again.Comments != 0 {
			t.Errorf("second run: %+v", again)
		}
		for tb, n := range counts {
			if got := count(t, st, "SELECT COUNT(*) FROM "+tb); got != n {
				t.Errorf("second run changed %s: %d -> %d", tb, n, got)
			}
		}

		// Every old address answers 301 to its new page, through the real
		// reader site.
		srv, err := app.New(ctx, st, app.Config{Site: site.Config{Name: "Warta", BaseURL: "http://warta.test", Location: jakarta},
			Log: slog.New(slog.NewTextHandler(io.Discard, nil))})
		if err != nil {
			t.Fatal(err)
		}
		hs := httptest.NewServer(srv)
		defer hs.Close()
		client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
		for old, want := range map[string]string{
			"/2024/06/20/banjir-rendam-ribuan-rumah/": "/berita/banjir-rendam-ribuan-rumah",
			"/?p=4": "/berita/banjir-rendam-ribuan-rumah",
			"/2024/06/21/timnas-menang-2-0-stadion-bergemuruh/": "/berita/timnas-menang-2-0-stadion-bergemuruh",
			"/tentang-kami/":              "/berita/tentang-kami",
			"/?page_id=15":                "/berita/tentang-kami",
			"/category/nasional/":         "/kanal/nasional",
			"/category/nasional/politik/": "/kanal/politik",
			"/tag/sepak-bola/":            "/tag/sepak-bola",
		} {
			resp, err := client.Get(hs.URL + old)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != 301 || resp.Header.Get("Location") != want {
				t.Errorf("GET %s = %d -> %q, want 301 -> %s", old, resp.StatusCode, resp.Header.Get("Location"), want)
			}
		}
		resp, err := client.Get(hs.URL + "/berita/banjir-rendam-ribuan-rumah")
		if err != nil {
			t.Fatal(err)
		}
		page, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 || !strings.Contains(string(page), "Rina") || !strings.Contains(string(page), "Antara/Reno Esnir") {
			t.Errorf("imported article page: %d", resp.StatusCode)
		}
		if resp, err := client.Get(hs.URL + "/2099/01/01/tidak-ada/"); err != nil || resp.StatusCode != 404 {
			t.Errorf("unknown old address: %v %v", resp.StatusCode, err)
		}
	})
}

// Without --media-from nothing is downloaded: the original URLs stay and
// the summary counts them.
func TestImportWithoutMediaKeepsOriginalURLs(t *testing.T) {
	st := testdb.SQLite(t)
	sum := importFile(t, st, export, t.TempDir(), false)
	if sum.Media != 0 || sum.MediaKeptRemote != 1 {
		t.Errorf("summary: media %d, kept remote %d", sum.Media, sum.MediaKeptRemote)
	}
	a, err := st.ArticleBySlug(context.Background(), "banjir-rendam-ribuan-rumah")
	if err != nil {
		t.Fatal(err)
	}
	if a.Photo.URL != "https://lama.example.id/wp-content/uploads/2024/06/banjir.jpg" || a.Photo.Credit != "Antara/Reno Esnir" {
		t.Errorf("photo: %+v", a.Photo)
	}
}

func TestDryRunWritesNothing(t *testing.T) {
	st := testdb.SQLite(t)
	sum, err := wpimport.Import(context.Background(), st, render.New(), export, wpimport.Options{DryRun: true, Location: jakarta})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Posts != 6 || sum.Comments != 3 || sum.Tags != 6 {
		t.Errorf("dry run summary: %+v", sum)
	}
	if n := count(t, st, "SELECT COUNT(*) FROM articles"); n != 0 {
		t.Errorf("dry run wrote %d articles", n)
	}
}

// A truncated export stops with the line, before anything is written; a
// file that is not an export says so.
func TestBrokenExportStopsWithTheLine(t *testing.T) {
	data, err := os.ReadFile(export)
	if err != nil {
		t.Fatal(err)
	}
	cut := strings.Index(string(data), "Gol kedua lahir") // inside the classic post
	file := filepath.Join(t.TempDir(), "terpotong.xml")
	os.WriteFile(file, data[:cut], 0o644)
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		_, err := wpimport.Import(context.Background(), st, render.New(), file, wpimport.Options{Location: jakarta})
		var we *wpimport.Error
		if !errors.As(err, &we) || we.Line < 300 || !strings.Contains(err.Error(), "line") {
			t.Fatalf("error = %v, want a broken-export error naming the line", err)
		}
		t.Log(err)
		if n := count(t, st, "SELECT COUNT(*) FROM articles"); n != 0 {
			t.Errorf("%d articles imported from a broken file", n)
		}
	})
	notWXR := filepath.Join(t.TempDir(), "feed.xml")
	os.WriteFile(notWXR, []byte(`<?xml version="1.0"?><rss><channel><title>x</title><item><title>a</title></item></channel></rss>`), 0o644)
	_, err = wpimport.Import(context.Background(), testdb.SQLite(t), render.New(), notWXR, wpimport.Options{})
	if !errors.Is(err, wpimport.ErrNotWXR) {
		t.Errorf("plain RSS: %v", err)
	}
}

// An item that fails half-way leaves nothing of itself behind: a comment
// that cannot be stored (here: a database trigger refuses it) rolls back
// its article, its redirects and its bookkeeping, and a later run imports
// it whole.
func TestFailedItemLeavesNothing(t *testing.T) {
	st := testdb.SQLite(t)
	if _, err := st.WriteDB().Exec(`CREATE TRIGGER refuse BEFORE INSERT ON comments WHEN NEW.name = 'Rina'
		BEGIN SELECT RAISE(ABORT, 'disk full'); END`); err != nil {
		t.Fatal(err)
	}
	_, err := wpimport.Import(context.Background(), st, render.New(), export, wpimport.Options{Location: jakarta})
	if err == nil || !strings.Contains(err.Error(), "Banjir Rendam") {
		t.Fatalf("error = %v, want one naming the item", err)
	}
	if n := count(t, st, "SELECT COUNT(*) FROM articles WHERE slug = 'banjir-rendam-ribuan-rumah'"); n != 0 {
		t.Error("the failed item's article was left behind")
	}
	if n := count(t, st, "SELECT COUNT(*) FROM redirects WHERE target = '/berita/banjir-rendam-ribuan-rumah'"); n != 0 {
		t.Error("the failed item's redirects were left behind")
	}
	if n := count(t, st, "SELECT COUNT(*) FROM comments"); n != 0 {
		t.Errorf("%d comments of the failed item left behind", n)
	}
	st.WriteDB().Exec("DROP TRIGGER refuse")
	sum, err := wpimport.Import(context.Background(), st, render.New(), export, wpimport.Options{Location: jakarta})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Comments != 3 || count(t, st, "SELECT COUNT(*) FROM articles WHERE slug = 'banjir-rendam-ribuan-rumah'") != 1 {
		t.Errorf("rerun: %+v", sum)
	}
}

func FuzzRead(f *testing.F) {
	data, err := os.ReadFile(export)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(data)
	f.Add(data[:len(data)/2])
	f.Add([]byte(`<rss xmlns:wp="http://wordpress.org/export/1.1/"><channel><wp:wxr_version>1.1</wp:wxr_version><item><wp:post_id>x</wp:post_id></item></channel></rss>`))
	f.Fuzz(func(t *testing.T, b []byte) {
		// Never a panic; an error or items.
		wpimport.Read(strings.NewReader(string(b)), wpimport.Handler{Item: func(it *wpimport.Item) error {
			_ = it.Content() + it.Excerpt() + it.MetaValue("_thumbnail_id")
			return nil
		}})
	})
}
