package newsroom

import (
	"net/http"
	"net/url"
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
	status, err := refusedStatus(refused)
	if err != nil {
		return err
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

// refusedStatus is the status of a page shown again after a refused
// change: 200 without one, the error's own under 500; an error of 500 or
// more is returned, for the error page.
func refusedStatus(refused error) (int, error) {
	if refused == nil {
		return http.StatusOK, nil
	}
	if status := web.StatusOf(refused); status < 500 {
		return status, nil
	}
	return 0, refused
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

// tagsPerPage is the length of a page of the newsroom's tag list.
const tagsPerPage = 50

// tagList is what the tag page shows: a search, an order and a page. The
// rename and merge forms post to an address that keeps it, so the editor
// lands back where they were.
type tagList struct {
	Query string
	ByUse bool // ?urut=terbanyak: the most published articles first
	Page  int
}

// tagListOf reads the tag page's ?q=, ?urut= and ?page=.
func tagListOf(r *http.Request) (tagList, error) {
	q := r.URL.Query()
	l := tagList{Query: strings.TrimSpace(q.Get("q"))}
	switch v := q.Get("urut"); v {
	case "", "nama":
	case "terbanyak":
		l.ByUse = true
	default:
		return l, domain.Invalid("urutan %q tidak dikenal: pilih nama atau terbanyak", domain.Truncate(v, 20))
	}
	var err error
	l.Page, err = pageParam(r)
	return l, err
}

// address is the tag page's address for path ("/redaksi/tag", or a
// tag's form) showing this list at page.
func (l tagList) address(path string, page int) string {
	v := url.Values{}
	if l.Query != "" {
		v.Set("q", l.Query)
	}
	if l.ByUse {
		v.Set("urut", "terbanyak")
	}
	if page > 1 {
		v.Set("page", strconv.Itoa(page))
	}
	if len(v) == 0 {
		return path
	}
	return path + "?" + v.Encode()
}

func (l tagList) link(page int) string { return l.address("/redaksi/tag", page) }

type tagsPage struct {
	frame
	List  tagList
	Tags  []store.TagCount
	Count string // how many tags match, as readers read numbers
	Pager
}

// FormAction is where a tag's rename and merge forms post: its address
// with the list shown, to come back to.
func (pg tagsPage) FormAction(id int64) string {
	return pg.List.address("/redaksi/tag/"+strconv.FormatInt(id, 10), pg.List.Page)
}

func (u *UI) tags(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	l, err := tagListOf(r)
	if err != nil {
		return err
	}
	return u.renderTags(w, r, p, l, nil)
}

// renderTags shows one page of the tag list; a refused rename or merge
// (refused, a status under 500) shows it again with the message and the
// error's status.
func (u *UI) renderTags(w http.ResponseWriter, r *http.Request, p *auth.Principal, l tagList, refused error) error {
	status, err := refusedStatus(refused)
	if err != nil {
		return err
	}
	list, total, err := u.ed.Tags(r.Context(), &p.User, store.TagFilter{Query: l.Query, ByUse: l.ByUse}, domain.Page{Number: l.Page, Size: tagsPerPage})
	if err != nil {
		return err
	}
	pg := tagsPage{frame: u.frame(r, p, "Topik (tag)", "tag"), List: l, Tags: list, Count: web.FormatNumber(int64(total))}
	if pg.Pager, err = newPager("topik", l.Page, tagsPerPage, total, len(list), false, l.link); err != nil {
		return err
	}
	if refused != nil {
		pg.Error = errorSentence(refused)
	}
	u.render(w, "tags", status, pg)
	return nil
}

func (u *UI) tagAction(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	id, err := pathID(r, "id", "topik")
	if err != nil {
		return err
	}
	l, err := tagListOf(r)
	if err != nil {
		return err
	}
	if into := strings.TrimSpace(r.PostFormValue("into")); into != "" {
		_, err = u.ed.MergeTag(r.Context(), &p.User, id, into)
	} else {
		_, err = u.ed.RenameTag(r.Context(), &p.User, id, r.PostFormValue("name"))
	}
	if err != nil {
		return u.renderTags(w, r, p, l, err)
	}
	// A merge may have emptied the list's last page: land on the new last.
	_, total, err := u.ed.Tags(r.Context(), &p.User, store.TagFilter{Query: l.Query, ByUse: l.ByUse}, domain.Page{Number: l.Page, Size: tagsPerPage})
	if err != nil {
		return err
	}
	l.Page = max(1, min(l.Page, (total+tagsPerPage-1)/tagsPerPage))
	return redirect(w, r, l.link(l.Page), "tersimpan")
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
