package site

// A newsroom preview (issue 14): an unpublished article (a draft, one in
// review or scheduled) shown full page as readers will see it once it is
// published. The newsroom calls Preview after internal/editorial decided
// the account may open that article; the page is never cached (no-store,
// not through the page cache), not for search engines (noindex), counts no
// view and shows no comments or poll.

import (
	"bytes"
	"html/template"
	"net/http"

	"warta/internal/domain"
	"warta/internal/store"
	"warta/internal/web"
)

// Preview writes a's page as readers will see it. A publish time not yet
// set shows as now.
func (s *Site) Preview(w http.ResponseWriter, r *http.Request, a domain.Article) error {
	if a.PublishedAt.IsZero() {
		a.PublishedAt = s.now()
	}
	if a.UpdatedAt.Before(a.PublishedAt) {
		a.UpdatedAt = a.PublishedAt
	}
	related, err := s.relatedTo(r.Context(), a, relatedShown)
	if err != nil {
		return err
	}
	p, err := s.articlePageOf(r, store.ArticleView{Article: a, Related: related, HasNotes: true, Live: true}, true)
	if err != nil {
		return err
	}
	p.Holes = articleHoles{Views: template.HTML(web.FormatNumber(a.Views)), Likes: template.HTML(web.FormatNumber(a.Likes)),
		Dislikes: template.HTML(web.FormatNumber(a.Dislikes)),
		Comments: `<section class="comments" id="komentar" aria-labelledby="komentar-judul"><h2 id="komentar-judul" class="section-title">Komentar</h2>` +
			`<p class="empty">Pratinjau: komentar pembaca tampil di sini setelah berita terbit.</p></section>`}
	var buf bytes.Buffer
	if err := s.tpl("article").ExecuteTemplate(&buf, "layout", p); err != nil {
		return err
	}
	h := w.Header()
	h.Set("Cache-Control", "no-store")
	h.Set("X-Robots-Tag", "noindex, nofollow")
	writePage(w, http.StatusOK, buf.Bytes())
	return nil
}
