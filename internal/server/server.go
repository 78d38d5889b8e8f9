// Package server is the HTTP front: it joins the parts' routes (built by
// internal/app) into one http.Handler with logging, panic recovery,
// security headers, CSRF and CORS rules and conditional requests.
package server

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"warta/internal/ads"
	"warta/internal/api"
	"warta/internal/domain"
	"warta/internal/media"
	"warta/internal/render"
	"warta/internal/store"
	"warta/internal/web"
)

// Config is what the HTTP front itself needs; the parts it joins are built
// by internal/app.
type Config struct {
	MediaDir string // uploaded and generated images, served under /media/
	// Media, when set, is where /media/ files are read from instead of
	// MediaDir (an object store shared by several machines).
	Media media.Backend
	// MediaOrigin is the origin of a public media base URL (a CDN or the
	// object store itself, e.g. https://cdn.example.id) that pages load
	// images from; the CSP allows it. Empty: images come from this site.
	MediaOrigin string
	// ClientIPs is the one rule for the client address and scheme
	// (--trust-proxy, --trusted-proxies). Nil: the TCP peer.
	ClientIPs *web.ClientIPs

	// Operations (issue 15, internal/metrics). Observe is told of every
	// answered request (r.Pattern is the matched route) for /metrics; Ready
	// answers /readyz; Metrics, when set, is mounted at /metrics here (the
	// caller guards it with a token; by default it is on its own listener).
	Observe func(r *http.Request, status int, d time.Duration)
	Ready   http.Handler
	Metrics http.Handler

	// Ads is the ad network the operator enabled (--ad-network): the reader
	// pages' CSP also allows its hosts. The zero value changes nothing.
	Ads ads.Network

	// ErrorPage answers a request refused at the edge (outside /api/) with
	// the site's error page; nil gives a plain Indonesian page.
	ErrorPage func(w http.ResponseWriter, r *http.Request, err error)
}

// Routes is a part of the application that registers its endpoints.
type Routes interface{ Routes(mux *http.ServeMux) }

// Server is Warta's HTTP front.
type Server struct {
	cfg     Config
	store   *store.Store
	log     *slog.Logger
	handler http.Handler
	headers []headerKV // security headers of every answer, the CSP among them
	// adHeaders are headers with the CSP that also allows the ad network,
	// for reader pages (nil when no network is enabled).
	adHeaders []headerKV
}

// New joins the parts' routes with /healthz and /media/ under the shared
// middleware.
func New(cfg Config, st *store.Store, log *slog.Logger, parts ...Routes) (*Server, error) {
	st.SetLogger(log) // store messages (LISTEN reconnects, storage full) in the configured format and level
	s := &Server{cfg: cfg, store: st, log: log}
	if s.cfg.ClientIPs == nil {
		s.cfg.ClientIPs = web.NewClientIPs(false, nil)
	}
	mux := http.NewServeMux()
	for _, p := range parts {
		p.Routes(mux)
	}
	mux.HandleFunc("GET /healthz", s.healthz)
	if cfg.Ready != nil {
		mux.Handle("GET /readyz", cfg.Ready)
	}
	if cfg.Metrics != nil {
		mux.Handle("GET /metrics", cfg.Metrics)
	}
	if cfg.Media == nil && cfg.MediaDir != "" {
		cfg.Media = media.Dir(cfg.MediaDir)
	}
	if cfg.Media != nil {
		mux.Handle("GET /media/", http.StripPrefix("/media/", mediaHandler(cfg.Media, log)))
	}
	// frame-src: only the embed providers a reader asked to load
	// (render/embed.go); with an ad network on, reader pages also allow its
	// hosts (issue 14, csp.go).
	s.headers = securityHeaders(contentPolicy(cfg.MediaOrigin, render.FrameOrigins(), nil))
	if cfg.Ads.On() {
		s.adHeaders = securityHeaders(contentPolicy(cfg.MediaOrigin, render.FrameOrigins(), cfg.Ads.Hosts()))
	}
	s.handler = s.middleware(s.validInput(s.crossOrigin(api.CORS(conditional(mux)))))
	return s, nil
}

// secureRequest reports whether the client reached us over HTTPS, directly
// or through a trusted proxy that says so.
func (s *Server) secureRequest(r *http.Request) bool {
	return s.cfg.ClientIPs.Secure(r)
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
// cached for a year; directory listings are refused. The files come from
// the media backend: the local folder or the shared object store.
func mediaHandler(b media.Backend, log *slog.Logger) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "" || strings.HasSuffix(r.URL.Path, "/") {
			http.NotFound(w, r)
			return
		}
		f, err := b.Open(r.Context(), r.URL.Path)
		if errors.Is(err, media.ErrNotExist) {
			// A copy at a width added since the upload was stored (issue 13):
			// made from a larger one the first time it is asked for.
			var made bool
			if made, err = media.MakeRendition(r.Context(), b, r.URL.Path); made {
				f, err = b.Open(r.Context(), r.URL.Path)
			} else if err == nil {
				err = media.ErrNotExist
			}
		}
		if errors.Is(err, media.ErrNotExist) {
			http.NotFound(w, r)
			return
		}
		if err != nil {
			log.Error("media store", "path", r.URL.Path, "err", err)
			w.Header().Set("Retry-After", "5")
			http.Error(w, "media store unavailable", http.StatusServiceUnavailable)
			return
		}
		defer f.Close()
		w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
		w.Header().Set("X-Content-Type-Options", "nosniff")
		http.ServeContent(w, r, r.URL.Path, f.ModTime(), f)
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

// headerKV is one header set on every answer (key in canonical form).
type headerKV struct {
	key string
	val []string
}

// securityHeaders go on every answer, with the page's CSP.
func securityHeaders(csp string) []headerKV {
	var out []headerKV
	for _, kv := range [][2]string{
		{"X-Content-Type-Options", "nosniff"},
		{"X-Frame-Options", "DENY"},
		{"Referrer-Policy", "strict-origin-when-cross-origin"},
		{"Content-Security-Policy", csp},
		// The legacy XSS auditor is itself a source of leaks; CSP replaces it.
		{"X-Xss-Protection", "0"},
	} {
		out = append(out, headerKV{kv[0], []string{kv[1]}[:1:1]})
	}
	return out
}

// middleware adds security headers, recovers panics into a 500 and logs one
// line per request.
func (s *Server) middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		h := w.Header()
		headers := s.headers
		if s.adHeaders != nil && adPage(r.URL.Path) {
			headers = s.adHeaders
		}
		for _, kv := range headers {
			h[kv.key] = kv.val // shared, capacity 1: an Add copies
		}
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
			s.Answered(r, sw.status, sw.bytes, start)
		}()
		next.ServeHTTP(sw, r)
	})
}

// Answered tells /metrics and the log of an answer, as the middleware does
// after every request; the fast lane calls it for the cached pages it
// answers without the handler chain (web.Fast.Answered). status 0 is a 200
// whose handler wrote nothing.
func (s *Server) Answered(r *http.Request, status, bytes int, start time.Time) {
	if s.cfg.Observe != nil {
		st := status
		if st == 0 {
			st = http.StatusOK
		}
		s.cfg.Observe(r, st, time.Since(start))
	}
	if s.log.Enabled(r.Context(), slog.LevelInfo) {
		s.log.Info("request", "method", r.Method, "path", r.URL.Path, "status", status,
			"bytes", bytes, "dur", time.Since(start).Round(time.Microsecond))
	}
}
