package domain

import "time"

// Webhook events: what happened to an article. "ping" is a test delivery
// an admin asks for.
const (
	EventPublished   = "published"
	EventUpdated     = "updated"
	EventUnpublished = "unpublished"
	EventPing        = "ping"
)

// WebhookEvents lists the article events a webhook may subscribe to.
var WebhookEvents = []string{EventPublished, EventUpdated, EventUnpublished}

// Webhook is a URL that receives signed JSON when articles change.
type Webhook struct {
	ID          int64
	URL         string
	Secret      string // HMAC-SHA256 key for the X-Warta-Signature header
	Events      []string
	Description string
	Active      bool
	CreatedAt   time.Time
	UpdatedAt   time.Time
}

// Wants reports whether the webhook subscribes to event (pings always go).
func (w *Webhook) Wants(event string) bool {
	if event == EventPing {
		return true
	}
	for _, e := range w.Events {
		if e == event {
			return true
		}
	}
	return false
}

// Delivery statuses.
const (
	DeliveryPending   = "pending"
	DeliveryDelivered = "delivered"
	DeliveryFailed    = "failed"
)

// WebhookDelivery is one event sent (or being sent) to one webhook.
type WebhookDelivery struct {
	ID            int64
	WebhookID     int64
	Event         string
	ArticleID     int64
	Payload       string // the exact JSON body, signed and re-sent on retries
	Status        string
	Attempts      int
	ResponseCode  int    // last HTTP status, 0 when none came back
	LastError     string // last failure in words
	NextAttemptAt time.Time
	CreatedAt     time.Time
	FinishedAt    time.Time
}
