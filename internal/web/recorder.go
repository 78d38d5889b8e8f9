package web

import (
	"bytes"
	"net/http"
)

// Recorder holds an answer in memory: its header, its status (200 once a
// body is written without one) and its body. The page cache records pages
// with it; the fast lane's writer is one.
type Recorder struct {
	H      http.Header
	Status int
	Body   bytes.Buffer
}

func (r *Recorder) Header() http.Header { return r.H }

func (r *Recorder) WriteHeader(code int) {
	if r.Status == 0 {
		r.Status = code
	}
}

func (r *Recorder) Write(p []byte) (int, error) {
	if r.Status == 0 {
		r.Status = http.StatusOK
	}
	return r.Body.Write(p)
}
