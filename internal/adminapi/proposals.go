package adminapi

import (
	"net/http"
	"strconv"

	"warta/internal/auth"
	"warta/internal/domain"
	"warta/internal/editorial"
	"warta/internal/store"
	"warta/internal/web"
)

// Correction proposals ("usulan ralat", issue 12): the same service
// methods as the newsroom's /redaksi/ralat.

type proposalJSON struct {
	ID             int64             `json:"id"`
	ArticleID      int64             `json:"article_id"`
	ArticleTitle   string            `json:"article_title"`
	ProposedBy     string            `json:"proposed_by"`
	ArticleVersion int64             `json:"article_version"`
	Changes        map[string]string `json:"changes"` // the proposed fields: title, excerpt, body, photo_caption, photo_credit
	Reason         string            `json:"reason"`
	Status         string            `json:"status"`
	CreatedAt      string            `json:"created_at"`
	DecidedBy      string            `json:"decided_by,omitempty"`
	DecidedAt      string            `json:"decided_at,omitempty"`
	Decision       string            `json:"decision,omitempty"` // the rejection's reason, or the correction note
	NoteID         int64             `json:"note_id,omitempty"`
	// Comparison (one proposal only): each proposed field beside the
	// article as it is now.
	Comparison []proposalFieldJSON `json:"comparison,omitempty"`
}

type proposalFieldJSON struct {
	Field    string `json:"field"`
	Current  string `json:"current"`
	Proposed string `json:"proposed"`
}

func (a *API) proposalJSON(p domain.Proposal) proposalJSON {
	j := proposalJSON{ID: p.ID, ArticleID: p.ArticleID, ArticleTitle: p.ArticleTitle, ProposedBy: p.UserName,
		ArticleVersion: p.ArticleVersion, Changes: map[string]string{}, Reason: p.Reason, Status: p.Status,
		CreatedAt: a.time(p.CreatedAt), DecidedBy: p.DeciderName, Decision: p.Decision, NoteID: p.NoteID}
	if !p.DecidedAt.IsZero() {
		j.DecidedAt = a.time(p.DecidedAt)
	}
	for _, c := range editorial.CompareProposal(p, domain.Article{}) {
		j.Changes[c.Field] = c.Proposed
	}
	return j
}

func (a *API) listProposals(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	pg, err := pageOf(r)
	if err != nil {
		return err
	}
	f := store.ProposalFilter{Status: r.URL.Query().Get("status")}
	if v := r.URL.Query().Get("article"); v != "" {
		if f.ArticleID, err = strconv.ParseInt(v, 10, 64); err != nil || f.ArticleID <= 0 {
			return domain.Invalid("parameter article harus id artikel")
		}
	}
	list, total, err := a.ed.Proposals(r.Context(), &p.User, f, pg)
	if err != nil {
		return err
	}
	out := make([]proposalJSON, 0, len(list))
	for _, x := range list {
		out = append(out, a.proposalJSON(x))
	}
	web.JSON(w, http.StatusOK, web.Envelope{Data: out, Pagination: web.NewPagination(pg.Number, pg.Size, total)})
	return nil
}

func (a *API) propose(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	id, err := pathID(r, "id", "artikel")
	if err != nil {
		return err
	}
	var in editorial.ProposalInput
	if err := decode(w, r, &in); err != nil {
		return err
	}
	if in.Version, err = ifMatchVersion(r); err != nil {
		return err
	}
	x, err := a.ed.Propose(r.Context(), &p.User, id, in)
	if err != nil {
		return err
	}
	return created(w, a.proposalJSON(x))
}

func (a *API) getProposal(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	id, err := pathID(r, "id", "usulan")
	if err != nil {
		return err
	}
	x, err := a.ed.Proposal(r.Context(), &p.User, id)
	if err != nil {
		return err
	}
	art, err := a.ed.Article(r.Context(), &p.User, x.ArticleID)
	if err != nil {
		return err
	}
	j := a.proposalJSON(x)
	for _, c := range editorial.CompareProposal(x, art) {
		j.Comparison = append(j.Comparison, proposalFieldJSON{Field: c.Field, Current: c.Current, Proposed: c.Proposed})
	}
	return ok(w, j)
}

func (a *API) acceptProposal(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	id, err := pathID(r, "id", "usulan")
	if err != nil {
		return err
	}
	// note: the public correction note; left out, the proposal's reason
	// (as the newsroom's form starts with it); "" for none.
	var in struct {
		Note *string `json:"note"`
	}
	if err := decode(w, r, &in); err != nil {
		return err
	}
	if in.Note == nil {
		x, err := a.ed.Proposal(r.Context(), &p.User, id)
		if err != nil {
			return err
		}
		in.Note = &x.Reason
	}
	if _, err := a.ed.AcceptProposal(r.Context(), &p.User, id, *in.Note); err != nil {
		return err
	}
	return a.getProposal(w, r, p)
}

func (a *API) rejectProposal(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	id, err := pathID(r, "id", "usulan")
	if err != nil {
		return err
	}
	var in struct {
		Reason string `json:"reason"`
	}
	if err := decode(w, r, &in); err != nil {
		return err
	}
	if err := a.ed.RejectProposal(r.Context(), &p.User, id, in.Reason); err != nil {
		return err
	}
	return a.getProposal(w, r, p)
}

// withdrawProposal: the proposer (or an editor) takes back a pending
// proposal; it answers the proposal, status "withdrawn".
func (a *API) withdrawProposal(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	id, err := pathID(r, "id", "usulan")
	if err != nil {
		return err
	}
	if _, err := a.ed.WithdrawProposal(r.Context(), &p.User, id); err != nil {
		return err
	}
	return a.getProposal(w, r, p)
}
