// Package backup writes a consistent copy of a whole Warta site (database
// and media folder) into one .tar.gz while the site serves and takes writes,
// and restores such an archive into an empty place.
//
// SQLite: VACUUM INTO copies the database inside one read transaction, so
// the copy is the database as of one instant, while the site's writer goes
// on (WAL mode lets readers and the writer work side by side). PostgreSQL:
// pg_dump (custom format) takes its own snapshot, also without stopping
// writers. The media folder is copied after the database: media files are
// written before the rows that name them and never change (their names are
// content hashes), so every file the copied database names is in the
// archive.
package backup

import (
	"archive/tar"
	"compress/gzip"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"warta/internal/store"
)

// Archive member names.
const (
	manifestName = "MANIFEST.json"
	sqliteName   = "warta.db"
	pgDumpName   = "warta.pgdump"
	mediaPrefix  = "media/"
)

// Manifest describes an archive.
type Manifest struct {
	Format     int              `json:"format"`
	Engine     string           `json:"engine"` // sqlite or postgres
	TakenAt    time.Time        `json:"taken_at"`
	Migrations []int            `json:"migrations"`
	Counts     map[string]int64 `json:"counts"` // rows per table in the copied database
	MediaFiles int              `json:"media_files"`
	MediaBytes int64            `json:"media_bytes"`
}

// Backup writes the site behind dsn (and its media folder, when not empty)
// to the archive at to. The archive is written next to to and renamed into
// place when complete, so a failed backup never leaves a half archive under
// the final name.
func Backup(ctx context.Context, dsn, mediaDir, to string) (Manifest, error) {
	m := Manifest{Format: 1, TakenAt: time.Now().UTC().Truncate(time.Second)}
	tmpDir, err := os.MkdirTemp(filepath.Dir(to), ".warta-backup-")
	if err != nil {
		return m, fmt.Errorf("backup: %w", err)
	}
	defer os.RemoveAll(tmpDir)

	var dbFile, dbMember string
	if store.IsPostgres(dsn) {
		m.Engine = "postgres"
		dbFile, dbMember = filepath.Join(tmpDir, pgDumpName), pgDumpName
		if m.Counts, m.Migrations, err = pgDumpCounted(ctx, dsn, dbFile); err != nil {
			return m, err
		}
	} else {
		m.Engine = "sqlite"
		dbFile, dbMember = filepath.Join(tmpDir, sqliteName), sqliteName
		if err := vacuumInto(ctx, dsn, dbFile); err != nil {
			return m, err
		}
		if m.Counts, m.Migrations, err = countDSN(ctx, dbFile); err != nil {
			return m, err
		}
	}

	part := to + ".part"
	f, err := os.Create(part)
	if err != nil {
		return m, fmt.Errorf("backup: %w", err)
	}
	defer os.Remove(part)
	// BestSpeed: a backup of a 1 GB database should take a couple of
	// minutes, not several; SQLite pages still shrink to about a quarter.
	zw, _ := gzip.NewWriterLevel(f, gzip.BestSpeed)
	tw := tar.NewWriter(zw)
	if err := addFile(tw, dbFile, dbMember); err != nil {
		f.Close()
		return m, err
	}
	if mediaDir != "" {
		if err := filepath.WalkDir(mediaDir, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				if errors.Is(err, fs.ErrNotExist) && path == mediaDir {
					return filepath.SkipDir
				}
				return err
			}
			if !d.Type().IsRegular() {
				return nil
			}
			rel, err := filepath.Rel(mediaDir, path)
			if err != nil {
				return err
			}
			st, err := d.Info()
			if err != nil {
				return err
			}
			m.MediaFiles++
			m.MediaBytes += st.Size()
			return addFile(tw, path, mediaPrefix+filepath.ToSlash(rel))
		}); err != nil {
			f.Close()
			return m, fmt.Errorf("backup media: %w", err)
		}
	}
	mj, _ := json.MarshalIndent(m, "", "  ")
	if err := tw.WriteHeader(&tar.Header{Name: manifestName, Mode: 0o644, Size: int64(len(mj)), ModTime: m.TakenAt}); err != nil {
		f.Close()
		return m, err
	}
	if _, err := tw.Write(mj); err != nil {
		f.Close()
		return m, err
	}
	if err := errors.Join(tw.Close(), zw.Close(), f.Sync(), f.Close()); err != nil {
		return m, fmt.Errorf("backup: write %s: %w", to, err)
	}
	if err := os.Rename(part, to); err != nil {
		return m, fmt.Errorf("backup: %w", err)
	}
	return m, nil
}

func addFile(tw *tar.Writer, path, name string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return err
	}
	if err := tw.WriteHeader(&tar.Header{Name: name, Mode: 0o644, Size: st.Size(), ModTime: st.ModTime()}); err != nil {
		return err
	}
	// Copy exactly the size in the header, even if the file grew meanwhile.
	if _, err := io.CopyN(tw, f, st.Size()); err != nil {
		return fmt.Errorf("backup %s: %w", path, err)
	}
	return nil
}

// sqliteDSN opens a SQLite file for whole-database work.
func openSQLite(path string, readOnly bool) (*sql.DB, error) {
	q := "?_pragma=busy_timeout(10000)"
	if readOnly {
		q += "&mode=ro"
	}
	return sql.Open("sqlite", "file:"+(&url.URL{Path: path}).EscapedPath()+q)
}

// vacuumInto copies the live SQLite database at src into the new file dst:
// one read transaction, so a consistent instant, while writers go on.
func vacuumInto(ctx context.Context, src, dst string) error {
	if _, err := os.Stat(src); err != nil {
		return fmt.Errorf("backup: database %s: %w", src, err)
	}
	db, err := openSQLite(src, false)
	if err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	defer db.Close()
	if _, err := db.ExecContext(ctx, "VACUUM INTO ?", dst); err != nil {
		return fmt.Errorf("backup: VACUUM INTO: %w", err)
	}
	return nil
}

// countDSN opens the database at dsn and counts the rows of every table.
func countDSN(ctx context.Context, dsn string) (map[string]int64, []int, error) {
	st, err := store.Open(ctx, dsn)
	if err != nil {
		return nil, nil, err
	}
	defer st.Close()
	return Counts(ctx, st)
}

// Counts returns the rows of every Warta table (FTS shadow tables left out)
// and the applied migration versions.
func Counts(ctx context.Context, st *store.Store) (map[string]int64, []int, error) {
	return countIn(ctx, st.WriteDB(), st)
}

type querier interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

func countIn(ctx context.Context, db querier, st *store.Store) (map[string]int64, []int, error) {
	tables, err := Tables(ctx, st)
	if err != nil {
		return nil, nil, err
	}
	counts := map[string]int64{}
	for _, t := range tables {
		var n int64
		if err := db.QueryRowContext(ctx, "SELECT COUNT(*) FROM "+quoteIdent(t)).Scan(&n); err != nil {
			return nil, nil, fmt.Errorf("count %s: %w", t, err)
		}
		counts[t] = n
	}
	var vs []int
	rows, err := db.QueryContext(ctx, "SELECT version FROM schema_migrations ORDER BY version")
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var v int
		if err := rows.Scan(&v); err != nil {
			return nil, nil, err
		}
		vs = append(vs, v)
	}
	return counts, vs, rows.Err()
}

// Tables lists the site's own tables: on SQLite without the FTS5 index's
// shadow tables, on PostgreSQL those of the current schema.
func Tables(ctx context.Context, st *store.Store) ([]string, error) {
	q := "SELECT name, COALESCE(sql, '') FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
	if st.Dialect() == store.Postgres {
		q = `SELECT table_name, '' FROM information_schema.tables
			WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`
	}
	rows, err := st.WriteDB().QueryContext(ctx, q)
	if err != nil {
		return nil, fmt.Errorf("list tables: %w", err)
	}
	defer rows.Close()
	var all, virtual []string
	for rows.Next() {
		var t, ddl string
		if err := rows.Scan(&t, &ddl); err != nil {
			return nil, err
		}
		if strings.HasPrefix(strings.ToUpper(ddl), "CREATE VIRTUAL TABLE") {
			virtual = append(virtual, t)
			continue
		}
		all = append(all, t)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	var ts []string
next:
	for _, t := range all {
		for _, v := range virtual {
			if strings.HasPrefix(t, v+"_") {
				continue next // an FTS5 shadow table, rebuilt from its content
			}
		}
		ts = append(ts, t)
	}
	sort.Strings(ts)
	return ts, nil
}

func quoteIdent(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }

// pgConn splits a Warta PostgreSQL URL into what libpq tools take: the URL
// without search_path (which libpq does not know) and that schema.
func pgConn(dsn string) (conn, schema string, err error) {
	u, err := url.Parse(dsn)
	if err != nil {
		return "", "", fmt.Errorf("bad PostgreSQL URL: %w", err)
	}
	q := u.Query()
	schema = q.Get("search_path")
	q.Del("search_path")
	u.RawQuery = q.Encode()
	return u.String(), schema, nil
}

// pgDumpCounted counts the tables and runs pg_dump in one snapshot: a
// repeatable-read transaction exports it, the counts are read in it, and
// pg_dump --snapshot dumps exactly that state while writers go on.
func pgDumpCounted(ctx context.Context, dsn, to string) (map[string]int64, []int, error) {
	st, err := store.Open(ctx, dsn)
	if err != nil {
		return nil, nil, err
	}
	defer st.Close()
	conn, err := st.WriteDB().Conn(ctx)
	if err != nil {
		return nil, nil, err
	}
	defer conn.Close()
	tx, err := conn.BeginTx(ctx, &sql.TxOptions{Isolation: sql.LevelRepeatableRead, ReadOnly: true})
	if err != nil {
		return nil, nil, err
	}
	defer tx.Rollback()
	var snap string
	if err := tx.QueryRowContext(ctx, "SELECT pg_export_snapshot()").Scan(&snap); err != nil {
		return nil, nil, fmt.Errorf("backup: export snapshot: %w", err)
	}
	counts, vs, err := countIn(ctx, tx, st)
	if err != nil {
		return nil, nil, err
	}
	if err := pgDump(ctx, dsn, to, snap); err != nil {
		return nil, nil, err
	}
	return counts, vs, nil
}

// pgDump runs pg_dump in its custom format; the tool must be installed.
func pgDump(ctx context.Context, dsn, to, snapshot string) error {
	bin, err := exec.LookPath("pg_dump")
	if err != nil {
		return errors.New("backup: pg_dump is not installed (apt-get install postgresql-client); see docs/operations.md for the manual procedure")
	}
	conn, schema, err := pgConn(dsn)
	if err != nil {
		return err
	}
	args := []string{"--format=custom", "--no-owner", "--no-privileges", "--file=" + to, "--snapshot=" + snapshot}
	if schema != "" {
		args = append(args, "--schema="+schema)
	}
	args = append(args, "--dbname="+conn)
	if out, err := exec.CommandContext(ctx, bin, args...).CombinedOutput(); err != nil {
		return fmt.Errorf("backup: pg_dump: %v: %s", err, strings.TrimSpace(string(out)))
	}
	return nil
}
