package newsroom

import (
	"net/http"
	"strconv"

	"warta/internal/domain"
)

// maxPage is the highest page number a newsroom list accepts.
const maxPage = 100000

// pageParam reads a list's ?page= (1 when absent); anything but a number
// from 1 to maxPage is a 400 that says so.
func pageParam(r *http.Request) (int, error) {
	v := r.URL.Query().Get("page")
	if v == "" {
		return 1, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 || n > maxPage {
		return 0, domain.Invalid("halaman %q tidak valid: gunakan angka 1 atau lebih", domain.Truncate(v, 20))
	}
	return n, nil
}

// Pager is the page links under a newsroom list (the "pager" template in
// layout.html).
type Pager struct {
	Label   string // the nav's aria-label: "Halaman daftar artikel"
	Page    int
	Pages   int
	AtLeast bool // the total is a floor (store.EstimatedTotal): the last page is not known
	First   string
	Prev    string
	Next    string
	Last    string
}

// newPager links page page of a list of total entries, size a page, listed
// this page (link is a page's address); what names the list ("artikel")
// in the label and in the 404 for a page past the end.
func newPager(what string, page, size, total, listed int, atLeast bool, link func(int) string) (Pager, error) {
	p := Pager{Label: "Halaman daftar " + what, Page: page, Pages: (total + size - 1) / size, AtLeast: atLeast}
	if p.Page > 1 && p.Page > p.Pages && !atLeast {
		return p, domain.NotFound("halaman %d daftar %s tidak ada", page, what)
	}
	if page > 1 {
		p.First, p.Prev = link(1), link(page-1)
	}
	switch {
	case atLeast && listed == size: // past the counted total the last page is not known
		p.Next = link(page + 1)
	case !atLeast && page < p.Pages:
		p.Next, p.Last = link(page+1), link(p.Pages)
	}
	return p, nil
}
