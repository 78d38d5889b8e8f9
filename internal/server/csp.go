package server

import "strings"

// contentPolicy is the Content-Security-Policy: everything from this site
// only (images also from the media base URL's origin), no plugins, no
// framing, no inline script or style. extra adds sources by directive (an
// ad network's hosts, issue 14); with none the policy is the strict one
// every answer has always had.
func contentPolicy(mediaOrigin string, extra map[string][]string) string {
	imgSrc := "'self' data:"
	if mediaOrigin != "" {
		imgSrc += " " + mediaOrigin
	}
	dirs := []struct{ name, src string }{
		{"default-src", "'self'"}, {"img-src", imgSrc}, {"style-src", "'self'"}, {"script-src", "'self'"},
		{"object-src", "'none'"}, {"frame-ancestors", "'none'"}, {"base-uri", "'self'"}, {"form-action", "'self'"},
		// Only written when extra names them (default-src covers them).
		{"frame-src", "'self'"}, {"connect-src", "'self'"},
	}
	var b strings.Builder
	for i, d := range dirs {
		hosts := extra[d.name]
		if i >= 8 && len(hosts) == 0 {
			continue
		}
		if b.Len() > 0 {
			b.WriteString("; ")
		}
		b.WriteString(d.name + " " + d.src)
		for _, h := range hosts {
			b.WriteString(" " + h)
		}
	}
	return b.String()
}

// adPage reports whether a path is a reader page, which may show ads: not
// the newsroom, the APIs, media or static files, feeds or probes, which
// keep the strict policy whatever the operator enabled.
func adPage(path string) bool {
	for _, p := range []string{"/redaksi", "/api/", "/media/", "/static/", "/healthz", "/readyz", "/metrics"} {
		if strings.HasPrefix(path, p) {
			return false
		}
	}
	return !strings.HasSuffix(path, ".xml") && !strings.HasSuffix(path, ".txt")
}
