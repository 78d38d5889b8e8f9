package site

import (
	"bytes"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"warta/internal/discovery"
	"warta/internal/domain"
	"warta/internal/store"
	"warta/internal/web"
)

const (
	searchPageSize     = 10
	searchSnippetWords = 32
)

type searchHit struct {
	Article domain.Article
	Title   []discovery.Fragment
	Snippet []discovery.Fragment
}

type searchPage struct {
	frame
	Query      string // as typed, cleaned for display
	Sort       string
	Message    string // why there are no results, in Indonesian
	Total      int64
	Page       int
	Pages      int
	PrevURL    string
	NextURL    string
	Hits       []searchHit
	Searched   bool
	Capped     bool   // more match than are ranked: Total is an estimate, Pages cover the ranked ones
	Notice     string // partial matches, or a corrected query
	Suggest    string // "Mungkin maksud Anda": the corrected query
	SuggestURL string
	Category   string // kanal filter (slug)
	From, To   string // dari / sampai filters, YYYY-MM-DD
}

// search is /cari: any q gives a 200 page, with results or a message that
// says why there are none. Only sort and page are checked strictly.
//
// The page shows nothing of its reader and what it finds changes only when
// an article does, so each page of results is kept whole (skeleton.go:
// dropped by any article write, kept skeletonTTL at most), per query as
// typed and filters: a search many readers make is run and rendered once.
//
// With the fragment cache off (FragmentTTL 0) results are not kept: every
// search then asks the database, like the other lists.
func (s *Site) search(w http.ResponseWriter, r *http.Request) error {
	if s.cfg.FragmentTTL <= 0 {
		p, err := s.searchPage(r)
		if err != nil {
			return err
		}
		return s.render(w, "search", http.StatusOK, p)
	}
	qs := r.URL.Query()
	key := "s:" + qs.Get("q") + "\x00" + qs.Get("sort") + "\x00" + qs.Get("page") + "\x00" + qs.Get("kanal") +
		"\x00" + qs.Get("dari") + "\x00" + qs.Get("sampai")
	sk, _, err := s.skels.get(r.Context(), key, func() ([]byte, any, time.Time, error) {
		p, err := s.searchPage(r)
		if err != nil {
			return nil, nil, time.Time{}, err
		}
		b, err := s.renderBytes("search", "layout", p)
		return b, nil, s.capExpiry(s.endOfDay()), err
	})
	if err != nil {
		return err
	}
	writePage(w, http.StatusOK, bytes.Join(sk.segs, nil)) // one segment: the page has no holes
	return nil
}

// searchPage runs the search a request asks for.
func (s *Site) searchPage(r *http.Request) (searchPage, error) {
	ctx := r.Context()
	qs := r.URL.Query()
	order := store.SearchSort(qs.Get("sort"))
	if order == "" {
		order = store.SearchByRelevance
	}
	if !order.Valid() {
		return searchPage{}, domain.Invalid("urutan %q tidak dikenal: gunakan relevance atau newest", domain.Truncate(string(order), 20))
	}
	page, err := pageParam(r)
	if err != nil {
		return searchPage{}, err
	}
	raw := qs.Get("q")
	p := searchPage{Query: displayQuery(raw), Sort: string(order), Page: page,
		Category: qs.Get("kanal"), From: qs.Get("dari"), To: qs.Get("sampai")}
	if p.Category != "" && domain.Slugify(p.Category) != p.Category {
		return p, domain.Invalid("kanal %q tidak dikenal", domain.Truncate(p.Category, 40))
	}
	from, to, err := web.DateRange(p.From, p.To, "tanggal mulai", "tanggal akhir", s.cfg.Location)
	if err != nil {
		return p, err
	}
	title := "Cari berita — " + s.siteName(r.Context())
	query := store.ParseQuery(raw)
	switch terms := query.Terms; {
	case strings.TrimSpace(p.Query) == "":
		p.Message = "Ketik kata kunci untuk mencari berita."
	case utf8.RuneCountInString(raw) > store.MaxQueryRunes:
		p.Message = fmt.Sprintf("Kata kunci terlalu panjang. Gunakan paling banyak %d karakter.", store.MaxQueryRunes)
	case len(terms) == 0:
		p.Message = "Kata kunci terlalu umum. Coba kata yang lebih khusus, misalnya nama tempat, tokoh atau peristiwa."
	default:
		title = "Cari: " + p.Query + " — " + s.siteName(r.Context())
		res, err := s.store.Find(ctx, store.SearchRequest{Query: query, Order: order, Category: p.Category, From: from, To: to,
			Page: domain.Page{Number: page, Size: searchPageSize}})
		if err != nil {
			return p, err
		}
		p.Searched = true
		p.Total = int64(res.Matches) // an estimate when Capped: "sekitar 196.000"
		p.Capped = res.Capped
		p.Pages = (res.Total + searchPageSize - 1) / searchPageSize
		link := func(q string, n int) string {
			v := url.Values{"q": {q}}
			if order != store.SearchByRelevance {
				v.Set("sort", string(order))
			}
			for k, x := range map[string]string{"kanal": p.Category, "dari": p.From, "sampai": p.To} {
				if x != "" {
					v.Set(k, x)
				}
			}
			if n > 1 {
				v.Set("page", strconv.Itoa(n))
			}
			return "/cari?" + v.Encode()
		}
		switch {
		case res.Total == 0:
			p.Message = "Tidak ada berita yang cocok dengan “" + p.Query + "”. Periksa ejaan atau coba kata lain."
		case len(res.Articles) == 0:
			p.Message = fmt.Sprintf("Halaman %d kosong: hasil pencarian hanya %d halaman.", page, p.Pages)
		}
		switch {
		case res.Corrected != "":
			p.Suggest, p.SuggestURL = res.Corrected, link(res.Corrected, 1)
			p.Notice = "Tidak ada berita yang cocok dengan “" + p.Query + "”. Menampilkan hasil untuk “" + res.Corrected + "”."
		case res.Partial:
			p.Notice = "Tidak ada berita yang memuat semua kata “" + p.Query + "”. Berikut berita yang memuat sebagian kata."
		}
		for _, a := range res.Articles {
			text := strings.TrimSpace(a.Excerpt + " " + store.PlainText(a.BodyHTML))
			p.Hits = append(p.Hits, searchHit{Article: a, Title: discovery.Highlight(a.Title, res.Terms),
				Snippet: discovery.Snippet(text, res.Terms, searchSnippetWords)})
		}
		if page > 1 && page <= p.Pages {
			p.PrevURL = link(raw, page-1)
		}
		if page < p.Pages {
			p.NextURL = link(raw, page+1)
		}
	}
	// Result pages are endless variations of one page: keep them out of
	// search engines.
	p.frame, err = s.frame(ctx, meta{Title: title, Description: "Cari berita di " + s.siteName(r.Context()) + ".", Canonical: "/cari", NoIndex: true}, "search")
	return p, err
}

// displayQuery is the query as the page shows it back: valid UTF-8, no
// control characters, at most MaxQueryRunes runes. The template escapes it.
func displayQuery(q string) string {
	q = strings.ToValidUTF8(q, "")
	q = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, q)
	return domain.Truncate(strings.Join(strings.Fields(q), " "), store.MaxQueryRunes)
}
