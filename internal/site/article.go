package site

import (
	"bytes"
	"html/template"
	"net/http"
	"strconv"
	"strings"
	"time"

	"warta/internal/domain"
	"warta/internal/media"
	"warta/internal/store"
	"warta/internal/web"
)

const commentsPerPage = 20

// repliesPerPage is how many replies of one thread a page shows when the
// reader follows "Lihat N balasan lainnya".
const repliesPerPage = 100

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
	Gallery bool          // the body has a photo gallery: the page loads its lightbox (galeri.js)
	Holes   articleHoles
	Share   shareBar  // share.go
	Preview bool      // a newsroom preview of an unpublished version (preview.go)
	Minutes int       // reading time of the body (reading.go)
	Live    *liveView // the live report and its updates (live.go); nil when none
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
	sk, a, fresh, err := s.articleSkeleton(r, r.PathValue("slug"))
	if err != nil {
		return err
	}
	rd := s.articleServed(w, r, a.ID)
	w.Header().Set(articleIDHeader, strconv.FormatInt(a.ID, 10))
	form := commentForm{Notice: noticeFor(r)}
	if id, err := strconv.ParseInt(r.URL.Query().Get("balas"), 10, 64); err == nil && id > 0 {
		form.ParentID = id
	}
	return s.fillArticle(w, r, rd, sk, a, fresh, http.StatusOK, form)
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
// article (and day) while no article changes, with the article it shows;
// fresh when this request read it (rendered the skeleton itself), so its
// counts are as new as a read of them now.
func (s *Site) articleSkeleton(r *http.Request, slug string) (sk *skeleton, a domain.Article, fresh bool, err error) {
	ctx := r.Context()
	sk, data, err := s.skels.get(ctx, "a:"+slug, func() ([]byte, any, time.Time, error) {
		v, err := s.store.ArticlePage(ctx, slug, relatedShown)
		if err != nil {
			return nil, nil, time.Time{}, err
		}
		fresh = true
		a := v.Article
		p, err := s.articlePageOf(r, v, false)
		if err != nil {
			return nil, nil, time.Time{}, err
		}
		p.Holes = articleHoles{Views: holeMark(holeViews), Likes: holeMark(holeLikes), Dislikes: holeMark(holeDislikes),
			PressedLike:    template.HTMLAttr(holeMark(holePressedLike)),
			PressedDislike: template.HTMLAttr(holeMark(holePressedDislike)),
			Comments:       holeMark(holeComments), Poll: holeMark(holePoll), Slot: holeMark(holeSlot)}
		b, err := s.renderBytes("article", "layout", p)
		// Kept to the end of the day at most, and never past the end of
		// breaking news it shows (its own label, the ticker).
		var until time.Time
		if a.BreakingAt(time.Now()) {
			until = a.BreakingUntil
		}
		return b, a, s.capExpiry(s.endOfDay(), until), err
	})
	if err != nil {
		return nil, domain.Article{}, false, err
	}
	return sk, data.(domain.Article), fresh, nil
}

// relatedShown is how many related articles an article's page lists.
const relatedShown = 5

// articlePageOf is an article's page without its holes (the skeleton's
// marks, or a preview's fill). A preview (preview.go) is not for search
// engines and counts no view. v.HasNotes and v.Live false: the article has
// no notes, no live report, and the page does not ask.
func (s *Site) articlePageOf(r *http.Request, v store.ArticleView, preview bool) (articlePage, error) {
	ctx := r.Context()
	a := v.Article
	f, err := s.frame(ctx, meta{Title: a.Title + " — " + s.siteName(ctx), Description: a.Excerpt,
		Canonical: domain.ArticlePath(a.Slug), NoIndex: preview}, a.Category.Slug)
	if err != nil {
		return articlePage{}, err
	}
	p := articlePage{frame: f, Article: a, Preview: preview, Related: v.Related,
		Updated: a.UpdatedAt.Sub(a.PublishedAt) > 60e9,
		Beacon:  !preview && s.engage.Config().ViewMode.Beacon(),
	}
	// BodyHTML was sanitised when it was saved (render package), with
	// "Baca juga" links to the first related articles in a long one
	// (bacajuga.go); the article ad slot goes after paragraph N (issue 14).
	p.Body = f.Look.Ads.withArticleAd(bodyWithReadAlso(a, p.Related))
	if p.Latest, err = s.latestExcept(ctx, a.ID, 6); err != nil {
		return p, err
	}
	if v.HasNotes {
		if p.Notes, err = s.store.Notes(ctx, a.ID); err != nil {
			return p, err
		}
	}
	p.Srcset = media.Srcset(a.Photo.URL, a.Photo.Width)
	p.Gallery = strings.Contains(a.BodyHTML, `<ul class="gallery"`)
	p.Share = newShareBar(f.Meta.Canonical, a.Title)
	p.Minutes = readingMinutes(a.BodyHTML)
	if v.Live {
		if p.Live, err = s.liveFor(ctx, a); err != nil {
			return p, err
		}
	}
	return p, nil
}

// renderArticle shows an article with live counts and this reader's own
// state (reaction, pending comments, poll vote). A refused comment comes back
// with what the reader typed and the reason.
func (s *Site) renderArticle(w http.ResponseWriter, r *http.Request, a domain.Article, status int, form commentForm) error {
	sk, a, fresh, err := s.articleSkeleton(r, a.Slug)
	if err != nil {
		return err
	}
	return s.fillArticle(w, r, s.readers.Visit(r), sk, a, fresh, status, form)
}

// fillArticle fills an article skeleton's holes for this request: the live
// counts (one query, plus views not yet written; none when the article was
// read for this request: fresh), the reader's reaction
// (only for a reader with a cookie), the comments, the poll and the slot.
// For a reader without their own state, the comments and the poll come
// rendered from the fragment cache. rd is the reader as the request came
// (Readers.Visit), before any cookie this response gives them.
func (s *Site) fillArticle(w http.ResponseWriter, r *http.Request, rd domain.Reader, sk *skeleton, a domain.Article, fresh bool, status int, form commentForm) error {
	ctx := r.Context()
	counts := domain.Counts{Views: a.Views, Likes: a.Likes, Dislikes: a.Dislikes, CommentCount: a.CommentCount}
	var err error
	if fresh {
		counts = s.engage.WithPending(a.ID, counts)
	} else if counts, err = s.engage.LiveCounts(ctx, a.ID); err != nil {
		return err
	}
	var fillers [holeMax][]byte
	fillers[holeViews] = []byte(web.FormatNumber(counts.Views))
	fillers[holeLikes] = []byte(web.FormatNumber(counts.Likes))
	fillers[holeDislikes] = []byte(web.FormatNumber(counts.Dislikes))
	own := false // the page shows this reader's own state
	switch s.engage.ReactionOf(ctx, rd, a.ID) {
	case domain.ReactionLike:
		fillers[holePressedLike], own = pressed, true
	case domain.ReactionDislike:
		fillers[holePressedDislike], own = pressed, true
	}
	comments, ownComments, err := s.commentsHTML(r, rd, a, counts.CommentCount, form)
	if err != nil {
		return err
	}
	fillers[holeComments] = comments
	poll, voted, err := s.pollHTML(r, rd, a.ID)
	if err != nil {
		return err
	}
	if own || ownComments || voted {
		markPerReader(w)
	}
	fillers[holePoll] = poll
	slot, err := s.articleSlot(ctx)
	if err != nil {
		return err
	}
	if slot != "" {
		fillers[holeSlot] = []byte(`<aside class="slot" aria-label="Iklan setelah artikel">` + string(slot) + "</aside>\n  ")
	}
	if len(poll) > 0 && r.Method == http.MethodGet { // for the page cache
		w.Header().Set(pollHeader, "1")
	}
	out := bufPool.Get().(*bytes.Buffer)
	out.Reset()
	sk.fill(out, &fillers, nil)
	writePage(w, status, out.Bytes())
	releaseBuf(out)
	return nil
}

var pressed = []byte(` aria-pressed="true"`)

// commentsHTML renders the comments section, and reports whether it shows
// the reader's own held comments. What a reader without a held comment on
// the article sees (when they typed nothing) is the same for everyone and
// is kept per article, page, order, thread and approved count until a comment on
// the article drops it.
func (s *Site) commentsHTML(r *http.Request, rd domain.Reader, a domain.Article, count int64, form commentForm) ([]byte, bool, error) {
	shared := form == (commentForm{})
	if shared && rd.Key != "" {
		pending, err := s.store.HasPendingComment(r.Context(), a.ID, rd.Key)
		if err != nil {
			return nil, false, err
		}
		shared = !pending
	}
	viewer := rd
	if shared { // the same for everyone: read as nobody in particular
		viewer = domain.Reader{}
	}
	own := false
	render := func() ([]byte, error) {
		cs := commentsSection{Count: count}
		var err error
		if count > 0 || !shared || r.URL.RawQuery != "" {
			if cs.Comments, err = s.comments(r, viewer, a, form); err != nil {
				return nil, err
			}
			own = cs.Comments.ownPending()
		} else { // nothing to read
			cs.Comments = commentsView{Form: form, Newest: true, Page: 1, Base: domain.ArticlePath(a.Slug)}
		}
		return s.renderBytes("article", "comments", cs)
	}
	if !shared {
		b, err := render()
		return b, own, err
	}
	q := r.URL.Query()
	// Every query parameter comments reads is part of the key.
	key := "c:" + strconv.FormatInt(a.ID, 10) + ":" + q.Get("kpage") + ":" + q.Get("urut") + ":" +
		q.Get("balasan") + ":" + q.Get("bpage") + ":" + strconv.FormatInt(count, 10)
	b, err := s.frags.rendered(r.Context(), key, a.ID, render)
	return b, false, err
}

func (s *Site) comments(r *http.Request, rd domain.Reader, a domain.Article, form commentForm) (commentsView, error) {
	q := r.URL.Query()
	v := commentsView{Form: form, Newest: q.Get("urut") != "terlama", Page: 1, Base: domain.ArticlePath(a.Slug)}
	if n, err := strconv.Atoi(q.Get("kpage")); err == nil && n > 1 && n < 100000 {
		v.Page = n
	}
	if id, err := strconv.ParseInt(q.Get("balasan"), 10, 64); err == nil && id > 0 {
		return s.commentReplies(r, a, v, rd.Key, id)
	}
	th, err := s.store.ArticleComments(r.Context(), a.ID, rd.Key, v.Newest, domain.Page{Number: v.Page, Size: commentsPerPage})
	if err != nil {
		return v, err
	}
	v.List, v.Total = th.Comments, th.Total
	v.Pages = (th.Total + commentsPerPage - 1) / commentsPerPage
	return v, nil
}

// commentReplies is the comments section showing one thread: the top-level
// comment and one page of all its replies (?balasan=ID&bpage=N).
func (s *Site) commentReplies(r *http.Request, a domain.Article, v commentsView, reader string, root int64) (commentsView, error) {
	v.Thread, v.Newest = root, false
	if n, err := strconv.Atoi(r.URL.Query().Get("bpage")); err == nil && n > 1 && n < 100000 {
		v.Page = n
	}
	c, replies, total, err := s.store.CommentReplies(r.Context(), a.ID, root, reader, domain.Page{Number: v.Page, Size: repliesPerPage})
	if err != nil {
		return v, err
	}
	c.Replies = replies
	v.List, v.Total = []domain.Comment{c}, 1
	v.Pages = (total + repliesPerPage - 1) / repliesPerPage
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
// It returns the reader as the request came (Readers.Visit, without the
// cookie just given), so the page need not verify the cookie again.
func (s *Site) articleServed(w http.ResponseWriter, r *http.Request, articleID int64) domain.Reader {
	visitor := s.readers.Visit(r)
	rd := visitor
	if s.engage.Config().ViewMode.Server() {
		rd.DayHash, rd.UserAgent = s.readers.DayHash(r), r.UserAgent()
		s.engage.ArticleServed(rd, articleID)
	}
	s.readers.Ensure(w, r, &rd)
	return visitor
}

// pollHTML renders the poll beside an article (nil for none), and reports
// whether it shows the reader's own vote. The form a reader who has not
// voted sees is the same for everyone and is kept until a vote drops it.
func (s *Site) pollHTML(r *http.Request, rd domain.Reader, articleID int64) ([]byte, bool, error) {
	p, err := s.pollFor(r.Context(), articleID)
	if err != nil || p == nil {
		return nil, false, err
	}
	render := func(v *pollView) ([]byte, error) { return s.renderBytes("article", "poll", v) }
	if s.engage.VotedOption(r.Context(), rd, p.ID) != 0 {
		b, err := render(s.pollViewFor(r, rd, *p, r.URL.Path))
		return b, true, err
	}
	key := "p:" + strconv.FormatInt(p.ID, 10) + ":" + r.URL.Path
	b, err := s.frags.rendered(r.Context(), key, 0, func() ([]byte, error) { return render(s.pollView(*p, r.URL.Path, false)) })
	return b, false, err
}
