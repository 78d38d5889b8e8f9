package main

// warta backup / warta restore (issue 15, internal/backup).

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"time"

	"warta/internal/backup"
)

func cmdBackup(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("backup", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var c common
	c.register(fs)
	to := fs.String("to", "", "archive to write (.tar.gz): the database and the media folder")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *to == "" {
		return errors.New("--to FILE is required")
	}
	start := time.Now()
	m, err := backup.Backup(ctx, c.db, c.media, *to)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "backup written to %s in %s: %s database, %d articles, %d comments, %d media files (%d bytes)\n",
		*to, time.Since(start).Round(time.Millisecond), m.Engine, m.Counts["articles"], m.Counts["comments"], m.MediaFiles, m.MediaBytes)
	return nil
}

func cmdRestore(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("restore", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var c common
	c.register(fs)
	from := fs.String("from", "", "archive written by warta backup")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *from == "" {
		return errors.New("--from FILE is required")
	}
	m, err := backup.Restore(ctx, *from, c.db, c.media)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "restored the backup of %s into %s: %d tables checked (%d articles, %d comments), %d media files\n",
		m.TakenAt.Format(time.RFC3339), dbKind(c.db), len(m.Counts), m.Counts["articles"], m.Counts["comments"], m.MediaFiles)
	return nil
}
