// Package web holds what the reader site, the newsroom and the JSON API share
// over HTTP: the error-to-status mapping, JSON envelopes, Indonesian
// formatting and content-hashed static assets.
package web

import (
	"context"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"hash/crc32"
	"log/slog"
	"net/http"
	"strconv"

	"warta/internal/domain"
	"warta/internal/store"
)

// StatusOf maps an error to its HTTP status. It is the only place where
// domain error codes become status codes.
func StatusOf(err error) int {
	switch domain.ErrorCode(err) {
	case domain.ENotFound:
		return http.StatusNotFound
	case domain.EInvalid, domain.ECookieRequired:
		return http.StatusBadRequest
	case domain.EConflict:
		return http.StatusConflict
	case domain.EForbidden:
		return http.StatusForbidden
	case domain.EUnauthorized:
		return http.StatusUnauthorized
	case domain.ETooMany:
		return http.StatusTooManyRequests
	case domain.ETooLarge:
		return http.StatusRequestEntityTooLarge
	}
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		return http.StatusRequestEntityTooLarge
	}
	if store.Unavailable(err) {
		// The database is down, restarting, dropped the connection or its
		// disk is full: not the request's fault, and worth a retry.
		return http.StatusServiceUnavailable
	}
	return http.StatusInternalServerError
}

// UnavailableRetry is the Retry-After, in seconds, of a 503 answered while
// the database cannot be used.
const UnavailableRetry = 5

// UnavailableMessage is what readers and clients are told then.
const UnavailableMessage = "layanan sedang tidak tersedia sebentar (basis data tidak menjawab); coba lagi dalam beberapa detik"

// SetRetryAfter adds Retry-After for rate-limit errors and for a database
// that cannot be used right now.
func SetRetryAfter(w http.ResponseWriter, err error) {
	if StatusOf(err) == http.StatusServiceUnavailable {
		w.Header().Set("Retry-After", strconv.Itoa(UnavailableRetry))
		return
	}
	var e *domain.Error
	if errors.As(err, &e) && e.Code == domain.ETooMany {
		ra := e.RetryAfter
		if ra < 1 {
			ra = 1
		}
		w.Header().Set("Retry-After", strconv.Itoa(ra))
	}
}

// LogError logs err once, at error level for server faults only. A request
// the client gave up on (context canceled) is not a fault.
func LogError(log *slog.Logger, r *http.Request, status int, err error) {
	if errors.Is(err, context.Canceled) && r.Context().Err() != nil {
		log.Debug("client went away", "method", r.Method, "path", r.URL.Path)
		return
	}
	switch {
	case status == http.StatusServiceUnavailable && store.StorageFull(err):
		log.Error("storage full: the database cannot write (free disk space)", "method", r.Method, "path", r.URL.Path,
			"status", status, "err", err)
	case status == http.StatusServiceUnavailable:
		log.Warn("database unavailable", "method", r.Method, "path", r.URL.Path, "status", status, "err", err)
	case status >= 500:
		log.Error("request failed", "method", r.Method, "path", r.URL.Path, "status", status, "err", err)
	}
}

// Envelope is the single JSON shape of the API: data, optional pagination,
// or an error.
type Envelope struct {
	Data       any         `json:"data,omitempty"`
	Pagination *Pagination `json:"pagination,omitempty"`
	Error      *ErrorBody  `json:"error,omitempty"`
}

// Pagination describes the page a list answer holds.
type Pagination struct {
	Page       int `json:"page"`
	Limit      int `json:"limit"`
	Total      int `json:"total"`
	TotalPages int `json:"total_pages"`
	// TotalEstimated says Total is an estimate (long lists are not counted
	// one by one); NextCursor continues the list after this page.
	TotalEstimated bool   `json:"total_estimated,omitempty"`
	NextCursor     string `json:"next_cursor,omitempty"`
}

// NewPagination fills the page count.
func NewPagination(page, limit, total int) *Pagination {
	tp := 0
	if limit > 0 {
		tp = (total + limit - 1) / limit
	}
	return &Pagination{Page: page, Limit: limit, Total: total, TotalPages: tp}
}

// ErrorBody is the API error object.
type ErrorBody struct {
	Message string `json:"message"`
	Code    string `json:"code"`
}

// JSON writes v as a JSON answer with the given status.
func JSON(w http.ResponseWriter, status int, v any) {
	body, err := json.Marshal(v)
	if err != nil {
		status = http.StatusInternalServerError
		body = []byte(`{"error":{"message":"gagal menyusun jawaban","code":"internal"}}`)
	}
	h := w.Header()
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("Content-Length", strconv.Itoa(len(body)+1))
	w.WriteHeader(status)
	w.Write(body)
	w.Write([]byte("\n"))
}

// JSONError writes err as the API error envelope with its status.
func JSONError(w http.ResponseWriter, err error) int {
	status := StatusOf(err)
	SetRetryAfter(w, err)
	code, msg := domain.ErrorCode(err), domain.ErrorMessage(err)
	if status == http.StatusRequestEntityTooLarge && code == domain.EInternal {
		// http.MaxBytesError from a body reader, not a domain error.
		code, msg = domain.ETooLarge, "isi permintaan terlalu besar"
	}
	if status == http.StatusServiceUnavailable {
		code, msg = "unavailable", UnavailableMessage
	}
	JSON(w, status, Envelope{Error: &ErrorBody{Message: msg, Code: code}})
	return status
}

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// ETag is a strong entity-tag from a body: its length and two CRC-32
// checksums (Castagnoli and IEEE, both hardware-accelerated). It only has to
// change when the body changes, it is not a security boundary, and a 50 KB
// page hashes in microseconds where SHA-256 would cost a sizeable share of
// the page's budget.
func ETag(b []byte) string {
	var sum [12]byte
	binary.BigEndian.PutUint32(sum[0:], uint32(len(b)))
	binary.BigEndian.PutUint32(sum[4:], crc32.Checksum(b, castagnoli))
	binary.BigEndian.PutUint32(sum[8:], crc32.ChecksumIEEE(b))
	return `"` + hex.EncodeToString(sum[:]) + `"`
}
