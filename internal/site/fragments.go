package site

import (
	"context"
	"html/template"
	"strconv"
	"strings"
	"sync"
	"time"

	"warta/internal/domain"
	"warta/internal/render"
	"warta/internal/store"
)

// fragments keeps the lists article pages share (navigation, latest news,
// each article's related news) for a few seconds, so a page that must be
// rendered (a cache miss, or a reader with their own state) does not run the
// same list queries again. Any article write in this process clears it;
// other processes' writes show within the TTL. Counts on the article itself
// are never cached here: the article is always read fresh.
type fragments struct {
	ttl time.Duration

	mu    sync.Mutex
	gen   uint64
	nav   fragment[[]domain.Category]
	lists map[string]fragment[[]domain.Article]
	slot  fragment[template.HTML]
}

type fragment[T any] struct {
	val     T
	gen     uint64
	expires time.Time
}

// maxLists bounds the per-article entries; past it the map starts afresh.
const maxLists = 10000

func newFragments(ttl time.Duration) *fragments {
	return &fragments{ttl: ttl, lists: map[string]fragment[[]domain.Article]{}}
}

func (f *fragments) invalidate() {
	f.mu.Lock()
	f.gen++
	clear(f.lists)
	f.mu.Unlock()
}

// list returns the cached list under key, or loads and keeps it.
func (f *fragments) list(key string, load func() ([]domain.Article, error)) ([]domain.Article, error) {
	if f.ttl <= 0 {
		return load()
	}
	now := time.Now()
	f.mu.Lock()
	e, ok := f.lists[key]
	gen := f.gen
	f.mu.Unlock()
	if ok && e.gen == gen && now.Before(e.expires) {
		return e.val, nil
	}
	v, err := load()
	if err != nil {
		return nil, err
	}
	f.mu.Lock()
	if f.gen == gen {
		if len(f.lists) >= maxLists {
			clear(f.lists)
		}
		f.lists[key] = fragment[[]domain.Article]{val: v, gen: gen, expires: now.Add(f.ttl)}
	}
	f.mu.Unlock()
	return v, nil
}

func (s *Site) navCategories(ctx context.Context) ([]domain.Category, error) {
	f := s.frags
	if f.ttl <= 0 {
		return s.store.Categories(ctx)
	}
	now := time.Now()
	f.mu.Lock()
	e, gen := f.nav, f.gen
	f.mu.Unlock()
	if e.gen == gen && now.Before(e.expires) && e.val != nil {
		return e.val, nil
	}
	nav, err := s.store.Categories(ctx)
	if err != nil {
		return nil, err
	}
	f.mu.Lock()
	if f.gen == gen {
		f.nav = fragment[[]domain.Category]{val: nav, gen: gen, expires: now.Add(f.ttl)}
	}
	f.mu.Unlock()
	return nav, nil
}

// latestExcept returns the n newest articles other than the given one.
func (s *Site) latestExcept(ctx context.Context, id int64, n int) ([]domain.Article, error) {
	list, err := s.frags.list("latest", func() ([]domain.Article, error) {
		return s.store.LatestArticles(ctx, domain.ArticleFilter{}, 7)
	})
	if err != nil {
		return nil, err
	}
	out := make([]domain.Article, 0, n)
	for _, a := range list {
		if a.ID != id && len(out) < n {
			out = append(out, a)
		}
	}
	return out, nil
}

// relatedTo returns an article's related news.
func (s *Site) relatedTo(ctx context.Context, a domain.Article, n int) ([]domain.Article, error) {
	return s.frags.list("related:"+strconv.FormatInt(a.ID, 10), func() ([]domain.Article, error) {
		return s.store.RelatedArticles(ctx, a, n)
	})
}

// maxSlotTTL bounds how long the article slot (setting
// store.SettingArticleSlot) is kept, whatever the fragment TTL: an admin's
// change shows on article pages within it plus the page cache's TTL (1 s by
// default), so within about 4 seconds.
const maxSlotTTL = 3 * time.Second

// slotPolicy sanitises the slot once more when it is read: the newsroom and
// the admin API store it sanitised, but a value written into the database by
// hand must not reach readers as it is.
var slotPolicy = render.New()

// articleSlot returns the HTML for the slot after the article body, sanitised;
// "" when the site has none.
func (s *Site) articleSlot(ctx context.Context) (template.HTML, error) {
	f := s.frags
	load := func() (template.HTML, error) {
		v, err := s.store.Setting(ctx, store.SettingArticleSlot)
		if err != nil {
			return "", err
		}
		// The sanitiser's output is safe to place in the page as it is.
		return template.HTML(strings.TrimSpace(slotPolicy.Sanitize(v))), nil
	}
	ttl := min(f.ttl, maxSlotTTL)
	if ttl <= 0 {
		return load()
	}
	now := time.Now()
	f.mu.Lock()
	e, gen := f.slot, f.gen
	f.mu.Unlock()
	if e.gen == gen && now.Before(e.expires) {
		return e.val, nil
	}
	v, err := load()
	if err != nil {
		return "", err
	}
	f.mu.Lock()
	if f.gen == gen {
		f.slot = fragment[template.HTML]{val: v, gen: gen, expires: now.Add(ttl)}
	}
	f.mu.Unlock()
	return v, nil
}
