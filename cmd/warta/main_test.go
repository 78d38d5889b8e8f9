package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"warta/internal/store"
	"warta/internal/testdb"
)

// buildWarta compiles the real binary once per test run.
func buildWarta(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "warta")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	return bin
}

func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

type proc struct {
	cmd  *exec.Cmd
	addr string
	log  *bytes.Buffer
}

func startServe(t *testing.T, bin, db, media string) *proc {
	t.Helper()
	p := &proc{addr: freeAddr(t), log: &bytes.Buffer{}}
	p.cmd = exec.Command(bin, "serve", "--demo", "--db", db, "--media", media, "--addr", p.addr, "--log-level", "warn")
	p.cmd.Stdout, p.cmd.Stderr = p.log, p.log
	if err := p.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { p.cmd.Process.Kill(); p.cmd.Wait() })
	deadline := time.Now().Add(60 * time.Second)
	for {
		resp, err := http.Get("http://" + p.addr + "/healthz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == 200 {
				return p
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("server did not start: %s", p.log)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

func (p *proc) request(t *testing.T, method, path, ua, body string) *http.Response {
	t.Helper()
	req, _ := http.NewRequest(method, "http://"+p.addr+path, strings.NewReader(body))
	req.Header.Set("User-Agent", ua)
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	return resp
}

func firstArticle(t *testing.T, p *proc) (int64, string) {
	t.Helper()
	resp, err := http.Get("http://" + p.addr + "/api/v1/articles?limit=1")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var list struct {
		Data []struct {
			ID   int64
			Slug string
		}
	}
	if err := json.NewDecoder(resp.Body).Decode(&list); err != nil || len(list.Data) == 0 {
		t.Fatalf("no demo articles: %v", err)
	}
	return list.Data[0].ID, list.Data[0].Slug
}

func openStore(t *testing.T, db string) *store.Store {
	t.Helper()
	st, err := store.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// SIGTERM stops the server cleanly and every served view is in the database.
func TestGracefulShutdownWritesEveryView(t *testing.T) {
	bin := buildWarta(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "warta.db")
	p := startServe(t, bin, db, filepath.Join(dir, "media"))
	id, slug := firstArticle(t, p)
	before, _ := func() (int64, error) {
		st := openStore(t, db)
		c, err := st.ArticleCounts(context.Background(), id)
		st.Close()
		return c.Views, err
	}()
	const n = 37
	for i := 0; i < n; i++ {
		if resp := p.request(t, "GET", "/berita/"+slug, fmt.Sprintf("Mozilla/5.0 (Android 14; pembaca %d)", i), ""); resp.StatusCode != 200 {
			t.Fatalf("page: %d", resp.StatusCode)
		}
	}
	if err := p.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	if err := p.cmd.Wait(); err != nil {
		t.Fatalf("exit after SIGTERM: %v\n%s", err, p.log)
	}
	c, err := openStore(t, db).ArticleCounts(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	if c.Views != before+n {
		t.Errorf("views = %d, want %d + %d", c.Views, before, n)
	}
}

// A comment the server acknowledged survives kill -9.
func TestKilledProcessKeepsAcknowledgedComments(t *testing.T) {
	bin := buildWarta(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "warta.db")
	p := startServe(t, bin, db, filepath.Join(dir, "media"))
	id, _ := firstArticle(t, p)
	acked := 0
	for i := 0; i < 25; i++ {
		resp := p.request(t, "POST", fmt.Sprintf("/api/v1/articles/%d/comments", id), fmt.Sprintf("Mozilla/5.0 (k%d)", i),
			fmt.Sprintf(`{"name":"Pembaca %d","text":"Komentar nomor %d"}`, i, i))
		if resp.StatusCode == 201 || resp.StatusCode == 202 {
			acked++
		}
	}
	p.cmd.Process.Kill()
	p.cmd.Wait()
	st := openStore(t, db)
	n, err := st.CountApprovedComments(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	if acked != 25 || n != int64(acked) {
		t.Errorf("acknowledged %d, found %d after kill -9", acked, n)
	}
}

func TestStartupErrorsAreClear(t *testing.T) {
	var stderr bytes.Buffer
	code := run(context.Background(), []string{"serve", "--db", "/no/such/folder/warta.db"}, nil, &stderr, &stderr)
	if code != 1 || !strings.Contains(stderr.String(), "cannot open database") {
		t.Errorf("missing folder: exit %d, %q", code, stderr.String())
	}
	stderr.Reset()
	code = run(context.Background(), []string{"migrate", "--db", "postgres://nobody@127.0.0.1:1/x?connect_timeout=2"}, nil, &stderr, &stderr)
	if code != 1 || !strings.Contains(stderr.String(), "cannot open database") {
		t.Errorf("unreachable postgres: exit %d, %q", code, stderr.String())
	}
	stderr.Reset()
	if code := run(context.Background(), []string{"nonsense"}, nil, &stderr, &stderr); code != 2 {
		t.Errorf("unknown command: exit %d", code)
	}
	stderr.Reset()
	if code := run(context.Background(), []string{"serve", "--count-views", "kadang"}, nil, &stderr, &stderr); code != 1 {
		t.Errorf("bad flag value: exit %d %q", code, stderr.String())
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--trust-proxy", "--trusted-proxies", "10.0.0.0/33"}, "not an IP address or CIDR range"},
		{[]string{"--trusted-proxies", "10.0.0.0/8"}, "needs --trust-proxy"},
		{[]string{"--poll-method", "ip"}, "--poll-method must be cookie or cookie+hash"},
		{[]string{"--ad-network", "gam:1234"}, "unknown ad network"},
		{[]string{"--ad-network", "adsense:pub-123"}, "AdSense needs the publisher id"},
	} {
		stderr.Reset()
		if code := run(context.Background(), append([]string{"serve"}, tc.args...), nil, &stderr, &stderr); code != 1 || !strings.Contains(stderr.String(), tc.want) {
			t.Errorf("serve %v: exit %d %q, want 1 with %q", tc.args, code, stderr.String(), tc.want)
		}
	}
}

// migrate and demo work on both engines through the command line.
func TestMigrateAndDemoCommands(t *testing.T) {
	dsns := map[string]string{"sqlite": filepath.Join(t.TempDir(), "w.db")}
	if os.Getenv(testdb.EnvPostgres) != "" {
		dsns["postgres"] = testdb.PostgresURL(t)
	} else {
		t.Log(testdb.EnvPostgres + " not set: PostgreSQL run of the commands skipped")
	}
	for name, dsn := range dsns {
		t.Run(name, func(t *testing.T) {
			var out bytes.Buffer
			media := t.TempDir()
			if code := run(context.Background(), []string{"migrate", "--db", dsn}, nil, &out, &out); code != 0 {
				t.Fatalf("migrate: %d %s", code, out.String())
			}
			if code := run(context.Background(), []string{"demo", "--db", dsn, "--media", media}, nil, &out, &out); code != 0 {
				t.Fatalf("demo: %d %s", code, out.String())
			}
			if code := run(context.Background(), []string{"demo", "--db", dsn, "--media", media}, nil, &out, &out); code != 0 ||
				!strings.Contains(out.String(), "already has articles") {
				t.Fatalf("second demo: %d %s", code, out.String())
			}
			st := openStore(t, dsn)
			n, _ := st.CountArticles(context.Background())
			if n < 60 {
				t.Errorf("demo articles = %d, want at least 60", n)
			}
			// Each photo is stored as an upload's copies are: u/HASH-WIDTH.jpg.
			files, _ := filepath.Glob(filepath.Join(media, "u", "*-1440.jpg"))
			small, _ := filepath.Glob(filepath.Join(media, "u", "*-480.jpg"))
			if len(files) < 60 || len(small) != len(files) {
				t.Errorf("demo photos = %d (480-px copies %d)", len(files), len(small))
			}
		})
	}
}
