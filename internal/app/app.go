// Package app assembles Warta: from one Config it builds every service, the
// HTTP handler and the background jobs, the same way for `warta serve` and
// for every test server. cmd/warta only turns flags into a Config.
package app

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"warta/internal/adminapi"
	"warta/internal/api"
	"warta/internal/auth"
	"warta/internal/demo"
	"warta/internal/discovery"
	"warta/internal/domain"
	"warta/internal/editorial"
	"warta/internal/engage"
	"warta/internal/feeds"
	"warta/internal/media"
	"warta/internal/newsroom"
	"warta/internal/render"
	"warta/internal/scheduler"
	"warta/internal/server"
	"warta/internal/site"
	"warta/internal/store"
	"warta/internal/web"
	"warta/internal/webhooks"
)

// Config is everything the application is built from. Zero values take the
// defaults of the parts.
type Config struct {
	Site     site.Config // name, tagline, public origin, time zone, page caches
	MediaDir string      // uploaded and generated images ("" turns uploads and /media/ off)
	// Media, when set, stores the images instead of the folder MediaDir:
	// an S3-compatible object store that several machines share.
	Media media.Backend
	// MediaURL is the public base URL readers fetch images from (a CDN or
	// the object store's public address, ending in /); empty: /media/ on
	// this site, served through Warta.
	MediaURL string
	Engage   engage.Config // engagement rules
	// ClientIPs is the one rule for the client address and scheme
	// (--trust-proxy, --trusted-proxies), for engagement, login limits and
	// HSTS alike. Nil: the TCP peer, forwarded headers ignored.
	ClientIPs *web.ClientIPs
	// Secret signs reader cookies and salts reader hashes. When nil, the
	// site's secret is read from (or created in) the database, so every
	// process over one database shares it.
	Secret []byte
	// Auth tunes sessions and login limits; SecureCookies is set on its
	// own when Site.BaseURL is https.
	Auth auth.Config
	// Webhooks tunes deliveries (timeouts, retries); BaseURL and Location
	// come from Site.
	Webhooks webhooks.Config
	// Demo fills an empty database with the demo newsroom before serving.
	Demo bool
	// NoFastLane leaves every request to net/http; by default Run answers
	// requests for pages held in the page cache itself (web.Fast).
	NoFastLane bool
	// SchedulerInterval is how often scheduled articles are looked for
	// (default scheduler.Interval).
	SchedulerInterval time.Duration
	// DashboardRefresh is how often the newsroom dashboard updates itself
	// in the browser (default 15 s; tests shorten it).
	DashboardRefresh time.Duration
	// Log receives the application's logs (default: discarded).
	Log *slog.Logger

	// Operations (cmd/warta/ops.go, internal/metrics): Observe is told of
	// every answered request, Ready answers /readyz, Metrics (when set) is
	// mounted at /metrics; Jobs run beside the others and are waited for;
	// Serving is called once Run serves, Draining when shutdown begins,
	// before the listener closes.
	Observe  func(r *http.Request, status int, d time.Duration)
	Ready    http.Handler
	Metrics  http.Handler
	Jobs     []func(ctx context.Context)
	Serving  func()
	Draining func()
}

// App is the assembled application.
type App struct {
	cfg       Config
	Store     *store.Store
	Log       *slog.Logger
	Auth      *auth.Service
	Editorial *editorial.Service
	Engage    *engage.Service
	Site      *site.Site
	Discovery *discovery.Engine
	Webhooks  *webhooks.Service
	handler   http.Handler
	ownStore  bool // Run closes the store it opened
	fast      *web.Fast
}

// FastLaneServed is how many requests Run's fast lane has answered.
func (a *App) FastLaneServed() uint64 { return a.fast.Served() }

// FastLaneServedWithoutChain is how many of those came from a recorded
// head, without the handler chain (web.Fast.Cached).
func (a *App) FastLaneServedWithoutChain() uint64 { return a.fast.ServedWithoutChain() }

// Open opens (and migrates) the database at dsn and assembles the
// application over it; Run closes the store when it returns.
func Open(ctx context.Context, dsn string, cfg Config) (*App, error) {
	st, err := OpenStore(ctx, dsn)
	if err != nil {
		return nil, err
	}
	a, err := New(ctx, st, cfg)
	if err != nil {
		st.Close()
		return nil, err
	}
	a.ownStore = true
	return a, nil
}

// OpenStore connects and migrates, with a clear message when the database
// cannot be used.
func OpenStore(ctx context.Context, dsn string) (*store.Store, error) {
	st, err := store.Open(ctx, dsn)
	if err != nil {
		return nil, fmt.Errorf("cannot open database: %w", err)
	}
	if err := st.Migrate(ctx); err != nil {
		st.Close()
		return nil, fmt.Errorf("cannot migrate database: %w", err)
	}
	return st, nil
}

// newRenderer is the body renderer: links to baseURL are the site's own,
// and uploaded images in bodies get their size from the media store.
func newRenderer(baseURL string, uploads *media.Store) *render.Renderer {
	opts := []render.Option{render.SiteURL(baseURL)}
	if uploads != nil {
		opts = append(opts, render.ImageSizes(uploads.Size))
	}
	return render.New(opts...)
}

// New assembles the application over an open, migrated store. The caller
// keeps the store and closes it after Run returned.
func New(ctx context.Context, st *store.Store, cfg Config) (*App, error) {
	if cfg.Log == nil {
		cfg.Log = slog.New(slog.DiscardHandler)
	}
	if cfg.Site.Location == nil {
		cfg.Site.Location = time.UTC
	}
	cfg.Site.BaseURL = strings.TrimRight(cfg.Site.BaseURL, "/")
	log := cfg.Log
	a := &App{cfg: cfg, Store: st, Log: log}
	if cfg.Demo {
		// The photos are drawn in the background (see Run).
		n, err := demo.SeedLater(ctx, st, render.New(), a.mediaBackend() != nil)
		if err != nil {
			return nil, fmt.Errorf("demo content: %w", err)
		}
		if n > 0 {
			log.Info("demo content added", "articles", n)
		}
		// The demo approves comments at once so a newcomer sees them appear,
		// unless the site already chose a moderation mode.
		if _, err := st.EnsureSetting(ctx, store.SettingModeration, domain.ModerationApproveAll); err != nil {
			return nil, err
		}
	}
	secret := cfg.Secret
	if secret == nil {
		var b [32]byte
		rand.Read(b[:])
		s, err := st.EnsureSetting(ctx, store.SettingSecret, hex.EncodeToString(b[:]))
		if err != nil {
			return nil, fmt.Errorf("site secret: %w", err)
		}
		secret = []byte(s)
	}
	if cfg.ClientIPs == nil {
		cfg.ClientIPs = web.NewClientIPs(false, nil)
	}
	readers := web.NewReaders(secret, cfg.ClientIPs, nil)
	a.Engage = engage.New(cfg.Engage, st, log)
	siteCfg := cfg.Site
	siteCfg.Readers = readers
	var err error
	if a.Site, err = site.New(siteCfg, st, a.Engage, log); err != nil {
		return nil, fmt.Errorf("site: %w", err)
	}
	authCfg := cfg.Auth
	authCfg.SecureCookies = authCfg.SecureCookies || strings.HasPrefix(cfg.Site.BaseURL, "https://")
	if authCfg.ClientIP == nil {
		authCfg.ClientIP = cfg.ClientIPs.ClientIP // the one client-IP rule
	}
	a.Auth = auth.New(authCfg, st)
	var uploads *media.Store
	switch {
	case cfg.Media != nil:
		uploads = media.NewWith(cfg.Media, cfg.MediaURL)
	case cfg.MediaDir != "":
		uploads = media.NewWith(media.Dir(cfg.MediaDir), cfg.MediaURL)
	}
	a.Editorial = editorial.New(st, newRenderer(cfg.Site.BaseURL, uploads), uploads)
	a.Editorial.SetAdNetwork(cfg.Site.Ads) // the operator's, for the slots admins fill (issue 14)
	// The newsroom's one change event. Moderation and poll edits are
	// engagement changes like a reader's comment: engage drops this
	// process's pages of those articles and tells the other processes.
	// Settings, categories, tags and institutional pages show on every
	// page: the site drops its caches whole and tells the others.
	a.Editorial.OnChange(func(ctx context.Context, c editorial.Change) {
		for _, id := range c.Articles {
			a.Engage.Changed(id)
		}
		if c.Site != "" {
			a.Site.Changed(ctx, c.Site)
		}
	})
	ui, err := newsroom.New(newsroom.Config{SiteName: cfg.Site.Name, BaseURL: cfg.Site.BaseURL, Location: cfg.Site.Location,
		Preview: a.Site.Preview, DashboardRefresh: cfg.DashboardRefresh},
		a.Auth, a.Editorial, log)
	if err != nil {
		return nil, fmt.Errorf("newsroom: %w", err)
	}
	whCfg := cfg.Webhooks
	whCfg.BaseURL, whCfg.Location = cfg.Site.BaseURL, cfg.Site.Location
	a.Webhooks = webhooks.New(whCfg, st, log)
	a.Webhooks.Subscribe()
	a.Discovery = discovery.New(st, log)
	a.Discovery.SetMostReadWindows(func(now time.Time) []time.Time {
		return append(a.Site.MostReadWindows(now), now.Add(-editorial.TopWindow))
	})
	srv, err := server.New(server.Config{MediaDir: cfg.MediaDir, Media: cfg.Media, MediaOrigin: origin(cfg.MediaURL), ClientIPs: cfg.ClientIPs, Ads: cfg.Site.Ads,
		Observe: cfg.Observe, Ready: cfg.Ready, Metrics: cfg.Metrics, ErrorPage: a.Site.RenderError}, st, log,
		a.Site,
		api.New(api.Config{BaseURL: cfg.Site.BaseURL, Location: cfg.Site.Location, Readers: readers}, st, a.Engage, log),
		feeds.New(feeds.Config{SiteName: cfg.Site.Name, Tagline: cfg.Site.Tagline, BaseURL: cfg.Site.BaseURL,
			Location: cfg.Site.Location, MediaDir: cfg.MediaDir, Media: cfg.Media, LogoURL: a.Site.Assets().URL("logo.png"),
			Look: a.Site.Brand}, st, log),
		ui,
		adminapi.New(adminapi.Config{BaseURL: cfg.Site.BaseURL, Location: cfg.Site.Location}, a.Auth, a.Editorial, log),
	)
	if err != nil {
		return nil, err
	}
	a.handler = srv
	if !cfg.NoFastLane { // Run sets its timeouts
		a.fast = &web.Fast{Handler: a.handler, Hit: a.Site.FastHit, Cached: a.Site.FastCached, Answered: srv.Answered}
	}
	return a, nil
}

// ServeHTTP makes App an http.Handler (benchmarks call it directly; a
// served application goes through Run).
func (a *App) ServeHTTP(w http.ResponseWriter, r *http.Request) { a.handler.ServeHTTP(w, r) }

// Run serves HTTP on ln and runs every background job until ctx is
// cancelled, then stops them in order, each waited for before the next:
//
//  1. the HTTP server (requests in flight finish);
//  2. what writes articles on its own: the scheduler and the discovery job
//     (related news, #HOT);
//  3. the webhook dispatcher, which turns the changes still queued into
//     delivery rows sent by the next run;
//  4. the view counter (it flushes), the cross-process notifier and
//     listener, and the hourly optimiser;
//
// and last closes the store if Open opened it. Nothing writes after Close.
func (a *App) Run(ctx context.Context, ln net.Listener) error {
	log := a.Log
	// Each stage gets its own context, cancelled in order at shutdown. They
	// do not derive from ctx: its cancellation starts the shutdown instead.
	base := context.WithoutCancel(ctx)
	writers, stopWriters := context.WithCancel(base)
	hooks, stopHooks := context.WithCancel(base)
	last, stopLast := context.WithCancel(base)
	var writersWG, hooksWG, lastWG sync.WaitGroup
	start := func(wg *sync.WaitGroup, ctx context.Context, fn func(context.Context)) {
		wg.Add(1)
		go func() { defer wg.Done(); fn(ctx) }()
	}
	start(&lastWG, last, func(ctx context.Context) { a.Store.Listen(ctx, a.Site.RemoteChange) })
	start(&lastWG, last, a.Engage.RunNotifier)
	start(&lastWG, last, func(ctx context.Context) { a.Engage.Views.Run(ctx, time.Second) })
	start(&lastWG, last, a.optimize)
	for _, job := range a.cfg.Jobs {
		start(&lastWG, last, job)
	}
	if photos := a.mediaBackend(); a.cfg.Demo && photos != nil {
		start(&lastWG, last, func(ctx context.Context) {
			start := time.Now()
			if err := demo.DrawPhotos(ctx, a.Store, photos); err != nil {
				if ctx.Err() == nil {
					log.Error("demo photos", "err", err)
				}
				return
			}
			log.Debug("demo photos ready", "took", time.Since(start).Round(time.Millisecond))
		})
	}
	start(&hooksWG, hooks, a.Webhooks.Run)
	start(&writersWG, writers, func(ctx context.Context) { a.Discovery.Run(ctx) })
	start(&writersWG, writers, func(ctx context.Context) {
		scheduler.Run(ctx, a.Store, log, a.cfg.SchedulerInterval)
	})

	hs := &http.Server{Handler: a.handler, ReadHeaderTimeout: 10 * time.Second, ReadTimeout: 30 * time.Second,
		WriteTimeout: 60 * time.Second, IdleTimeout: 120 * time.Second, MaxHeaderBytes: 64 << 10,
		ErrorLog:    slog.NewLogLogger(log.Handler(), slog.LevelWarn),
		ConnContext: web.ConnContext} // with web.Listener: a cached page leaves in one write
	hs.RegisterOnShutdown(a.Site.CloseStreams) // live-report streams end, so shutdown need not wait for them
	sl := web.Listener(ln)
	if a.fast != nil {
		a.fast.IdleTimeout, a.fast.WriteTimeout, a.fast.ReadHeaderTimeout = hs.IdleTimeout, hs.WriteTimeout, hs.ReadHeaderTimeout
		sl = web.FastListener(ln, a.fast)
		hs.RegisterOnShutdown(a.fast.Shutdown)
	}
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(sl) }()
	if a.cfg.Serving != nil {
		a.cfg.Serving()
	}
	log.Info("warta is serving", "url", "http://"+ln.Addr().String())
	var err error
	select {
	case err = <-errc:
	case <-ctx.Done():
		log.Info("shutting down")
		if a.cfg.Draining != nil {
			a.cfg.Draining()
		}
		sctx, cancel := context.WithTimeout(base, 15*time.Second)
		if serr := hs.Shutdown(sctx); serr != nil {
			err = fmt.Errorf("shutdown: %w", serr)
		}
		cancel()
	}
	if errors.Is(err, http.ErrServerClosed) {
		err = nil
	}
	stopWriters()
	writersWG.Wait()
	stopHooks()
	hooksWG.Wait()
	stopLast()
	lastWG.Wait()
	if a.ownStore {
		if cerr := a.Store.Close(); cerr != nil && err == nil {
			err = cerr
		}
	}
	log.Info("stopped; buffered views and queued webhooks written")
	return err
}

// Start runs the application on ln in the background (as Run does) and
// returns a function that shuts it down and waits for Run to return.
// Tests use it to run the application the way `warta serve` does.
func (a *App) Start(ln net.Listener) (stop func() error) {
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- a.Run(ctx, ln) }()
	var once sync.Once
	var err error
	return func() error {
		once.Do(func() { cancel(); err = <-done })
		return err
	}
}

// optimize refreshes the query planner's statistics once the server is
// up (never before its first request: on a big database that took over a
// minute) and then every hour, after deleting the hourly view counts older
// than store.HourlyViewsKeep.
func (a *App) optimize(ctx context.Context) {
	t := time.NewTicker(time.Hour)
	defer t.Stop()
	for first := true; ; first = false {
		if !first {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
			}
		}
		if n, err := a.Store.PruneHourlyViews(ctx, a.Store.Now().Add(-store.HourlyViewsKeep), 5000); err != nil && ctx.Err() == nil {
			a.Log.Warn("prune hourly views", "err", err)
		} else if n > 0 {
			a.Log.Info("pruned hourly views", "rows", n, "older_than", store.HourlyViewsKeep.String())
		}
		if err := a.Store.Optimize(ctx); err != nil && ctx.Err() == nil {
			a.Log.Warn("optimize database", "err", err)
		}
	}
}

// mediaBackend is where images are stored: Media, or the folder MediaDir
// (nil when neither is set).
func (a *App) mediaBackend() media.Backend {
	if a.cfg.Media != nil {
		return a.cfg.Media
	}
	if a.cfg.MediaDir != "" {
		return media.Dir(a.cfg.MediaDir)
	}
	return nil
}

// origin is the scheme and host of an absolute URL ("" for a path).
func origin(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.Scheme == "" || u.Host == "" {
		return ""
	}
	return u.Scheme + "://" + u.Host
}
