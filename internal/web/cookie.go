package web

import (
	"net/http"
	"net/textproto"
	"os"
	"strings"
)

// CookieValue is the value of r.Cookie(name), found without allocating in
// the one Cookie line of a few cookies that browsers send (r.Cookie
// builds every matching cookie, and a slice for them, each time it is
// asked). name must be a valid cookie name. Anything else (several Cookie
// lines, very many cookies, a GODEBUG cookie limit) asks r.Cookie.
func CookieValue(r *http.Request, name string) (string, bool) {
	lines := r.Header["Cookie"]
	if len(lines) == 0 {
		return "", false
	}
	if len(lines) > 1 || cookieLimitSet || strings.Count(lines[0], ";") >= 100 {
		c, err := r.Cookie(name)
		if err != nil {
			return "", false
		}
		return c.Value, true
	}
	// As net/http's readCookies reads a line, for the first cookie of
	// this name whose value is valid.
	line := textproto.TrimString(lines[0])
	var part string
	for len(line) > 0 {
		part, line, _ = strings.Cut(line, ";")
		part = textproto.TrimString(part)
		if part == "" {
			continue
		}
		n, v, _ := strings.Cut(part, "=")
		if textproto.TrimString(n) != name {
			continue
		}
		if len(v) > 1 && v[0] == '"' && v[len(v)-1] == '"' {
			v = v[1 : len(v)-1]
		}
		if validCookieValue(v) {
			return v, true
		}
	}
	return "", false
}

// validCookieValue is net/http's check of a cookie value's bytes.
func validCookieValue(v string) bool {
	for i := 0; i < len(v); i++ {
		if b := v[i]; b < 0x20 || b >= 0x7f || b == '"' || b == ';' || b == '\\' {
			return false
		}
	}
	return true
}

// cookieLimitSet: GODEBUG sets net/http's limit on the number of cookies
// read, which CookieValue leaves to r.Cookie.
var cookieLimitSet = strings.Contains(os.Getenv("GODEBUG"), "httpcookiemaxnum")
