package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// The keys of the site settings, all in one place.
const (
	// SettingArticleSlot holds the HTML an admin places on every article
	// page after the body (an ad tag, a newsletter box): already sanitised
	// when it is stored, and sanitised again when it is shown. Empty means
	// no slot.
	SettingArticleSlot = "site.article_slot_html"
	// SettingModeration is the comment moderation mode (domain.Moderation*).
	SettingModeration = "comments.moderation"
	// SettingSecret signs reader cookies and salts reader hashes; every
	// process over one database shares it.
	SettingSecret = "site.secret"
)

// Setting returns a site setting, or "" when it was never set.
func (s *Store) Setting(ctx context.Context, key string) (string, error) {
	var v string
	err := s.r.QueryRowContext(ctx, s.q("SELECT value FROM settings WHERE key = ?"), key).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("get setting %s: %w", key, err)
	}
	return v, nil
}

// SetSetting stores a site setting.
func (s *Store) SetSetting(ctx context.Context, key, value string) error {
	_, err := s.w.ExecContext(ctx, s.q(`INSERT INTO settings (key, value) VALUES (?, ?)
		ON CONFLICT (key) DO UPDATE SET value = excluded.value`), key, value)
	if err != nil {
		return fmt.Errorf("set setting %s: %w", key, err)
	}
	return nil
}

// EnsureSetting stores value under key unless the key already has one, and
// returns the value in force. Several processes starting at once agree on
// one value (the site secret, for example).
func (s *Store) EnsureSetting(ctx context.Context, key, value string) (string, error) {
	if _, err := s.w.ExecContext(ctx, s.q("INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING"), key, value); err != nil {
		return "", fmt.Errorf("ensure setting %s: %w", key, err)
	}
	var v string
	if err := s.w.QueryRowContext(ctx, s.q("SELECT value FROM settings WHERE key = ?"), key).Scan(&v); err != nil {
		return "", fmt.Errorf("ensure setting %s: %w", key, err)
	}
	return v, nil
}
