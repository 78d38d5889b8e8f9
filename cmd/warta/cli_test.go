package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"warta/internal/store"
	"warta/internal/testdb"
)

func runCLI(args ...string) (int, string, string) {
	var out, errb bytes.Buffer
	code := run(context.Background(), args, strings.NewReader(""), &out, &errb)
	return code, out.String(), errb.String()
}

// Asking a sub-command for help is not an error (issue 12 item 9: `warta
// user -h` and `token -h` exited 1), and the help names every sub-command.
func TestSubcommandHelp(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want []string
	}{
		{[]string{"user", "-h"}, []string{"warta user add", "warta user list"}},
		{[]string{"token", "-h"}, []string{"warta token create", "warta token list", "warta token revoke"}},
		{[]string{"token", "--help"}, []string{"warta token list"}},
		{[]string{"help"}, []string{"warta token list", "warta version", "Usage:"}},
	} {
		code, out, errs := runCLI(tc.args...)
		if code != 0 {
			t.Errorf("%v: exit %d (%s)", tc.args, code, errs)
		}
		for _, w := range tc.want {
			if !strings.Contains(out, w) {
				t.Errorf("%v: help lacks %q:\n%s", tc.args, w, out)
			}
		}
	}
	if code, _, errs := runCLI("user", "remove"); code != 1 || !strings.Contains(errs, `unknown user command "remove"`) {
		t.Errorf("user remove: exit %d %q", code, errs)
	}
}

// Settings that cannot work stop the command with a message instead of
// being taken silently.
func TestBadSettingsAreRefused(t *testing.T) {
	db := filepath.Join(t.TempDir(), "w.db")
	if code, _, errs := runCLI("migrate", "--db", db, "--log-level", "loud"); code != 1 || !strings.Contains(errs, "--log-level must be") {
		t.Errorf("--log-level loud: exit %d %q", code, errs)
	}
	if code, _, errs := runCLI("serve", "--db", db, "--log-level", "loud"); code != 1 || !strings.Contains(errs, "--log-level must be") {
		t.Errorf("serve --log-level loud: exit %d %q", code, errs)
	}
	// A file where the media folder should be.
	notDir := filepath.Join(t.TempDir(), "media")
	if err := os.WriteFile(notDir, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, errs := runCLI("serve", "--db", db, "--media", notDir, "--addr", "127.0.0.1:0"); code != 1 || !strings.Contains(errs, "--media") {
		t.Errorf("unusable --media: exit %d %q", code, errs)
	}
}

// migrate says what it applied; version names the schema the binary needs;
// an older binary refuses a database a newer one migrated, naming both.
func TestMigrateReportsAndRefusesNewerSchema(t *testing.T) {
	dsns := map[string]string{"sqlite": filepath.Join(t.TempDir(), "w.db")}
	if os.Getenv(testdb.EnvPostgres) != "" {
		dsns["postgres"] = testdb.PostgresURL(t)
	}
	latest := store.LatestMigration()
	if code, out, _ := runCLI("version"); code != 0 || !strings.Contains(out, "database schema ") {
		t.Errorf("version: exit %d %q", code, out)
	}
	for name, dsn := range dsns {
		t.Run(name, func(t *testing.T) {
			code, out, errs := runCLI("migrate", "--db", dsn)
			if code != 0 || !strings.Contains(out, "applied 0001_content.sql") || !strings.Contains(out, "migrations applied") {
				t.Fatalf("first migrate: exit %d %q %q", code, out, errs)
			}
			if code, out, _ := runCLI("migrate", "--db", dsn); code != 0 || !strings.Contains(out, "up to date") {
				t.Errorf("second migrate: exit %d %q", code, out)
			}
			st := openStore(t, dsn)
			if _, err := st.WriteDB().ExecContext(context.Background(), st.Rebind("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)"),
				latest+900, "0999_from_the_future.sql", "2030-01-01T00:00:00Z"); err != nil {
				t.Fatal(err)
			}
			code, _, errs = runCLI("migrate", "--db", dsn)
			if code != 1 || !strings.Contains(errs, "0999_from_the_future.sql") || !strings.Contains(errs, "newer than this warta binary") {
				t.Errorf("newer schema: exit %d %q", code, errs)
			}
		})
	}
}
