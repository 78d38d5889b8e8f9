package store

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
)

// Several Warta processes may share one PostgreSQL database. Each keeps
// short-lived in-memory caches, which it drops at once on its own writes;
// to drop them on the other processes' writes too, every cache-relevant
// write sends a PostgreSQL notification (NOTIFY) and every process listens
// for them (Listen). On SQLite one process owns the file, so both are no-ops.
//
// A notification's payload is "<origin> <what>": origin is a random id of
// the sending Store (so a process skips its own notifications, which it has
// already acted on), what is free text such as "a:42:published" for an
// article write.

// NotifyChannel is the PostgreSQL channel Warta's change notifications go
// to when its tables live in the "public" schema. Tables in another schema
// (several sites in one database, or tests) get a channel of their own,
// "warta_changes.<schema>", so sites never wake each other.
const NotifyChannel = "warta_changes"

// ResyncPayload is what Listen hands its callback after it reconnected:
// notifications may have been missed meanwhile, so drop everything.
const ResyncPayload = "*:resync"

// PageOnlyKind is the kind an article write's notification names when
// only the article's own page changed (ArticleChange.PageOnly):
// "a:42:page".
const PageOnlyKind = "page"

// maxPayload keeps payloads well under PostgreSQL's 8000-byte limit.
const maxPayload = 1000

// notifyState is the Store's share of cross-process notification.
type notifyState struct {
	dsn     string // for Listen's dedicated connection
	channel string
	origin  string // random per Store: "this process"
}

// setupNotify prepares notifications on PostgreSQL: it remembers the DSN,
// picks the channel for the current schema and registers the in-transaction
// hook that announces every article write.
func (s *Store) setupNotify(ctx context.Context, dsn string) error {
	if s.dialect != Postgres {
		return nil
	}
	var b [8]byte
	rand.Read(b[:])
	var schema sql.NullString
	if err := s.w.QueryRowContext(ctx, "SELECT current_schema()").Scan(&schema); err != nil {
		return fmt.Errorf("notify: current schema: %w", err)
	}
	s.notify = notifyState{dsn: dsn, channel: channelFor(schema.String), origin: hex.EncodeToString(b[:])}
	s.OnArticleWrite(func(ctx context.Context, tx *sql.Tx, c ArticleChange) error {
		// Inside the writing transaction: PostgreSQL delivers it on commit
		// only, and drops it on rollback. Identical payloads within one
		// transaction are folded into one.
		kind := c.Kind
		if c.PageOnly {
			kind = PageOnlyKind
		}
		if err := s.notifyOn(ctx, tx, "a:"+strconv.FormatInt(c.ArticleID, 10)+":"+kind); err != nil {
			return fmt.Errorf("notify: %w", err)
		}
		return nil
	})
	return nil
}

// channelFor names the notification channel for tables in schema.
func channelFor(schema string) string {
	if schema == "" || schema == "public" {
		return NotifyChannel
	}
	ch := NotifyChannel + "." + schema
	if len(ch) > 63 { // PostgreSQL identifiers: 63 bytes
		sum := sha256.Sum256([]byte(schema))
		ch = NotifyChannel + "." + hex.EncodeToString(sum[:12])
	}
	return ch
}

// Notify tells the other Warta processes over this database that something
// their caches may hold has changed (a reaction, a comment, a vote, a
// moderation decision); payload says what, e.g. "c:42" — the listeners on
// the other side drop their caches whatever it says. Outside a transaction
// it is delivered at once. On SQLite it does nothing.
func (s *Store) Notify(ctx context.Context, payload string) error {
	if s.dialect != Postgres {
		return nil
	}
	if err := s.notifyOn(ctx, s.w, payload); err != nil {
		return fmt.Errorf("notify: %w", err)
	}
	return nil
}

func (s *Store) notifyOn(ctx context.Context, ex execer, payload string) error {
	if len(payload) > maxPayload {
		payload = payload[:maxPayload]
	}
	_, err := ex.ExecContext(ctx, "SELECT pg_notify($1, $2)", s.notify.channel, s.notify.origin+" "+payload)
	return err
}

// Listen calls fn with the payload of every change notification another
// Warta process sends over this database (its own are skipped: it has acted
// on them already), until ctx is cancelled. It keeps a dedicated connection
// for it, reconnecting with backoff when that drops; after a reconnect it
// calls fn(ResyncPayload), since notifications sent meanwhile are lost.
// fn runs in Listen's goroutine: keep it quick. On SQLite, where one process
// owns the database, Listen returns at once.
func (s *Store) Listen(ctx context.Context, fn func(payload string)) {
	if s.dialect != Postgres || fn == nil {
		return
	}
	const minBackoff, maxBackoff = 250 * time.Millisecond, 30 * time.Second
	backoff := minBackoff
	connected := false
	for ctx.Err() == nil {
		err := s.listenOnce(ctx, func() {
			if connected {
				fn(ResyncPayload)
			}
			connected = true
			backoff = minBackoff
		}, fn)
		if ctx.Err() != nil {
			return
		}
		s.logger().Warn("change notifications interrupted; reconnecting", "err", err, "retry_in", backoff)
		select {
		case <-ctx.Done():
			return
		case <-time.After(backoff):
		}
		backoff = min(2*backoff, maxBackoff)
	}
}

// listenOnce holds one listening connection until it fails or ctx ends.
// ready runs once LISTEN took effect.
func (s *Store) listenOnce(ctx context.Context, ready func(), fn func(payload string)) error {
	cctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	conn, err := pgx.Connect(cctx, s.notify.dsn)
	cancel()
	if err != nil {
		return fmt.Errorf("connect: %w", err)
	}
	defer func() {
		cctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		conn.Close(cctx)
		cancel()
	}()
	if _, err := conn.Exec(ctx, "LISTEN "+pgx.Identifier{s.notify.channel}.Sanitize()); err != nil {
		return fmt.Errorf("listen: %w", err)
	}
	ready()
	prefix := s.notify.origin + " "
	const idle = 30 * time.Second // check a quiet connection is still alive
	for {
		wctx, cancel := context.WithTimeout(ctx, idle)
		n, err := conn.WaitForNotification(wctx)
		cancel()
		switch {
		case err == nil:
			if strings.HasPrefix(n.Payload, prefix) {
				continue // our own write: already acted on
			}
			if _, what, ok := strings.Cut(n.Payload, " "); ok {
				fn(what)
			} else {
				fn(n.Payload)
			}
		case ctx.Err() != nil:
			return ctx.Err()
		case errors.Is(err, context.DeadlineExceeded) && !conn.IsClosed():
			pctx, cancel := context.WithTimeout(ctx, 5*time.Second)
			err := conn.Ping(pctx)
			cancel()
			if err != nil && ctx.Err() == nil {
				return fmt.Errorf("ping: %w", err)
			}
		default:
			return err
		}
	}
}
