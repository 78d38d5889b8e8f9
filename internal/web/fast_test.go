package web

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// fastServer runs a real http.Server on a FastListener. Paths under /hit
// count as held in memory; each answer says which request it was and
// whether net/http's own connection served it (the fast lane's requests
// carry no net/http server context).
func fastServer(t *testing.T) (addr string, f *Fast) {
	t.Helper()
	var n atomic.Int64
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		lane := "fast"
		if r.Context().Value(http.ServerContextKey) != nil {
			lane = "nethttp"
		}
		switch r.URL.Path {
		case "/hit/inject":
			w.Header().Set("X-Evil", "a\r\nSet-Cookie: x=1")
		case "/hit/close":
			w.Header().Set("Connection", "close")
		}
		body := []byte(fmt.Sprintf("%s %s %s #%d", r.Method, r.URL.RequestURI(), lane, n.Add(1)))
		w.Header().Set("Content-Type", "text/plain")
		if r.Method == http.MethodPost {
			b, _ := io.ReadAll(r.Body)
			body = append(body, " body="+string(b)...)
		}
		WriteBody(w, r, body)
	})
	f = &Fast{Handler: h, Hit: func(r *http.Request) bool { return strings.HasPrefix(r.URL.Path, "/hit") },
		IdleTimeout: 5 * time.Second, WriteTimeout: 5 * time.Second, ReadHeaderTimeout: 5 * time.Second}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	hs := &http.Server{Handler: h, ConnContext: ConnContext, ReadHeaderTimeout: 5 * time.Second}
	go hs.Serve(FastListener(ln, f))
	t.Cleanup(func() { hs.Close() })
	return ln.Addr().String(), f
}

// exchange writes raw bytes on a new connection and reads want answers.
func exchange(t *testing.T, addr, raw string, want int) []string {
	t.Helper()
	c, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	c.SetDeadline(time.Now().Add(5 * time.Second))
	if _, err := io.WriteString(c, raw); err != nil {
		t.Fatal(err)
	}
	br := bufio.NewReader(c)
	var out []string
	var req *http.Request
	if strings.HasPrefix(raw, "HEAD ") {
		req = &http.Request{Method: http.MethodHead}
	}
	for range want {
		resp, err := http.ReadResponse(br, req)
		if err != nil {
			t.Fatalf("reading answer %d of %q: %v", len(out)+1, raw, err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		out = append(out, fmt.Sprintf("%d %s", resp.StatusCode, b))
	}
	return out
}

func TestFastLaneAnswersHitsAndHandsTheRestToNetHTTP(t *testing.T) {
	addr, f := fastServer(t)
	get := func(path string) string { return "GET " + path + " HTTP/1.1\r\nHost: x\r\nUser-Agent: t\r\n\r\n" }

	// Many requests on one kept-alive connection, all from memory.
	var raw strings.Builder
	for range 50 {
		raw.WriteString(get("/hit/a"))
	}
	got := exchange(t, addr, raw.String(), 50)
	for i, g := range got {
		if !strings.HasPrefix(g, "200 GET /hit/a fast #") {
			t.Fatalf("answer %d = %q, want the fast lane's", i, g)
		}
	}
	if f.Served() != 50 {
		t.Fatalf("fast lane served %d, want 50", f.Served())
	}

	// Pipelined: the first request it cannot answer goes to net/http with
	// everything after it, and the answers come back in order.
	got = exchange(t, addr, get("/hit/1")+get("/other")+get("/hit/3"), 3)
	for i, want := range []string{"200 GET /hit/1 fast", "200 GET /other nethttp", "200 GET /hit/3 nethttp"} {
		if !strings.HasPrefix(got[i], want) {
			t.Errorf("pipelined answer %d = %q, want %q…", i, got[i], want)
		}
	}

	// What the fast lane must not read is read by net/http, unchanged.
	before := f.Served()
	for _, tc := range []struct{ name, raw, want string }{
		{"body", "POST /hit/p HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc", "200 POST /hit/p nethttp #"},
		{"chunked", "GET /hit/c HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", "200 GET /hit/c nethttp"},
		{"query", "GET /hit/q?a=1 HTTP/1.1\r\nHost: x\r\n\r\n", "200 GET /hit/q?a=1 nethttp"},
		{"escaped", "GET /hit/%41 HTTP/1.1\r\nHost: x\r\n\r\n", "200 GET /hit/%41 nethttp"},
		{"http/1.0", "GET /hit/o HTTP/1.0\r\nHost: x\r\n\r\n", "200 GET /hit/o nethttp"},
		{"head", "HEAD /hit/h HTTP/1.1\r\nHost: x\r\n\r\n", "200 "},
		{"bare LF", "GET /hit/lf HTTP/1.1\nHost: x\n\n", "200 GET /hit/lf nethttp"},
		{"no host", "GET /hit/nohost HTTP/1.1\r\n\r\n", "400 "},
		{"two hosts", "GET /hit/h2 HTTP/1.1\r\nHost: x\r\nHost: y\r\n\r\n", "400 "},
		{"bad header name", "GET /hit/bad HTTP/1.1\r\nHost: x\r\nBad Name: 1\r\n\r\n", "400 "},
		{"folded header", "GET /hit/fold HTTP/1.1\r\nHost: x\r\nX-A: 1\r\n 2\r\n\r\n", "200 GET /hit/fold nethttp"},
		{"connection close", "GET /hit/cc HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", "200 GET /hit/cc nethttp"},
		{"range", "GET /hit/r HTTP/1.1\r\nHost: x\r\nRange: bytes=0-1\r\n\r\n", "200 GET /hit/r nethttp"},
		{"long head", "GET /hit/long HTTP/1.1\r\nHost: x\r\nX-Pad: " + strings.Repeat("p", 9000) + "\r\n\r\n", "200 GET /hit/long nethttp"},
	} {
		got := exchange(t, addr, tc.raw, 1)
		if !strings.HasPrefix(got[0], tc.want) {
			t.Errorf("%s: %q, want %q…", tc.name, got[0], tc.want)
		}
	}
	if f.Served() != before {
		t.Errorf("fast lane served %d of the requests it must leave to net/http", f.Served()-before)
	}

	// A head that arrives a byte at a time is still answered.
	c, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	c.SetDeadline(time.Now().Add(5 * time.Second))
	for _, b := range []byte(get("/hit/slow")) {
		c.Write([]byte{b})
	}
	resp, err := http.ReadResponse(bufio.NewReader(c), nil)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	if !strings.HasPrefix(string(b), "GET /hit/slow fast") {
		t.Errorf("trickled request: %q", b)
	}
}

func TestFastLaneAnswersAreWellFormed(t *testing.T) {
	addr, _ := fastServer(t)
	// Go's own client, keeping its connections, over many requests.
	client := &http.Client{Timeout: 5 * time.Second}
	for i := range 20 {
		resp, err := client.Get("http://" + addr + "/hit/client")
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 || resp.ContentLength != int64(len(b)) || resp.Header.Get("Date") == "" ||
			resp.Header.Get("Content-Type") != "text/plain" {
			t.Fatalf("request %d: %d, length %d for %d bytes, header %v", i, resp.StatusCode, resp.ContentLength, len(b), resp.Header)
		}
	}
	// A value with CR LF cannot split the header.
	got := exchange(t, addr, "GET /hit/inject HTTP/1.1\r\nHost: x\r\n\r\n", 1)
	if !strings.HasPrefix(got[0], "200 GET /hit/inject fast") {
		t.Fatalf("inject: %q", got[0])
	}
	c, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	c.SetDeadline(time.Now().Add(5 * time.Second))
	io.WriteString(c, "GET /hit/inject HTTP/1.1\r\nHost: x\r\n\r\n")
	resp, err := http.ReadResponse(bufio.NewReader(c), nil)
	if err != nil {
		t.Fatal(err)
	}
	if resp.Header.Get("Set-Cookie") != "" || resp.Header.Get("X-Evil") != "a  Set-Cookie: x=1" {
		t.Errorf("header split: X-Evil %q, Set-Cookie %q", resp.Header.Get("X-Evil"), resp.Header.Get("Set-Cookie"))
	}
	// An answer that closes the connection closes it.
	c2, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer c2.Close()
	c2.SetDeadline(time.Now().Add(5 * time.Second))
	io.WriteString(c2, "GET /hit/close HTTP/1.1\r\nHost: x\r\n\r\nGET /hit/after HTTP/1.1\r\nHost: x\r\n\r\n")
	br := bufio.NewReader(c2)
	resp, err = http.ReadResponse(br, nil)
	if err != nil {
		t.Fatal(err)
	}
	io.ReadAll(resp.Body)
	if _, err := http.ReadResponse(br, nil); err == nil {
		t.Errorf("a second answer came after Connection: close")
	}
}

// Shutdown does not wait for a kept-alive connection the fast lane holds
// between requests (net/http, which never read a request on it, would give
// it five seconds).
func TestFastLaneConnectionsCloseOnShutdown(t *testing.T) {
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("ok")) })
	f := &Fast{Handler: h, Hit: func(*http.Request) bool { return true }}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	hs := &http.Server{Handler: h}
	hs.RegisterOnShutdown(f.Shutdown)
	done := make(chan error, 1)
	go func() { done <- hs.Serve(FastListener(ln, f)) }()
	got := exchange(t, ln.Addr().String(), "GET /a HTTP/1.1\r\nHost: x\r\n\r\n", 1) // closes when done: open another
	if got[0] != "200 ok" {
		t.Fatal(got)
	}
	c, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	io.WriteString(c, "GET /b HTTP/1.1\r\nHost: x\r\n\r\n")
	if resp, err := http.ReadResponse(bufio.NewReader(c), nil); err != nil || resp.StatusCode != 200 {
		t.Fatalf("%v %v", resp, err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Second)
	defer cancel()
	if err := hs.Shutdown(ctx); err != nil {
		t.Fatalf("shutdown with a kept-alive fast-lane connection: %v", err)
	}
	<-done
	c.SetReadDeadline(time.Now().Add(2 * time.Second))
	if _, err := c.Read(make([]byte, 1)); err == nil {
		t.Error("the connection is still open after shutdown")
	}
}

// FuzzFastLaneHead: whatever head the fast lane takes, net/http reads the
// same way (method, path, host, header values, no body, keep-alive), so
// the lane can never answer a request net/http would refuse or read
// differently.
func FuzzFastLaneHead(f *testing.F) {
	for _, s := range []string{
		"GET / HTTP/1.1\r\nHost: x\r\n\r\n",
		"GET /berita/a-b HTTP/1.1\r\nHost: warta.test:8080\r\nUser-Agent: Mozilla/5.0\r\nAccept-Encoding: gzip, br\r\nCookie: a=1\r\nCookie: b=2\r\n\r\n",
		"GET /x HTTP/1.1\r\nhost: x\r\nconnection: Keep-Alive\r\nx-forwarded-for: 1.2.3.4\r\n\r\n",
		"GET /x HTTP/1.1\r\nHost: [::1]:80\r\nX-A:  spaced \t\r\n\r\n",
		"GET /x HTTP/1.1\r\nHost: x\r\nIf-None-Match: \"a\"\r\n\r\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		end := bytes.Index(raw, crlf2)
		if end < 0 {
			return
		}
		head := raw[:end+4]
		c := &oneWriteConn{remote: "192.0.2.1:1234"}
		got, ok := c.parseHead(head)
		if !ok {
			return
		}
		want, err := http.ReadRequest(bufio.NewReader(bytes.NewReader(head)))
		if err != nil {
			t.Fatalf("the fast lane took %q, net/http refuses it: %v", head, err)
		}
		if got.Method != want.Method || got.URL.Path != want.URL.Path || want.URL.RawQuery != "" || got.Host != want.Host ||
			got.RequestURI != want.RequestURI || want.ContentLength != 0 || want.Close || len(want.TransferEncoding) > 0 ||
			want.ProtoMajor != 1 || want.ProtoMinor != 1 {
			t.Fatalf("%q: fast lane %s %q host %q; net/http %s %q?%q host %q length %d close %v", head, got.Method, got.URL.Path,
				got.Host, want.Method, want.URL.Path, want.URL.RawQuery, want.Host, want.ContentLength, want.Close)
		}
		if len(got.Header) != len(want.Header) {
			t.Fatalf("%q: header %v, net/http %v", head, got.Header, want.Header)
		}
		for k, v := range want.Header {
			if !slices.Equal(got.Header[k], v) {
				t.Fatalf("%q: %s = %q, net/http %q", head, k, got.Header[k], v)
			}
		}
	})
}

// A head recorded from the handler's answer serves the next requests
// without the handler: the same status line and headers, with this
// answer's Date and cookie spliced in, pipelined answers in order; a
// conditional request runs the handler.
func TestFastLaneAnswersFromARecordedHead(t *testing.T) {
	var slot HeadSlot
	body := []byte("the page held in memory")
	var ran, cached atomic.Int64
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ran.Add(1)
		w.Header().Set("Content-Type", "text/plain")
		w.Header().Set("Content-Length", fmt.Sprint(len(body)))
		w.Header().Set("X-Page", "held")
		w.Header().Add("Set-Cookie", "new=handler")
		RecordHead(w, func() *HeadSlot { return &slot })
		WriteBody(w, r, body)
	})
	f := &Fast{Handler: h, Hit: func(*http.Request) bool { return true },
		Cached: func(w http.ResponseWriter, r *http.Request) (*Head, []byte) {
			head := slot.Load()
			if head == nil {
				return nil, nil
			}
			cached.Add(1)
			w.Header().Add("Set-Cookie", "new="+r.Header.Get("X-N"))
			return head, body
		}}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	hs := &http.Server{Handler: h, ConnContext: ConnContext}
	go hs.Serve(FastListener(ln, f))
	t.Cleanup(func() { hs.Close() })
	req := func(n int) string { return fmt.Sprintf("GET /p HTTP/1.1\r\nHost: x\r\nX-N: %d\r\n\r\n", n) }
	c, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	c.SetDeadline(time.Now().Add(5 * time.Second))
	io.WriteString(c, req(1)+req(2)+req(3)+"GET /p HTTP/1.1\r\nHost: x\r\nIf-None-Match: \"x\"\r\nX-N: 4\r\n\r\n")
	br := bufio.NewReader(c)
	for i := range 4 {
		resp, err := http.ReadResponse(br, nil)
		if err != nil {
			t.Fatalf("answer %d: %v", i+1, err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		cookie := "new=handler"
		if i == 1 || i == 2 {
			cookie = fmt.Sprintf("new=%d", i+1)
		}
		if resp.StatusCode != 200 || string(b) != string(body) || resp.Header.Get("Content-Type") != "text/plain" ||
			resp.Header.Get("X-Page") != "held" || !slices.Equal(resp.Header.Values("Set-Cookie"), []string{cookie}) ||
			len(resp.Header.Values("Date")) != 1 || len(resp.Header) != 5 {
			t.Errorf("answer %d: %d %q %q, want 200, the page and the cookie %q", i+1, resp.StatusCode, b, resp.Header, cookie)
		}
	}
	if ran.Load() != 2 || cached.Load() != 2 {
		t.Errorf("handler ran %d times, answers from the head %d; want 2 and 2", ran.Load(), cached.Load())
	}
}
