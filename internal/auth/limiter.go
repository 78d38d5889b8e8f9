package auth

import (
	"sync"
	"time"
)

// Limiter counts failed logins per key (an account or an IP address) in a
// sliding window and refuses further tries once a key reaches its limit.
// It lives in memory: behind several processes each keeps its own count,
// which still bounds guessing to a small multiple of the limit.
type Limiter struct {
	mu     sync.Mutex
	limit  int
	window time.Duration
	fails  map[string][]time.Time
	now    func() time.Time
}

// NewLimiter allows limit failures per key within window.
func NewLimiter(limit int, window time.Duration) *Limiter {
	return &Limiter{limit: limit, window: window, fails: map[string][]time.Time{}, now: time.Now}
}

func (l *Limiter) prune(key string, now time.Time) []time.Time {
	list := l.fails[key]
	i := 0
	for i < len(list) && now.Sub(list[i]) >= l.window {
		i++
	}
	list = list[i:]
	if len(list) == 0 {
		delete(l.fails, key)
	} else {
		l.fails[key] = list
	}
	return list
}

// Blocked reports whether key is over its limit and, if so, how long until
// it may try again.
func (l *Limiter) Blocked(key string) (bool, time.Duration) {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	list := l.prune(key, now)
	if len(list) < l.limit {
		return false, 0
	}
	return true, l.window - now.Sub(list[len(list)-l.limit])
}

// Fail records a failed try for key.
func (l *Limiter) Fail(key string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	l.prune(key, now)
	l.fails[key] = append(l.fails[key], now)
	if len(l.fails) > 100000 {
		// Bound memory under a flood of distinct keys: forget the oldest half.
		for k := range l.fails {
			delete(l.fails, k)
			if len(l.fails) <= 50000 {
				break
			}
		}
	}
}

// Reset forgets key's failures (after a successful login).
func (l *Limiter) Reset(key string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	delete(l.fails, key)
}
