package web

import (
	"context"
	"net"
	"net/http"
	"sync/atomic"
	"time"
)

// One write per answer (issue 10). net/http buffers an answer's header and
// the start of its body in a 4 KiB buffer per connection: a page larger
// than that leaves in two writes (the full buffer, then the rest), two
// system calls and two TCP segments, each waking the client. A page served
// from memory (the page cache) knows it is about to write its whole body at
// once, so it asks the connection, through WriteBody, to hold the buffer's
// flush and send it together with the rest in one writev. Nothing is held
// past WriteBody: what is still held when it returns goes out then.

// Listener wraps ln so that the HTTP server's connections can send an
// answer in one write (see WriteBody). Give the server ConnContext too.
func Listener(ln net.Listener) net.Listener { return oneWriteListener{Listener: ln} }

// FastListener is Listener with the fast lane (fast.go): requests for pages
// held in memory are answered before net/http parses them.
func FastListener(ln net.Listener, f *Fast) net.Listener {
	return oneWriteListener{Listener: ln, fast: f}
}

type oneWriteListener struct {
	net.Listener
	fast *Fast
}

func (l oneWriteListener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if tc, ok := c.(*net.TCPConn); ok && err == nil {
		oc := &oneWriteConn{TCPConn: tc, fast: l.fast}
		if l.fast != nil {
			l.fast.hold(oc)
		}
		return oc, nil
	}
	return c, err
}

// oneWriteConn is a TCP connection that can hold one write and send it with
// the next. Only the goroutine serving the connection writes to it (HTTP/1),
// so its fields need no lock. Embedding *net.TCPConn keeps ReadFrom
// (sendfile for media files) and CloseWrite.
type oneWriteConn struct {
	*net.TCPConn
	holding bool      // the next write is held (WriteBody is writing)
	held    []byte    // the write held, in buf
	buf     []byte    // reused for the held bytes
	vec     [2][]byte // held and the next write, for writev

	// The fast lane (fast.go); fast is nil without one.
	fast       *Fast
	handedOff  bool   // net/http reads the connection from now on
	in         []byte // read from the socket, not yet answered or handed on
	inBuf      []byte // in's storage
	readErr    error  // a read error to give net/http after in
	fastServed int    // requests answered by the fast lane
	headTimed  bool   // the current head's ReadHeaderTimeout is set
	remote     string // RemoteAddr, formatted once
	out        []byte // an answer's status line and header
	fw         fastWriter
	req        *laneRequest // the request parsed last, reused (parseHead)
	hdr        http.Header  // its header, reused
	vals       []string     // its header values, reused
	cw         cachedWriter // what Fast.Cached writes to
	cookie     [1]string    // the Set-Cookie value of an answer from Fast.Cached
	bufs       net.Buffers  // the answer's writev (a field: no allocation)
	idle       atomic.Bool  // waiting for the next request in the fast lane
	readBy     time.Time    // the read deadline the fast lane set last
	writeBy    time.Time    // the write deadline the fast lane set last
}

func (c *oneWriteConn) Write(p []byte) (int, error) {
	if !c.holding {
		return c.TCPConn.Write(p)
	}
	if c.held == nil {
		// The writer reuses p when this returns: keep a copy.
		c.buf = append(c.buf[:0], p...)
		c.held = c.buf
		return len(p), nil
	}
	c.holding = false
	return c.writeHeld(p)
}

// writeHeld sends the held bytes followed by p in one writev, and returns
// how much of p went out.
func (c *oneWriteConn) writeHeld(p []byte) (int, error) {
	held := len(c.held)
	c.vec[0], c.vec[1] = c.held, p
	c.bufs = c.vec[:]
	if p == nil {
		c.bufs = c.bufs[:1]
	}
	n, err := c.bufs.WriteTo(c.TCPConn)
	c.held, c.vec[0], c.vec[1], c.bufs = nil, nil, nil, nil
	if cap(c.buf) > 64<<10 {
		c.buf = nil // do not keep a large buffer per idle connection
	}
	return max(int(n)-held, 0), err
}

// release stops holding and sends what is still held.
func (c *oneWriteConn) release() error {
	c.holding = false
	if c.held == nil {
		return nil
	}
	_, err := c.writeHeld(nil)
	return err
}

type connKey struct{}

// ConnContext is the http.Server's ConnContext for connections accepted
// through Listener: it lets WriteBody reach the connection.
func ConnContext(ctx context.Context, c net.Conn) context.Context {
	if oc, ok := c.(*oneWriteConn); ok {
		return context.WithValue(ctx, connKey{}, oc)
	}
	return ctx
}

// WriteBody writes body, the whole of an answer whose header is set, and
// flushes it: on a connection from Listener the header and the body leave
// in one write. Elsewhere (tests' recorders, HTTP/2) it is a Write and a
// Flush.
//
// body must not change afterwards (it is a page held in memory): the fast
// lane sends it without copying.
func WriteBody(w http.ResponseWriter, r *http.Request, body []byte) {
	c, _ := r.Context().Value(connKey{}).(*oneWriteConn)
	if c == nil || r.ProtoMajor != 1 {
		if fw := fastWriterOf(w); fw != nil {
			fw.keep = body
			w.Write(body)
			fw.keep = nil
			return
		}
		w.Write(body)
		return
	}
	c.holding = true
	w.Write(body)
	// The rest of a small body is still in net/http's buffer: flushing now
	// sends it with the held part instead of after the handler returns.
	http.NewResponseController(w).Flush()
	c.release()
}

// fastWriterOf finds the fast lane's writer under w's wrappers, or nil.
func fastWriterOf(w http.ResponseWriter) *fastWriter {
	for range 8 {
		switch x := w.(type) {
		case *fastWriter:
			return x
		case interface{ Unwrap() http.ResponseWriter }:
			w = x.Unwrap()
		default:
			return nil
		}
	}
	return nil
}

// Date is the Date header value for now, formatted once a second and
// shared (capacity 1: an Add copies): net/http formats one per answer when
// the handler sets none.
func Date(now time.Time) []string {
	sec := now.Unix()
	if d := date.Load(); d != nil && d.sec == sec {
		return d.val
	}
	v := []string{now.UTC().Format(http.TimeFormat)}
	d := &dateValue{sec: sec, val: v[:1:1]}
	date.Store(d)
	return d.val
}

type dateValue struct {
	sec int64
	val []string
}

var date atomic.Pointer[dateValue]
