package web_test

import (
	"net/url"
	"strings"
	"testing"
	"unicode/utf8"

	"warta/internal/web"
)

// FuzzCheckQuery: the edge check passes a query exactly when every name
// and value in it decodes to UTF-8 text without NUL.
func FuzzCheckQuery(f *testing.F) {
	for _, s := range []string{"q=banjir", "q=%FF", "q=%00", "a=1&b=2;c", "%zz=1", "q=%C3%28", "=&&=", "q=caf%C3%A9+%F0%9F%98%80"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		err := web.CheckQuery(raw)
		ok := true
		for pair := range strings.SplitSeq(raw, "&") {
			k, v, _ := strings.Cut(pair, "=")
			for _, part := range []string{k, v} {
				d, derr := url.QueryUnescape(part)
				if derr != nil || !utf8.ValidString(d) || strings.ContainsRune(d, 0) {
					ok = false
				}
			}
		}
		if (err == nil) != ok {
			t.Fatalf("CheckQuery(%q) = %v, want ok=%v", raw, err, ok)
		}
	})
}
