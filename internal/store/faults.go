package store

// Database faults: which errors mean "the database is not there right now"
// (a PostgreSQL restart or outage, a dropped connection, a full disk), so
// pages answer 503 with Retry-After instead of 500, and reads retry once on
// a connection the server dropped.

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"io"
	"net"
	"strings"
	"syscall"

	"github.com/jackc/pgx/v5/pgconn"
	"modernc.org/sqlite"
)

// SQLite result codes (the low byte of extended codes).
const (
	sqliteFull   = 13 // SQLITE_FULL: disk or quota full
	sqliteIOErr  = 10 // SQLITE_IOERR
	sqliteBusy   = 5  // SQLITE_BUSY (beyond busy_timeout)
	sqliteLocked = 6  // SQLITE_LOCKED
)

// StorageFull reports whether err says the disk (or quota) is full: SQLite's
// SQLITE_FULL, PostgreSQL's disk_full (53100).
func StorageFull(err error) bool {
	var se *sqlite.Error
	if errors.As(err, &se) && se.Code()&0xff == sqliteFull {
		return true
	}
	var pe *pgconn.PgError
	if errors.As(err, &pe) && pe.Code == "53100" {
		return true
	}
	return err != nil && strings.Contains(err.Error(), "database or disk is full")
}

// Unavailable reports whether err says the database cannot be used for
// now, through no fault of the request: it is down, restarting, refusing
// connections, dropped the connection, or its disk is full. Such errors are
// answered 503 with Retry-After.
func Unavailable(err error) bool {
	if err == nil || errors.Is(err, context.Canceled) {
		return false
	}
	if StorageFull(err) || brokenConn(err) {
		return true
	}
	var se *sqlite.Error
	if errors.As(err, &se) {
		switch se.Code() & 0xff {
		case sqliteIOErr, sqliteBusy, sqliteLocked:
			return true
		}
	}
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		switch {
		case strings.HasPrefix(pe.Code, "08"), // connection exception
			strings.HasPrefix(pe.Code, "57P"), // admin/crash shutdown, cannot connect now
			strings.HasPrefix(pe.Code, "53"):  // insufficient resources (too many connections, disk full)
			return true
		}
	}
	var ce *pgconn.ConnectError
	return errors.As(err, &ce) || errors.Is(err, context.DeadlineExceeded)
}

// brokenConn reports whether err says the connection itself failed (the
// server went away or dropped it), so the same query may succeed on
// another connection.
func brokenConn(err error) bool {
	if err == nil {
		return false
	}
	if errors.Is(err, driver.ErrBadConn) || errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) ||
		errors.Is(err, net.ErrClosed) || errors.Is(err, syscall.ECONNRESET) || errors.Is(err, syscall.EPIPE) ||
		errors.Is(err, syscall.ECONNREFUSED) {
		return true
	}
	var ne net.Error
	if errors.As(err, &ne) {
		return true
	}
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		return strings.HasPrefix(pe.Code, "57P") || strings.HasPrefix(pe.Code, "08")
	}
	var ce *pgconn.ConnectError
	if errors.As(err, &ce) {
		return true
	}
	return strings.Contains(err.Error(), "conn closed") || strings.Contains(err.Error(), "connection reset")
}

// dropIdle closes the pool's idle connections. One connection found broken
// almost always means the server dropped them all (a restart, a failover,
// pg_terminate_backend), so the retry gets a fresh connection instead of
// the next dead one.
func dropIdle(db *sql.DB, keep int) {
	db.SetMaxIdleConns(0)
	db.SetMaxIdleConns(keep)
}
