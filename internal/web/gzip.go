package web

import (
	"bytes"
	"compress/gzip"
	"net/http"
	"strings"
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
	for _, part := range strings.Split(r.Header.Get("Accept-Encoding"), ",") {
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
