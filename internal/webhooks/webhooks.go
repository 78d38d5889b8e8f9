// Package webhooks tells other systems when articles are published, updated
// or unpublished: it POSTs signed JSON to the URLs admins register, retries
// failures with exponential backoff, and keeps a delivery log in the
// database.
//
// Deliveries are at least once, through a transactional outbox: the
// delivery rows are written inside the article write's own transaction (a
// store hook), so they commit or vanish with the change, and a process
// killed right after the commit sends them when it (or another process)
// runs again. Publishing never waits for a webhook target: the commit only
// wakes the dispatcher, which claims due rows (FOR UPDATE SKIP LOCKED on
// PostgreSQL, so several processes share the work) and hands them to
// workers, each attempt bounded by a timeout. A claim is a lease: a crash
// mid-send only delays the retry until it ends. Retries live in the rows,
// so they survive restarts. A receiver gets one article's events in order:
// a delivery waits while an earlier one of the same webhook and article is
// still pending (retrying).
//
// Each request carries:
//
//	Content-Type: application/json
//	X-Warta-Event: published | updated | unpublished | ping
//	X-Warta-Delivery: <delivery id>, the same on every retry
//	Idempotency-Key: warta-delivery-<delivery id>, the same on every retry:
//	                 at least once means a receiver may see a delivery twice
//	X-Warta-Signature: sha256=<hex HMAC-SHA256 of the body with the webhook's secret>
//
// A 2xx answer is success; anything else (a redirect too) is retried.
package webhooks

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	mrand "math/rand/v2"
	"net"
	"net/http"
	"net/netip"
	"strconv"
	"sync"
	"syscall"
	"time"

	"warta/internal/domain"
	"warta/internal/store"
	"warta/internal/web"
)

// Config tunes delivery. Zero values take the defaults.
type Config struct {
	BaseURL  string         // absolute origin for article URLs in payloads
	Location *time.Location // zone of the times in payloads

	Timeout      time.Duration // per attempt; default 10 s
	MaxAttempts  int           // before a delivery is marked failed; default 8
	Backoff      time.Duration // wait after the first failure, doubled each time; default 30 s
	MaxBackoff   time.Duration // cap of the wait; default 1 h
	Workers      int           // concurrent sends; default 4
	PollInterval time.Duration // how often due retries are looked for; default 5 s
	Client       *http.Client  // default: no redirects followed, private targets refused
	// AllowPrivate lets deliveries reach loopback, private (RFC 1918, ULA)
	// and link-local addresses. Off by default, so a webhook cannot be
	// turned into a scanner of the server's own network; the operator turns
	// it on (--webhooks-allow-private) for targets on the same host or LAN.
	AllowPrivate bool
}

// Service delivers webhooks.
type Service struct {
	cfg   Config
	store *store.Store
	log   *slog.Logger
	wake  chan struct{} // a commit queued deliveries
	wg    sync.WaitGroup
}

// New builds the service; call Subscribe to hear article changes and Run to
// send.
func New(cfg Config, st *store.Store, log *slog.Logger) *Service {
	if cfg.Location == nil {
		cfg.Location = time.UTC
	}
	if cfg.Timeout <= 0 {
		cfg.Timeout = 10 * time.Second
	}
	if cfg.MaxAttempts <= 0 {
		cfg.MaxAttempts = 8
	}
	if cfg.Backoff <= 0 {
		cfg.Backoff = 30 * time.Second
	}
	if cfg.MaxBackoff <= 0 {
		cfg.MaxBackoff = time.Hour
	}
	if cfg.Workers <= 0 {
		cfg.Workers = 4
	}
	if cfg.PollInterval <= 0 {
		cfg.PollInterval = 5 * time.Second
	}
	if cfg.Client == nil {
		tr := http.DefaultTransport.(*http.Transport).Clone()
		tr.Proxy = nil // the address checked is the address dialled
		if !cfg.AllowPrivate {
			d := &net.Dialer{Timeout: cfg.Timeout, Control: refusePrivate}
			tr.DialContext = d.DialContext
		}
		cfg.Client = &http.Client{Transport: tr,
			CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	}
	return &Service{cfg: cfg, store: st, log: log, wake: make(chan struct{}, 1)}
}

// NewSecret returns a fresh signing secret for a webhook.
func NewSecret() string {
	var b [32]byte
	rand.Read(b[:])
	return "whsec_" + hex.EncodeToString(b[:])
}

// Sign returns the X-Warta-Signature value of body under secret.
func Sign(secret string, body []byte) string {
	m := hmac.New(sha256.New, []byte(secret))
	m.Write(body)
	return "sha256=" + hex.EncodeToString(m.Sum(nil))
}

// Verify reports whether signature is body's signature under secret, in
// constant time. Receivers written in Go can use it as is.
func Verify(secret string, body []byte, signature string) bool {
	return hmac.Equal([]byte(Sign(secret, body)), []byte(signature))
}

// Subscribe hooks the service to the store's article writes: inside each
// write's transaction it reads the article as the write left it (so a
// payload tells what the event did, whatever happens next) and queues a
// delivery row per webhook that wants the event; once the write committed
// it wakes the dispatcher. A failure to queue fails the article write, so
// no committed change goes undelivered.
func (s *Service) Subscribe() {
	s.store.OnArticleWrite(func(ctx context.Context, tx *sql.Tx, c store.ArticleChange) error {
		if !wanted(c) {
			return nil
		}
		a, err := s.store.ArticleInTx(ctx, tx, c.ArticleID)
		if err != nil {
			return fmt.Errorf("webhooks: read article: %w", err)
		}
		body, err := json.Marshal(Payload{Event: c.Kind, OccurredAt: web.RFC3339(s.store.Now(), s.cfg.Location),
			Article: s.articlePayload(a)})
		if err != nil {
			return fmt.Errorf("webhooks: payload: %w", err)
		}
		_, err = s.store.QueueDeliveries(ctx, tx, c.Kind, a.ID, string(body))
		return err
	})
	s.store.OnArticleChange(func(_ context.Context, c store.ArticleChange) {
		if wanted(c) {
			s.Wake()
		}
	})
}

// wanted reports whether webhooks hear of an article change.
func wanted(c store.ArticleChange) bool {
	switch c.Kind {
	case domain.EventPublished, domain.EventUnpublished:
		return true
	case domain.EventUpdated:
		// An update to an article readers cannot see concerns nobody.
		return c.Status == domain.StatusPublished
	}
	return false
}

// Wake makes the dispatcher look for due deliveries now (a ping or retry
// queued by an admin, a commit).
func (s *Service) Wake() {
	select {
	case s.wake <- struct{}{}:
	default:
	}
}

// Run sends deliveries until ctx is cancelled, and returns once the
// workers have finished their current attempt. A delivery is claimed only
// when a worker is free to send it at once, so its lease (the attempt's
// timeout plus a margin) is short: one a killed process was sending is
// retried by another process within that time. On SQLite, which one
// process owns, leases left by a killed process are ended at start.
func (s *Service) Run(ctx context.Context) {
	if s.store.Dialect() == store.SQLite {
		if err := s.store.ReleaseAllClaims(ctx); err != nil {
			s.log.Error("webhooks: release claims", "err", err)
		}
	}
	tick := time.NewTicker(s.cfg.PollInterval)
	defer tick.Stop()
	free := make(chan struct{}, s.cfg.Workers)
	defer s.wg.Wait()
	for {
		select {
		case free <- struct{}{}: // a worker is free
		case <-ctx.Done():
			return
		}
		list, err := s.store.ClaimDue(ctx, 1, s.store.Now().Add(s.cfg.Timeout+10*time.Second))
		if err != nil && ctx.Err() == nil {
			s.log.Error("webhooks: claim due deliveries", "err", err)
		}
		if len(list) == 0 {
			<-free
			select {
			case <-ctx.Done():
				return
			case <-s.wake:
			case <-tick.C:
			}
			continue
		}
		s.wg.Add(1)
		go func(c store.Claimed) {
			defer s.wg.Done()
			defer func() { <-free }()
			s.attempt(ctx, c)
		}(list[0])
	}
}

// Payload is the JSON body of a delivery.
type Payload struct {
	Event      string          `json:"event"`
	OccurredAt string          `json:"occurred_at"`
	Article    *ArticlePayload `json:"article,omitempty"`
}

// ArticlePayload describes the article a delivery is about.
type ArticlePayload struct {
	ID          int64    `json:"id"`
	Slug        string   `json:"slug"`
	Title       string   `json:"title"`
	Excerpt     string   `json:"excerpt"`
	URL         string   `json:"url"`
	Status      string   `json:"status"`
	PublishedAt string   `json:"published_at"`
	UpdatedAt   string   `json:"updated_at"`
	Category    string   `json:"category"`
	Tags        []string `json:"tags"`
	Authors     []string `json:"authors"`
}

func (s *Service) articlePayload(a domain.Article) *ArticlePayload {
	p := &ArticlePayload{ID: a.ID, Slug: a.Slug, Title: a.Title, Excerpt: a.Excerpt, URL: domain.ArticleURL(s.cfg.BaseURL, a.Slug),
		Status: string(a.Status), PublishedAt: web.RFC3339(a.PublishedAt, s.cfg.Location),
		UpdatedAt: web.RFC3339(a.UpdatedAt, s.cfg.Location), Category: a.Category.Slug, Tags: []string{}, Authors: []string{}}
	for _, t := range a.Tags {
		p.Tags = append(p.Tags, t.Slug)
	}
	for _, au := range a.Authors {
		p.Authors = append(p.Authors, au.Name)
	}
	return p
}

// PingPayload is the body of a test delivery.
func PingPayload(now time.Time, loc *time.Location) string {
	b, _ := json.Marshal(Payload{Event: domain.EventPing, OccurredAt: web.RFC3339(now, loc)})
	return string(b)
}

// attempt sends a claimed delivery once and records the outcome.
func (s *Service) attempt(ctx context.Context, c store.Claimed) {
	d, h := c.Delivery, c.Webhook
	res := store.AttemptResult{Status: domain.DeliveryDelivered}
	if !h.Active && d.Event != domain.EventPing {
		res = store.AttemptResult{Status: domain.DeliveryFailed, Error: "webhook dinonaktifkan"}
	} else {
		code, err := s.send(ctx, h, d)
		res.ResponseCode = code
		if err != nil {
			res.Error = err.Error()
			if d.Attempts+1 >= s.cfg.MaxAttempts {
				res.Status = domain.DeliveryFailed
			} else {
				res.Status = domain.DeliveryPending
				res.NextAttempt = s.store.Now().Add(s.backoff(d.Attempts + 1))
			}
		}
	}
	// Record even when shutting down: the attempt happened.
	if err := s.store.RecordAttempt(context.WithoutCancel(ctx), d.ID, res); err != nil {
		s.log.Error("webhooks: record attempt", "delivery", d.ID, "err", err)
	}
	if res.Status != domain.DeliveryDelivered {
		s.log.Warn("webhook delivery failed", "delivery", d.ID, "webhook", h.ID, "attempt", d.Attempts+1,
			"status", res.Status, "code", res.ResponseCode, "err", res.Error)
	}
}

// backoff is the wait after the n-th failed attempt: Backoff·2^(n-1), capped
// at MaxBackoff, with ±20% jitter so many failing deliveries do not retry in
// step.
func (s *Service) backoff(n int) time.Duration {
	d := s.cfg.Backoff
	for i := 1; i < n && d < s.cfg.MaxBackoff; i++ {
		d *= 2
	}
	d = min(d, s.cfg.MaxBackoff)
	jitter := time.Duration(mrand.Int64N(int64(d)/5+1)) - d/10
	return d + jitter
}

// send POSTs one delivery and returns the answer's status.
func (s *Service) send(ctx context.Context, h domain.Webhook, d domain.WebhookDelivery) (int, error) {
	ctx, cancel := context.WithTimeout(ctx, s.cfg.Timeout)
	defer cancel()
	body := []byte(d.Payload)
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, h.URL, bytes.NewReader(body))
	if err != nil {
		return 0, fmt.Errorf("URL tidak valid: %w", err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", "Warta-Webhooks/1")
	req.Header.Set("X-Warta-Event", d.Event)
	req.Header.Set("X-Warta-Delivery", strconv.FormatInt(d.ID, 10))
	req.Header.Set("Idempotency-Key", "warta-delivery-"+strconv.FormatInt(d.ID, 10))
	req.Header.Set("X-Warta-Signature", Sign(h.Secret, body))
	resp, err := s.cfg.Client.Do(req)
	if err != nil {
		if errors.Is(err, context.DeadlineExceeded) {
			return 0, fmt.Errorf("tidak ada jawaban dalam %s", s.cfg.Timeout)
		}
		return 0, err
	}
	defer resp.Body.Close()
	io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return resp.StatusCode, fmt.Errorf("jawaban HTTP %d", resp.StatusCode)
	}
	return resp.StatusCode, nil
}

// ErrPrivateTarget is why a delivery to a private address failed.
var ErrPrivateTarget = errors.New("alamat tujuan adalah alamat privat, loopback atau link-local dan ditolak " +
	"(operator dapat mengizinkannya dengan --webhooks-allow-private)")

// PrivateAddr reports whether a is an address a webhook may not reach by
// default: loopback, private, link-local, unspecified, multicast, or the
// carrier-grade NAT range.
func PrivateAddr(a netip.Addr) bool {
	a = a.Unmap()
	return a.IsLoopback() || a.IsPrivate() || a.IsLinkLocalUnicast() || a.IsLinkLocalMulticast() ||
		a.IsInterfaceLocalMulticast() || a.IsMulticast() || a.IsUnspecified() || cgnat.Contains(a)
}

var cgnat = netip.MustParsePrefix("100.64.0.0/10")

// refusePrivate runs for every connection, after name resolution, so a name
// that resolves (or is re-pointed) to a private address is caught too.
func refusePrivate(network, address string, _ syscall.RawConn) error {
	ap, err := netip.ParseAddrPort(address)
	if err != nil || PrivateAddr(ap.Addr()) {
		return ErrPrivateTarget
	}
	return nil
}
