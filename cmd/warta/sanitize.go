package main

import (
	"context"
	"flag"
	"fmt"
	"io"

	"warta/internal/media"
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
	baseURL := fs.String("base-url", env("WARTA_BASE_URL", ""), "public origin, whose links are not nofollow (env WARTA_BASE_URL)")
	st, err := c.parseAndOpen(ctx, fs, args)
	if err != nil {
		return err
	}
	defer st.Close()
	// Links to the site are its own; uploads in bodies get their size from
	// the media folder.
	r := render.New(render.SiteURL(*baseURL), render.ImageSizes(media.New(c.media).Size))
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
