package site

// "Muat lebih banyak" (issue 14): under the home page's latest news and
// the channel, tag and author lists, a plain link to what comes next (the
// list's next page, or /terkini after the last story the home page shows),
// so it works without JavaScript. With JavaScript, warta.js fetches the
// same address with ?bagian=daftar, which answers only the next cards, the
// next link and the pager (fragment below), appends the cards in place and
// moves the focus to the first of them.

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"warta/internal/domain"
	"warta/internal/store"
)

// fragmentParam asks a list for its next cards only.
const (
	fragmentParam = "bagian"
	fragmentValue = "daftar"
)

// moreLink is a list's "Muat lebih banyak": Href the page readers (and
// readers without JavaScript) go to, Src the fragment warta.js fetches.
// Keep: the address bar keeps the page's own address (the home page);
// otherwise it takes Href, so a shared or reloaded address shows where the
// reader got to.
type moreLink struct {
	Href string
	Src  string
	Keep bool
}

func newMoreLink(href string, keep bool) *moreLink {
	return &moreLink{Href: href, Src: withParam(href, fragmentParam, fragmentValue), Keep: keep}
}

// withParam adds k=v to a site-relative address.
func withParam(u, k, v string) string {
	if strings.Contains(u, "?") {
		return u + "&" + k + "=" + v
	}
	return u + "?" + k + "=" + v
}

// listFragment is what ?bagian=daftar answers.
type listFragment struct {
	Articles []domain.Article
	More     *moreLink
	Pager    pager
}

// wantsFragment reports whether the request asks for the fragment; any
// other value of the parameter is a 400.
func wantsFragment(r *http.Request) (bool, error) {
	switch v := r.URL.Query().Get(fragmentParam); v {
	case "":
		return false, nil
	case fragmentValue:
		return true, nil
	default:
		return false, domain.Invalid("parameter bagian %q tidak dikenal: gunakan %s", domain.Truncate(v, 20), fragmentValue)
	}
}

// renderFragment writes a list's next cards: no layout, not for search
// engines.
func (s *Site) renderFragment(w http.ResponseWriter, f listFragment) error {
	var buf bytes.Buffer
	if err := s.tpl("more").ExecuteTemplate(&buf, "fragment", f); err != nil {
		return fmt.Errorf("render fragment: %w", err)
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Content-Length", strconv.Itoa(buf.Len()))
	h.Set("X-Robots-Tag", "noindex")
	if h.Get("Cache-Control") == "" {
		h.Set("Cache-Control", "no-cache")
	}
	w.WriteHeader(http.StatusOK)
	_, err := w.Write(buf.Bytes())
	if err != nil {
		s.log.Debug("write fragment", "err", err)
	}
	return nil
}

// terkini is /terkini: all the latest news, paged (?page=N), or continued
// after one story (?sebelum=ID, where the home page's "Muat lebih banyak"
// leads: the stories older than the last one it shows).
func (s *Site) terkini(w http.ResponseWriter, r *http.Request) error {
	v := r.URL.Query().Get("sebelum")
	if v == "" {
		return s.list(w, r, "n:", func(context.Context) (listSpec, error) {
			return listSpec{domain.ArticleFilter{}, "/terkini", "Terkini", "Berita Terkini", "Semua berita, dari yang terbaru.", ""}, nil
		})
	}
	frag, err := wantsFragment(r)
	if err != nil {
		return err
	}
	id, err := strconv.ParseInt(v, 10, 64)
	if err != nil || id < 1 {
		return domain.Invalid("parameter sebelum %q tidak valid: gunakan nomor berita", domain.Truncate(v, 20))
	}
	if r.URL.Query().Get("page") != "" {
		return domain.Invalid("parameter sebelum dan page tidak bisa dipakai bersama")
	}
	after, err := s.store.ArticleByID(r.Context(), id)
	if err != nil {
		return err
	}
	list, _, err := s.store.QueryArticles(r.Context(), store.ArticleQuery{After: store.CursorAfter(after), NoTotal: true,
		Page: domain.Page{Number: 1, Size: listPageSize + 1}})
	if err != nil {
		return err
	}
	var more *moreLink
	if len(list) > listPageSize {
		list = list[:listPageSize]
		more = newMoreLink("/terkini?sebelum="+strconv.FormatInt(list[len(list)-1].ID, 10), false)
	}
	if frag {
		return s.renderFragment(w, listFragment{Articles: list, More: more})
	}
	fr, err := s.frame(r.Context(), meta{Title: "Berita Terkini sebelum " + domain.Truncate(after.Title, 60) + " — " + s.siteName(r.Context()),
		Description: "Berita terkini di " + s.siteName(r.Context()) + ".", Canonical: "/terkini", NoIndex: true}, "")
	if err != nil {
		return err
	}
	return s.render(w, "list", http.StatusOK, listPage{frame: fr, Kind: "Terkini", Heading: "Berita Terkini",
		Intro: "Berita yang terbit sebelum “" + after.Title + "”.", Total: -1, Articles: list, More: more})
}
