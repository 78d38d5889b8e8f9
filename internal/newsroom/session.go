package newsroom

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"net/http"
	"strings"

	"warta/internal/auth"
	"warta/internal/domain"
	"warta/internal/web"
)

// loginCSRFCookie carries the login form's CSRF token (double submit): there
// is no session yet to keep it in.
const loginCSRFCookie = "warta_masuk"

type loginPage struct {
	frame
	Email string
	Next  string
}

func safeNext(v string) string {
	if strings.HasPrefix(v, "/redaksi") && !strings.HasPrefix(v, "//") && !strings.Contains(v, "\\") {
		return v
	}
	return "/redaksi"
}

func (u *UI) loginForm(w http.ResponseWriter, r *http.Request) {
	if p, err := u.auth.FromRequest(r.Context(), r); err == nil && !p.ViaToken {
		http.Redirect(w, r, safeNext(r.URL.Query().Get("lanjut")), http.StatusSeeOther)
		return
	}
	pg := loginPage{frame: u.frame(r, nil, "Masuk", ""), Next: safeNext(r.URL.Query().Get("lanjut"))}
	if r.URL.Query().Get("sesi") == "berakhir" {
		pg.Error = "Sesi Anda telah berakhir. Silakan masuk kembali; tulisan yang belum tersimpan masih disimpan di peramban ini."
	}
	u.renderLogin(w, r, pg, http.StatusOK)
}

func (u *UI) renderLogin(w http.ResponseWriter, r *http.Request, pg loginPage, status int) {
	b := make([]byte, 24)
	rand.Read(b)
	pg.CSRF = base64.RawURLEncoding.EncodeToString(b)
	http.SetCookie(w, &http.Cookie{Name: loginCSRFCookie, Value: pg.CSRF, Path: "/redaksi/masuk", HttpOnly: true,
		SameSite: http.SameSiteStrictMode, Secure: u.auth.Cookie(r, "x").Secure})
	w.Header().Set("X-Robots-Tag", "noindex")
	u.render(w, "login", status, pg)
}

func (u *UI) login(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, 64<<10)
	pg := loginPage{frame: u.frame(r, nil, "Masuk", ""), Email: strings.TrimSpace(r.PostFormValue("email")),
		Next: safeNext(r.PostFormValue("lanjut"))}
	c, err := r.Cookie(loginCSRFCookie)
	if err != nil || c.Value == "" || subtle.ConstantTimeCompare([]byte(c.Value), []byte(r.PostFormValue("csrf"))) != 1 {
		pg.Error = "Formulir masuk sudah kedaluwarsa (token keamanan tidak cocok). Silakan coba lagi."
		u.renderLogin(w, r, pg, http.StatusForbidden)
		return
	}
	tok, _, err := u.auth.Login(r.Context(), pg.Email, r.PostFormValue("password"), u.auth.ClientIP(r), r.UserAgent())
	if err != nil {
		status := web.StatusOf(err)
		web.LogError(u.log, r, status, err)
		web.SetRetryAfter(w, err)
		pg.Error = errorSentence(err)
		u.renderLogin(w, r, pg, status)
		return
	}
	http.SetCookie(w, u.auth.Cookie(r, tok))
	http.SetCookie(w, &http.Cookie{Name: loginCSRFCookie, Path: "/redaksi/masuk", MaxAge: -1})
	http.Redirect(w, r, pg.Next, http.StatusSeeOther)
}

func (u *UI) logout(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	if err := u.auth.Logout(r.Context(), p); err != nil {
		return err
	}
	http.SetCookie(w, u.auth.Cookie(r, ""))
	http.Redirect(w, r, "/redaksi/masuk?ok=keluar", http.StatusSeeOther)
	return nil
}

type accountPage struct {
	frame
}

func (u *UI) account(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	u.render(w, "account", http.StatusOK, accountPage{frame: u.frame(r, p, "Akun saya", "akun")})
	return nil
}

func (u *UI) changePassword(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	newPW := r.PostFormValue("new")
	if newPW != r.PostFormValue("confirm") {
		return u.accountError(w, r, p, domain.Invalid("konfirmasi kata sandi baru tidak sama"))
	}
	if err := u.auth.ChangePassword(r.Context(), p, r.PostFormValue("old"), newPW); err != nil {
		return u.accountError(w, r, p, err)
	}
	return redirect(w, r, "/redaksi/akun", "sandi")
}

func (u *UI) accountError(w http.ResponseWriter, r *http.Request, p *auth.Principal, err error) error {
	if web.StatusOf(err) >= 500 {
		return err
	}
	pg := accountPage{frame: u.frame(r, p, "Akun saya", "akun")}
	pg.Error = errorSentence(err)
	u.render(w, "account", web.StatusOf(err), pg)
	return nil
}
