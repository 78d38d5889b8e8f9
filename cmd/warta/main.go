// Command warta is the whole news portal in one binary: the reader site, the
// JSON API and the tools to run them.
//
//	warta serve   [--addr 127.0.0.1:8080] [--db warta.db] [--demo]
//	warta migrate [--db ...]
//	warta demo    [--db ...]
//
// Every setting can also come from the environment (WARTA_ADDR, WARTA_DB, ...);
// a flag wins over the environment.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/netip"
	"os"
	"os/signal"
	"runtime/debug"
	"strconv"
	"syscall"
	"time"
	"warta/internal/ads"

	"warta/internal/app"
	"warta/internal/demo"
	"warta/internal/engage"
	"warta/internal/render"
	"warta/internal/site"
	"warta/internal/store"
	"warta/internal/web"
	"warta/internal/webhooks"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	os.Exit(run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// The command line speaks English, like its flags, the Go flag package's own
// messages and the logs: it is read by operators on servers, in terminals and
// in search results, where English is what the tools around it use. What
// readers and journalists see (pages, the newsroom, API messages) is
// Indonesian.
const usage = `warta — a news portal in one program

Usage:
  warta serve   [--addr ADDR] [--db DB] [--demo]   run the site
  warta migrate [--db DB]                          apply database migrations and list what was applied
  warta demo    [--db DB]                          fill an empty database with demo content
  warta user add --email E --name N --role R      create a newsroom account (password from a prompt or stdin)
  warta user list                                 list newsroom accounts
  warta token create --email E                    print a new admin API token (alone on the last line)
  warta token list                                list admin API tokens
  warta token revoke ID                           revoke an admin API token
  warta stem    [WORD...] < words.txt              print the search stem of each word
  warta backup  --db DB --media DIR --to FILE      back up the database and media (the site keeps running)
  warta restore --from FILE --db DB --media DIR    restore a backup into an empty place
  warta copy    --from warta.db --to postgres://…  move a whole site to PostgreSQL (or back)
  warta import wordpress FILE.xml [--media-from DIR] [--dry-run]   import a WordPress export (WXR)
  warta sanitize [--db DB]                         render every stored article body again (balanced HTML)
  warta version                                    print the version and the database schema it needs

DB is an SQLite file path (default warta.db) or a postgres:// URL.
Run "warta COMMAND -h" for every option of a command.
`

func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	var err error
	switch args[0] {
	case "serve":
		err = cmdServe(ctx, args[1:], stderr)
	case "migrate":
		err = cmdMigrate(ctx, args[1:], stdout, stderr)
	case "demo":
		err = cmdDemo(ctx, args[1:], stdout, stderr)
	case "stem":
		err = cmdStem(args[1:], stdin, stdout, stderr)
	case "user":
		err = cmdUser(ctx, args[1:], stdin, stdout, stderr)
	case "token":
		err = cmdToken(ctx, args[1:], stdout, stderr)
	case "backup": // operations (issue 15): backup.go, copy.go, wpimport.go
		err = cmdBackup(ctx, args[1:], stdout, stderr)
	case "restore":
		err = cmdRestore(ctx, args[1:], stdout, stderr)
	case "copy":
		err = cmdCopy(ctx, args[1:], stdout, stderr)
	case "import":
		err = cmdImport(ctx, args[1:], stdout, stderr)
	case "sanitize": // security (issue 16): sanitize.go
		err = cmdSanitize(ctx, args[1:], stdout, stderr)
	case "version", "--version":
		err = cmdVersion(stdout)
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return 0
	default:
		fmt.Fprintf(stderr, "warta: unknown command %q\n\n%s", args[0], usage)
		return 2
	}
	if errors.Is(err, flag.ErrHelp) {
		return 0
	}
	if err != nil {
		fmt.Fprintf(stderr, "warta %s: %v\n", args[0], err)
		return 1
	}
	return 0
}

func env(name, def string) string {
	if v, ok := os.LookupEnv(name); ok && v != "" {
		return v
	}
	return def
}

func envInt(name string, def int) int {
	if v, ok := os.LookupEnv(name); ok && v != "" {
		if n, err := strconv.Atoi(v); err == nil {
			return n
		}
	}
	return def
}

func envDuration(name string, def time.Duration) time.Duration {
	if v, ok := os.LookupEnv(name); ok && v != "" {
		if d, err := time.ParseDuration(v); err == nil {
			return d
		}
	}
	return def
}

// common holds the settings every subcommand shares.
type common struct {
	db        string
	media     string
	logLevel  string
	logFormat string
}

func (c *common) register(fs *flag.FlagSet) {
	fs.StringVar(&c.db, "db", env("WARTA_DB", "warta.db"), "SQLite file path or postgres:// URL (env WARTA_DB)")
	fs.StringVar(&c.media, "media", env("WARTA_MEDIA_DIR", "media"), "folder for uploaded and generated images (env WARTA_MEDIA_DIR)")
	fs.StringVar(&c.logLevel, "log-level", env("WARTA_LOG_LEVEL", "info"), "debug, info, warn or error (env WARTA_LOG_LEVEL)")
	fs.StringVar(&c.logFormat, "log-format", env("WARTA_LOG_FORMAT", "text"), "text (key=value) or json, one object a line (env WARTA_LOG_FORMAT)")
}

// validate refuses settings that would otherwise be taken silently.
func (c *common) validate() error {
	var lvl slog.Level
	if err := lvl.UnmarshalText([]byte(c.logLevel)); err != nil {
		return fmt.Errorf("--log-level must be debug, info, warn or error, not %q", c.logLevel)
	}
	if c.logFormat != "text" && c.logFormat != "json" {
		return fmt.Errorf("--log-format must be text or json, not %q", c.logFormat)
	}
	return nil
}

// checkMedia makes sure the media folder exists and takes files, so an
// unusable --media stops start-up instead of failing the first upload.
func (c *common) checkMedia() error {
	if err := os.MkdirAll(c.media, 0o755); err != nil {
		return fmt.Errorf("--media %q cannot be used: %w", c.media, err)
	}
	f, err := os.CreateTemp(c.media, ".warta-check-*")
	if err != nil {
		return fmt.Errorf("--media %q cannot be written to: %w", c.media, err)
	}
	f.Close()
	os.Remove(f.Name())
	return nil
}

func (c *common) logger(w io.Writer) *slog.Logger {
	var lvl slog.Level
	if err := lvl.UnmarshalText([]byte(c.logLevel)); err != nil {
		lvl = slog.LevelInfo
	}
	opts := &slog.HandlerOptions{Level: lvl}
	if c.logFormat == "json" {
		return slog.New(slog.NewJSONHandler(w, opts))
	}
	return slog.New(slog.NewTextHandler(w, opts))
}

// parseAndOpen parses args into fs (on which register was called) and opens
// the database.
func (c *common) parseAndOpen(ctx context.Context, fs *flag.FlagSet, args []string) (*store.Store, error) {
	if err := fs.Parse(args); err != nil {
		return nil, err
	}
	if err := c.validate(); err != nil {
		return nil, err
	}
	return c.open(ctx)
}

// open connects and migrates, with a clear message when the database cannot
// be used.
func (c *common) open(ctx context.Context) (*store.Store, error) { return app.OpenStore(ctx, c.db) }

func cmdMigrate(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("migrate", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var c common
	c.register(fs)
	st, err := c.parseAndOpen(ctx, fs, args)
	if err != nil {
		return err
	}
	defer st.Close()
	applied := st.MigrationsApplied()
	if len(applied) == 0 {
		fmt.Fprintf(stdout, "database is up to date (schema %d)\n", store.LatestMigration())
		return nil
	}
	for _, name := range applied {
		fmt.Fprintln(stdout, "applied", name)
	}
	fmt.Fprintf(stdout, "%d migrations applied; schema %d\n", len(applied), store.LatestMigration())
	return nil
}

func cmdDemo(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("demo", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var c common
	c.register(fs)
	st, err := c.parseAndOpen(ctx, fs, args)
	if err != nil {
		return err
	}
	defer st.Close()
	n, err := demo.Seed(ctx, st, render.New(), c.media)
	if err != nil {
		return err
	}
	if n == 0 {
		fmt.Fprintln(stdout, "database already has articles: demo content not added")
	} else {
		fmt.Fprintf(stdout, "demo content added: %d articles\n", n)
	}
	return nil
}

// Garbage collection for serving (issue 10), unless GOGC or GOMEMLIMIT say
// otherwise: collect when the heap has grown by 400 % of what is live
// (Go's default is 100 %), within a soft limit of 768 MiB. A cached page
// costs a few short-lived allocations; at the default the collector took
// about a tenth of the process's CPU. Measured side by side (two servers,
// wrk -c64 on a cached article, 3 alternating rounds): 18.5 -> 16.8 µs CPU
// per answer, p99 9.9-12.5 -> 7.8-9.2 ms, resident memory 60 -> 91 MB.
const (
	serveGCPercent   = 400
	serveMemoryLimit = 768 << 20
)

func tuneGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(serveGCPercent)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(serveMemoryLimit)
	}
}

func cmdServe(ctx context.Context, args []string, stderr io.Writer) error {
	tuneGC()
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var c common
	c.register(fs)
	addr := fs.String("addr", env("WARTA_ADDR", "127.0.0.1:8080"), "address to listen on (env WARTA_ADDR)")
	withDemo := fs.Bool("demo", false, "fill an empty database with demo content before serving")
	fastLane := fs.Bool("fast-lane", env("WARTA_FAST_LANE", "") != "false", "answer requests for pages held in the page cache before net/http parses them (env WARTA_FAST_LANE=false turns it off)")
	name := fs.String("site-name", env("WARTA_SITE_NAME", "Warta"), "site name (env WARTA_SITE_NAME)")
	tagline := fs.String("tagline", env("WARTA_TAGLINE", "Berita terkini dari seluruh Nusantara"), "site tagline (env WARTA_TAGLINE)")
	baseURL := fs.String("base-url", env("WARTA_BASE_URL", ""), "public origin for canonical links, e.g. https://warta.example (env WARTA_BASE_URL; default http://ADDR)")
	tz := fs.String("tz", env("WARTA_TZ", "Asia/Jakarta"), "time zone pages show times in (env WARTA_TZ)")
	viewMode := fs.String("count-views", env("WARTA_COUNT_VIEWS", "server"), "who counts views: server, beacon (a CDN serves pages) or both (env WARTA_COUNT_VIEWS)")
	hooksPrivate := fs.Bool("webhooks-allow-private", env("WARTA_WEBHOOKS_ALLOW_PRIVATE", "") == "true",
		"let webhooks reach loopback, private and link-local addresses (env WARTA_WEBHOOKS_ALLOW_PRIVATE=true)")
	trustProxy := fs.Bool("trust-proxy", env("WARTA_TRUST_PROXY", "") == "true", "take the client IP from X-Forwarded-For as trusted proxies appended it; only behind a proxy that sets it (env WARTA_TRUST_PROXY=true)")
	trustedProxies := fs.String("trusted-proxies", env("WARTA_TRUSTED_PROXIES", ""), "with --trust-proxy: the proxies' addresses or CIDR ranges, comma-separated (default loopback and private ranges; env WARTA_TRUSTED_PROXIES)")
	pageCache := fs.Duration("page-cache", envDuration("WARTA_PAGE_CACHE", time.Second), "keep pages for readers without their own state this long (0 turns it off; env WARTA_PAGE_CACHE)")
	fragCache := fs.Duration("fragment-cache", envDuration("WARTA_FRAGMENT_CACHE", 5*time.Second), "keep the lists pages share (navigation, latest and related news) this long (0 turns it off; env WARTA_FRAGMENT_CACHE)")
	pollMethod := fs.String("poll-method", env("WARTA_POLL_METHOD", engage.PollCookie), "one vote per reader cookie (cookie), or also one per address and browser (cookie+hash; strict, hurts carrier NAT) (env WARTA_POLL_METHOD)")
	liveStreams := fs.Int("live-streams", envInt("WARTA_LIVE_STREAMS", 2000), "most live-report streams (Server-Sent Events) this process holds open; readers past it refresh by hand (env WARTA_LIVE_STREAMS)")
	adNetwork := fs.String("ad-network", env("WARTA_AD_NETWORK", ""), "let reader pages load this ad network, named with its publisher id: adsense:ca-pub-… (its hosts join the CSP; default none) (env WARTA_AD_NETWORK)")
	var of opsFlags
	of.register(fs)
	var mf mediaFlags
	mf.register(fs, true)
	if err := fs.Parse(args); err != nil {
		return err
	}
	if err := c.validate(); err != nil {
		return err
	}
	if *liveStreams < 1 {
		return fmt.Errorf("--live-streams must be 1 or more, not %d", *liveStreams)
	}
	mode, ok := engage.ParseViewMode(*viewMode)
	if !ok {
		return fmt.Errorf("--count-views must be server, beacon or both, not %q", *viewMode)
	}
	if !engage.ValidPollMethod(*pollMethod) {
		return fmt.Errorf("--poll-method must be cookie or cookie+hash (hash is its older name), not %q", *pollMethod)
	}
	adNet, err := ads.Parse(*adNetwork)
	if err != nil {
		return err
	}
	var trusted []netip.Prefix
	if *trustedProxies != "" {
		if !*trustProxy {
			return fmt.Errorf("--trusted-proxies needs --trust-proxy")
		}
		var err error
		if trusted, err = web.ParsePrefixes(*trustedProxies); err != nil {
			return fmt.Errorf("--trusted-proxies: %w", err)
		}
		if len(trusted) == 0 {
			return fmt.Errorf("--trusted-proxies lists no address")
		}
	}
	clientIPs := web.NewClientIPs(*trustProxy, trusted)
	log := c.logger(stderr)
	loc, err := time.LoadLocation(*tz)
	if err != nil {
		return fmt.Errorf("unknown time zone %q: %w", *tz, err)
	}
	st, err := c.open(ctx)
	if err != nil {
		return err
	}
	// Run waits for every background job before it returns, so nothing
	// writes after this Close.
	defer st.Close()
	objects, err := mf.backend(ctx)
	if err != nil {
		return err
	}
	if objects == nil {
		if err := c.checkMedia(); err != nil {
			return err
		}
	}
	op, err := newOps(of, c, st, log) // metrics, readiness and backups (ops.go)
	if err != nil {
		return err
	}
	defer op.stop(context.Background())
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("cannot listen on %s: %w", *addr, err)
	}
	if *baseURL == "" {
		*baseURL = "http://" + ln.Addr().String()
	}
	cfg := app.Config{
		Site: site.Config{Name: *name, Tagline: *tagline, BaseURL: *baseURL, Location: loc,
			PageCacheTTL: *pageCache, FragmentTTL: *fragCache, Ads: adNet, LiveStreams: *liveStreams},
		MediaDir:   c.media,
		Media:      objects,
		MediaURL:   mf.url,
		Engage:     engage.Config{ViewMode: mode, PollMethod: *pollMethod},
		ClientIPs:  clientIPs,
		Webhooks:   webhooks.Config{AllowPrivate: *hooksPrivate},
		Demo:       *withDemo,
		NoFastLane: !*fastLane,
		Log:        log,
	}
	op.configure(&cfg)
	a, err := app.New(ctx, st, cfg)
	if err != nil {
		ln.Close()
		return err
	}
	op.attach(a)
	log.Info("database", "db", dbKind(c.db))
	return a.Run(ctx, ln)
}

func dbKind(dsn string) string {
	if store.IsPostgres(dsn) {
		return "postgres"
	}
	return "sqlite:" + dsn
}
