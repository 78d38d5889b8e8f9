package site

// Live reports and the breaking-news ticker (issue 14).
//
// A live report's page lists its updates, newest first, in the article's
// skeleton: every update is an article write (store/live.go), so it drops
// the cached pages here and, through NOTIFY, on the other processes. The
// page works as it is without JavaScript (a refresh shows the new
// updates); with it, live.js follows GET /berita/{slug}/langsung, a
// Server-Sent Events stream that is never cached. The stream starts after
// the change the page showed (?sejak=SEQ), resumes after the last one it
// delivered (Last-Event-ID) and is fed by a hub that reads each change
// once per process and fans it out, woken by this process's article
// writes and by other processes' notifications (RemoteChange). Streams are
// bounded per process (Config.LiveStreams), live at most liveStreamLife
// and close at shutdown, so they cannot exhaust the server.

import (
	"context"
	"encoding/json"
	"errors"
	"html/template"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	nethtml "golang.org/x/net/html"

	"warta/internal/domain"
	"warta/internal/store"
	"warta/internal/web"
)

const (
	// defaultLiveStreams bounds the open streams of one process.
	defaultLiveStreams = 2000
	// liveStreamLife is the longest one stream stays open; the browser
	// reconnects (with Last-Event-ID), which also spreads readers over
	// the processes behind a load balancer.
	liveStreamLife = 5 * time.Minute
	// liveHeartbeat keeps proxies from closing a quiet stream.
	liveHeartbeat = 20 * time.Second
	// liveRetryMillis is the reconnection delay the stream asks for.
	liveRetryMillis = 5000
	// liveCatchUp is the most changes one stream replays; a reader further
	// behind is told to reload the page.
	liveCatchUp = 200
	// liveBuffer is how many events a slow stream may have pending before
	// it is closed (the browser reconnects and catches up).
	liveBuffer = 64
	// tickerMax is how many breaking articles the ticker shows.
	tickerMax = 5
)

// liveView is the live report on its article's page.
type liveView struct {
	Report  domain.LiveReport
	Updates []domain.LiveUpdate // newest first, at most MaxLiveShown
	Total   int
	Slug    string
}

// maxLiveShown is how many updates the article page shows.
const maxLiveShown = 200

// liveFor loads the live report shown on an article's page (nil when the
// article is not one).
func (s *Site) liveFor(ctx context.Context, a domain.Article) (*liveView, error) {
	r, err := s.store.LiveReport(ctx, a.ID)
	if errors.Is(err, domain.ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	v := &liveView{Report: r, Slug: a.Slug}
	if v.Updates, v.Total, err = s.store.LiveUpdates(ctx, a.ID, maxLiveShown); err != nil {
		return nil, err
	}
	return v, nil
}

// liveFuncs are the template functions of live reports.
func liveFuncs(loc *time.Location) template.FuncMap {
	return template.FuncMap{
		// clock is an update's time of day in the site's zone: "14:05 WIB".
		"clock": func(t time.Time) string { return t.In(loc).Format("15:04") + " " + web.ZoneName(loc, t) },
		"day": func(t time.Time) string {
			full := web.FormatTime(t, loc) // "20 Jun 2024 18:34 WIB"
			if i := strings.LastIndexByte(strings.TrimSuffix(full, " "+web.ZoneName(loc, t)), ' '); i > 0 {
				return full[:i]
			}
			return full
		},
		"millis": func(t time.Time) int64 { return t.UnixMilli() },
		"int64":  func(n int) int64 { return int64(n) },
		// The update's body was sanitised when it was saved, like article
		// bodies (render package).
		"updateBody": func(u domain.LiveUpdate) template.HTML { return template.HTML(u.BodyHTML) },
	}
}

// --- the breaking-news ticker ---

type tickerEntry struct {
	items   []domain.Article
	gen     uint64
	expires time.Time
	ok      bool
}

type tickerCache struct {
	mu sync.Mutex
	e  tickerEntry
	// next is the earliest end (unix nanoseconds) of what the ticker shows,
	// 0 when none: no page showing it may be kept past that.
	next atomic.Int64
}

// breakingTicker returns the articles the site-wide ticker shows: breaking
// news whose end has not come, newest first. It is kept like a fragment
// (dropped by any article write), but never past the first end.
func (s *Site) breakingTicker(ctx context.Context) ([]domain.Article, error) {
	now := time.Now()
	gen := s.frags.generation()
	t := &s.ticker
	t.mu.Lock()
	e := t.e
	t.mu.Unlock()
	if e.ok && e.gen == gen && now.Before(e.expires) {
		return e.items, nil
	}
	items, err := s.store.BreakingArticles(ctx, tickerMax)
	if err != nil {
		return nil, err
	}
	expires := now.Add(max(s.frags.ttl, 0))
	var next time.Time
	for _, a := range items {
		if u := a.BreakingUntil; !u.IsZero() && (next.IsZero() || u.Before(next)) {
			next = u
		}
	}
	if !next.IsZero() && next.Before(expires) {
		expires = next
	}
	if next.IsZero() {
		t.next.Store(0)
	} else {
		t.next.Store(next.UnixNano())
	}
	if s.frags.ttl > 0 {
		t.mu.Lock()
		if s.frags.generation() == gen {
			t.e = tickerEntry{items: items, gen: gen, expires: expires, ok: true}
		}
		t.mu.Unlock()
	}
	return items, nil
}

// pagesExpireBy caps how long a rendered page may be kept: until the first
// breaking article in the ticker ends (zero: no cap).
func (s *Site) pagesExpireBy() time.Time {
	if n := s.ticker.next.Load(); n != 0 {
		return time.Unix(0, n)
	}
	return time.Time{}
}

// capExpiry returns the earlier of t and the pages' cap (and of also, when
// not zero).
func (s *Site) capExpiry(t time.Time, also ...time.Time) time.Time {
	for _, c := range append(also, s.pagesExpireBy()) {
		if !c.IsZero() && (t.IsZero() || c.Before(t)) {
			t = c
		}
	}
	return t
}

// --- the stream hub ---

// liveEvent is one Server-Sent Event of a report.
type liveEvent struct {
	seq  int64
	name string // "update", "delete", "status", "reload"
	data []byte // JSON, one line
}

type liveSub struct {
	ch   chan []liveEvent
	kick chan struct{} // closed when the stream fell too far behind
}

type liveTopic struct {
	id   int64
	subs map[*liveSub]struct{}
	seq  int64 // the last change fanned out
	wake chan struct{}
	done chan struct{}
}

// liveHub fans each report's changes out to this process's streams.
type liveHub struct {
	max     int64
	active  atomic.Int64
	closing chan struct{}
	once    sync.Once
	log     func(msg string, args ...any)

	mu     sync.Mutex
	topics map[int64]*liveTopic
	load   func(ctx context.Context, articleID, since int64) ([]liveEvent, error)
	seqOf  func(ctx context.Context, articleID int64) (int64, error)
}

func newLiveHub(max int) *liveHub {
	if max <= 0 {
		max = defaultLiveStreams
	}
	return &liveHub{max: int64(max), closing: make(chan struct{}), topics: map[int64]*liveTopic{}}
}

// acquire takes one of the process's stream slots.
func (h *liveHub) acquire() bool {
	if h.active.Add(1) > h.max {
		h.active.Add(-1)
		return false
	}
	return true
}

func (h *liveHub) release() { h.active.Add(-1) }

// close ends every stream (shutdown).
func (h *liveHub) close() { h.once.Do(func() { close(h.closing) }) }

// subscribe registers a stream on an article's report.
func (h *liveHub) subscribe(ctx context.Context, id int64) (*liveSub, error) {
	sub := &liveSub{ch: make(chan []liveEvent, liveBuffer), kick: make(chan struct{})}
	h.mu.Lock()
	t := h.topics[id]
	if t != nil {
		t.subs[sub] = struct{}{}
		h.mu.Unlock()
		return sub, nil
	}
	h.mu.Unlock()
	// A new topic starts from the report's current change; the stream's
	// own catch-up (after subscribing) covers everything before it.
	seq, err := h.seqOf(ctx, id)
	if err != nil {
		return nil, err
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	if t = h.topics[id]; t == nil {
		t = &liveTopic{id: id, subs: map[*liveSub]struct{}{}, seq: seq, wake: make(chan struct{}, 1), done: make(chan struct{})}
		h.topics[id] = t
		go h.run(t)
	}
	t.subs[sub] = struct{}{}
	return sub, nil
}

func (h *liveHub) unsubscribe(id int64, sub *liveSub) {
	h.mu.Lock()
	defer h.mu.Unlock()
	t := h.topics[id]
	if t == nil {
		return
	}
	delete(t.subs, sub)
	if len(t.subs) == 0 {
		delete(h.topics, id)
		close(t.done)
	}
}

// wake tells an article's streams that its report may have changed (id 0:
// every report, after a missed notification).
func (h *liveHub) wake(id int64) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if id == 0 {
		for _, t := range h.topics {
			wakeTopic(t)
		}
		return
	}
	if t := h.topics[id]; t != nil {
		wakeTopic(t)
	}
}

func wakeTopic(t *liveTopic) {
	select {
	case t.wake <- struct{}{}:
	default: // a read is due already; it sees this change too
	}
}

// run reads a topic's changes once per wake and hands them to every stream.
func (h *liveHub) run(t *liveTopic) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go func() {
		select {
		case <-t.done:
		case <-h.closing:
		}
		cancel()
	}()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.wake:
		}
		events, err := h.load(ctx, t.id, t.seq)
		if errors.Is(err, domain.ErrNotFound) {
			// The report (or its article) is gone: end its streams.
			h.mu.Lock()
			for sub := range t.subs {
				delete(t.subs, sub)
				close(sub.kick)
			}
			h.mu.Unlock()
			continue
		}
		if err != nil {
			if ctx.Err() == nil && h.log != nil {
				h.log("live report changes", "article", t.id, "err", err)
			}
			continue // the next wake (or the streams' reconnects) catches up
		}
		if len(events) == 0 {
			continue
		}
		t.seq = events[len(events)-1].seq
		h.mu.Lock()
		for sub := range t.subs {
			select {
			case sub.ch <- events:
			default: // too far behind: let it reconnect and catch up
				delete(t.subs, sub)
				close(sub.kick)
			}
		}
		h.mu.Unlock()
	}
}

// liveEvents reads what changed in a report after change since, as
// events in the order of the changes.
func (s *Site) liveEvents(ctx context.Context, articleID, since int64) ([]liveEvent, error) {
	rep, err := s.store.LiveReport(ctx, articleID)
	if err != nil {
		return nil, err
	}
	if rep.Seq <= since {
		return nil, nil
	}
	changes, err := s.store.LiveChangesSince(ctx, articleID, since, liveCatchUp+1)
	if err != nil {
		return nil, err
	}
	if len(changes) > liveCatchUp {
		return []liveEvent{{seq: rep.Seq, name: "reload", data: []byte("{}")}}, nil
	}
	var out []liveEvent
	status := rep.StatusSeq > since
	for _, u := range changes {
		if status && rep.StatusSeq < u.Seq {
			out = append(out, s.statusEvent(rep))
			status = false
		}
		ev, err := s.updateEvent(u)
		if err != nil {
			return nil, err
		}
		out = append(out, ev)
	}
	if status {
		out = append(out, s.statusEvent(rep))
	}
	// The last event carries the report's own seq: changes that wrote no
	// row (an update edited again later) are behind it too.
	if n := len(out); n > 0 && out[n-1].seq < rep.Seq {
		out[n-1].seq = rep.Seq
	}
	return out, nil
}

type liveUpdateJSON struct {
	ID   int64  `json:"id"`
	Time int64  `json:"time,omitempty"` // unix milliseconds, for ordering
	HTML string `json:"html,omitempty"`
}

func (s *Site) updateEvent(u domain.LiveUpdate) (liveEvent, error) {
	if u.Deleted {
		b, _ := json.Marshal(liveUpdateJSON{ID: u.ID})
		return liveEvent{seq: u.Seq, name: "delete", data: b}, nil
	}
	html, err := s.renderBytes("article", "liveupdate", u)
	if err != nil {
		return liveEvent{}, err
	}
	b, err := json.Marshal(liveUpdateJSON{ID: u.ID, Time: u.CreatedAt.UnixMilli(), HTML: string(html)})
	return liveEvent{seq: u.Seq, name: "update", data: b}, err
}

func (s *Site) statusEvent(r domain.LiveReport) liveEvent {
	v := struct {
		Ended bool   `json:"ended"`
		Text  string `json:"text"`
	}{Ended: r.Ended(), Text: "Laporan langsung berlangsung."}
	if r.Ended() {
		v.Text = "Laporan langsung selesai " + web.FormatTime(r.EndedAt, s.cfg.Location) + "."
	}
	b, _ := json.Marshal(v)
	return liveEvent{seq: r.StatusSeq, name: "status", data: b}
}

// CloseStreams ends every live stream at once (the server shuts down;
// browsers reconnect elsewhere).
func (s *Site) CloseStreams() { s.live.close() }

// LiveStreams is how many live streams this process holds open.
func (s *Site) LiveStreams() int64 { return s.live.active.Load() }

// liveSince reads where a stream starts: after the Last-Event-ID the
// browser sends on reconnecting, else after ?sejak= (the change the page
// showed), else from the start.
func liveSince(r *http.Request) (int64, error) {
	v := r.Header.Get("Last-Event-ID")
	if v == "" {
		v = r.URL.Query().Get("sejak")
	}
	if v == "" {
		return 0, nil
	}
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil || n < 0 {
		return 0, domain.Invalid("posisi pembaruan %q tidak valid: gunakan angka 0 atau lebih", domain.Truncate(v, 20))
	}
	return n, nil
}

// liveStream serves GET /berita/{slug}/langsung: the report's changes as
// Server-Sent Events. Never cached; not compressed (each event must reach
// the reader when it is written).
func (s *Site) liveStream(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	fail := func(err error) {
		w.Header().Set("Cache-Control", "no-store")
		s.renderError(w, r, err)
	}
	since, err := liveSince(r)
	if err != nil {
		fail(err)
		return
	}
	a, err := s.store.ArticleBySlug(ctx, r.PathValue("slug"))
	if err != nil {
		fail(err)
		return
	}
	rep, err := s.store.LiveReport(ctx, a.ID)
	if err != nil {
		fail(err)
		return
	}
	// A position past the report's last change (a report made anew) would
	// hold every event back: start from what the report has.
	since = min(since, rep.Seq)
	if !s.live.acquire() {
		fail(&domain.Error{Code: domain.ETooMany, RetryAfter: 30,
			Message: "terlalu banyak pembaca mengikuti laporan langsung saat ini; muat ulang halaman untuk pembaruan terbaru"})
		return
	}
	defer s.live.release()
	sub, err := s.live.subscribe(ctx, a.ID)
	if err != nil {
		fail(err)
		return
	}
	defer s.live.unsubscribe(a.ID, sub)
	events, err := s.liveEvents(ctx, a.ID, since)
	if err != nil {
		fail(err)
		return
	}

	rc := http.NewResponseController(w)
	rc.SetReadDeadline(time.Time{}) // the server's read timeout would end the stream
	h := w.Header()
	h.Set("Content-Type", "text/event-stream; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	h.Set("X-Accel-Buffering", "no") // nginx: do not buffer
	w.WriteHeader(http.StatusOK)
	buf := make([]byte, 0, 4096)
	send := func(evs []liveEvent) (ended bool, err error) {
		buf = buf[:0]
		for _, ev := range evs {
			if ev.seq <= since {
				continue
			}
			since = ev.seq
			buf = append(buf, "id: "...)
			buf = strconv.AppendInt(buf, ev.seq, 10)
			buf = append(buf, "\nevent: "...)
			buf = append(buf, ev.name...)
			buf = append(buf, "\ndata: "...)
			buf = append(buf, ev.data...)
			buf = append(buf, "\n\n"...)
			ended = ended || ev.name == "reload" || (ev.name == "status" && strings.Contains(string(ev.data), `"ended":true`))
		}
		return ended, s.flushLive(w, rc, buf)
	}
	buf = append(buf, "retry: "+strconv.Itoa(liveRetryMillis)+"\n\n"...)
	if err := s.flushLive(w, rc, buf); err != nil {
		return
	}
	if ended, err := send(events); err != nil || ended || (rep.Ended() && since >= rep.StatusSeq) {
		return
	}
	beat := time.NewTicker(liveHeartbeat)
	defer beat.Stop()
	life := time.NewTimer(liveStreamLife)
	defer life.Stop()
	for {
		select {
		case evs := <-sub.ch:
			if ended, err := send(evs); err != nil || ended {
				return
			}
		case <-beat.C:
			if s.flushLive(w, rc, []byte(": ping\n\n")) != nil {
				return
			}
		case <-sub.kick:
			return
		case <-life.C:
			return
		case <-s.live.closing:
			return
		case <-ctx.Done():
			return
		}
	}
}

// flushLive writes b and sends it at once, within a write deadline of its
// own (the server's WriteTimeout would end the stream).
func (s *Site) flushLive(w http.ResponseWriter, rc *http.ResponseController, b []byte) error {
	if len(b) == 0 {
		return nil
	}
	rc.SetWriteDeadline(time.Now().Add(30 * time.Second))
	if _, err := w.Write(b); err != nil {
		return err
	}
	return rc.Flush()
}

// liveChanged wakes the streams of an article whose report may have
// changed (every article write: a live update is one).
func (s *Site) liveChanged(c store.ArticleChange) { s.live.wake(c.ArticleID) }

// --- LiveBlogPosting ---

// liveBlogLD is schema.org LiveBlogPosting: the article's NewsArticle
// fields, its coverage times and its updates (newest first, as shown).
type liveBlogLD struct {
	newsArticleLD
	CoverageStartTime string         `json:"coverageStartTime"`
	CoverageEndTime   string         `json:"coverageEndTime,omitempty"`
	LiveBlogUpdate    []liveUpdateLD `json:"liveBlogUpdate"`
}

type liveUpdateLD struct {
	Type          string `json:"@type"`
	ID            string `json:"@id"`
	URL           string `json:"url"`
	Headline      string `json:"headline"`
	DatePublished string `json:"datePublished"`
	DateModified  string `json:"dateModified"`
	ArticleBody   string `json:"articleBody"`
}

// maxLiveLD bounds the updates the JSON-LD lists.
const maxLiveLD = 50

func buildLiveBlogLD(cfg Config, base newsArticleLD, v *liveView) liveBlogLD {
	base.Type = "LiveBlogPosting"
	ld := liveBlogLD{newsArticleLD: base, CoverageStartTime: web.RFC3339(v.Report.StartedAt, cfg.Location),
		CoverageEndTime: web.RFC3339(v.Report.EndedAt, cfg.Location), LiveBlogUpdate: []liveUpdateLD{}}
	page := domain.ArticleURL(cfg.BaseURL, v.Slug)
	for i, u := range v.Updates {
		if i == maxLiveLD {
			break
		}
		text := plainText(u.BodyHTML)
		headline := u.Title
		if headline == "" {
			headline = domain.Truncate(text, 110)
		}
		anchor := page + "#pembaruan-" + strconv.FormatInt(u.ID, 10)
		ld.LiveBlogUpdate = append(ld.LiveBlogUpdate, liveUpdateLD{Type: "BlogPosting", ID: anchor, URL: anchor,
			Headline: headline, DatePublished: web.RFC3339(u.CreatedAt, cfg.Location),
			DateModified: web.RFC3339(u.UpdatedAt, cfg.Location), ArticleBody: text})
	}
	return ld
}

// plainText is the text of sanitised HTML, whitespace folded.
func plainText(h string) string {
	z := nethtml.NewTokenizer(strings.NewReader(h))
	var b strings.Builder
	for {
		switch z.Next() {
		case nethtml.ErrorToken:
			return strings.Join(strings.Fields(b.String()), " ")
		case nethtml.TextToken:
			b.Write(z.Text())
		case nethtml.StartTagToken, nethtml.EndTagToken, nethtml.SelfClosingTagToken:
			b.WriteByte(' ')
		}
	}
}
