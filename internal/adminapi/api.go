// Package adminapi is the authenticated JSON API under /api/v1/admin: what
// the newsroom UI does, for scripts and other tools. It accepts the session
// cookie (with the X-CSRF-Token header on every state-changing request) or a
// bearer token, and applies the same role rules as the UI through the same
// services.
package adminapi

import (
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"time"

	"warta/internal/auth"
	"warta/internal/domain"
	"warta/internal/editorial"
	"warta/internal/web"
)

// Config is what the admin API needs to build URLs and times.
type Config struct {
	BaseURL  string
	Location *time.Location
}

// API serves /api/v1/admin.
type API struct {
	cfg  Config
	auth *auth.Service
	ed   *editorial.Service // the one door: every action and read goes through it (no store here)
	log  *slog.Logger
}

// New builds the admin API.
func New(cfg Config, au *auth.Service, ed *editorial.Service, log *slog.Logger) *API {
	if cfg.Location == nil {
		cfg.Location = time.UTC
	}
	return &API{cfg: cfg, auth: au, ed: ed, log: log}
}

type handlerFunc func(w http.ResponseWriter, r *http.Request, p *auth.Principal) error

// handler authenticates the request (401 without credentials), checks the
// CSRF token of cookie-authenticated writes and turns errors into the JSON
// error envelope.
func (a *API) handler(fn handlerFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-store")
		err := func() error {
			p, err := a.auth.FromRequest(r.Context(), r)
			if err != nil {
				return err
			}
			if err := auth.CheckCSRF(p, r); err != nil {
				return err
			}
			return fn(w, r, p)
		}()
		if err != nil {
			if web.StatusOf(err) == http.StatusUnauthorized {
				w.Header().Set("WWW-Authenticate", `Bearer realm="warta"`)
			}
			status := web.JSONError(w, err)
			web.LogError(a.log, r, status, err)
		}
	})
}

// maxJSON bounds request bodies (article bodies are at most 512 KiB).
const maxJSON = 2 << 20

// decode reads a JSON body into v with a clear Indonesian error.
func decode(w http.ResponseWriter, r *http.Request, v any) error {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxJSON))
	if err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return domain.Errorf(domain.ETooLarge, "isi permintaan terlalu besar (paling besar 2 MB)")
		}
		return domain.Invalid("isi permintaan tidak terbaca")
	}
	if len(strings.TrimSpace(string(body))) == 0 {
		return domain.Invalid("isi permintaan kosong: kirim objek JSON")
	}
	if err := json.Unmarshal(body, v); err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) && te.Field != "" {
			return domain.Invalid("kolom %q harus bertipe %s", te.Field, jsonType(te.Type.Kind().String()))
		}
		return domain.Invalid("JSON tidak valid: %s", strings.TrimPrefix(err.Error(), "json: "))
	}
	return nil
}

func jsonType(kind string) string {
	switch kind {
	case "string":
		return "teks"
	case "bool":
		return "boolean"
	case "slice":
		return "larik"
	case "int", "int64", "float64":
		return "angka"
	}
	return kind
}

// pathID reads the id in the route's {name} segment (404 otherwise).
var pathID = web.PathID

func pageOf(r *http.Request) (domain.Page, error) {
	p := domain.Page{Number: 1, Size: 20}
	for _, f := range []struct {
		name string
		dst  *int
		max  int
	}{{"page", &p.Number, 1000000}, {"limit", &p.Size, 100}} {
		if v := r.URL.Query().Get(f.name); v != "" {
			n, err := strconv.Atoi(v)
			if err != nil || n < 1 || n > f.max {
				return p, domain.Invalid("parameter %s harus angka 1 sampai %d", f.name, f.max)
			}
			*f.dst = n
		}
	}
	return p, nil
}

func (a *API) time(t time.Time) string { return web.RFC3339(t, a.cfg.Location) }

func created(w http.ResponseWriter, v any) error {
	web.JSON(w, http.StatusCreated, web.Envelope{Data: v})
	return nil
}

func ok(w http.ResponseWriter, v any) error {
	web.JSON(w, http.StatusOK, web.Envelope{Data: v})
	return nil
}

func noContent(w http.ResponseWriter) error {
	w.WriteHeader(http.StatusNoContent)
	return nil
}

func (a *API) notFound(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	return domain.NotFound("alamat API %s tidak ada", r.URL.Path)
}

func (a *API) me(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	return ok(w, a.userJSON(p.User))
}
