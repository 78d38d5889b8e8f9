// Package auth is the newsroom's security: argon2id password hashes,
// server-side sessions in HttpOnly SameSite=Lax cookies, CSRF tokens, bearer
// tokens for the admin API, login rate limits and the role permission table.
package auth

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"net"
	"net/http"
	"strings"
	"time"

	"warta/internal/domain"
	"warta/internal/store"
)

// CookieName is the session cookie.
const CookieName = "warta_sesi"

// CSRFHeader carries the CSRF token on API calls made with the session cookie.
const CSRFHeader = "X-CSRF-Token"

// TokenPrefix starts every admin API bearer token, so leaked ones are easy
// to recognise in logs and scanners.
const TokenPrefix = "wrt_"

// Config tunes sessions and login limits; zero values take the defaults.
//
// Failed logins are counted in the database, so every process over it
// throttles the same guesses, per client ("c:IP") and per account on that
// client ("a:EMAIL c:IP"):
//   - a client that failed IPLimit times within Window waits until Window
//     has passed since its last failure (one client guessing many accounts);
//   - an account on one client has AccountLimit free tries, then waits
//     Delay, doubled with each further failure, at most Window.
//
// Guesses made elsewhere never hold up the account's owner on their own
// client (issue 9, issue 16 M7): the password hash (argon2id) is what makes
// guessing from many addresses slow.
type Config struct {
	SessionTTL    time.Duration // idle time after which a session ends (default 12h)
	SecureCookies bool          // always mark cookies Secure (they are anyway on TLS requests)
	AccountLimit  int           // free failed logins per account and client (default 5)
	IPLimit       int           // failed logins per client per window (default 20)
	Window        time.Duration // default 15 minutes
	Delay         time.Duration // the first wait past AccountLimit (default 30 s)
	// ClientIP is the site's one rule for the client address (see
	// web.ClientIPs); nil takes the TCP peer.
	ClientIP func(*http.Request) string
}

// Service authenticates newsroom accounts.
type Service struct {
	cfg   Config
	store *store.Store
	dummy string
}

// New builds the service.
func New(cfg Config, st *store.Store) *Service {
	if cfg.SessionTTL <= 0 {
		cfg.SessionTTL = 12 * time.Hour
	}
	if cfg.AccountLimit <= 0 {
		cfg.AccountLimit = 5
	}
	if cfg.IPLimit <= 0 {
		cfg.IPLimit = 20
	}
	if cfg.Window <= 0 {
		cfg.Window = 15 * time.Minute
	}
	if cfg.Delay <= 0 {
		cfg.Delay = 30 * time.Second
	}
	dummy, _ := HashPassword("dummy-password-for-timing")
	return &Service{cfg: cfg, store: st, dummy: dummy}
}

// Principal is who makes a request: an account, through a session (with
// its CSRF token) or through a bearer token.
type Principal struct {
	User      domain.User
	SessionID string // hash of the session cookie; "" for a bearer token
	CSRF      string
	ViaToken  bool
}

func randomToken() (string, error) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	return base64.RawURLEncoding.EncodeToString(b), nil
}

// HashToken is how session cookies and bearer tokens are stored.
func HashToken(tok string) string {
	sum := sha256.Sum256([]byte(tok))
	return hex.EncodeToString(sum[:])
}

// ClientIP is the address a request came from, under the site's one proxy
// rule (Config.ClientIP); without one, the TCP peer.
func (s *Service) ClientIP(r *http.Request) string {
	if s.cfg.ClientIP != nil {
		return s.cfg.ClientIP(r)
	}
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

func tooMany(wait time.Duration) error {
	secs := int(wait.Seconds()) + 1
	return &domain.Error{Code: domain.ETooMany, RetryAfter: secs,
		Message: fmt.Sprintf("terlalu banyak percobaan masuk yang gagal; coba lagi dalam %d menit", (secs+59)/60)}
}

// wait is how long a login from the client must still wait (0: it may
// try now).
func (s *Service) wait(ctx context.Context, clientKey, accountKey string) (time.Duration, error) {
	now := s.store.Now()
	n, last, err := s.store.LoginFailures(ctx, clientKey)
	if err != nil {
		return 0, err
	}
	var wait time.Duration
	if n >= s.cfg.IPLimit {
		wait = s.cfg.Window - now.Sub(last)
	}
	if n, last, err = s.store.LoginFailures(ctx, accountKey); err != nil {
		return 0, err
	}
	if n >= s.cfg.AccountLimit {
		d := s.cfg.Delay
		for i := s.cfg.AccountLimit; i < n && d < s.cfg.Window; i++ {
			d *= 2
		}
		wait = max(wait, min(d, s.cfg.Window)-now.Sub(last))
	}
	return max(wait, 0), nil
}

var errBadLogin = domain.Errorf(domain.EUnauthorized, "email atau kata sandi salah")

// Login checks an e-mail address and password and opens a session. It
// returns the cookie value. Failed tries count against the account and the
// IP address.
func (s *Service) Login(ctx context.Context, email, password, ip, userAgent string) (string, Principal, error) {
	email = store.NormalizeEmail(email)
	clientKey, accountKey := "c:"+ip, "a:"+email+" c:"+ip
	if wait, err := s.wait(ctx, clientKey, accountKey); err != nil {
		return "", Principal{}, err
	} else if wait > 0 {
		return "", Principal{}, tooMany(wait)
	}
	u, err := s.store.UserByEmail(ctx, email)
	if err != nil && !errors.Is(err, domain.ErrNotFound) {
		return "", Principal{}, err
	}
	hash := u.PasswordHash
	if err != nil {
		hash = s.dummy // same work for unknown accounts: no timing oracle
	}
	ok := CheckPassword(hash, password)
	if err != nil || !ok || u.Disabled {
		for _, k := range []string{clientKey, accountKey} {
			if _, err := s.store.AddLoginFailure(ctx, k, s.cfg.Window); err != nil {
				return "", Principal{}, err
			}
		}
		if ok && u.Disabled {
			return "", Principal{}, domain.Forbidden("akun ini dinonaktifkan; hubungi admin")
		}
		return "", Principal{}, errBadLogin
	}
	if err := s.store.ClearLoginFailures(ctx, accountKey); err != nil {
		return "", Principal{}, err
	}
	tok, err := randomToken()
	if err != nil {
		return "", Principal{}, fmt.Errorf("login: %w", err)
	}
	csrf, err := randomToken()
	if err != nil {
		return "", Principal{}, fmt.Errorf("login: %w", err)
	}
	se := store.Session{ID: HashToken(tok), UserID: u.ID, CSRF: csrf, ExpiresAt: s.store.Now().Add(s.cfg.SessionTTL),
		IP: ip, UserAgent: userAgent}
	if err := s.store.CreateSession(ctx, se); err != nil {
		return "", Principal{}, err
	}
	return tok, Principal{User: u, SessionID: se.ID, CSRF: csrf}, nil
}

// Cookie builds the session cookie: HttpOnly, SameSite=Lax, Secure on TLS.
func (s *Service) Cookie(r *http.Request, value string) *http.Cookie {
	c := &http.Cookie{Name: CookieName, Value: value, Path: "/", HttpOnly: true, SameSite: http.SameSiteLaxMode,
		Secure: s.cfg.SecureCookies || r.TLS != nil || r.Header.Get("X-Forwarded-Proto") == "https"}
	if value == "" {
		c.MaxAge = -1
	}
	return c
}

// FromRequest finds the principal of a request: a bearer token in
// Authorization, else the session cookie. With neither it answers an
// unauthorized error.
func (s *Service) FromRequest(ctx context.Context, r *http.Request) (*Principal, error) {
	if h := r.Header.Get("Authorization"); h != "" {
		scheme, tok, _ := strings.Cut(h, " ")
		if !strings.EqualFold(scheme, "Bearer") || strings.TrimSpace(tok) == "" {
			return nil, domain.Errorf(domain.EUnauthorized, "header Authorization harus berbentuk \"Bearer TOKEN\"")
		}
		u, err := s.store.TokenUser(ctx, HashToken(strings.TrimSpace(tok)))
		if err != nil {
			return nil, err
		}
		return &Principal{User: u, ViaToken: true}, nil
	}
	c, err := r.Cookie(CookieName)
	if err != nil || c.Value == "" {
		return nil, domain.Errorf(domain.EUnauthorized, "silakan masuk terlebih dahulu")
	}
	se, u, err := s.store.SessionUser(ctx, HashToken(c.Value))
	if err != nil {
		return nil, err
	}
	// Sliding expiry, written at most once a minute per session.
	if now := s.store.Now(); now.Sub(se.LastSeenAt) > time.Minute {
		if err := s.store.TouchSession(ctx, se.ID, now.Add(s.cfg.SessionTTL)); err != nil {
			return nil, err
		}
	}
	return &Principal{User: u, SessionID: se.ID, CSRF: se.CSRF}, nil
}

// CheckCSRF refuses a state-changing request made with the session cookie
// unless it carries the session's CSRF token (form field "csrf" or the
// X-CSRF-Token header). Bearer-token requests need none: browsers never add
// that header by themselves.
func CheckCSRF(p *Principal, r *http.Request) error {
	switch r.Method {
	case http.MethodGet, http.MethodHead, http.MethodOptions:
		return nil
	}
	if p.ViaToken {
		return nil
	}
	got := r.Header.Get(CSRFHeader)
	if got == "" {
		got = r.PostFormValue("csrf")
	}
	if got == "" || subtle.ConstantTimeCompare([]byte(got), []byte(p.CSRF)) != 1 {
		return domain.Forbidden("token keamanan (CSRF) tidak ada atau kedaluwarsa; muat ulang halaman lalu coba lagi")
	}
	return nil
}

// Logout ends the principal's session.
func (s *Service) Logout(ctx context.Context, p *Principal) error {
	if p == nil || p.SessionID == "" {
		return nil
	}
	return s.store.DeleteSession(ctx, p.SessionID)
}

// ChangePassword replaces the principal's password after checking the old
// one; the account's other sessions end and its API tokens are revoked.
func (s *Service) ChangePassword(ctx context.Context, p *Principal, oldPW, newPW string) error {
	if !CheckPassword(p.User.PasswordHash, oldPW) {
		return domain.Invalid("kata sandi lama salah")
	}
	hash, err := HashPassword(newPW)
	if err != nil {
		return err
	}
	return s.store.SetPasswordHash(ctx, p.User.ID, hash, p.SessionID, true)
}

// CreateToken makes a bearer token for an account and returns it in clear
// (the only time it is seen) with its id.
func (s *Service) CreateToken(ctx context.Context, userID int64, name string) (string, int64, error) {
	return CreateToken(ctx, s.store, userID, name)
}

// CreateToken stores a new bearer token for an account (only its hash) and
// returns it in clear with its id. The editorial service's permission
// checks come before it; the command line calls it with the operator's
// rights.
func CreateToken(ctx context.Context, st *store.Store, userID int64, name string) (string, int64, error) {
	tok, err := randomToken()
	if err != nil {
		return "", 0, fmt.Errorf("create token: %w", err)
	}
	tok = TokenPrefix + tok
	id, err := st.CreateAPIToken(ctx, userID, strings.TrimSpace(name), HashToken(tok))
	return tok, id, err
}
