package auth_test

import (
	"context"
	"errors"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"warta/internal/auth"
	"warta/internal/domain"
	"warta/internal/store"
	"warta/internal/testdb"
	"warta/internal/web"
)

func TestPasswordHashing(t *testing.T) {
	h, err := auth.HashPassword("kuda-lumping-123")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(h, "$argon2id$v=19$m=19456,t=2,p=1$") {
		t.Errorf("hash %q is not argon2id in PHC format", h)
	}
	if !auth.CheckPassword(h, "kuda-lumping-123") || auth.CheckPassword(h, "kuda-lumping-124") || auth.CheckPassword("rusak", "x") {
		t.Error("password check is wrong")
	}
	h2, _ := auth.HashPassword("kuda-lumping-123")
	if h == h2 {
		t.Error("no salt: two hashes of one password are equal")
	}
	if _, err := auth.HashPassword("pendek"); web.StatusOf(err) != 400 {
		t.Errorf("short password: %v", err)
	}
}

func newUser(t *testing.T, st *store.Store, email string, role domain.Role) domain.User {
	t.Helper()
	h, err := auth.HashPassword("sandi-yang-benar")
	if err != nil {
		t.Fatal(err)
	}
	id, err := st.CreateUser(context.Background(), store.UserInput{Email: email, Name: "Orang " + email, Role: role, PasswordHash: h})
	if err != nil {
		t.Fatal(err)
	}
	u, _ := st.UserByID(context.Background(), id)
	return u
}

func TestLoginSessionsAndLimits(t *testing.T) {
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		s := auth.New(auth.Config{AccountLimit: 3, IPLimit: 5}, st)
		newUser(t, st, "ani@warta.test", domain.RoleEditor)
		newUser(t, st, "budi@warta.test", domain.RoleWriter)

		if _, _, err := s.Login(ctx, "ani@warta.test", "salah", "10.0.0.1", "t"); web.StatusOf(err) != 401 {
			t.Fatalf("wrong password: %v", err)
		}
		if _, _, err := s.Login(ctx, "tidakada@warta.test", "salah", "10.0.0.1", "t"); web.StatusOf(err) != 401 ||
			domain.ErrorMessage(err) != "email atau kata sandi salah" {
			t.Fatalf("unknown account must look like a wrong password: %v", err)
		}
		tok, p, err := s.Login(ctx, " ANI@warta.test ", "sandi-yang-benar", "10.0.0.1", "t")
		if err != nil {
			t.Fatal(err)
		}
		if p.CSRF == "" || p.SessionID == tok {
			t.Error("session stored in clear or without CSRF token")
		}
		// The cookie authenticates; the session is server-side and revocable.
		req := httptest.NewRequest("GET", "/redaksi/", nil)
		req.AddCookie(s.Cookie(req, tok))
		got, err := s.FromRequest(ctx, req)
		if err != nil || got.User.Email != "ani@warta.test" {
			t.Fatalf("session: %v", err)
		}
		c := s.Cookie(req, tok)
		if !c.HttpOnly || c.SameSite != 2 /* Lax */ || c.Secure {
			t.Errorf("cookie flags %+v", c)
		}
		if tls := httptest.NewRequest("GET", "https://warta.test/", nil); !s.Cookie(tls, tok).Secure {
			t.Error("cookie not Secure behind TLS")
		}
		// CSRF: a write without the token is refused, with it accepted.
		post := httptest.NewRequest("POST", "/redaksi/artikel/baru", strings.NewReader(url.Values{"title": {"x"}}.Encode()))
		post.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		if err := auth.CheckCSRF(got, post); web.StatusOf(err) != 403 {
			t.Errorf("missing CSRF token accepted: %v", err)
		}
		post = httptest.NewRequest("POST", "/x", nil)
		post.Header.Set(auth.CSRFHeader, got.CSRF)
		if err := auth.CheckCSRF(got, post); err != nil {
			t.Errorf("valid CSRF token refused: %v", err)
		}
		if err := s.Logout(ctx, got); err != nil {
			t.Fatal(err)
		}
		if _, err := s.FromRequest(ctx, req); web.StatusOf(err) != 401 {
			t.Errorf("session alive after logout: %v", err)
		}
		// Per account on one client: the 4th try from that client is
		// refused even with the right password; the owner on another
		// client logs in.
		for range 3 {
			s.Login(ctx, "budi@warta.test", "salah", "10.0.0.2", "t")
		}
		_, _, err = s.Login(ctx, "budi@warta.test", "sandi-yang-benar", "10.0.0.2", "t")
		var de *domain.Error
		if !errors.As(err, &de) || de.Code != domain.ETooMany || de.RetryAfter <= 0 {
			t.Errorf("account limit on the guessing client: %v", err)
		}
		if _, _, err := s.Login(ctx, "budi@warta.test", "sandi-yang-benar", "10.0.0.3", "t"); err != nil {
			t.Errorf("the owner on another client: %v, want logged in", err)
		}
		// Per-IP limit: many accounts from one address.
		for i := range 5 {
			s.Login(ctx, "x"+string(rune('a'+i))+"@warta.test", "salah", "10.0.0.9", "t")
		}
		if _, _, err := s.Login(ctx, "ani@warta.test", "sandi-yang-benar", "10.0.0.9", "t"); web.StatusOf(err) != 429 {
			t.Errorf("IP limit: %v", err)
		}
	})
}

func TestExpiredSessionAndPasswordChange(t *testing.T) {
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		now := time.Now()
		st.SetClock(func() time.Time { return now })
		s := auth.New(auth.Config{SessionTTL: time.Hour}, st)
		newUser(t, st, "ani@warta.test", domain.RoleEditor)
		tok, _, err := s.Login(ctx, "ani@warta.test", "sandi-yang-benar", "1.1.1.1", "t")
		if err != nil {
			t.Fatal(err)
		}
		tok2, _, _ := s.Login(ctx, "ani@warta.test", "sandi-yang-benar", "1.1.1.1", "t")
		req := httptest.NewRequest("GET", "/", nil)
		req.AddCookie(s.Cookie(req, tok))
		p, err := s.FromRequest(ctx, req)
		if err != nil {
			t.Fatal(err)
		}
		if err := s.ChangePassword(ctx, p, "salah-lama", "sandi-baru-panjang"); web.StatusOf(err) != 400 {
			t.Errorf("wrong old password: %v", err)
		}
		if err := s.ChangePassword(ctx, p, "sandi-yang-benar", "sandi-baru-panjang"); err != nil {
			t.Fatal(err)
		}
		req2 := httptest.NewRequest("GET", "/", nil)
		req2.AddCookie(s.Cookie(req2, tok2))
		if _, err := s.FromRequest(ctx, req2); web.StatusOf(err) != 401 {
			t.Errorf("other session survives a password change: %v", err)
		}
		if _, err := s.FromRequest(ctx, req); err != nil {
			t.Errorf("own session ended by a password change: %v", err)
		}
		now = now.Add(2 * time.Hour)
		_, err = s.FromRequest(ctx, req)
		if web.StatusOf(err) != 401 || !strings.Contains(domain.ErrorMessage(err), "berakhir") {
			t.Errorf("expired session: %v", err)
		}
	})
}

// The permission table in docs/newsroom.md is the one the server enforces.
func TestPermissionTableDocumented(t *testing.T) {
	doc, err := os.ReadFile("../../docs/newsroom.md")
	if err != nil {
		t.Fatal(err)
	}
	// Every permission row of the docs' table is one the server knows (a
	// renamed or removed permission must leave the docs too).
	known := map[string]bool{}
	for _, row := range auth.Table {
		known[string(row.Perm)] = true
	}
	permTable := regexp.MustCompile("(?s)\\| permission \\|.*?\n\n").Find(doc)
	if permTable == nil {
		t.Fatal("docs/newsroom.md has no permission table (a header row starting | permission |)")
	}
	for _, m := range regexp.MustCompile("(?m)^\\| `([a-z_.]+)` \\|").FindAllSubmatch(permTable, -1) {
		if !known[string(m[1])] {
			t.Errorf("docs/newsroom.md has a row for %s, which auth.Table does not hold", m[1])
		}
	}
	for _, row := range auth.Table {
		re := regexp.MustCompile("(?m)^\\| `" + regexp.QuoteMeta(string(row.Perm)) + "` \\|(.*)$")
		m := re.FindSubmatch(doc)
		if m == nil {
			t.Errorf("docs/newsroom.md lacks a row for %s", row.Perm)
			continue
		}
		cells := strings.Split(string(m[1]), "|")
		for i, role := range domain.Roles {
			want := auth.Can(role, row.Perm)
			got := i < len(cells) && strings.Contains(cells[i+1], "✓")
			if want != got {
				t.Errorf("docs: %s for %s is %v, the server says %v", row.Perm, role, got, want)
			}
		}
	}
}

// Failed logins are counted in the database: a second process over the
// same database refuses what the first one counted, and the wait after the
// free tries doubles with each further failure.
func TestLoginDelaysGrowAndHoldAcrossProcesses(t *testing.T) {
	for _, engine := range []string{"sqlite", "postgres"} {
		t.Run(engine, func(t *testing.T) {
			ctx := context.Background()
			dsn := filepath.Join(t.TempDir(), "warta.db")
			if engine == "postgres" {
				dsn = testdb.PostgresURL(t)
			}
			open := func() *store.Store {
				st, err := store.Open(ctx, dsn)
				if err != nil {
					t.Fatal(err)
				}
				t.Cleanup(func() { st.Close() })
				if err := st.Migrate(ctx); err != nil {
					t.Fatal(err)
				}
				return st
			}
			st1, st2 := open(), open()
			now := time.Now()
			clock := func() time.Time { return now }
			st1.SetClock(clock)
			st2.SetClock(clock)
			cfg := auth.Config{AccountLimit: 3, Delay: 10 * time.Second, Window: 15 * time.Minute}
			one, two := auth.New(cfg, st1), auth.New(cfg, st2)
			newUser(t, st1, "ani@warta.test", domain.RoleEditor)
			login := func(s *auth.Service, password, ip string) error {
				_, _, err := s.Login(ctx, "ani@warta.test", password, ip, "t")
				return err
			}
			for range 3 {
				if err := login(one, "salah", "10.1.1.1"); web.StatusOf(err) != 401 {
					t.Fatalf("free try: %v", err)
				}
			}
			for _, step := range []struct {
				after time.Duration
				want  int
			}{
				{0, 429},                // the other process knows the 3 failures
				{11 * time.Second, 401}, // past the first wait (10 s): one more try
				{15 * time.Second, 429}, // now the wait is 20 s
				{21 * time.Second, 401}, // past it; the next wait is 40 s
				{39 * time.Second, 429},
			} {
				now = now.Add(step.after)
				if err := login(two, "salah", "10.1.1.1"); web.StatusOf(err) != step.want {
					t.Errorf("after %v more: %v, want %d", step.after, err, step.want)
				}
			}
			if err := login(two, "sandi-yang-benar", "10.2.2.2"); err != nil {
				t.Errorf("the owner on another client: %v", err)
			}
		})
	}
}
