// Package domain holds Warta's core types and error codes. It imports no
// database and no HTTP package, so every adapter (store, site, API, newsroom)
// speaks the same language.
package domain

import (
	"errors"
	"fmt"
)

// Error codes. Adapters turn them into HTTP status codes in exactly one place
// (web.StatusOf).
const (
	ENotFound     = "not_found"
	EInvalid      = "invalid"
	EConflict     = "conflict"
	EForbidden    = "forbidden"
	EUnauthorized = "unauthorized"
	ETooMany      = "too_many_requests"
	ETooLarge     = "too_large"
	EInternal     = "internal"
)

// Error is a domain error whose Message is safe to show to a user.
type Error struct {
	Code    string
	Message string
	// RetryAfter is set on ETooMany errors: seconds until a retry may succeed.
	RetryAfter int
	Err        error // wrapped cause, never shown
}

func (e *Error) Error() string {
	if e.Err != nil {
		return fmt.Sprintf("%s: %s: %v", e.Code, e.Message, e.Err)
	}
	return e.Code + ": " + e.Message
}

func (e *Error) Unwrap() error { return e.Err }

// Sentinel errors for errors.Is checks.
var (
	ErrNotFound  = &Error{Code: ENotFound, Message: "tidak ditemukan"}
	ErrInvalid   = &Error{Code: EInvalid, Message: "masukan tidak valid"}
	ErrConflict  = &Error{Code: EConflict, Message: "konflik"}
	ErrForbidden = &Error{Code: EForbidden, Message: "tidak diizinkan"}
)

// Is lets errors.Is(err, domain.ErrNotFound) match any *Error with that code.
func (e *Error) Is(target error) bool {
	switch target {
	case ErrNotFound, ErrInvalid, ErrConflict, ErrForbidden:
		return target.(*Error).Code == e.Code
	}
	return false
}

// Errorf builds a domain error with a user-facing message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// NotFound is shorthand for Errorf(ENotFound, ...).
func NotFound(format string, args ...any) *Error { return Errorf(ENotFound, format, args...) }

// Invalid is shorthand for Errorf(EInvalid, ...).
func Invalid(format string, args ...any) *Error { return Errorf(EInvalid, format, args...) }

// Conflict is shorthand for Errorf(EConflict, ...).
func Conflict(format string, args ...any) *Error { return Errorf(EConflict, format, args...) }

// Forbidden is shorthand for Errorf(EForbidden, ...).
func Forbidden(format string, args ...any) *Error { return Errorf(EForbidden, format, args...) }

// ErrorCode returns the code of a domain error anywhere in err's chain, or
// EInternal.
func ErrorCode(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return EInternal
}

// ErrorMessage returns the user-facing message of a domain error, or a generic
// one for internal errors so no internal detail leaks.
func ErrorMessage(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Message
	}
	return "terjadi kesalahan pada server"
}
