package newsroom_test

import (
	"flag"
	"fmt"
	"os"
	"testing"

	"warta/internal/newsroom"
)

// TestMain fails the run when a page template was never executed by the
// package's tests (when they all ran): a page no test draws can break
// unnoticed, as GoatCounter's test suite also guards against.
func TestMain(m *testing.M) {
	flag.Parse()
	code := m.Run()
	if code == 0 && flag.Lookup("test.run").Value.String() == "" && !testing.Short() {
		for _, p := range newsroom.Pages {
			if !newsroom.Rendered(p) {
				fmt.Fprintf(os.Stderr, "newsroom: no test draws the page template %q\n", p)
				code = 1
			}
		}
	}
	os.Exit(code)
}
