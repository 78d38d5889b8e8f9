package editorial

import (
	"context"
	"strings"

	"warta/internal/auth"
	"warta/internal/domain"
	"warta/internal/store"
)

// Correction proposals ("usulan ralat", issue 12 item 8). A writer may not
// edit their own article once it is published, so they propose a change
// of its title, excerpt, body or photo caption and credit, with a reason.
// An editor (article.notes) compares it with the article as it is now and
// accepts it, which applies it as one edit (a revision by the editor) with
// a public correction note in the same transaction, or rejects it with a
// reason the writer reads. Accepting changes what readers see, so the
// store's article change event drops the cached pages, tells other
// processes and sends the "updated" webhook; proposing and rejecting change
// nothing readers see. Until an editor decides, the proposer (or an
// editor) may withdraw it.

// MaxReason bounds a proposal's reason and a rejection's (characters).
const MaxReason = 2000

// ProposalInput is a correction proposal as the writer sends it: the fields
// they change (nil: left alone) and why.
type ProposalInput struct {
	Title        *string `json:"title"`
	Excerpt      *string `json:"excerpt"`
	Body         *string `json:"body"`
	PhotoCaption *string `json:"photo_caption"`
	PhotoCredit  *string `json:"photo_credit"`
	Reason       string  `json:"reason"`
	// Version is the article version the proposal was made from (the
	// form's hidden field, the API's If-Match; 0: the current one). Only
	// the fields that differ from that version are proposed, so a
	// proposal never undoes an edit made after the writer opened it.
	Version int64 `json:"-"`
}

// proposedFields are a proposal's fields as editorial Fields.
func proposedFields(p domain.Proposal) Fields {
	return Fields{Title: p.Title, Excerpt: p.Excerpt, Body: p.BodySource, PhotoCaption: p.PhotoCaption, PhotoCredit: p.PhotoCredit}
}

// Editable reports whether u may edit article a (else the newsroom shows
// it read-only, with "Usulkan ralat" when it is published).
func (s *Service) Editable(ctx context.Context, u *domain.User, a domain.Article) (bool, error) {
	err := s.canEdit(ctx, u, a)
	if err != nil && domain.ErrorCode(err) == domain.EForbidden {
		return false, nil
	}
	return err == nil, err
}

// Propose records u's correction proposal for a published article u may
// open (a writer's own; editors may propose too).
func (s *Service) Propose(ctx context.Context, u *domain.User, articleID int64, in ProposalInput) (domain.Proposal, error) {
	a, err := s.Article(ctx, u, articleID)
	if err != nil {
		return domain.Proposal{}, err
	}
	if a.Status != domain.StatusPublished {
		return domain.Proposal{}, domain.Conflict("usulan ralat hanya untuk artikel yang sudah terbit")
	}
	reason := strings.TrimSpace(in.Reason)
	if reason == "" {
		return domain.Proposal{}, domain.Invalid("alasan ralat wajib diisi: apa yang salah dan dari mana koreksinya")
	}
	if err := checkRunes("alasan ralat", reason, MaxReason); err != nil {
		return domain.Proposal{}, err
	}
	f := Fields{Title: in.Title, Excerpt: in.Excerpt, Body: in.Body, PhotoCaption: in.PhotoCaption, PhotoCredit: in.PhotoCredit}
	if _, err := s.resolve(ctx, f); err != nil {
		return domain.Proposal{}, err
	}
	if in.Title != nil && strings.TrimSpace(*in.Title) == "" {
		return domain.Proposal{}, domain.Invalid("judul wajib diisi")
	}
	// What the proposer saw: the version they opened when it is kept.
	base := [5]string{a.Title, a.Excerpt, a.BodySource, a.Photo.Caption, a.Photo.Credit}
	version := a.Version
	if in.Version != 0 && in.Version != a.Version {
		rev, ok, err := s.store.RevisionAtVersion(ctx, articleID, in.Version)
		if err != nil {
			return domain.Proposal{}, err
		}
		if ok {
			base[0], base[1], base[2], version = rev.Title, rev.Excerpt, rev.BodySource, in.Version
			if rev.AllFields {
				base[3], base[4] = rev.Photo.Caption, rev.Photo.Credit
			}
		}
	}
	p := domain.Proposal{ArticleID: articleID, UserID: u.ID, ArticleVersion: version, Reason: reason}
	changed := false
	for i, x := range []struct {
		v    *string
		dst  **string
		trim bool
	}{{in.Title, &p.Title, true}, {in.Excerpt, &p.Excerpt, true}, {in.Body, &p.BodySource, false},
		{in.PhotoCaption, &p.PhotoCaption, true}, {in.PhotoCredit, &p.PhotoCredit, true}} {
		if x.v == nil {
			continue
		}
		// Browsers send a textarea's lines ending in CRLF: the same text
		// with other line ends is no change.
		v := strings.ReplaceAll(*x.v, "\r\n", "\n")
		if x.trim {
			v = strings.TrimSpace(v)
		}
		if v != strings.ReplaceAll(base[i], "\r\n", "\n") {
			*x.dst, changed = &v, true
		}
	}
	if !changed {
		return domain.Proposal{}, domain.Invalid("usulan tidak mengubah apa pun: ubah judul, ringkasan, isi atau keterangan foto")
	}
	id, err := s.store.AddProposal(ctx, p)
	if err != nil {
		return domain.Proposal{}, err
	}
	return s.store.Proposal(ctx, id)
}

// Proposals lists correction proposals: every one for editors (by status,
// "" for all), a writer's own for writers.
func (s *Service) Proposals(ctx context.Context, u *domain.User, f store.ProposalFilter, pg domain.Page) ([]domain.Proposal, int, error) {
	if !auth.Can(u.Role, auth.PermArticleNotes) {
		if err := auth.Require(u, auth.PermArticleCreate); err != nil {
			return nil, 0, err
		}
		f.UserID = u.ID
	}
	switch f.Status {
	case "", domain.ProposalPending, domain.ProposalAccepted, domain.ProposalRejected, domain.ProposalWithdrawn:
	default:
		return nil, 0, domain.Invalid("status usulan harus pending, accepted, rejected atau withdrawn")
	}
	return s.store.Proposals(ctx, f, pg)
}

// PendingProposals counts the proposals waiting for an editor (the
// dashboard's number).
func (s *Service) PendingProposals(ctx context.Context, u *domain.User) (int, error) {
	if err := auth.Require(u, auth.PermArticleNotes); err != nil {
		return 0, err
	}
	_, n, err := s.store.Proposals(ctx, store.ProposalFilter{Status: domain.ProposalPending}, domain.Page{Number: 1, Size: 1})
	return n, err
}

// Proposal returns one proposal: editors any, writers their own.
func (s *Service) Proposal(ctx context.Context, u *domain.User, id int64) (domain.Proposal, error) {
	if !auth.Can(u.Role, auth.PermArticleNotes) {
		if err := auth.Require(u, auth.PermArticleCreate); err != nil {
			return domain.Proposal{}, err
		}
	}
	p, err := s.store.Proposal(ctx, id)
	if err != nil {
		return p, err
	}
	if !auth.Can(u.Role, auth.PermArticleNotes) && p.UserID != u.ID {
		return domain.Proposal{}, domain.Forbidden("penulis hanya boleh membuka usulan ralatnya sendiri")
	}
	return p, nil
}

// pending returns a proposal an editor may decide on.
func (s *Service) pending(ctx context.Context, u *domain.User, id int64) (domain.Proposal, error) {
	if err := auth.Require(u, auth.PermArticleNotes); err != nil {
		return domain.Proposal{}, err
	}
	p, err := s.store.Proposal(ctx, id)
	if err != nil {
		return p, err
	}
	if p.Status != domain.ProposalPending {
		return p, domain.Conflict("usulan ralat ini sudah %s", p.StatusLabel())
	}
	return p, nil
}

// AcceptProposal applies a pending proposal to its (still published)
// article as an edit by u, with note as its public correction note ("":
// none, e.g. for a typo), and marks it accepted, all in one transaction.
func (s *Service) AcceptProposal(ctx context.Context, u *domain.User, id int64, note string) (domain.Article, error) {
	p, err := s.pending(ctx, u, id)
	if err != nil {
		return domain.Article{}, err
	}
	note = strings.TrimSpace(note)
	if err := checkText("catatan ralat", note, 5000); err != nil {
		return domain.Article{}, err
	}
	f := proposedFields(p)
	r, err := s.resolve(ctx, f)
	if err != nil {
		return domain.Article{}, err
	}
	now := s.store.Now()
	return s.store.AcceptProposal(ctx, p, u.ID, note, func(cur store.ArticleState, in *store.ArticleInput) error {
		if err := canEditAs(u, cur.Article, cur.OwnerID); err != nil {
			return err
		}
		if cur.Status != domain.StatusPublished {
			return domain.Conflict("artikel ini tidak lagi terbit: tolak usulannya atau sunting artikelnya langsung")
		}
		apply(in, f, r)
		in.OwnerID = u.ID // the revision's author
		return settle(in, cur.Article, false, now)
	})
}

// RejectProposal rejects a pending proposal with a reason the writer reads.
func (s *Service) RejectProposal(ctx context.Context, u *domain.User, id int64, reason string) error {
	p, err := s.pending(ctx, u, id)
	if err != nil {
		return err
	}
	reason = strings.TrimSpace(reason)
	if reason == "" {
		return domain.Invalid("alasan penolakan wajib diisi: penulis membacanya")
	}
	if err := checkRunes("alasan penolakan", reason, MaxReason); err != nil {
		return err
	}
	return s.store.RejectProposal(ctx, p, u.ID, reason)
}

// CanWithdraw reports whether u may withdraw proposal p: its proposer or
// an editor, while no editor has decided on it.
func CanWithdraw(u *domain.User, p domain.Proposal) bool {
	return p.Status == domain.ProposalPending && ((p.UserID == u.ID && p.UserID != 0) || auth.Can(u.Role, auth.PermArticleNotes))
}

// WithdrawProposal takes back a pending proposal: its proposer's, or an
// editor's for them. A decided proposal stays as decided (a conflict).
// Readers see nothing of a proposal, so there is no change to announce; the
// proposal keeps who withdrew it and when.
func (s *Service) WithdrawProposal(ctx context.Context, u *domain.User, id int64) (domain.Proposal, error) {
	p, err := s.Proposal(ctx, u, id) // writers: their own only
	if err != nil {
		return p, err
	}
	if p.Status != domain.ProposalPending {
		return p, domain.Conflict("usulan ralat ini sudah %s, jadi tidak bisa ditarik lagi", p.StatusLabel())
	}
	if !CanWithdraw(u, p) {
		return p, domain.Forbidden("hanya pengusul atau editor yang boleh menarik usulan ralat")
	}
	if err := s.store.WithdrawProposal(ctx, p, u.ID); err != nil {
		return p, err
	}
	return s.store.Proposal(ctx, id)
}

// ProposedChange is one field of a proposal beside the article as it is.
type ProposedChange struct {
	Field, Label      string
	Current, Proposed string
	Diff              []DiffLine
}

// CompareProposal lists a proposal's fields beside the article as it is
// now, each with its line diff (an editor decides on this).
func CompareProposal(p domain.Proposal, a domain.Article) []ProposedChange {
	var out []ProposedChange
	for _, x := range []struct {
		field, label string
		v            *string
		cur          string
	}{{"title", "Judul", p.Title, a.Title}, {"excerpt", "Ringkasan", p.Excerpt, a.Excerpt}, {"body", "Isi berita", p.BodySource, a.BodySource},
		{"photo_caption", "Keterangan foto", p.PhotoCaption, a.Photo.Caption}, {"photo_credit", "Sumber foto", p.PhotoCredit, a.Photo.Credit}} {
		if x.v != nil {
			out = append(out, ProposedChange{Field: x.field, Label: x.label, Current: x.cur, Proposed: *x.v, Diff: Diff(x.cur, *x.v)})
		}
	}
	return out
}
