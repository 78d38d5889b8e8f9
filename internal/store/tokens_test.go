package store_test

import (
	"context"
	"testing"
	"time"

	"warta/internal/domain"
	"warta/internal/store"
	"warta/internal/testdb"
)

// A script reading the admin API must not cost a write per request (on a
// full disk every read failed because of it): a token's last use is
// written at most once a minute.
func TestTokenUseIsRecordedAtMostOncePerMinute(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		uid, err := s.CreateUser(ctx, store.UserInput{Email: "eko@warta.test", Name: "Eko", Role: domain.RoleEditor, PasswordHash: "x"})
		if err != nil {
			t.Fatal(err)
		}
		tid, err := s.CreateAPIToken(ctx, uid, "skrip", "hash-1")
		if err != nil {
			t.Fatal(err)
		}
		now := time.Now()
		s.SetClock(func() time.Time { return now })
		lastUsed := func() time.Time {
			tok, err := s.APIToken(ctx, tid)
			if err != nil {
				t.Fatal(err)
			}
			return tok.LastUsedAt
		}
		use := func() {
			if _, err := s.TokenUser(ctx, "hash-1"); err != nil {
				t.Fatal(err)
			}
		}
		use()
		first := lastUsed()
		if first.IsZero() {
			t.Fatal("first use not recorded")
		}
		now = now.Add(30 * time.Second)
		use()
		if got := lastUsed(); !got.Equal(first) {
			t.Errorf("a use 30 s later wrote last_used_at again: %v -> %v", first, got)
		}
		now = now.Add(31 * time.Second)
		use()
		if got := lastUsed(); !got.After(first) {
			t.Errorf("a use 61 s later did not record it: %v", got)
		}
	})
}
