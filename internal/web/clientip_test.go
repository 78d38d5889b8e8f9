package web

import (
	"net/http"
	"net/http/httptest"
	"net/netip"
	"testing"
)

func TestClientIP(t *testing.T) {
	office, err := ParsePrefixes("10.0.0.0/8, 192.0.2.10")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name    string
		trust   bool
		trusted []netip.Prefix
		peer    string
		xff     []string
		want    string
	}{
		{"no trust: the peer, whatever the header says", false, nil, "203.0.113.9:5555", []string{"1.1.1.1"}, "203.0.113.9"},
		{"trusted proxy on loopback appended the client", true, nil, "127.0.0.1:4000", []string{"198.51.100.7"}, "198.51.100.7"},
		{"forged leftmost entries are ignored", true, nil, "127.0.0.1:4000", []string{"6.6.6.6, 7.7.7.7, 198.51.100.7"}, "198.51.100.7"},
		{"trusted hops are skipped from the right", true, nil, "127.0.0.1:4000", []string{"6.6.6.6, 198.51.100.7, 10.1.2.3, 192.168.0.5"}, "198.51.100.7"},
		{"several header lines are one list", true, nil, "127.0.0.1:4000", []string{"6.6.6.6", "198.51.100.7, 10.0.0.2"}, "198.51.100.7"},
		{"a peer that is no trusted proxy: its address", true, nil, "203.0.113.9:5555", []string{"198.51.100.7"}, "203.0.113.9"},
		{"a configured list replaces the default", true, office, "127.0.0.1:4000", []string{"198.51.100.7"}, "127.0.0.1"},
		{"configured single address", true, office, "192.0.2.10:80", []string{"6.6.6.6, 198.51.100.8, 10.9.9.9"}, "198.51.100.8"},
		{"every hop trusted: the first one", true, nil, "127.0.0.1:4000", []string{"192.168.1.20, 10.0.0.1"}, "192.168.1.20"},
		{"no header: the proxy itself", true, nil, "127.0.0.1:4000", nil, "127.0.0.1"},
		{"addresses with ports and IPv6", true, nil, "[::1]:4000", []string{"6.6.6.6, [2001:db8::5]:1234"}, "2001:db8::5"},
		{"IPv4-mapped IPv6 is IPv4", true, nil, "[::ffff:127.0.0.1]:4000", []string{"::ffff:198.51.100.7"}, "198.51.100.7"},
		{"garbage written left of the client is never reached", true, nil, "127.0.0.1:4000", []string{"<script>, 198.51.100.7"}, "198.51.100.7"},
		{"garbage from the proxy: stop at the last readable hop", true, nil, "127.0.0.1:4000", []string{"198.51.100.7, unknown"}, "127.0.0.1"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := httptest.NewRequest(http.MethodGet, "/", nil)
			r.RemoteAddr = tc.peer
			for _, v := range tc.xff {
				r.Header.Add("X-Forwarded-For", v)
			}
			if got := NewClientIPs(tc.trust, tc.trusted).ClientIP(r); got != tc.want {
				t.Errorf("ClientIP = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestSecureOnlyFromTrustedProxy(t *testing.T) {
	r := httptest.NewRequest(http.MethodGet, "/", nil)
	r.Header.Set("X-Forwarded-Proto", "https")
	r.RemoteAddr = "127.0.0.1:1"
	if !NewClientIPs(true, nil).Secure(r) {
		t.Error("X-Forwarded-Proto from a trusted proxy not believed")
	}
	r.RemoteAddr = "203.0.113.9:1"
	if NewClientIPs(true, nil).Secure(r) {
		t.Error("X-Forwarded-Proto from an untrusted peer believed")
	}
	if NewClientIPs(false, nil).Secure(r) {
		t.Error("X-Forwarded-Proto believed without --trust-proxy")
	}
}

func TestParsePrefixes(t *testing.T) {
	got, err := ParsePrefixes(" 127.0.0.1/32,10.0.0.0/8 , fd00::/8,192.0.2.1, ::ffff:10.1.0.0/112")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"127.0.0.1/32", "10.0.0.0/8", "fd00::/8", "192.0.2.1/32", "10.1.0.0/16"}
	if len(got) != len(want) {
		t.Fatalf("got %v", got)
	}
	for i := range want {
		if got[i].String() != want[i] {
			t.Errorf("prefix %d = %s, want %s", i, got[i], want[i])
		}
	}
	for _, bad := range []string{"10.0.0.0/33", "localhost", "1.2.3"} {
		if _, err := ParsePrefixes(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}
