package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"warta/internal/domain"
)

const proposalCols = `p.id, p.article_id, a.title, COALESCE(p.user_id, 0), COALESCE(u.name, ''), p.article_version,
	p.title, p.excerpt, p.body_source, p.photo_caption, p.photo_credit, p.reason, p.status, p.created_at,
	COALESCE(p.decided_by, 0), COALESCE(d.name, ''), p.decided_at, p.decision, COALESCE(p.note_id, 0)`

const proposalFrom = ` FROM correction_proposals p JOIN articles a ON a.id = p.article_id
	LEFT JOIN users u ON u.id = p.user_id LEFT JOIN users d ON d.id = p.decided_by`

func scanProposal(row rowScanner) (domain.Proposal, error) {
	var p domain.Proposal
	var title, excerpt, body, caption, credit sql.NullString
	var decided sql.NullTime
	err := row.Scan(&p.ID, &p.ArticleID, &p.ArticleTitle, &p.UserID, &p.UserName, &p.ArticleVersion,
		&title, &excerpt, &body, &caption, &credit, &p.Reason, &p.Status, &p.CreatedAt,
		&p.DecidedBy, &p.DeciderName, &decided, &p.Decision, &p.NoteID)
	str := func(v sql.NullString) *string {
		if !v.Valid {
			return nil
		}
		return &v.String
	}
	p.Title, p.Excerpt, p.BodySource, p.PhotoCaption, p.PhotoCredit = str(title), str(excerpt), str(body), str(caption), str(credit)
	if decided.Valid {
		p.DecidedAt = decided.Time
	}
	return p, err
}

// AddProposal stores a new, pending correction proposal and returns its id.
func (s *Store) AddProposal(ctx context.Context, p domain.Proposal) (int64, error) {
	str := func(v *string) any {
		if v == nil {
			return nil
		}
		return *v
	}
	id, err := s.insertID(ctx, s.w, `INSERT INTO correction_proposals (article_id, user_id, article_version, title, excerpt,
		body_source, photo_caption, photo_credit, reason, status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?)`,
		p.ArticleID, nullID(p.UserID), p.ArticleVersion, str(p.Title), str(p.Excerpt), str(p.BodySource), str(p.PhotoCaption),
		str(p.PhotoCredit), p.Reason, s.Now())
	if err != nil {
		return 0, fmt.Errorf("add proposal: %w", err)
	}
	return id, nil
}

// Proposal returns one correction proposal.
func (s *Store) Proposal(ctx context.Context, id int64) (domain.Proposal, error) {
	p, err := scanProposal(s.r.QueryRowContext(ctx, s.q("SELECT "+proposalCols+proposalFrom+" WHERE p.id = ?"), id))
	if errors.Is(err, sql.ErrNoRows) {
		return p, domain.NotFound("usulan ralat tidak ditemukan")
	}
	if err != nil {
		return p, fmt.Errorf("get proposal: %w", err)
	}
	return p, nil
}

// ProposalFilter narrows a list of proposals; zero fields do not.
type ProposalFilter struct {
	Status    string
	ArticleID int64
	UserID    int64 // who proposed
}

// Proposals lists correction proposals, newest first, and how many match.
func (s *Store) Proposals(ctx context.Context, f ProposalFilter, pg domain.Page) ([]domain.Proposal, int, error) {
	where, args := "TRUE", []any{}
	if f.Status != "" {
		where, args = where+" AND p.status = ?", append(args, f.Status)
	}
	if f.ArticleID != 0 {
		where, args = where+" AND p.article_id = ?", append(args, f.ArticleID)
	}
	if f.UserID != 0 {
		where, args = where+" AND p.user_id = ?", append(args, f.UserID)
	}
	var total int
	if err := s.r.QueryRowContext(ctx, s.q("SELECT COUNT(*) FROM correction_proposals p WHERE "+where), args...).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("count proposals: %w", err)
	}
	rows, err := s.r.QueryContext(ctx, s.q("SELECT "+proposalCols+proposalFrom+" WHERE "+where+" ORDER BY p.id DESC LIMIT ? OFFSET ?"),
		append(args, pg.Size, pg.Offset())...)
	if err != nil {
		return nil, 0, fmt.Errorf("list proposals: %w", err)
	}
	defer rows.Close()
	var list []domain.Proposal
	for rows.Next() {
		p, err := scanProposal(rows)
		if err != nil {
			return nil, 0, fmt.Errorf("list proposals: %w", err)
		}
		list = append(list, p)
	}
	return list, total, rows.Err()
}

// decideProposal marks a pending proposal decided inside tx; a proposal
// decided meanwhile (by another editor) is a conflict and nothing is
// written. With addNote on acceptance, the decision is also published as
// the article's correction note.
func (s *Store) decideProposal(ctx context.Context, tx *sql.Tx, p domain.Proposal, status string, by int64, decision string, addNote bool) error {
	var noteID int64
	if addNote {
		var err error
		noteID, err = s.insertID(ctx, tx, "INSERT INTO article_notes (article_id, kind, body, user_id, created_at) VALUES (?, ?, ?, ?, ?)",
			p.ArticleID, domain.NoteCorrection, decision, nullID(by), s.Now())
		if err != nil {
			return err
		}
	}
	res, err := tx.ExecContext(ctx, s.q(`UPDATE correction_proposals SET status = ?, decided_by = ?, decided_at = ?, decision = ?,
		note_id = ? WHERE id = ? AND status = 'pending'`), status, nullID(by), s.Now(), decision, nullID(noteID), p.ID)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return domain.Conflict("usulan ralat ini sudah diputuskan")
	}
	return nil
}

// AcceptProposal applies a pending proposal to its article as one edit
// (EditArticle: edit fills next from the proposal and checks the article
// as it is) and marks it accepted by the account by, in the same
// transaction, with note as the article's public correction note (none
// when note is ""). A proposal decided meanwhile is a conflict and nothing
// is written.
func (s *Store) AcceptProposal(ctx context.Context, p domain.Proposal, by int64, note string,
	edit func(cur ArticleState, next *ArticleInput) error) (domain.Article, error) {
	return s.EditArticle(ctx, p.ArticleID, func(cur ArticleState, next *ArticleInput) error {
		if err := edit(cur, next); err != nil {
			return err
		}
		next.Also = func(ctx context.Context, tx *sql.Tx, _ int64) error {
			return s.decideProposal(ctx, tx, p, domain.ProposalAccepted, by, note, note != "")
		}
		return nil
	})
}

// RejectProposal marks a pending proposal rejected by the account by, with
// the reason the writer reads.
func (s *Store) RejectProposal(ctx context.Context, p domain.Proposal, by int64, reason string) error {
	err := s.Tx(ctx, func(tx *sql.Tx) error {
		return s.decideProposal(ctx, tx, p, domain.ProposalRejected, by, reason, false)
	})
	if err != nil {
		return fmt.Errorf("reject proposal: %w", err)
	}
	return nil
}

// WithdrawProposal marks a pending proposal withdrawn by the account by
// (its proposer, or an editor for them); decided_by and decided_at keep who
// and when. A proposal decided meanwhile is a conflict.
func (s *Store) WithdrawProposal(ctx context.Context, p domain.Proposal, by int64) error {
	err := s.Tx(ctx, func(tx *sql.Tx) error {
		return s.decideProposal(ctx, tx, p, domain.ProposalWithdrawn, by, "", false)
	})
	if err != nil {
		return fmt.Errorf("withdraw proposal: %w", err)
	}
	return nil
}
