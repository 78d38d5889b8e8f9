package domain

import "time"

// Reader is who sent a request to the reader site or the public API, as the
// HTTP layer resolved it. The reader's own signed cookie is their identity:
// only Key ever shows a person their own state (their vote, reaction, held
// comment) or carries their moderation history. The hashes of the client
// address are signals for rate limits and abuse, shared by everyone behind
// one carrier NAT, and never identify a person.
type Reader struct {
	// Key is the reader's own key from their signed cookie; "" when the
	// browser sent none.
	Key string
	// FirstSeen is when that cookie was issued.
	FirstSeen time.Time
	// New is set when Key was issued by this very request: the browser had
	// no cookie yet, so nothing shows it accepts one.
	New bool
	// DayHash is today's keyed hash of client IP and User-Agent (rotates
	// daily): view de-duplication only.
	DayHash string
	// IPKey is a keyed hash of the client IP: per-address budgets that hold
	// whatever the User-Agent says.
	IPKey string
	// ClientKey is a keyed hash of client IP and User-Agent that does not
	// rotate: the optional one-vote-per-device poll rule.
	ClientKey string
	// UserAgent tells readers from machines (view counting).
	UserAgent string
	// IP is the client address, used only to match IP-range comment
	// blocks at the moment of commenting; it is never stored.
	IP string
}

// ECookieRequired refuses a vote or reaction from a browser that had no
// reader cookie yet: the answer carries one, and the same request sent again
// counts. (Status 400, so clients that do not know the code still see a
// refusal.)
const ECookieRequired = "cookie_required"
