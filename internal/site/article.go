package site

import (
	"html/template"
	"net/http"
	"strconv"

	"warta/internal/domain"
	"warta/internal/media"
)

const commentsPerPage = 20

type articlePage struct {
	frame
	Article    domain.Article
	Body       template.HTML
	Updated    bool
	MyReaction string
	Beacon     bool
	Comments   commentsView
	Related    []domain.Article
	Latest     []domain.Article
	Poll       *pollView
	Notes      []domain.Note // corrections ("Ralat") and update notes, oldest first
	Srcset     string        // the lead photo's widths, for uploads (media package)
	Slot       template.HTML // the site's ad or embed slot after the body, sanitised ("" for none)
}

func (s *Site) article(w http.ResponseWriter, r *http.Request) error {
	a, err := s.store.ArticleBySlug(r.Context(), r.PathValue("slug"))
	if err != nil {
		return err
	}
	s.articleServed(w, r, a.ID)
	w.Header().Set(articleIDHeader, strconv.FormatInt(a.ID, 10))
	form := commentForm{Notice: noticeFor(r)}
	if id, err := strconv.ParseInt(r.URL.Query().Get("balas"), 10, 64); err == nil && id > 0 {
		form.ParentID = id
	}
	return s.renderArticle(w, r, a, http.StatusOK, form)
}

// noticeFor turns the result of a no-JavaScript form post into a message.
func noticeFor(r *http.Request) string {
	switch r.URL.Query().Get("komentar") {
	case "terbit":
		return "Terima kasih, komentar Anda sudah tampil."
	case "moderasi":
		return "Terima kasih, komentar Anda menunggu moderasi dan akan tampil setelah disetujui."
	}
	return ""
}

// renderArticle shows an article with live counts and this reader's own
// state (reaction, pending comments, poll vote). A refused comment comes back
// with what the reader typed and the reason.
func (s *Site) renderArticle(w http.ResponseWriter, r *http.Request, a domain.Article, status int, form commentForm) error {
	ctx := r.Context()
	rd := s.readers.Visit(r)
	f, err := s.frame(ctx, meta{Title: a.Title + " — " + s.cfg.Name, Description: a.Excerpt,
		Canonical: "/berita/" + a.Slug}, a.Category.Slug)
	if err != nil {
		return err
	}
	p := articlePage{frame: f, Article: a,
		// BodyHTML was sanitised when it was saved (render package).
		Body:       template.HTML(a.BodyHTML),
		Updated:    a.UpdatedAt.Sub(a.PublishedAt) > 60e9,
		MyReaction: s.engage.ReactionOf(ctx, rd, a.ID),
		Beacon:     s.engage.Config().ViewMode.Beacon(),
	}
	p.Article.Views += s.engage.Views.Pending(a.ID)
	if p.Comments, err = s.comments(r, rd, a, form); err != nil {
		return err
	}
	if p.Related, err = s.relatedTo(ctx, a, 5); err != nil {
		return err
	}
	if p.Latest, err = s.latestExcept(ctx, a.ID, 6); err != nil {
		return err
	}
	if p.Poll, err = s.openPoll(r, rd, a.ID); err != nil {
		return err
	}
	if p.Notes, err = s.store.Notes(ctx, a.ID); err != nil {
		return err
	}
	if p.Slot, err = s.articleSlot(ctx); err != nil {
		return err
	}
	p.Srcset = media.Srcset(a.Photo.URL, a.Photo.Width)
	if p.MyReaction != "" || p.Poll.voted() || p.Comments.ownPending() {
		markPerReader(w)
	}
	if p.Poll != nil && r.Method == http.MethodGet { // for the page cache
		w.Header().Set(pollHeader, "1")
	}
	return s.render(w, "article", status, p)
}

func (s *Site) comments(r *http.Request, rd domain.Reader, a domain.Article, form commentForm) (commentsView, error) {
	q := r.URL.Query()
	v := commentsView{Form: form, Newest: q.Get("urut") != "terlama", Page: 1, Base: "/berita/" + a.Slug}
	if n, err := strconv.Atoi(q.Get("kpage")); err == nil && n > 1 && n < 100000 {
		v.Page = n
	}
	th, err := s.store.ArticleComments(r.Context(), a.ID, rd.Key, v.Newest, domain.Page{Number: v.Page, Size: commentsPerPage})
	if err != nil {
		return v, err
	}
	v.List, v.Total = th.Comments, th.Total
	v.Pages = (th.Total + commentsPerPage - 1) / commentsPerPage
	return v, nil
}

// ownPending reports whether the comments shown include the reader's own
// held ones (only their author sees those).
func (v commentsView) ownPending() bool {
	var walk func([]domain.Comment) bool
	walk = func(list []domain.Comment) bool {
		for _, c := range list {
			if c.Status == domain.CommentPending || walk(c.Replies) {
				return true
			}
		}
		return false
	}
	return walk(v.List)
}

// articleServed is what serving an article page does for its reader: the
// view counts (when the server counts views), and a browser without a
// reader cookie gets its own, which the comment form's defences rely on.
func (s *Site) articleServed(w http.ResponseWriter, r *http.Request, articleID int64) {
	rd := s.readers.Visit(r)
	if s.engage.Config().ViewMode.Server() {
		rd.DayHash, rd.UserAgent = s.readers.DayHash(r), r.UserAgent()
		s.engage.ArticleServed(rd, articleID)
	}
	s.readers.Ensure(w, r, &rd)
}
