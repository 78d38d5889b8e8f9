// Package server assembles the reader site, the JSON API and shared
// endpoints into one http.Handler with logging, panic recovery and security
// headers.
package server

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"

	"warta/internal/api"
	"warta/internal/domain"
	"warta/internal/engage"
	"warta/internal/feeds"
	"warta/internal/site"
	"warta/internal/store"
	"warta/internal/web"
)

// Config gathers what the server's parts need.
type Config struct {
	Site     site.Config
	MediaDir string        // uploaded and generated images, served under /media/
	Engage   engage.Config // engagement rules (zero values take defaults)
	// ClientIPs is the one rule for the client address (--trust-proxy,
	// --trusted-proxies), shared with the newsroom's login limits. Nil:
	// the TCP peer, X-Forwarded-For ignored.
	ClientIPs *web.ClientIPs
	// Secret signs reader cookies and salts reader hashes. When nil, the
	// site's secret is read from (or created in) the database, so every
	// process over one database shares it.
	Secret []byte
	// Newsroom mounts the /redaksi UI and the /api/v1/admin API (issue 4);
	// empty in tests that need neither.
	Newsroom []interface{ Routes(mux *http.ServeMux) }

	// Operations (issue 15, internal/metrics). Observe is told of every
	// answered request (r.Pattern is the matched route) for /metrics; Ready
	// answers /readyz; Metrics, when set, is mounted at /metrics here (the
	// caller guards it with a token; by default it is on its own listener).
	Observe func(r *http.Request, status int, d time.Duration)
	Ready   http.Handler
	Metrics http.Handler
}

// Server is Warta's HTTP front.
type Server struct {
	cfg     Config
	store   *store.Store
	log     *slog.Logger
	engage  *engage.Service
	site    *site.Site
	api     *api.API
	handler http.Handler
}

// New builds the server and its routes.
func New(cfg Config, st *store.Store, log *slog.Logger) (*Server, error) {
	s := &Server{cfg: cfg, store: st, log: log}
	if cfg.Secret == nil {
		var b [32]byte
		rand.Read(b[:])
		secret, err := st.EnsureSetting(context.Background(), "site.secret", hex.EncodeToString(b[:]))
		if err != nil {
			return nil, fmt.Errorf("site secret: %w", err)
		}
		cfg.Secret = []byte(secret)
	}
	if cfg.ClientIPs == nil {
		cfg.ClientIPs = web.NewClientIPs(false, nil)
	}
	s.cfg.ClientIPs = cfg.ClientIPs
	readers := web.NewReaders(cfg.Secret, cfg.ClientIPs, nil)
	s.engage = engage.New(cfg.Engage, st, log)
	var err error
	cfg.Site.Readers = readers
	if s.site, err = site.New(cfg.Site, st, s.engage, log); err != nil {
		return nil, fmt.Errorf("site: %w", err)
	}
	s.api = api.New(api.Config{BaseURL: cfg.Site.BaseURL, Location: cfg.Site.Location, Readers: readers}, st, s.engage, log)
	mux := http.NewServeMux()
	s.site.Routes(mux)
	s.api.Routes(mux)
	for _, n := range cfg.Newsroom {
		n.Routes(mux)
	}
	feeds.New(feeds.Config{SiteName: cfg.Site.Name, Tagline: cfg.Site.Tagline, BaseURL: cfg.Site.BaseURL,
		Location: cfg.Site.Location, MediaDir: cfg.MediaDir, LogoURL: s.site.Assets().URL("logo.png")}, st, log).Routes(mux)
	mux.HandleFunc("GET /healthz", s.healthz)
	if cfg.Ready != nil {
		mux.Handle("GET /readyz", cfg.Ready)
	}
	if cfg.Metrics != nil {
		mux.Handle("GET /metrics", cfg.Metrics)
	}
	if cfg.MediaDir != "" {
		mux.Handle("GET /media/", http.StripPrefix("/media/", mediaHandler(cfg.MediaDir)))
	}
	s.handler = s.middleware(s.validInput(s.crossOrigin(api.CORS(conditional(mux)))))
	return s, nil
}

// secureRequest reports whether the client reached us over HTTPS, directly
// or through a trusted proxy that says so.
func (s *Server) secureRequest(r *http.Request) bool {
	return s.cfg.ClientIPs.Secure(r)
}

// Site returns the reader site (its page cache statistics go to /metrics).
func (s *Server) Site() *site.Site { return s.site }

// Engage returns the engagement service (view counter, reactions, ...).
func (s *Server) Engage() *engage.Service { return s.engage }

// Background runs the server's background work (the view counter's flush,
// and on PostgreSQL listening for other processes' changes to drop the
// caches) until ctx is cancelled, then flushes what is buffered and returns.
// Call it after the HTTP server has shut down, so no served view is lost.
func (s *Server) Background(ctx context.Context) {
	listened := make(chan struct{})
	go func() {
		defer close(listened)
		s.store.Listen(ctx, s.site.RemoteChange)
	}()
	notified := make(chan struct{})
	go func() {
		defer close(notified)
		s.engage.RunNotifier(ctx)
	}()
	optimized := make(chan struct{})
	go func() {
		defer close(optimized)
		t := time.NewTicker(time.Hour)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
				if err := s.store.Optimize(ctx); err != nil && ctx.Err() == nil {
					s.log.Warn("optimize database", "err", err)
				}
			}
		}
	}()
	s.engage.Views.Run(ctx, time.Second)
	<-listened
	<-notified
	<-optimized
}

// crossOrigin refuses state-changing requests that a browser sends from
// another site (CSRF), using Sec-Fetch-Site and Origin. Public pages stay
// cacheable because no per-request token goes into them; requests without
// those headers (API clients, curl) are not browsers' and pass.
func (s *Server) crossOrigin(next http.Handler) http.Handler {
	cop := http.NewCrossOriginProtection()
	cop.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		err := domain.Forbidden("permintaan lintas situs ditolak (perlindungan CSRF)")
		if strings.HasPrefix(r.URL.Path, "/api/") {
			web.JSONError(w, err)
			return
		}
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.WriteHeader(http.StatusForbidden)
		w.Write([]byte("Permintaan lintas situs ditolak (perlindungan CSRF). Muat ulang halaman lalu coba lagi.\n"))
	}))
	return cop.Handler(next)
}

// ServeHTTP makes Server an http.Handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.handler.ServeHTTP(w, r) }

func (s *Server) healthz(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()
	w.Header().Set("Cache-Control", "no-store")
	if err := s.store.Ping(ctx); err != nil {
		s.log.Error("health check", "err", err)
		web.JSON(w, http.StatusServiceUnavailable, map[string]string{"status": "database unavailable"})
		return
	}
	web.JSON(w, http.StatusOK, map[string]string{"status": "ok"})
}

// mediaHandler serves files whose names are content hashes, so they are
// cached for a year; directory listings are refused.
func mediaHandler(dir string) http.Handler {
	fs := http.FileServer(http.Dir(dir))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "" || strings.HasSuffix(r.URL.Path, "/") {
			http.NotFound(w, r)
			return
		}
		if st, err := os.Stat(filepath.Join(dir, filepath.FromSlash(r.URL.Path))); err != nil || st.IsDir() {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
		w.Header().Set("X-Content-Type-Options", "nosniff")
		fs.ServeHTTP(w, r)
	})
}

type statusWriter struct {
	http.ResponseWriter
	status int
	bytes  int
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	n, err := w.ResponseWriter.Write(b)
	w.bytes += n
	return n, err
}

func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// middleware adds security headers, recovers panics into a 500 and logs one
// line per request.
func (s *Server) middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		h := w.Header()
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Referrer-Policy", "strict-origin-when-cross-origin")
		h.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'")
		// The legacy XSS auditor is itself a source of leaks; CSP replaces it.
		h.Set("X-XSS-Protection", "0")
		if s.secureRequest(r) {
			h.Set("Strict-Transport-Security", "max-age=31536000")
		}
		sw := &statusWriter{ResponseWriter: w}
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				s.log.Error("panic", "method", r.Method, "path", r.URL.Path, "panic", v)
				if sw.status == 0 {
					if strings.HasPrefix(r.URL.Path, "/api/") {
						web.JSONError(sw, fmt.Errorf("panic: %v", v))
					} else {
						http.Error(sw, "Terjadi kesalahan pada server.", http.StatusInternalServerError)
					}
				}
			}
			if s.cfg.Observe != nil {
				status := sw.status
				if status == 0 {
					status = http.StatusOK
				}
				s.cfg.Observe(r, status, time.Since(start))
			}
			if s.log.Enabled(r.Context(), slog.LevelInfo) {
				s.log.Info("request", "method", r.Method, "path", r.URL.Path, "status", sw.status,
					"bytes", sw.bytes, "dur", time.Since(start).Round(time.Microsecond))
			}
		}()
		next.ServeHTTP(sw, r)
	})
}
