// Package newsroom is the /redaksi UI where journalists write, editors
// review and publish, and moderators keep comments clean. Pages are
// rendered on the server and work without JavaScript; newsroom.js adds the
// Markdown toolbar, live preview, autosave, upload and the warning when
// someone else edits the same article.
package newsroom

import (
	"bytes"
	"context"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"log/slog"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"warta/internal/auth"
	"warta/internal/domain"
	"warta/internal/editorial"
	"warta/internal/store"
	"warta/internal/web"
)

//go:embed templates/*.html
var templatesFS embed.FS

//go:embed static
var staticFS embed.FS

// Config is what the newsroom needs to know about the site.
type Config struct {
	SiteName string
	BaseURL  string
	Location *time.Location
	// Preview writes an article's page as readers will see it (the reader
	// site's site.Site.Preview); nil: no full-page preview.
	Preview func(w http.ResponseWriter, r *http.Request, a domain.Article) error
	// DashboardRefresh is how often the dashboard updates itself in the
	// browser; 0 takes 15 seconds.
	DashboardRefresh time.Duration
}

// UI serves /redaksi.
type UI struct {
	cfg    Config
	auth   *auth.Service
	ed     *editorial.Service // the one door: every action and read goes through it (no store here)
	log    *slog.Logger
	assets *web.Assets
	pages  map[string]*template.Template
}

var pageNames = []string{"login", "dashboard", "articles", "editor", "revisions", "stats", "comments", "moderation",
	"categories", "tags", "polls", "poll", "users", "account", "webhooks", "webhooks_detail", "settings", "error", "pages", "page_edit",
	"article_view", "proposal_form", "proposals", "proposal", "live"}

// pageParts are the templates a page shares with others, parsed with it.
var pageParts = map[string][]string{
	"webhooks":        {"webhooks_form"},
	"webhooks_detail": {"webhooks_form"},
}

// New parses the templates once.
func New(cfg Config, au *auth.Service, ed *editorial.Service, log *slog.Logger) (*UI, error) {
	if cfg.Location == nil {
		cfg.Location = time.UTC
	}
	if cfg.DashboardRefresh <= 0 {
		cfg.DashboardRefresh = 15 * time.Second
	}
	sub, err := fs.Sub(staticFS, "static")
	if err != nil {
		return nil, err
	}
	assets, err := web.NewAssets(sub, "/redaksi/static/")
	if err != nil {
		return nil, err
	}
	u := &UI{cfg: cfg, auth: au, ed: ed, log: log, assets: assets, pages: map[string]*template.Template{}}
	funcs := template.FuncMap{
		"asset":       assets.URL,
		"when":        func(t time.Time) string { return whenOrDash(t, cfg.Location) },
		"local":       func(t time.Time) string { return localInput(t, cfg.Location) },
		"num":         web.FormatNumber,
		"statusLabel": editorial.StatusLabel,
		"chart":       func(h []store.HourViews) template.HTML { return chartSVG(h, cfg.Location) },
		"join":        strings.Join,
		"zone":        func() string { return web.ZoneName(cfg.Location, time.Now()) },
		"inc":         func(i int) int { return i + 1 },
		"articlePath": domain.ArticlePath,
	}
	for _, name := range pageNames {
		files := []string{"templates/layout.html", "templates/" + name + ".html"}
		for _, part := range pageParts[name] {
			files = append(files, "templates/"+part+".html")
		}
		t, err := template.New(name).Funcs(funcs).ParseFS(templatesFS, files...)
		if err != nil {
			return nil, fmt.Errorf("parse template %s: %w", name, err)
		}
		u.pages[name] = t
	}
	return u, nil
}

func whenOrDash(t time.Time, loc *time.Location) string {
	if t.IsZero() {
		return "—"
	}
	return web.FormatTime(t, loc)
}

// localInput formats a time for <input type="datetime-local"> in the site zone.
func localInput(t time.Time, loc *time.Location) string {
	if t.IsZero() {
		return ""
	}
	return t.In(loc).Format("2006-01-02T15:04")
}

// parseLocal reads a datetime-local value in the site zone.
func (u *UI) parseLocal(v string) (time.Time, error) {
	v = strings.TrimSpace(v)
	if v == "" {
		return time.Time{}, nil
	}
	for _, layout := range []string{"2006-01-02T15:04", "2006-01-02T15:04:05", time.RFC3339} {
		if t, err := time.ParseInLocation(layout, v, u.cfg.Location); err == nil {
			return t, nil
		}
	}
	return time.Time{}, domain.Invalid("waktu %q tidak valid: gunakan format tanggal dan jam, misalnya 2024-06-20T18:34", v)
}

// frame is what every newsroom page's layout needs.
type frame struct {
	Site string // the site's name in force: the admin's setting, else --site-name
	// DefaultSite is the server's own name for the site (--site-name),
	// which stands while no name is set.
	DefaultSite string
	Title       string
	Active      string
	User        *domain.User
	CSRF        string
	Notice      string // a success message
	Error       string // an error message
}

// Can reports whether the signed-in account holds a permission (for menus
// and buttons; the handlers check again).
func (f frame) Can(perm string) bool { return f.User != nil && auth.Can(f.User.Role, auth.Perm(perm)) }

// notices are the fixed success messages a redirect may ask for (?ok=...),
// so no user input is ever reflected into a page.
var notices = map[string]string{
	"tersimpan": "Perubahan tersimpan.", "diajukan": "Artikel diajukan untuk ditinjau editor.",
	"dijadwalkan": "Artikel dijadwalkan.", "terbit": "Artikel diterbitkan.", "ditarik": "Artikel ditarik dari situs.",
	"draf": "Artikel dikembalikan ke draf.", "dihapus": "Data dihapus.", "dipulihkan": "Revisi dipulihkan.",
	"dipulihkan-sebagian": "Revisi dipulihkan. Yang tidak bisa dipulihkan dibiarkan seperti sekarang: bagian yang tidak disimpan revisi lama, kategori, penulis, polling atau foto yang sudah dihapus, dan yang hanya boleh diatur editor.",
	"catatan":             "Catatan ditambahkan dan tampil di artikel.", "sandi": "Kata sandi diganti.", "dibuat": "Data dibuat.",
	"moderasi": "Komentar diperbarui.", "diblokir": "Pembaca diblokir; lihat daftarnya di Kata terlarang dan pembaca diblokir.", "keluar": "Anda sudah keluar.",
	"ping":     "Ping uji masuk antrean; hasilnya tampil di log pengiriman dalam beberapa detik.",
	"ulang":    "Pengiriman dijadwalkan ulang dan segera dicoba lagi.",
	"nonaktif": "Webhook dinonaktifkan: tidak ada kiriman baru sampai diaktifkan lagi.",
	"aktif":    "Webhook diaktifkan.",
	"diambil":  "Anda sekarang memegang penyuntingan artikel ini; penyunting sebelumnya diberi tahu.",
	// correction proposals (issue 12)
	"usulan":         "Usulan ralat terkirim; editor akan meninjaunya, dan keputusannya tampil di sini.",
	"ralat-diterima": "Usulan diterima: perubahan sudah tampil di artikel, dengan catatan ralatnya bila diisi.",
	"ralat-ditolak":  "Usulan ditolak; penulis melihat alasannya.",
	"ralat-ditarik":  "Usulan ralat ditarik: editor tidak lagi meninjaunya, dan artikelnya tetap seperti sekarang.",
	// live reports (issue 14)
	"langsung":          "Artikel ini sekarang laporan langsung: pembaruan tampil di halamannya tanpa dimuat ulang.",
	"langsung-selesai":  "Laporan langsung diakhiri.",
	"pembaruan":         "Pembaruan terbit di laporan langsung.",
	"pembaruan-diubah":  "Pembaruan diubah.",
	"pembaruan-dihapus": "Pembaruan dihapus.",
}

func (u *UI) frame(r *http.Request, p *auth.Principal, title, active string) frame {
	f := frame{Site: u.siteName(r.Context()), DefaultSite: u.cfg.SiteName, Title: title, Active: active, Notice: notices[r.URL.Query().Get("ok")]}
	if p != nil {
		f.User, f.CSRF = &p.User, p.CSRF
	}
	return f
}

// siteName is the site's name in force: the one an admin saved in the
// settings, else the server's (also when the database cannot say: the
// error page still renders).
func (u *UI) siteName(ctx context.Context) string {
	if n, err := u.ed.SiteName(ctx); err == nil && n != "" {
		return n
	}
	return u.cfg.SiteName
}

// gzipped sends a newsroom page's HTML gzipped to clients that take it
// (JSON answers and redirects pass through as they are).
func gzipped(fn http.HandlerFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w, done := web.CompressWriter(w, r)
		defer done()
		fn(w, r)
	})
}

type handlerFunc func(w http.ResponseWriter, r *http.Request, p *auth.Principal) error

// maxForm bounds a newsroom form (an upload with the article form).
const maxForm = 12 << 20

// page wraps a handler that needs a signed-in account: without one the
// browser goes to the login page; writes must carry the CSRF token.
func (u *UI) page(fn handlerFunc) http.Handler {
	return gzipped(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Cache-Control", "no-store")
		h.Set("X-Robots-Tag", "noindex")
		p, err := u.auth.FromRequest(r.Context(), r)
		if err != nil {
			if web.StatusOf(err) != http.StatusUnauthorized {
				u.renderError(w, r, nil, err)
				return
			}
			if wantsJSON(r) {
				web.JSONError(w, err)
				return
			}
			q := url.Values{}
			if r.Method == http.MethodGet {
				q.Set("lanjut", r.URL.RequestURI())
			}
			if _, cerr := r.Cookie(auth.CookieName); cerr == nil {
				q.Set("sesi", "berakhir")
				http.SetCookie(w, u.auth.Cookie(r, ""))
			}
			http.Redirect(w, r, "/redaksi/masuk?"+q.Encode(), http.StatusSeeOther)
			return
		}
		if r.Method == http.MethodPost {
			r.Body = http.MaxBytesReader(w, r.Body, maxForm)
			if err := parseForm(r); err != nil {
				u.fail(w, r, p, err)
				return
			}
		}
		if err := auth.CheckCSRF(p, r); err != nil {
			u.fail(w, r, p, err)
			return
		}
		if err := fn(w, r, p); err != nil {
			u.fail(w, r, p, err)
		}
	})
}

func parseForm(r *http.Request) error {
	var err error
	if strings.HasPrefix(r.Header.Get("Content-Type"), "multipart/form-data") {
		err = r.ParseMultipartForm(1 << 20)
	} else {
		err = r.ParseForm()
	}
	if err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return domain.Errorf(domain.ETooLarge, "kiriman terlalu besar (paling besar %d MB); perkecil gambarnya lalu coba lagi", maxForm>>20)
		}
		return domain.Invalid("formulir tidak terbaca")
	}
	// The server checks forms up to 256 KB at the edge; a bigger one (with
	// a photo) is checked here.
	return web.CheckValues(r.Form)
}

// wantsJSON tells the script's calls (fetch) from page loads.
func wantsJSON(r *http.Request) bool {
	return strings.Contains(r.Header.Get("Accept"), "application/json")
}

func (u *UI) fail(w http.ResponseWriter, r *http.Request, p *auth.Principal, err error) {
	if wantsJSON(r) {
		status := web.JSONError(w, err)
		web.LogError(u.log, r, status, err)
		return
	}
	u.renderError(w, r, p, err)
}

type errorPage struct {
	frame
	Status  int
	Heading string
	Message string
}

func (u *UI) renderError(w http.ResponseWriter, r *http.Request, p *auth.Principal, err error) {
	status := web.StatusOf(err)
	web.LogError(u.log, r, status, err)
	web.SetRetryAfter(w, err)
	e := errorPage{frame: u.frame(r, p, "Terjadi kesalahan", ""), Status: status, Message: errorSentence(err)}
	switch status {
	case http.StatusForbidden:
		e.Heading = "Tidak diizinkan"
	case http.StatusNotFound:
		e.Heading = "Tidak ditemukan"
	case http.StatusInternalServerError:
		e.Heading = "Terjadi kesalahan"
		e.Message = "Maaf, server sedang mengalami gangguan. Silakan coba beberapa saat lagi."
	case http.StatusServiceUnavailable:
		e.Heading = "Layanan sedang tidak tersedia"
		e.Message = sentence(web.UnavailableMessage)
	default:
		e.Heading = "Permintaan tidak dapat diproses"
	}
	e.Title = e.Heading
	u.render(w, "error", status, e)
}

// errorSentence is an error's Indonesian message as a page shows it.
func errorSentence(err error) string { return sentence(domain.ErrorMessage(err)) }

// sentence makes a message a sentence: the first letter capitalised and a
// full stop at the end (unless it ends in one already).
func sentence(s string) string {
	if s == "" {
		return s
	}
	r, n := utf8.DecodeRuneInString(s)
	s = string(unicode.ToUpper(r)) + s[n:]
	if !strings.HasSuffix(s, ".") && !strings.HasSuffix(s, "?") && !strings.HasSuffix(s, "!") {
		s += "."
	}
	return s
}

// render executes a page into a buffer first, so a template failure gives a
// clean 500 instead of half a page.
// rendered records which pages were drawn, so a test can fail when one
// never is (a template no test executes can break unnoticed).
var rendered sync.Map

func (u *UI) render(w http.ResponseWriter, page string, status int, data any) {
	rendered.Store(page, true)
	u.write(w, page, "layout", status, data)
}

// renderPart writes one named template of a page without the layout (a
// part newsroom.js puts in place), never cached.
func (u *UI) renderPart(w http.ResponseWriter, page, name string, data any) {
	u.write(w, page, name, http.StatusOK, data)
}

// write executes a page's template name into a buffer first, so a template
// failure is a clean 500, and sends it uncached.
func (u *UI) write(w http.ResponseWriter, page, name string, status int, data any) {
	var buf bytes.Buffer
	if err := u.pages[page].ExecuteTemplate(&buf, name, data); err != nil {
		u.log.Error("render newsroom page", "page", page, "template", name, "err", err)
		http.Error(w, "Terjadi kesalahan pada server.", http.StatusInternalServerError)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Content-Length", strconv.Itoa(buf.Len()))
	h.Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

func redirect(w http.ResponseWriter, r *http.Request, path, ok string) error {
	if ok != "" {
		sep := "?"
		if strings.Contains(path, "?") {
			sep = "&"
		}
		path += sep + "ok=" + ok
	}
	http.Redirect(w, r, path, http.StatusSeeOther)
	return nil
}

// pathID reads the id in the route's {name} segment (404 otherwise).
var pathID = web.PathID

func formIDs(r *http.Request, name string) []int64 {
	var ids []int64
	for _, v := range r.Form[name] {
		if id, err := strconv.ParseInt(v, 10, 64); err == nil && id > 0 {
			ids = append(ids, id)
		}
	}
	return ids
}

func splitList(v string) []string {
	var out []string
	for _, s := range strings.Split(v, ",") {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

func (u *UI) notFound(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	return domain.NotFound("halaman redaksi tidak ditemukan")
}
