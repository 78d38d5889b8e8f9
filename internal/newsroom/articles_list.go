package newsroom

// The article list (issue 14): filters by status, channel, byline author
// and title words that combine, and a pager whose links keep them.

import (
	"net/http"
	"net/url"
	"slices"
	"strconv"

	"warta/internal/auth"
	"warta/internal/domain"
	"warta/internal/editorial"
	"warta/internal/store"
	"warta/internal/web"
)

// articlesPerPage is the length of a page of the newsroom's article list.
const articlesPerPage = 30

type articlesPage struct {
	frame
	Filters  editorial.ListFilters
	Status   string
	Category int64
	Author   int64
	Query    string
	Filtered bool // any filter set: the page offers to clear them
	Articles []domain.Article
	Total    int
	Count    string // Total as readers read numbers: "1.234"
	Pager           // AtLeast: Total is a floor, longer lists are not counted (store.ExactCountLimit)
}

// listQuery is the article list's address with its filters and page.
func (pg *articlesPage) listQuery(page int) string {
	v := url.Values{}
	if pg.Status != "" {
		v.Set("status", pg.Status)
	}
	if pg.Category != 0 {
		v.Set("kanal", strconv.FormatInt(pg.Category, 10))
	}
	if pg.Author != 0 {
		v.Set("penulis", strconv.FormatInt(pg.Author, 10))
	}
	if pg.Query != "" {
		v.Set("q", pg.Query)
	}
	if page > 1 {
		v.Set("page", strconv.Itoa(page))
	}
	if len(v) == 0 {
		return "/redaksi/artikel"
	}
	return "/redaksi/artikel?" + v.Encode()
}

// idParam reads an optional numeric choice (0 when absent) that must be
// one of ids.
func idParam(r *http.Request, name, what string, ids []int64) (int64, error) {
	v := r.URL.Query().Get(name)
	if v == "" {
		return 0, nil
	}
	id, err := strconv.ParseInt(v, 10, 64)
	if err != nil || !slices.Contains(ids, id) {
		return 0, domain.Invalid("%s %q tidak dikenal: pilih dari daftar", what, domain.Truncate(v, 20))
	}
	return id, nil
}

func (u *UI) articles(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	ctx := r.Context()
	filters, err := u.ed.ArticleListFilters(ctx, &p.User)
	if err != nil {
		return err
	}
	q := r.URL.Query()
	pg := articlesPage{frame: u.frame(r, p, "Artikel", "artikel"), Filters: filters, Status: q.Get("status"), Query: q.Get("q")}
	catIDs := make([]int64, len(filters.Categories))
	for i, c := range filters.Categories {
		catIDs[i] = c.ID
	}
	authorIDs := make([]int64, len(filters.Authors))
	for i, a := range filters.Authors {
		authorIDs[i] = a.ID
	}
	if pg.Category, err = idParam(r, "kanal", "kanal", catIDs); err != nil {
		return err
	}
	if pg.Author, err = idParam(r, "penulis", "penulis", authorIDs); err != nil {
		return err
	}
	page, err := pageParam(r)
	if err != nil {
		return err
	}
	list, total, err := u.ed.List(ctx, &p.User, store.AdminFilter{Status: domain.Status(pg.Status), Query: pg.Query,
		CategoryID: pg.Category, AuthorID: pg.Author}, domain.Page{Number: page, Size: articlesPerPage})
	if err != nil {
		return err
	}
	if pg.Pager, err = newPager("artikel", page, articlesPerPage, total, len(list), store.EstimatedTotal(total), pg.listQuery); err != nil {
		return err
	}
	pg.Articles, pg.Total = list, total
	pg.Count = web.FormatNumber(int64(total))
	pg.Filtered = pg.Status != "" || pg.Category != 0 || pg.Author != 0 || pg.Query != ""
	u.render(w, "articles", http.StatusOK, pg)
	return nil
}

// fullPreview shows an unpublished article full page as readers will see
// it (Config.Preview); a published one is its own page on the site.
func (u *UI) fullPreview(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	id, err := pathID(r, "id", "artikel")
	if err != nil {
		return err
	}
	a, live, err := u.ed.PreviewArticle(r.Context(), &p.User, id)
	if err != nil {
		return err
	}
	if live {
		http.Redirect(w, r, domain.ArticlePath(a.Slug), http.StatusSeeOther)
		return nil
	}
	if u.cfg.Preview == nil {
		return domain.NotFound("pratinjau halaman penuh tidak tersedia di server ini")
	}
	return u.cfg.Preview(w, r, a)
}
