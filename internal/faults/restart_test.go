package faults

import (
	"database/sql"
	"net/http"
	"os"
	"os/exec"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// A real PostgreSQL restart under reader load, on a throwaway cluster of
// its own (never the shared test server): bench/faults.sh creates it and
// sets WARTA_FAULT_PG_URL (its database) and WARTA_FAULT_PG_RESTART (a
// shell command that restarts it). Readers get pages or 503, never a 500,
// and the log line "recovered_after" tells how long after PostgreSQL
// accepted connections again Warta served the first page (the bench checks
// it is under a second).
func TestPostgresRestartUnderLoad(t *testing.T) {
	dsn, restart := os.Getenv("WARTA_FAULT_PG_URL"), os.Getenv("WARTA_FAULT_PG_RESTART")
	if dsn == "" || restart == "" {
		t.Skip("WARTA_FAULT_PG_URL / WARTA_FAULT_PG_RESTART not set: run bench/faults.sh (it starts a throwaway cluster)")
	}
	token := account(t, dsn, "admin")
	p := start(t, dsn, "--page-cache", "0", "--fragment-cache", "0")
	article := publishedArticle(t, p, token)
	var stop atomic.Bool
	var mu sync.Mutex
	codes := map[int]int{}
	var wg sync.WaitGroup
	for i := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			paths := uncached(article)
			for n := i; !stop.Load(); n++ {
				r, err := get(p.URL + paths[n%len(paths)])
				code := r.Status
				if err != nil {
					code = -1
				}
				mu.Lock()
				codes[code]++
				mu.Unlock()
				time.Sleep(5 * time.Millisecond)
			}
		}()
	}
	time.Sleep(500 * time.Millisecond)
	for round := range rounds("WARTA_FAULT_RESTARTS", 3) {
		if out, err := exec.Command("sh", "-c", restart).CombinedOutput(); err != nil {
			t.Fatalf("restart PostgreSQL: %v\n%s", err, out)
		}
		db, _ := sql.Open("pgx", dsn)
		for db.Ping() != nil {
			time.Sleep(5 * time.Millisecond)
		}
		db.Close()
		accepting := time.Now()
		for {
			if r, err := get(p.URL + "/"); err == nil && r.Status == http.StatusOK {
				break
			}
			time.Sleep(5 * time.Millisecond)
		}
		t.Logf("restart %d: recovered_after=%s", round, time.Since(accepting))
		time.Sleep(300 * time.Millisecond)
	}
	stop.Store(true)
	wg.Wait()
	t.Logf("reader answers during %d restarts: %v", rounds("WARTA_FAULT_RESTARTS", 3), codes)
	if codes[http.StatusInternalServerError] > 0 || codes[-1] > 0 {
		t.Errorf("readers got 500s or no answer: %v", codes)
	}
	for c := range codes {
		if c != http.StatusOK && c != http.StatusServiceUnavailable {
			t.Errorf("unexpected status %d (%d times)", c, codes[c])
		}
	}
}
