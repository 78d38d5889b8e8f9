// Package api is Warta's public JSON API under /api/v1. Every answer uses one
// envelope: {"data": ...} (with "pagination" beside a list) or
// {"error": {"message", "code"}}.
package api

import (
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"time"

	"warta/internal/domain"
	"warta/internal/engage"
	"warta/internal/store"
	"warta/internal/web"
)

// Config is what the API needs to build absolute URLs and times.
type Config struct {
	BaseURL  string
	Location *time.Location
	// Readers resolves who a request comes from; the reader site must share
	// it, so a browser is one reader on both. Nil: the TCP peer, with a
	// random secret.
	Readers *web.Readers
}

// API serves /api/v1.
type API struct {
	cfg    Config
	store  *store.Store
	engage *engage.Service
	log    *slog.Logger
}

// New builds the API.
func New(cfg Config, st *store.Store, eng *engage.Service, log *slog.Logger) *API {
	if cfg.Location == nil {
		cfg.Location = time.UTC
	}
	if cfg.Readers == nil {
		cfg.Readers = web.EphemeralReaders()
	}
	return &API{cfg: cfg, store: st, engage: eng, log: log}
}

// reader resolves who sent an engagement request and gives a client without
// a reader cookie its own (the engagement rules decide what a brand-new
// reader may do: reactions and votes need the cookie sent back first).
func (a *API) reader(w http.ResponseWriter, r *http.Request) domain.Reader {
	rd := a.cfg.Readers.Resolve(r)
	a.cfg.Readers.Ensure(w, r, &rd)
	return rd
}

// handler adapts an API handler that returns an error into the JSON error
// envelope.
func (a *API) handler(fn func(w http.ResponseWriter, r *http.Request) error) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if err := fn(w, r); err != nil {
			status := web.JSONError(w, err)
			web.LogError(a.log, r, status, err)
		}
	})
}

// intParam reads an optional positive integer query parameter.
func intParam(r *http.Request, name string, def, maxv int) (int, error) {
	v := r.URL.Query().Get(name)
	if v == "" {
		return def, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 {
		return 0, domain.Invalid("parameter %s harus bilangan bulat positif", name)
	}
	if maxv > 0 && n > maxv {
		return 0, domain.Invalid("parameter %s paling besar %d", name, maxv)
	}
	return n, nil
}

// pageParams reads the page (default 1) and limit (default defLimit, at
// most maxLimit) query parameters.
func pageParams(r *http.Request, defLimit, maxLimit int) (page, limit int, err error) {
	if limit, err = intParam(r, "limit", defLimit, maxLimit); err != nil {
		return 0, 0, err
	}
	if page, err = intParam(r, "page", 1, 100000); err != nil {
		return 0, 0, err
	}
	return page, limit, nil
}

// slugParam reads an optional slug filter and rejects malformed ones.
func slugParam(r *http.Request, name string) (string, error) {
	v := strings.TrimSpace(r.URL.Query().Get(name))
	if v != "" && domain.Slugify(v) != v {
		return "", domain.Invalid("parameter %s harus berupa slug (huruf kecil, angka, tanda hubung)", name)
	}
	return v, nil
}
