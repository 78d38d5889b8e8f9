package adminapi

import (
	"net/http"

	"warta/internal/auth"
	"warta/internal/domain"
	"warta/internal/editorial"
	"warta/internal/media"
	"warta/internal/web"
)

type userJSON struct {
	ID        int64       `json:"id"`
	Email     string      `json:"email"`
	Name      string      `json:"name"`
	Role      domain.Role `json:"role"`
	Disabled  bool        `json:"disabled"`
	CreatedAt string      `json:"created_at"`
}

func (a *API) userJSON(u domain.User) userJSON {
	return userJSON{ID: u.ID, Email: u.Email, Name: u.Name, Role: u.Role, Disabled: u.Disabled, CreatedAt: a.time(u.CreatedAt)}
}

func (a *API) listUsers(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	list, err := a.ed.Users(r.Context(), &p.User)
	if err != nil {
		return err
	}
	out := make([]userJSON, 0, len(list))
	for _, u := range list {
		out = append(out, a.userJSON(u))
	}
	return ok(w, out)
}

func (a *API) getUser(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	id, err := pathID(r, "id", "pengguna")
	if err != nil {
		return err
	}
	u, err := a.ed.User(r.Context(), &p.User, id)
	if err != nil {
		return err
	}
	return ok(w, a.userJSON(u))
}

func (a *API) createUser(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	var in struct {
		Email    string      `json:"email"`
		Name     string      `json:"name"`
		Role     domain.Role `json:"role"`
		Password string      `json:"password"`
	}
	if err := decode(w, r, &in); err != nil {
		return err
	}
	u, err := a.ed.CreateUser(r.Context(), &p.User, in.Email, in.Name, in.Role, in.Password)
	if err != nil {
		return err
	}
	return created(w, a.userJSON(u))
}

func (a *API) updateUser(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	id, err := pathID(r, "id", "pengguna")
	if err != nil {
		return err
	}
	var in editorial.UserChange
	if err := decode(w, r, &in); err != nil {
		return err
	}
	u, err := a.ed.UpdateUser(r.Context(), &p.User, id, in)
	if err != nil {
		return err
	}
	return ok(w, a.userJSON(u))
}

type tokenJSON struct {
	ID         int64  `json:"id"`
	UserID     int64  `json:"user_id"`
	Email      string `json:"email"`
	Name       string `json:"name"`
	Token      string `json:"token,omitempty"` // only when created
	CreatedAt  string `json:"created_at"`
	LastUsedAt string `json:"last_used_at"`
	RevokedAt  string `json:"revoked_at"`
}

func (a *API) tokenJSON(t domain.APIToken) tokenJSON {
	return tokenJSON{ID: t.ID, UserID: t.UserID, Email: t.UserEmail, Name: t.Name, CreatedAt: a.time(t.CreatedAt),
		LastUsedAt: a.time(t.LastUsedAt), RevokedAt: a.time(t.RevokedAt)}
}

func (a *API) listTokens(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	list, err := a.ed.Tokens(r.Context(), &p.User)
	if err != nil {
		return err
	}
	out := make([]tokenJSON, 0, len(list))
	for _, t := range list {
		out = append(out, a.tokenJSON(t))
	}
	return ok(w, out)
}

// createToken makes a token for the caller, or (admins) for user_id.
func (a *API) createToken(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	var in struct {
		Name   string `json:"name"`
		UserID int64  `json:"user_id"`
	}
	if err := decode(w, r, &in); err != nil {
		return err
	}
	uid := p.User.ID
	if in.UserID != 0 {
		uid = in.UserID
	}
	tok, t, err := a.ed.CreateToken(r.Context(), &p.User, uid, in.Name)
	if err != nil {
		return err
	}
	j := a.tokenJSON(t)
	j.Token = tok
	return created(w, j)
}

func (a *API) revokeToken(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	id, err := pathID(r, "id", "token")
	if err != nil {
		return err
	}
	if err := a.ed.RevokeToken(r.Context(), &p.User, id); err != nil {
		return err
	}
	return noContent(w)
}

// upload accepts an image as multipart form field "file" or as the raw body.
func (a *API) upload(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	if err := a.ed.MayUpload(&p.User); err != nil { // before reading the body
		return err
	}
	data, err := media.ReadUpload(w, r, a.ed.MaxUpload())
	if err != nil {
		return err
	}
	// The answer also carries the Markdown that shows the image in a body
	// (?caption=…&credit=… fill it in); the lead photo uses url, width, height.
	q := r.URL.Query()
	imgs, _, err := a.ed.UploadBodyImages(&p.User, [][]byte{data}, q.Get("caption"), q.Get("credit"))
	if err != nil {
		return err
	}
	return created(w, imgs[0])
}

type hourJSON struct {
	Hour  string `json:"hour"`
	Views int64  `json:"views"`
}

type statsJSON struct {
	ViewsLastHour int64            `json:"views_last_hour"`
	ViewsToday    int64            `json:"views_today"`
	Hours         []hourJSON       `json:"hours"`
	Top           []map[string]any `json:"top,omitempty"`
	ByStatus      map[string]int   `json:"articles_by_status,omitempty"`
}

func (a *API) statsJSON(st editorial.Stats) statsJSON {
	j := statsJSON{ViewsLastHour: st.LastHour, ViewsToday: st.Today, Hours: []hourJSON{}}
	for _, h := range st.Hours {
		j.Hours = append(j.Hours, hourJSON{Hour: a.time(h.Hour), Views: h.Views})
	}
	for _, x := range st.Top {
		j.Top = append(j.Top, map[string]any{"id": x.ID, "title": x.Title, "url": domain.ArticleURL(a.cfg.BaseURL, x.Slug), "views": x.Views})
	}
	if st.ByStatus != nil {
		j.ByStatus = map[string]int{}
		for k, v := range st.ByStatus {
			j.ByStatus[string(k)] = v
		}
	}
	return j
}

func (a *API) stats(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	st, err := a.ed.Stats(r.Context(), &p.User, 0, a.cfg.Location)
	if err != nil {
		return err
	}
	return ok(w, a.statsJSON(st))
}

func (a *API) articleStats(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	id, err := pathID(r, "id", "artikel")
	if err != nil {
		return err
	}
	st, err := a.ed.Stats(r.Context(), &p.User, id, a.cfg.Location)
	if err != nil {
		return err
	}
	web.JSON(w, http.StatusOK, web.Envelope{Data: a.statsJSON(st)})
	return nil
}
