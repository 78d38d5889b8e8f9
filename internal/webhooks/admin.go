package webhooks

import (
	"context"
	"time"

	"warta/internal/domain"
	"warta/internal/store"
)

// The functions below are what an admin does to webhooks. The admin API and
// the newsroom pages both call them, so the two behave alike.

// Register creates a webhook with a fresh signing secret and returns it with
// the secret, which is shown to the admin this once.
func Register(ctx context.Context, st *store.Store, in store.WebhookInput) (domain.Webhook, string, error) {
	secret := NewSecret()
	id, err := st.CreateWebhook(ctx, in, secret)
	if err != nil {
		return domain.Webhook{}, "", err
	}
	h, err := st.Webhook(ctx, id)
	return h, secret, err
}

// InputOf is a webhook's current settings, to change some of them.
func InputOf(h domain.Webhook) store.WebhookInput {
	return store.WebhookInput{URL: h.URL, Events: h.Events, Description: h.Description, Active: h.Active}
}

// Update changes webhook id: change gets its current settings to alter. It
// returns the webhook as it is afterwards.
func Update(ctx context.Context, st *store.Store, id int64, change func(*store.WebhookInput)) (domain.Webhook, error) {
	h, err := st.Webhook(ctx, id)
	if err != nil {
		return h, err
	}
	in := InputOf(h)
	change(&in)
	if err := st.UpdateWebhook(ctx, id, in); err != nil {
		return h, err
	}
	return st.Webhook(ctx, id)
}

// Ping queues a test delivery to webhook id (active or not); the dispatcher
// sends it within seconds and the log shows the outcome.
func Ping(ctx context.Context, st *store.Store, id int64, loc *time.Location) (domain.WebhookDelivery, error) {
	if _, err := st.Webhook(ctx, id); err != nil {
		return domain.WebhookDelivery{}, err
	}
	if loc == nil {
		loc = time.UTC
	}
	did, err := st.CreateDelivery(ctx, id, domain.EventPing, 0, PingPayload(st.Now(), loc))
	if err != nil {
		return domain.WebhookDelivery{}, err
	}
	return st.Delivery(ctx, did)
}

// Retry sends delivery deliveryID of webhook webhookID again from the first
// attempt; a delivery of another webhook is not found.
func Retry(ctx context.Context, st *store.Store, webhookID, deliveryID int64) (domain.WebhookDelivery, error) {
	d, err := st.Delivery(ctx, deliveryID)
	if err != nil {
		return d, err
	}
	if d.WebhookID != webhookID {
		return domain.WebhookDelivery{}, domain.NotFound("pengiriman webhook tidak ditemukan")
	}
	if err := st.RetryDelivery(ctx, deliveryID); err != nil {
		return d, err
	}
	return st.Delivery(ctx, deliveryID)
}
