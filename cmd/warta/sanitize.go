package main

import (
	"context"
	"flag"
	"fmt"
	"io"

	"warta/internal/render"
)

// cmdSanitize renders every stored article body again with the current
// renderer: from its Markdown source, or (for HTML without a source, such
// as imported articles) by sanitising the stored HTML. Run it once after
// upgrading to a Warta whose sanitiser balances HTML (issue 16, M1).
func cmdSanitize(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("sanitize", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var c common
	c.register(fs)
	st, err := c.parseAndOpen(ctx, fs, args)
	if err != nil {
		return err
	}
	defer st.Close()
	r := render.New()
	n, err := st.RewriteBodies(ctx, func(source, html string) (string, error) {
		if source != "" {
			return r.Markdown(source)
		}
		return r.Sanitize(html), nil
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "%d article bodies rewritten\n", n)
	return nil
}
