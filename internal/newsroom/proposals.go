package newsroom

import (
	"html/template"
	"net/http"
	"strconv"

	"warta/internal/auth"
	"warta/internal/domain"
	"warta/internal/editorial"
	"warta/internal/media"
	"warta/internal/store"
	"warta/internal/web"
)

// A writer opening an article they may not edit (their own once it is
// published, scheduled or withdrawn) gets it read-only; a published one
// with "Usulkan ralat": a correction proposal an editor accepts or rejects
// at /redaksi/ralat (see editorial/proposals.go).

type articleViewPage struct {
	frame
	Article   domain.Article
	Body      template.HTML // the article's body as readers see it (sanitised when saved)
	Srcset    string
	Notes     []domain.Note
	Proposals []domain.Proposal // u's proposals for this article
}

// articleView is the read-only page of an article u may open but not edit.
func (u *UI) articleView(w http.ResponseWriter, r *http.Request, p *auth.Principal, a domain.Article) error {
	pg := articleViewPage{frame: u.frame(r, p, a.Title, "artikel"), Article: a, Srcset: media.Srcset(a.Photo.URL, a.Photo.Width),
		Body: template.HTML(a.BodyHTML)}
	var err error
	if pg.Notes, err = u.ed.Notes(r.Context(), &p.User, a.ID); err != nil {
		return err
	}
	if pg.Proposals, _, err = u.ed.Proposals(r.Context(), &p.User, store.ProposalFilter{ArticleID: a.ID, UserID: p.User.ID},
		domain.Page{Number: 1, Size: 50}); err != nil {
		return err
	}
	u.render(w, "article_view", http.StatusOK, pg)
	return nil
}

type proposalFormPage struct {
	frame
	Article domain.Article
	Form    proposalForm
}

// proposalForm is the proposal as typed (shown back unchanged on an error).
type proposalForm struct {
	Title, Excerpt, Body, PhotoCaption, PhotoCredit, Reason string
	Version                                                 int64
}

func (u *UI) proposalForm(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	id, err := pathID(r, "id", "artikel")
	if err != nil {
		return err
	}
	a, err := u.ed.Article(r.Context(), &p.User, id)
	if err != nil {
		return err
	}
	if a.Status != domain.StatusPublished {
		return domain.Conflict("usulan ralat hanya untuk artikel yang sudah terbit")
	}
	f := proposalForm{Title: a.Title, Excerpt: a.Excerpt, Body: a.BodySource, PhotoCaption: a.Photo.Caption,
		PhotoCredit: a.Photo.Credit, Version: a.Version}
	u.render(w, "proposal_form", http.StatusOK, proposalFormPage{frame: u.frame(r, p, "Usulkan ralat: "+a.Title, "ralat"), Article: a, Form: f})
	return nil
}

func (u *UI) propose(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	id, err := pathID(r, "id", "artikel")
	if err != nil {
		return err
	}
	f := proposalForm{Title: r.PostFormValue("title"), Excerpt: r.PostFormValue("excerpt"), Body: r.PostFormValue("body"),
		PhotoCaption: r.PostFormValue("photo_caption"), PhotoCredit: r.PostFormValue("photo_credit"), Reason: r.PostFormValue("reason")}
	f.Version, _ = strconv.ParseInt(r.PostFormValue("version"), 10, 64)
	in := editorial.ProposalInput{Reason: f.Reason, Version: f.Version}
	for name, dst := range map[string]**string{"title": &in.Title, "excerpt": &in.Excerpt, "body": &in.Body,
		"photo_caption": &in.PhotoCaption, "photo_credit": &in.PhotoCredit} {
		if _, sent := r.PostForm[name]; sent {
			v := r.PostFormValue(name)
			*dst = &v
		}
	}
	prop, err := u.ed.Propose(r.Context(), &p.User, id, in)
	if err != nil {
		status := web.StatusOf(err)
		if status >= 500 || status == http.StatusNotFound || status == http.StatusForbidden {
			return err
		}
		a, aerr := u.ed.Article(r.Context(), &p.User, id)
		if aerr != nil {
			return aerr
		}
		pg := proposalFormPage{frame: u.frame(r, p, "Usulkan ralat: "+a.Title, "ralat"), Article: a, Form: f}
		pg.Error = errorSentence(err)
		u.render(w, "proposal_form", status, pg)
		return nil
	}
	return redirect(w, r, "/redaksi/ralat/"+strconv.FormatInt(prop.ID, 10), "usulan")
}

type proposalsPage struct {
	frame
	Status    string
	Statuses  []proposalStatus
	Proposals []domain.Proposal
	Total     int
	Page      int
	Pages     int
	Prev      int  // 0 when on the first page
	Next      int  // 0 when on the last
	Decides   bool // editors: every proposal; writers see their own
}

type proposalStatus struct{ Value, Label string }

var proposalStatuses = []proposalStatus{{domain.ProposalPending, "Menunggu"}, {domain.ProposalAccepted, "Diterima"},
	{domain.ProposalRejected, "Ditolak"}, {domain.ProposalWithdrawn, "Ditarik"}, {"semua", "Semua"}}

func (u *UI) proposals(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	decides := auth.Can(p.User.Role, auth.PermArticleNotes)
	status := r.URL.Query().Get("status")
	if status == "" && decides {
		status = domain.ProposalPending
	}
	filter := status
	if status == "semua" || status == "" {
		status, filter = "semua", ""
	}
	pg := proposalsPage{frame: u.frame(r, p, "Usulan ralat", "ralat"), Status: status, Statuses: proposalStatuses, Page: 1, Decides: decides}
	if v, err := strconv.Atoi(r.URL.Query().Get("page")); err == nil && v > 0 {
		pg.Page = v
	}
	var err error
	pg.Proposals, pg.Total, err = u.ed.Proposals(r.Context(), &p.User, store.ProposalFilter{Status: filter}, domain.Page{Number: pg.Page, Size: 30})
	if err != nil {
		return err
	}
	pg.Pages = (pg.Total + 29) / 30
	if pg.Page > 1 {
		pg.Prev = pg.Page - 1
	}
	if pg.Page < pg.Pages {
		pg.Next = pg.Page + 1
	}
	u.render(w, "proposals", http.StatusOK, pg)
	return nil
}

type proposalPage struct {
	frame
	Proposal domain.Proposal
	Article  domain.Article
	Changes  []editorial.ProposedChange
	Moved    bool // the article was saved since the proposal was made
	Decides  bool
	Withdraw bool   // the proposer (or an editor) may still withdraw it
	Note     string // the accept form's correction note (the reason, to start from)
	Refusal  string // the reject form's reason as typed
}

func (u *UI) proposalPage(r *http.Request, p *auth.Principal, id int64) (proposalPage, error) {
	prop, err := u.ed.Proposal(r.Context(), &p.User, id)
	if err != nil {
		return proposalPage{}, err
	}
	a, err := u.ed.Article(r.Context(), &p.User, prop.ArticleID)
	if err != nil {
		return proposalPage{}, err
	}
	pg := proposalPage{frame: u.frame(r, p, "Usulan ralat: "+a.Title, "ralat"), Proposal: prop, Article: a,
		Changes: editorial.CompareProposal(prop, a), Moved: a.Version != prop.ArticleVersion,
		Decides:  auth.Can(p.User.Role, auth.PermArticleNotes) && prop.Status == domain.ProposalPending,
		Withdraw: editorial.CanWithdraw(&p.User, prop), Note: prop.Reason}
	return pg, nil
}

func (u *UI) proposal(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	id, err := pathID(r, "id", "usulan")
	if err != nil {
		return err
	}
	pg, err := u.proposalPage(r, p, id)
	if err != nil {
		return err
	}
	u.render(w, "proposal", http.StatusOK, pg)
	return nil
}

// decide runs an editor's decision on a proposal; a refusal shows the page
// again with what the editor typed and the message.
func (u *UI) decide(w http.ResponseWriter, r *http.Request, p *auth.Principal, do func(id int64) error, notice string) error {
	id, err := pathID(r, "id", "usulan")
	if err != nil {
		return err
	}
	if err := do(id); err != nil {
		status := web.StatusOf(err)
		if status >= 500 || status == http.StatusForbidden || status == http.StatusNotFound {
			return err
		}
		pg, perr := u.proposalPage(r, p, id)
		if perr != nil {
			return perr
		}
		pg.Note, pg.Refusal = r.PostFormValue("note"), r.PostFormValue("reason")
		pg.Error = errorSentence(err)
		u.render(w, "proposal", status, pg)
		return nil
	}
	return redirect(w, r, "/redaksi/ralat/"+strconv.FormatInt(id, 10), notice)
}

func (u *UI) acceptProposal(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	return u.decide(w, r, p, func(id int64) error {
		_, err := u.ed.AcceptProposal(r.Context(), &p.User, id, r.PostFormValue("note"))
		return err
	}, "ralat-diterima")
}

func (u *UI) rejectProposal(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	return u.decide(w, r, p, func(id int64) error {
		return u.ed.RejectProposal(r.Context(), &p.User, id, r.PostFormValue("reason"))
	}, "ralat-ditolak")
}

func (u *UI) withdrawProposal(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	return u.decide(w, r, p, func(id int64) error {
		_, err := u.ed.WithdrawProposal(r.Context(), &p.User, id)
		return err
	}, "ralat-ditarik")
}
