package store_test

import (
	"context"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"warta/internal/domain"
	"warta/internal/store"
	"warta/internal/testdb"
)

// searchCorpus is a small newsroom whose articles need stemming to be found.
var searchCorpus = []store.ArticleInput{
	{Slug: "pertahanan", Title: "Kementerian Perkuat Sistem Pertahanan Udara di Perbatasan",
		Excerpt:  "Radar baru dipasang di tiga pulau terluar.",
		BodyHTML: "<p>Pemerintah menambah anggaran <strong>pertahanan</strong> udara untuk radar di perbatasan utara.</p>"},
	{Slug: "kekhawatiran", Title: "Kekhawatiran Petani Menjelang Musim Kemarau Panjang",
		Excerpt:  "Petani di Jawa Tengah menunda tanam.",
		BodyHTML: "<p>Debit irigasi turun separuh; petani padi memilih menunggu hujan.</p>"},
	{Slug: "beras", Title: "Harga Beras Naik di Pasar Induk Cipinang",
		Excerpt:  "Pedagang menyebut pasokan dari sentra produksi berkurang.",
		BodyHTML: "<p>Harga beras medium naik Rp1.000 per kilogram. Petani mengeluhkan biaya pupuk.</p>"},
	{Slug: "timnas", Title: "Timnas Bertahan Total dan Curi Poin di Kandang Lawan",
		Excerpt:  "Strategi bertahan pelatih membuahkan hasil imbang.",
		BodyHTML: "<p>Lini belakang tampil disiplin sepanjang 90 menit di kualifikasi 2026.</p>"},
	{Slug: "khawatir-kemacetan", Title: "Warga Khawatir Kemacetan Saat Proyek MRT Dimulai",
		BodyHTML: "<p>Pengalihan arus lalu lintas diuji coba mulai Senin.</p>"},
}

// seedSearch publishes searchCorpus (oldest first) and returns ids by slug.
func seedSearch(t *testing.T, s *store.Store) map[string]int64 {
	t.Helper()
	f := newFixture(t, s)
	ids := map[string]int64{}
	base := s.Now().Add(-72 * time.Hour)
	for i, in := range searchCorpus {
		in.CategoryID = f.nasional
		in.PublishedAt = base.Add(time.Duration(i) * time.Hour)
		ids[in.Slug] = publish(t, s, in)
	}
	return ids
}

func searchSlugs(t *testing.T, s *store.Store, q string, order store.SearchSort) []string {
	t.Helper()
	res, err := s.Search(context.Background(), store.SearchTerms(q), order, domain.Page{Number: 1, Size: 50})
	if err != nil {
		t.Fatalf("search %q: %v", q, err)
	}
	var out []string
	for _, a := range res.Articles {
		out = append(out, a.Slug)
	}
	if res.Total != len(out) {
		t.Errorf("search %q: total %d, listed %d", q, res.Total, len(out))
	}
	return out
}

func TestSearchFindsStemmedWords(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		seedSearch(t, s)
		for _, tc := range []struct {
			q    string
			want []string // as a set
		}{
			{"bertahan", []string{"pertahanan", "timnas"}},               // tahan
			{"khawatir", []string{"kekhawatiran", "khawatir-kemacetan"}}, // khawatir
			{"KEKHAWATIRAN petani", []string{"kekhawatiran"}},            // every term must match
			{"petani", []string{"kekhawatiran", "beras"}},                // body words count
			{"pertahanan udara", []string{"pertahanan"}},                 // title and body
			{"yang dan di", nil},                                         // only stop words
			{"2026", []string{"timnas"}},                                 // numbers are kept
			{"radar", []string{"pertahanan"}},                            // excerpt
			{"kerbau", nil},                                              // nothing
			{`"bertahan" * ( - ' : ^`, []string{"pertahanan", "timnas"}}, // syntax is just text
			// "or", "near" are words to find; no article holds all three, so
			// the partial matches come back (flagged Partial, see below).
			{`bertahan OR NEAR(`, []string{"pertahanan", "timnas"}},
		} {
			got := searchSlugs(t, s, tc.q, store.SearchByRelevance)
			slices.Sort(got)
			want := slices.Clone(tc.want)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Errorf("search %q = %v, want %v", tc.q, got, want)
			}
		}
	})
}

func TestSearchRanksTitleMatchesFirstAndSortsByNewest(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		seedSearch(t, s)
		// "pertahanan" is in the title of one and only "bertahan" in the
		// other's title too; the excerpt of timnas repeats it.
		got := searchSlugs(t, s, "petani", store.SearchByRelevance)
		if len(got) != 2 || got[0] != "kekhawatiran" {
			t.Errorf("relevance order = %v, want the title match first", got)
		}
		got = searchSlugs(t, s, "petani", store.SearchByNewest)
		if len(got) != 2 || got[0] != "beras" {
			t.Errorf("newest order = %v, want beras (published later) first", got)
		}
		res, err := s.Search(context.Background(), store.SearchTerms("petani"), store.SearchByRelevance, domain.Page{Number: 2, Size: 1})
		if err != nil || res.Total != 2 || len(res.Articles) != 1 || res.Articles[0].Slug != "beras" {
			t.Errorf("page 2 = %+v, %v", res, err)
		}
		if res.Articles[0].BodyHTML == "" {
			t.Error("search hits lack their body, needed for snippets")
		}
		res, err = s.Search(context.Background(), store.SearchTerms("petani"), store.SearchByRelevance, domain.Page{Number: 9, Size: 10})
		if err != nil || res.Total != 2 || len(res.Articles) != 0 {
			t.Errorf("page past the end = %+v, %v", res, err)
		}
		if _, err := s.Search(context.Background(), store.SearchTerms("petani"), "popular", domain.Page{Number: 1, Size: 10}); !errorsIsInvalid(err) {
			t.Errorf("unknown order: %v, want invalid", err)
		}
	})
}

func errorsIsInvalid(err error) bool { return err != nil && domain.ErrorCode(err) == domain.EInvalid }

func TestSearchFollowsPublishing(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		ids := seedSearch(t, s)
		id := ids["pertahanan"]
		if err := s.SetArticleStatus(ctx, id, domain.StatusUnpublished, time.Time{}); err != nil {
			t.Fatal(err)
		}
		if got := searchSlugs(t, s, "radar", store.SearchByRelevance); len(got) != 0 {
			t.Errorf("unpublished article still found: %v", got)
		}
		tani := store.SearchTerms("petani")[0]
		docs, n, err := s.TermDocs(ctx, []string{"radar", tani})
		if err != nil || docs["radar"] != 0 || docs[tani] != 2 || n != int64(len(searchCorpus)-1) {
			t.Errorf("term docs after unpublish = %v %d %v", docs, n, err)
		}
		if err := s.SetArticleStatus(ctx, id, domain.StatusPublished, time.Time{}); err != nil {
			t.Fatal(err)
		}
		if got := searchSlugs(t, s, "radar", store.SearchByRelevance); !slices.Equal(got, []string{"pertahanan"}) {
			t.Errorf("republished article not found: %v", got)
		}

		// An edit is searchable at once; the old words are gone.
		a, err := s.ArticleByIDAnyStatus(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if err := s.UpdateArticle(ctx, id, store.ArticleInput{Slug: a.Slug, Title: "Kapal Selam Baru Tiba di Surabaya",
			CategoryID: a.Category.ID, Status: domain.StatusPublished, PublishedAt: a.PublishedAt}); err != nil {
			t.Fatal(err)
		}
		if got := searchSlugs(t, s, "radar", store.SearchByRelevance); len(got) != 0 {
			t.Errorf("old text still found: %v", got)
		}
		if got := searchSlugs(t, s, "kapal selam", store.SearchByRelevance); !slices.Equal(got, []string{"pertahanan"}) {
			t.Errorf("new text not found: %v", got)
		}

		// A scheduled article is found once the scheduler publishes it.
		f := newFixture2(t, s)
		sched, err := s.CreateArticle(ctx, store.ArticleInput{Title: "Gerhana Matahari Terlihat di Palu", CategoryID: f,
			Status: domain.StatusScheduled, PublishedAt: s.Now().Add(time.Hour)})
		if err != nil {
			t.Fatal(err)
		}
		if got := searchSlugs(t, s, "gerhana", store.SearchByRelevance); len(got) != 0 {
			t.Errorf("scheduled article found early: %v", got)
		}
		s.SetClock(func() time.Time { return time.Now().Add(2 * time.Hour) })
		if got, err := s.PublishDue(ctx); err != nil || !slices.Contains(got, sched) {
			t.Fatalf("publish due = %v, %v", got, err)
		}
		if got := searchSlugs(t, s, "gerhana", store.SearchByRelevance); len(got) != 1 {
			t.Errorf("published scheduled article not found: %v", got)
		}

		// Published with a time still to come: indexed, but hidden until then.
		s.SetClock(time.Now)
		if _, err := s.CreateArticle(ctx, store.ArticleInput{Title: "Embargo Laporan Inflasi", CategoryID: f,
			Status: domain.StatusPublished, PublishedAt: s.Now().Add(time.Hour)}); err != nil {
			t.Fatal(err)
		}
		if got := searchSlugs(t, s, "embargo", store.SearchByRelevance); len(got) != 0 {
			t.Errorf("embargoed article found: %v", got)
		}
	})
}

func newFixture2(t *testing.T, s *store.Store) int64 {
	t.Helper()
	id, err := s.CreateCategory(context.Background(), domain.Category{Name: "Sains", Position: 9})
	if err != nil {
		t.Fatal(err)
	}
	return id
}

func TestSearchHostileQueries(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		seedSearch(t, s)
		for _, q := range []string{`"`, `*`, `NEAR(`, `-`, `OR`, `'`, `AND NOT`, `bertahan"`, `a:b`, `^x`, `(((`,
			"\x00bertahan\x00", "😀 khawatir 🇮🇩", strings.Repeat("bertahan ", 600), strings.Repeat("x", 5000),
			"\xff\xfe", "pertahanan' OR 1=1 --", `{title}: udara`, "ka\u0301fe"} {
			if _, err := s.Search(context.Background(), store.SearchTerms(q), store.SearchByRelevance, domain.Page{Number: 1, Size: 10}); err != nil {
				t.Errorf("search %.40q: %v", q, err)
			}
		}
		if got := searchSlugs(t, s, "\x00bertahan\x00", store.SearchByRelevance); len(got) != 2 {
			t.Errorf("NUL-wrapped query = %v", got)
		}
		if n := len(store.SearchTerms(strings.Repeat("kata ", 100) + strings.Repeat("a b c d e f g h i j k l m n ", 10))); n > store.MaxQueryTerms {
			t.Errorf("SearchTerms kept %d terms", n)
		}
	})
}

// TestSearchEnginesAgree runs the same corpus and queries on both engines
// and expects the same articles.
func TestSearchEnginesAgree(t *testing.T) {
	if os.Getenv(testdb.EnvPostgres) == "" {
		t.Skip(testdb.EnvPostgres + " not set: nothing to compare SQLite with")
	}
	lite, pg := testdb.SQLite(t), testdb.Postgres(t)
	seedSearch(t, lite)
	seedSearch(t, pg)
	for _, q := range []string{"bertahan", "khawatir", "petani", "harga beras", "udara perbatasan", "2026", "timnas kandang",
		"pemerintah", "kilogram", "lalu lintas", "debit irigasi", "café", "tahan"} {
		a, b := searchSlugs(t, lite, q, store.SearchByNewest), searchSlugs(t, pg, q, store.SearchByNewest)
		if !slices.Equal(a, b) {
			t.Errorf("%q: sqlite %v, postgres %v", q, a, b)
		}
	}
}

func TestPlainText(t *testing.T) {
	for in, want := range map[string]string{
		"<p>Paragraf <strong>per</strong>tama.</p><p>Dua &amp; tiga</p>": "Paragraf pertama. Dua & tiga",
		"tanpa tag":                 "tanpa tag",
		"<ul><li>a</li><li>b</li>":  "a b",
		"potong <a href='x'>tautan": "potong tautan",
		"rusak <p":                  "rusak",
	} {
		if got := store.PlainText(in); got != want {
			t.Errorf("PlainText(%q) = %q, want %q", in, got, want)
		}
	}
}
