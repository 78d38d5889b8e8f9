package engage

import (
	"math"
	"sync"
	"time"
)

// Limit is a token bucket: Burst requests at once, refilled at PerMinute.
type Limit struct {
	PerMinute float64
	Burst     float64
}

// limiter keeps one bucket per key, in memory; idle buckets are swept so
// memory stays bounded by the number of active clients.
type limiter struct {
	limit   Limit
	mu      sync.Mutex
	buckets map[string]*bucket
	swept   time.Time
}

type bucket struct {
	tokens float64
	last   time.Time
}

func newLimiter(l Limit) *limiter { return &limiter{limit: l, buckets: map[string]*bucket{}} }

// allow takes a token for key; when none is left it reports how long until
// one is.
func (l *limiter) allow(key string, now time.Time) (bool, time.Duration) {
	if l == nil || l.limit.PerMinute <= 0 {
		return true, 0
	}
	rate := l.limit.PerMinute / 60 // tokens per second
	l.mu.Lock()
	defer l.mu.Unlock()
	if now.Sub(l.swept) > time.Minute {
		full := time.Duration(l.limit.Burst / rate * float64(time.Second))
		for k, b := range l.buckets {
			if now.Sub(b.last) > full {
				delete(l.buckets, k)
			}
		}
		l.swept = now
	}
	b, ok := l.buckets[key]
	if !ok {
		b = &bucket{tokens: l.limit.Burst, last: now}
		l.buckets[key] = b
	}
	b.tokens = math.Min(l.limit.Burst, b.tokens+now.Sub(b.last).Seconds()*rate)
	b.last = now
	if b.tokens >= 1 {
		b.tokens--
		return true, 0
	}
	wait := time.Duration((1 - b.tokens) / rate * float64(time.Second))
	return false, wait
}

// refund gives back a token taken for key (the action it paid for did not
// happen).
func (l *limiter) refund(key string) {
	if l == nil || l.limit.PerMinute <= 0 {
		return
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if b, ok := l.buckets[key]; ok {
		b.tokens = math.Min(l.limit.Burst, b.tokens+1)
	}
}
