package site

import (
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"warta/internal/domain"
	"warta/internal/engage"
	"warta/internal/web"
)

// wantsJSON reports whether the page's script sent the form and wants a JSON
// answer instead of a redirect.
func wantsJSON(r *http.Request) bool {
	return strings.Contains(r.Header.Get("Accept"), "application/json")
}

// formError answers a refused form: JSON for the script, else the error.
func (s *Site) formError(w http.ResponseWriter, r *http.Request, err error) error {
	if wantsJSON(r) {
		status := web.JSONError(w, err)
		web.LogError(s.log, r, status, err)
		return nil
	}
	return err
}

func parseForm(w http.ResponseWriter, r *http.Request) error {
	r.Body = http.MaxBytesReader(w, r.Body, 64<<10)
	if err := r.ParseForm(); err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return &domain.Error{Code: domain.ETooLarge, Message: "isi formulir terlalu besar"}
		}
		return domain.Invalid("formulir tidak dapat dibaca")
	}
	return nil
}

// react handles the like/dislike buttons. Pressing the reaction the reader
// already gave takes it back.
func (s *Site) react(w http.ResponseWriter, r *http.Request) error {
	a, err := s.store.ArticleBySlug(r.Context(), r.PathValue("slug"))
	if err != nil {
		return s.formError(w, r, err)
	}
	if err := parseForm(w, r); err != nil {
		return s.formError(w, r, err)
	}
	rd := s.reader(w, r)
	kind := r.PostFormValue("reaction")
	if kind != "" && kind != domain.ReactionNone && s.engage.ReactionOf(r.Context(), rd, a.ID) == kind {
		kind = domain.ReactionNone
	}
	c, err := s.engage.React(r.Context(), rd, a.ID, kind)
	if err != nil {
		return s.formError(w, r, err)
	}
	s.readers.Active(w, r)
	if wantsJSON(r) {
		mine := kind
		if mine == domain.ReactionNone {
			mine = ""
		}
		web.JSON(w, http.StatusOK, web.Envelope{Data: map[string]any{"likes": c.Likes, "dislikes": c.Dislikes, "reaction": mine}})
		return nil
	}
	http.Redirect(w, r, domain.ArticlePath(a.Slug)+"#reaksi", http.StatusSeeOther)
	return nil
}

// comment handles the comment form. A refused comment re-renders the
// article with what the reader typed and the reason.
func (s *Site) comment(w http.ResponseWriter, r *http.Request) error {
	a, err := s.store.ArticleBySlug(r.Context(), r.PathValue("slug"))
	if err != nil {
		return s.formError(w, r, err)
	}
	if err := parseForm(w, r); err != nil {
		return s.formError(w, r, err)
	}
	form := commentForm{Name: r.PostFormValue("name"), Email: r.PostFormValue("email"), Text: r.PostFormValue("text")}
	if v := r.PostFormValue("parent_id"); v != "" {
		form.ParentID, _ = strconv.ParseInt(v, 10, 64)
	}
	rd := s.reader(w, r)
	c, err := s.engage.Comment(r.Context(), rd, engageInput(a.ID, form, r.PostFormValue("website")))
	if err == nil {
		s.readers.Active(w, r)
	} else {
		if wantsJSON(r) {
			return s.formError(w, r, err)
		}
		status := web.StatusOf(err)
		if status >= 500 {
			return err
		}
		web.SetRetryAfter(w, err)
		form.Error = "Komentar belum terkirim: " + domain.ErrorMessage(err) + "."
		return s.renderArticle(w, r, a, status, form)
	}
	if wantsJSON(r) {
		status := http.StatusCreated
		if c.Status != domain.CommentApproved {
			status = http.StatusAccepted
		}
		web.JSON(w, status, web.Envelope{Data: map[string]any{"id": c.ID, "status": c.Status,
			"html": string(commentHTML(c.Body)), "name": c.Name, "parent_id": c.ParentID}})
		return nil
	}
	result := "terbit"
	if c.Status != domain.CommentApproved {
		result = "moderasi"
	}
	http.Redirect(w, r, domain.ArticlePath(a.Slug)+"?komentar="+result+"#komentar-"+strconv.FormatInt(c.ID, 10), http.StatusSeeOther)
	return nil
}

// vote handles the poll form.
func (s *Site) vote(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id", "polling")
	if err != nil {
		return s.formError(w, r, err)
	}
	if err := parseForm(w, r); err != nil {
		return s.formError(w, r, err)
	}
	opt, _ := strconv.ParseInt(r.PostFormValue("option_id"), 10, 64)
	rd := s.reader(w, r)
	verr := s.engage.Vote(r.Context(), rd, id, opt)
	code := domain.ErrorCode(verr)
	if verr != nil && code != domain.EConflict && (code != domain.ECookieRequired || wantsJSON(r)) {
		return s.formError(w, r, verr)
	}
	p, err := s.store.Poll(r.Context(), id)
	if err != nil {
		return s.formError(w, r, err)
	}
	if verr == nil {
		s.readers.Active(w, r)
	}
	if wantsJSON(r) {
		if verr != nil {
			return s.formError(w, r, verr)
		}
		v := s.pollView(p, "", true)
		v.Voted = true
		for i := range v.Options {
			v.Options[i].Mine = v.Options[i].ID == opt
		}
		web.JSON(w, http.StatusOK, web.Envelope{Data: v})
		return nil
	}
	if code == domain.ECookieRequired {
		// The browser had no reader cookie; it has one now. The form comes
		// back, and sending it again counts.
		f, err := s.frame(r.Context(), meta{Title: "Polling — " + s.siteName(r.Context()), NoIndex: true}, "")
		if err != nil {
			return err
		}
		v := s.pollView(p, safeBack(r.PostFormValue("back"), id), false)
		v.Message = capitalize(domain.ErrorMessage(verr)) + "."
		return s.render(w, "poll", http.StatusBadRequest, pollPage{frame: f, Poll: v})
	}
	if verr != nil {
		// Already voted: show the results with the reason, not a second count.
		f, err := s.frame(r.Context(), meta{Title: "Hasil polling — " + s.siteName(r.Context()), NoIndex: true}, "")
		if err != nil {
			return err
		}
		v := s.pollView(p, "", true)
		v.Message = capitalize(domain.ErrorMessage(verr)) + "."
		return s.render(w, "poll", http.StatusConflict, pollPage{frame: f, Poll: v})
	}
	http.Redirect(w, r, safeBack(r.PostFormValue("back"), id)+"#polling", http.StatusSeeOther)
	return nil
}

// safeBack is where a poll form returns to: a path on this site, else the
// poll's own page.
func safeBack(back string, pollID int64) string {
	if !SameSitePath(back) {
		return "/polling/" + strconv.FormatInt(pollID, 10)
	}
	return back
}

// reader resolves who sent a form and gives a browser without a reader
// cookie its own (the engagement rules decide what a brand-new reader may
// do).
func (s *Site) reader(w http.ResponseWriter, r *http.Request) domain.Reader {
	rd := s.readers.Resolve(r)
	s.readers.Ensure(w, r, &rd)
	return rd
}

func engageInput(articleID int64, f commentForm, honeypot string) engage.CommentInput {
	return engage.CommentInput{ArticleID: articleID, ParentID: f.ParentID, Name: f.Name, Email: f.Email, Text: f.Text,
		Honeypot: honeypot, FromForm: true}
}

// SameSitePath reports whether p is a path on this site that is safe to
// redirect to: it starts with one "/", and holds no backslash (browsers read
// "/\\evil.example" as "//evil.example"), no control character and no host.
func SameSitePath(p string) bool {
	if len(p) < 1 || p[0] != '/' || strings.HasPrefix(p, "//") || strings.ContainsAny(p, "\\") {
		return false
	}
	for _, c := range p {
		if c < 0x20 || c == 0x7f {
			return false
		}
	}
	u, err := url.Parse(p)
	return err == nil && u.Scheme == "" && u.Host == "" && u.User == nil
}
