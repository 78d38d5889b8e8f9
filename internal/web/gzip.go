package web

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"strings"
	"sync"
)

// Gzip compresses b once, for answers that are served many times (cached
// pages, static files). It returns nil when compression does not pay.
func Gzip(b []byte) []byte {
	if len(b) < 512 {
		return nil
	}
	var buf bytes.Buffer
	buf.Grow(len(b) / 3)
	zw, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		return nil
	}
	zw.Write(b)
	if zw.Close() != nil || buf.Len() >= len(b) {
		return nil
	}
	return buf.Bytes()
}

// AcceptsGzip reports whether the client takes gzip (and did not refuse it
// with q=0).
func AcceptsGzip(r *http.Request) bool {
	for rest := r.Header.Get("Accept-Encoding"); rest != ""; {
		var part string
		part, rest, _ = strings.Cut(rest, ",")
		coding, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		if !strings.EqualFold(strings.TrimSpace(coding), "gzip") {
			continue
		}
		q := strings.ReplaceAll(strings.TrimSpace(params), " ", "")
		return q != "q=0" && q != "q=0.0" && q != "q=0.00" && q != "q=0.000"
	}
	return false
}

// GzipETag is the entity-tag of the gzip representation of a body whose
// identity entity-tag is etag.
func GzipETag(etag string) string {
	if strings.HasSuffix(etag, `"`) {
		return etag[:len(etag)-1] + `-gz"`
	}
	return etag
}

var gzipWriters = sync.Pool{New: func() any {
	zw, _ := gzip.NewWriterLevel(io.Discard, gzip.BestSpeed)
	return zw
}}

// CompressWriter wraps w so that an HTML answer is gzipped on the fly for a
// client that accepts gzip. An answer that already carries a
// Content-Encoding (a precompressed cached page) passes through unchanged.
// Call the returned close function when the handler is done.
func CompressWriter(w http.ResponseWriter, r *http.Request) (http.ResponseWriter, func()) {
	if !AcceptsGzip(r) {
		return w, func() {}
	}
	cw := &compressWriter{ResponseWriter: w}
	return cw, cw.close
}

type compressWriter struct {
	http.ResponseWriter
	decided bool
	zw      *gzip.Writer
}

func (c *compressWriter) WriteHeader(code int) {
	if c.decided {
		return
	}
	c.decided = true
	h := c.Header()
	if code != http.StatusNoContent && code != http.StatusNotModified && code >= 200 &&
		h.Get("Content-Encoding") == "" && strings.HasPrefix(h.Get("Content-Type"), "text/html") {
		h.Del("Content-Length")
		h.Set("Content-Encoding", "gzip")
		h.Add("Vary", "Accept-Encoding")
		if etag := h.Get("ETag"); etag != "" {
			h.Set("ETag", GzipETag(etag)) // another representation, another tag
		}
		c.zw = gzipWriters.Get().(*gzip.Writer)
		c.zw.Reset(c.ResponseWriter)
	}
	c.ResponseWriter.WriteHeader(code)
}

func (c *compressWriter) Write(p []byte) (int, error) {
	if !c.decided {
		c.WriteHeader(http.StatusOK)
	}
	if c.zw != nil {
		return c.zw.Write(p)
	}
	return c.ResponseWriter.Write(p)
}

func (c *compressWriter) close() {
	if c.zw != nil {
		c.zw.Close()
		gzipWriters.Put(c.zw)
		c.zw = nil
	}
}

// Unwrap lets http.ResponseController reach the underlying writer.
func (c *compressWriter) Unwrap() http.ResponseWriter { return c.ResponseWriter }
