package faults

import (
	"bytes"
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	_ "warta/internal/store" // the sqlite and pgx drivers
	"warta/internal/testdb"
)

// bin is the warta binary the tests start, built once by TestMain.
var bin string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "warta-faults-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	bin = filepath.Join(dir, "warta")
	build := exec.Command("go", "build", "-o", bin, "warta/cmd/warta")
	build.Stdout, build.Stderr = os.Stderr, os.Stderr
	if err := build.Run(); err != nil {
		fmt.Fprintln(os.Stderr, "build warta:", err)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// rounds reads a round count from the environment (bench/faults.sh), else def.
func rounds(name string, def int) int {
	if v, err := strconv.Atoi(os.Getenv(name)); err == nil && v > 0 {
		return v
	}
	return def
}

// each runs fn on a fresh SQLite file and, when configured, a fresh
// PostgreSQL schema; dsn is what warta's --db gets.
func each(t *testing.T, fn func(t *testing.T, dsn string)) {
	t.Run("sqlite", func(t *testing.T) { fn(t, filepath.Join(t.TempDir(), "warta.db")) })
	t.Run("postgres", func(t *testing.T) { fn(t, testdb.PostgresURL(t)) })
}

// syncBuf is a goroutine-safe log buffer.
type syncBuf struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuf) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuf) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// logged waits up to 5 s for text to appear in the process's log: the log
// comes through a pipe from another process, so a line written before an
// answer was sent may still be on its way when the answer arrives.
func (p *proc) logged(text string) bool {
	for end := time.Now().Add(5 * time.Second); ; time.Sleep(20 * time.Millisecond) {
		if strings.Contains(p.log.String(), text) {
			return true
		}
		if time.Now().After(end) {
			return false
		}
	}
}

// proc is a running warta serve.
type proc struct {
	t    *testing.T
	cmd  *exec.Cmd
	URL  string
	log  *syncBuf
	done chan struct{}
}

func freePort(t *testing.T) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return strconv.Itoa(ln.Addr().(*net.TCPAddr).Port)
}

// start runs warta serve over dsn and waits until it answers /healthz.
func start(t *testing.T, dsn string, args ...string) *proc {
	t.Helper()
	p := launch(t, dsn, args...)
	p.waitHealthy()
	return p
}

// launch starts warta serve over dsn without waiting for it.
func launch(t *testing.T, dsn string, args ...string) *proc {
	t.Helper()
	addr := "127.0.0.1:" + freePort(t)
	all := append([]string{"serve", "--addr", addr, "--db", dsn, "--media", filepath.Join(t.TempDir(), "media"),
		"--webhooks-allow-private", "--log-level", "warn"}, args...)
	p := &proc{t: t, cmd: exec.Command(bin, all...), URL: "http://" + addr, log: &syncBuf{}, done: make(chan struct{})}
	p.cmd.Stdout, p.cmd.Stderr = p.log, p.log
	if err := p.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { p.cmd.Wait(); close(p.done) }()
	t.Cleanup(func() {
		p.kill()
		if t.Failed() {
			t.Logf("warta log (%s):\n%s", addr, p.log.String())
		}
	})
	return p
}

func (p *proc) waitHealthy() {
	p.t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		select {
		case <-p.done:
			p.t.Fatalf("warta exited while starting: %v\n%s", p.cmd.ProcessState, p.log.String())
		default:
		}
		if resp, err := http.Get(p.URL + "/healthz"); err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	p.t.Fatalf("warta did not become healthy:\n%s", p.log.String())
}

// kill stops the process with SIGKILL (kill -9) and waits for it.
func (p *proc) kill() {
	select {
	case <-p.done:
		return
	default:
	}
	p.cmd.Process.Signal(syscall.SIGKILL)
	<-p.done
}

// exited reports whether the process has ended.
func (p *proc) exited() bool {
	select {
	case <-p.done:
		return true
	default:
		return false
	}
}

// cli runs a warta sub-command over dsn and returns its standard output.
func cli(t *testing.T, dsn, stdin string, args ...string) string {
	t.Helper()
	cmd := exec.Command(bin, append(args, "--db", dsn)...)
	cmd.Stdin = strings.NewReader(stdin)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		t.Fatalf("warta %v: %v\n%s%s", args, err, out.String(), errb.String())
	}
	return out.String()
}

// account creates a newsroom account with role and returns a bearer token.
func account(t *testing.T, dsn, role string) string {
	t.Helper()
	email := role + "-" + randHex(3) + "@warta.test"
	cli(t, dsn, "kata-sandi-rahasia\n", "user", "add", "--email", email, "--name", "Uji "+role, "--role", role)
	out := strings.TrimSpace(cli(t, dsn, "", "token", "create", "--email", email))
	lines := strings.Split(out, "\n")
	return strings.TrimSpace(lines[len(lines)-1])
}

func randHex(n int) string {
	b := make([]byte, n)
	rand.Read(b)
	return hex.EncodeToString(b)
}

// answer is an HTTP answer.
type answer struct {
	Status int
	Header http.Header
	Body   []byte
}

var client = &http.Client{Timeout: 30 * time.Second}

// api calls warta's admin API with token.
func api(base, token, method, path string, body any) (answer, error) {
	var rd io.Reader
	if body != nil {
		j, _ := json.Marshal(body)
		rd = bytes.NewReader(j)
	}
	req, err := http.NewRequest(method, base+"/api/v1/admin"+path, rd)
	if err != nil {
		return answer{}, err
	}
	req.Header.Set("Authorization", "Bearer "+token)
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	return do(req)
}

func get(u string) (answer, error) {
	req, err := http.NewRequest("GET", u, nil)
	if err != nil {
		return answer{}, err
	}
	return do(req)
}

func do(req *http.Request) (answer, error) {
	resp, err := client.Do(req)
	if err != nil {
		return answer{}, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return answer{Status: resp.StatusCode, Header: resp.Header, Body: b}, err
}

func (a answer) id(t *testing.T) int64 {
	var env struct {
		Data struct {
			ID int64 `json:"id"`
		} `json:"data"`
	}
	if err := json.Unmarshal(a.Body, &env); err != nil {
		t.Fatalf("decode %s: %v", a.Body, err)
	}
	return env.Data.ID
}

// openDB opens the database behind dsn directly, to check what a killed
// process left.
func openDB(t *testing.T, dsn string) *sql.DB {
	t.Helper()
	var db *sql.DB
	var err error
	if strings.HasPrefix(dsn, "postgres://") {
		db, err = sql.Open("pgx", dsn)
	} else {
		db, err = sql.Open("sqlite", "file:"+(&url.URL{Path: dsn}).EscapedPath()+"?_pragma=busy_timeout(10000)")
	}
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func count(t *testing.T, db *sql.DB, query string, args ...any) int {
	t.Helper()
	var n int
	if err := db.QueryRowContext(context.Background(), query, args...).Scan(&n); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return n
}

// category creates the category "umum" articles are filed under.
func category(t *testing.T, p *proc, token string) {
	t.Helper()
	r, err := api(p.URL, token, "POST", "/categories", map[string]any{"name": "Umum", "slug": "umum"})
	if err != nil || r.Status != http.StatusCreated {
		t.Fatalf("create category: %v %d %s", err, r.Status, r.Body)
	}
}
