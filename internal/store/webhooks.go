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

// CreateDeliveries queues payload for every active webhook that subscribes
// to event, due now, and returns the new deliveries' ids.
func (s *Store) CreateDeliveries(ctx context.Context, event string, articleID int64, payload string) ([]int64, error) {
	hooks, err := s.Webhooks(ctx)
	if err != nil {
		return nil, err
	}
	now := s.Now()
	var ids []int64
	err = s.Tx(ctx, func(tx *sql.Tx) error {
		for _, h := range hooks {
			if !h.Active || !h.Wants(event) {
				continue
			}
			id, err := s.insertID(ctx, tx, `INSERT INTO webhook_deliveries (webhook_id, event, article_id, payload, status, next_attempt_at, created_at)
				VALUES (?, ?, ?, ?, 'pending', ?, ?)`, h.ID, event, articleID, payload, now, now)
			if err != nil {
				return err
			}
			ids = append(ids, id)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("create deliveries: %w", err)
	}
	return ids, nil
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

// DueDeliveryIDs returns pending deliveries whose next attempt is due,
// oldest first.
func (s *Store) DueDeliveryIDs(ctx context.Context, limit int) ([]int64, error) {
	rows, err := s.r.QueryContext(ctx, s.q(`SELECT id FROM webhook_deliveries WHERE status = 'pending' AND next_attempt_at <= ?
		ORDER BY next_attempt_at, id LIMIT ?`), s.Now(), limit)
	if err != nil {
		return nil, fmt.Errorf("due deliveries: %w", err)
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("due deliveries: %w", err)
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// ClaimDelivery takes a due pending delivery for one attempt: it moves the
// next attempt to leaseUntil, so no other process (or worker) sends it
// meanwhile, and returns it with its webhook. ok is false when the delivery
// is not due or another worker claimed it first.
func (s *Store) ClaimDelivery(ctx context.Context, id int64, leaseUntil time.Time) (d domain.WebhookDelivery, h domain.Webhook, ok bool, err error) {
	res, err := s.w.ExecContext(ctx, s.q(`UPDATE webhook_deliveries SET next_attempt_at = ?
		WHERE id = ? AND status = 'pending' AND next_attempt_at <= ?`), dbTime(leaseUntil), id, s.Now())
	if err != nil {
		return d, h, false, fmt.Errorf("claim delivery: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return d, h, false, nil
	}
	if d, err = s.Delivery(ctx, id); err != nil {
		return d, h, false, err
	}
	if h, err = s.Webhook(ctx, d.WebhookID); err != nil {
		return d, h, false, err
	}
	return d, h, true, nil
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
		last_error = ?, next_attempt_at = ?, finished_at = ? WHERE id = ?`),
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
		finished_at = NULL WHERE id = ?`), s.Now(), id)
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
