package site

import (
	"net/http"
	"time"

	"warta/internal/domain"
	"warta/internal/store"
)

const listPageSize = 12

type pager struct {
	Base  string
	Page  int
	Pages int
}

type listPage struct {
	frame
	Kind     string
	Heading  string
	Intro    string
	Total    int64
	About    bool // Total is an estimate (store.EstimatedTotal)
	Articles []domain.Article
	Pager    pager
	More     *moreLink // "Muat lebih banyak"; nil on the last page

	// A channel's first page is a front (issue 13): Lead and Secondary
	// come out of Articles, and Terpopuler stands beside them.
	Lead         *domain.Article
	Secondary    []domain.Article
	PopularToday []domain.Article
	Popular      []domain.Article
}

func (s *Site) category(w http.ResponseWriter, r *http.Request) error {
	c, err := s.store.CategoryBySlug(r.Context(), r.PathValue("slug"))
	if err != nil {
		return err
	}
	return s.list(w, r, domain.ArticleFilter{CategorySlug: c.Slug}, "/kanal/"+c.Slug, "Kanal", c.Name, c.Description, c.Slug)
}

func (s *Site) tag(w http.ResponseWriter, r *http.Request) error {
	if r.PathValue("slug") == domain.HotTagSlug {
		http.Redirect(w, r, "/terpopuler", http.StatusMovedPermanently)
		return nil
	}
	t, err := s.store.TagBySlug(r.Context(), r.PathValue("slug"))
	if err != nil {
		return err
	}
	return s.list(w, r, domain.ArticleFilter{TagSlug: t.Slug}, "/tag/"+t.Slug, "Topik", "#"+t.Name, "", "")
}

func (s *Site) author(w http.ResponseWriter, r *http.Request) error {
	a, err := s.store.AuthorBySlug(r.Context(), r.PathValue("slug"))
	if err != nil {
		return err
	}
	return s.list(w, r, domain.ArticleFilter{AuthorSlug: a.Slug}, "/penulis/"+a.Slug, "Penulis", a.Name, a.Bio, "")
}

// listResult is one page of a list of articles and the total.
type listResult struct {
	list  []domain.Article
	total int
	// a channel's first page: Terpopuler beside it
	today, week []domain.Article
}

func (s *Site) list(w http.ResponseWriter, r *http.Request, f domain.ArticleFilter, base, kind, heading, intro, active string) error {
	page, err := pageParam(r)
	if err != nil {
		return err
	}
	frag, err := wantsFragment(r)
	if err != nil {
		return err
	}
	front := f.CategorySlug != "" && page == 1
	// The list carries view counts (see countsTTL).
	key := f.CategorySlug + "\x00" + f.TagSlug + "\x00" + f.AuthorSlug + "\x00" + itoa(page)
	lp, err := fetch(s.frags, &s.frags.pages, &s.frags.gen, key, s.countsTTL(), func() (listResult, error) {
		list, total, err := s.store.ListArticles(r.Context(), f, domain.Page{Number: page, Size: listPageSize})
		res := listResult{list: list, total: total}
		if err == nil && front {
			res.today, res.week, err = s.popularLists(r.Context())
		}
		return res, err
	})
	if err != nil {
		return err
	}
	list, total := lp.list, lp.total
	pages := (total + listPageSize - 1) / listPageSize
	if page > 1 && page > pages {
		return domain.NotFound("halaman %d tidak ada", page)
	}
	var more *moreLink
	if page < pages {
		more = newMoreLink(pageURL(base, page+1), false)
	}
	pg := pager{Base: base, Page: page, Pages: pages}
	if frag {
		return s.renderFragment(w, listFragment{Articles: list, More: more, Pager: pg})
	}
	title := heading + " — " + s.siteName(r.Context())
	canonical := base
	if page > 1 {
		title = heading + " (halaman " + itoa(page) + ") — " + s.siteName(r.Context())
		canonical = base + "?page=" + itoa(page)
	}
	fr, err := s.frame(r.Context(), meta{Title: title, Description: kind + " " + heading + " di " + s.siteName(r.Context()) + ".", Canonical: canonical}, active)
	if err != nil {
		return err
	}
	p := listPage{frame: fr, Kind: kind, Heading: heading, Intro: intro,
		Total: int64(total), About: store.EstimatedTotal(total), Articles: list, Pager: pg, More: more}
	if front {
		p.Lead, p.Secondary, p.Articles = frontLists(nil, list)
		p.PopularToday, p.Popular = lp.today, lp.week
	}
	return s.render(w, "list", http.StatusOK, p)
}

func (s *Site) notFound(w http.ResponseWriter, r *http.Request) error {
	return domain.NotFound("alamat %s tidak dikenal", domain.Truncate(r.URL.Path, 60))
}

// popular is /terpopuler: the stories read most this week (where the #HOT
// badge leads).
func (s *Site) popular(w http.ResponseWriter, r *http.Request) error {
	list, err := s.popularSince(r.Context(), s.now().Add(-7*24*time.Hour), listPageSize)
	if err != nil {
		return err
	}
	fr, err := s.frame(r.Context(), meta{Title: "Terpopuler — " + s.siteName(r.Context()),
		Description: "Berita yang paling banyak dibaca minggu ini di " + s.siteName(r.Context()) + ".", Canonical: "/terpopuler"}, "terpopuler")
	if err != nil {
		return err
	}
	return s.render(w, "list", http.StatusOK, listPage{frame: fr, Kind: "Pilihan pembaca", Heading: "Terpopuler",
		Intro: "Berita yang paling banyak dibaca dalam tujuh hari terakhir.", Total: int64(len(list)), Articles: list, Pager: pager{Base: "/terpopuler", Page: 1, Pages: 1}})
}
