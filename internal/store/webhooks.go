package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"slices"
	"strings"
	"time"

	"warta/internal/domain"
)

// WebhookInput is what an admin registers or changes.
type WebhookInput struct {
	URL         string
	Events      []string // empty means every article event
	Description string
	Active      bool
}

func (in *WebhookInput) validate() error {
	in.URL = strings.TrimSpace(in.URL)
	u, err := url.Parse(in.URL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || len(in.URL) > 2000 {
		return domain.Invalid("URL webhook harus alamat http:// atau https:// yang lengkap")
	}
	if u.User != nil {
		return domain.Invalid("URL webhook tidak boleh memuat nama pengguna atau kata sandi; pakai rahasia tanda tangan")
	}
	var events []string
	for _, e := range in.Events {
		e = strings.TrimSpace(e)
		if !slices.Contains(domain.WebhookEvents, e) {
			return domain.Invalid("peristiwa %q tidak dikenal: gunakan published, updated atau unpublished", e)
		}
		if !slices.Contains(events, e) {
			events = append(events, e)
		}
	}
	if len(events) == 0 {
		events = slices.Clone(domain.WebhookEvents)
	}
	in.Events = events
	in.Description = strings.TrimSpace(in.Description)
	if len([]rune(in.Description)) > 200 {
		return domain.Invalid("keterangan webhook paling panjang 200 karakter")
	}
	return nil
}

const webhookCols = "id, url, secret, events, description, active, created_at, updated_at"

func scanWebhook(row rowScanner) (domain.Webhook, error) {
	var w domain.Webhook
	var events string
	err := row.Scan(&w.ID, &w.URL, &w.Secret, &events, &w.Description, &w.Active, &w.CreatedAt, &w.UpdatedAt)
	if events != "" {
		w.Events = strings.Split(events, ",")
	}
	return w, err
}

// CreateWebhook registers a webhook with its signing secret and returns its
// id.
func (s *Store) CreateWebhook(ctx context.Context, in WebhookInput, secret string) (int64, error) {
	if err := in.validate(); err != nil {
		return 0, err
	}
	if len(secret) < 16 {
		return 0, domain.Invalid("rahasia webhook terlalu pendek")
	}
	now := s.Now()
	id, err := s.insertID(ctx, s.w, `INSERT INTO webhooks (url, secret, events, description, active, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?)`, in.URL, secret, strings.Join(in.Events, ","), in.Description, in.Active, now, now)
	if err != nil {
		return 0, fmt.Errorf("create webhook: %w", err)
	}
	return id, nil
}

// UpdateWebhook replaces a webhook's URL, events, description and state.
func (s *Store) UpdateWebhook(ctx context.Context, id int64, in WebhookInput) error {
	if err := in.validate(); err != nil {
		return err
	}
	res, err := s.w.ExecContext(ctx, s.q(`UPDATE webhooks SET url = ?, events = ?, description = ?, active = ?, updated_at = ? WHERE id = ?`),
		in.URL, strings.Join(in.Events, ","), in.Description, in.Active, s.Now(), id)
	if err != nil {
		return fmt.Errorf("update webhook: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return domain.NotFound("webhook tidak ditemukan")
	}
	return nil
}

// DeleteWebhook removes a webhook and its delivery log.
func (s *Store) DeleteWebhook(ctx context.Context, id int64) error {
	res, err := s.w.ExecContext(ctx, s.q("DELETE FROM webhooks WHERE id = ?"), id)
	if err != nil {
		return fmt.Errorf("delete webhook: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return domain.NotFound("webhook tidak ditemukan")
	}
	return nil
}

// Webhook returns one webhook.
func (s *Store) Webhook(ctx context.Context, id int64) (domain.Webhook, error) {
	w, err := scanWebhook(s.r.QueryRowContext(ctx, s.q("SELECT "+webhookCols+" FROM webhooks WHERE id = ?"), id))
	if errors.Is(err, sql.ErrNoRows) {
		return w, domain.NotFound("webhook tidak ditemukan")
	}
	if err != nil {
		return w, fmt.Errorf("get webhook: %w", err)
	}
	return w, nil
}

// Webhooks lists every webhook, oldest first.
func (s *Store) Webhooks(ctx context.Context) ([]domain.Webhook, error) {
	rows, err := s.r.QueryContext(ctx, "SELECT "+webhookCols+" FROM webhooks ORDER BY id")
	if err != nil {
		return nil, fmt.Errorf("list webhooks: %w", err)
	}
	defer rows.Close()
	list := []domain.Webhook{}
	for rows.Next() {
		w, err := scanWebhook(rows)
		if err != nil {
			return nil, fmt.Errorf("list webhooks: %w", err)
		}
		list = append(list, w)
	}
	return list, rows.Err()
}

// QueueDeliveries writes, inside tx (an article write's transaction: the
// outbox), one pending delivery of payload for every active webhook that
// subscribes to event, due now. It returns how many it queued. Because the
// rows commit or vanish with the article change, every committed change is
// delivered at least once, even when the process dies right after.
func (s *Store) QueueDeliveries(ctx context.Context, tx *sql.Tx, event string, articleID int64, payload string) (int, error) {
	rows, err := tx.QueryContext(ctx, "SELECT "+webhookCols+" FROM webhooks WHERE active = TRUE ORDER BY id")
	if err != nil {
		return 0, fmt.Errorf("queue deliveries: %w", err)
	}
	var hooks []domain.Webhook
	for rows.Next() {
		h, err := scanWebhook(rows)
		if err != nil {
			rows.Close()
			return 0, fmt.Errorf("queue deliveries: %w", err)
		}
		hooks = append(hooks, h)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return 0, fmt.Errorf("queue deliveries: %w", err)
	}
	now, n := s.Now(), 0
	for _, h := range hooks {
		if !h.Wants(event) {
			continue
		}
		if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO webhook_deliveries (webhook_id, event, article_id, payload, status, next_attempt_at, created_at)
			VALUES (?, ?, ?, ?, 'pending', ?, ?)`), h.ID, event, articleID, payload, now, now); err != nil {
			return n, fmt.Errorf("queue deliveries: %w", err)
		}
		n++
	}
	return n, nil
}

// ArticleInTx reads an article with its relations inside tx, as the write
// in progress left it (webhook payloads describe what the write did).
func (s *Store) ArticleInTx(ctx context.Context, tx *sql.Tx, id int64) (domain.Article, error) {
	st, err := s.articleForEdit(ctx, tx, id)
	return st.Article, err
}

// CreateDelivery queues one payload for one webhook (a test ping), due now.
func (s *Store) CreateDelivery(ctx context.Context, webhookID int64, event string, articleID int64, payload string) (int64, error) {
	now := s.Now()
	id, err := s.insertID(ctx, s.w, `INSERT INTO webhook_deliveries (webhook_id, event, article_id, payload, status, next_attempt_at, created_at)
		VALUES (?, ?, ?, ?, 'pending', ?, ?)`, webhookID, event, articleID, payload, now, now)
	if err != nil {
		return 0, fmt.Errorf("create delivery: %w", err)
	}
	return id, nil
}

const deliveryCols = `id, webhook_id, event, article_id, payload, status, attempts, response_code, last_error,
	next_attempt_at, created_at, finished_at`

func scanDelivery(row rowScanner) (domain.WebhookDelivery, error) {
	var d domain.WebhookDelivery
	var next, fin sql.NullTime
	err := row.Scan(&d.ID, &d.WebhookID, &d.Event, &d.ArticleID, &d.Payload, &d.Status, &d.Attempts, &d.ResponseCode,
		&d.LastError, &next, &d.CreatedAt, &fin)
	d.NextAttemptAt, d.FinishedAt = next.Time, fin.Time
	return d, err
}

// Delivery returns one delivery.
func (s *Store) Delivery(ctx context.Context, id int64) (domain.WebhookDelivery, error) {
	d, err := scanDelivery(s.r.QueryRowContext(ctx, s.q("SELECT "+deliveryCols+" FROM webhook_deliveries WHERE id = ?"), id))
	if errors.Is(err, sql.ErrNoRows) {
		return d, domain.NotFound("pengiriman webhook tidak ditemukan")
	}
	if err != nil {
		return d, fmt.Errorf("get delivery: %w", err)
	}
	return d, nil
}

// Claimed is a delivery claimed for one attempt, with its webhook.
type Claimed struct {
	Delivery domain.WebhookDelivery
	Webhook  domain.Webhook
}

// ClaimDue claims up to limit due pending deliveries for one attempt each:
// it leases them until leaseUntil, so no other worker or process sends them
// meanwhile, and a crash mid-send only delays the retry until the lease
// ends. A delivery is claimed only when no earlier delivery of
// the same webhook and article is still pending, so each receiver gets an
// article's events in order. On PostgreSQL the rows are taken FOR UPDATE
// SKIP LOCKED: several processes share the work without waiting on each
// other. SQLite has one writer, so its claims are serial anyway.
func (s *Store) ClaimDue(ctx context.Context, limit int, leaseUntil time.Time) ([]Claimed, error) {
	lock := ""
	if s.dialect == Postgres {
		lock = " FOR UPDATE SKIP LOCKED"
	}
	now := s.Now()
	rows, err := s.w.QueryContext(ctx, s.q(`UPDATE webhook_deliveries SET lease_until = ? WHERE id IN (
		SELECT d.id FROM webhook_deliveries d WHERE d.status = 'pending' AND d.next_attempt_at <= ?
		AND (d.lease_until IS NULL OR d.lease_until < ?)
		AND NOT EXISTS (SELECT 1 FROM webhook_deliveries e WHERE e.webhook_id = d.webhook_id
			AND e.article_id = d.article_id AND e.id < d.id AND e.status = 'pending')
		ORDER BY d.id LIMIT ?`+lock+`) RETURNING id`), dbTime(leaseUntil), now, now, limit)
	if err != nil {
		return nil, fmt.Errorf("claim deliveries: %w", err)
	}
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return nil, fmt.Errorf("claim deliveries: %w", err)
		}
		ids = append(ids, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("claim deliveries: %w", err)
	}
	slices.Sort(ids)
	out := make([]Claimed, 0, len(ids))
	for _, id := range ids {
		d, err := s.Delivery(ctx, id)
		if err != nil {
			return out, err
		}
		h, err := s.Webhook(ctx, d.WebhookID)
		if err != nil {
			return out, err
		}
		out = append(out, Claimed{Delivery: d, Webhook: h})
	}
	return out, nil
}

// ReleaseAllClaims ends every delivery lease. Only for a database one
// process owns (SQLite), at start: a lease still there was left by a
// process that died mid-send.
func (s *Store) ReleaseAllClaims(ctx context.Context) error {
	if _, err := s.w.ExecContext(ctx, "UPDATE webhook_deliveries SET lease_until = NULL WHERE lease_until IS NOT NULL"); err != nil {
		return fmt.Errorf("release deliveries: %w", err)
	}
	return nil
}

// AttemptResult is the outcome of one delivery attempt.
type AttemptResult struct {
	Status       string    // domain.DeliveryDelivered, DeliveryFailed, or DeliveryPending for a retry
	ResponseCode int       // 0 when no answer came
	Error        string    // "" on success
	NextAttempt  time.Time // when Status is pending
}

// RecordAttempt stores the outcome of an attempt and counts it.
func (s *Store) RecordAttempt(ctx context.Context, id int64, r AttemptResult) error {
	var fin any
	if r.Status != domain.DeliveryPending {
		fin = s.Now()
	}
	errText := r.Error
	if len(errText) > 500 {
		errText = errText[:500]
	}
	_, err := s.w.ExecContext(ctx, s.q(`UPDATE webhook_deliveries SET status = ?, attempts = attempts + 1, response_code = ?,
		last_error = ?, next_attempt_at = ?, finished_at = ?, lease_until = NULL WHERE id = ?`),
		r.Status, r.ResponseCode, errText, nullTime(r.NextAttempt), fin, id)
	if err != nil {
		return fmt.Errorf("record attempt: %w", err)
	}
	return nil
}

// RetryDelivery puts a finished delivery back in the queue, due now, with
// its attempts counted afresh.
func (s *Store) RetryDelivery(ctx context.Context, id int64) error {
	res, err := s.w.ExecContext(ctx, s.q(`UPDATE webhook_deliveries SET status = 'pending', attempts = 0, next_attempt_at = ?,
		finished_at = NULL, lease_until = NULL WHERE id = ?`), s.Now(), id)
	if err != nil {
		return fmt.Errorf("retry delivery: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return domain.NotFound("pengiriman webhook tidak ditemukan")
	}
	return nil
}

// WebhookDeliveries returns one page of a webhook's delivery log, newest
// first, and its length.
func (s *Store) WebhookDeliveries(ctx context.Context, webhookID int64, p domain.Page) ([]domain.WebhookDelivery, int, error) {
	var total int
	if err := s.r.QueryRowContext(ctx, s.q("SELECT COUNT(*) FROM webhook_deliveries WHERE webhook_id = ?"), webhookID).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("count deliveries: %w", err)
	}
	list := []domain.WebhookDelivery{}
	if p.Offset() >= total {
		return list, total, nil
	}
	rows, err := s.r.QueryContext(ctx, s.q("SELECT "+deliveryCols+` FROM webhook_deliveries WHERE webhook_id = ?
		ORDER BY id DESC LIMIT ? OFFSET ?`), webhookID, p.Size, p.Offset())
	if err != nil {
		return nil, 0, fmt.Errorf("list deliveries: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		d, err := scanDelivery(rows)
		if err != nil {
			return nil, 0, fmt.Errorf("list deliveries: %w", err)
		}
		list = append(list, d)
	}
	return list, total, rows.Err()
}
