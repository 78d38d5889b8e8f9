package editorial

import (
	"context"
	"time"

	"warta/internal/auth"
	"warta/internal/domain"
	"warta/internal/store"
	"warta/internal/webhooks"
)

// Webhooks are admin-only (auth.PermWebhooks): they send the newsroom's
// content to other systems and hold signing secrets. Every method checks
// the role; the newsroom pages and the admin API only parse and render. The
// dispatcher that sends the deliveries is internal/webhooks.

// Webhooks lists the registered webhooks.
func (s *Service) Webhooks(ctx context.Context, u *domain.User) ([]domain.Webhook, error) {
	if err := auth.Require(u, auth.PermWebhooks); err != nil {
		return nil, err
	}
	return s.store.Webhooks(ctx)
}

// Webhook returns one webhook.
func (s *Service) Webhook(ctx context.Context, u *domain.User, id int64) (domain.Webhook, error) {
	if err := auth.Require(u, auth.PermWebhooks); err != nil {
		return domain.Webhook{}, err
	}
	return s.store.Webhook(ctx, id)
}

// RegisterWebhook creates a webhook with a fresh signing secret and returns
// it with the secret, which is shown to the admin this once.
func (s *Service) RegisterWebhook(ctx context.Context, u *domain.User, in store.WebhookInput) (domain.Webhook, string, error) {
	if err := auth.Require(u, auth.PermWebhooks); err != nil {
		return domain.Webhook{}, "", err
	}
	secret := webhooks.NewSecret()
	id, err := s.store.CreateWebhook(ctx, in, secret)
	if err != nil {
		return domain.Webhook{}, "", err
	}
	h, err := s.store.Webhook(ctx, id)
	return h, secret, err
}

// WebhookInputOf is a webhook's current settings, to change some of them.
func WebhookInputOf(h domain.Webhook) store.WebhookInput {
	return store.WebhookInput{URL: h.URL, Events: h.Events, Description: h.Description, Active: h.Active}
}

// UpdateWebhook changes webhook id: change gets its current settings to
// alter. It returns the webhook as it is afterwards (as it was, with the
// error, when the change is refused).
func (s *Service) UpdateWebhook(ctx context.Context, u *domain.User, id int64, change func(*store.WebhookInput)) (domain.Webhook, error) {
	h, err := s.Webhook(ctx, u, id)
	if err != nil {
		return h, err
	}
	in := WebhookInputOf(h)
	change(&in)
	if err := s.store.UpdateWebhook(ctx, id, in); err != nil {
		return h, err
	}
	return s.store.Webhook(ctx, id)
}

// DeleteWebhook removes a webhook and its delivery log.
func (s *Service) DeleteWebhook(ctx context.Context, u *domain.User, id int64) error {
	if err := auth.Require(u, auth.PermWebhooks); err != nil {
		return err
	}
	return s.store.DeleteWebhook(ctx, id)
}

// WebhookDeliveries is one page of webhook id's delivery log, newest first,
// and how many deliveries it holds; an unknown webhook is not found.
func (s *Service) WebhookDeliveries(ctx context.Context, u *domain.User, id int64, p domain.Page) ([]domain.WebhookDelivery, int, error) {
	if _, err := s.Webhook(ctx, u, id); err != nil {
		return nil, 0, err
	}
	return s.store.WebhookDeliveries(ctx, id, p)
}

// PingWebhook queues a test delivery to webhook id (active or not); the
// dispatcher sends it within seconds and the log shows the outcome. loc is
// the site's zone for the payload's time (like Stats).
func (s *Service) PingWebhook(ctx context.Context, u *domain.User, id int64, loc *time.Location) (domain.WebhookDelivery, error) {
	if _, err := s.Webhook(ctx, u, id); err != nil {
		return domain.WebhookDelivery{}, err
	}
	did, err := s.store.CreateDelivery(ctx, id, domain.EventPing, 0, webhooks.PingPayload(s.store.Now(), zoneOr(loc)))
	if err != nil {
		return domain.WebhookDelivery{}, err
	}
	return s.store.Delivery(ctx, did)
}

// RetryDelivery sends delivery deliveryID of webhook webhookID again from
// the first attempt; a delivery of another webhook is not found.
func (s *Service) RetryDelivery(ctx context.Context, u *domain.User, webhookID, deliveryID int64) (domain.WebhookDelivery, error) {
	if err := auth.Require(u, auth.PermWebhooks); err != nil {
		return domain.WebhookDelivery{}, err
	}
	d, err := s.store.Delivery(ctx, deliveryID)
	if err != nil {
		return d, err
	}
	if d.WebhookID != webhookID {
		return domain.WebhookDelivery{}, domain.NotFound("pengiriman webhook tidak ditemukan")
	}
	if err := s.store.RetryDelivery(ctx, deliveryID); err != nil {
		return d, err
	}
	return s.store.Delivery(ctx, deliveryID)
}

func zoneOr(loc *time.Location) *time.Location {
	if loc == nil {
		return time.UTC
	}
	return loc
}
