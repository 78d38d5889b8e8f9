package newsroom

import (
	"net/http"
	"strconv"
	"strings"
	"time"

	"warta/internal/auth"
	"warta/internal/domain"
	"warta/internal/store"
	"warta/internal/web"
)

type categoriesPage struct {
	frame
	Categories []domain.Category
}

func (u *UI) categories(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	if err := auth.Require(&p.User, auth.PermCategories); err != nil {
		return err
	}
	return u.renderCategories(w, r, p, http.StatusOK, "")
}

func (u *UI) renderCategories(w http.ResponseWriter, r *http.Request, p *auth.Principal, status int, msg string) error {
	list, err := u.store.Categories(r.Context())
	if err != nil {
		return err
	}
	pg := categoriesPage{frame: u.frame(r, p, "Kategori", "kategori"), Categories: list}
	pg.Error = msg
	u.render(w, "categories", status, pg)
	return nil
}

func (u *UI) saveCategory(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	if err := auth.Require(&p.User, auth.PermCategories); err != nil {
		return err
	}
	pos, _ := strconv.Atoi(r.PostFormValue("position"))
	c := domain.Category{Name: r.PostFormValue("name"), Slug: strings.TrimSpace(r.PostFormValue("slug")),
		Description: strings.TrimSpace(r.PostFormValue("description")), Position: pos}
	var err error
	if r.PathValue("id") == "" {
		if c.Slug != "" && domain.Slugify(c.Slug) != c.Slug {
			err = domain.Invalid("slug hanya boleh berisi huruf kecil, angka dan tanda hubung")
		} else {
			_, err = u.store.CreateCategory(r.Context(), c)
		}
	} else {
		var id int64
		if id, err = pathID(r, "id", "kategori"); err == nil {
			err = u.store.UpdateCategory(r.Context(), id, c)
		}
	}
	if err != nil {
		if web.StatusOf(err) >= 500 {
			return err
		}
		return u.renderCategories(w, r, p, web.StatusOf(err), capitalize(domain.ErrorMessage(err))+".")
	}
	return redirect(w, r, "/redaksi/kategori", "tersimpan")
}

func (u *UI) deleteCategory(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	if err := auth.Require(&p.User, auth.PermCategories); err != nil {
		return err
	}
	id, err := pathID(r, "id", "kategori")
	if err != nil {
		return err
	}
	if err := u.store.DeleteCategory(r.Context(), id); err != nil {
		if web.StatusOf(err) >= 500 {
			return err
		}
		return u.renderCategories(w, r, p, web.StatusOf(err), capitalize(domain.ErrorMessage(err))+".")
	}
	return redirect(w, r, "/redaksi/kategori", "dihapus")
}

type tagsPage struct {
	frame
	Tags []store.TagCount
}

func (u *UI) tags(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	if err := auth.Require(&p.User, auth.PermTags); err != nil {
		return err
	}
	list, err := u.store.TagsWithCounts(r.Context())
	if err != nil {
		return err
	}
	u.render(w, "tags", http.StatusOK, tagsPage{frame: u.frame(r, p, "Topik (tag)", "tag"), Tags: list})
	return nil
}

func (u *UI) tagAction(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	if err := auth.Require(&p.User, auth.PermTags); err != nil {
		return err
	}
	id, err := pathID(r, "id", "topik")
	if err != nil {
		return err
	}
	if into := strings.TrimSpace(r.PostFormValue("into")); into != "" {
		t, err := u.store.TagBySlug(r.Context(), domain.Slugify(into))
		if err != nil {
			return domain.Invalid("topik tujuan %q tidak ada", into)
		}
		err = u.store.MergeTags(r.Context(), id, t.ID)
		if err != nil {
			return err
		}
		return redirect(w, r, "/redaksi/tag", "tersimpan")
	}
	if _, err := u.store.RenameTag(r.Context(), id, r.PostFormValue("name")); err != nil {
		return err
	}
	return redirect(w, r, "/redaksi/tag", "tersimpan")
}

type pollsPage struct {
	frame
	Polls []domain.Poll
	Now   time.Time
}

func (u *UI) polls(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	if err := auth.Require(&p.User, auth.PermPolls); err != nil {
		return err
	}
	list, err := u.store.Polls(r.Context(), 200)
	if err != nil {
		return err
	}
	u.render(w, "polls", http.StatusOK, pollsPage{frame: u.frame(r, p, "Polling", "polling"), Polls: list, Now: u.store.Now()})
	return nil
}

type pollPage struct {
	frame
	Poll     domain.Poll
	Open     bool
	Question string
	Options  string
	ClosesAt string
}

func (u *UI) poll(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	if err := auth.Require(&p.User, auth.PermPolls); err != nil {
		return err
	}
	pg := pollPage{frame: u.frame(r, p, "Polling baru", "polling")}
	if r.PathValue("id") != "" {
		id, err := pathID(r, "id", "polling")
		if err != nil {
			return err
		}
		if pg.Poll, err = u.store.Poll(r.Context(), id); err != nil {
			return err
		}
		pg.Title = "Polling: " + pg.Poll.Question
		pg.Open = pg.Poll.IsOpen(u.store.Now())
		pg.Question = pg.Poll.Question
		var opts []string
		for _, o := range pg.Poll.Options {
			opts = append(opts, o.Label)
		}
		pg.Options = strings.Join(opts, "\n")
		pg.ClosesAt = localInput(pg.Poll.ClosesAt, u.cfg.Location)
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
	if err := auth.Require(&p.User, auth.PermPolls); err != nil {
		return err
	}
	question, options := r.PostFormValue("question"), r.PostFormValue("options")
	closes, err := u.parseLocal(r.PostFormValue("closes_at"))
	var id int64
	if err == nil {
		if r.PathValue("id") == "" {
			id, err = u.store.CreatePoll(r.Context(), store.PollInput{Question: question, Options: lines(options), ClosesAt: closes})
		} else if id, err = pathID(r, "id", "polling"); err == nil {
			err = u.store.UpdatePoll(r.Context(), id, store.PollUpdate{Question: &question, Options: lines(options), ClosesAt: &closes})
		}
	}
	if err != nil {
		if web.StatusOf(err) >= 500 {
			return err
		}
		pg := pollPage{frame: u.frame(r, p, "Polling", "polling"), Question: question, Options: options, ClosesAt: r.PostFormValue("closes_at")}
		if id != 0 {
			pg.Poll, _ = u.store.Poll(r.Context(), id)
			pg.Open = pg.Poll.IsOpen(u.store.Now())
		}
		pg.Error = capitalize(domain.ErrorMessage(err)) + "."
		u.render(w, "poll", web.StatusOf(err), pg)
		return nil
	}
	return redirect(w, r, "/redaksi/polling/"+strconv.FormatInt(id, 10), "tersimpan")
}

func (u *UI) pollAction(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	if err := auth.Require(&p.User, auth.PermPolls); err != nil {
		return err
	}
	id, err := pathID(r, "id", "polling")
	if err != nil {
		return err
	}
	poll, err := u.store.Poll(r.Context(), id)
	if err != nil {
		return err
	}
	now := u.store.Now()
	switch r.PathValue("action") {
	case "buka":
		var zero time.Time
		upd := store.PollUpdate{ClosesAt: &zero}
		if poll.OpensAt.After(now) {
			upd.OpensAt = &now
		}
		err = u.store.UpdatePoll(r.Context(), id, upd)
	case "tutup":
		upd := store.PollUpdate{ClosesAt: &now}
		if !poll.OpensAt.Before(now) {
			earlier := now.Add(-time.Second)
			upd.OpensAt = &earlier
		}
		err = u.store.UpdatePoll(r.Context(), id, upd)
	case "hapus":
		if err := u.store.DeletePoll(r.Context(), id); err != nil {
			return err
		}
		return redirect(w, r, "/redaksi/polling", "dihapus")
	default:
		return domain.NotFound("halaman tidak ditemukan")
	}
	if err != nil {
		return err
	}
	return redirect(w, r, "/redaksi/polling/"+strconv.FormatInt(id, 10), "tersimpan")
}
