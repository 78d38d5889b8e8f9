package adminapi

import (
	"net/http"

	"warta/internal/auth"
	"warta/internal/domain"
	"warta/internal/store"
	"warta/internal/web"
)

// Webhooks are admin-only (auth.PermWebhooks, checked by the editorial
// service's webhook methods): they send the newsroom's content to other
// systems and hold signing secrets.

type webhookJSON struct {
	ID          int64    `json:"id"`
	URL         string   `json:"url"`
	Events      []string `json:"events"`
	Description string   `json:"description"`
	Active      bool     `json:"active"`
	Secret      string   `json:"secret,omitempty"` // only in the answer that creates it
	CreatedAt   string   `json:"created_at"`
	UpdatedAt   string   `json:"updated_at"`
}

func (a *API) webhookJSON(h domain.Webhook) webhookJSON {
	return webhookJSON{ID: h.ID, URL: h.URL, Events: h.Events, Description: h.Description, Active: h.Active,
		CreatedAt: a.time(h.CreatedAt), UpdatedAt: a.time(h.UpdatedAt)}
}

type deliveryJSON struct {
	ID            int64  `json:"id"`
	WebhookID     int64  `json:"webhook_id"`
	Event         string `json:"event"`
	ArticleID     int64  `json:"article_id"`
	Status        string `json:"status"`
	Attempts      int    `json:"attempts"`
	ResponseCode  int    `json:"response_code"`
	LastError     string `json:"last_error"`
	NextAttemptAt string `json:"next_attempt_at"`
	CreatedAt     string `json:"created_at"`
	FinishedAt    string `json:"finished_at"`
	Payload       string `json:"payload"`
}

func (a *API) deliveryJSON(d domain.WebhookDelivery) deliveryJSON {
	j := deliveryJSON{ID: d.ID, WebhookID: d.WebhookID, Event: d.Event, ArticleID: d.ArticleID, Status: d.Status,
		Attempts: d.Attempts, ResponseCode: d.ResponseCode, LastError: d.LastError, CreatedAt: a.time(d.CreatedAt),
		FinishedAt: a.time(d.FinishedAt), Payload: d.Payload}
	if d.Status == domain.DeliveryPending {
		j.NextAttemptAt = a.time(d.NextAttemptAt)
	}
	return j
}

func (a *API) listWebhooks(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	list, err := a.ed.Webhooks(r.Context(), &p.User)
	if err != nil {
		return err
	}
	out := make([]webhookJSON, 0, len(list))
	for _, h := range list {
		out = append(out, a.webhookJSON(h))
	}
	return ok(w, out)
}

type webhookIn struct {
	URL         *string   `json:"url"`
	Events      *[]string `json:"events"`
	Description *string   `json:"description"`
	Active      *bool     `json:"active"`
}

// apply fills in what the request names over what is there.
func (in webhookIn) apply(cur store.WebhookInput) store.WebhookInput {
	if in.URL != nil {
		cur.URL = *in.URL
	}
	if in.Events != nil {
		cur.Events = *in.Events
	}
	if in.Description != nil {
		cur.Description = *in.Description
	}
	if in.Active != nil {
		cur.Active = *in.Active
	}
	return cur
}

// createWebhook registers a URL; the answer holds the signing secret, shown
// this once.
func (a *API) createWebhook(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	var in webhookIn
	if err := decode(w, r, &in); err != nil {
		return err
	}
	if in.URL == nil {
		return domain.Invalid(`kolom "url" wajib diisi`)
	}
	h, secret, err := a.ed.RegisterWebhook(r.Context(), &p.User, in.apply(store.WebhookInput{Active: true}))
	if err != nil {
		return err
	}
	j := a.webhookJSON(h)
	j.Secret = secret
	return created(w, j)
}

func (a *API) getWebhook(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	id, err := pathID(r, "id", "webhook")
	if err != nil {
		return err
	}
	h, err := a.ed.Webhook(r.Context(), &p.User, id)
	if err != nil {
		return err
	}
	return ok(w, a.webhookJSON(h))
}

func (a *API) updateWebhook(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	id, err := pathID(r, "id", "webhook")
	if err != nil {
		return err
	}
	var in webhookIn
	if err := decode(w, r, &in); err != nil {
		return err
	}
	h, err := a.ed.UpdateWebhook(r.Context(), &p.User, id, func(cur *store.WebhookInput) { *cur = in.apply(*cur) })
	if err != nil {
		return err
	}
	return ok(w, a.webhookJSON(h))
}

func (a *API) deleteWebhook(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	id, err := pathID(r, "id", "webhook")
	if err != nil {
		return err
	}
	if err := a.ed.DeleteWebhook(r.Context(), &p.User, id); err != nil {
		return err
	}
	return noContent(w)
}

// listDeliveries is a webhook's delivery log, newest first.
func (a *API) listDeliveries(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	id, err := pathID(r, "id", "webhook")
	if err != nil {
		return err
	}
	pg, err := pageOf(r)
	if err != nil {
		return err
	}
	list, total, err := a.ed.WebhookDeliveries(r.Context(), &p.User, id, pg)
	if err != nil {
		return err
	}
	out := make([]deliveryJSON, 0, len(list))
	for _, d := range list {
		out = append(out, a.deliveryJSON(d))
	}
	web.JSON(w, http.StatusOK, web.Envelope{Data: out, Pagination: web.NewPagination(pg.Number, pg.Size, total)})
	return nil
}

// pingWebhook queues a test delivery; the dispatcher sends it within
// seconds and the log shows the outcome.
func (a *API) pingWebhook(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	id, err := pathID(r, "id", "webhook")
	if err != nil {
		return err
	}
	d, err := a.ed.PingWebhook(r.Context(), &p.User, id, a.cfg.Location)
	if err != nil {
		return err
	}
	web.JSON(w, http.StatusAccepted, web.Envelope{Data: a.deliveryJSON(d)})
	return nil
}

// retryDelivery sends a delivery again from the first attempt.
func (a *API) retryDelivery(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	id, err := pathID(r, "id", "webhook")
	if err != nil {
		return err
	}
	did, err := pathID(r, "delivery", "pengiriman webhook")
	if err != nil {
		return err
	}
	d, err := a.ed.RetryDelivery(r.Context(), &p.User, id, did)
	if err != nil {
		return err
	}
	web.JSON(w, http.StatusAccepted, web.Envelope{Data: a.deliveryJSON(d)})
	return nil
}
