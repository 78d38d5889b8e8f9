package site

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"net/url"
	"testing"
	"time"

	"warta/internal/domain"
	"warta/internal/engage"
	"warta/internal/testdb"
)

// A search page from the kept chrome is byte for byte the page rendered
// whole, whatever the query holds (markup, quotes, plus signs, NUL) and
// whether the chrome was just rendered or kept from another search.
func TestSearchChromeRendersAsTheWholePage(t *testing.T) {
	st := testdb.SQLite(t)
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	s, err := New(Config{Name: "Warta <Uji>", Tagline: "Berita & cerita", BaseURL: "http://warta.test", FragmentTTL: time.Minute},
		st, engage.New(engage.Config{}, st, log), log)
	if err != nil {
		t.Fatal(err)
	}
	nav := []domain.Category{{ID: 1, Slug: "nasional", Name: "Nasional"}, {ID: 2, Slug: "ekonomi", Name: "Ekonomi & Bisnis"}}
	now := time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC)
	hits := []searchHit{{Article: domain.Article{ID: 7, Slug: "banjir-demak", Title: "Banjir Demak", PublishedAt: now,
		Category: nav[0]}, Title: "<mark>Banjir</mark> Demak", Snippet: "<mark>Banjir</mark> merendam &lt;Demak&gt; &amp; sekitarnya."},
		{Article: domain.Article{ID: 8, Slug: "harga-cabai-naik", Title: "Harga", PublishedAt: now.Add(-50 * time.Hour), Hot: true,
			Category: nav[1]}, Title: "Harga", Snippet: "… harga <mark>cabai</mark> naik …"}}
	for i, q := range []string{"", "banjir", `<script>alert("x")</script> & 'kutip' + plus`, "harga\x00beras", "ÉTAT café — 日本",
		"banjr", "banjir demak"} {
		p := searchPage{Query: q, Sort: []string{"newest", "relevance"}[i%2], Page: 2, Pages: 3, Total: 196000, Capped: i%2 == 0,
			Searched: q != "", Category: []string{"ekonomi", "", "nasional"}[i%3], From: "2026-01-01", To: []string{"", "2026-02-01"}[i%2],
			Hits: hits[:i%3]}
		switch i % 4 {
		case 0:
			p.PrevURL, p.NextURL = "/cari?q=x", "/cari?page=3&q=x"
		case 1:
			p.NextURL = "/cari?page=3&q=" + url.QueryEscape(q)
		case 2:
			p.PrevURL, p.Pages = "/cari?q="+url.QueryEscape(q)+"&sort=newest", 1
		}
		switch i {
		case 1:
			p.Message = "Tidak ada berita yang cocok dengan “" + q + "”."
		case 5:
			p.Suggest, p.SuggestURL = "banjir <&>", "/cari?q="+url.QueryEscape("banjir <&> +'")
			p.Notice = "Menampilkan hasil untuk “banjir <&>”."
		case 6:
			p.Notice = "Tidak ada berita yang memuat semua kata “" + q + "”."
		}
		p.frame = frame{Site: s.cfg, Meta: meta{Title: "Cari: " + q + " — Warta <Uji>", Description: "Cari berita di Warta.",
			Canonical: "http://warta.test/cari", NoIndex: true}, Nav: nav, Active: "search", Today: "Selasa, 1 Desember 2026",
			Year: 2026, Zone: "WIB", Ticker: []domain.Article{{ID: 9, Slug: "gempa", Title: "Gempa \"kuat\" + susulan"}}}
		want, err := s.renderBytes("search", "layout", p)
		if err != nil {
			t.Fatal(err)
		}
		for round := range 2 {
			got, err := s.renderSearch(context.Background(), p)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, want) {
				t.Fatalf("query %q, round %d: chrome page differs from the whole page\n got  %q\n want %q", q, round, got, want)
			}
			// More matches than are ranked: the estimate, in Indonesian digits.
			if p.Searched && p.Capped != bytes.Contains(got, []byte("Sekitar 196.000 berita cocok")) {
				t.Errorf("query %q (capped %v): no \"Sekitar 196.000 berita cocok\" where due", q, p.Capped)
			}
		}
	}
}
