package web

import (
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"strings"
)

// DefaultTrustedProxies are the peers trusted to append X-Forwarded-For
// when --trust-proxy is on and no list is given: loopback and the private
// ranges (RFC 1918, IPv6 unique local), where a reverse proxy on the same
// machine or network sits.
var DefaultTrustedProxies = []netip.Prefix{
	netip.MustParsePrefix("127.0.0.0/8"),
	netip.MustParsePrefix("::1/128"),
	netip.MustParsePrefix("10.0.0.0/8"),
	netip.MustParsePrefix("172.16.0.0/12"),
	netip.MustParsePrefix("192.168.0.0/16"),
	netip.MustParsePrefix("fc00::/7"),
}

// ParsePrefixes reads a comma-separated list of addresses and CIDR ranges
// ("127.0.0.1, 10.0.0.0/8, fd00::/8"); a bare address is a one-address range.
func ParsePrefixes(list string) ([]netip.Prefix, error) {
	var out []netip.Prefix
	for _, f := range strings.Split(list, ",") {
		f = strings.TrimSpace(f)
		if f == "" {
			continue
		}
		if !strings.Contains(f, "/") {
			a, err := netip.ParseAddr(f)
			if err != nil {
				return nil, fmt.Errorf("%q is not an IP address or CIDR range", f)
			}
			a = a.Unmap()
			out = append(out, netip.PrefixFrom(a, a.BitLen()))
			continue
		}
		p, err := netip.ParsePrefix(f)
		if err != nil {
			return nil, fmt.Errorf("%q is not an IP address or CIDR range", f)
		}
		if p.Addr().Is4In6() {
			p = netip.PrefixFrom(p.Addr().Unmap(), p.Bits()-96)
		}
		out = append(out, p.Masked())
	}
	return out, nil
}

// ClientIPs is Warta's one rule for who a request came from, used by login
// limits, engagement rate limits and reader hashes alike.
//
// Without proxy trust the client is the TCP peer (RemoteAddr) and
// X-Forwarded-For is ignored. With it, X-Forwarded-For is believed only as
// far as trusted proxies wrote it: when the peer is a trusted proxy, the
// header is walked from the right (each proxy appends the address it saw),
// trusted hops are skipped, and the first untrusted address is the client.
// Everything left of it was written by the client and may be forged.
type ClientIPs struct {
	trust   bool
	trusted []netip.Prefix
}

// NewClientIPs builds the resolver. trusted is only used when trustProxy
// is true; nil takes DefaultTrustedProxies.
func NewClientIPs(trustProxy bool, trusted []netip.Prefix) *ClientIPs {
	if trustProxy && trusted == nil {
		trusted = DefaultTrustedProxies
	}
	return &ClientIPs{trust: trustProxy, trusted: trusted}
}

func (c *ClientIPs) isTrusted(a netip.Addr) bool {
	for _, p := range c.trusted {
		if p.Contains(a) {
			return true
		}
	}
	return false
}

// parseHop reads one address as proxies write it: "1.2.3.4", "1.2.3.4:5678",
// "2001:db8::1" or "[2001:db8::1]:5678".
func parseHop(s string) (netip.Addr, bool) {
	s = strings.TrimSpace(s)
	if a, err := netip.ParseAddr(s); err == nil {
		return a.Unmap().WithZone(""), true
	}
	if ap, err := netip.ParseAddrPort(s); err == nil {
		return ap.Addr().Unmap().WithZone(""), true
	}
	return netip.Addr{}, false
}

func (c *ClientIPs) peer(r *http.Request) (netip.Addr, string) {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		host = r.RemoteAddr
	}
	a, ok := parseHop(host)
	if !ok {
		return netip.Addr{}, host
	}
	if a.Is4() && !strings.ContainsAny(host, ": \t") {
		return a, host // a dotted quad parses only in the form String gives: no copy per request
	}
	return a, a.String()
}

// fromTrustedProxy reports whether the request's peer is a trusted proxy.
func (c *ClientIPs) fromTrustedProxy(r *http.Request) bool {
	if !c.trust {
		return false
	}
	a, _ := c.peer(r)
	return a.IsValid() && c.isTrusted(a)
}

// ClientIP returns the client's address. It has the shape of the seam the
// login limiter and the reader resolver take: func(*http.Request) string.
func (c *ClientIPs) ClientIP(r *http.Request) string {
	a, s := c.peer(r)
	if !c.trust || !a.IsValid() || !c.isTrusted(a) {
		return s
	}
	// Several X-Forwarded-For lines are one list, in order (RFC 9110 5.3).
	hops := strings.Split(strings.Join(r.Header.Values("X-Forwarded-For"), ","), ",")
	client := a
	for i := len(hops) - 1; i >= 0; i-- {
		h, ok := parseHop(hops[i])
		if !ok {
			// A trusted proxy wrote something that is no address: stop at
			// the last hop we could read rather than believe what is left.
			break
		}
		client = h
		if !c.isTrusted(h) {
			break
		}
	}
	return client.String()
}

// Secure reports whether the client reached us over HTTPS: directly, or
// through a trusted proxy that says so in X-Forwarded-Proto.
func (c *ClientIPs) Secure(r *http.Request) bool {
	return r.TLS != nil || (c.fromTrustedProxy(r) && r.Header.Get("X-Forwarded-Proto") == "https")
}
