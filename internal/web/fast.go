package web

import (
	"bytes"
	"io"
	"net/http"
	"net/textproto"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// The fast lane (issue 10). Most of what a busy portal serves is a page
// already in the page cache, for a reader with no state of their own. For
// those, net/http's own work is most of the cost: parsing the request into
// a textproto header (canonicalising every name), the response's buffered
// writer and chunk writer, sorting the answer's headers and escaping their
// values, the background read that watches for a closed connection. The
// fast lane answers such a request before net/http sees it: the
// connection's Read parses the request head itself, asks Fast.Hit whether
// the page is in memory, and if so runs the very same handler (every
// middleware: security headers, the view count, the reader's cookie,
// metrics, the log line) with a buffering ResponseWriter, then sends the
// status line, headers and body in one writev.
//
// It is deliberately narrow; anything it does not know leaves the request,
// and the rest of the connection, to net/http: a method other than GET, a
// query string, an escaped or unusual path, HTTP/1.0, a body or any header
// that changes how a request is read or answered (Content-Length,
// Transfer-Encoding, Expect, Upgrade, Connection other than keep-alive,
// Authorization, range and If-Match headers), a malformed or
// over-long head, or a page not in memory. Once a connection has handed a
// request to net/http it stays with net/http (net/http may be reading
// ahead), so pipelined requests are always answered in order.

// Fast configures the fast lane of a Listener.
type Fast struct {
	// Handler is the server's whole handler, as net/http would call it.
	Handler http.Handler
	// Hit reports whether r (a parsed GET without a query) would be answered
	// from memory; only then does the fast lane serve it.
	Hit func(r *http.Request) bool
	// Cached, when set, answers a request for a page held in memory
	// without running Handler at all: it does what the chain does per
	// answer besides sending it (count the view, set the reader's cookie
	// on w) and returns the head the chain sent for the same answer before
	// (recorded by the lane: RecordHead) and the body. It returns nil, and
	// does nothing, when Handler must run. Only requests without
	// If-None-Match or If-Modified-Since are asked (the chain answers 304s).
	Cached func(w http.ResponseWriter, r *http.Request) (*Head, []byte)
	// Answered is told of each answer Cached gave, as the chain would have
	// been (metrics, the log line): r with the pattern the chain's mux
	// matched when the head was recorded, the status, the body's length
	// and when the request was read.
	Answered func(r *http.Request, status, bytes int, start time.Time)
	// The http.Server's timeouts, which the fast lane applies itself while
	// it holds the connection: IdleTimeout between requests, WriteTimeout
	// for an answer, ReadHeaderTimeout for a request head it hands on.
	IdleTimeout, WriteTimeout, ReadHeaderTimeout time.Duration

	served  atomic.Uint64
	heads   atomic.Uint64 // of served: answered by Cached, without the chain
	closing atomic.Bool
	mu      sync.Mutex
	conns   map[*oneWriteConn]struct{} // connections the fast lane holds
}

// Shutdown closes the connections the fast lane holds between requests and
// closes the others after their answer in progress; give it to the
// http.Server's RegisterOnShutdown (net/http does not see these
// connections as idle: it never read a request on them).
func (f *Fast) Shutdown() {
	f.closing.Store(true)
	f.mu.Lock()
	defer f.mu.Unlock()
	for c := range f.conns {
		if c.idle.Load() {
			c.TCPConn.Close()
		}
	}
}

func (f *Fast) hold(c *oneWriteConn) {
	f.mu.Lock()
	if f.conns == nil {
		f.conns = map[*oneWriteConn]struct{}{}
	}
	f.conns[c] = struct{}{}
	f.mu.Unlock()
}

func (f *Fast) release(c *oneWriteConn) {
	f.mu.Lock()
	delete(f.conns, c)
	f.mu.Unlock()
}

// Served is how many requests the fast lane has answered (for /metrics and
// tests).
func (f *Fast) Served() uint64 {
	if f == nil {
		return 0
	}
	return f.served.Load()
}

// ServedWithoutChain is how many of those answers came from Cached,
// without the handler chain (for tests).
func (f *Fast) ServedWithoutChain() uint64 {
	if f == nil {
		return 0
	}
	return f.heads.Load()
}

// maxFastHead is the longest request head the fast lane parses; a longer one
// goes to net/http, whose MaxHeaderBytes applies.
const maxFastHead = 8 << 10

// Close closes the connection and forgets it.
func (c *oneWriteConn) Close() error {
	if c.fast != nil && !c.handedOff {
		c.fast.release(c)
	}
	return c.TCPConn.Close()
}

// Read is the connection's Read: with a fast lane, the fast lane's until
// it hands the connection to net/http.
func (c *oneWriteConn) Read(p []byte) (int, error) {
	if c.fast == nil || c.handedOff && c.in == nil && c.readErr == nil {
		return c.TCPConn.Read(p)
	}
	return c.fastRead(p)
}

// fastRead answers the requests it can and returns the first one it cannot
// (and everything after it) to net/http.
func (c *oneWriteConn) fastRead(p []byte) (int, error) {
	for !c.handedOff {
		if end := bytes.Index(c.in, crlf2); end >= 0 && end+4 <= maxFastHead {
			head := c.in[:end+4]
			served, closeConn := c.serveFast(head)
			if !served {
				c.handOff()
				break
			}
			c.in = c.in[len(head):]
			if closeConn {
				c.TCPConn.Close()
				return 0, io.EOF // net/http closes the connection quietly
			}
			continue
		}
		if len(c.in) >= maxFastHead || bareLF(c.in) {
			c.handOff() // net/http reads heads the fast lane does not
			break
		}
		if len(c.in) > 0 && !c.headTimed && c.fast.ReadHeaderTimeout > 0 && c.fastServed > 0 {
			// The next request has begun and did not come whole: the rest
			// of its head is due within ReadHeaderTimeout, as net/http asks.
			c.readBy = time.Now().Add(c.fast.ReadHeaderTimeout)
			c.TCPConn.SetReadDeadline(c.readBy)
			c.headTimed = true
		}
		if cap(c.inBuf) == 0 {
			c.inBuf = make([]byte, 0, 4096)
		}
		// Keep a partial head at the start of the buffer.
		c.inBuf = append(c.inBuf[:0], c.in...)
		if len(c.inBuf) == cap(c.inBuf) {
			c.inBuf = append(c.inBuf, 0)[:len(c.inBuf)]
		}
		if len(c.in) == 0 && c.fastServed > 0 {
			// Between requests: Shutdown may close the connection now
			// (idle first, then the check, so one of them sees the other).
			c.idle.Store(true)
			if c.fast.closing.Load() {
				c.TCPConn.Close()
				return 0, io.EOF
			}
		}
		n, err := c.TCPConn.Read(c.inBuf[len(c.inBuf):cap(c.inBuf)])
		c.idle.Store(false)
		c.in = c.inBuf[:len(c.inBuf)+n]
		if err != nil {
			if len(c.in) == 0 {
				return 0, err
			}
			c.handOff() // net/http answers the partial head, then sees err
			c.readErr = err
		}
	}
	if len(c.in) > 0 {
		n := copy(p, c.in)
		c.in = c.in[n:]
		return n, nil
	}
	c.in, c.inBuf = nil, nil
	if c.readErr != nil {
		err := c.readErr
		c.readErr = nil
		return 0, err
	}
	return c.TCPConn.Read(p)
}

// bareLF reports whether b holds a line ended by LF alone, which net/http
// accepts and the fast lane does not parse.
func bareLF(b []byte) bool {
	for i, ch := range b {
		if ch == '\n' && (i == 0 || b[i-1] != '\r') {
			return true
		}
	}
	return false
}

// handOff gives the connection to net/http for good, with the deadline its
// first read of a request head would have had.
func (c *oneWriteConn) handOff() {
	c.handedOff = true
	c.fast.release(c)
	if c.fastServed > 0 && c.fast.ReadHeaderTimeout > 0 {
		c.TCPConn.SetReadDeadline(time.Now().Add(c.fast.ReadHeaderTimeout))
	}
}

var crlf2 = []byte("\r\n\r\n")

// serveFast answers one request head from memory, or reports false
// (nothing written) when net/http must; closeConn when the connection is
// to end after the answer.
func (c *oneWriteConn) serveFast(head []byte) (served, closeConn bool) {
	now := time.Now()
	r, ok := c.parseHead(head)
	if !ok {
		return false, false
	}
	w := &c.fw
	var body []byte
	if h, b := c.serveCached(r); h != nil {
		body = b
		c.out = appendCachedHead(c.out[:0], h, c.cw.h["Set-Cookie"], now)
		c.cookie[0] = ""
		r.Pattern = h.pattern
		c.fast.heads.Add(1)
		if c.fast.Answered != nil {
			c.fast.Answered(r, http.StatusOK, len(body), now)
		}
	} else {
		if r = detach(r); !c.fast.Hit(r) {
			return false, false
		}
		w.reset()
		c.fast.Handler.ServeHTTP(w, r)
		if w.Status == 0 {
			w.Status = http.StatusOK
		}
		body = w.answer()
		if w.Status < 200 || w.Status == http.StatusNoContent || w.Status == http.StatusNotModified {
			body = nil
		}
		closeConn = w.H["Connection"] != nil && w.H.Get("Connection") == "close"
		c.out = appendResponseHead(c.out[:0], w.Status, w.H, len(body))
		if w.slot != nil && w.Status == http.StatusOK && w.kept != nil && !conditionalRequest(r) {
			w.slot.record(w.H, r.Pattern)
		}
	}
	if t := c.fast.WriteTimeout; t > 0 && c.writeBy.Sub(now) < t/2 {
		// Moved only when half used up: each move costs a timer update, and
		// an answer still has at least half the timeout to leave.
		c.writeBy = now.Add(t)
		c.TCPConn.SetWriteDeadline(c.writeBy)
	}
	c.fastServed++
	c.fast.served.Add(1) // before the answer leaves: whoever reads it sees the count
	c.vec[0], c.vec[1] = c.out, body
	c.bufs = c.vec[:]
	_, err := c.bufs.WriteTo(c.TCPConn)
	c.vec[0], c.vec[1], c.bufs = nil, nil, nil
	if cap(c.out) > 16<<10 {
		c.out = nil
	}
	if w.Body.Cap() > 256<<10 {
		w.Body = bytes.Buffer{} // do not keep a large buffer per idle connection
	}
	if err != nil {
		return true, true
	}
	if t := c.fast.IdleTimeout; t > 0 && (c.headTimed || c.readBy.Sub(now) < t/2) {
		c.readBy = now.Add(t) // as the write deadline: moved when half used up
		c.TCPConn.SetReadDeadline(c.readBy)
	}
	c.headTimed = false
	return true, closeConn
}

// parseHead parses a request head the fast lane may answer, or reports
// false. It is strict: whatever net/http might read differently is refused.
func (c *oneWriteConn) parseHead(head []byte) (*http.Request, bool) {
	// One copy of the head: the path, the host and every header value are
	// substrings of it, and the values share one backing array.
	hs := string(head)
	line, rest, _ := strings.Cut(hs, "\r\n")
	target, ok := strings.CutPrefix(line, "GET ")
	if !ok {
		return nil, false
	}
	target, ok = strings.CutSuffix(target, " HTTP/1.1")
	if !ok || len(target) == 0 || target[0] != '/' {
		return nil, false
	}
	for i := 0; i < len(target); i++ {
		// No query, no escapes, no fragment, nothing net/url or the mux
		// would treat specially.
		if b := target[i]; b <= ' ' || b >= 0x7f || b == '?' || b == '%' || b == '#' || b == '\\' {
			return nil, false
		}
	}
	// The request, its URL, header map and values are the connection's,
	// reused: Fast.Cached keeps none of them; detach copies them for the
	// handler chain.
	if c.req == nil {
		c.req = new(laneRequest)
		c.hdr = make(http.Header, 16)
	}
	clear(c.hdr)
	h := c.hdr
	if n := strings.Count(rest, "\r\n"); cap(c.vals) < n {
		c.vals = make([]string, n)
	}
	vals := c.vals[:cap(c.vals)]
	host := ""
	for n := 0; len(rest) > 2; n++ { // the head ends with the empty line's CRLF
		var l string
		l, rest, _ = strings.Cut(rest, "\r\n")
		colon := strings.IndexByte(l, ':')
		if colon <= 0 {
			return nil, false
		}
		name, value := l[:colon], trimOWS(l[colon+1:])
		for i := 0; i < len(name); i++ {
			if !tokenByte(name[i]) {
				return nil, false
			}
		}
		for i := 0; i < len(value); i++ {
			if b := value[i]; b < ' ' && b != '\t' || b == 0x7f {
				return nil, false
			}
		}
		key := canonicalName(name)
		switch key {
		case "Host":
			if host != "" || len(value) == 0 {
				return nil, false
			}
			host = value
			continue
		case "Connection":
			if !strings.EqualFold(value, "keep-alive") {
				return nil, false
			}
		case "Content-Length", "Transfer-Encoding", "Expect", "Upgrade", "Authorization", "Te", "Trailer",
			"If-Match", "If-Unmodified-Since", "If-Range", "Range",
			"Http2-Settings", "Proxy-Connection", "Keep-Alive":
			return nil, false
		}
		vals[n] = value
		if old, ok := h[key]; ok {
			h[key] = append(old, value) // a repeated header: its own array
		} else {
			h[key] = vals[n : n+1 : n+1] // capacity 1: a handler's Add copies
		}
	}
	if host == "" {
		return nil, false
	}
	for i := 0; i < len(host); i++ {
		if b := host[i]; b <= ' ' || b >= 0x7f || b == '/' || b == '@' {
			return nil, false
		}
	}
	if c.remote == "" {
		c.remote = c.TCPConn.RemoteAddr().String()
	}
	// No context: r.Context() is Background (what the fast lane serves is
	// held in memory, there is nothing to cancel).
	lr := c.req
	lr.url = url.URL{Path: target}
	lr.Request = http.Request{Method: http.MethodGet, URL: &lr.url, Proto: "HTTP/1.1", ProtoMajor: 1,
		ProtoMinor: 1, Header: h, Host: host, RequestURI: target, RemoteAddr: c.remote, Body: http.NoBody}
	return &lr.Request, true
}

// laneRequest is a request the fast lane parsed, with its URL.
type laneRequest struct {
	http.Request
	url url.URL
}

// detach copies r, parsed into the connection's reused request, for the
// handler chain, which may keep what it is given.
func detach(r *http.Request) *http.Request {
	lr := &laneRequest{Request: *r, url: *r.URL}
	lr.URL, lr.Header = &lr.url, r.Header.Clone()
	return &lr.Request
}

func trimOWS(b string) string {
	for len(b) > 0 && (b[0] == ' ' || b[0] == '\t') {
		b = b[1:]
	}
	for len(b) > 0 && (b[len(b)-1] == ' ' || b[len(b)-1] == '\t') {
		b = b[:len(b)-1]
	}
	return b
}

// tokenByte reports whether b may appear in a header name (RFC 9110 token).
func tokenByte(b byte) bool {
	switch {
	case 'a' <= b && b <= 'z', 'A' <= b && b <= 'Z', '0' <= b && b <= '9':
		return true
	}
	switch b {
	case '!', '#', '$', '%', '&', '\'', '*', '+', '-', '.', '^', '_', '`', '|', '~':
		return true
	}
	return false
}

// commonNames are the header names browsers send, so their canonical form
// is not built per request.
var commonNames = func() map[string]string {
	m := map[string]string{}
	for _, n := range []string{"Host", "User-Agent", "Accept", "Accept-Encoding", "Accept-Language", "Cookie",
		"Connection", "Referer", "Cache-Control", "Pragma", "Upgrade-Insecure-Requests", "Sec-Fetch-Site",
		"Sec-Fetch-Mode", "Sec-Fetch-Dest", "Sec-Fetch-User", "Sec-Ch-Ua", "Sec-Ch-Ua-Mobile",
		"Sec-Ch-Ua-Platform", "Priority", "Dnt", "X-Forwarded-For", "X-Forwarded-Proto", "X-Real-Ip",
		"Forwarded", "Origin"} {
		m[n] = n
	}
	return m
}()

func canonicalName(name string) string {
	if n, ok := commonNames[name]; ok {
		return n
	}
	return textproto.CanonicalMIMEHeaderKey(name)
}

// fastWriter holds a handler's answer for the fast lane; one per
// connection, reused.
type fastWriter struct {
	Recorder
	// kept is a body WriteBody passed whole: sent as it is, not copied
	// (keep is that body while WriteBody writes it; a wrapper that writes
	// other bytes is copied as usual).
	kept, keep []byte
	// slot is where the handler asked for the answer's head to be kept
	// (RecordHead).
	slot *HeadSlot
}

func (w *fastWriter) reset() {
	if w.H == nil {
		w.H = make(http.Header, 16)
	}
	clear(w.H) // reused: no handler keeps an answer's header past its return
	w.Status = 0
	w.Body.Reset()
	w.kept, w.keep, w.slot = nil, nil, nil
}

// answer is the body written.
func (w *fastWriter) answer() []byte {
	if w.kept != nil {
		return w.kept
	}
	return w.Body.Bytes()
}

func (w *fastWriter) Write(p []byte) (int, error) {
	if len(p) > 0 && len(p) == len(w.keep) && &p[0] == &w.keep[0] && w.kept == nil && w.Body.Len() == 0 {
		w.WriteHeader(http.StatusOK)
		w.kept = p
		return len(p), nil
	}
	if w.kept != nil { // a later write: the kept body is copied first
		w.Body.Write(w.kept)
		w.kept = nil
	}
	return w.Recorder.Write(p)
}

// Flush does nothing: the whole answer leaves when the handler returns.
func (w *fastWriter) Flush() {}

// serveCached asks Fast.Cached for the answer to r, with a header that
// has room for one cookie that needs no allocation.
func (c *oneWriteConn) serveCached(r *http.Request) (*Head, []byte) {
	if c.fast.Cached == nil || conditionalRequest(r) {
		return nil, nil
	}
	if c.cw.h == nil || len(c.cw.h) > 1 {
		c.cw.h = make(http.Header, 1)
	}
	c.cw.h["Set-Cookie"] = c.cookie[:0] // Header().Add appends here
	return c.fast.Cached(&c.cw, r)
}

// cachedWriter is the writer Fast.Cached is given: what it sets is the
// reader's cookie (Set-Cookie; other headers are not sent), it writes no
// body (the answer is the recorded head and the body it returns).
type cachedWriter struct{ h http.Header }

func (w *cachedWriter) Header() http.Header { return w.h }

func (w *cachedWriter) Write([]byte) (int, error) { return 0, http.ErrBodyNotAllowed }

func (w *cachedWriter) WriteHeader(int) {}

// conditionalRequest reports whether r asks for a 304 when unchanged.
func conditionalRequest(r *http.Request) bool {
	return r.Header["If-None-Match"] != nil || r.Header["If-Modified-Since"] != nil
}

// Head is the head of an answer as the handler chain sent it, recorded by
// the fast lane: the status line and every header line but Date and
// Set-Cookie (made per answer), and the route the chain's mux matched.
type Head struct {
	lines   []byte
	pattern string
}

// HeadSlot keeps the recorded head of one answer held in memory (one
// representation of a cached page), for Fast.Cached.
type HeadSlot struct{ p atomic.Pointer[Head] }

// Load returns the head recorded, or nil.
func (s *HeadSlot) Load() *Head { return s.p.Load() }

// RecordHead asks the fast lane, when it is running the chain for w, to
// keep in the slot the head the chain sends: when the answer is a 200
// whose body went through WriteBody whole, and the request was not
// conditional. slot is called only then. Use it only for an answer whose
// head is the same for every request that Fast.Cached would answer from
// that slot (the Date and cookies aside).
func RecordHead(w http.ResponseWriter, slot func() *HeadSlot) {
	if fw := fastWriterOf(w); fw != nil {
		fw.slot = slot()
	}
}

func (s *HeadSlot) record(h http.Header, pattern string) {
	if h["Content-Length"] == nil {
		return
	}
	b := appendStatusLine(make([]byte, 0, 1024), http.StatusOK)
	for k, vs := range h {
		if k == "Date" || k == "Set-Cookie" {
			continue
		}
		for _, v := range vs {
			b = appendHeaderLine(b, k, v)
		}
	}
	s.p.Store(&Head{lines: b, pattern: pattern})
}

// appendCachedHead writes a recorded head with the Date and the cookies of
// this answer.
func appendCachedHead(b []byte, h *Head, cookies []string, now time.Time) []byte {
	b = append(b, h.lines...)
	b = appendHeaderLine(b, "Date", Date(now)[0])
	for _, v := range cookies {
		b = appendHeaderLine(b, "Set-Cookie", v)
	}
	return append(b, "\r\n"...)
}

func appendStatusLine(b []byte, status int) []byte {
	b = append(b, "HTTP/1.1 "...)
	b = strconv.AppendInt(b, int64(status), 10)
	b = append(b, ' ')
	b = append(b, http.StatusText(status)...)
	return append(b, "\r\n"...)
}

func appendHeaderLine(b []byte, k, v string) []byte {
	b = append(b, k...)
	b = append(b, ": "...)
	b = appendHeaderValue(b, v)
	return append(b, "\r\n"...)
}

// appendResponseHead writes the status line and header of an answer in
// HTTP/1.1 form, adding Date and Content-Length when the handler set none.
func appendResponseHead(b []byte, status int, h http.Header, n int) []byte {
	b = appendStatusLine(b, status)
	for k, vs := range h {
		for _, v := range vs {
			b = appendHeaderLine(b, k, v)
		}
	}
	if _, ok := h["Date"]; !ok {
		b = appendHeaderLine(b, "Date", Date(time.Now())[0])
	}
	if _, ok := h["Content-Length"]; !ok && status >= 200 && status != http.StatusNoContent && status != http.StatusNotModified {
		b = append(b, "Content-Length: "...)
		b = strconv.AppendInt(b, int64(n), 10)
		b = append(b, "\r\n"...)
	}
	return append(b, "\r\n"...)
}

// appendHeaderValue writes v with CR and LF turned into spaces, as net/http
// does, so no value can split the header.
func appendHeaderValue(b []byte, v string) []byte {
	if strings.IndexByte(v, '\r') < 0 && strings.IndexByte(v, '\n') < 0 { // IndexAny is far slower

		return append(b, v...)
	}
	for i := 0; i < len(v); i++ {
		ch := v[i]
		if ch == '\r' || ch == '\n' {
			ch = ' '
		}
		b = append(b, ch)
	}
	return b
}
