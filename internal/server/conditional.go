package server

import (
	"bytes"
	"net/http"
	"strings"
	"sync"
	"time"

	"warta/internal/web"
)

// Conditional requests (RFC 9110 §13).
//
// conditional buffers every 200 answer to GET and HEAD from the reader site,
// the feeds and the public API, gives it a strong ETag computed from the body
// and a Last-Modified, and answers If-None-Match / If-Modified-Since with 304
// Not Modified. Because the ETag is a hash of the bytes sent, two requests
// for an unchanged page get the same ETag in every process: nothing that
// differs per request (a CSP nonce, a CSRF token) may go into a public page.
// Per-reader state (the reader's own reaction) may vary a body between
// readers; each reader then revalidates against their own ETag.
//
// Last-Modified is the handler's own when it sets one; otherwise it is the
// time this process first served the current body of the URL (the body of a
// page with live counters changes without any updated_at). After a restart
// that time moves forward, which only costs a full answer, never a wrong 304.
//
// Malformed headers are treated as absent, as RFC 9110 §13.1.3 says for
// If-Modified-Since: a garbage date or entity-tag never matches, so the
// client gets a normal 200. If-None-Match wins over If-Modified-Since.
//
// A middleware that compresses answers must sit outside this one and mark
// or change the ETag of a compressed body.

// conditionalMaxBody is the largest answer buffered; a larger one streams
// without an ETag.
const conditionalMaxBody = 4 << 20

// conditionalSkip lists path prefixes that keep their own caching: the
// newsroom and admin API (private, never cached), hashed static files and
// media (immutable, with their own ETag), health and metrics.
var conditionalSkip = []string{"/redaksi", "/api/v1/admin", "/static/", "/media/", "/healthz", "/readyz", "/metrics"}

func conditional(next http.Handler) http.Handler {
	seen := newLastModified(16, 1024)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if (r.Method != http.MethodGet && r.Method != http.MethodHead) || skipConditional(r.URL.Path) {
			next.ServeHTTP(w, r)
			return
		}
		// A handler that already knows its ETag (the page cache) is
		// answered as soon as it sends its header, without buffering.
		bw := &bufferWriter{w: w, r: r, seen: seen, early: true}
		next.ServeHTTP(bw, r)
		if bw.passthrough || bw.discard {
			return
		}
		if bw.status == 0 {
			bw.status = http.StatusOK
		}
		h := w.Header()
		if bw.status != http.StatusOK || strings.Contains(h.Get("Cache-Control"), "no-store") {
			bw.flushBuffered()
			return
		}
		etag := h.Get("ETag")
		if etag == "" {
			etag = web.ETag(bw.buf.Bytes())
			h.Set("ETag", etag)
		}
		lastMod := prepareValidators(h, r, etag, seen)
		if notModified(r, etag, lastMod) {
			for _, k := range []string{"Content-Type", "Content-Length", "Content-Encoding"} {
				h.Del(k)
			}
			w.WriteHeader(http.StatusNotModified)
			return
		}
		bw.flushBuffered()
	})
}

// prepareValidators sets Last-Modified (the handler's own, or since when
// this process serves this body) and a default Cache-Control, and returns
// the Last-Modified time.
func prepareValidators(h http.Header, r *http.Request, etag string, seen *lastModified) time.Time {
	var lastMod time.Time
	if v := h.Get("Last-Modified"); v != "" {
		lastMod, _ = http.ParseTime(v)
	}
	if lastMod.IsZero() {
		var formatted []string
		lastMod, formatted = seen.since(r.URL.RequestURI(), etag, time.Now())
		h["Last-Modified"] = formatted
	}
	if h.Get("Cache-Control") == "" {
		// Without it browsers may reuse an answer without asking, by
		// heuristic freshness from Last-Modified.
		h.Set("Cache-Control", "no-cache")
	}
	return lastMod
}

func skipConditional(path string) bool {
	for _, p := range conditionalSkip {
		if strings.HasPrefix(path, p) {
			return true
		}
	}
	return false
}

// notModified evaluates If-None-Match, then (only when it is absent)
// If-Modified-Since, for a GET or HEAD whose current representation has
// the given ETag and Last-Modified.
func notModified(r *http.Request, etag string, lastMod time.Time) bool {
	if inm := r.Header.Values("If-None-Match"); len(inm) > 0 {
		return etagListMatches(strings.Join(inm, ","), etag)
	}
	ims := r.Header.Get("If-Modified-Since")
	if ims == "" || lastMod.IsZero() {
		return false
	}
	t, err := http.ParseTime(ims)
	if err != nil {
		return false // malformed: ignored (RFC 9110 §13.1.3)
	}
	return !lastMod.Truncate(time.Second).After(t)
}

// etagListMatches reports whether the If-None-Match list holds "*" or an
// entity-tag that weakly matches etag. Malformed members never match.
func etagListMatches(list, etag string) bool {
	want := strings.TrimPrefix(etag, "W/")
	for _, tag := range strings.Split(list, ",") {
		tag = strings.TrimSpace(tag)
		if tag == "*" {
			return true
		}
		tag = strings.TrimPrefix(tag, "W/")
		if len(tag) < 2 || tag[0] != '"' || tag[len(tag)-1] != '"' || strings.Contains(tag[1:len(tag)-1], `"`) {
			continue
		}
		if tag == want {
			return true
		}
	}
	return false
}

// bufferWriter holds a handler's answer so its ETag can be computed before
// anything is sent. A handler that flushes (streams), or an answer larger
// than conditionalMaxBody, switches it to pass-through.
type bufferWriter struct {
	w           http.ResponseWriter
	status      int
	buf         bytes.Buffer
	passthrough bool
	discard     bool // a 304 went out: drop the body
	early       bool // decide at the header when the ETag is known
	decided     bool
	r           *http.Request
	seen        *lastModified
}

// decide runs the early decision once, for a 200 answer.
func (b *bufferWriter) decide() {
	if b.decided || !b.early || b.status != http.StatusOK {
		return
	}
	b.decided = true
	b.answerEarly()
}

// answerEarly answers at the header when the handler set an ETag: a 304,
// or the 200 header with the body passed through unbuffered.
func (b *bufferWriter) answerEarly() {
	w, r := b.w, b.r
	h := w.Header()
	etag := h.Get("ETag")
	if etag == "" || strings.Contains(h.Get("Cache-Control"), "no-store") {
		return
	}
	lastMod := prepareValidators(h, r, etag, b.seen)
	if notModified(r, etag, lastMod) {
		for _, k := range []string{"Content-Type", "Content-Length", "Content-Encoding"} {
			h.Del(k)
		}
		w.WriteHeader(http.StatusNotModified)
		b.discard = true
		return
	}
	b.passthrough = true
	w.WriteHeader(http.StatusOK)
}

func (b *bufferWriter) Header() http.Header { return b.w.Header() }

func (b *bufferWriter) WriteHeader(code int) {
	if b.passthrough {
		b.w.WriteHeader(code)
		return
	}
	if code >= 100 && code < 200 {
		b.w.WriteHeader(code) // informational answers go out at once
		return
	}
	if b.status == 0 {
		b.status = code
	}
	b.decide()
}

func (b *bufferWriter) Write(p []byte) (int, error) {
	if b.status == 0 {
		b.status = http.StatusOK
		b.decide()
	}
	if b.discard {
		return len(p), nil
	}
	if b.passthrough {
		return b.w.Write(p)
	}
	if b.buf.Len()+len(p) > conditionalMaxBody {
		b.flushBuffered()
		return b.w.Write(p)
	}
	return b.buf.Write(p)
}

// flushBuffered sends what is held and switches to pass-through.
func (b *bufferWriter) flushBuffered() {
	if b.passthrough {
		return
	}
	b.passthrough = true
	if b.status == 0 {
		b.status = http.StatusOK
	}
	b.w.WriteHeader(b.status)
	if b.buf.Len() > 0 {
		b.w.Write(b.buf.Bytes())
	}
	b.buf = bytes.Buffer{}
}

// Flush sends what is held and streams from then on. After a 304 there is
// nothing to send.
func (b *bufferWriter) Flush() {
	if b.discard {
		return
	}
	b.flushBuffered()
	// Through the writers outside (they unwrap), so a stream (live-report
	// events) reaches the client at once.
	http.NewResponseController(b.w).Flush()
}

// Unwrap lets http.ResponseController reach the connection (deadlines).
func (b *bufferWriter) Unwrap() http.ResponseWriter { return b.w }

// lastModified remembers, per URL, the ETag served last and since when, in
// a bounded number of shards.
type lastModified struct {
	shards []lmShard
	max    int
}

type lmShard struct {
	mu sync.Mutex
	m  map[string]lmEntry
}

type lmEntry struct {
	etag      string
	since     time.Time
	formatted []string // since as a Last-Modified value, shared (capacity 1)
}

func newLastModified(shards, perShard int) *lastModified {
	l := &lastModified{shards: make([]lmShard, shards), max: perShard}
	for i := range l.shards {
		l.shards[i].m = make(map[string]lmEntry)
	}
	return l
}

// since returns when url started to have the body with this etag, and that
// time formatted for Last-Modified.
func (l *lastModified) since(url, etag string, now time.Time) (time.Time, []string) {
	h := uint32(2166136261) // FNV-1a
	for i := 0; i < len(url); i++ {
		h = (h ^ uint32(url[i])) * 16777619
	}
	sh := &l.shards[h%uint32(len(l.shards))]
	now = now.UTC().Truncate(time.Second)
	sh.mu.Lock()
	defer sh.mu.Unlock()
	e, ok := sh.m[url]
	if ok && e.etag == etag {
		return e.since, e.formatted
	}
	if ok && !now.After(e.since) {
		// Changed within the same second as the previous body: move on a
		// second so that version's If-Modified-Since does not match.
		now = e.since.Add(time.Second)
	}
	if !ok && len(sh.m) >= l.max {
		for k := range sh.m { // evict an arbitrary entry
			delete(sh.m, k)
			break
		}
	}
	f := []string{now.Format(http.TimeFormat)}
	sh.m[url] = lmEntry{etag: etag, since: now, formatted: f[:1:1]}
	return now, f[:1:1]
}
