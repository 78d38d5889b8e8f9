package site

import (
	"bytes"
	"net/http"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"warta/internal/web"
)

// pageCache keeps rendered pages for anonymous readers for a moment
// (micro-caching). A page is the same for every reader who never reacted,
// commented or voted, so under load most requests skip the database and the
// templates. Views are still counted on every request. Any article or
// engagement write in this process drops the whole cache; other processes'
// writes show within the TTL.
type pageCache struct {
	ttl        time.Duration
	maxEntries int
	gen        atomic.Uint64

	mu      sync.RWMutex
	entries map[string]*cachedPage
}

type cachedPage struct {
	gen        uint64
	expires    time.Time
	body       []byte
	gz         []byte // body compressed once with gzip, nil when not smaller
	header     http.Header
	articleID  int64
	refreshing atomic.Bool // one request re-renders an expired page; the others get it meanwhile
}

// articleIDHeader carries the article id from the article handler to the
// cache (never sent to the client), so a cache hit can still count a view.
const articleIDHeader = "X-Warta-Article-Id"

func newPageCache(ttl time.Duration, maxEntries int) *pageCache {
	return &pageCache{ttl: ttl, maxEntries: maxEntries, entries: map[string]*cachedPage{}}
}

// invalidate drops every cached page.
func (c *pageCache) invalidate() { c.gen.Add(1) }

// cacheable reports whether the request may be answered from the cache: a
// plain GET by a reader whose own state does not show on the page.
func cacheable(r *http.Request) bool {
	if r.Method != http.MethodGet || r.Header.Get("Authorization") != "" {
		return false
	}
	if _, err := r.Cookie(web.ActiveCookie); err == nil {
		return false
	}
	return true
}

type recorder struct {
	h      http.Header
	status int
	buf    bytes.Buffer
}

func (r *recorder) Header() http.Header { return r.h }
func (r *recorder) WriteHeader(code int) {
	if r.status == 0 {
		r.status = code
	}
}
func (r *recorder) Write(p []byte) (int, error) {
	if r.status == 0 {
		r.status = http.StatusOK
	}
	return r.buf.Write(p)
}

// cached wraps a page handler with the micro-cache.
func (s *Site) cached(fn func(w http.ResponseWriter, r *http.Request) error) func(w http.ResponseWriter, r *http.Request) error {
	return func(w http.ResponseWriter, r *http.Request) error {
		c := s.cache
		if c == nil || c.ttl <= 0 || !cacheable(r) {
			err := fn(w, r)
			w.Header().Del(articleIDHeader)
			return err
		}
		key := r.URL.RequestURI()
		now := time.Now()
		gen := c.gen.Load()
		c.mu.RLock()
		e := c.entries[key]
		c.mu.RUnlock()
		// An expired page is still served while one request renders its
		// successor, so a busy page never makes every request render at once
		// when it expires. A page dropped by a write is never served stale.
		if e != nil && e.gen == gen && (now.Before(e.expires) || !e.refreshing.CompareAndSwap(false, true)) {
			if e.articleID != 0 {
				s.articleServed(w, r, e.articleID)
			}
			e.serve(w, r)
			return nil
		}
		rec := &recorder{h: http.Header{}}
		if err := fn(rec, r); err != nil {
			// Nothing was written: the error page goes to the real writer.
			copyHeader(w.Header(), rec.h, "Set-Cookie")
			return err
		}
		id, _ := strconv.ParseInt(rec.h.Get(articleIDHeader), 10, 64)
		rec.h.Del(articleIDHeader)
		if rec.status == http.StatusOK && !perReader(rec.h) {
			if rec.h.Get("ETag") == "" {
				rec.h.Set("ETag", web.ETag(rec.buf.Bytes()))
			}
			stored := rec.h.Clone()
			stored.Del("Set-Cookie")
			e := &cachedPage{gen: gen, expires: now.Add(c.ttl), body: rec.buf.Bytes(), gz: web.Gzip(rec.buf.Bytes()),
				header: stored, articleID: id}
			c.mu.Lock()
			if len(c.entries) >= c.maxEntries {
				for k, old := range c.entries {
					if old.gen != gen || now.After(old.expires) || len(c.entries) >= c.maxEntries {
						delete(c.entries, k)
					}
				}
			}
			c.entries[key] = e
			c.mu.Unlock()
			copyHeader(w.Header(), rec.h, "Set-Cookie")
			e.serve(w, r)
			return nil
		}
		h := w.Header()
		for k, v := range rec.h {
			h[k] = v
		}
		w.WriteHeader(rec.status)
		w.Write(rec.buf.Bytes())
		return nil
	}
}

// serve writes a cached page, compressed when the client accepts gzip. The
// two encodings have different ETags, as RFC 9110 requires of different
// representations.
func (e *cachedPage) serve(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	for k, v := range e.header {
		h[k] = v
	}
	h.Add("Vary", "Accept-Encoding")
	body := e.body
	if e.gz != nil && web.AcceptsGzip(r) {
		body = e.gz
		h.Set("Content-Encoding", "gzip")
		h.Set("ETag", web.GzipETag(h.Get("ETag")))
	}
	h.Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(http.StatusOK)
	w.Write(body)
}

func copyHeader(dst, src http.Header, names ...string) {
	for _, n := range names {
		for _, v := range src.Values(n) {
			dst.Add(n, v)
		}
	}
}
