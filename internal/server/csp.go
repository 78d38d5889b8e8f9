package server

import "strings"

// contentPolicy is the Content-Security-Policy: everything from this site
// only (images also from the media base URL's origin; frames only from the
// embed players' origins), no plugins, no framing, no inline script or
// style. extra adds sources by directive (an ad network's hosts, issue 14);
// with none the policy is the strict one every answer has.
func contentPolicy(mediaOrigin string, frameOrigins []string, extra map[string][]string) string {
	imgSrc := "'self' data:"
	if mediaOrigin != "" {
		imgSrc += " " + mediaOrigin
	}
	dirs := []struct {
		name, src string
		always    bool // else written only when extra names it (default-src covers it)
	}{
		{"default-src", "'self'", true}, {"img-src", imgSrc, true}, {"style-src", "'self'", true}, {"script-src", "'self'", true},
		{"object-src", "'none'", true}, {"frame-src", strings.Join(frameOrigins, " "), true},
		{"frame-ancestors", "'none'", true}, {"base-uri", "'self'", true}, {"form-action", "'self'", true},
		{"connect-src", "'self'", false},
	}
	var b strings.Builder
	for _, d := range dirs {
		hosts := extra[d.name]
		if !d.always && len(hosts) == 0 {
			continue
		}
		if b.Len() > 0 {
			b.WriteString("; ")
		}
		b.WriteString(d.name)
		for _, src := range append(strings.Fields(d.src), hosts...) {
			b.WriteString(" " + src)
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
