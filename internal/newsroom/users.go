package newsroom

import (
	"net/http"
	"strconv"

	"warta/internal/auth"
	"warta/internal/domain"
	"warta/internal/editorial"
	"warta/internal/web"
)

type usersPage struct {
	frame
	Users  []domain.User
	Roles  []domain.Role
	Tokens []domain.APIToken
	Email  string
	Name   string
	Token  string // a token just created, shown once
}

func (u *UI) users(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	return u.renderUsers(w, r, p, http.StatusOK, usersPage{})
}

func (u *UI) renderUsers(w http.ResponseWriter, r *http.Request, p *auth.Principal, status int, pg usersPage) error {
	msg, tok := pg.Error, pg.Token
	pg.frame = u.frame(r, p, "Pengguna", "pengguna")
	pg.Error, pg.Token, pg.Roles = msg, tok, domain.Roles
	var err error
	if pg.Users, err = u.ed.Users(r.Context(), &p.User); err != nil {
		return err
	}
	if pg.Tokens, err = u.ed.Tokens(r.Context(), &p.User); err != nil {
		return err
	}
	u.render(w, "users", status, pg)
	return nil
}

func (u *UI) userAction(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	if err := u.ed.MayManageUsers(&p.User); err != nil {
		return err // this page is the admins' (own tokens are on /redaksi/akun)
	}
	ctx := r.Context()
	var err error
	pg := usersPage{}
	switch r.PathValue("action") {
	case "baru":
		pg.Email, pg.Name = r.PostFormValue("email"), r.PostFormValue("name")
		_, err = u.ed.CreateUser(ctx, &p.User, pg.Email, pg.Name, domain.Role(r.PostFormValue("role")), r.PostFormValue("password"))
	case "ubah":
		var id int64
		if id, err = strconv.ParseInt(r.PostFormValue("id"), 10, 64); err != nil {
			return domain.NotFound("pengguna tidak ditemukan")
		}
		role := domain.Role(r.PostFormValue("role"))
		disabled := r.PostFormValue("disabled") != ""
		c := editorial.UserChange{Role: &role, Disabled: &disabled}
		if pw := r.PostFormValue("password"); pw != "" {
			revoke := r.PostFormValue("revoke_tokens") != ""
			c.Password, c.RevokeTokens = &pw, &revoke
		}
		_, err = u.ed.UpdateUser(ctx, &p.User, id, c)
	case "token":
		var id int64
		if id, err = strconv.ParseInt(r.PostFormValue("id"), 10, 64); err != nil {
			return domain.NotFound("pengguna tidak ditemukan")
		}
		pg.Token, _, err = u.ed.CreateToken(ctx, &p.User, id, r.PostFormValue("name"))
	case "cabut":
		var id int64
		if id, err = strconv.ParseInt(r.PostFormValue("id"), 10, 64); err != nil {
			return domain.NotFound("token tidak ditemukan")
		}
		err = u.ed.RevokeToken(ctx, &p.User, id)
	default:
		return domain.NotFound("halaman tidak ditemukan")
	}
	if err != nil {
		if web.StatusOf(err) >= 500 {
			return err
		}
		pg.Error = errorSentence(err)
		return u.renderUsers(w, r, p, web.StatusOf(err), pg)
	}
	if pg.Token != "" {
		// Shown once, on this answer only (never in a URL).
		pg.Notice = ""
		return u.renderUsers(w, r, p, http.StatusOK, pg)
	}
	return redirect(w, r, "/redaksi/pengguna", "tersimpan")
}
