package site

import (
	"context"
	"html/template"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"warta/internal/domain"
	"warta/internal/render"
	"warta/internal/store"
)

// fragments keeps what pages share (navigation, latest news, each article's
// related news, the open polls, the site's slot) and the pieces of pages
// that are the same for every reader without their own state (an article's
// comments, a poll's form) for a few seconds, so a page that must be
// rendered (a cache miss, or a reader with their own state) does not run
// the same queries and templates again. Any article write clears it, a
// comment or reaction the pieces of its article, a vote the polls; other
// processes' writes arrive through Site.RemoteChange or show within the
// TTL. Counts on the article itself are never cached here.
type fragments struct {
	ttl time.Duration

	mu      sync.Mutex
	gen     uint64 // bumped by article writes: everything goes
	pollGen uint64 // bumped by votes too
	nav     fragSet[struct{}, []domain.Category]
	lists   fragSet[string, []domain.Article]
	slot    fragSet[struct{}, template.HTML]
	polls   fragSet[int64, *domain.Poll] // the open poll beside an article (0: the home page)
	pieces  fragSet[string, piece]
	pages   fragSet[string, listResult]            // pages of category, tag and author lists ("Muat lebih banyak")
	views   fragSet[string, listViews]             // the view counts of a list skeleton (listskel.go)
	popular fragSet[struct{}, []byte]              // Terpopuler, rendered
	static  fragSet[struct{}, []domain.StaticPage] // the footer's institutional pages
	look    fragSet[struct{}, siteLook]            // the site's look and ad slots (issue 14)
	chrome  fragSet[struct{}, searchChrome]        // the search page around its results (search.go)
}

// maxCountsAge bounds how old the counts a reader sees may be, plus one
// render: lists that show view counts are kept for what the page cache's
// TTL leaves of it.
const maxCountsAge = time.Second

// countsTTL is how long a list that shows view counts is kept.
func (s *Site) countsTTL() time.Duration {
	return min(s.frags.ttl, maxCountsAge-max(s.cfg.PageCacheTTL, 0))
}

// piece is a part of a page rendered once for every reader without their
// own state; articleID is the article it shows (0 for a poll's form).
type piece struct {
	b         []byte
	articleID int64
}

type fragment[T any] struct {
	val     T
	gen     uint64
	expires time.Time
}

// fragSet is one kind of fragment, by key.
type fragSet[K comparable, V any] struct {
	m map[K]fragment[V]
}

// maxLists bounds the entries of one kind; past it the kind starts afresh.
const maxLists = 10000

func newFragments(ttl time.Duration) *fragments {
	return &fragments{ttl: ttl}
}

func (f *fragments) invalidate() {
	f.mu.Lock()
	f.gen++
	f.pollGen++
	clear(f.nav.m)
	clear(f.lists.m)
	clear(f.slot.m)
	clear(f.polls.m)
	clear(f.pieces.m)
	clear(f.pages.m)
	clear(f.views.m)
	clear(f.popular.m)
	clear(f.static.m)
	clear(f.look.m)
	clear(f.chrome.m)
	f.mu.Unlock()
}

// generation is the article-write generation fragments follow.
func (f *fragments) generation() uint64 {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.gen
}

// dropPolls forgets the polls and their forms (a vote changed the counts).
func (f *fragments) dropPolls() {
	f.mu.Lock()
	f.pollGen++
	clear(f.polls.m)
	for k, e := range f.pieces.m {
		if e.val.articleID == 0 {
			delete(f.pieces.m, k)
		}
	}
	f.mu.Unlock()
}

// dropArticle forgets the pieces that show an article (a comment on it).
func (f *fragments) dropArticle(id int64) {
	f.mu.Lock()
	for k, e := range f.pieces.m {
		if e.val.articleID == id {
			delete(f.pieces.m, k)
		}
	}
	f.mu.Unlock()
}

// fetch returns the fragment of set under key while it is fresh, else
// loads it and keeps it for ttl (unless a drop came meanwhile). gen picks
// the generation the kind follows. With the kind's cache off (ttl 0), one
// page still loads it once (see renderMemo).
func fetch[K comparable, V any](ctx context.Context, f *fragments, set *fragSet[K, V], gen *uint64, key K, ttl time.Duration, load func() (V, error)) (V, error) {
	if ttl <= 0 {
		return memoized(ctx, f, set, gen, key, load)
	}
	now := time.Now()
	f.mu.Lock()
	e, ok := set.m[key]
	g := *gen
	f.mu.Unlock()
	if ok && e.gen == g && now.Before(e.expires) {
		return e.val, nil
	}
	v, err := load()
	if err != nil {
		return v, err
	}
	f.mu.Lock()
	if *gen == g {
		if set.m == nil || len(set.m) >= maxLists {
			set.m = map[K]fragment[V]{}
		}
		set.m[key] = fragment[V]{val: v, gen: g, expires: now.Add(ttl)}
	}
	f.mu.Unlock()
	return v, nil
}

// A renderMemo keeps, for one GET request, the fragments it loaded while
// their caches are off: a page asks for the channels three times (the
// navigation, the menu, the page itself) and for the site's look twice,
// and each was a query. A write the request sees (its generation moved)
// loads again, as the cache would; the next request reads afresh.
type renderMemo struct {
	mu sync.Mutex
	m  map[memoKey]fragment[any]
}

type memoKey struct{ set, key any }

type memoCtxKey struct{}

// withRenderMemo gives a GET or HEAD request its renderMemo.
func withRenderMemo(r *http.Request) *http.Request {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		return r
	}
	return r.WithContext(context.WithValue(r.Context(), memoCtxKey{}, &renderMemo{}))
}

func memoized[K comparable, V any](ctx context.Context, f *fragments, set *fragSet[K, V], gen *uint64, key K, load func() (V, error)) (V, error) {
	m, _ := ctx.Value(memoCtxKey{}).(*renderMemo)
	if m == nil {
		return load()
	}
	f.mu.Lock()
	g := *gen
	f.mu.Unlock()
	k := memoKey{set, key}
	m.mu.Lock()
	e, ok := m.m[k]
	m.mu.Unlock()
	if ok && e.gen == g {
		return e.val.(V), nil
	}
	v, err := load()
	if err != nil {
		return v, err
	}
	m.mu.Lock()
	if m.m == nil {
		m.m = map[memoKey]fragment[any]{}
	}
	m.m[k] = fragment[any]{val: v, gen: g}
	m.mu.Unlock()
	return v, nil
}

// list returns the cached list under key, or loads and keeps it.
func (f *fragments) list(ctx context.Context, key string, load func() ([]domain.Article, error)) ([]domain.Article, error) {
	return fetch(ctx, f, &f.lists, &f.gen, key, f.ttl, load)
}

// rendered returns the piece under key, or renders and keeps it.
func (f *fragments) rendered(ctx context.Context, key string, articleID int64, render func() ([]byte, error)) ([]byte, error) {
	gen := &f.gen
	if articleID == 0 {
		gen = &f.pollGen
	}
	p, err := fetch(ctx, f, &f.pieces, gen, key, f.ttl, func() (piece, error) {
		b, err := render()
		return piece{b: b, articleID: articleID}, err
	})
	return p.b, err
}

func (s *Site) navCategories(ctx context.Context) ([]domain.Category, error) {
	return fetch(ctx, s.frags, &s.frags.nav, &s.frags.gen, struct{}{}, s.frags.ttl, func() ([]domain.Category, error) {
		return s.store.Categories(ctx)
	})
}

// footerPages lists the institutional pages the footer links to.
func (s *Site) footerPages(ctx context.Context) ([]domain.StaticPage, error) {
	return fetch(ctx, s.frags, &s.frags.static, &s.frags.gen, struct{}{}, s.frags.ttl, func() ([]domain.StaticPage, error) {
		return s.store.StaticPages(ctx)
	})
}

// pollFor returns the open poll to show beside an article (its own first)
// or on the home page (articleID 0), nil when none is open. Votes drop it
// (dropPolls), so a voter sees their vote counted at once. An article
// without its own poll shows the home page's, kept once for all of them.
func (s *Site) pollFor(ctx context.Context, articleID int64) (*domain.Poll, error) {
	return fetch(ctx, s.frags, &s.frags.polls, &s.frags.pollGen, articleID, s.frags.ttl, func() (*domain.Poll, error) {
		// The article's own poll, else the site poll editors chose for the
		// home page (issue 14).
		var id int64
		var err error
		if articleID != 0 {
			if id, err = s.store.OwnPollID(ctx, articleID); err != nil {
				return nil, err
			}
			if id == 0 {
				return s.pollFor(ctx, 0)
			}
		} else if id, err = s.store.PollToShow(ctx, 0); err != nil || id == 0 {
			return nil, err
		}
		p, err := s.store.Poll(ctx, id)
		if err != nil {
			return nil, err
		}
		return &p, nil
	})
}

// latestExcept returns the n newest articles other than the given one.
func (s *Site) latestExcept(ctx context.Context, id int64, n int) ([]domain.Article, error) {
	list, err := s.frags.list(ctx, "latest", func() ([]domain.Article, error) {
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
	return s.frags.list(ctx, "related:"+strconv.FormatInt(a.ID, 10), func() ([]domain.Article, error) {
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
	return fetch(ctx, s.frags, &s.frags.slot, &s.frags.gen, struct{}{}, min(s.frags.ttl, maxSlotTTL), func() (template.HTML, error) {
		v, err := s.store.Setting(ctx, store.SettingArticleSlot)
		if err != nil {
			return "", err
		}
		// The sanitiser's output is safe to place in the page as it is.
		return template.HTML(strings.TrimSpace(slotPolicy.Sanitize(v))), nil
	})
}
