package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"warta/internal/domain"
)

// Session is a server-side login session. ID is the SHA-256 of the cookie
// value, so a leaked database does not leak live sessions.
type Session struct {
	ID         string
	UserID     int64
	CSRF       string
	CreatedAt  time.Time
	LastSeenAt time.Time
	ExpiresAt  time.Time
	IP         string
	UserAgent  string
}

// CreateSession stores a session.
func (s *Store) CreateSession(ctx context.Context, se Session) error {
	now := s.Now()
	_, err := s.w.ExecContext(ctx, s.q(`INSERT INTO sessions (id, user_id, csrf, created_at, last_seen_at, expires_at, ip, user_agent)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`), se.ID, se.UserID, se.CSRF, now, now, dbTime(se.ExpiresAt), se.IP, truncateStr(se.UserAgent, 300))
	if err != nil {
		return fmt.Errorf("create session: %w", err)
	}
	return nil
}

func truncateStr(s string, n int) string {
	if len(s) > n {
		return s[:n]
	}
	return s
}

// SessionUser returns a live session and its enabled account. An unknown or
// expired session is an unauthorized error.
func (s *Store) SessionUser(ctx context.Context, id string) (Session, domain.User, error) {
	var se Session
	row := s.r.QueryRowContext(ctx, s.q(`SELECT s.id, s.user_id, s.csrf, s.created_at, s.last_seen_at, s.expires_at, s.ip, s.user_agent, `+userCols+`
		FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id = ?`), id)
	var u domain.User
	var role string
	err := row.Scan(&se.ID, &se.UserID, &se.CSRF, &se.CreatedAt, &se.LastSeenAt, &se.ExpiresAt, &se.IP, &se.UserAgent,
		&u.ID, &u.Email, &u.Name, &role, &u.AuthorID, &u.Disabled, &u.PasswordHash, &u.CreatedAt)
	u.Role = domain.Role(role)
	if errors.Is(err, sql.ErrNoRows) {
		return se, u, domain.Errorf(domain.EUnauthorized, "sesi tidak dikenal, silakan masuk kembali")
	}
	if err != nil {
		return se, u, fmt.Errorf("get session: %w", err)
	}
	if !se.ExpiresAt.After(s.Now()) || u.Disabled {
		return se, u, domain.Errorf(domain.EUnauthorized, "sesi Anda telah berakhir, silakan masuk kembali")
	}
	return se, u, nil
}

// TouchSession records activity and pushes the expiry to expires.
func (s *Store) TouchSession(ctx context.Context, id string, expires time.Time) error {
	_, err := s.w.ExecContext(ctx, s.q("UPDATE sessions SET last_seen_at = ?, expires_at = ? WHERE id = ?"), s.Now(), dbTime(expires), id)
	if err != nil {
		return fmt.Errorf("touch session: %w", err)
	}
	return nil
}

// DeleteSession ends one session.
func (s *Store) DeleteSession(ctx context.Context, id string) error {
	if _, err := s.w.ExecContext(ctx, s.q("DELETE FROM sessions WHERE id = ?"), id); err != nil {
		return fmt.Errorf("delete session: %w", err)
	}
	return nil
}

// DeleteUserSessions ends every session of an account.
func (s *Store) DeleteUserSessions(ctx context.Context, userID int64) error {
	if _, err := s.w.ExecContext(ctx, s.q("DELETE FROM sessions WHERE user_id = ?"), userID); err != nil {
		return fmt.Errorf("delete sessions: %w", err)
	}
	return nil
}

// DeleteExpiredSessions removes sessions past their expiry.
func (s *Store) DeleteExpiredSessions(ctx context.Context) error {
	if _, err := s.w.ExecContext(ctx, s.q("DELETE FROM sessions WHERE expires_at <= ?"), s.Now()); err != nil {
		return fmt.Errorf("delete expired sessions: %w", err)
	}
	return nil
}
