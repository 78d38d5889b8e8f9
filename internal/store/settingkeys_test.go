package store

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// settingLiteral is a call that names a setting by a string literal.
var settingLiteral = regexp.MustCompile(`\b(Setting|SetSetting|EnsureSetting)\([^,()]*(\([^()]*\))?, *"`)

// TestSettingKeysAreConstants fails when code (tests included) names a site
// setting by a literal instead of a Setting* constant from settings.go, the
// one place that lists them (issue 9).
func TestSettingKeysAreConstants(t *testing.T) {
	root := filepath.Join("..", "..")
	for _, dir := range []string{"internal", "cmd"} {
		err := filepath.WalkDir(filepath.Join(root, dir), func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") {
				return err
			}
			b, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			for i, line := range strings.Split(string(b), "\n") {
				if settingLiteral.MatchString(line) {
					rel, _ := filepath.Rel(root, path)
					t.Errorf("%s:%d names a setting by a literal; add a Setting* constant to internal/store/settings.go: %s", rel, i+1, strings.TrimSpace(line))
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
}
