package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"warta/internal/domain"
)

// TakeEditLock records that userID is editing an article until now+ttl and
// returns who else holds a live lock on it (zero EditLock when nobody). The
// lock is advisory: the newsroom warns, it does not block.
func (s *Store) TakeEditLock(ctx context.Context, articleID, userID int64, ttl time.Duration) (domain.EditLock, error) {
	now := s.Now()
	var other domain.EditLock
	err := s.Tx(ctx, func(tx *sql.Tx) error {
		var holder int64
		var name string
		var exp time.Time
		err := tx.QueryRowContext(ctx, s.q(`SELECT l.user_id, u.name, l.expires_at FROM edit_locks l JOIN users u ON u.id = l.user_id
			WHERE l.article_id = ?`), articleID).Scan(&holder, &name, &exp)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		if err == nil && holder != userID && exp.After(now) {
			other = domain.EditLock{ArticleID: articleID, UserID: holder, UserName: name, ExpiresAt: exp}
			return nil
		}
		_, err = tx.ExecContext(ctx, s.q(`INSERT INTO edit_locks (article_id, user_id, expires_at) VALUES (?, ?, ?)
			ON CONFLICT (article_id) DO UPDATE SET user_id = excluded.user_id, expires_at = excluded.expires_at`),
			articleID, userID, now.Add(ttl))
		return err
	})
	if err != nil {
		return other, fmt.Errorf("edit lock: %w", err)
	}
	return other, nil
}

// ReleaseEditLock drops userID's lock on an article.
func (s *Store) ReleaseEditLock(ctx context.Context, articleID, userID int64) error {
	_, err := s.w.ExecContext(ctx, s.q("DELETE FROM edit_locks WHERE article_id = ? AND user_id = ?"), articleID, userID)
	if err != nil {
		return fmt.Errorf("release edit lock: %w", err)
	}
	return nil
}

// EditStatus is what the editor page shows about who else is at an
// article: the lock's holder (zero when the asking editor holds it or
// nobody does), the other editors who have it open, whether the asking
// editor's lock was taken over, and the article's version (a newer one
// than the form's means someone saved meanwhile).
type EditStatus struct {
	Holder  domain.EditLock // someone else holding the lock; zero when none
	Others  []Present       // others with the editor open, first opened first
	TakenBy string          // who took the asking editor's lock over ("" when not)
	Version int64
}

// Present is an editor who has an article open.
type Present struct {
	UserID int64
	Name   string
	Since  time.Time
}

// EditPresence records that userID has article articleID's editor open
// until now+ttl and gives them the lock when nobody else holds a live one
// (or takeOver is set: the lock then moves to them and its holder is told).
// It returns the status the editor page shows.
func (s *Store) EditPresence(ctx context.Context, articleID, userID int64, ttl time.Duration, takeOver bool) (EditStatus, error) {
	now := s.Now()
	var st EditStatus
	err := s.Tx(ctx, func(tx *sql.Tx) error {
		if err := tx.QueryRowContext(ctx, s.q("SELECT version FROM articles WHERE id = ?"), articleID).Scan(&st.Version); err != nil {
			if errors.Is(err, sql.ErrNoRows) {
				return domain.NotFound("artikel tidak ditemukan")
			}
			return err
		}
		if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO edit_presence (article_id, user_id, opened_at, expires_at) VALUES (?, ?, ?, ?)
			ON CONFLICT (article_id, user_id) DO UPDATE SET expires_at = excluded.expires_at,
			opened_at = CASE WHEN edit_presence.expires_at < ? THEN excluded.opened_at ELSE edit_presence.opened_at END`),
			articleID, userID, now, now.Add(ttl), now); err != nil {
			return err
		}
		var holder int64
		var name string
		var exp time.Time
		var from sql.NullInt64
		err := tx.QueryRowContext(ctx, s.q(`SELECT l.user_id, u.name, l.expires_at, l.taken_from FROM edit_locks l
			JOIN users u ON u.id = l.user_id WHERE l.article_id = ?`), articleID).Scan(&holder, &name, &exp, &from)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		live := err == nil && exp.After(now)
		switch {
		case live && holder != userID && !takeOver:
			st.Holder = domain.EditLock{ArticleID: articleID, UserID: holder, UserName: name, ExpiresAt: exp}
			if from.Valid && from.Int64 == userID {
				st.TakenBy = name
			}
		default:
			var takenFrom any
			if live && holder != userID {
				takenFrom = holder
			} else if err == nil && holder == userID && from.Valid {
				takenFrom = from.Int64
			}
			if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO edit_locks (article_id, user_id, expires_at, taken_from) VALUES (?, ?, ?, ?)
				ON CONFLICT (article_id) DO UPDATE SET user_id = excluded.user_id, expires_at = excluded.expires_at,
				taken_from = excluded.taken_from`), articleID, userID, now.Add(ttl), takenFrom); err != nil {
				return err
			}
		}
		rows, err := tx.QueryContext(ctx, s.q(`SELECT p.user_id, u.name, p.opened_at FROM edit_presence p JOIN users u ON u.id = p.user_id
			WHERE p.article_id = ? AND p.user_id <> ? AND p.expires_at > ? ORDER BY p.opened_at, p.user_id`), articleID, userID, now)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var p Present
			if err := rows.Scan(&p.UserID, &p.Name, &p.Since); err != nil {
				return err
			}
			st.Others = append(st.Others, p)
		}
		return rows.Err()
	})
	if err != nil {
		return st, fmt.Errorf("edit presence: %w", err)
	}
	return st, nil
}

// LeaveEditor records that userID closed article articleID's editor: their
// presence and their lock go.
func (s *Store) LeaveEditor(ctx context.Context, articleID, userID int64) error {
	return s.Tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, s.q("DELETE FROM edit_presence WHERE article_id = ? AND user_id = ?"), articleID, userID); err != nil {
			return fmt.Errorf("leave editor: %w", err)
		}
		if _, err := tx.ExecContext(ctx, s.q("DELETE FROM edit_locks WHERE article_id = ? AND user_id = ?"), articleID, userID); err != nil {
			return fmt.Errorf("leave editor: %w", err)
		}
		return nil
	})
}
