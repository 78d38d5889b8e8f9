package store

import (
	"context"
	"database/sql"
	"sync"

	"warta/internal/domain"
)

// ArticleChange tells subscribers that an article was written. Kind is one
// of "created" (a new article not yet published), "updated", "published"
// (also for an article created already published), "unpublished",
// "deleted". PageOnly marks a write that changes only what the article's
// own page shows (its live report: an update added, edited or removed, the
// report started or ended): the lists and the other pages that show the
// article stay as they were, so caches drop only that page.
type ArticleChange struct {
	ArticleID int64
	Kind      string
	Status    domain.Status
	PageOnly  bool
}

// changeHooks holds the two kinds of article-write hooks: inTx hooks run
// inside the writing transaction (so derived data such as a search index is
// never out of step with the article), after hooks run once it committed
// (caches, related news, webhooks).
type changeHooks struct {
	mu    sync.RWMutex
	inTx  []func(ctx context.Context, tx *sql.Tx, c ArticleChange) error
	after []func(ctx context.Context, c ArticleChange)
}

// OnArticleWrite registers fn to run inside every transaction that writes an
// article, after the write. An error aborts the write.
func (s *Store) OnArticleWrite(fn func(ctx context.Context, tx *sql.Tx, c ArticleChange) error) {
	s.hooks.mu.Lock()
	defer s.hooks.mu.Unlock()
	s.hooks.inTx = append(s.hooks.inTx, fn)
}

// OnArticleChange registers fn to run after an article write committed.
// fn runs synchronously in the writer's goroutine: keep it quick, or hand
// the work to a goroutine of your own.
func (s *Store) OnArticleChange(fn func(ctx context.Context, c ArticleChange)) {
	s.hooks.mu.Lock()
	defer s.hooks.mu.Unlock()
	s.hooks.after = append(s.hooks.after, fn)
}

func (s *Store) runInTxHooks(ctx context.Context, tx *sql.Tx, c ArticleChange) error {
	s.hooks.mu.RLock()
	hooks := s.hooks.inTx
	s.hooks.mu.RUnlock()
	for _, fn := range hooks {
		if err := fn(ctx, tx, c); err != nil {
			return err
		}
	}
	return nil
}

func (s *Store) runAfterHooks(ctx context.Context, c ArticleChange) {
	s.hooks.mu.RLock()
	hooks := s.hooks.after
	s.hooks.mu.RUnlock()
	for _, fn := range hooks {
		fn(ctx, c)
	}
}
