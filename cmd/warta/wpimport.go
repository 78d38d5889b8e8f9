package main

// warta import wordpress (issue 15, internal/wpimport).

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"time"

	"warta/internal/media"
	"warta/internal/render"
	"warta/internal/wpimport"
)

func cmdImport(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 || args[0] != "wordpress" {
		return errors.New("usage: warta import wordpress FILE.xml [--media-from DIR] [--db DB] [--media DIR] [--dry-run]")
	}
	fs := flag.NewFlagSet("import wordpress", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var c common
	c.register(fs)
	mediaFrom := fs.String("media-from", "", "a copy of the old site's wp-content/uploads: images go through the upload path (without it the original URLs are kept)")
	dryRun := fs.Bool("dry-run", false, "read and check the export and say what would be imported; write nothing")
	tz := fs.String("tz", env("WARTA_TZ", "Asia/Jakarta"), "zone of WordPress times that have no GMT twin (drafts)")
	// The file may come before or after the flags.
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	rest := fs.Args()
	if len(rest) == 0 {
		return errors.New("give the export file: warta import wordpress FILE.xml")
	}
	file := rest[0]
	if err := fs.Parse(rest[1:]); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected arguments: %s", strings.Join(fs.Args(), " "))
	}
	loc, err := time.LoadLocation(*tz)
	if err != nil {
		return fmt.Errorf("unknown time zone %q", *tz)
	}
	st, err := c.open(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	opt := wpimport.Options{MediaFrom: *mediaFrom, Media: media.New(c.media), DryRun: *dryRun, Location: loc}
	if isTerminal(stderr) {
		opt.Progress = func(pass int, done, total int64) {
			what := "memeriksa berkas"
			if pass == 2 {
				what = "mengimpor"
			}
			pct := 100.0
			if total > 0 {
				pct = 100 * float64(done) / float64(total)
			}
			bar := strings.Repeat("#", int(pct/4)) + strings.Repeat(" ", 25-int(pct/4))
			fmt.Fprintf(stderr, "\r[%s] %3.0f%% %d/2 %s", bar, pct, pass, what)
			if pass == 2 && done == total {
				fmt.Fprintln(stderr)
			}
		}
	}
	start := time.Now()
	sum, err := wpimport.Import(ctx, st, render.New(), file, opt)
	if opt.Progress != nil {
		fmt.Fprintln(stderr)
	}
	if err != nil {
		return err
	}
	printSummary(stdout, sum, *dryRun, *mediaFrom != "", time.Since(start))
	return nil
}

func printSummary(w io.Writer, s wpimport.Summary, dry, withMedia bool, d time.Duration) {
	if dry {
		fmt.Fprintln(w, "Dry run: nothing was written. This would be imported:")
	} else {
		fmt.Fprintf(w, "Imported in %s:\n", d.Round(time.Millisecond))
	}
	fmt.Fprintf(w, "  posts       %d (%d scheduled, %d drafts, %d in review)\n", s.Posts, s.Scheduled, s.Drafts, s.InReview)
	fmt.Fprintf(w, "  pages       %d (as articles in the category Halaman)\n", s.Pages)
	fmt.Fprintf(w, "  comments    %d\n", s.Comments)
	fmt.Fprintf(w, "  categories  %d new (hierarchy %s)\n", s.Categories, s.Hierarchy)
	fmt.Fprintf(w, "  tags        %d new (further categories of a post are among them)\n", s.Tags)
	fmt.Fprintf(w, "  authors     %d new (bylines only: no password; they log in once an admin adds an account with the same name: warta user add)\n", s.Authors)
	fmt.Fprintf(w, "  media       %d images through the upload path\n", s.Media)
	if !dry {
		fmt.Fprintf(w, "  redirects   %d old addresses answer 301 to their new pages\n", s.Redirects)
	}
	if s.AlreadyImported > 0 {
		fmt.Fprintf(w, "  already imported before, left as they are: %d\n", s.AlreadyImported)
	}
	if s.MediaKeptRemote > 0 {
		if withMedia {
			fmt.Fprintf(w, "  %d lead photos were not in --media-from and keep their original URLs\n", s.MediaKeptRemote)
		} else {
			fmt.Fprintf(w, "  no --media-from: %d lead photos and the images in bodies keep their original URLs on the old site\n", s.MediaKeptRemote)
		}
	}
	if len(s.MediaMissing) > 0 {
		fmt.Fprintf(w, "  missing in --media-from (%d): %s\n", len(s.MediaMissing), strings.Join(first(s.MediaMissing, 5), ", "))
	}
	if len(s.Skipped) > 0 {
		fmt.Fprintln(w, "  skipped:")
		var whys []string
		for why := range s.Skipped {
			whys = append(whys, why)
		}
		sort.Strings(whys)
		for _, why := range whys {
			fmt.Fprintf(w, "    %-40s %d\n", why, s.Skipped[why])
		}
	}
}

func first(ss []string, n int) []string {
	if len(ss) > n {
		return append(ss[:n:n], "…")
	}
	return ss
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
