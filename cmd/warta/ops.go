package main

// Operations wiring for `serve` (issue 15): /metrics, /readyz, draining on
// shutdown and scheduled backups. Kept apart from main.go so the assembler
// can take it whole.

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"time"

	"warta/internal/app"
	"warta/internal/backup"
	"warta/internal/metrics"
	"warta/internal/store"
)

type opsFlags struct {
	metricsAddr  string
	metricsToken string
	drain        time.Duration
	backupEvery  time.Duration
	backupKeep   int
	backupDir    string
}

func (o *opsFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&o.metricsAddr, "metrics-addr", env("WARTA_METRICS_ADDR", ""), "serve /metrics (Prometheus) on this separate address, e.g. 127.0.0.1:9090 (default off; env WARTA_METRICS_ADDR)")
	fs.StringVar(&o.metricsToken, "metrics-token", env("WARTA_METRICS_TOKEN", ""), "also serve /metrics on the site's address to requests with Authorization: Bearer TOKEN (env WARTA_METRICS_TOKEN)")
	fs.DurationVar(&o.backupEvery, "backup-every", envDuration("WARTA_BACKUP_EVERY", 0), "take a backup (database and media) this often, e.g. 6h (default off; env WARTA_BACKUP_EVERY)")
	fs.IntVar(&o.backupKeep, "backup-keep", 7, "keep this many scheduled backups, deleting older ones")
	fs.StringVar(&o.backupDir, "backup-dir", env("WARTA_BACKUP_DIR", "backups"), "folder for scheduled backups (env WARTA_BACKUP_DIR)")
	fs.DurationVar(&o.drain, "drain", envDuration("WARTA_DRAIN", 0), "on shutdown, answer /readyz with 503 this long before closing the listener, so a load balancer stops sending traffic (env WARTA_DRAIN)")
}

// ops is what serve runs for operations.
type ops struct {
	flags   opsFlags
	db      string
	media   string
	log     *slog.Logger
	metrics *metrics.Metrics
	ready   *metrics.Readiness
	mln     net.Listener
	mhs     *http.Server
}

// newOps builds the metrics and the readiness probe, and listens on
// --metrics-addr when set.
func newOps(f opsFlags, c common, st *store.Store, log *slog.Logger) (*ops, error) {
	if f.backupEvery > 0 {
		if err := os.MkdirAll(f.backupDir, 0o755); err != nil {
			return nil, fmt.Errorf("--backup-dir: %w", err)
		}
	}
	o := &ops{flags: f, db: c.db, media: c.media, log: log, metrics: metrics.New(st, log), ready: metrics.NewReadiness(st, log)}
	if f.metricsAddr != "" {
		ln, err := net.Listen("tcp", f.metricsAddr)
		if err != nil {
			return nil, fmt.Errorf("cannot listen on --metrics-addr %s: %w", f.metricsAddr, err)
		}
		o.mln = ln
		mux := http.NewServeMux()
		mux.Handle("GET /metrics", o.metrics.Handler(f.metricsToken))
		mux.Handle("GET /readyz", o.ready)
		o.mhs = &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	}
	return o, nil
}

// configure adds the operations endpoints and jobs to the application's
// config: app.Run runs them with the rest and waits for them.
func (o *ops) configure(cfg *app.Config) {
	cfg.Ready = o.ready
	cfg.Observe = func(r *http.Request, status int, d time.Duration) {
		o.metrics.Observe(r.Pattern, r.Method, status, d)
	}
	if o.flags.metricsToken != "" {
		cfg.Metrics = o.metrics.Handler(o.flags.metricsToken)
	}
	if o.flags.backupEvery > 0 {
		cfg.Jobs = append(cfg.Jobs, func(ctx context.Context) {
			backup.Schedule(ctx, o.db, o.media, o.flags.backupDir, o.flags.backupEvery, o.flags.backupKeep, o.log)
		})
	}
	cfg.Serving = o.start
	cfg.Draining = o.drain
}

// attach reads the numbers that live in the application's parts.
func (o *ops) attach(a *app.App) {
	o.metrics.AddPageCache(a.Site.PageCacheStats)
	o.metrics.AddFastLane(a.FastLaneServed)
	o.metrics.AddViews(a.Engage.Views.Buffered)
	a.Engage.Views.ObserveFlush(o.metrics.ObserveFlush)
}

// start serves the metrics listener and marks the process ready.
func (o *ops) start() {
	if o.mhs != nil {
		go o.mhs.Serve(o.mln)
		o.log.Info("metrics are served", "url", "http://"+o.mln.Addr().String()+"/metrics")
	}
	o.ready.Ready()
}

// drain turns readiness off and waits --drain, so load balancers take the
// process out before its listener closes.
func (o *ops) drain() {
	o.ready.Drain()
	if o.flags.drain > 0 {
		o.log.Info("draining: /readyz answers 503", "for", o.flags.drain.String())
		time.Sleep(o.flags.drain)
	}
}

// stop closes the metrics listener.
func (o *ops) stop(ctx context.Context) {
	if o.mhs != nil {
		o.mhs.Shutdown(ctx)
	}
}
