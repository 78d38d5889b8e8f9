package site

import (
	"context"
	"net/http"

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
	// come out of Articles, and Terpopuler (a hole) stands beside them.
	Lead      *domain.Article
	Secondary []domain.Article
	Holes     listHoles
}

func (s *Site) category(w http.ResponseWriter, r *http.Request) error {
	slug := r.PathValue("slug")
	return s.list(w, r, "k:"+slug, func(ctx context.Context) (listSpec, error) {
		c, err := s.store.CategoryBySlug(ctx, slug)
		return listSpec{domain.ArticleFilter{CategorySlug: c.Slug}, "/kanal/" + c.Slug, "Kanal", c.Name, c.Description, c.Slug}, err
	})
}

func (s *Site) tag(w http.ResponseWriter, r *http.Request) error {
	slug := r.PathValue("slug")
	if slug == domain.HotTagSlug {
		http.Redirect(w, r, "/terpopuler", http.StatusMovedPermanently)
		return nil
	}
	return s.list(w, r, "t:"+slug, func(ctx context.Context) (listSpec, error) {
		t, err := s.store.TagBySlug(ctx, slug)
		return listSpec{domain.ArticleFilter{TagSlug: t.Slug}, "/tag/" + t.Slug, "Topik", "#" + t.Name, "", ""}, err
	})
}

func (s *Site) author(w http.ResponseWriter, r *http.Request) error {
	slug := r.PathValue("slug")
	return s.list(w, r, "p:"+slug, func(ctx context.Context) (listSpec, error) {
		a, err := s.store.AuthorBySlug(ctx, slug)
		return listSpec{domain.ArticleFilter{AuthorSlug: a.Slug}, "/penulis/" + a.Slug, "Penulis", a.Name, a.Bio, ""}, err
	})
}

// listSpec is what a list page shows: the filter, its address, the kind
// of list, heading and intro, and the navigation entry it lights up.
type listSpec struct {
	f                                  domain.ArticleFilter
	base, kind, heading, intro, active string
}

// listResult is one page of a list of articles and the total.
type listResult struct {
	list  []domain.Article
	total int
}

// list is a category, tag or author page. The page itself comes from its
// skeleton (listskel.go), keyed by key and page number: spec (which looks
// up what the page lists) and the list are read once per article write;
// "Muat lebih banyak" (?bagian) renders its cards each time.
func (s *Site) list(w http.ResponseWriter, r *http.Request, key string, spec func(context.Context) (listSpec, error)) error {
	ctx := r.Context()
	page, err := pageParam(r)
	if err != nil {
		if _, serr := spec(ctx); serr != nil { // an unknown list is a 404 first
			return serr
		}
		return err
	}
	frag, err := wantsFragment(r)
	if err != nil {
		return err
	}
	if frag {
		return s.listFragment(w, r, page, spec)
	}
	key += ":" + itoa(page)
	sk, d, err := s.listSkeleton(ctx, key, func() (string, any, [][]domain.Article, error) {
		sp, err := spec(ctx)
		if err != nil {
			return "", nil, nil, err
		}
		list, total, err := s.store.ListArticles(ctx, sp.f, domain.Page{Number: page, Size: listPageSize})
		if err != nil {
			return "", nil, nil, err
		}
		pages := (total + listPageSize - 1) / listPageSize
		if page > 1 && page > pages {
			return "", nil, nil, domain.NotFound("halaman %d tidak ada", page)
		}
		var more *moreLink
		if page < pages {
			more = newMoreLink(pageURL(sp.base, page+1), false)
		}
		title := sp.heading + " — " + s.siteName(ctx)
		canonical := sp.base
		if page > 1 {
			title = sp.heading + " (halaman " + itoa(page) + ") — " + s.siteName(ctx)
			canonical = sp.base + "?page=" + itoa(page)
		}
		fr, err := s.frame(ctx, meta{Title: title, Description: sp.kind + " " + sp.heading + " di " + s.siteName(ctx) + ".", Canonical: canonical}, sp.active)
		if err != nil {
			return "", nil, nil, err
		}
		list = holed(list)
		p := listPage{frame: fr, Kind: sp.kind, Heading: sp.heading, Intro: sp.intro, Total: int64(total),
			About: store.EstimatedTotal(total), Articles: list, Pager: pager{Base: sp.base, Page: page, Pages: pages}, More: more}
		if sp.f.CategorySlug != "" && page == 1 { // a channel's front: Terpopuler beside it
			p.Lead, p.Secondary, p.Articles = frontLists(nil, list)
			p.Holes = listSkeletonHoles
		}
		return "list", p, [][]domain.Article{list}, nil
	})
	if err != nil {
		return err
	}
	return s.fillList(w, r, key, sk, d, false)
}

// listFragment is a list's next cards for "Muat lebih banyak" (more.go).
// The list carries view counts (see countsTTL).
func (s *Site) listFragment(w http.ResponseWriter, r *http.Request, page int, spec func(context.Context) (listSpec, error)) error {
	sp, err := spec(r.Context())
	if err != nil {
		return err
	}
	key := sp.f.CategorySlug + "\x00" + sp.f.TagSlug + "\x00" + sp.f.AuthorSlug + "\x00" + itoa(page)
	lp, err := fetch(r.Context(), s.frags, &s.frags.pages, &s.frags.gen, key, s.countsTTL(), func() (listResult, error) {
		list, total, err := s.store.ListArticles(r.Context(), sp.f, domain.Page{Number: page, Size: listPageSize})
		return listResult{list: list, total: total}, err
	})
	if err != nil {
		return err
	}
	pages := (lp.total + listPageSize - 1) / listPageSize
	if page > 1 && page > pages {
		return domain.NotFound("halaman %d tidak ada", page)
	}
	var more *moreLink
	if page < pages {
		more = newMoreLink(pageURL(sp.base, page+1), false)
	}
	return s.renderFragment(w, listFragment{Articles: lp.list, More: more, Pager: pager{Base: sp.base, Page: page, Pages: pages}})
}

func (s *Site) notFound(w http.ResponseWriter, r *http.Request) error {
	return domain.NotFound("alamat %s tidak dikenal", domain.Truncate(r.URL.Path, 60))
}

// popular is /terpopuler: the stories read most this week (where the #HOT
// badge leads).
func (s *Site) popular(w http.ResponseWriter, r *http.Request) error {
	list, err := s.store.MostRead(r.Context(), s.MostReadWindows(s.now())[1], listPageSize, false)
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
