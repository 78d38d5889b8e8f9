// Package discovery helps readers find the next story: related news scored
// from tags, category, stemmed text and time (stored when an article is
// published or changed), the automatic #HOT badge from view velocity, and
// search snippets with the matched words highlighted. The rules and their
// thresholds are documented in docs/discovery.md.
package discovery

import (
	"context"
	"log/slog"
	"maps"
	"slices"
	"sync"
	"time"

	"warta/internal/store"
)

// maxPending bounds the queue of articles waiting for their related news.
// When a bulk import overflows it, the worker finds what is left to do in
// the database instead (StaleRelated), as it does at start-up: nothing of
// the work lives only in memory.
const maxPending = 10000

// resyncBatch is how many stale articles the worker takes from the database
// at a time.
const resyncBatch = 500

// Engine keeps related news and the #HOT badge up to date. Build it with
// New, which subscribes to article changes, and start Run.
type Engine struct {
	st    *store.Store
	log   *slog.Logger
	rule  TrendingRule
	every time.Duration
	// windows: the starts of the most-read windows the reader site shows
	// at a time (SetMostReadWindows), ranked on the same tick.
	windows func(now time.Time) []time.Time

	mu       sync.Mutex
	pending  []int64
	queued   map[int64]bool
	resync   bool // look for stale lists in the database
	busy     bool
	wake     chan struct{}
	done     int       // lists computed since start
	analysed int       // done when statistics were last refreshed
	since    time.Time // when the work now in progress began
	// touched: the articles computed in this burst of work. Their lists were
	// made while statistics (IDF) were still moving and took offers made
	// with older ones, so once the queue runs dry they are computed once
	// more from their own candidates alone, which makes the settled lists
	// the same whatever the history (and the engine).
	// The final pass waits behind new work, so a fresh article is never
	// queued behind the recomputation of older ones.
	touched map[int64]bool
	finals  []int64
}

// New builds an engine over st and subscribes it to article changes. Until
// Run is started, changes only queue up.
func New(st *store.Store, log *slog.Logger) *Engine {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	// resync: the worker's first job is whatever a previous run left.
	e := &Engine{st: st, log: log, rule: DefaultTrendingRule(), every: time.Minute,
		queued: map[int64]bool{}, wake: make(chan struct{}, 1), resync: true}
	st.OnArticleChange(func(ctx context.Context, c store.ArticleChange) {
		e.enqueue(c.ArticleID)
	})
	return e
}

// SetTrendingRule replaces the #HOT rule and how often it is applied.
func (e *Engine) SetTrendingRule(r TrendingRule, every time.Duration) {
	e.rule, e.every = r, every
}

// SetMostReadWindows has Run rank, with the #HOT rule, the most-read lists
// of the windows that windows gives for a time (Store.RefreshMostRead), so
// Terpopuler reads a stored list instead of summing the window's views.
// Set it before Run.
func (e *Engine) SetMostReadWindows(windows func(now time.Time) []time.Time) {
	e.windows = windows
}

// UpdateMostRead ranks the most-read windows once, now.
func (e *Engine) UpdateMostRead(ctx context.Context) error {
	return e.rankMostRead(ctx, 0)
}

// rankMostRead ranks the most-read windows but those ranked less than
// fresh ago: Run's tick leaves alone a window that another process over
// the same PostgreSQL ranked in the last half tick.
func (e *Engine) rankMostRead(ctx context.Context, fresh time.Duration) error {
	if e.windows == nil {
		return nil
	}
	return e.st.RefreshMostRead(ctx, e.windows(e.st.Now()), fresh)
}

func (e *Engine) enqueue(ids ...int64) {
	e.mu.Lock()
	for _, id := range ids {
		switch {
		case e.queued[id]:
		case len(e.pending) >= maxPending:
			e.resync = true
		default:
			e.queued[id] = true
			e.pending = append(e.pending, id)
		}
	}
	e.mu.Unlock()
	select {
	case e.wake <- struct{}{}:
	default:
	}
}

// next takes the next article to compute, refilling the queue from the
// database when asked to. ok is false when there is nothing to do.
func (e *Engine) next(ctx context.Context) (id int64, final, ok bool, err error) {
	e.mu.Lock()
	resync := e.resync && len(e.pending) == 0
	e.mu.Unlock()
	if resync {
		ids, err := e.st.StaleRelated(ctx, resyncBatch)
		if err != nil {
			return 0, false, false, err
		}
		e.mu.Lock()
		if len(ids) < resyncBatch {
			e.resync = false
		}
		for _, id := range ids {
			if !e.queued[id] {
				e.queued[id] = true
				e.pending = append(e.pending, id)
			}
		}
		e.mu.Unlock()
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	if len(e.pending) > 0 {
		id = e.pending[0]
		e.pending = e.pending[1:]
		delete(e.queued, id)
		if !e.busy {
			e.since = time.Now()
		}
		e.busy = true
		return id, false, true, nil
	}
	if len(e.finals) == 0 && len(e.touched) > 0 {
		e.finals = slices.Sorted(maps.Keys(e.touched))
		e.touched = nil
	}
	if len(e.finals) > 0 {
		id = e.finals[0]
		e.finals = e.finals[1:]
		return id, true, true, nil
	}
	if e.busy {
		e.busy = false
		e.log.Info("related news settled", "computed", e.done, "took", time.Since(e.since).Round(time.Millisecond))
	}
	return 0, false, false, nil
}

// Settled reports whether every related list is up to date: nothing queued,
// nothing being computed, nothing left to find in the database.
func (e *Engine) Settled() bool {
	e.mu.Lock()
	defer e.mu.Unlock()
	return !e.busy && !e.resync && len(e.pending) == 0 && len(e.finals) == 0 && len(e.touched) == 0
}

// Run brings the search index up to date if the database predates it (and,
// in the background, the snippets' text: Store.FillArticleText), then
// completes whatever related news is missing or stale (a first start, a
// restart after a crash or a database outage), keeps it current as articles
// change, and applies the #HOT rule and ranks the most-read lists every
// minute, until ctx is cancelled.
func (e *Engine) Run(ctx context.Context) error {
	if rebuilt, err := e.st.EnsureSearchIndex(ctx); err != nil {
		e.log.Error("search index", "err", err)
	} else if rebuilt {
		e.log.Info("search index rebuilt")
	}
	// Snippets' text missing from an archive older than migration 0190:
	// in the background, since search works out the text until then. Run
	// waits for it too: nothing of the engine touches the store after Run.
	filled := make(chan struct{})
	go func() {
		defer close(filled)
		if n, err := e.st.FillArticleText(ctx); err != nil && ctx.Err() == nil {
			e.log.Error("article text", "err", err)
		} else if n > 0 {
			e.log.Info("article text filled", "articles", n)
		}
	}()
	done := make(chan struct{})
	go func() {
		defer close(done)
		e.work(ctx)
	}()
	tick := time.NewTicker(e.every)
	defer tick.Stop()
	for {
		if _, err := e.UpdateTrending(ctx); err != nil && ctx.Err() == nil {
			e.log.Error("trending", "err", err)
		}
		if err := e.rankMostRead(ctx, e.every/2); err != nil && ctx.Err() == nil {
			e.log.Error("most read", "err", err)
		}
		select {
		case <-ctx.Done():
			<-done
			<-filled
			return nil
		case <-tick.C:
		}
	}
}

// Backoff after a failed computation (a database blip): the article stays
// queued and is tried again.
const (
	minBackoff = 100 * time.Millisecond
	maxBackoff = 30 * time.Second
)

func (e *Engine) work(ctx context.Context) {
	backoff := minBackoff
	for ctx.Err() == nil {
		id, final, ok, err := e.next(ctx)
		if err == nil && !ok {
			select {
			case <-ctx.Done():
				return
			case <-e.wake:
			}
			continue
		}
		var stale []int64
		if err == nil {
			stale, err = e.computeOne(ctx, id, !final)
		}
		if err != nil {
			if ctx.Err() != nil {
				return
			}
			e.log.Error("related news", "article", id, "err", err, "retry_in", backoff)
			e.mu.Lock()
			if id != 0 && !e.queued[id] {
				e.pending = append([]int64{id}, e.pending...)
				e.queued[id] = true
			} else if id == 0 {
				e.resync = true
			}
			e.mu.Unlock()
			select {
			case <-ctx.Done():
				return
			case <-time.After(backoff):
			}
			backoff = min(2*backoff, maxBackoff)
			continue
		}
		backoff = minBackoff
		if !final { // the final pass recomputes the burst's lists anyway
			e.enqueue(stale...)
		}
		e.mu.Lock()
		if !final {
			if e.touched == nil {
				e.touched = map[int64]bool{}
			}
			e.touched[id] = true
		}
		e.done++
		refresh := e.done >= 2*max(e.analysed, 250)
		if refresh {
			e.analysed = e.done
		}
		e.mu.Unlock()
		if refresh {
			// Many lists computed: many articles written. Plans made on an
			// empty database would walk every article (see docs/discovery.md).
			if err := e.st.RefreshStatistics(ctx); err != nil && ctx.Err() == nil {
				e.log.Error("statistics", "err", err)
			}
		}
	}
}

// Wait blocks until the related news is settled (or ctx ends); it needs Run
// to be running.
func (e *Engine) Wait(ctx context.Context) error {
	t := time.NewTicker(5 * time.Millisecond)
	defer t.Stop()
	for {
		if e.Settled() {
			return nil
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-t.C:
		}
	}
}
