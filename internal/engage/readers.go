// Package engage is reader engagement: view counting, reactions, comments
// and poll votes, with the rules that keep them exact and hard to abuse.
// The reader site and the JSON API both go through it.
package engage

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"hash"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// ReaderCookie names the cookie that remembers a reader's key and when
// their browser first saw the site.
const ReaderCookie = "warta_pembaca"

// Readers recognises readers without storing their IP address: a reader's
// key is an HMAC of IP and User-Agent under a salt that rotates daily, kept
// in a signed cookie when the browser accepts one.
type Readers struct {
	secret     []byte
	trustProxy bool
	now        func() time.Time
	salt       atomic.Pointer[daySalt] // today's salt, derived once a day
	macs       sync.Pool               // HMAC-SHA256 states keyed with secret
}

type daySalt struct {
	day  string
	macs sync.Pool // HMAC-SHA256 states keyed with the day's salt
}

// sum writes parts, each followed by a zero byte, into a pooled HMAC state:
// building a new HMAC per call was a third of the cost of a cached page.
func sum(pool *sync.Pool, key []byte, parts ...string) []byte {
	h, _ := pool.Get().(hash.Hash)
	if h == nil {
		h = hmac.New(sha256.New, key)
	}
	h.Reset()
	for _, p := range parts {
		h.Write([]byte(p))
		h.Write([]byte{0})
	}
	out := h.Sum(nil)
	pool.Put(h)
	return out
}

// NewReaders builds a Readers. secret signs cookies and derives the daily
// salt; trustProxy takes the client IP from X-Forwarded-For (only behind a
// proxy that sets it).
func NewReaders(secret []byte, trustProxy bool, now func() time.Time) *Readers {
	if now == nil {
		now = time.Now
	}
	return &Readers{secret: secret, trustProxy: trustProxy, now: now}
}

func (rd *Readers) mac(parts ...string) []byte { return sum(&rd.macs, rd.secret, parts...) }

// ClientIP returns the client's address.
func (rd *Readers) ClientIP(r *http.Request) string {
	if rd.trustProxy {
		if xff := r.Header.Get("X-Forwarded-For"); xff != "" {
			first, _, _ := strings.Cut(xff, ",")
			if ip := net.ParseIP(strings.TrimSpace(first)); ip != nil {
				return ip.String()
			}
		}
	}
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

// Hash is today's key for this client: the same IP and User-Agent give the
// same key until the salt rotates at midnight UTC. It cannot be turned back
// into an IP address.
func (rd *Readers) Hash(r *http.Request) string {
	day := rd.now().UTC().Format("2006-01-02")
	ds := rd.salt.Load()
	if ds == nil || ds.day != day {
		salt := rd.mac("salt", day)
		ds = &daySalt{day: day}
		ds.macs.New = func() any { return hmac.New(sha256.New, salt) }
		rd.salt.Store(ds)
	}
	return "h" + base64.RawURLEncoding.EncodeToString(sum(&ds.macs, nil, rd.ClientIP(r), r.UserAgent())[:15])
}

// PollKey is a per-poll key for this client that does not rotate, so a
// reader cannot vote again tomorrow; it differs between polls, so votes
// cannot be linked across polls.
func (rd *Readers) PollKey(r *http.Request, pollID int64) string {
	return "p" + base64.RawURLEncoding.EncodeToString(rd.mac("poll", strconv.FormatInt(pollID, 10), rd.ClientIP(r), r.UserAgent())[:15])
}

// secure reports whether cookies may be marked Secure: the request came over
// HTTPS, directly or through a trusted proxy.
func (rd *Readers) secure(r *http.Request) bool {
	return r.TLS != nil || (rd.trustProxy && r.Header.Get("X-Forwarded-Proto") == "https")
}

// IPKey is a keyed hash of the client IP for per-IP rate limits.
func (rd *Readers) IPKey(r *http.Request) string {
	return "i" + base64.RawURLEncoding.EncodeToString(rd.mac("ip", rd.ClientIP(r))[:12])
}

// Visitor is what the reader cookie says.
type Visitor struct {
	Key       string    // stable reader key ("" when the browser sent no valid cookie)
	FirstSeen time.Time // when the cookie was issued
}

// Visitor reads and verifies the reader cookie.
func (rd *Readers) Visitor(r *http.Request) Visitor {
	c, err := r.Cookie(ReaderCookie)
	if err != nil {
		return Visitor{}
	}
	parts := strings.Split(c.Value, ".")
	if len(parts) != 3 {
		return Visitor{}
	}
	sig, err := base64.RawURLEncoding.DecodeString(parts[2])
	if err != nil || !hmac.Equal(sig, rd.mac("cookie", parts[0], parts[1])[:16]) {
		return Visitor{}
	}
	ts, err := strconv.ParseInt(parts[1], 10, 64)
	if err != nil {
		return Visitor{}
	}
	return Visitor{Key: parts[0], FirstSeen: time.Unix(ts, 0)}
}

// ActiveCookie marks a browser that reacted, commented or voted: pages show
// its own state, so they are never served to it from a shared cache.
const ActiveCookie = "warta_aktif"

// Key returns the reader's stable key: the cookie's when there is one, else
// today's hash, which the cookie then keeps (so clearing cookies the same
// day gives the same key again). Only engagement calls it, so it also marks
// the browser as active.
func (rd *Readers) Key(w http.ResponseWriter, r *http.Request) string {
	if _, err := r.Cookie(ActiveCookie); err != nil && w != nil {
		http.SetCookie(w, &http.Cookie{Name: ActiveCookie, Value: "1", Path: "/", MaxAge: 365 * 24 * 3600,
			HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: rd.secure(r)})
	}
	if v := rd.Visitor(r); v.Key != "" {
		return v.Key
	}
	key := rd.Hash(r)
	rd.setCookie(w, r, key, rd.now())
	return key
}

func (rd *Readers) setCookie(w http.ResponseWriter, r *http.Request, key string, at time.Time) {
	ts := strconv.FormatInt(at.Unix(), 10)
	sig := base64.RawURLEncoding.EncodeToString(rd.mac("cookie", key, ts)[:16])
	http.SetCookie(w, &http.Cookie{Name: ReaderCookie, Value: key + "." + ts + "." + sig, Path: "/",
		MaxAge: 365 * 24 * 3600, HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: rd.secure(r)})
}
