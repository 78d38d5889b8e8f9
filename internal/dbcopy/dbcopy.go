// Package dbcopy moves a whole Warta site between engines: SQLite to
// PostgreSQL when one machine is no longer enough (and back). Every table is
// copied row by row with its ids, in one transaction on the target (a failed
// copy leaves the target as it was), parents before children; PostgreSQL's
// id sequences are then set past the copied ids, and the search index is
// rebuilt on the target from the copied articles (each engine keeps it in
// its own form). Media files are not touched: both sites read the same
// media folder (copying media into object storage is a later step; Media
// here is the seam for it).
package dbcopy

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"

	"warta/internal/backup"
	"warta/internal/store"
)

// skipped tables: each store keeps its own migration record, the search
// index (and with it article_text, the snippets' text) is rebuilt in the
// target's own form, and the list counters
// (migrations 0166, 0180-0183, 0195, 0200, 0202) are kept by the target's triggers as rows arrive;
// Terpopuler's ranked lists (0203) are ranked again by the target's first
// discovery run.
// Each tag's and author's newest publish time (tags.newest_pub_at, 0197;
// authors.newest_pub_at, 0200) is copied with its row; the target's
// triggers only raise it to the same time as the links arrive.
var skipped = map[string]bool{"schema_migrations": true, "article_search": true, "search_terms": true, "article_text": true,
	"article_counts": true, "tag_counts": true, "article_days": true, "article_months": true, "comment_counts": true,
	"tag_days": true, "tag_months": true, "author_days": true, "author_months": true, "author_counts": true,
	"article_tops": true, "most_read_windows": true, "most_read": true}

// Progress is told of each table as it is copied.
type Progress func(table string, rows int64)

// Result tells what was copied.
type Result struct {
	Tables []string
	Rows   map[string]int64
}

// Copy copies every table of from into to. Both stores must be migrated by
// this binary; to must hold no site yet (no articles, categories, users or
// comments).
func Copy(ctx context.Context, from, to *store.Store, progress Progress) (Result, error) {
	res := Result{Rows: map[string]int64{}}
	if from.Dialect() == to.Dialect() {
		return res, fmt.Errorf("copy: both databases are %s; use warta backup/restore to copy within one engine", from.Dialect())
	}
	if err := sameMigrations(ctx, from, to); err != nil {
		return res, err
	}
	counts, _, err := backup.Counts(ctx, to)
	if err != nil {
		return res, err
	}
	for _, t := range []string{"articles", "categories", "users", "comments"} {
		if counts[t] > 0 {
			return res, fmt.Errorf("copy: the target already holds a site (%d %s); copy into an empty database", counts[t], t)
		}
	}
	sqliteSide := from
	if to.Dialect() == store.SQLite {
		sqliteSide = to
	}
	tables, err := backup.Tables(ctx, from)
	if err != nil {
		return res, err
	}
	var todo []string
	for _, t := range tables {
		if !skipped[t] {
			todo = append(todo, t)
		}
	}
	order, err := parentsFirst(ctx, sqliteSide, todo)
	if err != nil {
		return res, err
	}
	// The target's columns are read before its transaction: on SQLite the
	// transaction holds the only writing connection.
	type tcols struct {
		names   []string
		boolean map[string]bool
	}
	dst, srcCols := map[string]tcols{}, map[string][]string{}
	for _, t := range order {
		names, boolean, err := columns(ctx, to, t)
		if err != nil {
			return res, err
		}
		dst[t] = tcols{names, boolean}
		if srcCols[t], _, err = columns(ctx, from, t); err != nil {
			return res, err
		}
	}
	// Every table is read in one snapshot of the source, so the copy is the
	// site as of one instant even if it still takes writes (those after the
	// snapshot are not copied: stop writes before switching over).
	src, release, err := snapshot(ctx, from)
	if err != nil {
		return res, err
	}
	defer release()
	err = to.Tx(ctx, func(tx *sql.Tx) error {
		if to.Dialect() == store.SQLite {
			if _, err := tx.ExecContext(ctx, "PRAGMA defer_foreign_keys = ON"); err != nil {
				return err
			}
		}
		// Rows the migrations seeded on the target give way to the source's.
		for i := len(order) - 1; i >= 0; i-- {
			if _, err := tx.ExecContext(ctx, "DELETE FROM "+quote(order[i])); err != nil {
				return fmt.Errorf("copy: clear %s: %w", order[i], err)
			}
		}
		for _, t := range order {
			n, err := copyTable(ctx, src, to, tx, t, srcCols[t], dst[t].names, dst[t].boolean)
			if err != nil {
				return fmt.Errorf("copy %s: %w", t, err)
			}
			res.Rows[t] = n
			res.Tables = append(res.Tables, t)
			if progress != nil {
				progress(t, n)
			}
		}
		if to.Dialect() == store.Postgres {
			for _, t := range order {
				if !slices.Contains(dst[t].names, "id") {
					continue
				}
				var seq sql.NullString // NULL for an id without a sequence
				if err := tx.QueryRowContext(ctx, "SELECT pg_get_serial_sequence($1, 'id')", quote(t)).Scan(&seq); err != nil {
					return fmt.Errorf("copy: sequence of %s: %w", t, err)
				}
				if !seq.Valid {
					continue
				}
				if _, err := tx.ExecContext(ctx, "SELECT setval($1, COALESCE(MAX(id), 1), MAX(id) IS NOT NULL) FROM "+quote(t), seq.String); err != nil {
					return fmt.Errorf("copy: sequence of %s: %w", t, err)
				}
			}
		}
		return nil
	})
	if err != nil {
		return res, err
	}
	if err := to.RebuildSearchIndex(ctx); err != nil {
		return res, err
	}
	return res, nil
}

type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// snapshot opens a read transaction on the source that every table is read
// in: a plain (deferred) BEGIN on SQLite, whose first read fixes the WAL
// snapshot; REPEATABLE READ on PostgreSQL.
func snapshot(ctx context.Context, st *store.Store) (querier, func(), error) {
	if st.Dialect() == store.Postgres {
		tx, err := st.WriteDB().BeginTx(ctx, &sql.TxOptions{Isolation: sql.LevelRepeatableRead, ReadOnly: true})
		if err != nil {
			return nil, nil, fmt.Errorf("copy: snapshot: %w", err)
		}
		return tx, func() { tx.Rollback() }, nil
	}
	conn, err := st.WriteDB().Conn(ctx)
	if err != nil {
		return nil, nil, fmt.Errorf("copy: snapshot: %w", err)
	}
	if _, err := conn.ExecContext(ctx, "BEGIN"); err != nil {
		conn.Close()
		return nil, nil, fmt.Errorf("copy: snapshot: %w", err)
	}
	return conn, func() {
		conn.ExecContext(context.WithoutCancel(ctx), "COMMIT")
		conn.Close()
	}, nil
}

func sameMigrations(ctx context.Context, a, b *store.Store) error {
	na, err := a.PendingMigrations(ctx)
	if err != nil {
		return err
	}
	nb, err := b.PendingMigrations(ctx)
	if err != nil {
		return err
	}
	if na > 0 || nb > 0 {
		return errors.New("copy: migrate both databases with this version of warta first")
	}
	return nil
}

func quote(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }

// columns returns a table's columns and, for PostgreSQL, which are boolean.
func columns(ctx context.Context, st *store.Store, table string) ([]string, map[string]bool, error) {
	var rows *sql.Rows
	var err error
	if st.Dialect() == store.Postgres {
		rows, err = st.WriteDB().QueryContext(ctx, `SELECT column_name, data_type FROM information_schema.columns
			WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position`, table)
	} else {
		rows, err = st.WriteDB().QueryContext(ctx, "SELECT name, type FROM pragma_table_info(?) ORDER BY cid", table)
	}
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	var cols []string
	boolean := map[string]bool{}
	for rows.Next() {
		var c, typ string
		if err := rows.Scan(&c, &typ); err != nil {
			return nil, nil, err
		}
		cols = append(cols, c)
		if strings.EqualFold(typ, "boolean") {
			boolean[c] = true
		}
	}
	return cols, boolean, rows.Err()
}

// copyTable streams one table's rows into the target in multi-row INSERTs.
func copyTable(ctx context.Context, src querier, to *store.Store, tx *sql.Tx, table string, srcCols, dstCols []string, dstBool map[string]bool) (int64, error) {
	have := map[string]bool{}
	for _, c := range dstCols {
		have[c] = true
	}
	var cols []string
	hasID := false
	for _, c := range srcCols {
		if have[c] {
			cols = append(cols, c)
			hasID = hasID || c == "id"
		}
	}
	if len(cols) == 0 {
		return 0, nil
	}
	qcols := make([]string, len(cols))
	for i, c := range cols {
		qcols[i] = quote(c)
	}
	sel := "SELECT " + strings.Join(qcols, ", ") + " FROM " + quote(table)
	if hasID {
		sel += " ORDER BY id" // a parent comment before its replies
	}
	rows, err := src.QueryContext(ctx, sel)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	perBatch := max(1, 30000/len(cols))
	var n int64
	args := make([]any, 0, perBatch*len(cols))
	inBatch := 0
	flush := func() error {
		if inBatch == 0 {
			return nil
		}
		var b strings.Builder
		b.WriteString("INSERT INTO " + quote(table) + " (" + strings.Join(qcols, ", ") + ") VALUES ")
		one := "(" + strings.TrimSuffix(strings.Repeat("?, ", len(cols)), ", ") + ")"
		for i := range inBatch {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(one)
		}
		if _, err := tx.ExecContext(ctx, to.Rebind(b.String()), args...); err != nil {
			return err
		}
		args, inBatch = args[:0], 0
		return nil
	}
	vals := make([]any, len(cols))
	ptrs := make([]any, len(cols))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			return n, err
		}
		for i, v := range vals {
			args = append(args, convert(v, dstBool[cols[i]], to.Dialect()))
		}
		inBatch++
		n++
		if inBatch == perBatch {
			if err := flush(); err != nil {
				return n, err
			}
		}
	}
	if err := rows.Err(); err != nil {
		return n, err
	}
	return n, flush()
}

// convert adapts a value to the target engine: SQLite keeps booleans as 0/1.
func convert(v any, toBool bool, to store.Dialect) any {
	switch x := v.(type) {
	case int64:
		if toBool {
			return x != 0
		}
	case bool:
		if to == store.SQLite {
			if x {
				return int64(1)
			}
			return int64(0)
		}
	case []byte:
		return append([]byte(nil), x...) // the driver reuses its buffer
	}
	return v
}

// parentsFirst orders tables so each comes after the tables it references
// (foreign keys, read from the SQLite side's schema).
func parentsFirst(ctx context.Context, sqlite *store.Store, tables []string) ([]string, error) {
	in := map[string]bool{}
	for _, t := range tables {
		in[t] = true
	}
	deps := map[string][]string{}
	for _, t := range tables {
		rows, err := sqlite.WriteDB().QueryContext(ctx, `SELECT DISTINCT "table" FROM pragma_foreign_key_list(?)`, t)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var p string
			if err := rows.Scan(&p); err != nil {
				rows.Close()
				return nil, err
			}
			if p != t && in[p] {
				deps[t] = append(deps[t], p)
			}
		}
		rows.Close()
	}
	var order []string
	state := map[string]int{} // 1 visiting, 2 done
	var visit func(t string) error
	visit = func(t string) error {
		switch state[t] {
		case 1:
			return fmt.Errorf("copy: tables reference each other in a cycle through %s", t)
		case 2:
			return nil
		}
		state[t] = 1
		ds := deps[t]
		sort.Strings(ds)
		for _, d := range ds {
			if err := visit(d); err != nil {
				return err
			}
		}
		state[t] = 2
		order = append(order, t)
		return nil
	}
	for _, t := range tables {
		if err := visit(t); err != nil {
			return nil, err
		}
	}
	return order, nil
}
