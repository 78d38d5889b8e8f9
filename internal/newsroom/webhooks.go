package newsroom

import (
	"net/http"
	"slices"
	"strconv"
	"strings"

	"warta/internal/auth"
	"warta/internal/domain"
	"warta/internal/store"
	"warta/internal/web"
)

// Webhooks are admin-only (auth.PermWebhooks): they send the newsroom's
// content to other systems and hold signing secrets. The pages call the
// same editorial methods as the admin API, which check the role; the
// dispatcher that sends deliveries runs beside the server (warta serve).

var eventLabels = map[string]string{
	domain.EventPublished:   "terbit",
	domain.EventUpdated:     "diperbarui",
	domain.EventUnpublished: "ditarik",
	domain.EventPing:        "uji (ping)",
}

var deliveryLabels = map[string]string{
	domain.DeliveryPending:   "Menunggu",
	domain.DeliveryDelivered: "Terkirim",
	domain.DeliveryFailed:    "Gagal",
}

func eventLabel(e string) string {
	if l, ok := eventLabels[e]; ok {
		return l
	}
	return e
}

// webhookView is a webhook as the pages show it.
type webhookView struct{ domain.Webhook }

// EventLabels names the events the webhook receives.
func (v webhookView) EventLabels() string {
	var out []string
	for _, e := range v.Events {
		out = append(out, eventLabel(e))
	}
	return strings.Join(out, ", ")
}

// deliveryView is one line of the delivery log.
type deliveryView struct{ domain.WebhookDelivery }

func (v deliveryView) EventLabel() string  { return eventLabel(v.Event) }
func (v deliveryView) StatusLabel() string { return deliveryLabels[v.Status] }
func (v deliveryView) Pending() bool       { return v.Status == domain.DeliveryPending }
func (v deliveryView) Failed() bool        { return v.Status == domain.DeliveryFailed }

// webhookForm is what the create and edit forms send, kept as typed when
// the server refuses it.
type webhookForm struct {
	URL         string
	Description string
	Events      []string
	Active      bool
}

// eventChoice is one checkbox of the events.
type eventChoice struct {
	Value, Label string
	Checked      bool
}

// Choices lists the article events with the form's picks checked.
func (f webhookForm) Choices() []eventChoice {
	var out []eventChoice
	for _, e := range domain.WebhookEvents {
		out = append(out, eventChoice{Value: e, Label: eventLabel(e), Checked: slices.Contains(f.Events, e)})
	}
	return out
}

func (f webhookForm) input() store.WebhookInput {
	return store.WebhookInput{URL: f.URL, Events: f.Events, Description: f.Description, Active: f.Active}
}

func webhookFormOf(h domain.Webhook) webhookForm {
	return webhookForm{URL: h.URL, Description: h.Description, Events: h.Events, Active: h.Active}
}

func webhookFormFrom(r *http.Request) webhookForm {
	return webhookForm{URL: r.PostFormValue("url"), Description: r.PostFormValue("description"),
		Events: r.PostForm["events"], Active: r.PostFormValue("active") != ""}
}

type webhooksPage struct {
	frame
	Webhooks []webhookView
	Form     webhookForm // the new-webhook form
}

func (u *UI) webhooks(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	return u.renderWebhooks(w, r, p, http.StatusOK, webhooksPage{Form: webhookForm{Events: domain.WebhookEvents, Active: true}})
}

func (u *UI) renderWebhooks(w http.ResponseWriter, r *http.Request, p *auth.Principal, status int, pg webhooksPage) error {
	msg := pg.Error
	pg.frame = u.frame(r, p, "Webhook", "webhook")
	pg.Error = msg
	list, err := u.ed.Webhooks(r.Context(), &p.User)
	if err != nil {
		return err
	}
	for _, h := range list {
		pg.Webhooks = append(pg.Webhooks, webhookView{h})
	}
	u.render(w, "webhooks", status, pg)
	return nil
}

// createWebhook registers a URL and shows its signing secret, this once,
// on the answer itself (never in a URL).
func (u *UI) createWebhook(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	f := webhookFormFrom(r)
	h, secret, err := u.ed.RegisterWebhook(r.Context(), &p.User, f.input())
	if err != nil {
		if web.StatusOf(err) >= 500 {
			return err
		}
		pg := webhooksPage{Form: f}
		pg.Error = errorSentence(err)
		return u.renderWebhooks(w, r, p, web.StatusOf(err), pg)
	}
	pg := webhookPage{Webhook: webhookView{h}, Form: webhookFormOf(h), Secret: secret}
	pg.Notice = notices["dibuat"]
	return u.renderWebhook(w, r, p, http.StatusCreated, pg)
}

// webhookPage is one webhook: its settings and its delivery log.
type webhookPage struct {
	frame
	Webhook    webhookView
	Form       webhookForm
	Secret     string // just created, shown once
	Deliveries []deliveryView
	Page       int
	Pages      int
	Total      int
}

// deliveriesPerPage is the length of one page of the delivery log.
const deliveriesPerPage = 30

func (u *UI) webhook(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	id, err := pathID(r, "id", "webhook")
	if err != nil {
		return err
	}
	h, err := u.ed.Webhook(r.Context(), &p.User, id)
	if err != nil {
		return err
	}
	return u.renderWebhook(w, r, p, http.StatusOK, webhookPage{Webhook: webhookView{h}, Form: webhookFormOf(h)})
}

func (u *UI) renderWebhook(w http.ResponseWriter, r *http.Request, p *auth.Principal, status int, pg webhookPage) error {
	msg, notice := pg.Error, pg.Notice
	pg.frame = u.frame(r, p, "Webhook: "+pg.Webhook.URL, "webhook")
	if msg != "" {
		pg.Error = msg
	}
	if notice != "" {
		pg.Notice = notice
	}
	pg.Page = 1
	if v, err := strconv.Atoi(r.URL.Query().Get("page")); err == nil && v > 0 {
		pg.Page = v
	}
	list, total, err := u.ed.WebhookDeliveries(r.Context(), &p.User, pg.Webhook.ID, domain.Page{Number: pg.Page, Size: deliveriesPerPage})
	if err != nil {
		return err
	}
	for _, d := range list {
		pg.Deliveries = append(pg.Deliveries, deliveryView{d})
	}
	pg.Total, pg.Pages = total, (total+deliveriesPerPage-1)/deliveriesPerPage
	u.render(w, "webhooks_detail", status, pg)
	return nil
}

func (u *UI) saveWebhook(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	id, err := pathID(r, "id", "webhook")
	if err != nil {
		return err
	}
	f := webhookFormFrom(r)
	h, err := u.ed.UpdateWebhook(r.Context(), &p.User, id, func(in *store.WebhookInput) { *in = f.input() })
	if err != nil {
		if web.StatusOf(err) >= 500 || domain.ErrorCode(err) == domain.ENotFound {
			return err
		}
		pg := webhookPage{Webhook: webhookView{h}, Form: f}
		pg.Error = errorSentence(err)
		return u.renderWebhook(w, r, p, web.StatusOf(err), pg)
	}
	return redirect(w, r, webhookPath(id), "tersimpan")
}

func webhookPath(id int64) string { return "/redaksi/webhook/" + strconv.FormatInt(id, 10) }

// webhookAction turns a webhook on or off, deletes it, or sends it a test
// ping.
func (u *UI) webhookAction(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	id, err := pathID(r, "id", "webhook")
	if err != nil {
		return err
	}
	ctx := r.Context()
	ok := ""
	switch r.PathValue("action") {
	case "aktifkan", "nonaktifkan":
		active := r.PathValue("action") == "aktifkan"
		_, err = u.ed.UpdateWebhook(ctx, &p.User, id, func(in *store.WebhookInput) { in.Active = active })
		ok = "nonaktif"
		if active {
			ok = "aktif"
		}
	case "ping":
		_, err = u.ed.PingWebhook(ctx, &p.User, id, u.cfg.Location)
		ok = "ping"
	case "hapus":
		if err := u.ed.DeleteWebhook(ctx, &p.User, id); err != nil {
			return err
		}
		return redirect(w, r, "/redaksi/webhook", "dihapus")
	default:
		return domain.NotFound("halaman tidak ditemukan")
	}
	if err != nil {
		return err
	}
	return redirect(w, r, webhookPath(id), ok)
}

// retryDelivery sends a delivery again from the first attempt.
func (u *UI) retryDelivery(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	id, err := pathID(r, "id", "webhook")
	if err != nil {
		return err
	}
	did, err := pathID(r, "delivery", "pengiriman webhook")
	if err != nil {
		return err
	}
	if _, err := u.ed.RetryDelivery(r.Context(), &p.User, id, did); err != nil {
		return err
	}
	return redirect(w, r, webhookPath(id), "ulang")
}

// PrevPage and NextPage are the neighbouring pages of the log.
func (pg webhookPage) PrevPage() int { return pg.Page - 1 }
func (pg webhookPage) NextPage() int { return pg.Page + 1 }
