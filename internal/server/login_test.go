package server_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"testing"

	"warta/internal/app"
	"warta/internal/domain"
	"warta/internal/store"
	"warta/internal/testdb"
	"warta/internal/web"
)

// Issue 9 (and 16 M7): behind --trust-proxy, failed logins from other
// clients never lock the account's owner out. The login limiter used to
// count failures per account from anywhere: 5 wrong passwords sent by
// anyone made the right one answer 429 for 15 minutes.
func TestFailedLoginsElsewhereDoNotLockTheOwnerOut(t *testing.T) {
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		e := newEnv(t, st, func(c *app.Config) { c.ClientIPs = web.NewClientIPs(true, nil) })
		if _, err := e.app.Editorial.AddUser(ctx, "eko@warta.test", "Eko Editor", domain.RoleEditor, "sandi-yang-benar-sekali"); err != nil {
			t.Fatal(err)
		}
		login := func(r *reader, password string) answer {
			t.Helper()
			u, _ := url.Parse(e.srv.URL + "/redaksi/masuk")
			r.client.Jar.SetCookies(u, []*http.Cookie{{Name: "warta_masuk", Value: "tok", Path: "/redaksi/masuk"}})
			return r.postForm("/redaksi/masuk", url.Values{"email": {"eko@warta.test"}, "password": {password}, "csrf": {"tok"}})
		}
		for i := range 20 { // 20 clients behind the proxy, one wrong guess each
			guesser := e.reader(t, fmt.Sprintf("penebak-%d", i))
			guesser.xff = fmt.Sprintf("203.0.113.%d", i+1)
			if a := login(guesser, "salah"); a.code != http.StatusUnauthorized {
				t.Fatalf("guess %d: %d, want 401", i, a.code)
			}
		}
		owner := e.reader(t, "pemilik")
		owner.xff = "198.51.100.7"
		if a := login(owner, "sandi-yang-benar-sekali"); a.code != http.StatusSeeOther {
			t.Errorf("the owner with the right password after 20 failures elsewhere: %d, want 303 (logged in)", a.code)
		}
		// The guessing client itself is held up once it passes its free tries.
		guesser := e.reader(t, "penebak-tekun")
		guesser.xff = "203.0.113.200"
		for range 5 {
			login(guesser, "salah")
		}
		if a := login(guesser, "sandi-yang-benar-sekali"); a.code != http.StatusTooManyRequests {
			t.Errorf("the client that failed 5 times: %d, want 429", a.code)
		}
	})
}
