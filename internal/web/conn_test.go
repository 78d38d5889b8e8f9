package web

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"net"
	"net/http"
	"strconv"
	"testing"
)

// Answers written through WriteBody on a Listener connection arrive whole
// and in order, whatever their size against net/http's 4 KiB buffer, on one
// kept-alive connection, for GET and HEAD, and beside answers written the
// ordinary way.
func TestWriteBodyOverListener(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	body := func(n int) []byte {
		b := make([]byte, n)
		for i := range b {
			b[i] = byte('a' + i*7%26)
		}
		return b
	}
	srv := &http.Server{ConnContext: ConnContext, Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n, _ := strconv.Atoi(r.URL.Query().Get("n"))
		b := body(n)
		w.Header().Set("Content-Length", strconv.Itoa(n))
		w.Header().Set("Content-Type", "text/plain")
		if r.URL.Path == "/plain" {
			w.Write(b)
			return
		}
		w.WriteHeader(http.StatusOK)
		WriteBody(w, r, b)
	})}
	go srv.Serve(Listener(ln))
	t.Cleanup(func() { srv.Close() })

	c, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	br := bufio.NewReader(c)
	sizes := []int{0, 1, 3000, 3500, 4096, 4097, 8192, 9000, 26041, 70000, 300000}
	for _, method := range []string{"GET", "HEAD"} {
		for _, path := range []string{"/body", "/plain", "/body"} {
			for _, n := range sizes {
				fmt.Fprintf(c, "%s %s?n=%d HTTP/1.1\r\nHost: x\r\n\r\n", method, path, n)
				req, _ := http.NewRequest(method, path, nil)
				res, err := http.ReadResponse(br, req)
				if err != nil {
					t.Fatalf("%s %s n=%d: %v", method, path, n, err)
				}
				got, err := io.ReadAll(res.Body)
				res.Body.Close()
				if err != nil {
					t.Fatalf("%s %s n=%d: body: %v", method, path, n, err)
				}
				want := body(n)
				if method == "HEAD" {
					want = nil
				}
				if res.StatusCode != 200 || !bytes.Equal(got, want) || res.ContentLength != int64(n) {
					t.Fatalf("%s %s n=%d: status %d, length %d, %d bytes read (want %d)", method, path, n,
						res.StatusCode, res.ContentLength, len(got), len(want))
				}
			}
		}
	}
}
