package metrics

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"warta/internal/store"
	"warta/internal/web"
)

// Readiness answers /readyz: 503 until the process has started (migrations
// ran, the server is wired), while the database does not answer or cannot
// take a write, and again from the moment shutdown begins, so a load
// balancer stops sending traffic before the listener closes. /healthz stays
// the liveness check (is the process alive at all).
type Readiness struct {
	st       *store.Store
	log      *slog.Logger
	ready    atomic.Bool
	draining atomic.Bool

	mu      sync.Mutex
	checked time.Time
	lastErr error
}

// probeEvery bounds how often readiness writes to the database, however
// often it is asked.
const probeEvery = time.Second

// NewReadiness returns a probe that is not ready until Ready is called.
func NewReadiness(st *store.Store, log *slog.Logger) *Readiness {
	return &Readiness{st: st, log: log}
}

// Ready marks start-up as done.
func (r *Readiness) Ready() { r.ready.Store(true) }

// Drain marks the process as shutting down: /readyz answers 503 from now on.
func (r *Readiness) Drain() { r.draining.Store(true) }

// Check says why the process is not ready, or nil.
func (r *Readiness) Check(ctx context.Context) error {
	if r.draining.Load() {
		return fmt.Errorf("shutting down")
	}
	if !r.ready.Load() {
		return fmt.Errorf("starting")
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if time.Since(r.checked) < probeEvery {
		return r.lastErr
	}
	ctx, cancel := context.WithTimeout(ctx, 2*time.Second)
	defer cancel()
	r.lastErr = r.check(ctx)
	r.checked = time.Now()
	if r.lastErr != nil {
		r.log.Warn("not ready", "err", r.lastErr)
	}
	return r.lastErr
}

func (r *Readiness) check(ctx context.Context) error {
	if err := r.st.Ping(ctx); err != nil {
		return fmt.Errorf("database does not answer: %w", err)
	}
	n, err := r.st.PendingMigrations(ctx)
	if err != nil {
		return fmt.Errorf("cannot read migrations: %w", err)
	}
	if n > 0 {
		return fmt.Errorf("%d migrations not applied", n)
	}
	if err := r.st.ProbeWrite(ctx); err != nil {
		return fmt.Errorf("database takes no writes: %w", err)
	}
	return nil
}

// ServeHTTP answers the probe.
func (r *Readiness) ServeHTTP(w http.ResponseWriter, req *http.Request) {
	w.Header().Set("Cache-Control", "no-store")
	if err := r.Check(req.Context()); err != nil {
		// The reason without the database's own words (paths, hosts): those
		// are in the log.
		reason, _, _ := strings.Cut(err.Error(), ":")
		w.Header().Set("Retry-After", "1")
		web.JSON(w, http.StatusServiceUnavailable, map[string]string{"status": "not ready", "reason": reason})
		return
	}
	web.JSON(w, http.StatusOK, map[string]string{"status": "ready"})
}
