package web

import (
	"net/http"
	"testing"
)

// CookieValue finds what r.Cookie finds, for every shape of Cookie header.
func TestCookieValueIsWhatRequestCookieReads(t *testing.T) {
	for _, lines := range [][]string{
		nil,
		{""},
		{"warta_pembaca=abc"},
		{"  warta_pembaca=abc.1.sig ; other=1"},
		{"other=1; warta_pembaca=x; warta_pembaca=y"},
		{"warta_pembaca=\"quoted\""},
		{"warta_pembaca=\""},
		{"warta_pembaca=bad\\value; warta_pembaca=good"},
		{"warta_pembaca"},
		{"warta_pembaca="},
		{" warta_pembaca =spaced"},
		{"warta_pembacax=1; xwarta_pembaca=2"},
		{";;warta_pembaca=a;;"},
		{"a=1", "warta_pembaca=second-line"},
		{"warta_pembaca=tab\tinside"},
		{"warta_pembaca=caf\xc3\xa9"},
	} {
		r := &http.Request{Header: http.Header{}}
		if lines != nil {
			r.Header["Cookie"] = lines
		}
		got, ok := CookieValue(r, ReaderCookie)
		c, err := r.Cookie(ReaderCookie)
		if want := err == nil; ok != want || (ok && got != c.Value) {
			t.Errorf("%q: CookieValue %q %v, r.Cookie %v %v", lines, got, ok, c, err)
		}
	}
}
