// Package nrtest starts a real Warta server with the newsroom and the admin
// API over a test database, with one account (and bearer token) per role.
// Other packages' tests use it to create articles through the admin API.
package nrtest

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net"
	"net/http"
	"testing"
	"time"

	"warta/internal/app"
	"warta/internal/domain"
	"warta/internal/site"
	"warta/internal/store"
)

// Password is every test account's password.
const Password = "kata-sandi-rahasia"

// Env is a running server with accounts.
type Env struct {
	App      *app.App
	Store    *store.Store
	URL      string
	MediaDir string
	Users    map[domain.Role]domain.User
	Tokens   map[domain.Role]string
	Location *time.Location
	// Stop shuts the server down as SIGTERM does (idempotent; cleanup
	// calls it too).
	Stop func() error
}

type logWriter struct{ t testing.TB }

func (w logWriter) Write(p []byte) (int, error) {
	w.t.Helper()
	w.t.Log(string(bytes.TrimRight(p, "\n")))
	return len(p), nil
}

// New starts the whole application (internal/app, as warta serve does)
// over st with categories "nasional" and "teknologi" and one account per
// role (email ROLE@warta.test). Options may change the configuration.
func New(t testing.TB, st *store.Store, opts ...func(*app.Config)) *Env {
	t.Helper()
	ctx := context.Background()
	loc, err := time.LoadLocation("Asia/Jakarta")
	if err != nil {
		t.Fatal(err)
	}
	e := &Env{Store: st, MediaDir: t.TempDir(), Users: map[domain.Role]domain.User{}, Tokens: map[domain.Role]string{}, Location: loc}
	for i, name := range []string{"Nasional", "Teknologi"} {
		if _, err := st.CreateCategory(ctx, domain.Category{Name: name, Position: i + 1}); err != nil {
			t.Fatal(err)
		}
	}
	cfg := app.Config{
		Site:     site.Config{Name: "Warta", Tagline: "Berita", BaseURL: "http://warta.test", Location: loc},
		MediaDir: e.MediaDir, Secret: []byte("test-secret"),
		Log: slog.New(slog.NewTextHandler(logWriter{t}, &slog.HandlerOptions{Level: slog.LevelWarn})),
	}
	for _, o := range opts {
		o(&cfg)
	}
	a, err := app.New(ctx, st, cfg)
	if err != nil {
		t.Fatal(err)
	}
	e.App = a
	names := map[domain.Role]string{domain.RoleAdmin: "Ani Admin", domain.RoleEditor: "Eko Editor",
		domain.RoleWriter: "Wati Penulis", domain.RoleModerator: "Mira Moderator"}
	for _, role := range domain.Roles {
		u, err := a.Editorial.AddUser(ctx, string(role)+"@warta.test", names[role], role, Password)
		if err != nil {
			t.Fatal(err)
		}
		e.Users[role] = u
		tok, _, err := a.Auth.CreateToken(ctx, u.ID, "test")
		if err != nil {
			t.Fatal(err)
		}
		e.Tokens[role] = tok
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	e.URL = "http://" + ln.Addr().String()
	e.Stop = a.Start(ln)
	t.Cleanup(func() {
		if err := e.Stop(); err != nil {
			t.Errorf("stop: %v", err)
		}
	})
	return e
}

// Response is an API answer.
type Response struct {
	Status int
	Header http.Header
	Body   []byte
}

// Data decodes the "data" member into v.
func (r Response) Data(t testing.TB, v any) {
	t.Helper()
	var env struct {
		Data json.RawMessage `json:"data"`
	}
	if err := json.Unmarshal(r.Body, &env); err != nil {
		t.Fatalf("decode %s: %v", r.Body, err)
	}
	if err := json.Unmarshal(env.Data, v); err != nil {
		t.Fatalf("decode data %s: %v", env.Data, err)
	}
}

// ErrorCode returns the error envelope's code ("" when none).
func (r Response) ErrorCode() string {
	var env struct {
		Error struct {
			Code    string `json:"code"`
			Message string `json:"message"`
		} `json:"error"`
	}
	json.Unmarshal(r.Body, &env)
	return env.Error.Code
}

// API calls the admin API as role ("" for no credentials). body is
// marshalled to JSON unless it is already []byte or nil.
func (e *Env) API(t testing.TB, role domain.Role, method, path string, body any) Response {
	t.Helper()
	return e.APIWith(t, role, method, path, body, nil)
}

// APIWith is API with more request headers (If-Match, ...).
func (e *Env) APIWith(t testing.TB, role domain.Role, method, path string, body any, h http.Header) Response {
	t.Helper()
	var rd io.Reader
	switch b := body.(type) {
	case nil:
	case []byte:
		rd = bytes.NewReader(b)
	default:
		j, err := json.Marshal(b)
		if err != nil {
			t.Fatal(err)
		}
		rd = bytes.NewReader(j)
	}
	req, err := http.NewRequest(method, e.URL+"/api/v1/admin"+path, rd)
	if err != nil {
		t.Fatal(err)
	}
	if rd != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if role != "" {
		req.Header.Set("Authorization", "Bearer "+e.Tokens[role])
	}
	for k, v := range h {
		req.Header[k] = v
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return Response{Status: resp.StatusCode, Header: resp.Header, Body: b}
}

// CreateArticle creates an article through the admin API as an editor and
// returns its id; fields are the JSON members (title, category, status, ...).
func (e *Env) CreateArticle(t testing.TB, fields map[string]any) int64 {
	t.Helper()
	r := e.API(t, domain.RoleEditor, http.MethodPost, "/articles", fields)
	if r.Status != http.StatusCreated {
		t.Fatalf("create article: %d %s", r.Status, r.Body)
	}
	var out struct {
		ID int64 `json:"id"`
	}
	r.Data(t, &out)
	return out.ID
}
