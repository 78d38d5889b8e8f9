package main

import (
	"fmt"
	"io"
	"runtime/debug"

	"warta/internal/store"
)

// cmdVersion prints what an operator needs to match a binary with a
// database: the build (module version, commit and its time when Go recorded
// them) and the newest database migration this binary knows.
func cmdVersion(stdout io.Writer) error {
	version, commit, when, dirty := "(devel)", "", "", false
	if bi, ok := debug.ReadBuildInfo(); ok {
		if bi.Main.Version != "" {
			version = bi.Main.Version
		}
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				commit = s.Value
			case "vcs.time":
				when = s.Value
			case "vcs.modified":
				dirty = s.Value == "true"
			}
		}
	}
	fmt.Fprintf(stdout, "warta %s\n", version)
	if commit != "" {
		if dirty {
			commit += " (modified)"
		}
		fmt.Fprintf(stdout, "commit %s %s\n", commit, when)
	}
	fmt.Fprintf(stdout, "database schema %d\n", store.LatestMigration())
	return nil
}
