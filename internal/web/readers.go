package web

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"hash"
	"hash/maphash"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"warta/internal/domain"
)

// ReaderCookie names the cookie that carries a reader's own key and when
// their browser first saw the site.
const ReaderCookie = "warta_pembaca"

// ActiveCookie marks a browser that reacted, commented or voted: pages show
// its own state, so they are never served to it from a shared cache.
const ActiveCookie = "warta_aktif"

// Readers resolves who a reader-site or API request comes from: the signed
// reader cookie (the identity) and keyed hashes of the client address (rate
// limit and abuse signals). No IP address is stored anywhere. The reader
// site and the public API share one Readers, so a browser is the same
// reader on both.
type Readers struct {
	secret []byte
	ips    *ClientIPs
	now    func() time.Time
	seed   atomic.Pointer[daySeed] // today's DayHash seed, made once a day
	macs   sync.Pool               // HMAC-SHA256 states keyed with secret
}

type daySeed struct {
	day  int64 // days since 1970-01-01 UTC
	seed maphash.Seed
}

// NewReaders builds a Readers. secret signs cookies and keys the hashes;
// ips decides the client address (nil: the TCP peer).
func NewReaders(secret []byte, ips *ClientIPs, now func() time.Time) *Readers {
	if ips == nil {
		ips = NewClientIPs(false, nil)
	}
	if now == nil {
		now = time.Now
	}
	return &Readers{secret: secret, ips: ips, now: now}
}

// EphemeralReaders is a Readers with a random secret and the TCP peer as
// the client: for a site or API built alone (tests). Its cookies die with
// the process.
func EphemeralReaders() *Readers {
	secret := make([]byte, 32)
	rand.Read(secret)
	return NewReaders(secret, nil, nil)
}

// macState is a pooled HMAC-SHA256 state keyed with the secret, with
// room for the message and the sum: building a new HMAC per call was a
// third of the cost of a cached page, and writing each part through the
// hash.Hash interface cost an allocation per part.
type macState struct {
	h   hash.Hash
	msg []byte
	out []byte
}

func (rd *Readers) macState() *macState {
	st, _ := rd.macs.Get().(*macState)
	if st == nil {
		st = &macState{h: hmac.New(sha256.New, rd.secret)}
	}
	st.msg = st.msg[:0]
	return st
}

// add appends one part of the message, followed by a zero byte.
func (st *macState) add(p string) { st.msg = append(append(st.msg, p...), 0) }

// addBytes is add for bytes.
func (st *macState) addBytes(p []byte) { st.msg = append(append(st.msg, p...), 0) }

// sum returns the MAC of the parts added and puts the state back.
func (rd *Readers) sum(st *macState) (out [sha256.Size]byte) {
	st.h.Reset()
	st.h.Write(st.msg)
	st.out = st.h.Sum(st.out[:0])
	copy(out[:], st.out)
	rd.macs.Put(st)
	return out
}

// mac is the MAC of parts, each followed by a zero byte.
func (rd *Readers) mac(parts ...string) [sha256.Size]byte {
	st := rd.macState()
	for _, p := range parts {
		st.add(p)
	}
	return rd.sum(st)
}

// Secure reports whether the client reached the site over HTTPS, under
// the site's one proxy rule (the reader cookie is then Secure).
func (rd *Readers) Secure(r *http.Request) bool { return rd.ips.Secure(r) }

// ClientIP is the client's address under the site's one proxy rule.
func (rd *Readers) ClientIP(r *http.Request) string { return rd.ips.ClientIP(r) }

// DayHash is today's key for this client address and User-Agent: the same
// pair gives the same key until the seed rotates at midnight UTC. Only view
// de-duplication uses it, and that lives in this process's memory, so the
// key is a keyed 64-bit hash (hash/maphash) with a random seed made in this
// process each day, never stored nor sent: it cannot be turned back into an
// address, and yesterday's keys cannot be linked to today's. (An HMAC here
// cost a tenth of serving a cached page.)
func (rd *Readers) DayHash(r *http.Request) string {
	day := rd.now().Unix() / 86400
	ds := rd.seed.Load()
	if ds == nil || ds.day != day {
		fresh := &daySeed{day: day, seed: maphash.MakeSeed()}
		if rd.seed.CompareAndSwap(ds, fresh) {
			ds = fresh
		} else {
			ds = rd.seed.Load()
		}
	}
	var h maphash.Hash
	h.SetSeed(ds.seed)
	h.WriteString(rd.ClientIP(r))
	h.WriteByte(0)
	h.WriteString(r.UserAgent())
	var b [16]byte
	return string(strconv.AppendUint(append(b[:0], 'h'), h.Sum64(), 36))
}

// Resolve reads who is asking: the verified reader cookie, if any, and the
// hashes of the client address. It never sets anything; see Ensure.
func (rd *Readers) Resolve(r *http.Request) domain.Reader {
	ip := rd.ClientIP(r)
	ipMac, clientMac := rd.mac("ip", ip), rd.mac("client", ip, r.UserAgent())
	v := domain.Reader{UserAgent: r.UserAgent(), IP: ip,
		IPKey:     "i" + base64.RawURLEncoding.EncodeToString(ipMac[:12]),
		ClientKey: "d" + base64.RawURLEncoding.EncodeToString(clientMac[:15]),
	}
	v.DayHash = rd.DayHash(r)
	v.Key, v.FirstSeen = rd.cookie(r)
	return v
}

// Viewer is what counting a page view needs: the cookie, today's hash and
// the User-Agent (two HMACs; the page path is hot).
func (rd *Readers) Viewer(r *http.Request) domain.Reader {
	v := rd.Visit(r)
	v.DayHash, v.UserAgent = rd.DayHash(r), r.UserAgent()
	return v
}

// Visit is Resolve without the address hashes, for what only needs the
// identity (which comments, reaction and vote to show as the reader's own).
func (rd *Readers) Visit(r *http.Request) domain.Reader {
	var v domain.Reader
	v.Key, v.FirstSeen = rd.cookie(r)
	return v
}

func (rd *Readers) cookie(r *http.Request) (string, time.Time) {
	// key.time.signature, read without allocating: a returning reader's
	// cached page is hot.
	v, ok := CookieValue(r, ReaderCookie)
	if !ok {
		return "", time.Time{}
	}
	key, rest, ok1 := strings.Cut(v, ".")
	at, sigText, ok2 := strings.Cut(rest, ".")
	if !ok1 || !ok2 || key == "" || strings.IndexByte(sigText, '.') >= 0 {
		return "", time.Time{}
	}
	var buf [32]byte // a signature is 16 bytes; a longer text cannot match
	if base64.RawURLEncoding.DecodedLen(len(sigText)) > len(buf) {
		return "", time.Time{}
	}
	n, err := base64.RawURLEncoding.Decode(buf[:], []byte(sigText))
	if err != nil {
		return "", time.Time{}
	}
	if want := rd.mac("cookie", key, at); !hmac.Equal(buf[:n], want[:16]) {
		return "", time.Time{}
	}
	ts, err := strconv.ParseInt(at, 10, 64)
	if err != nil {
		return "", time.Time{}
	}
	return key, time.Unix(ts, 0)
}

// Ensure gives a browser without a reader cookie its own: a new random key,
// set on w and marked New in v. Two browsers are two readers even on one
// address with one User-Agent.
func (rd *Readers) Ensure(w http.ResponseWriter, r *http.Request, v *domain.Reader) {
	if v.Key != "" {
		return
	}
	var b [16]byte
	rand.Read(b[:])
	v.FirstSeen = time.Unix(rd.now().Unix(), 0)
	v.New = true
	// Written out rather than through http.SetCookie, whose checks of every
	// byte cost as much as the signature: the value is base64url and digits.
	// Built in one buffer: the key and the time are parts of the one string.
	attrs := readerCookieAttrs
	if rd.ips.Secure(r) {
		attrs = readerCookieAttrsSecure
	}
	var buf [160]byte
	c := append(buf[:0], ReaderCookie+"="...)
	key := len(c)
	c = base64.RawURLEncoding.AppendEncode(append(c, 'r'), b[:])
	ts := len(c) + 1
	c = strconv.AppendInt(append(c, '.'), v.FirstSeen.Unix(), 10)
	st := rd.macState()
	st.add("cookie")
	st.addBytes(c[key : ts-1])
	st.addBytes(c[ts:])
	sig := rd.sum(st)
	c = base64.RawURLEncoding.AppendEncode(append(c, '.'), sig[:16])
	cookie := string(append(c, attrs...))
	v.Key = cookie[key : ts-1]
	w.Header().Add("Set-Cookie", cookie)
}

// What http.SetCookie writes for the reader cookie's Path "/", MaxAge of a
// year, HttpOnly, (Secure) and SameSite Lax, in its order.
const (
	readerCookieAttrs       = "; Path=/; Max-Age=31536000; HttpOnly; SameSite=Lax"
	readerCookieAttrsSecure = "; Path=/; Max-Age=31536000; HttpOnly; Secure; SameSite=Lax"
)

// Active marks the browser as one whose pages show its own state (it
// reacted, commented or voted), so shared caches skip it from now on.
func (rd *Readers) Active(w http.ResponseWriter, r *http.Request) {
	if _, err := r.Cookie(ActiveCookie); err == nil {
		return
	}
	http.SetCookie(w, &http.Cookie{Name: ActiveCookie, Value: "1", Path: "/", MaxAge: 365 * 24 * 3600,
		HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: rd.ips.Secure(r)})
}
