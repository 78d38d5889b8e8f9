package site

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"html/template"
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

// searchHit is one result: its title and snippet as HTML, matched words in
// <mark> (written once by discovery.Matcher, not by a template ranging over
// every fragment of every result).
type searchHit struct {
	Article domain.Article
	Title   template.HTML
	Snippet template.HTML
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
	// Chrome, when set, is all the main block renders: the mark where
	// the results go in the search chrome (searchChrome).
	Chrome template.HTML
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
		b, err := s.renderSearch(r.Context(), p)
		if err != nil {
			return err
		}
		writePage(w, http.StatusOK, b)
		return nil
	}
	qs := r.URL.Query()
	key := "s:" + qs.Get("q") + "\x00" + qs.Get("sort") + "\x00" + qs.Get("page") + "\x00" + qs.Get("kanal") +
		"\x00" + qs.Get("dari") + "\x00" + qs.Get("sampai")
	sk, _, err := s.skels.get(r.Context(), key, func() ([]byte, any, time.Time, error) {
		p, err := s.searchPage(r)
		if err != nil {
			return nil, nil, time.Time{}, err
		}
		b, err := s.renderSearch(r.Context(), p)
		return b, nil, s.capExpiry(s.endOfDay()), err
	})
	if err != nil {
		return err
	}
	page := sk.segs[0] // one segment: the page has no holes
	if len(sk.segs) > 1 {
		page = bytes.Join(sk.segs, nil)
	}
	writePage(w, http.StatusOK, page)
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
			Page: domain.Page{Number: page, Size: searchPageSize}, WithoutRelations: true, Texts: true, Brief: true})
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
		m := discovery.NewMatcher(res.Terms)
		for i, a := range res.Articles {
			p.Hits = append(p.Hits, searchHit{Article: a, Title: template.HTML(m.HighlightHTML(a.Title)),
				Snippet: template.HTML(m.SnippetHTML(res.Texts[i], searchSnippetWords))})
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

// searchChrome is the search page without its query and results: the
// head, navigation, footer and all that every search shows alike, rendered
// once and kept among the fragments (any article write drops it, like the
// navigation and ticker it shows), so a search nobody made before renders
// only its title and its main block. head is the page up to the main
// block, cut where the title goes (in <title> and the og and twitter
// titles); tail the rest.
type searchChrome struct {
	head [][]byte
	tail []byte
}

// Marks in the rendered chrome: the title's survives every escaper it
// meets (private-use runes, letters and a hyphen), the main block's is a
// NUL-delimited hole like a skeleton's.
const (
	searchTitleMark = "\uE000warta-search-title\uE000"
	searchMainMark  = "\x00warta-search-main\x00"
)

// renderSearch renders a search page: the kept chrome with p's title and
// main block filled in.
func (s *Site) renderSearch(ctx context.Context, p searchPage) ([]byte, error) {
	ch, err := fetch(ctx, s.frags, &s.frags.chrome, &s.frags.gen, struct{}{}, s.frags.ttl, func() (searchChrome, error) {
		c := searchPage{frame: p.frame, Sort: string(store.SearchByRelevance), Chrome: searchMainMark}
		c.Meta.Title = searchTitleMark
		b, err := s.renderBytes("search", "layout", c)
		if err != nil {
			return searchChrome{}, err
		}
		head, tail, ok := bytes.Cut(b, []byte(searchMainMark))
		if !ok || bytes.Contains(tail, []byte(searchMainMark)) || bytes.Contains(tail, []byte(searchTitleMark)) {
			return searchChrome{}, errors.New("search chrome: the main block's mark is not there once")
		}
		return searchChrome{head: bytes.Split(head, []byte(searchTitleMark)), tail: tail}, nil
	})
	if err != nil {
		return nil, err
	}
	var title bytes.Buffer
	htmlEscape(&title, p.Meta.Title)
	n := len(ch.tail) + title.Len()*(len(ch.head)-1) + 4096 + 1024*len(p.Hits)
	for _, h := range ch.head {
		n += len(h)
	}
	var out bytes.Buffer
	out.Grow(n)
	for i, h := range ch.head {
		if i > 0 {
			out.Write(title.Bytes())
		}
		out.Write(h)
	}
	s.writeSearchMain(&out, &p)
	out.Write(ch.tail)
	return out.Bytes(), nil
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
