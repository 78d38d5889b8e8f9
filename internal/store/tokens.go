package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"warta/internal/domain"
)

// CreateAPIToken stores the hash of a new bearer token and returns its id.
func (s *Store) CreateAPIToken(ctx context.Context, userID int64, name, hash string) (int64, error) {
	id, err := s.insertID(ctx, s.w, "INSERT INTO api_tokens (user_id, token_hash, name, created_at) VALUES (?, ?, ?, ?)",
		userID, hash, name, s.Now())
	if err != nil {
		return 0, fmt.Errorf("create token: %w", err)
	}
	return id, nil
}

// tokenTouchEvery is how often a token's last use is written: a busy
// script's reads must not each cost a write (nor fail when writes do).
const tokenTouchEvery = time.Minute

// TokenUser returns the enabled account behind a live token hash, recording
// its use at most once a minute. Recording the use never fails the request
// (a full disk only logs it). An unknown or revoked token is an
// unauthorized error.
func (s *Store) TokenUser(ctx context.Context, hash string) (domain.User, error) {
	var tokenID int64
	var revoked, used sql.NullTime
	row := s.r.QueryRowContext(ctx, s.q(`SELECT t.id, t.revoked_at, t.last_used_at, `+userCols+` FROM api_tokens t JOIN users u ON u.id = t.user_id
		WHERE t.token_hash = ?`), hash)
	var u domain.User
	var role string
	err := row.Scan(&tokenID, &revoked, &used, &u.ID, &u.Email, &u.Name, &role, &u.AuthorID, &u.Disabled, &u.PasswordHash, &u.CreatedAt)
	u.Role = domain.Role(role)
	if errors.Is(err, sql.ErrNoRows) || (err == nil && (revoked.Valid || u.Disabled)) {
		return domain.User{}, domain.Errorf(domain.EUnauthorized, "token tidak valid atau sudah dicabut")
	}
	if err != nil {
		return u, fmt.Errorf("get token: %w", err)
	}
	now := s.Now()
	if used.Valid && now.Sub(used.Time) < tokenTouchEvery {
		return u, nil
	}
	if _, err := s.w.ExecContext(ctx, s.q(`UPDATE api_tokens SET last_used_at = ?
		WHERE id = ? AND (last_used_at IS NULL OR last_used_at < ?)`), now, tokenID, now.Add(-tokenTouchEvery)); err != nil {
		s.logger().Warn("token use not recorded", "token", tokenID, "err", err, "storage_full", StorageFull(err))
	}
	return u, nil
}

// APITokens lists tokens, newest first; userID 0 lists everyone's.
func (s *Store) APITokens(ctx context.Context, userID int64) ([]domain.APIToken, error) {
	rows, err := s.r.QueryContext(ctx, s.q(`SELECT t.id, t.user_id, u.email, t.name, t.created_at, t.last_used_at, t.revoked_at
		FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE (? = 0 OR t.user_id = ?) ORDER BY t.id DESC`), userID, userID)
	if err != nil {
		return nil, fmt.Errorf("list tokens: %w", err)
	}
	defer rows.Close()
	var list []domain.APIToken
	for rows.Next() {
		var t domain.APIToken
		var used, revoked sql.NullTime
		if err := rows.Scan(&t.ID, &t.UserID, &t.UserEmail, &t.Name, &t.CreatedAt, &used, &revoked); err != nil {
			return nil, fmt.Errorf("list tokens: %w", err)
		}
		t.LastUsedAt, t.RevokedAt = used.Time, revoked.Time
		list = append(list, t)
	}
	return list, rows.Err()
}

// APIToken returns one token's record.
func (s *Store) APIToken(ctx context.Context, id int64) (domain.APIToken, error) {
	var t domain.APIToken
	var used, revoked sql.NullTime
	err := s.r.QueryRowContext(ctx, s.q(`SELECT t.id, t.user_id, u.email, t.name, t.created_at, t.last_used_at, t.revoked_at
		FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.id = ?`), id).
		Scan(&t.ID, &t.UserID, &t.UserEmail, &t.Name, &t.CreatedAt, &used, &revoked)
	if errors.Is(err, sql.ErrNoRows) {
		return t, domain.NotFound("token tidak ditemukan")
	}
	if err != nil {
		return t, fmt.Errorf("get token: %w", err)
	}
	t.LastUsedAt, t.RevokedAt = used.Time, revoked.Time
	return t, nil
}

// RevokeAPIToken revokes a token; revoking twice is harmless.
func (s *Store) RevokeAPIToken(ctx context.Context, id int64) error {
	res, err := s.w.ExecContext(ctx, s.q("UPDATE api_tokens SET revoked_at = COALESCE(revoked_at, ?) WHERE id = ?"), s.Now(), id)
	if err != nil {
		return fmt.Errorf("revoke token: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return domain.NotFound("token tidak ditemukan")
	}
	return nil
}
