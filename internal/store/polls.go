package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"warta/internal/domain"
)

// PollInput describes a new poll.
type PollInput struct {
	Question  string
	Options   []string
	ArticleID int64
	// Scope is domain.PollSite or domain.PollArticle; "" takes
	// PollArticle when ArticleID is set, else PollSite.
	Scope    string
	OpensAt  time.Time
	ClosesAt time.Time
}

// CreatePoll stores a poll with 2 to 10 options and returns its id.
func (s *Store) CreatePoll(ctx context.Context, in PollInput) (int64, error) {
	in.Question = strings.TrimSpace(in.Question)
	if in.Question == "" {
		return 0, domain.Invalid("pertanyaan polling wajib diisi")
	}
	var opts []string
	for _, o := range in.Options {
		if o = strings.TrimSpace(o); o != "" {
			opts = append(opts, o)
		}
	}
	if len(opts) < 2 || len(opts) > 10 {
		return 0, domain.Invalid("polling harus punya 2 sampai 10 pilihan")
	}
	if in.Scope == "" {
		in.Scope = domain.PollSite
		if in.ArticleID != 0 {
			in.Scope = domain.PollArticle
		}
	}
	if err := checkPollScope(in.Scope); err != nil {
		return 0, err
	}
	if in.OpensAt.IsZero() {
		in.OpensAt = s.Now()
	}
	if !in.ClosesAt.IsZero() && !in.ClosesAt.After(in.OpensAt) {
		return 0, domain.Invalid("waktu tutup polling harus setelah waktu buka")
	}
	var id int64
	err := s.Tx(ctx, func(tx *sql.Tx) error {
		var err error
		id, err = s.insertID(ctx, tx, "INSERT INTO polls (question, article_id, scope, opens_at, closes_at, created_at) VALUES (?, ?, ?, ?, ?, ?)",
			in.Question, nullID(in.ArticleID), in.Scope, dbTime(in.OpensAt), nullTime(in.ClosesAt), s.Now())
		if err != nil {
			return err
		}
		for i, o := range opts {
			if _, err := tx.ExecContext(ctx, s.q("INSERT INTO poll_options (poll_id, label, position) VALUES (?, ?, ?)"), id, o, i); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("create poll: %w", err)
	}
	return id, nil
}

// Poll returns a poll with its options and votes, in one read: the poll's
// columns come with each of its options (every poll has two or more).
func (s *Store) Poll(ctx context.Context, id int64) (domain.Poll, error) {
	var p domain.Poll
	rows, err := s.r.QueryContext(ctx, s.q(`SELECT p.id, p.question, p.article_id, p.scope, p.opens_at, p.closes_at, p.created_at,
		o.id, o.label, o.position, o.votes FROM polls p LEFT JOIN poll_options o ON o.poll_id = p.id
		WHERE p.id = ? ORDER BY o.position, o.id`), id)
	if err != nil {
		return p, fmt.Errorf("get poll: %w", err)
	}
	defer rows.Close()
	found := false
	for rows.Next() {
		var art, oid, pos, votes sql.NullInt64
		var closes sql.NullTime
		var label sql.NullString
		if err := rows.Scan(&p.ID, &p.Question, &art, &p.Scope, &p.OpensAt, &closes, &p.CreatedAt,
			&oid, &label, &pos, &votes); err != nil {
			return p, fmt.Errorf("get poll: %w", err)
		}
		found = true
		p.ArticleID, p.ClosesAt = art.Int64, closes.Time
		if oid.Valid {
			p.Options = append(p.Options, domain.PollOption{ID: oid.Int64, PollID: p.ID, Label: label.String,
				Position: int(pos.Int64), Votes: votes.Int64})
		}
	}
	if err := rows.Err(); err != nil {
		return p, fmt.Errorf("get poll: %w", err)
	}
	if !found {
		return p, domain.NotFound("polling tidak ditemukan")
	}
	return p, nil
}

// pollLive holds for a poll (aliased p) that readers may see and vote in:
// one not attached to an article, or attached to an article that is
// published and whose time has come; a poll of an embargoed draft stays
// hidden (issue 16). It takes the time now twice.
const pollLive = ` (p.article_id IS NULL OR EXISTS (SELECT 1 FROM articles a WHERE a.id = p.article_id AND` + published + `))
	AND (NOT EXISTS (SELECT 1 FROM articles a WHERE a.poll_id = p.id)
		OR EXISTS (SELECT 1 FROM articles a WHERE a.poll_id = p.id AND` + published + `))`

// pollIsLive reports whether poll id may be shown to readers.
func (s *Store) pollIsLive(ctx context.Context, q execer, id int64) (bool, error) {
	now := s.Now()
	var n int
	err := q.QueryRowContext(ctx, s.q("SELECT COUNT(*) FROM polls p WHERE p.id = ? AND"+pollLive), id, now, now).Scan(&n)
	return n > 0, err
}

// PublicPoll is Poll for readers: a poll attached to an article that is not
// published yet is not found.
func (s *Store) PublicPoll(ctx context.Context, id int64) (domain.Poll, error) {
	live, err := s.pollIsLive(ctx, s.r, id)
	if err != nil {
		return domain.Poll{}, fmt.Errorf("get poll: %w", err)
	}
	if !live {
		return domain.Poll{}, domain.NotFound("polling tidak ditemukan")
	}
	return s.Poll(ctx, id)
}

// pollOpen holds for a poll (aliased p) that takes votes now; it takes the
// time now twice.
const pollOpen = ` p.opens_at <= ? AND (p.closes_at IS NULL OR p.closes_at > ?) AND`

// OpenPollIDs returns the ids of the open site polls (scope site), newest
// first. When articleID is not 0, the article's own open polls (the one
// it attaches, then those made for it) come first.
func (s *Store) OpenPollIDs(ctx context.Context, articleID int64, limit int) ([]int64, error) {
	return s.openPollIDs(ctx, articleID, true, limit)
}

// openPollIDs is OpenPollIDs, without the site polls unless withSite.
func (s *Store) openPollIDs(ctx context.Context, articleID int64, withSite bool, limit int) ([]int64, error) {
	now := s.Now()
	rows, err := s.r.QueryContext(ctx, s.q(`SELECT p.id FROM polls p WHERE`+pollOpen+`
		(p.scope = 'site' AND ? OR p.article_id = ? OR p.id = (SELECT a.poll_id FROM articles a WHERE a.id = ?)) AND`+pollLive+`
		ORDER BY CASE WHEN p.id = (SELECT a.poll_id FROM articles a WHERE a.id = ?) THEN 0 WHEN p.article_id = ? THEN 1 ELSE 2 END,
			p.created_at DESC, p.id DESC LIMIT ?`), now, now, withSite, articleID, articleID, now, now, articleID, articleID, limit)
	if err != nil {
		return nil, fmt.Errorf("open polls: %w", err)
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("open polls: %w", err)
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// HomePollAuto and HomePollNone are the values of SettingHomePoll besides
// a poll id: the newest open site poll (the default), or none at all.
const (
	HomePollAuto = ""
	HomePollNone = "none"
)

// PollToShow returns the id of the poll readers see beside an article
// (articleID not 0) or on the home page (0), or 0 for none: the article's
// own open poll first (the one it attaches, then one made for it); else the
// site poll: the one editors chose for the home page (SettingHomePoll)
// while it is open, none when they chose none, otherwise the newest open
// site poll. An article-only poll never shows anywhere else.
func (s *Store) PollToShow(ctx context.Context, articleID int64) (int64, error) {
	if articleID != 0 {
		id, err := s.OwnPollID(ctx, articleID)
		if err != nil || id != 0 {
			return id, err
		}
	}
	return s.sitePollID(ctx)
}

// OwnPollID returns the article's own open poll that PollToShow would show
// (the one it attaches, then one made for it), or 0 when it has none: then
// it shows what the home page does (PollToShow of 0).
func (s *Store) OwnPollID(ctx context.Context, articleID int64) (int64, error) {
	ids, err := s.openPollIDs(ctx, articleID, false, 1)
	return first(ids), err
}

// sitePollID is the site poll PollToShow shows where no article's own is.
func (s *Store) sitePollID(ctx context.Context) (int64, error) {
	choice, err := s.Setting(ctx, SettingHomePoll)
	if err != nil {
		return 0, err
	}
	switch choice {
	case HomePollNone:
		return 0, nil
	case HomePollAuto:
	default:
		id, _ := strconv.ParseInt(choice, 10, 64)
		now := s.Now()
		var n int
		err := s.r.QueryRowContext(ctx, s.q("SELECT COUNT(*) FROM polls p WHERE p.id = ? AND p.scope = 'site' AND"+pollOpen+pollLive),
			id, now, now, now, now).Scan(&n)
		if err != nil {
			return 0, fmt.Errorf("home poll: %w", err)
		}
		if n > 0 {
			return id, nil
		}
	}
	ids, err := s.OpenPollIDs(ctx, 0, 1)
	return first(ids), err
}

// first returns the first id, or 0.
func first(ids []int64) int64 {
	if len(ids) == 0 {
		return 0
	}
	return ids[0]
}

// checkPollScope refuses a scope that is neither site nor article.
func checkPollScope(scope string) error {
	if scope != domain.PollSite && scope != domain.PollArticle {
		return domain.Invalid("cakupan polling harus %q (seluruh situs) atau %q (khusus artikel)", domain.PollSite, domain.PollArticle)
	}
	return nil
}

// The hot write statements of votes, prepared once on SQLite.
var (
	qPollTimes  = hot("SELECT opens_at, closes_at FROM polls WHERE id = ?")
	qPollOption = hot("SELECT COUNT(*) FROM poll_options WHERE id = ? AND poll_id = ?")
	qVoteInsert = hot("INSERT INTO poll_votes (poll_id, voter, option_id, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (poll_id, voter) DO NOTHING")
	qVoteCount  = hot("UPDATE poll_options SET votes = votes + 1 WHERE id = ?")
)

// Vote records one vote for an option. voters are the keys that identify
// this reader (a cookie key, a reader hash, ...): the vote is refused with a
// conflict when any of them already voted in this poll, so a reader who
// clears cookies or switches networks is still caught by the other key.
func (s *Store) Vote(ctx context.Context, pollID, optionID int64, voters []string) error {
	var keys []string
	for _, v := range voters {
		if v != "" {
			keys = append(keys, v)
		}
	}
	if len(keys) == 0 {
		return domain.Invalid("pemilih tidak dikenali")
	}
	err := s.Tx(ctx, func(tx *sql.Tx) error {
		var opens time.Time
		var closes sql.NullTime
		err := s.tQueryRow(ctx, tx, qPollTimes+s.forUpdate(), pollID).Scan(&opens, &closes)
		if errors.Is(err, sql.ErrNoRows) {
			return domain.NotFound("polling tidak ditemukan")
		}
		if err != nil {
			return err
		}
		if live, err := s.pollIsLive(ctx, tx, pollID); err != nil || !live {
			if err == nil {
				err = domain.NotFound("polling tidak ditemukan")
			}
			return err
		}
		now := s.Now()
		if now.Before(opens) || (closes.Valid && !now.Before(closes.Time)) {
			return domain.Conflict("polling ini sedang tidak menerima suara")
		}
		var belongs int
		if err := s.tQueryRow(ctx, tx, qPollOption, optionID, pollID).Scan(&belongs); err != nil {
			return err
		}
		if belongs == 0 {
			return domain.NotFound("pilihan tidak ditemukan di polling ini")
		}
		var already int
		args := []any{pollID}
		for _, k := range keys {
			args = append(args, k)
		}
		if err := tx.QueryRowContext(ctx, s.q("SELECT COUNT(*) FROM poll_votes WHERE poll_id = ? AND voter IN ("+placeholders(len(keys))+")"), args...).Scan(&already); err != nil {
			return err
		}
		if already > 0 {
			return domain.Conflict("Anda sudah memberikan suara di polling ini")
		}
		for _, k := range keys {
			res, err := s.tExec(ctx, tx, qVoteInsert, pollID, k, optionID, now)
			if err != nil {
				return err
			}
			if n, _ := res.RowsAffected(); n == 0 {
				return domain.Conflict("Anda sudah memberikan suara di polling ini")
			}
		}
		_, err = s.tExec(ctx, tx, qVoteCount, optionID)
		return err
	})
	if err != nil {
		return fmt.Errorf("vote: %w", err)
	}
	return nil
}

// VotedOption returns the option any of the voter keys chose in a poll, or 0.
func (s *Store) VotedOption(ctx context.Context, pollID int64, voters []string) (int64, error) {
	args := []any{pollID}
	for _, v := range voters {
		if v != "" {
			args = append(args, v)
		}
	}
	if len(args) == 1 {
		return 0, nil
	}
	var opt int64
	err := s.r.QueryRowContext(ctx, s.q("SELECT option_id FROM poll_votes WHERE poll_id = ? AND voter IN ("+placeholders(len(args)-1)+") LIMIT 1"), args...).Scan(&opt)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("voted option: %w", err)
	}
	return opt, nil
}

// Polls lists polls, newest first, with their options.
func (s *Store) Polls(ctx context.Context, limit int) ([]domain.Poll, error) {
	rows, err := s.r.QueryContext(ctx, s.q("SELECT id FROM polls ORDER BY created_at DESC, id DESC LIMIT ?"), limit)
	if err != nil {
		return nil, fmt.Errorf("list polls: %w", err)
	}
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return nil, fmt.Errorf("list polls: %w", err)
		}
		ids = append(ids, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list polls: %w", err)
	}
	list := make([]domain.Poll, 0, len(ids))
	for _, id := range ids {
		p, err := s.Poll(ctx, id)
		if err != nil {
			return nil, err
		}
		list = append(list, p)
	}
	return list, nil
}

// PollUpdate changes a poll. Nil fields stay as they are. Option labels can
// be renamed (by position) but not removed once votes exist.
type PollUpdate struct {
	Question  *string
	Options   []string // nil keeps them
	ArticleID *int64
	Scope     *string // domain.PollSite or domain.PollArticle
	OpensAt   *time.Time
	ClosesAt  *time.Time // pointer to the zero time opens it again for good
}

// UpdatePoll applies u to a poll.
func (s *Store) UpdatePoll(ctx context.Context, id int64, u PollUpdate) error {
	p, err := s.Poll(ctx, id)
	if err != nil {
		return err
	}
	if u.Question != nil {
		p.Question = strings.TrimSpace(*u.Question)
		if p.Question == "" {
			return domain.Invalid("pertanyaan polling wajib diisi")
		}
	}
	if u.ArticleID != nil {
		p.ArticleID = *u.ArticleID
	}
	if u.Scope != nil {
		if err := checkPollScope(*u.Scope); err != nil {
			return err
		}
		p.Scope = *u.Scope
	}
	if u.OpensAt != nil {
		p.OpensAt = *u.OpensAt
	}
	if u.ClosesAt != nil {
		p.ClosesAt = *u.ClosesAt
	}
	if !p.ClosesAt.IsZero() && !p.ClosesAt.After(p.OpensAt) {
		return domain.Invalid("waktu tutup polling harus setelah waktu buka")
	}
	var opts []string
	if u.Options != nil {
		for _, o := range u.Options {
			if o = strings.TrimSpace(o); o != "" {
				opts = append(opts, o)
			}
		}
		if len(opts) < 2 || len(opts) > 10 {
			return domain.Invalid("polling harus punya 2 sampai 10 pilihan")
		}
		if len(opts) < len(p.Options) && p.TotalVotes() > 0 {
			return domain.Conflict("pilihan polling yang sudah dipilih pembaca tidak bisa dihapus")
		}
	}
	err = s.Tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, s.q("UPDATE polls SET question = ?, article_id = ?, scope = ?, opens_at = ?, closes_at = ? WHERE id = ?"),
			p.Question, nullID(p.ArticleID), p.Scope, dbTime(p.OpensAt), nullTime(p.ClosesAt), id); err != nil {
			return err
		}
		if opts == nil {
			return nil
		}
		for i, label := range opts {
			if i < len(p.Options) {
				if _, err := tx.ExecContext(ctx, s.q("UPDATE poll_options SET label = ?, position = ? WHERE id = ?"), label, i, p.Options[i].ID); err != nil {
					return err
				}
				continue
			}
			if _, err := tx.ExecContext(ctx, s.q("INSERT INTO poll_options (poll_id, label, position) VALUES (?, ?, ?)"), id, label, i); err != nil {
				return err
			}
		}
		for _, o := range p.Options[min(len(opts), len(p.Options)):] {
			if _, err := tx.ExecContext(ctx, s.q("DELETE FROM poll_options WHERE id = ?"), o.ID); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("update poll: %w", err)
	}
	return nil
}

// DeletePoll removes a poll and its votes; articles lose the attachment.
func (s *Store) DeletePoll(ctx context.Context, id int64) error {
	res, err := s.w.ExecContext(ctx, s.q("DELETE FROM polls WHERE id = ?"), id)
	if err != nil {
		return fmt.Errorf("delete poll: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return domain.NotFound("polling tidak ditemukan")
	}
	return nil
}
