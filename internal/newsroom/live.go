package newsroom

import (
	"errors"
	"html/template"
	"net/http"
	"strconv"

	"warta/internal/auth"
	"warta/internal/domain"
	"warta/internal/web"
)

// Live reports (issue 14): the page at /redaksi/artikel/{id}/langsung, a
// thin adapter over editorial's live methods. Every form works without
// JavaScript.

type livePage struct {
	frame
	Article  domain.Article
	Live     bool
	Report   domain.LiveReport
	Updates  []liveUpdateRow
	CanLive  bool // start, end, reopen (editors)
	CanPost  bool // add updates
	Title    string
	Body     string
	EditID   int64 // the update whose edit failed, shown open
	EditText [2]string
}

type liveUpdateRow struct {
	domain.LiveUpdate
	HTML    template.HTML
	CanEdit bool
}

func (u *UI) live(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	id, err := pathID(r, "id", "artikel")
	if err != nil {
		return err
	}
	pg, err := u.livePage(r, p, id)
	if err != nil {
		return err
	}
	u.render(w, "live", http.StatusOK, pg)
	return nil
}

func (u *UI) livePage(r *http.Request, p *auth.Principal, id int64) (livePage, error) {
	a, err := u.ed.Article(r.Context(), &p.User, id)
	if err != nil {
		return livePage{}, err
	}
	pg := livePage{frame: u.frame(r, p, "Laporan langsung: "+a.Title, "artikel"), Article: a,
		CanLive: auth.Can(p.User.Role, auth.PermLive)}
	rep, list, err := u.ed.LiveReport(r.Context(), &p.User, id)
	switch {
	case errors.Is(err, domain.ErrNotFound):
		return pg, nil
	case err != nil:
		return pg, err
	}
	pg.Live, pg.Report = true, rep
	editAny := auth.Can(p.User.Role, auth.PermArticleEditAny)
	pg.CanPost = auth.Can(p.User.Role, auth.PermLiveUpdates) && !rep.Ended()
	for _, x := range list {
		// BodyHTML was sanitised when it was saved, like article bodies.
		pg.Updates = append(pg.Updates, liveUpdateRow{LiveUpdate: x, HTML: template.HTML(x.BodyHTML),
			CanEdit: auth.Can(p.User.Role, auth.PermLiveUpdates) && (editAny || x.UserID == p.User.ID)})
	}
	return pg, nil
}

// liveBack is the live page's address.
func liveBack(id int64) string { return "/redaksi/artikel/" + strconv.FormatInt(id, 10) + "/langsung" }

// liveFailed shows the live page again with the error and what was typed.
func (u *UI) liveFailed(w http.ResponseWriter, r *http.Request, p *auth.Principal, id int64, cause error, fill func(*livePage)) error {
	if st := web.StatusOf(cause); st != http.StatusBadRequest && st != http.StatusConflict && st != http.StatusRequestEntityTooLarge {
		return cause
	}
	pg, err := u.livePage(r, p, id)
	if err != nil {
		return err
	}
	pg.Error = domain.ErrorMessage(cause)
	fill(&pg)
	u.render(w, "live", web.StatusOf(cause), pg)
	return nil
}

// liveAction serves the live page's forms: mulai (make live or reopen),
// akhiri (end) and pembaruan (add an update).
func (u *UI) liveAction(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	id, err := pathID(r, "id", "artikel")
	if err != nil {
		return err
	}
	ctx := r.Context()
	switch r.PathValue("action") {
	case "mulai":
		if _, err := u.ed.StartLive(ctx, &p.User, id); err != nil {
			return err
		}
		return redirect(w, r, liveBack(id), "langsung")
	case "akhiri":
		if _, err := u.ed.EndLive(ctx, &p.User, id); err != nil {
			return err
		}
		return redirect(w, r, liveBack(id), "langsung-selesai")
	case "pembaruan":
		title, body := r.PostFormValue("title"), r.PostFormValue("body")
		if _, err := u.ed.AddLiveUpdate(ctx, &p.User, id, title, body); err != nil {
			return u.liveFailed(w, r, p, id, err, func(pg *livePage) { pg.Title, pg.Body = title, body })
		}
		return redirect(w, r, liveBack(id), "pembaruan")
	}
	return domain.NotFound("tindakan tidak dikenal")
}

func (u *UI) editLiveUpdate(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	id, uid, err := updateIDs(r)
	if err != nil {
		return err
	}
	title, body := r.PostFormValue("title"), r.PostFormValue("body")
	if _, err := u.ed.EditLiveUpdate(r.Context(), &p.User, id, uid, &title, &body); err != nil {
		return u.liveFailed(w, r, p, id, err, func(pg *livePage) { pg.EditID, pg.EditText = uid, [2]string{title, body} })
	}
	return redirect(w, r, liveBack(id), "pembaruan-diubah")
}

func (u *UI) deleteLiveUpdate(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	id, uid, err := updateIDs(r)
	if err != nil {
		return err
	}
	if err := u.ed.DeleteLiveUpdate(r.Context(), &p.User, id, uid); err != nil {
		return err
	}
	return redirect(w, r, liveBack(id), "pembaruan-dihapus")
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
