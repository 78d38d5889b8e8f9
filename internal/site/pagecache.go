package site

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"warta/internal/web"
)

// pageCache keeps rendered pages for anonymous readers for a moment
// (micro-caching). A page is the same for every reader who never reacted,
// commented or voted, so under load most requests skip the database and the
// templates. Views are still counted on every request.
//
// Writes drop only what shows them: a reaction or comment drops the pages
// of that article (every comment page and sort order of it), a vote the
// pages that carry a poll, an article write everything (lists change) but
// a live-report write only its article's pages (no list shows one). So a
// busy site's readers writing on some articles leave every other cached
// page in place. Counts that change without a write event (views) are as
// old as the page: at most the TTL, plus the one render that replaces an
// expired page while it is still served.
//
// The cache is bounded in bytes, and its keys hold only the query
// parameters the page reads, so a client spraying ?v=0..N gets one entry.
// When rendering fails on the server side (the database is down), the last
// page rendered for the URL is served if there is one (stale-if-error).
type pageCache struct {
	ttl      time.Duration
	maxBytes int64
	gen      atomic.Uint64 // bumped by article writes: every page is dropped
	hits     atomic.Uint64 // for /metrics (PageCacheStats)
	misses   atomic.Uint64

	mu        sync.Mutex
	entries   map[string]*cachedPage
	bytes     int64
	byArticle map[int64]map[string]struct{} // keys of the pages of an article
	withPoll  map[string]struct{}           // keys of the pages that show a poll
	// drops counts dropArticle/dropPolls calls; recent remembers what the
	// last of them dropped, so a page rendered while a write dropped its
	// article is stored as dropped (the render may predate the write).
	drops  uint64
	recent [64]int64 // article id, or -1 for polls, by drops % len
}

type cachedPage struct {
	key       string
	gen       uint64
	expires   time.Time
	body      []byte
	header    http.Header
	articleID int64
	poll      bool
	size      int64

	dropped    atomic.Bool  // a write changed what it shows; kept only for stale-if-error
	refreshing atomic.Int64 // unix nanos since one request re-renders it; 0 when none

	plainOnce, gzOnce sync.Once
	gz                []byte  // body compressed on first demand, nil when not smaller
	plainH, gzH       headers // the answer header of each encoding, built once

	// heads are the whole answer heads the handler chain sent for this
	// page, recorded by the fast lane (web.RecordHead), by headIndex: the
	// fast lane answers from them without the chain (FastCached).
	heads [4]web.HeadSlot
}

// headIndex is the slot of the recorded head of an answer: by encoding and
// by whether the client came over HTTPS (which adds HSTS to the head). No
// other part of a request changes a cached page's head (Date and cookies
// aside), and a conditional one is never recorded nor answered from it.
func headIndex(gzip, secure bool) int {
	i := 0
	if gzip {
		i = 1
	}
	if secure {
		i += 2
	}
	return i
}

// articleIDHeader carries the article id from the article handler to the
// cache (never sent to the client), so a cache hit can still count a view;
// pollHeader marks a page that shows a poll.
const (
	articleIDHeader = "X-Warta-Article-Id"
	pollHeader      = "X-Warta-Poll"
)

// defaultPageCacheBytes bounds the cache when the configuration does not.
const defaultPageCacheBytes = 64 << 20

// entryOverhead is what an entry costs beyond its bodies (map slots, header).
const entryOverhead = 1024

func newPageCache(ttl time.Duration, maxBytes int64) *pageCache {
	if maxBytes <= 0 {
		maxBytes = defaultPageCacheBytes
	}
	return &pageCache{ttl: ttl, maxBytes: maxBytes, entries: map[string]*cachedPage{},
		byArticle: map[int64]map[string]struct{}{}, withPoll: map[string]struct{}{}}
}

// PageCacheStats returns how many cacheable page requests were answered from
// the cache and how many had to be rendered (for /metrics).
func (s *Site) PageCacheStats() (hits, misses uint64) {
	if s.cache == nil {
		return 0, 0
	}
	return s.cache.hits.Load(), s.cache.misses.Load()
}

// invalidate drops every cached page (an article changed: lists change).
func (c *pageCache) invalidate() { c.gen.Add(1) }

// dropArticle drops the pages of one article (a reaction or comment on it).
func (c *pageCache) dropArticle(id int64) {
	c.mu.Lock()
	c.noteDropLocked(id)
	for k := range c.byArticle[id] {
		if e := c.entries[k]; e != nil {
			e.dropped.Store(true)
		}
	}
	c.mu.Unlock()
}

// dropPolls drops the pages that show a poll (a vote).
func (c *pageCache) dropPolls() {
	c.mu.Lock()
	c.noteDropLocked(-1)
	for k := range c.withPoll {
		if e := c.entries[k]; e != nil {
			e.dropped.Store(true)
		}
	}
	c.mu.Unlock()
}

// dropArticlePages drops the pages of every article (a change elsewhere
// whose article is not known).
func (c *pageCache) dropArticlePages() {
	c.mu.Lock()
	for _, e := range c.entries {
		if e.articleID != 0 {
			e.dropped.Store(true)
		}
	}
	c.mu.Unlock()
}

func (c *pageCache) noteDropLocked(id int64) {
	c.recent[c.drops%uint64(len(c.recent))] = id
	c.drops++
}

// droppedSinceLocked reports whether a drop since the given count concerns e.
func (c *pageCache) droppedSinceLocked(e *cachedPage, since uint64) bool {
	if c.drops-since > uint64(len(c.recent)) {
		return true // too many to tell: be safe
	}
	for n := since; n < c.drops; n++ {
		id := c.recent[n%uint64(len(c.recent))]
		if (id == -1 && e.poll) || (id != -1 && id == e.articleID) {
			return true
		}
	}
	return false
}

// get returns the entry under key and the drop count to hand put later.
func (c *pageCache) get(key string) (*cachedPage, uint64) {
	c.mu.Lock()
	e, drops := c.entries[key], c.drops
	c.mu.Unlock()
	return e, drops
}

// put stores e, rendered after the drop count drops, evicting what it must
// to stay within maxBytes: first pages dropped or long expired, then any.
func (c *pageCache) put(e *cachedPage, drops uint64, now time.Time) {
	// The compressed copy, made on demand, is about a quarter of the body.
	e.size = int64(len(e.body))*5/4 + entryOverhead
	if e.size*4 > c.maxBytes { // one page may not take a quarter of the cache
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.droppedSinceLocked(e, drops) {
		e.dropped.Store(true)
	}
	c.removeLocked(e.key)
	if c.bytes+e.size > c.maxBytes {
		gen := c.gen.Load()
		for k, old := range c.entries {
			if old.dropped.Load() || old.gen != gen || now.Sub(old.expires) > c.ttl {
				c.removeLocked(k)
			}
		}
		for k := range c.entries {
			if c.bytes+e.size <= c.maxBytes {
				break
			}
			c.removeLocked(k)
		}
	}
	c.entries[e.key] = e
	c.bytes += e.size
	if e.articleID != 0 {
		keys := c.byArticle[e.articleID]
		if keys == nil {
			keys = map[string]struct{}{}
			c.byArticle[e.articleID] = keys
		}
		keys[e.key] = struct{}{}
	}
	if e.poll {
		c.withPoll[e.key] = struct{}{}
	}
}

func (c *pageCache) removeLocked(key string) {
	old := c.entries[key]
	if old == nil {
		return
	}
	delete(c.entries, key)
	c.bytes -= old.size
	if keys := c.byArticle[old.articleID]; keys != nil {
		delete(keys, key)
		if len(keys) == 0 {
			delete(c.byArticle, old.articleID)
		}
	}
	delete(c.withPoll, key)
}

// size reports the entries and bytes held (for tests and metrics).
func (c *pageCache) size() (int, int64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.entries), c.bytes
}

// cacheable reports whether the request may be answered from the cache: a
// plain GET by a reader whose own state does not show on the page.
func cacheable(r *http.Request) bool {
	if r.Method != http.MethodGet || r.Header.Get("Authorization") != "" {
		return false
	}
	_, active := web.CookieValue(r, web.ActiveCookie)
	return !active
}

// cacheKey is the path with only the query parameters the page reads, in a
// fixed order, each with its first value.
func cacheKey(r *http.Request, params []string) string {
	if r.URL.RawQuery == "" || len(params) == 0 {
		return r.URL.Path
	}
	q := r.URL.Query()
	var b []byte
	for _, p := range params {
		if v := q.Get(p); v != "" {
			if b == nil {
				b = append(b, '?')
			} else {
				b = append(b, '&')
			}
			b = append(b, url.QueryEscape(p)...)
			b = append(b, '=')
			b = append(b, url.QueryEscape(v)...)
		}
	}
	return r.URL.Path + string(b)
}

// internalHeaders keeps the cache's own headers from the client when a
// page is not cached.
type internalHeaders struct {
	http.ResponseWriter
	wrote bool
}

func (w *internalHeaders) WriteHeader(code int) {
	if !w.wrote {
		w.wrote = true
		h := w.Header()
		h.Del(articleIDHeader)
		h.Del(pollHeader)
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *internalHeaders) Write(p []byte) (int, error) {
	if !w.wrote {
		w.WriteHeader(http.StatusOK)
	}
	return w.ResponseWriter.Write(p)
}

func (w *internalHeaders) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// maxStaleIfError is how old a page may be to stand in for one that cannot
// be rendered because the server side failed.
const maxStaleIfError = time.Hour

// cached wraps a page handler with the micro-cache. params are the query
// parameters the page reads; all others are left out of the cache key.
func (s *Site) cached(fn func(w http.ResponseWriter, r *http.Request) error, params ...string) func(w http.ResponseWriter, r *http.Request) error {
	return func(w http.ResponseWriter, r *http.Request) error {
		c := s.cache
		if c == nil || c.ttl <= 0 || !cacheable(r) {
			return fn(&internalHeaders{ResponseWriter: w}, r)
		}
		key := cacheKey(r, params)
		now := time.Now()
		gen := c.gen.Load()
		e, drops := c.get(key)
		valid := e != nil && e.gen == gen && !e.dropped.Load()
		if valid && now.Before(e.expires) {
			c.hits.Add(1)
			s.serveCached(w, r, e, now)
			return nil
		}
		// An expired page is still served while one request renders its
		// successor, so a busy page never makes every request render at
		// once. The renderer always clears the mark, whatever becomes of its
		// render (client gone, error, not 200), so no page is served past
		// its TTL plus one render; a render that hangs longer than a TTL
		// more is not waited for.
		refresher := false
		if valid {
			started := e.refreshing.Load()
			switch {
			case started == 0 && e.refreshing.CompareAndSwap(0, now.UnixNano()):
				refresher = true
			case started != 0 && now.Sub(time.Unix(0, started)) < c.ttl+time.Second:
				c.hits.Add(1)
				s.serveCached(w, r, e, now)
				return nil
			}
		}
		if refresher {
			defer e.refreshing.Store(0)
		}
		c.misses.Add(1)
		rec := &web.Recorder{H: http.Header{}}
		err := fn(rec, r)
		id, _ := strconv.ParseInt(rec.H.Get(articleIDHeader), 10, 64)
		poll := rec.H.Get(pollHeader) != ""
		rec.H.Del(articleIDHeader)
		rec.H.Del(pollHeader)
		if err != nil {
			copyHeader(w.Header(), rec.H, "Set-Cookie")
			if e != nil && web.StatusOf(err) >= 500 && now.Sub(e.expires) < maxStaleIfError {
				// Stale-if-error: the last good page rather than an error.
				web.LogError(s.log, r, web.StatusOf(err), err)
				if id != 0 {
					e = e.withoutView() // the handler already counted this view
				}
				s.serveCached(w, r, e, time.Now())
				return nil
			}
			// Nothing was written: the error page goes to the real writer.
			return err
		}
		if rec.Status == http.StatusOK && !perReader(rec.H) {
			if rec.H.Get("ETag") == "" {
				rec.H.Set("ETag", web.ETag(rec.Body.Bytes()))
			}
			stored := rec.H.Clone()
			stored.Del("Set-Cookie")
			// Never past the end of a breaking article the page shows.
			ne := &cachedPage{key: key, gen: gen, expires: s.capExpiry(now.Add(c.ttl)), body: rec.Body.Bytes(),
				header: stored, articleID: id, poll: poll}
			c.put(ne, drops, now)
			copyHeader(w.Header(), rec.H, "Set-Cookie")
			s.serveEntry(w, r, ne, time.Now())
			return nil
		}
		h := w.Header()
		for k, v := range rec.H {
			h[k] = v
		}
		w.WriteHeader(rec.Status)
		w.Write(rec.Body.Bytes())
		return nil
	}
}

// serveCached counts the view of an article page and writes the page.
func (s *Site) serveCached(w http.ResponseWriter, r *http.Request, e *cachedPage, now time.Time) {
	if e.articleID != 0 {
		s.articleServed(w, r, e.articleID)
	}
	s.serveEntry(w, r, e, now)
}

// serveEntry writes a cached page and, when the fast lane runs the chain,
// has it keep the answer's head for FastCached.
func (s *Site) serveEntry(w http.ResponseWriter, r *http.Request, e *cachedPage, now time.Time) {
	body, hs, gz := e.encoding(r)
	web.RecordHead(w, func() *web.HeadSlot { return &e.heads[headIndex(gz, s.readers.Secure(r))] })
	e.write(w, r, body, hs, now)
}

// FastCached is the fast lane's answer from memory (web.Fast.Cached): for
// a page held fresh (what the cached handler would serve as a hit) whose
// head the lane recorded from the chain for this kind of request, it
// counts the hit and the article's view, sets a new reader's cookie on w,
// as serveCached does, and returns the head and the body. Anything else
// (nil) goes through the chain.
func (s *Site) FastCached(w http.ResponseWriter, r *http.Request) (*web.Head, []byte) {
	c := s.cache
	if c == nil || c.ttl <= 0 || r.URL.RawQuery != "" || !cacheable(r) {
		return nil, nil
	}
	now := time.Now()
	gen := c.gen.Load()
	e, _ := c.get(r.URL.Path)
	if e == nil || e.gen != gen || e.dropped.Load() || !now.Before(e.expires) {
		return nil, nil
	}
	body, _, gz := e.encoding(r)
	h := e.heads[headIndex(gz, s.readers.Secure(r))].Load()
	if h == nil {
		return nil, nil
	}
	c.hits.Add(1)
	if e.articleID != 0 {
		s.articleServed(w, r, e.articleID)
	}
	return h, body
}

// withoutView is e for serving without counting a view again.
func (e *cachedPage) withoutView() *cachedPage {
	return &cachedPage{body: e.body, header: e.header}
}

// headers is a cached page's answer header, built once per encoding: each
// value a slice of its own capacity, so a later Add copies instead of
// writing into what other requests share.
type headers []struct {
	key string
	val []string
}

// gzip compresses the page on the first request that takes gzip.
func (e *cachedPage) gzip() []byte {
	e.gzOnce.Do(func() {
		if e.gz = web.Gzip(e.body); e.gz != nil {
			e.gzH = e.buildHeaders(e.gz, "gzip")
		}
	})
	return e.gz
}

func (e *cachedPage) plainHeaders() headers {
	e.plainOnce.Do(func() { e.plainH = e.buildHeaders(e.body, "") })
	return e.plainH
}

func (e *cachedPage) buildHeaders(body []byte, encoding string) headers {
	h := e.header.Clone()
	h.Add("Vary", "Accept-Encoding")
	if encoding != "" {
		h.Set("Content-Encoding", encoding)
		h.Set("ETag", web.GzipETag(h.Get("ETag")))
	}
	h.Set("Content-Length", strconv.Itoa(len(body)))
	out := make(headers, 0, len(h))
	for k, v := range h {
		out = append(out, struct {
			key string
			val []string
		}{k, v[:len(v):len(v)]})
	}
	return out
}

// encoding picks the representation for r: the compressed one when the
// client accepts gzip and it is smaller. The two encodings have different
// ETags, as RFC 9110 requires of different representations.
func (e *cachedPage) encoding(r *http.Request) (body []byte, hs headers, gz bool) {
	if web.AcceptsGzip(r) && e.gzip() != nil {
		return e.gz, e.gzH, true
	}
	return e.body, e.plainHeaders(), false
}

// write writes a cached page in the representation chosen.
func (e *cachedPage) write(w http.ResponseWriter, r *http.Request, body []byte, hs headers, now time.Time) {
	h := w.Header()
	for _, kv := range hs {
		if old, ok := h[kv.key]; ok && kv.key == "Vary" {
			h[kv.key] = append(old[:len(old):len(old)], kv.val...)
			continue
		}
		h[kv.key] = kv.val
	}
	h["Date"] = web.Date(now) // formatted once a second, not per answer
	w.WriteHeader(http.StatusOK)
	web.WriteBody(w, r, body) // the header and the body in one write
}

func copyHeader(dst, src http.Header, names ...string) {
	for _, n := range names {
		for _, v := range src.Values(n) {
			dst.Add(n, v)
		}
	}
}

// FastHit reports whether the fast lane (web.Fast) may answer r: a static
// file (in memory), or a cacheable reader's request for a page the page
// cache keeps — held now (CachedHit), or one of the routes it keeps, to be
// rendered in the lane (so a connection moving on to a page not yet held
// stays in the lane). Live streams and everything else go to net/http.
func (s *Site) FastHit(r *http.Request) bool {
	if strings.HasPrefix(r.URL.Path, "/static/") || s.CachedHit(r) {
		return true
	}
	if s.mux == nil || s.cache == nil || s.cache.ttl <= 0 || !cacheable(r) {
		return false
	}
	_, pattern := s.mux.Handler(r)
	return s.cachedRoutes[pattern]
}

// CachedHit reports whether r, a GET without a query, is for a page the
// page cache holds, fresh or not, for a reader it may be served to: the
// fast lane (web.Fast) takes only those, so a connection of readers
// moving from page to page stays in it when a page expires or a write
// drops it (the handler renders it again). It changes nothing.
func (s *Site) CachedHit(r *http.Request) bool {
	c := s.cache
	if c == nil || c.ttl <= 0 || r.URL.RawQuery != "" || !cacheable(r) {
		return false
	}
	e, _ := c.get(r.URL.Path)
	return e != nil
}
