package main

// warta copy (issue 15, internal/dbcopy): a whole site from one engine to
// the other.

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"time"

	"warta/internal/dbcopy"
	"warta/internal/media"
)

func cmdCopy(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("copy", flag.ContinueOnError)
	fs.SetOutput(stderr)
	from := fs.String("from", "", "the site's database now: a SQLite file or a postgres:// URL")
	to := fs.String("to", "", "the empty database to copy it into (migrated first)")
	mediaDir := fs.String("media", "", "with --media-store: the local media folder to copy into the object store too")
	var mf mediaFlags
	mf.register(fs, false)
	if err := fs.Parse(args); err != nil {
		return err
	}
	objects, err := mf.backend(ctx)
	if err != nil {
		return err
	}
	if (objects == nil) != (*mediaDir == "") {
		return errors.New("--media DIR and --media-store s3://… go together: copy the media folder into the object store")
	}
	if *from == "" || *to == "" {
		return errors.New("--from DB and --to DB are required")
	}
	src := common{db: *from}
	s, err := src.open(ctx)
	if err != nil {
		return err
	}
	defer s.Close()
	dst := common{db: *to}
	d, err := dst.open(ctx)
	if err != nil {
		return err
	}
	defer d.Close()
	start := time.Now()
	res, err := dbcopy.Copy(ctx, s, d, func(table string, rows int64) {
		fmt.Fprintf(stdout, "  %-22s %s rows\n", table, thousands(rows))
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "copied %d tables (%s articles) from %s to %s in %s; search index rebuilt.\n",
		len(res.Tables), thousands(res.Rows["articles"]), dbKind(*from), dbKind(*to), time.Since(start).Round(time.Millisecond))
	if objects == nil {
		fmt.Fprintln(stdout, "Point --db at the new database; the media folder stays where it is.")
		return nil
	}
	copied, skipped, err := media.CopyDir(ctx, *mediaDir, objects)
	if err != nil {
		return fmt.Errorf("media: %w (%d files copied before it)", err, copied)
	}
	fmt.Fprintf(stdout, "media: %s files copied from %s to %s (%s already there).\n"+
		"Point --db at the new database and serve with the same --media-store.\n",
		thousands(int64(copied)), *mediaDir, objects, thousands(int64(skipped)))
	return nil
}

// thousands writes n the Indonesian way: 1.234.567.
func thousands(n int64) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0 && s[i-1] != '-'; i -= 3 {
		s = s[:i] + "." + s[i:]
	}
	return s
}
