// Package discovery helps readers find the next story: related news scored
// from tags, category, stemmed text and time (stored when an article is
// published or changed), the automatic #HOT badge from view velocity, and
// search snippets with the matched words highlighted. The rules and their
// thresholds are documented in docs/discovery.md.
package discovery

import (
	"context"
	"log/slog"
	"sync"
	"time"

	"warta/internal/store"
)

// maxPending bounds the queue of articles waiting for their related news.
// When a bulk import overflows it, the worker rebuilds everything instead.
const maxPending = 10000

// Engine keeps related news and the #HOT badge up to date. Build it with
// New, which subscribes to article changes, and start Run.
type Engine struct {
	st    *store.Store
	log   *slog.Logger
	rule  TrendingRule
	every time.Duration

	mu       sync.Mutex
	pending  []int64
	queued   map[int64]bool
	overflow bool
	busy     bool
	wake     chan struct{}
}

// New builds an engine over st and subscribes it to article changes. Until
// Run is started, changes only queue up.
func New(st *store.Store, log *slog.Logger) *Engine {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	e := &Engine{st: st, log: log, rule: DefaultTrendingRule(), every: time.Minute,
		queued: map[int64]bool{}, wake: make(chan struct{}, 1)}
	st.OnArticleChange(func(ctx context.Context, c store.ArticleChange) {
		e.enqueue(c.ArticleID)
	})
	return e
}

// SetTrendingRule replaces the #HOT rule and how often it is applied.
func (e *Engine) SetTrendingRule(r TrendingRule, every time.Duration) {
	e.rule, e.every = r, every
}

func (e *Engine) enqueue(id int64) {
	e.mu.Lock()
	switch {
	case e.queued[id]:
	case len(e.pending) >= maxPending:
		e.overflow = true
	default:
		e.queued[id] = true
		e.pending = append(e.pending, id)
	}
	e.mu.Unlock()
	select {
	case e.wake <- struct{}{}:
	default:
	}
}

// next takes the next piece of work: an article id, or a full rebuild after
// an overflow. ok is false when there is nothing to do.
func (e *Engine) next() (id int64, rebuild, ok bool) {
	e.mu.Lock()
	defer e.mu.Unlock()
	switch {
	case e.overflow:
		e.overflow, e.pending, e.queued = false, nil, map[int64]bool{}
		e.busy = true
		return 0, true, true
	case len(e.pending) > 0:
		id = e.pending[0]
		e.pending = e.pending[1:]
		delete(e.queued, id)
		e.busy = true
		return id, false, true
	}
	e.busy = false
	return 0, false, false
}

// Run brings the search index and related news up to date if the database
// predates them, then keeps related news current as articles change and
// applies the #HOT rule every minute, until ctx is cancelled.
func (e *Engine) Run(ctx context.Context) error {
	if rebuilt, err := e.st.EnsureSearchIndex(ctx); err != nil {
		e.log.Error("search index", "err", err)
	} else if rebuilt {
		e.log.Info("search index rebuilt")
	}
	if has, err := e.st.HasStoredRelated(ctx); err != nil {
		e.log.Error("related news", "err", err)
	} else if !has {
		e.mu.Lock()
		e.overflow = true // the worker's first job: compute every list
		e.mu.Unlock()
	}
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
		select {
		case <-ctx.Done():
			<-done
			return nil
		case <-tick.C:
		}
	}
}

func (e *Engine) work(ctx context.Context) {
	for {
		id, rebuild, ok := e.next()
		switch {
		case !ok:
			select {
			case <-ctx.Done():
				return
			case <-e.wake:
			}
		case rebuild:
			if err := e.RebuildRelated(ctx); err != nil && ctx.Err() == nil {
				e.log.Error("related news rebuild", "err", err)
			}
		default:
			if err := e.Recompute(ctx, id); err != nil && ctx.Err() == nil {
				e.log.Error("related news", "article", id, "err", err)
			}
		}
		if ctx.Err() != nil {
			return
		}
	}
}

// Wait blocks until the queued related-news work is done (or ctx ends); it
// needs Run to be running.
func (e *Engine) Wait(ctx context.Context) error {
	t := time.NewTicker(5 * time.Millisecond)
	defer t.Stop()
	for {
		e.mu.Lock()
		idle := !e.busy && !e.overflow && len(e.pending) == 0
		e.mu.Unlock()
		if idle {
			return nil
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-t.C:
		}
	}
}
