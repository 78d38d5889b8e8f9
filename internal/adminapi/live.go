package adminapi

import (
	"net/http"

	"warta/internal/auth"
	"warta/internal/domain"
)

// Live reports (issue 14): thin adapters over editorial's live methods.

type liveReportJSON struct {
	ArticleID int64            `json:"article_id"`
	Ended     bool             `json:"ended"`
	StartedAt string           `json:"started_at"`
	EndedAt   string           `json:"ended_at,omitempty"`
	Seq       int64            `json:"seq"`
	Updates   []liveUpdateJSON `json:"updates,omitempty"`
}

type liveUpdateJSON struct {
	ID        int64  `json:"id"`
	Title     string `json:"title"`
	Body      string `json:"body"`
	BodyHTML  string `json:"body_html"`
	UserID    int64  `json:"user_id,omitempty"`
	CreatedAt string `json:"created_at"`
	UpdatedAt string `json:"updated_at"`
}

func (a *API) liveReportJSON(r domain.LiveReport) liveReportJSON {
	return liveReportJSON{ArticleID: r.ArticleID, Ended: r.Ended(), StartedAt: a.time(r.StartedAt), EndedAt: a.time(r.EndedAt), Seq: r.Seq}
}

func (a *API) liveUpdateJSON(u domain.LiveUpdate) liveUpdateJSON {
	return liveUpdateJSON{ID: u.ID, Title: u.Title, Body: u.BodySource, BodyHTML: u.BodyHTML, UserID: u.UserID,
		CreatedAt: a.time(u.CreatedAt), UpdatedAt: a.time(u.UpdatedAt)}
}

func (a *API) getLive(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	id, err := pathID(r, "id", "artikel")
	if err != nil {
		return err
	}
	rep, list, err := a.ed.LiveReport(r.Context(), &p.User, id)
	if err != nil {
		return err
	}
	out := a.liveReportJSON(rep)
	out.Updates = make([]liveUpdateJSON, 0, len(list))
	for _, u := range list {
		out.Updates = append(out.Updates, a.liveUpdateJSON(u))
	}
	return ok(w, out)
}

func (a *API) startLive(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	id, err := pathID(r, "id", "artikel")
	if err != nil {
		return err
	}
	rep, err := a.ed.StartLive(r.Context(), &p.User, id)
	if err != nil {
		return err
	}
	return ok(w, a.liveReportJSON(rep))
}

func (a *API) endLive(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	id, err := pathID(r, "id", "artikel")
	if err != nil {
		return err
	}
	rep, err := a.ed.EndLive(r.Context(), &p.User, id)
	if err != nil {
		return err
	}
	return ok(w, a.liveReportJSON(rep))
}

type liveUpdateIn struct {
	Title *string `json:"title"`
	Body  *string `json:"body"`
}

func (a *API) addLiveUpdate(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	id, err := pathID(r, "id", "artikel")
	if err != nil {
		return err
	}
	var in liveUpdateIn
	if err := decode(w, r, &in); err != nil {
		return err
	}
	var title, body string
	if in.Title != nil {
		title = *in.Title
	}
	if in.Body != nil {
		body = *in.Body
	}
	u, err := a.ed.AddLiveUpdate(r.Context(), &p.User, id, title, body)
	if err != nil {
		return err
	}
	return created(w, a.liveUpdateJSON(u))
}

func (a *API) editLiveUpdate(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	id, uid, err := updateIDs(r)
	if err != nil {
		return err
	}
	var in liveUpdateIn
	if err := decode(w, r, &in); err != nil {
		return err
	}
	u, err := a.ed.EditLiveUpdate(r.Context(), &p.User, id, uid, in.Title, in.Body)
	if err != nil {
		return err
	}
	return ok(w, a.liveUpdateJSON(u))
}

func (a *API) deleteLiveUpdate(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	id, uid, err := updateIDs(r)
	if err != nil {
		return err
	}
	if err := a.ed.DeleteLiveUpdate(r.Context(), &p.User, id, uid); err != nil {
		return err
	}
	return noContent(w)
}

// updateIDs reads the article and update ids of an update's address.
func updateIDs(r *http.Request) (int64, int64, error) {
	id, err := pathID(r, "id", "artikel")
	if err != nil {
		return 0, 0, err
	}
	uid, err := pathID(r, "update", "pembaruan")
	return id, uid, err
}
