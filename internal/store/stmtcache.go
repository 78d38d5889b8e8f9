package store

import (
	"context"
	"database/sql"
	"fmt"
	"sync"
	"sync/atomic"
	"time"
)

// readDB is the read pool with a cache of prepared statements. The pure-Go
// SQLite spends about half of a small query parsing its SQL, so the text of
// each read query is prepared once and reused. pgx already caches statements
// per connection, so PostgreSQL reads go straight through.
type readDB struct {
	*sql.DB
	cache bool
	idle  int // the pool's idle connections, restored after dropIdle

	mu    sync.RWMutex
	stmts map[string]*sql.Stmt

	trace atomic.Pointer[func(query string, args []any)] // see Store.TraceReads
}

// maxCachedStmts bounds the cache; queries beyond it run unprepared.
const maxCachedStmts = 512

func newReadDB(db *sql.DB, cache bool, idle int) *readDB {
	return &readDB{DB: db, cache: cache, idle: idle, stmts: map[string]*sql.Stmt{}}
}

func (r *readDB) stmt(ctx context.Context, query string) *sql.Stmt {
	if !r.cache {
		return nil
	}
	r.mu.RLock()
	st := r.stmts[query]
	r.mu.RUnlock()
	if st != nil {
		return st
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if st = r.stmts[query]; st != nil || len(r.stmts) >= maxCachedStmts {
		return st
	}
	st, err := r.DB.PrepareContext(ctx, query)
	if err != nil {
		return nil // the plain query reports the error
	}
	r.stmts[query] = st
	return st
}

// QueryContext runs a read query through a cached prepared statement. A
// read that fails on a connection the server dropped is retried once, on a
// fresh connection (see dropIdle): reads are safe to repeat.
func (r *readDB) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	if fn := r.trace.Load(); fn != nil {
		(*fn)(query, args)
	}
	rows, err := r.query(ctx, query, args...)
	if err != nil && brokenConn(err) && ctx.Err() == nil {
		dropIdle(r.DB, r.idle)
		rows, err = r.query(ctx, query, args...)
	}
	return rows, err
}

func (r *readDB) query(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	if st := r.stmt(ctx, query); st != nil {
		return st.QueryContext(ctx, args...)
	}
	return r.DB.QueryContext(ctx, query, args...)
}

// QueryRowContext runs a one-row read query through a cached prepared
// statement, retried once like QueryContext.
func (r *readDB) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	if fn := r.trace.Load(); fn != nil {
		(*fn)(query, args)
	}
	row := r.queryRow(ctx, query, args...)
	if err := row.Err(); err != nil && brokenConn(err) && ctx.Err() == nil {
		dropIdle(r.DB, r.idle)
		row = r.queryRow(ctx, query, args...)
	}
	return row
}

func (r *readDB) queryRow(ctx context.Context, query string, args ...any) *sql.Row {
	if st := r.stmt(ctx, query); st != nil {
		return st.QueryRowContext(ctx, args...)
	}
	return r.DB.QueryRowContext(ctx, query, args...)
}

// reset drops the cached statements, so the next queries are planned anew.
func (r *readDB) reset() {
	r.mu.Lock()
	old := r.stmts
	r.stmts = map[string]*sql.Stmt{}
	r.mu.Unlock()
	if len(old) == 0 {
		return
	}
	// A request may have taken one of them from the map a moment ago and
	// not run it yet: closing it now would fail that request ("statement is
	// closed"). Close them once nobody can still be about to use them; a
	// query already running on one finishes either way.
	time.AfterFunc(stmtGrace, func() {
		for _, st := range old {
			st.Close()
		}
	})
}

// stmtGrace is how long dropped statements stay open (see reset).
const stmtGrace = 30 * time.Second

// renew drops the prepared statements and the idle connections, after
// ANALYZE: a SQLite connection reads the planner's statistics when it
// opens, so only statements prepared on fresh connections plan with the
// new ones.
func (r *readDB) renew() {
	r.reset()
	dropIdle(r.DB, r.idle)
}

// Close closes the cached statements and the pool.
func (r *readDB) Close() error {
	r.mu.Lock()
	for _, st := range r.stmts {
		st.Close()
	}
	r.stmts = map[string]*sql.Stmt{}
	r.mu.Unlock()
	return r.DB.Close()
}

// writeStmts holds statements prepared on the SQLite writer connection for
// the hot write paths (reactions, comments, votes, views). Inside a
// transaction, tx.StmtContext reuses the statement already prepared on that
// connection, so these transactions skip parsing their SQL. They are prepared
// right after migrating, while no transaction holds the only writer
// connection (preparing during one would wait for it forever).
type writeStmts struct {
	mu sync.RWMutex
	m  map[string]*sql.Stmt
}

// hotWrites lists the SQL of the hot write paths; hot registers one.
var hotWrites []string

func hot(query string) string {
	hotWrites = append(hotWrites, query)
	return query
}

// prepareHot prepares the hot write statements on SQLite.
func (s *Store) prepareHot(ctx context.Context) error {
	if s.dialect != SQLite {
		return nil
	}
	s.ws.mu.Lock()
	defer s.ws.mu.Unlock()
	if s.ws.m == nil {
		s.ws.m = map[string]*sql.Stmt{}
	}
	for _, q := range hotWrites {
		if s.ws.m[q] != nil {
			continue
		}
		st, err := s.w.PrepareContext(ctx, q)
		if err != nil {
			return fmt.Errorf("prepare %q: %w", q, err)
		}
		s.ws.m[q] = st
	}
	return nil
}

func (s *Store) txStmt(ctx context.Context, tx *sql.Tx, query string) *sql.Stmt {
	if s.dialect != SQLite {
		return nil
	}
	s.ws.mu.RLock()
	st := s.ws.m[query]
	s.ws.mu.RUnlock()
	if st == nil {
		return nil
	}
	return tx.StmtContext(ctx, st)
}

// tExec runs a statement in tx, through a prepared hot statement when there
// is one.
func (s *Store) tExec(ctx context.Context, tx *sql.Tx, query string, args ...any) (sql.Result, error) {
	if st := s.txStmt(ctx, tx, query); st != nil {
		return st.ExecContext(ctx, args...)
	}
	return tx.ExecContext(ctx, s.q(query), args...)
}

// tQueryRow runs a one-row query in tx, through a prepared hot statement
// when there is one.
func (s *Store) tQueryRow(ctx context.Context, tx *sql.Tx, query string, args ...any) *sql.Row {
	if st := s.txStmt(ctx, tx, query); st != nil {
		return st.QueryRowContext(ctx, args...)
	}
	return tx.QueryRowContext(ctx, s.q(query), args...)
}
