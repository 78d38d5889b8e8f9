// Package store is Warta's only way to the database. The same SQL serves
// SQLite and PostgreSQL: queries are written with ? placeholders and rebound
// for PostgreSQL; the few real differences live in dialect.go and in the
// per-engine migration files.
package store

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"
	_ "modernc.org/sqlite" // registers the "sqlite" driver (pure Go)
)

//go:embed migrations
var migrationsFS embed.FS

// Dialect names the database engine behind a Store.
type Dialect string

// The supported engines.
const (
	SQLite   Dialect = "sqlite"
	Postgres Dialect = "postgres"
)

// Store reads and writes Warta's data. SQLite gets a single-connection writer
// beside a read pool, so writers queue in Go instead of failing with
// "database is locked"; PostgreSQL uses one pool for both.
type Store struct {
	dialect Dialect
	w       *sql.DB // writes (one connection on SQLite)
	r       *readDB // reads, with prepared statements cached on SQLite
	now     func() time.Time
	hooks   changeHooks
	ws      writeStmts
	notify  notifyState // cross-process change notifications (notify.go)
	log     atomic.Pointer[slog.Logger]
	applied []string // migrations the last Migrate applied
	// seekOffset is where deep pages start to be sought (SeekOffset; a
	// test lowers it to see the plans on a few articles).
	seekOffset int
	// rangeMax is the most stories of a search's date range it reads to
	// bound the match (ScatteredRangeMax; a test lowers it).
	rangeMax int
}

// SetLogger makes the store log through l (the server's configured logger:
// its format and level) instead of slog's default.
func (s *Store) SetLogger(l *slog.Logger) { s.log.Store(l) }

func (s *Store) logger() *slog.Logger {
	if l := s.log.Load(); l != nil {
		return l
	}
	return slog.Default()
}

// IsPostgres reports whether dsn names a PostgreSQL database.
func IsPostgres(dsn string) bool {
	return strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://")
}

// Open connects to the database named by dsn: a postgres:// URL, or else a
// SQLite file path. It checks that the database answers.
func Open(ctx context.Context, dsn string) (*Store, error) {
	s := &Store{now: time.Now, seekOffset: SeekOffset, rangeMax: ScatteredRangeMax}
	if IsPostgres(dsn) {
		s.dialect = Postgres
		cfg, err := pgx.ParseConfig(dsn)
		if err != nil {
			return nil, fmt.Errorf("open postgres: %w", err)
		}
		// No parallel plans in Warta's sessions (unless the URL sets
		// max_parallel_workers_per_gather): every read is a bounded index
		// range (issue 11), and starting two workers cost more than the
		// whole query; a rare-word search at 1M took 45 ms in Gather Merge
		// for one row found in 0.2 ms. Sent with the connection's start-up
		// message, no round trip more.
		if _, set := cfg.RuntimeParams["max_parallel_workers_per_gather"]; !set {
			cfg.RuntimeParams["max_parallel_workers_per_gather"] = "0"
		}
		db := stdlib.OpenDB(*cfg)
		db.SetMaxOpenConns(max(8, 4*runtime.NumCPU()))
		db.SetMaxIdleConns(max(8, 4*runtime.NumCPU()))
		db.SetConnMaxIdleTime(5 * time.Minute)
		s.w, s.r = db, newReadDB(db, false, max(8, 4*runtime.NumCPU()))
	} else {
		s.dialect = SQLite
		if dsn == "" {
			return nil, errors.New("open sqlite: empty database path")
		}
		if dir := filepath.Dir(dsn); dir != "." {
			if st, err := os.Stat(dir); err != nil || !st.IsDir() {
				return nil, fmt.Errorf("open sqlite %q: folder %q does not exist", dsn, dir)
			}
		}
		// WAL lets readers run beside the writer; synchronous=NORMAL in WAL
		// mode survives a killed process (only power loss can drop the last
		// commits). _txlock=immediate takes the write lock at BEGIN so
		// transactions never fail half-way with SQLITE_BUSY.
		base := "file:" + (&url.URL{Path: dsn}).EscapedPath()
		pragmas := "_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)&_pragma=foreign_keys(1)&_time_format=sqlite"
		w, err := sql.Open("sqlite", base+"?"+pragmas+"&_txlock=immediate")
		if err != nil {
			return nil, fmt.Errorf("open sqlite: %w", err)
		}
		w.SetMaxOpenConns(1)
		w.SetMaxIdleConns(1)
		w.SetConnMaxLifetime(0)
		w.SetConnMaxIdleTime(0)
		r, err := sql.Open("sqlite", base+"?"+pragmas+"&_pragma=query_only(1)")
		if err != nil {
			w.Close()
			return nil, fmt.Errorf("open sqlite: %w", err)
		}
		n := max(4, 2*runtime.NumCPU())
		r.SetMaxOpenConns(n)
		r.SetMaxIdleConns(n)
		r.SetConnMaxIdleTime(0)
		r.SetConnMaxLifetime(0)
		s.w, s.r = w, newReadDB(r, true, n)
	}
	pctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	if err := s.w.PingContext(pctx); err != nil {
		s.Close()
		return nil, fmt.Errorf("database %s does not answer: %w", redact(dsn), err)
	}
	if s.dialect == SQLite {
		// Creating the file and switching to WAL needs a write; do it once
		// through the writer so read connections find the WAL database.
		if _, err := s.w.ExecContext(pctx, "PRAGMA user_version"); err != nil {
			s.Close()
			return nil, fmt.Errorf("open sqlite %s: %w", dsn, err)
		}
	}
	s.registerSearchHooks()
	s.registerListingHooks()
	if err := s.setupNotify(pctx, dsn); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// redact hides a password in a connection URL for error messages.
func redact(dsn string) string {
	u, err := url.Parse(dsn)
	if err != nil || u.User == nil {
		return dsn
	}
	if _, ok := u.User.Password(); ok {
		u.User = url.UserPassword(u.User.Username(), "xxxxx")
	}
	return u.String()
}

// Dialect tells which engine this store talks to.
func (s *Store) Dialect() Dialect { return s.dialect }

// SetClock replaces the store's clock (tests use it to travel in time).
func (s *Store) SetClock(now func() time.Time) { s.now = now }

// Now is the store's current time, in UTC and at PostgreSQL's precision.
func (s *Store) Now() time.Time { return dbTime(s.now()) }

// Close releases all connections and returns once each is closed.
// database/sql closes a connection still in use when it comes back, and a
// query cancelled with its context gives its connection back a moment after
// the call returned; waiting for them means nothing holds the database's
// files (SQLite's -wal and -shm) once Close returns.
func (s *Store) Close() error {
	var pools []*sql.DB
	if s.w != nil {
		pools = append(pools, s.w)
	}
	if s.r != nil && s.r.DB != s.w {
		pools = append(pools, s.r.DB)
	}
	var err error
	for _, db := range pools {
		err = errors.Join(err, db.Close())
	}
	for deadline := time.Now().Add(closeWait); time.Now().Before(deadline); time.Sleep(time.Millisecond) {
		open := 0
		for _, db := range pools {
			open += db.Stats().OpenConnections
		}
		if open == 0 {
			break
		}
	}
	return err
}

// closeWait bounds how long Close waits for connections still in use: a
// query that ignores its cancelled context is left to finish on its own.
const closeWait = 10 * time.Second

// Ping checks that the database answers.
func (s *Store) Ping(ctx context.Context) error {
	var one int
	return s.r.QueryRowContext(ctx, "SELECT 1").Scan(&one)
}

// dbTime normalises a time for storage: UTC, microseconds.
func dbTime(t time.Time) time.Time { return t.UTC().Truncate(time.Microsecond) }

// nullTime stores the zero time as NULL.
func nullTime(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return dbTime(t)
}

// nullID stores 0 as NULL.
func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

// q rewrites ? placeholders to $1, $2, ... for PostgreSQL. Queries never hold
// a literal '?' inside strings, so a plain scan is enough.
func (s *Store) q(query string) string {
	if s.dialect != Postgres || !strings.Contains(query, "?") {
		return query
	}
	var b strings.Builder
	b.Grow(len(query) + 16)
	n := 0
	for i := 0; i < len(query); i++ {
		if query[i] == '?' {
			n++
			b.WriteByte('$')
			b.WriteString(strconv.Itoa(n))
			continue
		}
		b.WriteByte(query[i])
	}
	return b.String()
}

// Tx runs fn in a write transaction and commits when fn returns nil.
func (s *Store) Tx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	return nil
}

// insertID runs an INSERT and returns the new row's id. PostgreSQL has no
// LastInsertId, so both engines use RETURNING (SQLite >= 3.35).
func (s *Store) insertID(ctx context.Context, ex execer, query string, args ...any) (int64, error) {
	var id int64
	err := ex.QueryRowContext(ctx, s.q(query+" RETURNING id"), args...).Scan(&id)
	return id, err
}

type execer interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// Migrate applies the embedded migrations that have not run yet, each in its
// own transaction. On PostgreSQL an advisory lock keeps several starting
// processes from migrating at once. Then it prepares the hot write
// statements. It does not refresh the planner's statistics: the server
// calls Optimize in the background once started (internal/app), so that a
// big database answers its first request at once.
//
// The one exception: on SQLite, an index that a migration just added to an
// analysed table is analysed at once (analyzeNewIndexes), because until it
// has statistics the planner trusts it blindly. At 100,000 articles the
// newsroom-list indexes of migration 0130 made the home page take 5.7 s and
// a channel page 6 s (each channel's newest stories read through
// articles_category_updated and sorted) until the background Optimize ran.
func (s *Store) Migrate(ctx context.Context) error {
	if err := s.migrate(ctx); err != nil {
		return err
	}
	if len(s.applied) > 0 {
		if err := s.analyzeNewIndexes(ctx); err != nil {
			return err
		}
	}
	// A database analysed before Warta kept its statistics to sqlite_stat1
	// (or by another tool), or just now by analyzeNewIndexes, may hold
	// samples: drop them before planning.
	if dropped, err := s.dropSamples(ctx); err != nil {
		return err
	} else if dropped {
		s.r.renew()
	}
	return s.prepareHot(ctx)
}

// dropSamples empties sqlite_stat4 after SQLite gathered statistics, and
// says whether it held anything. SQLite (built with SQLITE_ENABLE_STAT4, as
// modernc.org/sqlite is) plans a statement with the values bound to its
// parameters when it has samples for the index they constrain, and then
// marks the statement expired whenever a parameter gets a new value: every
// run of a cached prepared statement parsed and planned it again. On the
// scale archives that re-preparing was 20–45 % of a page's CPU (home 9.6
// → 5.5 ms, article 2.75 → 2.03 ms, the sitemap index 1.65 → 0.60 ms at 1k;
// docs/performance.md), and no page planned worse without the samples:
// sqlite_stat1 (rows per index prefix) is what the planner needs here.
func (s *Store) dropSamples(ctx context.Context) (bool, error) {
	if s.dialect != SQLite {
		return false, nil
	}
	var n int
	if err := s.w.QueryRowContext(ctx, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'sqlite_stat4'").Scan(&n); err != nil {
		return false, fmt.Errorf("planner samples: %w", err)
	}
	if n == 0 {
		return false, nil
	}
	res, err := s.w.ExecContext(ctx, "DELETE FROM sqlite_stat4")
	if err != nil {
		return false, fmt.Errorf("planner samples: %w", err)
	}
	rows, _ := res.RowsAffected()
	return rows > 0, nil
}

// analyzeNewIndexes runs ANALYZE on each SQLite index that has no
// statistics although its table has (an index added since the last
// ANALYZE). ANALYZE of one index reads only that index: seconds at a
// million rows, instead of the whole database.
func (s *Store) analyzeNewIndexes(ctx context.Context) error {
	if s.dialect != SQLite {
		return nil
	}
	var hasStats int
	if err := s.w.QueryRowContext(ctx, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'sqlite_stat1'").Scan(&hasStats); err != nil {
		return fmt.Errorf("new index statistics: %w", err)
	}
	if hasStats == 0 {
		return nil // never analysed: Optimize analyses everything later
	}
	// On the writer: a read connection opened now would keep the old
	// statistics (see renew).
	names, err := columnOn[string](ctx, s.w, "new index statistics", `SELECT m.name FROM sqlite_master m
		WHERE m.type = 'index' AND m.sql IS NOT NULL
		AND EXISTS (SELECT 1 FROM sqlite_stat1 t WHERE t.tbl = m.tbl_name)
		AND NOT EXISTS (SELECT 1 FROM sqlite_stat1 t WHERE t.idx = m.name) ORDER BY m.name`)
	if err != nil {
		return err
	}
	for _, n := range names {
		if _, err := s.w.ExecContext(ctx, `ANALYZE "`+strings.ReplaceAll(n, `"`, `""`)+`"`); err != nil {
			return fmt.Errorf("analyze %s: %w", n, err)
		}
	}
	if len(names) > 0 { // Migrate drops the samples ANALYZE wrote
		s.r.renew()
	}
	return nil
}

// Optimize refreshes the query planner's statistics where tables changed a
// lot. Without statistics SQLite may drive a query from the wrong table:
// at 200,000 articles an article's API answer took 200 ms instead of 0.3 ms.
// Call it after start-up, in the background, and every few hours;
// PostgreSQL's autovacuum does this itself.
//
// It reads every index whole: on a never-analysed database of 1,000,000
// articles and 10,000,000 comments that took 81 s, which is why it no longer
// runs before the first request. Sampling (PRAGMA analysis_limit) was tried
// and dropped: at 100,000 articles it recorded 975,840 rows for the
// articles table and 25,001 per status, and the home page's headline query
// then walked every published article (640 ms).
func (s *Store) Optimize(ctx context.Context) error {
	if s.dialect != SQLite {
		return nil
	}
	// 0x10002 also analyses tables that were never analysed.
	if _, err := s.w.ExecContext(ctx, "PRAGMA optimize=0x10002"); err != nil {
		return fmt.Errorf("optimize: %w", err)
	}
	return s.statisticsChanged(ctx)
}

// statisticsChanged follows a statistics run on SQLite: it drops the
// planner samples it wrote (dropSamples) and the prepared read statements,
// whose plans were made with the old statistics (renew).
func (s *Store) statisticsChanged(ctx context.Context) error {
	if _, err := s.dropSamples(ctx); err != nil {
		return err
	}
	s.r.renew()
	return nil
}

type migration struct {
	version int
	name    string
}

// migrations lists the embedded migrations of one engine in order.
func migrations(d Dialect) ([]migration, error) {
	dir := "migrations/" + string(d)
	entries, err := fs.ReadDir(migrationsFS, dir)
	if err != nil {
		return nil, fmt.Errorf("migrate: %w", err)
	}
	var migs []migration
	for _, e := range entries {
		name := e.Name()
		if !strings.HasSuffix(name, ".sql") {
			continue
		}
		num, _, _ := strings.Cut(name, "_")
		v, err := strconv.Atoi(num)
		if err != nil {
			return nil, fmt.Errorf("migrate: bad migration file name %q", name)
		}
		migs = append(migs, migration{v, name})
	}
	sort.Slice(migs, func(i, j int) bool { return migs[i].version < migs[j].version })
	return migs, nil
}

// LatestMigration is the newest schema version this binary knows.
func LatestMigration() int {
	migs, err := migrations(SQLite)
	if err != nil || len(migs) == 0 {
		return 0
	}
	return migs[len(migs)-1].version
}

// MigrationsApplied names the migrations the last Migrate applied (none
// when the database was already up to date).
func (s *Store) MigrationsApplied() []string { return s.applied }

func (s *Store) migrate(ctx context.Context) error {
	dir := "migrations/" + string(s.dialect)
	migs, err := migrations(s.dialect)
	if err != nil {
		return err
	}
	known := map[int]bool{}
	for _, m := range migs {
		known[m.version] = true
	}

	conn, err := s.w.Conn(ctx)
	if err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	defer conn.Close()
	if s.dialect == Postgres {
		if _, err := conn.ExecContext(ctx, "SELECT pg_advisory_lock(7240001)"); err != nil {
			return fmt.Errorf("migrate: lock: %w", err)
		}
		defer conn.ExecContext(context.WithoutCancel(ctx), "SELECT pg_advisory_unlock(7240001)")
	}
	if _, err := conn.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`); err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	applied := map[int]bool{}
	rows, err := conn.QueryContext(ctx, "SELECT version, name FROM schema_migrations ORDER BY version")
	if err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	var unknown []string
	newest := 0
	for rows.Next() {
		var v int
		var name string
		if err := rows.Scan(&v, &name); err != nil {
			rows.Close()
			return fmt.Errorf("migrate: %w", err)
		}
		applied[v] = true
		if !known[v] {
			unknown = append(unknown, name)
			newest = max(newest, v)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	// A database migrated by a newer Warta has tables and columns this
	// binary does not know to keep up: serving it could lose or corrupt
	// what the newer version writes, so refuse and name both versions.
	if len(unknown) > 0 {
		return fmt.Errorf("the database has schema %d (%s), newer than this warta binary, which knows schema %d: run the newer warta (see `warta version`)",
			newest, strings.Join(unknown, ", "), migs[len(migs)-1].version)
	}
	s.applied = nil
	for _, m := range migs {
		if applied[m.version] {
			continue
		}
		body, err := migrationsFS.ReadFile(dir + "/" + m.name)
		if err != nil {
			return fmt.Errorf("migrate %s: %w", m.name, err)
		}
		tx, err := conn.BeginTx(ctx, nil)
		if err != nil {
			return fmt.Errorf("migrate %s: %w", m.name, err)
		}
		if _, err := tx.ExecContext(ctx, string(body)); err != nil {
			tx.Rollback()
			return fmt.Errorf("migrate %s: %w", m.name, err)
		}
		if _, err := tx.ExecContext(ctx, s.q("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)"),
			m.version, m.name, time.Now().UTC().Format(time.RFC3339)); err != nil {
			tx.Rollback()
			return fmt.Errorf("migrate %s: %w", m.name, err)
		}
		if err := tx.Commit(); err != nil {
			return fmt.Errorf("migrate %s: %w", m.name, err)
		}
		s.applied = append(s.applied, m.name)
	}
	return nil
}

// Exclusive runs fn while holding a lock named by key across every process
// over this database (a PostgreSQL advisory lock on a connection of its
// own), so work such as seeding an empty database runs once even when
// several processes start together. On SQLite one process owns the file
// and fn just runs.
func (s *Store) Exclusive(ctx context.Context, key int64, fn func() error) error {
	if s.dialect != Postgres {
		return fn()
	}
	conn, err := s.w.Conn(ctx)
	if err != nil {
		return fmt.Errorf("lock: %w", err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "SELECT pg_advisory_lock($1)", key); err != nil {
		return fmt.Errorf("lock: %w", err)
	}
	defer conn.ExecContext(context.WithoutCancel(ctx), "SELECT pg_advisory_unlock($1)", key)
	return fn()
}

// Lock keys for Exclusive (the migration lock is 7240001).
const (
	LockDemoSeed int64 = 7240002
)
