package engage

import (
	"context"
	"log/slog"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"warta/internal/store"
)

// ViewMode chooses who counts views.
type ViewMode string

// View counting modes: the server counts pages it serves, a beacon from the
// page counts (for pages a CDN serves), or both, sharing one de-duplication
// so a reader is never counted twice.
const (
	ViewsServer ViewMode = "server"
	ViewsBeacon ViewMode = "beacon"
	ViewsBoth   ViewMode = "both"
)

// ParseViewMode checks a mode name.
func ParseViewMode(s string) (ViewMode, bool) {
	switch m := ViewMode(s); m {
	case ViewsServer, ViewsBeacon, ViewsBoth:
		return m, true
	}
	return "", false
}

// Server reports whether served pages count.
func (m ViewMode) Server() bool { return m == ViewsServer || m == ViewsBoth }

// Beacon reports whether the beacon endpoint counts.
func (m ViewMode) Beacon() bool { return m == ViewsBeacon || m == ViewsBoth }

// botMarks are lowercase pieces of User-Agents of crawlers, monitors, link
// previews, HTTP libraries and headless browsers. A plain substring scan is
// about twenty times faster than a case-insensitive regexp on the hot path.
// "bot" is matched only as a word end ("Googlebot/2.1", "bingbot)") so phone
// brands such as Cubot stay readers.
var botMarks = []string{"bot/", "bot;", "bot)", "bot+", "bot-", "crawl", "spider", "slurp",
	"facebookexternalhit", "mediapartners", "preview", "monitor", "pingdom", "uptime", "lighthouse", "headless",
	"phantomjs", "curl/", "wget/", "python", "go-http-client", "java/", "okhttp", "axios", "node-fetch", "undici",
	"libwww", "scrapy", "httpclient", "feedfetcher", "feedly", "validator", "whatsapp", "telegram", "discord",
	"semrush", "ahrefs", "bytespider", "petalbot"}

// IsBot reports whether a User-Agent belongs to a machine, not a reader. An
// empty User-Agent is a machine too. Answers are remembered (a site sees a
// few thousand distinct User-Agents a day, and the scan costs more than the
// rest of counting a view); the memory is bounded by botMemoMax entries and
// starts afresh when full.
func IsBot(ua string) bool {
	if ua == "" {
		return true
	}
	m := botMemo.Load()
	if v, ok := m.seen.Load(ua); ok {
		return v.(bool)
	}
	bot := isBot(ua)
	if len(ua) <= 512 {
		if m.n.Add(1) > botMemoMax {
			botMemo.CompareAndSwap(m, &memo{})
		} else {
			m.seen.Store(ua, bot)
		}
	}
	return bot
}

// memo remembers IsBot's answers; see IsBot.
type memo struct {
	seen sync.Map // User-Agent -> bool
	n    atomic.Int64
}

const botMemoMax = 10_000

var botMemo = func() *atomic.Pointer[memo] {
	p := &atomic.Pointer[memo]{}
	p.Store(&memo{})
	return p
}()

func isBot(ua string) bool {
	lower := strings.ToLower(ua)
	if strings.HasSuffix(lower, "bot") {
		return true
	}
	for _, m := range botMarks {
		if strings.Contains(lower, m) {
			return true
		}
	}
	return false
}

type hourKey struct {
	article int64
	hour    int64 // unix hour
}

// Counter buffers views in memory and writes them in batches, so counting
// never waits on the database. A reader's repeat views of one article within
// the window are not counted; the set of recent (reader, article) pairs is
// bounded by maxSeen.
type Counter struct {
	store   *store.Store
	log     *slog.Logger
	window  time.Duration
	maxSeen int
	now     func() time.Time

	mu        sync.Mutex
	pending   map[hourKey]int64
	byArticle map[int64]int64 // pending views per article, for live counts
	seen      map[seenKey]time.Time
	flushMu   sync.Mutex // one flush at a time
	onFlush   func(time.Duration, error)
}

// ObserveFlush has fn called after every flush that wrote something, with
// its duration and result (for /metrics). Call it before Run.
func (c *Counter) ObserveFlush(fn func(time.Duration, error)) { c.onFlush = fn }

// Buffered returns the views counted and not yet written.
func (c *Counter) Buffered() int64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	var n int64
	for _, v := range c.byArticle {
		n += v
	}
	return n
}

// NewCounter builds a view counter. window is the repeat-view window (30
// minutes by default); maxSeen bounds the memory of recent readers.
func NewCounter(st *store.Store, log *slog.Logger, window time.Duration, maxSeen int) *Counter {
	if window <= 0 {
		window = 30 * time.Minute
	}
	if maxSeen <= 0 {
		maxSeen = 200_000
	}
	return &Counter{store: st, log: log, window: window, maxSeen: maxSeen, now: time.Now,
		pending: map[hourKey]int64{}, byArticle: map[int64]int64{}, seen: map[seenKey]time.Time{}}
}

// Hit counts one view of an article by a reader unless the reader is a bot
// or viewed it within the window. It reports whether the view counted.
func (c *Counter) Hit(articleID int64, reader, userAgent string) bool {
	if IsBot(userAgent) {
		return false
	}
	now := c.now()
	key := seenKey{reader, articleID}
	c.mu.Lock()
	defer c.mu.Unlock()
	if last, ok := c.seen[key]; ok && now.Sub(last) < c.window {
		return false
	}
	if len(c.seen) >= c.maxSeen {
		c.evictLocked(now)
	}
	c.seen[key] = now
	c.pending[hourKey{articleID, now.Unix() / 3600}]++
	c.byArticle[articleID]++
	return true
}

// seenKey is a reader's view of an article, remembered for the window (a
// struct, not a joined string: no allocation per view).
type seenKey struct {
	reader  string
	article int64
}

// evictLocked drops expired entries, and if the set is still full, an
// arbitrary half: under a flood memory stays bounded, at the price of
// counting some repeat views.
func (c *Counter) evictLocked(now time.Time) {
	for k, t := range c.seen {
		if now.Sub(t) >= c.window {
			delete(c.seen, k)
		}
	}
	if len(c.seen) < c.maxSeen {
		return
	}
	n := len(c.seen) / 2
	for k := range c.seen {
		if n == 0 {
			break
		}
		delete(c.seen, k)
		n--
	}
}

// Pending returns the views of an article not yet written, so pages show
// live counts: stored views plus pending ones.
func (c *Counter) Pending(articleID int64) int64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.byArticle[articleID]
}

// Flush writes the buffered views. On failure they go back into the buffer
// to be written by the next flush.
func (c *Counter) Flush(ctx context.Context) error {
	c.flushMu.Lock()
	defer c.flushMu.Unlock()
	c.mu.Lock()
	if len(c.pending) == 0 {
		c.mu.Unlock()
		return nil
	}
	batch := make([]store.ViewCount, 0, len(c.pending))
	for k, n := range c.pending {
		batch = append(batch, store.ViewCount{ArticleID: k.article, Hour: time.Unix(k.hour*3600, 0), N: n})
	}
	c.pending = map[hourKey]int64{}
	c.mu.Unlock()

	start := time.Now()
	err := c.store.AddViews(ctx, batch)
	if c.onFlush != nil {
		c.onFlush(time.Since(start), err)
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if err != nil {
		for _, v := range batch {
			c.pending[hourKey{v.ArticleID, v.Hour.Unix() / 3600}] += v.N
		}
		return err
	}
	for _, v := range batch {
		if c.byArticle[v.ArticleID] -= v.N; c.byArticle[v.ArticleID] <= 0 {
			delete(c.byArticle, v.ArticleID)
		}
	}
	return nil
}

// Run flushes every interval until ctx is cancelled, then flushes what is
// left. It also forgets readers whose window has passed.
func (c *Counter) Run(ctx context.Context, interval time.Duration) {
	if interval <= 0 {
		interval = time.Second
	}
	t := time.NewTicker(interval)
	defer t.Stop()
	sweep := time.Now()
	for {
		select {
		case <-ctx.Done():
			fctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
			if err := c.Flush(fctx); err != nil {
				c.log.Error("final view flush failed: views lost", "err", err)
			}
			cancel()
			return
		case <-t.C:
			if err := c.Flush(ctx); err != nil && ctx.Err() == nil {
				c.log.Error("view flush failed, will retry", "err", err)
			}
			if time.Since(sweep) > time.Minute {
				c.mu.Lock()
				now := c.now()
				for k, at := range c.seen {
					if now.Sub(at) >= c.window {
						delete(c.seen, k)
					}
				}
				c.mu.Unlock()
				sweep = time.Now()
			}
		}
	}
}
