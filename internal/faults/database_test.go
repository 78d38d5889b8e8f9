package faults

import (
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"warta/internal/testdb"
)

// pgProxy is a TCP proxy between Warta and PostgreSQL: cutting it is a
// PostgreSQL outage as Warta sees it (every connection drops, new ones are
// refused) without touching the PostgreSQL server other tests share.
type pgProxy struct {
	addr, target string
	mu           sync.Mutex
	ln           net.Listener
	conns        map[net.Conn]bool
}

func newPgProxy(t *testing.T, target string) *pgProxy {
	p := &pgProxy{target: target, conns: map[net.Conn]bool{}}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p.addr = ln.Addr().String()
	p.serve(ln)
	t.Cleanup(p.cut)
	return p
}

func (p *pgProxy) serve(ln net.Listener) {
	p.mu.Lock()
	p.ln = ln
	p.mu.Unlock()
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			s, err := net.Dial("tcp", p.target)
			if err != nil {
				c.Close()
				continue
			}
			p.mu.Lock()
			p.conns[c], p.conns[s] = true, true
			p.mu.Unlock()
			go func() { io.Copy(s, c); s.Close(); c.Close() }()
			go func() { io.Copy(c, s); s.Close(); c.Close() }()
		}
	}()
}

// cut drops every connection and refuses new ones.
func (p *pgProxy) cut() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.ln != nil {
		p.ln.Close()
		p.ln = nil
	}
	for c := range p.conns {
		c.Close()
	}
	p.conns = map[net.Conn]bool{}
}

// restore accepts connections again on the same address.
func (p *pgProxy) restore(t *testing.T) {
	ln, err := net.Listen("tcp", p.addr)
	if err != nil {
		t.Fatal(err)
	}
	p.serve(ln)
}

// postgresVia is a fresh test schema's URL, reaching PostgreSQL through addr.
func postgresVia(t *testing.T, base string, addr string) string {
	u, _ := url.Parse(base)
	u.Host = addr
	return u.String()
}

// publishedArticle creates a category and a published article and returns
// the article's path on the site.
func publishedArticle(t *testing.T, p *proc, token string) string {
	t.Helper()
	category(t, p, token)
	r, err := api(p.URL, token, "POST", "/articles", map[string]any{"title": "Harga Cabai Turun di Pasar Induk",
		"body": "Isi berita.", "category": "umum", "status": "published", "tags": []string{"Pangan"}})
	if err != nil || r.Status != http.StatusCreated {
		t.Fatalf("create article: %v %d %s", err, r.Status, r.Body)
	}
	return "/berita/harga-cabai-turun-di-pasar-induk"
}

// uncached are the reader pages the outage tests ask for (with the page and
// fragment caches off, each needs the database).
func uncached(article string) []string {
	return []string{"/", article, "/kanal/umum", "/tag/pangan", "/cari?q=cabai", "/api/v1/articles", "/rss.xml"}
}

// A PostgreSQL outage (every connection drops, new ones refused) gives
// readers 503 with Retry-After, never a 500 page, and Warta serves again by
// itself as soon as PostgreSQL accepts connections. Before, readers got 500.
func TestPostgresOutageGives503ThenRecovers(t *testing.T) {
	base := testdb.PostgresURL(t)
	target, _ := url.Parse(os.Getenv(testdb.EnvPostgres))
	px := newPgProxy(t, target.Host)
	dsn := postgresVia(t, base, px.addr)
	token := account(t, dsn, "admin")
	p := start(t, dsn, "--page-cache", "0", "--fragment-cache", "0")
	article := publishedArticle(t, p, token)
	for _, path := range uncached(article) {
		if r, err := get(p.URL + path); err != nil || r.Status != http.StatusOK {
			t.Fatalf("%s before the outage: %v %d", path, err, r.Status)
		}
	}
	for outage := range rounds("WARTA_FAULT_OUTAGES", 2) {
		px.cut()
		for _, path := range uncached(article) {
			r, err := get(p.URL + path)
			if err != nil {
				t.Fatalf("%s during outage %d: %v", path, outage, err)
			}
			if r.Status != http.StatusServiceUnavailable || r.Header.Get("Retry-After") == "" {
				t.Errorf("%s during outage %d: %d (Retry-After %q), want 503 with Retry-After: %.200s", path, outage, r.Status,
					r.Header.Get("Retry-After"), r.Body)
			}
			if strings.HasPrefix(r.Header.Get("Content-Type"), "text/html") && !strings.Contains(string(r.Body), "tidak tersedia") {
				t.Errorf("%s: the 503 page does not say the service is unavailable", path)
			}
		}
		if r, _ := api(p.URL, token, "POST", "/articles", map[string]any{"title": "Saat Padam", "category": "umum"}); r.Status != http.StatusServiceUnavailable {
			t.Errorf("admin write during outage: %d, want 503", r.Status)
		}
		px.restore(t)
		back := time.Now()
		// The first request after PostgreSQL accepts again is served.
		for _, path := range uncached(article) {
			if r, err := get(p.URL + path); err != nil || r.Status != http.StatusOK {
				t.Errorf("%s after the outage: %v %d %.200s", path, err, r.Status, r.Body)
			}
		}
		t.Logf("outage %d: all pages served again %s after PostgreSQL accepted connections", outage, time.Since(back))
	}
	if p.exited() {
		t.Fatal("warta exited during the outage")
	}
	if strings.Contains(p.log.String(), "status=500") {
		t.Errorf("500s logged:\n%s", p.log.String())
	}
}

// Connections killed by pg_terminate_backend: reads are retried once on a
// fresh connection, so no reader sees an error. Before, 12 requests failed.
func TestReadsSurvivePgTerminateBackend(t *testing.T) {
	base := testdb.PostgresURL(t)
	app := "warta_fault_" + randHex(4)
	u, _ := url.Parse(base)
	q := u.Query()
	q.Set("application_name", app)
	u.RawQuery = q.Encode()
	dsn := u.String()
	token := account(t, dsn, "admin")
	p := start(t, dsn, "--page-cache", "0", "--fragment-cache", "0")
	article := publishedArticle(t, p, token)
	admin := openDB(t, os.Getenv(testdb.EnvPostgres))
	burst := func() (failed int, codes []int) {
		var mu sync.Mutex
		var wg sync.WaitGroup
		for i := range 24 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				path := uncached(article)[i%len(uncached(article))]
				r, err := get(p.URL + path)
				if err != nil || r.Status != http.StatusOK {
					mu.Lock()
					failed++
					codes = append(codes, r.Status)
					mu.Unlock()
				}
			}()
		}
		wg.Wait()
		return failed, codes
	}
	for round := range rounds("WARTA_FAULT_ROUNDS", 3) {
		if failed, _ := burst(); failed != 0 { // fills the pool with connections used just now
			t.Fatalf("round %d warm-up: %d failed", round, failed)
		}
		killed := count(t, admin, `SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = $1`, app)
		if killed == 0 {
			t.Fatal("no connection of warta's found to terminate")
		}
		if failed, codes := burst(); failed != 0 {
			t.Errorf("round %d: %d of 24 reads failed after %d connections were terminated (statuses %v)", round, failed, killed, codes)
		}
	}
}

// Three `serve --demo` started together on an empty PostgreSQL database all
// come up, and the demo content is there once. Before, two exited with
// "seed category nasional: conflict".
func TestThreeDemoServersOnAnEmptyDatabase(t *testing.T) {
	dsn := testdb.PostgresURL(t)
	var procs []*proc
	for range 3 {
		procs = append(procs, launch(t, dsn, "--demo"))
	}
	for _, p := range procs {
		p.waitHealthy()
	}
	db := openDB(t, dsn)
	if n := count(t, db, "SELECT COUNT(*) FROM articles"); n != 66 {
		t.Errorf("%d demo articles, want 66", n)
	}
	if n := count(t, db, "SELECT COUNT(*) FROM categories"); n != 7 {
		t.Errorf("%d demo categories, want 7", n)
	}
}

// A full disk under SQLite: writes answer 503 with Retry-After and the log
// says "storage full"; reads, the admin API's too, keep working (recording
// a token's use never fails a read); freeing space heals it.
func TestFullDiskSQLite(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("needs root to mount a small tmpfs as the full disk")
	}
	disk := filepath.Join(t.TempDir(), "disk")
	os.Mkdir(disk, 0o755)
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size=6m", "tmpfs", disk).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a tmpfs (%v: %s): full-disk test skipped", err, out)
	}
	t.Cleanup(func() { exec.Command("umount", "-l", disk).Run() })
	dsn := filepath.Join(disk, "warta.db")
	token := account(t, dsn, "admin")
	fresh := account(t, dsn, "editor") // never used before the disk fills
	p := start(t, dsn)
	category(t, p, token)
	r, err := api(p.URL, token, "POST", "/articles", map[string]any{"title": "Sebelum Penuh", "category": "umum", "status": "published"})
	if err != nil || r.Status != http.StatusCreated {
		t.Fatalf("create: %v %d", err, r.Status)
	}
	id := r.id(t)
	fill(t, filepath.Join(disk, "filler"))
	big := strings.Repeat("Paragraf panjang tentang banjir di Jakarta. ", 8000)
	r, err = api(p.URL, token, "POST", "/articles", map[string]any{"title": "Saat Penuh", "category": "umum", "body": big})
	if err != nil || r.Status != http.StatusServiceUnavailable || r.Header.Get("Retry-After") == "" {
		t.Errorf("write on a full disk: %v %d %s, want 503 with Retry-After", err, r.Status, r.Body)
	}
	if !p.logged("storage full") {
		t.Errorf("no storage-full line in the log:\n%s", p.log.String())
	}
	if r, err := api(p.URL, fresh, "GET", fmt.Sprintf("/articles/%d", id), nil); err != nil || r.Status != http.StatusOK {
		t.Errorf("admin API read on a full disk: %v %d %s", err, r.Status, r.Body)
	}
	if r, err := get(p.URL + "/berita/sebelum-penuh"); err != nil || r.Status != http.StatusOK {
		t.Errorf("reader page on a full disk: %v %d", err, r.Status)
	}
	os.Remove(filepath.Join(disk, "filler"))
	if r, err := api(p.URL, token, "POST", "/articles", map[string]any{"title": "Setelah Lega", "category": "umum", "body": big}); err != nil || r.Status != http.StatusCreated {
		t.Errorf("write after freeing space: %v %d %s", err, r.Status, r.Body)
	}
}

// fill writes path until the disk is full.
func fill(t *testing.T, path string) {
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	buf := make([]byte, 64<<10)
	for {
		if _, err := f.Write(buf); err != nil {
			if !errors.Is(err, syscall.ENOSPC) {
				t.Fatal(err)
			}
			for range 64 { // the last few bytes
				if _, err := f.Write(buf[:512]); err != nil {
					break
				}
			}
			f.Sync()
			return
		}
	}
}
