// Package site is the reader-facing website: home, article, category, tag
// and author pages, rendered on the server from embedded templates.
package site

import (
	"bytes"
	"context"
	"embed"
	"fmt"
	"html/template"
	"io/fs"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"warta/internal/ads"
	"warta/internal/domain"
	"warta/internal/engage"
	"warta/internal/store"
	"warta/internal/web"
)

//go:embed templates/*.html
var templatesFS embed.FS

//go:embed static
var staticFS embed.FS

// Config is what the site needs to know about itself.
type Config struct {
	Name     string         // site name shown in the header, e.g. "Warta"
	Tagline  string         // one line under the name in the footer
	BaseURL  string         // absolute origin for canonical links, e.g. "https://warta.example"
	Location *time.Location // zone times are shown in
	// PageCacheTTL keeps rendered pages for readers without their own state
	// (no reaction, comment or vote yet) this long; 0 turns it off.
	PageCacheTTL time.Duration
	// PageCacheBytes bounds the memory the page cache holds (64 MiB when 0).
	PageCacheBytes int64
	// FragmentTTL keeps the lists pages share (navigation, latest and
	// related news) this long; 0 turns it off.
	FragmentTTL time.Duration
	// SkeletonTTL keeps each page's rendered skeleton (all but its live
	// counts, comments, poll and the reader's own state) at most this long
	// when no article write drops it first; 0 takes 30 s, below 0 turns it
	// off.
	SkeletonTTL time.Duration
	// LiveStreams bounds the live-report streams (Server-Sent Events) one
	// process holds open; 0 takes 2000 (see live.go).
	LiveStreams int
	// Readers resolves who a request comes from (reader cookie, client
	// address); the public API must share it. Nil: the TCP peer, with a
	// random secret (tests of the site alone).
	Readers *web.Readers
	// Ads is the ad network the operator enabled (--ad-network); the zero
	// value shows no network units (house slots still show).
	Ads ads.Network
}

// Site serves the reader pages.
type Site struct {
	cfg     Config
	store   *store.Store
	engage  *engage.Service
	readers *web.Readers
	cache   *pageCache
	frags   *fragments
	skels   *skeletons
	log     *slog.Logger
	assets  *web.Assets
	pages   map[string]*template.Template
	now     func() time.Time
	ticker  tickerCache // the breaking-news ticker (live.go)
	// mux and cachedRoutes (the patterns of the cached pages) are set by
	// Routes, for FastHit.
	mux          *http.ServeMux
	cachedRoutes map[string]bool
	live         *liveHub // live-report streams (live.go)
}

// SitePayload starts the notification of a site-wide change (settings,
// categories, tags, institutional pages: see Changed), e.g. "s:settings".
const SitePayload = "s:"

// Changed drops every cached page, skeleton and fragment after a write
// that every page may show (a setting, a category, a tag, an institutional
// page; what names it, see editorial.Change), and on PostgreSQL tells the
// other processes, whose RemoteChange does the same.
func (s *Site) Changed(ctx context.Context, what string) {
	s.invalidateAll()
	if err := s.store.Notify(ctx, SitePayload+what); err != nil {
		s.log.Warn("notify other processes", "change", what, "err", err)
	}
}

// RemoteChange drops from the caches what a change another process made to
// the shared database shows on (see store.Listen): engagement on named
// articles ("e:a:1,2"; 0 is a vote) drops those articles' pages (or the
// pages with a poll), engagement on unnamed articles every article page,
// a write on an article's live report ("a:ID:page") that article's page,
// and anything else (an article, a site-wide change "s:…", a resync) both
// caches whole.
func (s *Site) RemoteChange(payload string) {
	if ids, ok := strings.CutPrefix(payload, "e:a:"); ok {
		for _, v := range strings.Split(ids, ",") {
			id, err := strconv.ParseInt(v, 10, 64)
			if err != nil {
				s.cache.dropArticlePages()
				s.cache.dropPolls()
				return
			}
			s.engagementChanged(id)
		}
		return
	}
	if payload == engage.EngagementPayload {
		s.cache.dropArticlePages()
		s.cache.dropPolls()
		return
	}
	// An article write (a live update is one) wakes its report's streams;
	// after missed notifications, every report's. A write that changed only
	// the article's own page ("a:ID:page") drops only that page.
	if rest, ok := strings.CutPrefix(payload, "a:"); ok {
		id, kind, _ := strings.Cut(rest, ":")
		if n, err := strconv.ParseInt(id, 10, 64); err == nil && n > 0 {
			if kind == store.PageOnlyKind {
				s.articlePageChanged(n)
			} else {
				s.invalidateAll()
			}
			s.live.wake(n)
			return
		}
	}
	s.invalidateAll()
	s.live.wake(0)
}

// articleChanged drops what an article write changed: for a write that
// changed only the article's own page (its live report), that page, else
// every cached page, skeleton and fragment (lists change).
func (s *Site) articleChanged(c store.ArticleChange) {
	if c.PageOnly {
		s.articlePageChanged(c.ArticleID)
		return
	}
	s.invalidateAll()
}

// articlePageChanged drops an article's own cached pages and skeleton;
// the lists and the other articles' pages that show it stay.
func (s *Site) articlePageChanged(id int64) {
	s.skels.dropArticle(id)
	s.cache.dropArticle(id)
}

// invalidateAll drops every cached page, skeleton and fragment.
func (s *Site) invalidateAll() {
	s.cache.invalidate()
	s.frags.invalidate()
	s.skels.invalidate()
}

// engagementChanged drops the pages a reaction or comment on an article
// shows on, or for a vote (id 0) the pages that show a poll.
func (s *Site) engagementChanged(articleID int64) {
	if articleID == 0 {
		s.frags.dropPolls()
		s.cache.dropPolls()
		return
	}
	s.frags.dropArticle(articleID)
	s.cache.dropArticle(articleID)
}

// New parses the templates once and prepares the static assets.
func New(cfg Config, st *store.Store, eng *engage.Service, log *slog.Logger) (*Site, error) {
	if cfg.Location == nil {
		cfg.Location = time.UTC
	}
	if cfg.SkeletonTTL == 0 {
		cfg.SkeletonTTL = defaultSkeletonTTL
	}
	sub, err := fs.Sub(staticFS, "static")
	if err != nil {
		return nil, err
	}
	assets, err := web.NewAssets(sub, "/static/")
	if err != nil {
		return nil, err
	}
	if cfg.Readers == nil {
		cfg.Readers = web.EphemeralReaders()
	}
	s := &Site{cfg: cfg, readers: cfg.Readers, store: st, engage: eng, log: log, assets: assets, pages: map[string]*template.Template{}, now: time.Now,
		cache: newPageCache(cfg.PageCacheTTL, cfg.PageCacheBytes), frags: newFragments(cfg.FragmentTTL),
		skels: newSkeletons(cfg.SkeletonTTL), live: newLiveHub(cfg.LiveStreams)}
	s.live.load, s.live.seqOf = s.liveEvents, func(ctx context.Context, id int64) (int64, error) {
		r, err := st.LiveReport(ctx, id)
		return r.Seq, err
	}
	if log != nil {
		s.live.log = log.Warn
	}
	// A write this process makes drops at once what it shows on: an
	// article write every page and list (a live report's only its
	// article's page), a reaction or comment only its
	// article's pages, a vote the pages with a poll. Other processes' writes
	// arrive through RemoteChange (PostgreSQL NOTIFY), or else show within
	// the caches' TTL.
	st.OnArticleChange(func(_ context.Context, c store.ArticleChange) { s.articleChanged(c); s.liveChanged(c) })
	eng.OnChange(s.engagementChanged)
	funcs := template.FuncMap{
		"asset":   assets.URL,
		"when":    func(t time.Time) string { return web.FormatTime(t, cfg.Location) },
		"iso":     func(t time.Time) string { return web.RFC3339(t, cfg.Location) },
		"num":     web.FormatNumber,
		"views":   viewsText, // a list's view count, or its hole in a skeleton (listskel.go)
		"inc":     func(i int) int { return i + 1 },
		"comment": commentHTML,
		"pending": func(c domain.Comment) bool { return c.Status == domain.CommentPending },
		"dec":     func(i int) int { return i - 1 },
		"photo":   photoImg,
		"tileOf":  secondaryTile,
		"blockOf": blockTile,
		"pageURL": pageURL,
		"clock": func(t time.Time) string {
			return t.In(cfg.Location).Format("15:04") + " " + web.ZoneName(cfg.Location, t)
		},
	}
	funcs["articlePath"] = domain.ArticlePath // {{articlePath .Slug}}: an article's address, from the one function
	for k, fn := range seoFuncs(cfg, assets) {
		funcs[k] = fn
	}
	for k, fn := range liveFuncs(cfg.Location) {
		funcs[k] = fn
	}
	funcs["breakingNow"] = func(a domain.Article) bool { return a.BreakingAt(time.Now()) }
	newsLD := funcs["newsArticleLD"].(func(domain.Article, siteLook) newsArticleLD)
	funcs["liveBlogLD"] = func(a domain.Article, l siteLook, v *liveView) liveBlogLD {
		return buildLiveBlogLD(cfg, newsLD(a, l), v)
	}
	for _, name := range Pages {
		files := []string{"templates/layout.html", "templates/front.html", "templates/more.html", "templates/live.html"} // more.html: "Muat lebih banyak" (more.go)
		if name != "more" {
			files = append(files, "templates/"+name+".html")
		}
		t, err := template.New(name).Funcs(funcs).ParseFS(templatesFS, files...)
		if err != nil {
			return nil, fmt.Errorf("parse template %s: %w", name, err)
		}
		s.pages[name] = t
	}
	return s, nil
}

// Pages are the page templates: each is templates/layout.html,
// front.html and more.html with templates/NAME.html ("more" is the
// "Muat lebih banyak" fragment alone).
var Pages = []string{"home", "article", "list", "error", "poll", "search", "page", "indeks", "more"}

// rendered records which page templates were executed, so a test run can
// fail when one never is (a template no test draws can break unnoticed;
// GoatCounter's suite guards against it too). See Rendered.
var rendered sync.Map

// tpl is page's template set, recorded as drawn.
func (s *Site) tpl(page string) *template.Template {
	rendered.Store(page, true)
	return s.pages[page]
}

// Rendered reports whether page's template was executed in this process.
func Rendered(page string) bool {
	_, ok := rendered.Load(page)
	return ok
}

// Assets returns the hashed static files (the newsroom shares the style).
func (s *Site) Assets() *web.Assets { return s.assets }

// meta is what goes into <head>.
type meta struct {
	Title       string
	Description string
	Canonical   string
	NoIndex     bool
}

// frame is what every page's layout needs.
type frame struct {
	Site      Config
	Meta      meta
	Nav       []domain.Category
	SitePages []domain.StaticPage // the footer's institutional pages (not Pages: search pages have their own)
	Active    string
	Look      siteLook // the site's name, logo, menu, footer and ad slots in force (issue 14)
	Today     string
	Year      int
	Zone      string
	Ticker    []domain.Article // breaking news in the site-wide ticker (live.go)
}

func (s *Site) frame(ctx context.Context, m meta, active string) (frame, error) {
	nav, err := s.navCategories(ctx)
	if err != nil {
		return frame{}, err
	}
	pages, err := s.footerPages(ctx)
	if err != nil {
		return frame{}, err
	}
	ticker, err := s.breakingTicker(ctx)
	if err != nil {
		return frame{}, err
	}
	look, err := s.look(ctx)
	if err != nil {
		return frame{}, err
	}
	site := s.cfg
	site.Name, site.Tagline = look.Name, look.Tagline
	now := s.now()
	if m.Canonical != "" {
		m.Canonical = s.cfg.BaseURL + m.Canonical
	}
	return frame{Site: site, Meta: m, Nav: nav, SitePages: pages, Active: active, Look: look, Today: web.FormatDate(now, s.cfg.Location),
		Year: now.In(s.cfg.Location).Year(), Zone: web.ZoneName(s.cfg.Location, now), Ticker: ticker}, nil
}

// handler adapts a page handler that returns an error; the error becomes an
// Indonesian error page with the right status.
func (s *Site) handler(fn func(w http.ResponseWriter, r *http.Request) error) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// Pages are gzipped for clients that take it; a precompressed
		// cached page passes through as it is.
		w, done := web.CompressWriter(w, r)
		defer done()
		if s.frags.ttl <= 0 { // with the fragment cache on, it keeps what a page asks for twice
			r = withRenderMemo(r)
		}
		if err := fn(w, r); err != nil {
			s.renderError(w, r, err)
		}
	})
}

type errorPage struct {
	frame
	Status  int
	Heading string
	Message string
}

func (s *Site) renderError(w http.ResponseWriter, r *http.Request, err error) {
	status := web.StatusOf(err)
	web.LogError(s.log, r, status, err)
	web.SetRetryAfter(w, err)
	p := errorPage{Status: status}
	switch status {
	case http.StatusNotFound:
		p.Heading = "Halaman tidak ditemukan"
		p.Message = "Maaf, halaman yang Anda cari tidak ada atau sudah dipindahkan. " + capitalize(domain.ErrorMessage(err)) + "."
	case http.StatusInternalServerError:
		p.Heading = "Terjadi kesalahan"
		p.Message = "Maaf, server sedang mengalami gangguan. Silakan coba beberapa saat lagi."
	case http.StatusServiceUnavailable:
		p.Heading = "Layanan sedang tidak tersedia"
		p.Message = "Maaf, " + web.UnavailableMessage + "."
	default:
		p.Heading = "Permintaan tidak dapat diproses"
		p.Message = capitalize(domain.ErrorMessage(err)) + "."
	}
	// The error page must render even when the database is down.
	f, ferr := s.frame(r.Context(), meta{Title: p.Heading + " — " + s.siteName(r.Context()), NoIndex: true}, "")
	if ferr != nil {
		f = frame{Site: s.cfg, Meta: meta{Title: p.Heading + " — " + s.cfg.Name, NoIndex: true}, Year: s.now().Year()}
	}
	p.frame = f
	var buf bytes.Buffer
	if terr := s.tpl("error").ExecuteTemplate(&buf, "layout", p); terr != nil {
		s.log.Error("render error page", "err", terr)
		http.Error(w, "Terjadi kesalahan pada server.", http.StatusInternalServerError)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return string(bytes.ToUpper([]byte(s[:1]))) + s[1:]
}

// render executes a page template into a buffer first, so a template failure
// still gives a clean 500 page instead of half a page.
func (s *Site) render(w http.ResponseWriter, page string, status int, data any) error {
	var buf bytes.Buffer
	if err := s.tpl(page).ExecuteTemplate(&buf, "layout", data); err != nil {
		return fmt.Errorf("render %s: %w", page, err)
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Content-Length", strconv.Itoa(buf.Len()))
	if h.Get("Cache-Control") == "" {
		h.Set("Cache-Control", "no-cache")
	}
	w.WriteHeader(status)
	_, err := w.Write(buf.Bytes())
	if err != nil {
		s.log.Debug("write page", "err", err)
	}
	return nil
}

// pageURL is page n of the list at base, which may carry a query already.
func pageURL(base string, n int) string { return withParam(base, "page", strconv.Itoa(n)) }

// pageParam reads ?page=N (default 1); anything else is a 400.
func pageParam(r *http.Request) (int, error) {
	v := r.URL.Query().Get("page")
	if v == "" {
		return 1, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 || n > 100000 {
		return 0, domain.Invalid("parameter halaman %q tidak valid: gunakan angka 1 atau lebih", domain.Truncate(v, 20))
	}
	return n, nil
}
