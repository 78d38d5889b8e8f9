package newsroom

import (
	"net/http"
	"strconv"
	"strings"
	"time"

	"warta/internal/auth"
	"warta/internal/domain"
	"warta/internal/editorial"
	"warta/internal/store"
	"warta/internal/web"
)

type categoriesPage struct {
	frame
	Categories []domain.Category
}

func (u *UI) categories(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	return u.renderCategories(w, r, p, nil)
}

// renderCategories shows the categories page; a refused save or delete
// (refused, a status under 500) shows it again with the message and the
// error's status. Other errors go to the error page.
func (u *UI) renderCategories(w http.ResponseWriter, r *http.Request, p *auth.Principal, refused error) error {
	status := http.StatusOK
	if refused != nil {
		if status = web.StatusOf(refused); status >= 500 {
			return refused
		}
	}
	list, err := u.ed.Categories(r.Context(), &p.User)
	if err != nil {
		return err
	}
	pg := categoriesPage{frame: u.frame(r, p, "Kategori", "kategori"), Categories: list}
	if refused != nil {
		pg.Error = errorSentence(refused)
	}
	u.render(w, "categories", status, pg)
	return nil
}

func (u *UI) saveCategory(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	pos, _ := strconv.Atoi(r.PostFormValue("position"))
	c := domain.Category{Name: r.PostFormValue("name"), Slug: r.PostFormValue("slug"),
		Description: r.PostFormValue("description"), Position: pos}
	var err error
	if r.PathValue("id") == "" {
		_, err = u.ed.CreateCategory(r.Context(), &p.User, c)
	} else {
		var id int64
		if id, err = pathID(r, "id", "kategori"); err == nil {
			_, err = u.ed.UpdateCategory(r.Context(), &p.User, id, c)
		}
	}
	if err != nil {
		return u.renderCategories(w, r, p, err)
	}
	return redirect(w, r, "/redaksi/kategori", "tersimpan")
}

func (u *UI) deleteCategory(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	id, err := pathID(r, "id", "kategori")
	if err != nil {
		return err
	}
	if err := u.ed.DeleteCategory(r.Context(), &p.User, id); err != nil {
		return u.renderCategories(w, r, p, err)
	}
	return redirect(w, r, "/redaksi/kategori", "dihapus")
}

type tagsPage struct {
	frame
	Tags []store.TagCount
}

func (u *UI) tags(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	list, err := u.ed.Tags(r.Context(), &p.User)
	if err != nil {
		return err
	}
	u.render(w, "tags", http.StatusOK, tagsPage{frame: u.frame(r, p, "Topik (tag)", "tag"), Tags: list})
	return nil
}

func (u *UI) tagAction(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	id, err := pathID(r, "id", "topik")
	if err != nil {
		return err
	}
	if into := strings.TrimSpace(r.PostFormValue("into")); into != "" {
		if _, err := u.ed.MergeTag(r.Context(), &p.User, id, into); err != nil {
			return err
		}
		return redirect(w, r, "/redaksi/tag", "tersimpan")
	}
	if _, err := u.ed.RenameTag(r.Context(), &p.User, id, r.PostFormValue("name")); err != nil {
		return err
	}
	return redirect(w, r, "/redaksi/tag", "tersimpan")
}

type pollsPage struct {
	frame
	Polls    []domain.Poll
	Now      time.Time
	HomePoll string // the editors' choice for the home page (issue 14)
}

func (u *UI) polls(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	list, err := u.ed.Polls(r.Context(), &p.User)
	if err != nil {
		return err
	}
	home, err := u.ed.HomePoll(r.Context(), &p.User)
	if err != nil {
		return err
	}
	u.render(w, "polls", http.StatusOK, pollsPage{frame: u.frame(r, p, "Polling", "polling"), Polls: list, Now: u.ed.Now(), HomePoll: home})
	return nil
}

type pollPage struct {
	frame
	Poll     domain.Poll
	Open     bool
	Question string
	Options  string
	ClosesAt string
	Scope    string // domain.PollSite or domain.PollArticle
}

func (u *UI) poll(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	pg := pollPage{frame: u.frame(r, p, "Polling baru", "polling"), Scope: domain.PollArticle}
	if r.PathValue("id") == "" {
		if err := u.ed.MayCreatePoll(&p.User); err != nil { // the form is for those who may send it
			return err
		}
	} else {
		id, err := pathID(r, "id", "polling")
		if err != nil {
			return err
		}
		if pg.Poll, err = u.ed.Poll(r.Context(), &p.User, id); err != nil {
			return err
		}
		pg.Title = "Polling: " + pg.Poll.Question
		pg.Open = pg.Poll.IsOpen(u.ed.Now())
		pg.Question = pg.Poll.Question
		var opts []string
		for _, o := range pg.Poll.Options {
			opts = append(opts, o.Label)
		}
		pg.Options = strings.Join(opts, "\n")
		pg.ClosesAt = localInput(pg.Poll.ClosesAt, u.cfg.Location)
		pg.Scope = pg.Poll.Scope
	}
	u.render(w, "poll", http.StatusOK, pg)
	return nil
}

func lines(v string) []string {
	var out []string
	for _, l := range strings.Split(v, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

func (u *UI) savePoll(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	question, options, scope := r.PostFormValue("question"), r.PostFormValue("options"), r.PostFormValue("scope")
	closes, err := u.parseLocal(r.PostFormValue("closes_at"))
	var id int64
	if err == nil {
		if r.PathValue("id") == "" {
			var poll domain.Poll
			poll, err = u.ed.CreatePoll(r.Context(), &p.User, store.PollInput{Question: question, Options: lines(options), ClosesAt: closes, Scope: scope})
			id = poll.ID
		} else if id, err = pathID(r, "id", "polling"); err == nil {
			_, err = u.ed.UpdatePoll(r.Context(), &p.User, id, editorial.PollChange{
				PollUpdate: store.PollUpdate{Question: &question, Options: lines(options), ClosesAt: &closes, Scope: optional(scope)}})
		}
	}
	if err != nil {
		if web.StatusOf(err) >= 500 {
			return err
		}
		pg := pollPage{frame: u.frame(r, p, "Polling", "polling"), Question: question, Options: options, ClosesAt: r.PostFormValue("closes_at"), Scope: scope}
		if id != 0 {
			pg.Poll, _ = u.ed.Poll(r.Context(), &p.User, id)
			pg.Open = pg.Poll.IsOpen(u.ed.Now())
		}
		pg.Error = errorSentence(err)
		u.render(w, "poll", web.StatusOf(err), pg)
		return nil
	}
	return redirect(w, r, "/redaksi/polling/"+strconv.FormatInt(id, 10), "tersimpan")
}

// optional is nil for "" (a form without the field keeps the value).
func optional(v string) *string {
	if v == "" {
		return nil
	}
	return &v
}

// saveHomePoll stores the editors' choice of the home page's poll (issue 14).
func (u *UI) saveHomePoll(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	if _, err := u.ed.SetHomePoll(r.Context(), &p.User, r.PostFormValue("home_poll")); err != nil {
		return err
	}
	return redirect(w, r, "/redaksi/polling", "tersimpan")
}

func (u *UI) pollAction(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	id, err := pathID(r, "id", "polling")
	if err != nil {
		return err
	}
	open := r.PathValue("action") == "buka"
	switch r.PathValue("action") {
	case "buka", "tutup":
		if _, err := u.ed.UpdatePoll(r.Context(), &p.User, id, editorial.PollChange{Open: &open}); err != nil {
			return err
		}
	case "hapus":
		if err := u.ed.DeletePoll(r.Context(), &p.User, id); err != nil {
			return err
		}
		return redirect(w, r, "/redaksi/polling", "dihapus")
	default:
		return domain.NotFound("halaman tidak ditemukan")
	}
	return redirect(w, r, "/redaksi/polling/"+strconv.FormatInt(id, 10), "tersimpan")
}
