package domain

import "time"

// Statuses of a correction proposal.
const (
	ProposalPending  = "pending"
	ProposalAccepted = "accepted"
	ProposalRejected = "rejected"
	// ProposalWithdrawn: its proposer (or an editor for them) took it back
	// before an editor decided.
	ProposalWithdrawn = "withdrawn"
)

// Proposal is a correction proposal ("usulan ralat"): a change to a
// published article that its writer may not edit, waiting for an editor
// (or decided). A proposed field is nil when the proposal leaves it alone.
type Proposal struct {
	ID             int64
	ArticleID      int64
	ArticleTitle   string // as the article is titled now
	UserID         int64  // who proposed (0 when the account is gone)
	UserName       string
	ArticleVersion int64 // the article's version the proposal was made from

	Title, Excerpt, BodySource, PhotoCaption, PhotoCredit *string

	Reason      string
	Status      string // ProposalPending, ProposalAccepted, ProposalRejected or ProposalWithdrawn
	CreatedAt   time.Time
	DecidedBy   int64 // who accepted, rejected or withdrew it
	DeciderName string
	DecidedAt   time.Time
	// Decision is the reason for a rejection, or the correction note shown
	// to readers for an acceptance ("" when it was accepted without one).
	Decision string
	NoteID   int64
}

// StatusLabel is the proposal's status in Indonesian.
func (p Proposal) StatusLabel() string {
	switch p.Status {
	case ProposalAccepted:
		return "diterima"
	case ProposalRejected:
		return "ditolak"
	case ProposalWithdrawn:
		return "ditarik"
	}
	return "menunggu keputusan editor"
}
