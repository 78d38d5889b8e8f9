package discovery_test

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"warta/internal/discovery"
	"warta/internal/store"
)

// TestRelatedPerPublishAtScale measures the related-news work of one publish
// (discovery.Engine.Recompute: the article's list from its candidates, the
// offers to the lists of the best of them, the lists it leaves) on the
// databases named in WARTA_SCALE_DBS (comma-separated SQLite files or
// postgres:// URLs built by bench/scalegen at several sizes;
// bench/related-scale.sh).
// The databases take turns, publish by publish, so the machine's load
// weighs on every size alike. Per database it prints the median wall time,
// the process CPU time per publish (on SQLite all of the work) and, on
// PostgreSQL, the shared buffers and rows the database read for it (from
// pg_stat_database, counted over the run). It prints figures and asserts
// nothing about them.
func TestRelatedPerPublishAtScale(t *testing.T) {
	dbs := os.Getenv("WARTA_SCALE_DBS")
	if dbs == "" {
		t.Skip("WARTA_SCALE_DBS not set: run bench/related-scale.sh")
	}
	rounds := 3
	if n, err := fmt.Sscan(os.Getenv("WARTA_SCALE_ROUNDS"), &rounds); n != 1 || err != nil {
		rounds = 3
	}
	ctx := context.Background()
	type target struct {
		name, dsn string
		st        *store.Store
		e         *discovery.Engine
		ids       []int64
		wall      []time.Duration
		cpu       time.Duration
		pg0       pgCounters
		n         int
	}
	var ts []*target
	open := func(x *target) {
		st, err := store.Open(ctx, x.dsn)
		if err != nil {
			t.Fatal(err)
		}
		x.st, x.e = st, discovery.New(st, nil)
	}
	for _, dsn := range strings.Split(dbs, ",") {
		x := &target{dsn: dsn, name: scaleName(dsn)}
		open(x)
		if err := x.st.Migrate(ctx); err != nil {
			t.Fatal(err)
		}
		ids, err := x.st.PublishedArticleIDs(ctx)
		if err != nil {
			t.Fatal(err)
		}
		slices.Sort(ids)
		x.ids = ids[max(0, len(ids)-20):]
		for _, id := range x.ids { // warm the caches: every round reads what the first did
			if err := x.e.Recompute(ctx, id); err != nil {
				t.Fatal(err)
			}
		}
		if store.IsPostgres(dsn) { // flush the backends' statistics, then count from here
			x.st.Close()
			x.pg0 = readPGCounters(t, dsn)
			open(x)
		}
		ts = append(ts, x)
	}
	for r := 0; r < rounds; r++ {
		for i := range 20 {
			for _, x := range ts {
				id := x.ids[i%len(x.ids)]
				c0, t0 := cpuTime(), time.Now()
				if err := x.e.Recompute(ctx, id); err != nil {
					t.Fatal(err)
				}
				x.wall = append(x.wall, time.Since(t0))
				x.cpu += cpuTime() - c0
				x.n++
			}
		}
	}
	lines := []string{"| database | publishes | wall ms (median) | process CPU ms / publish | PG buffers / publish | PG rows / publish |",
		"| --- | ---: | ---: | ---: | ---: | ---: |"}
	for _, x := range ts {
		x.st.Close()
		slices.Sort(x.wall)
		bufs, rows := "-", "-"
		if store.IsPostgres(x.dsn) {
			d := readPGCounters(t, x.dsn).minus(x.pg0)
			bufs = fmt.Sprintf("%.0f", float64(d.blocks)/float64(x.n))
			rows = fmt.Sprintf("%.0f", float64(d.rows)/float64(x.n))
		}
		lines = append(lines, fmt.Sprintf("| %s | %d | %.1f | %.1f | %s | %s |", x.name, x.n,
			float64(x.wall[len(x.wall)/2].Microseconds())/1000, float64(x.cpu.Microseconds())/1000/float64(x.n), bufs, rows))
	}
	fmt.Println("related news per publish:\n" + strings.Join(lines, "\n"))
}

func scaleName(dsn string) string {
	if store.IsPostgres(dsn) {
		return "pg-" + filepath.Base(strings.SplitN(dsn, "?", 2)[0])
	}
	return "sqlite-" + strings.TrimSuffix(filepath.Base(dsn), ".db")
}

// cpuTime is the CPU time this process has used (user and system).
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// pgCounters are a database's cumulative buffer and row counts.
type pgCounters struct{ blocks, rows int64 }

func (a pgCounters) minus(b pgCounters) pgCounters {
	return pgCounters{a.blocks - b.blocks, a.rows - b.rows}
}

// readPGCounters reads pg_stat_database for the database of dsn once the
// backends of a closed pool have reported (they do when they exit).
func readPGCounters(t *testing.T, dsn string) pgCounters {
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var c pgCounters
	prev := pgCounters{-1, -1}
	for range 50 { // until the counts stop moving: exiting backends report late
		time.Sleep(200 * time.Millisecond)
		if _, err := db.Exec("SELECT pg_stat_clear_snapshot()"); err != nil {
			t.Fatal(err)
		}
		if err := db.QueryRow(`SELECT blks_hit + blks_read, tup_returned + tup_fetched FROM pg_stat_database
			WHERE datname = current_database()`).Scan(&c.blocks, &c.rows); err != nil {
			t.Fatal(err)
		}
		if c == prev {
			return c
		}
		prev = c
	}
	return c
}
