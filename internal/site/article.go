package site

import (
	"bytes"
	"html/template"
	"net/http"
	"strconv"
	"time"

	"warta/internal/domain"
	"warta/internal/media"
	"warta/internal/web"
)

const commentsPerPage = 20

type articlePage struct {
	frame
	Article domain.Article
	Body    template.HTML
	Updated bool
	Beacon  bool // the page reports its view (engage.ViewMode)
	Related []domain.Article
	Latest  []domain.Article
	Notes   []domain.Note // corrections ("Ralat") and update notes, oldest first
	Srcset  string        // the lead photo's widths, for uploads (media package)
	Holes   articleHoles
}

// articleHoles are the parts of an article page filled per request (see
// skeleton): in the skeleton each holds its hole's mark.
type articleHoles struct {
	Views, Likes, Dislikes, Comments, Poll, Slot template.HTML
	PressedLike, PressedDislike                  template.HTMLAttr
}

// commentsSection is the comments' heading, list and form.
type commentsSection struct {
	Count    int64
	Comments commentsView
}

func (s *Site) article(w http.ResponseWriter, r *http.Request) error {
	sk, a, err := s.articleSkeleton(r, r.PathValue("slug"))
	if err != nil {
		return err
	}
	s.engage.ArticleServed(w, r, a.ID)
	w.Header().Set(articleIDHeader, strconv.FormatInt(a.ID, 10))
	form := commentForm{Notice: noticeFor(r)}
	if id, err := strconv.ParseInt(r.URL.Query().Get("balas"), 10, 64); err == nil && id > 0 {
		form.ParentID = id
	}
	return s.fillArticle(w, r, sk, a, http.StatusOK, form)
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

// articleSkeleton returns the article's page with holes, rendered once per
// article (and day) while no article changes, with the article it shows.
func (s *Site) articleSkeleton(r *http.Request, slug string) (*skeleton, domain.Article, error) {
	ctx := r.Context()
	sk, data, err := s.skels.get("a:"+slug, func() ([]byte, any, time.Time, error) {
		a, err := s.store.ArticleBySlug(ctx, slug)
		if err != nil {
			return nil, nil, time.Time{}, err
		}
		f, err := s.frame(ctx, meta{Title: a.Title + " — " + s.cfg.Name, Description: a.Excerpt,
			Canonical: "/berita/" + a.Slug}, a.Category.Slug)
		if err != nil {
			return nil, nil, time.Time{}, err
		}
		p := articlePage{frame: f, Article: a,
			// BodyHTML was sanitised when it was saved (render package).
			Body:    template.HTML(a.BodyHTML),
			Updated: a.UpdatedAt.Sub(a.PublishedAt) > 60e9,
			Beacon:  s.engage.Config().ViewMode.Beacon(),
			Holes: articleHoles{Views: holeMark(holeViews), Likes: holeMark(holeLikes), Dislikes: holeMark(holeDislikes),
				PressedLike:    template.HTMLAttr(holeMark(holePressedLike)),
				PressedDislike: template.HTMLAttr(holeMark(holePressedDislike)),
				Comments:       holeMark(holeComments), Poll: holeMark(holePoll), Slot: holeMark(holeSlot)},
		}
		if p.Related, err = s.relatedTo(ctx, a, 5); err != nil {
			return nil, nil, time.Time{}, err
		}
		if p.Latest, err = s.latestExcept(ctx, a.ID, 6); err != nil {
			return nil, nil, time.Time{}, err
		}
		if p.Notes, err = s.store.Notes(ctx, a.ID); err != nil {
			return nil, nil, time.Time{}, err
		}
		p.Srcset = media.Srcset(a.Photo.URL, a.Photo.Width)
		b, err := s.renderBytes("article", "layout", p)
		return b, a, s.endOfDay(), err
	})
	if err != nil {
		return nil, domain.Article{}, err
	}
	return sk, data.(domain.Article), nil
}

// renderArticle shows an article with live counts and this reader's own
// state (reaction, pending comments, poll vote). A refused comment comes back
// with what the reader typed and the reason.
func (s *Site) renderArticle(w http.ResponseWriter, r *http.Request, a domain.Article, status int, form commentForm) error {
	sk, a, err := s.articleSkeleton(r, a.Slug)
	if err != nil {
		return err
	}
	return s.fillArticle(w, r, sk, a, status, form)
}

// fillArticle fills an article skeleton's holes for this request: the live
// counts (one query, plus views not yet written), the reader's reaction
// (only for a reader with a cookie), the comments, the poll and the slot.
// For a reader without their own state, the comments and the poll come
// rendered from the fragment cache.
func (s *Site) fillArticle(w http.ResponseWriter, r *http.Request, sk *skeleton, a domain.Article, status int, form commentForm) error {
	ctx := r.Context()
	counts, err := s.engage.LiveCounts(ctx, a.ID)
	if err != nil {
		return err
	}
	reader := s.engage.Readers.Visitor(r).Key
	var fillers [holeMax][]byte
	fillers[holeViews] = []byte(web.FormatNumber(counts.Views))
	fillers[holeLikes] = []byte(web.FormatNumber(counts.Likes))
	fillers[holeDislikes] = []byte(web.FormatNumber(counts.Dislikes))
	if reader != "" {
		switch s.engage.ReactionOf(ctx, r, a.ID) {
		case "like":
			fillers[holePressedLike] = pressed
		case "dislike":
			fillers[holePressedDislike] = pressed
		}
	}
	if fillers[holeComments], err = s.commentsHTML(r, a, counts.CommentCount, reader, form); err != nil {
		return err
	}
	poll, err := s.pollHTML(r, a.ID)
	if err != nil {
		return err
	}
	fillers[holePoll] = poll
	slot, err := s.articleSlot(ctx)
	if err != nil {
		return err
	}
	if slot != "" {
		fillers[holeSlot] = []byte(`<aside class="slot" aria-label="Iklan">` + string(slot) + "</aside>\n  ")
	}
	if len(poll) > 0 && r.Method == http.MethodGet { // for the page cache
		w.Header().Set(pollHeader, "1")
	}
	out := bufPool.Get().(*bytes.Buffer)
	out.Reset()
	sk.fill(out, &fillers)
	writePage(w, status, out.Bytes())
	releaseBuf(out)
	return nil
}

var pressed = []byte(` aria-pressed="true"`)

// commentsHTML renders the comments section. What a reader without their
// own state sees (no held comment, nothing typed) is the same for everyone
// and is kept per article, page, order and approved count until a comment
// on the article drops it.
func (s *Site) commentsHTML(r *http.Request, a domain.Article, count int64, reader string, form commentForm) ([]byte, error) {
	render := func() ([]byte, error) {
		cs := commentsSection{Count: count}
		var err error
		if count > 0 || reader != "" || r.URL.RawQuery != "" {
			if cs.Comments, err = s.comments(r, a, form); err != nil {
				return nil, err
			}
		} else { // nothing to read
			cs.Comments = commentsView{Form: form, Newest: true, Page: 1, Base: "/berita/" + a.Slug}
		}
		return s.renderBytes("article", "comments", cs)
	}
	if reader != "" || form != (commentForm{}) {
		return render()
	}
	q := r.URL.Query()
	key := "c:" + strconv.FormatInt(a.ID, 10) + ":" + q.Get("kpage") + ":" + q.Get("urut") + ":" + strconv.FormatInt(count, 10)
	return s.frags.rendered(key, a.ID, render)
}

func (s *Site) comments(r *http.Request, a domain.Article, form commentForm) (commentsView, error) {
	q := r.URL.Query()
	v := commentsView{Form: form, Newest: q.Get("urut") != "terlama", Page: 1, Base: "/berita/" + a.Slug}
	if n, err := strconv.Atoi(q.Get("kpage")); err == nil && n > 1 && n < 100000 {
		v.Page = n
	}
	reader := s.engage.Readers.Visitor(r).Key
	th, err := s.store.ArticleComments(r.Context(), a.ID, reader, v.Newest, domain.Page{Number: v.Page, Size: commentsPerPage})
	if err != nil {
		return v, err
	}
	v.List, v.Total = th.Comments, th.Total
	v.Pages = (th.Total + commentsPerPage - 1) / commentsPerPage
	return v, nil
}

// pollHTML renders the poll beside an article ("" for none). The form a
// reader who has not voted sees is the same for everyone and is kept until
// a vote drops it.
func (s *Site) pollHTML(r *http.Request, articleID int64) ([]byte, error) {
	p, err := s.pollFor(r.Context(), articleID)
	if err != nil || p == nil {
		return nil, err
	}
	render := func(v *pollView) ([]byte, error) { return s.renderBytes("article", "poll", v) }
	if s.engage.VotedOption(r.Context(), r, p.ID) != 0 {
		return render(s.pollViewFor(r, *p, r.URL.Path))
	}
	key := "p:" + strconv.FormatInt(p.ID, 10) + ":" + r.URL.Path
	return s.frags.rendered(key, 0, func() ([]byte, error) { return render(s.pollView(*p, r.URL.Path, false)) })
}
