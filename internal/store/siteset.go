package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"sort"

	"warta/internal/domain"
)

// The keys of the site's look, its ad slots and the home page's poll
// (issue 14); the values of the JSON ones are written and read only here.
const (
	SettingSiteName    = "site.name"
	SettingTagline     = "site.tagline"
	SettingLogo        = "site.logo"         // JSON domain.Logo
	SettingMenu        = "site.menu"         // JSON []domain.MenuItem; absent: every channel
	SettingFooterText  = "site.footer_text"  // plain text
	SettingFooterLinks = "site.footer_links" // JSON []domain.Link
	SettingAdSlots     = "site.ad_slots"     // JSON map slot name -> domain.AdSlot
	// SettingHomePoll is the poll the home page shows: a poll id, or
	// HomePollAuto / HomePollNone.
	SettingHomePoll = "home.poll"
)

// SetSettings stores several settings in one transaction ("" deletes a
// key, so it falls back to its default). The editorial method that calls
// it announces the change (editorial.Change).
func (s *Store) SetSettings(ctx context.Context, kv map[string]string) error {
	keys := make([]string, 0, len(kv))
	for k := range kv {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	err := s.Tx(ctx, func(tx *sql.Tx) error {
		for _, k := range keys {
			var err error
			if kv[k] == "" {
				_, err = tx.ExecContext(ctx, s.q("DELETE FROM settings WHERE key = ?"), k)
			} else {
				_, err = tx.ExecContext(ctx, s.q(`INSERT INTO settings (key, value) VALUES (?, ?)
					ON CONFLICT (key) DO UPDATE SET value = excluded.value`), k, kv[k])
			}
			if err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("set settings: %w", err)
	}
	return nil
}

// settings reads several settings in one query ("" for those never set).
func (s *Store) settings(ctx context.Context, keys ...string) (map[string]string, error) {
	args := make([]any, len(keys))
	for i, k := range keys {
		args[i] = k
	}
	rows, err := s.r.QueryContext(ctx, s.q("SELECT key, value FROM settings WHERE key IN ("+placeholders(len(keys))+")"), args...)
	if err != nil {
		return nil, fmt.Errorf("get settings: %w", err)
	}
	defer rows.Close()
	out := make(map[string]string, len(keys))
	for rows.Next() {
		var k, v string
		if err := rows.Scan(&k, &v); err != nil {
			return nil, fmt.Errorf("get settings: %w", err)
		}
		out[k] = v
	}
	return out, rows.Err()
}

// SiteLook returns the site's look as admins set it (empty fields: the
// defaults). A JSON value that does not decode (written by hand) counts as
// not set.
func (s *Store) SiteLook(ctx context.Context) (domain.SiteLook, error) {
	v, err := s.settings(ctx, SettingSiteName, SettingTagline, SettingLogo, SettingMenu, SettingFooterText, SettingFooterLinks)
	if err != nil {
		return domain.SiteLook{}, err
	}
	l := domain.SiteLook{Name: v[SettingSiteName], Tagline: v[SettingTagline], FooterText: v[SettingFooterText]}
	if v[SettingLogo] != "" && json.Unmarshal([]byte(v[SettingLogo]), &l.Logo) != nil {
		l.Logo = domain.Logo{}
	}
	if v[SettingMenu] != "" {
		if json.Unmarshal([]byte(v[SettingMenu]), &l.Menu) != nil || l.Menu == nil {
			l.Menu = nil
		}
	}
	if v[SettingFooterLinks] != "" && json.Unmarshal([]byte(v[SettingFooterLinks]), &l.FooterLinks) != nil {
		l.FooterLinks = nil
	}
	return l, nil
}

// LookValues turns a look into the settings that hold it, for SetSettings.
func LookValues(l domain.SiteLook) map[string]string {
	kv := map[string]string{SettingSiteName: l.Name, SettingTagline: l.Tagline, SettingFooterText: l.FooterText,
		SettingLogo: "", SettingMenu: "", SettingFooterLinks: ""}
	if l.Logo.URL != "" {
		kv[SettingLogo] = mustJSON(l.Logo)
	}
	if l.Menu != nil {
		kv[SettingMenu] = mustJSON(l.Menu)
	}
	if len(l.FooterLinks) > 0 {
		kv[SettingFooterLinks] = mustJSON(l.FooterLinks)
	}
	return kv
}

// AdSlots returns the ad slots admins filled, by slot name.
func (s *Store) AdSlots(ctx context.Context) (map[string]domain.AdSlot, error) {
	v, err := s.Setting(ctx, SettingAdSlots)
	if err != nil || v == "" {
		return map[string]domain.AdSlot{}, err
	}
	out := map[string]domain.AdSlot{}
	if json.Unmarshal([]byte(v), &out) != nil {
		return map[string]domain.AdSlot{}, nil
	}
	return out, nil
}

// AdSlotsValue is the setting value that holds slots, for SetSettings.
func AdSlotsValue(slots map[string]domain.AdSlot) string {
	on := map[string]domain.AdSlot{}
	for k, v := range slots {
		if v.Kind != "" {
			on[k] = v
		}
	}
	if len(on) == 0 {
		return ""
	}
	return mustJSON(on)
}

// mustJSON encodes values that always encode (plain structs of strings and
// numbers).
func mustJSON(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return string(b)
}
