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

// The reader cookie is written by hand on the hot path: it must carry
// exactly the attributes http.SetCookie would write, Secure behind TLS.
func TestReaderCookieAsSetCookieWritesIt(t *testing.T) {
	for _, tls := range []bool{false, true} {
		rd := NewReaders([]byte("rahasia"), NewClientIPs(false, nil), nil)
		r := httptest.NewRequest(http.MethodGet, "/", nil)
		if tls {
			r = httptest.NewRequest(http.MethodGet, "https://warta.test/", nil)
		}
		w := httptest.NewRecorder()
		var v = rd.Visit(r)
		rd.Ensure(w, r, &v)
		got := w.Header().Get("Set-Cookie")
		want := httptest.NewRecorder()
		http.SetCookie(want, &http.Cookie{Name: ReaderCookie, Value: got[len(ReaderCookie)+1 : strings.IndexByte(got, ';')],
			Path: "/", MaxAge: 365 * 24 * 3600, HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: tls})
		if got != want.Header().Get("Set-Cookie") {
			t.Errorf("tls %v: Set-Cookie %q, http.SetCookie writes %q", tls, got, want.Header().Get("Set-Cookie"))
		}
		if rd.Resolve(requestWithCookie(w)).Key != v.Key {
			t.Errorf("tls %v: the cookie written does not resolve to its key", tls)
		}
	}
}

func requestWithCookie(w *httptest.ResponseRecorder) *http.Request {
	r := httptest.NewRequest(http.MethodGet, "/", nil)
	for _, c := range w.Result().Cookies() {
		r.AddCookie(c)
	}
	return r
}
