package site

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"html/template"
	"net/http"
	"strconv"
	"sync"
	"time"

	"warta/internal/domain"
)

// A skeleton is a page rendered once, with holes where what changes
// without the page's own content changing goes: live counts, the reader's
// own state (reaction, held comments, poll vote), the comments and the
// site's slot. Serving a page fills the holes from small templates and
// copies the rest, so the templates' cost for the article body, the
// related and latest news, the navigation and the head is paid once per
// article, not once per request. A list page (home, channel, tag, author)
// is one too: its holes are the view count of each story it shows, the
// Terpopuler column and the poll.
type skeleton struct {
	segs  [][]byte // literal bytes; hole i comes after segs[i]
	holes []holeAt
	size  int
}

type hole byte

const (
	holeViews hole = iota
	holeLikes
	holeDislikes
	holePressedLike
	holePressedDislike
	holeComments
	holePoll
	holeSlot
	holePopular // Terpopuler on the home page and a channel's front
	holeViewsOf // the view count of the article the hole names
	holeMax
)

// holeAt is one hole of a skeleton: its kind and, for holeViewsOf, the
// article.
type holeAt struct {
	h  hole
	id int64
}

// holeMark is what a hole renders as in a skeleton: NUL bytes never occur
// in a page otherwise (text is validated, templates escape NUL).
func holeMark(h hole) template.HTML {
	return template.HTML(holePrefix + string(rune('a'+h)) + "\x00")
}

// holeMarkOf is the mark of a hole that names an article.
func holeMarkOf(h hole, id int64) template.HTML {
	return template.HTML(holePrefix + string(rune('a'+h)) + strconv.FormatInt(id, 10) + "\x00")
}

const holePrefix = "\x00warta-hole:"

// parseSkeleton splits a rendered skeleton at its hole marks.
func parseSkeleton(b []byte) (*skeleton, error) {
	sk := &skeleton{size: len(b)}
	for {
		i := bytes.Index(b, []byte(holePrefix))
		if i < 0 {
			sk.segs = append(sk.segs, b)
			return sk, nil
		}
		at := i + len(holePrefix)
		if at >= len(b) || b[at] < 'a' || hole(b[at]-'a') >= holeMax {
			return nil, fmt.Errorf("skeleton: unknown hole at %d", i)
		}
		h := holeAt{h: hole(b[at] - 'a')}
		end := at + 1
		for end < len(b) && b[end] >= '0' && b[end] <= '9' {
			h.id = h.id*10 + int64(b[end]-'0')
			end++
		}
		if end >= len(b) || b[end] != 0 || (end > at+1) != (h.h == holeViewsOf) {
			return nil, fmt.Errorf("skeleton: malformed hole at %d", i)
		}
		sk.segs = append(sk.segs, b[:i])
		sk.holes = append(sk.holes, h)
		b = b[end+1:]
	}
}

// fill writes the skeleton with each hole's bytes from fillers, and each
// holeViewsOf hole's from views by article; a hole without a filler stays
// empty.
func (sk *skeleton) fill(buf *bytes.Buffer, fillers *[holeMax][]byte, views map[int64][]byte) {
	n := sk.size
	for _, f := range fillers {
		n += len(f)
	}
	buf.Grow(n + 8*len(views))
	for i, seg := range sk.segs {
		buf.Write(seg)
		if i < len(sk.holes) {
			if h := sk.holes[i]; h.h == holeViewsOf {
				buf.Write(views[h.id])
			} else {
				buf.Write(fillers[h.h])
			}
		}
	}
}

// skeletons keeps skeletons by key, bounded in bytes. Entries are dropped
// with the fragment cache (any article write; a live-report write only its
// article's), at the end of the site's day
// (the header shows the date) and after skeletonTTL at the latest, for the
// rare change that sends no event.
type skeletons struct {
	ttl      time.Duration
	maxBytes int

	mu    sync.Mutex
	gen   uint64
	bytes int
	m     map[string]skeletonEntry
	calls map[string]*skeletonCall // builds in flight
	// drops counts dropArticle calls and recent remembers the articles
	// of the last ones, so a build that began before its article was
	// dropped is not kept (nor handed to a request that came after).
	drops  uint64
	recent [64]int64
}

type skeletonEntry struct {
	sk      *skeleton
	data    any // what the fill needs from the render (the article)
	gen     uint64
	expires time.Time
}

// defaultSkeletonTTL bounds a skeleton's life when no event drops it.
const defaultSkeletonTTL = 30 * time.Second

const defaultSkeletonBytes = 32 << 20

func newSkeletons(ttl time.Duration) *skeletons {
	return &skeletons{ttl: ttl, maxBytes: defaultSkeletonBytes, m: map[string]skeletonEntry{}}
}

// dropArticle drops the skeletons of an article's own page (a write that
// changed only that page: its live report).
func (c *skeletons) dropArticle(id int64) {
	c.mu.Lock()
	c.recent[c.drops%uint64(len(c.recent))] = id
	c.drops++
	for k, e := range c.m {
		if a, ok := e.data.(domain.Article); ok && a.ID == id {
			c.bytes -= e.sk.size
			delete(c.m, k)
		}
	}
	c.mu.Unlock()
}

// droppedSinceLocked reports whether data shows an article dropped since
// the drop count since.
func (c *skeletons) droppedSinceLocked(data any, since uint64) bool {
	a, ok := data.(domain.Article)
	if !ok || c.drops == since {
		return false
	}
	if c.drops-since > uint64(len(c.recent)) {
		return true // too many to tell: be safe
	}
	for n := since; n < c.drops; n++ {
		if c.recent[n%uint64(len(c.recent))] == a.ID {
			return true
		}
	}
	return false
}

func (c *skeletons) invalidate() {
	c.mu.Lock()
	c.gen++
	clear(c.m)
	c.bytes = 0
	c.mu.Unlock()
}

// get returns the skeleton under key and its data, or builds and keeps it.
// build returns the rendered skeleton, its data and the time it expires by
// itself (the end of the day). Requests that find the same skeleton
// missing while one builds it wait for that build rather than build it
// too (a page in demand, after an article write, is otherwise rendered
// once per request in flight: 64 readers of the home page made 64
// renders, queueing for the database, and none finished).
func (c *skeletons) get(ctx context.Context, key string, build func() ([]byte, any, time.Time, error)) (*skeleton, any, error) {
	now := time.Now()
	c.mu.Lock()
	e, ok := c.m[key]
	gen, drops := c.gen, c.drops
	if ok && e.gen == gen && now.Before(e.expires) {
		c.mu.Unlock()
		return e.sk, e.data, nil
	}
	if c.ttl <= 0 {
		c.mu.Unlock()
		return c.build(key, gen, drops, now, build)
	}
	if call, ok := c.calls[key]; ok {
		c.mu.Unlock()
		select {
		case <-call.done:
		case <-ctx.Done():
			return nil, nil, ctx.Err()
		}
		// A build cut short by its own request (the reader went away)
		// says nothing about this one: build again. So does one that
		// began before this request's article was dropped.
		c.mu.Lock()
		stale := call.err == nil && c.droppedSinceLocked(call.data, call.drops)
		c.mu.Unlock()
		if !stale && (call.err == nil || !errors.Is(call.err, context.Canceled) && !errors.Is(call.err, context.DeadlineExceeded)) {
			return call.sk, call.data, call.err
		}
		return c.build(key, gen, drops, now, build)
	}
	call := &skeletonCall{done: make(chan struct{}), drops: drops}
	if c.calls == nil {
		c.calls = map[string]*skeletonCall{}
	}
	c.calls[key] = call
	c.mu.Unlock()
	defer func() {
		c.mu.Lock()
		delete(c.calls, key)
		c.mu.Unlock()
		close(call.done)
	}()
	call.sk, call.data, call.err = c.build(key, gen, drops, now, build)
	return call.sk, call.data, call.err
}

// skeletonCall is a build in flight that other requests wait for.
type skeletonCall struct {
	done  chan struct{}
	drops uint64 // the drop count when it began
	sk    *skeleton
	data  any
	err   error
}

// build builds the skeleton under key and keeps it, unless skeletons are
// off or an article write (a new generation than gen, or a drop of its
// article since the drop count drops) came meanwhile.
func (c *skeletons) build(key string, gen, drops uint64, now time.Time, build func() ([]byte, any, time.Time, error)) (*skeleton, any, error) {
	b, data, until, err := build()
	if err != nil {
		return nil, nil, err
	}
	sk, err := parseSkeleton(b)
	if err != nil {
		return nil, nil, err
	}
	if c.ttl <= 0 {
		return sk, data, nil
	}
	expires := now.Add(c.ttl)
	if !until.IsZero() && until.Before(expires) {
		expires = until
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.gen != gen || sk.size*4 > c.maxBytes || c.droppedSinceLocked(data, drops) {
		return sk, data, nil
	}
	if old, ok := c.m[key]; ok {
		c.bytes -= old.sk.size
		delete(c.m, key)
	}
	for k, old := range c.m { // arbitrary eviction beyond the bound
		if c.bytes+sk.size <= c.maxBytes {
			break
		}
		c.bytes -= old.sk.size
		delete(c.m, k)
	}
	c.m[key] = skeletonEntry{sk: sk, data: data, gen: gen, expires: expires}
	c.bytes += sk.size
	return sk, data, nil
}

// endOfDay is the next midnight in the site's zone: the header's date
// changes then.
func (s *Site) endOfDay() time.Time {
	y, m, d := s.now().In(s.cfg.Location).Date()
	return time.Date(y, m, d+1, 0, 0, 0, 0, s.cfg.Location)
}

var bufPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// execute renders one template of a page into a pooled buffer; put it
// back with releaseBuf.
func (s *Site) execute(page, name string, data any) (*bytes.Buffer, error) {
	buf := bufPool.Get().(*bytes.Buffer)
	buf.Reset()
	if err := s.tpl(page).ExecuteTemplate(buf, name, data); err != nil {
		releaseBuf(buf)
		return nil, fmt.Errorf("render %s/%s: %w", page, name, err)
	}
	return buf, nil
}

// renderBytes renders one template of a page into a slice of its own.
func (s *Site) renderBytes(page, name string, data any) ([]byte, error) {
	buf, err := s.execute(page, name, data)
	if err != nil {
		return nil, err
	}
	b := bytes.Clone(buf.Bytes())
	releaseBuf(buf)
	return b, nil
}

func releaseBuf(b *bytes.Buffer) {
	if b.Cap() <= 1<<20 {
		bufPool.Put(b)
	}
}

// writePage sends a filled page.
func writePage(w http.ResponseWriter, status int, body []byte) {
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Content-Length", strconv.Itoa(len(body)))
	if h.Get("Cache-Control") == "" {
		h.Set("Cache-Control", "no-cache")
	}
	w.WriteHeader(status)
	w.Write(body)
}
