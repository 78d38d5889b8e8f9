package backup

import (
	"context"
	"log/slog"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// Schedule takes a backup into dir every interval until ctx ends, keeping
// the newest keep archives (warta-YYYYMMDD-HHMMSS.tar.gz) and deleting
// older ones. A failed backup is logged and tried again at the next tick.
func Schedule(ctx context.Context, dsn, mediaDir, dir string, every time.Duration, keep int, log *slog.Logger) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		name := filepath.Join(dir, "warta-"+time.Now().UTC().Format("20060102-150405")+".tar.gz")
		start := time.Now()
		m, err := Backup(ctx, dsn, mediaDir, name)
		if err != nil {
			if ctx.Err() == nil {
				log.Error("scheduled backup failed", "err", err)
			}
			continue
		}
		log.Info("backup written", "file", name, "articles", m.Counts["articles"], "media_files", m.MediaFiles,
			"dur", time.Since(start).Round(time.Millisecond))
		Prune(dir, keep, log)
	}
}

// Prune deletes all but the newest keep scheduled archives in dir.
func Prune(dir string, keep int, log *slog.Logger) {
	if keep <= 0 {
		return
	}
	ents, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	var names []string
	for _, e := range ents {
		if n := e.Name(); strings.HasPrefix(n, "warta-") && strings.HasSuffix(n, ".tar.gz") {
			names = append(names, n)
		}
	}
	sort.Strings(names) // the names sort by time
	for len(names) > keep {
		if err := os.Remove(filepath.Join(dir, names[0])); err != nil {
			log.Warn("remove old backup", "err", err)
		}
		names = names[1:]
	}
}
