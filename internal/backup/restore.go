package backup

import (
	"archive/tar"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"strings"

	"warta/internal/store"
)

// Restore brings the archive at from back into an empty place: a SQLite
// file that does not exist yet, or a PostgreSQL database (schema) without
// tables, and a media folder that is missing or empty. It then checks the
// copy (PRAGMA integrity_check on SQLite) and that every table holds the
// rows the manifest counted.
func Restore(ctx context.Context, from, dsn, mediaDir string) (Manifest, error) {
	var m Manifest
	if err := emptyTarget(ctx, dsn, mediaDir); err != nil {
		return m, err
	}
	f, err := os.Open(from)
	if err != nil {
		return m, fmt.Errorf("restore: %w", err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return m, fmt.Errorf("restore: %s is not a Warta backup (gzip: %v)", from, err)
	}
	tmpDir, err := os.MkdirTemp(filepath.Dir(absOr(dsn, mediaDir)), ".warta-restore-")
	if err != nil {
		return m, fmt.Errorf("restore: %w", err)
	}
	defer os.RemoveAll(tmpDir)
	var dbFile string
	var haveManifest bool
	tr := tar.NewReader(zr)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return m, fmt.Errorf("restore: %s is damaged: %w", from, err)
		}
		name := path.Clean(h.Name)
		if h.Typeflag != tar.TypeReg || strings.HasPrefix(name, "../") || path.IsAbs(name) {
			return m, fmt.Errorf("restore: unexpected member %q in %s", h.Name, from)
		}
		switch {
		case name == manifestName:
			if err := json.NewDecoder(io.LimitReader(tr, 1<<20)).Decode(&m); err != nil {
				return m, fmt.Errorf("restore: manifest: %w", err)
			}
			haveManifest = true
		case name == sqliteName || name == pgDumpName:
			dbFile = filepath.Join(tmpDir, name)
			if err := writeFile(dbFile, tr); err != nil {
				return m, err
			}
		case strings.HasPrefix(name, mediaPrefix):
			if mediaDir == "" {
				continue
			}
			if err := writeFile(filepath.Join(mediaDir, filepath.FromSlash(strings.TrimPrefix(name, mediaPrefix))), tr); err != nil {
				return m, err
			}
		}
	}
	if !haveManifest || dbFile == "" {
		return m, fmt.Errorf("restore: %s is incomplete (no manifest or no database)", from)
	}
	isPG := store.IsPostgres(dsn)
	switch {
	case m.Engine == "sqlite" && isPG:
		return m, errors.New("restore: this is a SQLite backup; restore it to a file, then move it with warta copy")
	case m.Engine == "postgres" && !isPG:
		return m, errors.New("restore: this is a PostgreSQL backup; give --db a postgres:// URL")
	case isPG:
		if err := pgRestore(ctx, dsn, dbFile); err != nil {
			return m, err
		}
	default:
		if err := checkIntegrity(ctx, dbFile); err != nil {
			return m, err
		}
		if err := os.Rename(dbFile, dsn); err != nil {
			return m, fmt.Errorf("restore: %w", err)
		}
	}
	counts, _, err := countDSN(ctx, dsn)
	if err != nil {
		return m, fmt.Errorf("restore: open restored database: %w", err)
	}
	for t, want := range m.Counts {
		if counts[t] != want {
			return m, fmt.Errorf("restore: table %s has %d rows, the backup counted %d", t, counts[t], want)
		}
	}
	return m, nil
}

func absOr(dsn, media string) string {
	if !store.IsPostgres(dsn) {
		if a, err := filepath.Abs(dsn); err == nil {
			return a
		}
	}
	if media != "" {
		if a, err := filepath.Abs(media); err == nil {
			return a
		}
	}
	return os.TempDir() + "/x"
}

func writeFile(p string, r io.Reader) error {
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return fmt.Errorf("restore: %w", err)
	}
	f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return fmt.Errorf("restore: %w", err)
	}
	if _, err := io.Copy(f, r); err != nil {
		f.Close()
		return fmt.Errorf("restore %s: %w", p, err)
	}
	return errors.Join(f.Sync(), f.Close())
}

// emptyTarget refuses to restore over anything.
func emptyTarget(ctx context.Context, dsn, mediaDir string) error {
	if mediaDir != "" {
		if ents, err := os.ReadDir(mediaDir); err == nil && len(ents) > 0 {
			return fmt.Errorf("restore: media folder %s is not empty; restore into an empty place", mediaDir)
		}
	}
	if !store.IsPostgres(dsn) {
		if _, err := os.Stat(dsn); err == nil {
			return fmt.Errorf("restore: %s already exists; restore into an empty place", dsn)
		}
		return nil
	}
	st, err := store.Open(ctx, dsn)
	if err != nil {
		return fmt.Errorf("restore: %w", err)
	}
	defer st.Close()
	ts, err := Tables(ctx, st)
	if err != nil {
		return err
	}
	if len(ts) > 0 {
		return fmt.Errorf("restore: the database already has %d tables (%s, ...); restore into an empty database", len(ts), ts[0])
	}
	return nil
}

// checkIntegrity runs PRAGMA integrity_check on a SQLite file.
func checkIntegrity(ctx context.Context, file string) error {
	db, err := openSQLite(file, true)
	if err != nil {
		return err
	}
	defer db.Close()
	var res string
	if err := db.QueryRowContext(ctx, "PRAGMA integrity_check").Scan(&res); err != nil {
		return fmt.Errorf("restore: integrity check: %w", err)
	}
	if res != "ok" {
		return fmt.Errorf("restore: integrity check failed: %s", res)
	}
	return nil
}

// IntegrityCheck runs PRAGMA integrity_check on a SQLite database file.
func IntegrityCheck(ctx context.Context, file string) error { return checkIntegrity(ctx, file) }

func pgRestore(ctx context.Context, dsn, dump string) error {
	bin, err := exec.LookPath("pg_restore")
	if err != nil {
		return errors.New("restore: pg_restore is not installed (apt-get install postgresql-client)")
	}
	conn, _, err := pgConn(dsn)
	if err != nil {
		return err
	}
	out, err := exec.CommandContext(ctx, bin, "--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction",
		"--dbname="+conn, dump).CombinedOutput()
	if err != nil {
		return fmt.Errorf("restore: pg_restore: %v: %s", err, strings.TrimSpace(string(out)))
	}
	return nil
}
