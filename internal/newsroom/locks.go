package newsroom

import (
	"net/http"
	"strconv"
	"strings"

	"warta/internal/auth"
	"warta/internal/store"
	"warta/internal/web"
)

// Edit locks are advisory: saves are protected by the article version (a
// stale save gets 409 and a merge), the lock only tells editors about each
// other. The editor page records its presence when it opens and every 15 s
// (newsroom.js); the first editor to open an article holds the lock and is
// told when someone else opens it; the others are told who holds it and may
// take it over, and the one whose lock was taken is told so. Without
// JavaScript the same messages show each time the editor page is drawn,
// which is after every save.

// lockView is the editor page's part about other editors.
type lockView struct {
	Message  string // what the editor is told ("" when alone)
	Holder   string // someone else holding the lock
	CanTake  bool   // the editor may take the lock over
	TakenBy  string
	Others   []string
	Version  int64
	Presence string // "" alone, "others" (I hold, others are here), "held" (someone else holds), "taken"
}

func (u *UI) lockView(st store.EditStatus) lockView {
	v := lockView{Holder: st.Holder.UserName, TakenBy: st.TakenBy, Version: st.Version}
	for _, o := range st.Others {
		v.Others = append(v.Others, o.Name+" (sejak "+web.FormatTime(o.Since, u.cfg.Location)+")")
	}
	switch {
	case st.TakenBy != "":
		v.Presence, v.CanTake = "taken", true
		v.Message = st.TakenBy + " mengambil alih penyuntingan artikel ini. Bila ia menyimpan lebih dulu, simpanan Anda akan " +
			"diminta menggabungkan perubahan, tidak menimpanya."
	case st.Holder.UserID != 0:
		v.Presence, v.CanTake = "held", true
		v.Message = st.Holder.UserName + " sedang menyunting artikel ini. Simpanan Anda tidak akan menimpa perubahannya: " +
			"bila ia menyimpan lebih dulu, Anda akan diminta menggabungkan."
	case len(v.Others) > 0:
		v.Presence = "others"
		v.Message = "Juga membuka artikel ini: " + strings.Join(v.Others, ", ") + "."
	}
	return v
}

// lock is the editor page's heartbeat (JSON): it refreshes the editor's
// presence and answers who else is there and the article's version.
func (u *UI) lock(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	id, err := pathID(r, "id", "artikel")
	if err != nil {
		return err
	}
	st, err := u.ed.EditStatus(r.Context(), &p.User, id, false)
	if err != nil {
		return err
	}
	v := u.lockView(st)
	web.JSON(w, http.StatusOK, web.Envelope{Data: map[string]any{"message": v.Message, "presence": v.Presence,
		"holder": v.Holder, "can_take": v.CanTake, "version": v.Version}})
	return nil
}

// takeLock moves an article's lock to the editor asking.
func (u *UI) takeLock(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	id, err := pathID(r, "id", "artikel")
	if err != nil {
		return err
	}
	if _, err := u.ed.EditStatus(r.Context(), &p.User, id, true); err != nil {
		return err
	}
	if r.Header.Get("Accept") == "application/json" {
		web.JSON(w, http.StatusOK, web.Envelope{Data: map[string]any{"taken": true}})
		return nil
	}
	return redirect(w, r, "/redaksi/artikel/"+strconv.FormatInt(id, 10), "diambil")
}

// leaveEditor drops the editor's presence and lock (sent by the page as it
// closes).
func (u *UI) leaveEditor(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	id, err := pathID(r, "id", "artikel")
	if err != nil {
		return err
	}
	if err := u.ed.LeaveEditor(r.Context(), &p.User, id); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}
