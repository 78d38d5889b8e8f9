package server_test

import (
	"flag"
	"fmt"
	"os"
	"testing"

	"warta/internal/site"
)

// TestMain fails the run when a reader page template was never executed by
// this package's tests (the ones that draw the site, through the assembled
// application) when they all ran: a page no test draws can break unnoticed,
// as GoatCounter's suite also guards against. The newsroom's pages have the
// same check in internal/newsroom.
func TestMain(m *testing.M) {
	flag.Parse()
	code := m.Run()
	if code == 0 && flag.Lookup("test.run").Value.String() == "" && !testing.Short() {
		for _, p := range site.Pages {
			if !site.Rendered(p) {
				fmt.Fprintf(os.Stderr, "site: no test draws the page template %q\n", p)
				code = 1
			}
		}
	}
	os.Exit(code)
}
