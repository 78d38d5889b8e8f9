package web

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// Two browsers on one address with one User-Agent get two reader keys and
// the same address hashes; a cookie is believed only with its signature.
func TestReadersTellTwoBrowsersApart(t *testing.T) {
	rd := NewReaders([]byte("rahasia"), NewClientIPs(false, nil), nil)
	request := func(cookie *http.Cookie) *http.Request {
		r := httptest.NewRequest(http.MethodPost, "/", nil)
		r.RemoteAddr = "114.124.0.7:40000" // one carrier NAT address
		r.Header.Set("User-Agent", "Mozilla/5.0 (Linux; Android 14) Chrome/124 Mobile")
		if cookie != nil {
			r.AddCookie(cookie)
		}
		return r
	}
	issue := func() *http.Cookie {
		t.Helper()
		w := httptest.NewRecorder()
		v := rd.Resolve(request(nil))
		if v.Key != "" {
			t.Fatalf("a request without a cookie resolved to key %q", v.Key)
		}
		rd.Ensure(w, request(nil), &v)
		if !v.New || v.Key == "" {
			t.Fatalf("Ensure gave %+v", v)
		}
		for _, c := range w.Result().Cookies() {
			if c.Name == ReaderCookie {
				return c
			}
		}
		t.Fatal("no reader cookie set")
		return nil
	}
	a, b := issue(), issue()
	ra, rb := rd.Resolve(request(a)), rd.Resolve(request(b))
	if ra.Key == "" || rb.Key == "" || ra.Key == rb.Key || ra.New || rb.New {
		t.Errorf("two browsers resolved to %q and %q", ra.Key, rb.Key)
	}
	if ra.IPKey != rb.IPKey || ra.ClientKey != rb.ClientKey || ra.DayHash != rb.DayHash || strings.Contains(ra.IPKey, "114.124") {
		t.Errorf("address hashes differ or show the address: %+v %+v", ra, rb)
	}
	forged := *a
	forged.Value = rb.Key + forged.Value[strings.Index(forged.Value, "."):]
	if got := rd.Resolve(request(&forged)); got.Key != "" {
		t.Errorf("a cookie with another key and the old signature resolved to %q", got.Key)
	}
	if got := NewReaders([]byte("rahasia-lain"), nil, nil).Resolve(request(a)); got.Key != "" {
		t.Errorf("a cookie signed with another secret resolved to %q", got.Key)
	}
}
