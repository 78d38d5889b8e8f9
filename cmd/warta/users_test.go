package main

import (
	"bytes"
	"context"
	"net"
	"net/http"
	"path/filepath"
	"strings"
	"testing"

	"warta/internal/app"
	"warta/internal/site"
	"warta/internal/store"
)

// The first admin is made on the command line, with the password on
// standard input; a token printed on the last line of `token create`
// works on the admin API until it is revoked.
func TestUserAndTokenCommands(t *testing.T) {
	ctx := context.Background()
	db := filepath.Join(t.TempDir(), "warta.db")
	var out, errb bytes.Buffer
	if code := run(ctx, []string{"user", "add", "--db", db, "--email", "Redaksi@Warta.test", "--name", "Ani Redaksi", "--role", "admin"},
		strings.NewReader("sandi-admin-rahasia\n"), &out, &errb); code != 0 {
		t.Fatalf("user add: %d %s", code, errb.String())
	}
	if !strings.Contains(out.String(), "redaksi@warta.test") {
		t.Errorf("user add says %q", out.String())
	}
	errb.Reset()
	if code := run(ctx, []string{"user", "add", "--db", db, "--email", "x@warta.test", "--name", "X", "--role", "admin"},
		strings.NewReader("pendek\n"), &out, &errb); code != 1 || !strings.Contains(errb.String(), "minimal 10 karakter") {
		t.Errorf("short password: %d %s", code, errb.String())
	}
	errb.Reset()
	if code := run(ctx, []string{"user", "add", "--db", db, "--email", "redaksi@warta.test", "--name", "Lagi", "--role", "editor"},
		strings.NewReader("sandi-admin-rahasia\n"), &out, &errb); code != 1 || !strings.Contains(errb.String(), "sudah terdaftar") {
		t.Errorf("duplicate email: %d %s", code, errb.String())
	}
	out.Reset()
	if code := run(ctx, []string{"token", "create", "--db", db, "--email", "redaksi@warta.test"}, nil, &out, &errb); code != 0 {
		t.Fatalf("token create: %d %s", code, errb.String())
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	tok := lines[len(lines)-1]
	if !strings.HasPrefix(tok, "wrt_") || strings.Contains(tok, " ") {
		t.Fatalf("last line is not the token alone: %q", tok)
	}

	st, err := store.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	a, err := app.New(ctx, st, app.Config{MediaDir: t.TempDir(), Site: site.Config{Name: "Warta", BaseURL: "http://warta.test"}})
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer a.Start(ln)()
	me := func() int {
		req, _ := http.NewRequest("GET", "http://"+ln.Addr().String()+"/api/v1/admin/users", nil)
		req.Header.Set("Authorization", "Bearer "+tok)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	if code := me(); code != 200 {
		t.Fatalf("token refused: %d", code)
	}
	if code := run(ctx, []string{"token", "revoke", "--db", db, "1"}, nil, &out, &errb); code != 0 {
		t.Fatalf("token revoke: %d %s", code, errb.String())
	}
	if code := me(); code != 401 {
		t.Errorf("revoked token: %d", code)
	}
}
