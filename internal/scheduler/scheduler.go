// Package scheduler publishes scheduled articles when their time comes,
// whether or not anyone visits the site. Several Warta processes may run it
// over one PostgreSQL database: store.PublishDue claims each article with
// one atomic UPDATE ... RETURNING, so each is published exactly once.
package scheduler

import (
	"context"
	"log/slog"
	"time"

	"warta/internal/store"
)

// Interval is how often due articles are looked for; an article goes live
// at most this long (plus the query time) after its publish time.
const Interval = time.Second

// Run publishes due articles every interval until ctx is cancelled.
func Run(ctx context.Context, st *store.Store, log *slog.Logger, interval time.Duration) {
	if interval <= 0 {
		interval = Interval
	}
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		tick(ctx, st, log)
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

func tick(ctx context.Context, st *store.Store, log *slog.Logger) {
	ids, err := st.PublishDue(ctx)
	if err != nil {
		if ctx.Err() == nil {
			log.Error("scheduler: publish due articles", "err", err)
		}
		return
	}
	for _, id := range ids {
		log.Info("scheduled article published", "article", id)
	}
}
