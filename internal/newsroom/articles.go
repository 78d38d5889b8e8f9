package newsroom

import (
	"errors"
	"html/template"
	"net/http"
	"strconv"
	"strings"
	"time"

	"warta/internal/auth"
	"warta/internal/domain"
	"warta/internal/editorial"
	"warta/internal/media"
	"warta/internal/store"
	"warta/internal/web"
)

// articleForm is the editor's content as typed: on an error the page shows
// it back unchanged, so nothing the journalist wrote is lost.
type articleForm struct {
	Title, Slug, Excerpt, Body, Category, Tags, Authors string
	PhotoURL, PhotoCaption, PhotoCredit                 string
	PhotoWidth, PhotoHeight                             int
	Breaking, Featured                                  bool
	BreakingUntil                                       string // datetime-local in the site zone; "" for the default end
	Placement                                           bool   // the form offered Breaking and Berita utama (editors)
	BacaJugaOff                                         bool   // no "Baca juga" links inside the body (issue 14)
	PollID                                              int64
	PublishedAt                                         string
	HotBadge                                            string // "auto", "on", "off"; "" when not shown (writers)
	Version                                             int64  // the article version the form was made from
}

func (u *UI) formFrom(a domain.Article) articleForm {
	f := articleForm{Title: a.Title, Slug: a.Slug, Excerpt: a.Excerpt, Body: a.BodySource, Category: a.Category.Slug,
		PhotoURL: a.Photo.URL, PhotoCaption: a.Photo.Caption, PhotoCredit: a.Photo.Credit, PhotoWidth: a.Photo.Width,
		PhotoHeight: a.Photo.Height, Breaking: a.Breaking, Featured: a.Featured, PollID: a.PollID, BacaJugaOff: a.BacaJugaOff,
		PublishedAt: localInput(a.PublishedAt, u.cfg.Location), Version: a.Version}
	if a.Breaking {
		f.BreakingUntil = localInput(a.BreakingUntil, u.cfg.Location)
	}
	var tags, authors []string
	for _, t := range a.Tags {
		tags = append(tags, t.Name)
	}
	for _, au := range a.Authors {
		authors = append(authors, au.Name)
	}
	f.Tags, f.Authors = strings.Join(tags, ", "), strings.Join(authors, ", ")
	return f
}

func readForm(r *http.Request) articleForm {
	f := articleForm{Title: r.PostFormValue("title"), Slug: r.PostFormValue("slug"), Excerpt: r.PostFormValue("excerpt"),
		Body: r.PostFormValue("body"), Category: r.PostFormValue("category"), Tags: r.PostFormValue("tags"),
		Authors: r.PostFormValue("authors"), PhotoURL: r.PostFormValue("photo_url"), PhotoCaption: r.PostFormValue("photo_caption"),
		PhotoCredit: r.PostFormValue("photo_credit"), Breaking: r.PostFormValue("breaking") != "",
		Featured: r.PostFormValue("featured") != "", PublishedAt: r.PostFormValue("published_at"),
		HotBadge: r.PostFormValue("hot_badge"), Placement: r.PostFormValue("placement") != "",
		BreakingUntil: r.PostFormValue("breaking_until"), BacaJugaOff: r.PostFormValue("baca_juga_off") != ""}
	f.PhotoWidth, _ = strconv.Atoi(r.PostFormValue("photo_width"))
	f.PhotoHeight, _ = strconv.Atoi(r.PostFormValue("photo_height"))
	f.PollID, _ = strconv.ParseInt(r.PostFormValue("poll_id"), 10, 64)
	f.Version, _ = strconv.ParseInt(r.PostFormValue("version"), 10, 64)
	takeTheirs(r, &f)
	return f
}

// fields turns the form into editorial fields (all of them: the form
// always carries every field).
func (u *UI) fields(f articleForm) (editorial.Fields, error) {
	tags, authors := splitList(f.Tags), splitList(f.Authors)
	ef := editorial.Fields{Title: &f.Title, Slug: &f.Slug, Excerpt: &f.Excerpt, Body: &f.Body, Category: &f.Category,
		Tags: &tags, PhotoURL: &f.PhotoURL, PhotoCaption: &f.PhotoCaption,
		PhotoCredit: &f.PhotoCredit, PollID: &f.PollID, Version: f.Version}
	if len(authors) > 0 {
		ef.Authors = &authors
	}
	bacaJuga := !f.BacaJugaOff
	ef.BacaJuga = &bacaJuga
	if f.Placement { // a writer's form has no such boxes: leave them as they are
		ef.Breaking, ef.Featured = &f.Breaking, &f.Featured
		until, err := u.parseLocal(f.BreakingUntil)
		if err != nil {
			return ef, err
		}
		v := ""
		if !until.IsZero() {
			v = until.Format(time.RFC3339)
		}
		ef.BreakingUntil = &v
	}
	if f.HotBadge != "" {
		ef.HotBadge = &f.HotBadge
	}
	if f.PhotoWidth > 0 {
		ef.PhotoWidth, ef.PhotoHeight = &f.PhotoWidth, &f.PhotoHeight
	}
	t, err := u.parseLocal(f.PublishedAt)
	if err != nil {
		return ef, err
	}
	if !t.IsZero() {
		s := t.Format("2006-01-02T15:04:05Z07:00")
		ef.PublishedAt = &s
	}
	return ef, nil
}

type actionButton struct {
	Value string
	Label string
	Class string
}

type editorPage struct {
	frame
	Article    domain.Article // zero for a new article
	Form       articleForm
	Categories []domain.Category
	Polls      []domain.Poll
	Actions    []actionButton
	Notes      []domain.Note
	Lock       lockView
	Conflict   *conflict // a save refused because someone else saved meanwhile
	Preview    template.HTML
	CanNotes   bool
	CanHot     bool              // editors decide on the #HOT badge
	Proposals  []domain.Proposal // correction proposals waiting on this article
	Srcset     string
	// BodySnippet is the Markdown of images just uploaded for the body,
	// shown to paste when the form was sent without JavaScript.
	BodySnippet string
}

var actionLabels = map[domain.Status]actionButton{
	domain.StatusReview:      {"review", "Ajukan untuk ditinjau", "primary"},
	domain.StatusDraft:       {"draft", "Kembalikan ke draf", ""},
	domain.StatusScheduled:   {"scheduled", "Jadwalkan", "primary"},
	domain.StatusPublished:   {"published", "Terbitkan sekarang", "primary"},
	domain.StatusUnpublished: {"unpublished", "Tarik dari situs", "danger"},
}

// actions lists the workflow buttons u may press on an article in status st.
func actions(user *domain.User, st domain.Status) []actionButton {
	out := []actionButton{{"save", "Simpan", ""}}
	for _, next := range []domain.Status{domain.StatusReview, domain.StatusDraft, domain.StatusScheduled, domain.StatusPublished, domain.StatusUnpublished} {
		if next == st || editorial.CheckTransition(user, st, next) != nil {
			continue
		}
		out = append(out, actionLabels[next])
	}
	if st == domain.StatusScheduled && auth.Can(user.Role, auth.PermArticlePublish) {
		out = append(out, actionButton{"scheduled", "Ubah jadwal", ""})
	}
	return out
}

func (u *UI) editorPage(r *http.Request, p *auth.Principal, a domain.Article, f articleForm) (editorPage, error) {
	title := "Tulis artikel"
	if a.ID != 0 {
		title = "Sunting: " + a.Title
	}
	pg := editorPage{frame: u.frame(r, p, title, "artikel"), Article: a, Form: f,
		CanNotes: a.Status == domain.StatusPublished && auth.Can(p.User.Role, auth.PermArticleNotes),
		CanHot:   auth.Can(p.User.Role, auth.PermArticlePublish),
		Srcset:   media.Srcset(f.PhotoURL, f.PhotoWidth)}
	st := a.Status
	if a.ID == 0 {
		st = domain.StatusDraft
	}
	pg.Actions = actions(&p.User, st)
	var err error
	if pg.Categories, err = u.ed.Categories(r.Context(), &p.User); err != nil {
		return pg, err
	}
	if pg.Polls, err = u.ed.RecentPolls(r.Context(), &p.User, 50); err != nil {
		return pg, err
	}
	if a.ID != 0 {
		if pg.Notes, err = u.ed.Notes(r.Context(), &p.User, a.ID); err != nil {
			return pg, err
		}
	}
	if pg.CanNotes { // correction proposals waiting on this article (issue 12)
		if pg.Proposals, _, err = u.ed.Proposals(r.Context(), &p.User, store.ProposalFilter{ArticleID: a.ID, Status: domain.ProposalPending},
			domain.Page{Number: 1, Size: 20}); err != nil {
			return pg, err
		}
	}
	return pg, nil
}

func (u *UI) newArticle(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	if err := u.ed.MayWrite(&p.User); err != nil {
		return err
	}
	f := articleForm{}
	if cats, err := u.ed.Categories(r.Context(), &p.User); err == nil && len(cats) > 0 {
		f.Category = cats[0].Slug
	}
	pg, err := u.editorPage(r, p, domain.Article{}, f)
	if err != nil {
		return err
	}
	u.render(w, "editor", http.StatusOK, pg)
	return nil
}

func (u *UI) editArticle(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	id, err := pathID(r, "id", "artikel")
	if err != nil {
		return err
	}
	a, err := u.ed.Article(r.Context(), &p.User, id)
	if err != nil {
		return err
	}
	if ok, err := u.ed.Editable(r.Context(), &p.User, a); err != nil {
		return err
	} else if !ok { // a writer's own article once published: read-only, with "Usulkan ralat"
		return u.articleView(w, r, p, a)
	}
	f := u.formFrom(a)
	if f.HotBadge, err = u.ed.HotBadge(r.Context(), &p.User, id); err != nil {
		return err
	}
	pg, err := u.editorPage(r, p, a, f)
	if err != nil {
		return err
	}
	st, err := u.ed.EditStatus(r.Context(), &p.User, id, false)
	if err != nil {
		return err
	}
	pg.Lock = u.lockView(st)
	u.render(w, "editor", http.StatusOK, pg)
	return nil
}

// attachUpload stores the photo file sent with the form, if any.
func (u *UI) attachUpload(r *http.Request, p *auth.Principal, f *articleForm) error {
	if r.MultipartForm == nil || len(r.MultipartForm.File["photo_file"]) == 0 {
		return nil
	}
	fh := r.MultipartForm.File["photo_file"][0]
	if fh.Size == 0 {
		return nil
	}
	data, err := readFormFile(fh, u.ed.MaxUpload())
	if err != nil {
		return err
	}
	img, err := u.ed.Upload(&p.User, data)
	if err != nil {
		return err
	}
	f.PhotoURL, f.PhotoWidth, f.PhotoHeight = img.URL, img.Width, img.Height
	return nil
}

// statusFor maps an editor button to the status it asks for ("" keeps it).
func statusFor(action string) (domain.Status, bool) {
	switch action {
	case "", "save", "preview":
		return "", true
	case "review", "draft", "scheduled", "published", "unpublished":
		return domain.Status(action), true
	}
	return "", false
}

var actionNotice = map[domain.Status]string{domain.StatusReview: "diajukan", domain.StatusScheduled: "dijadwalkan",
	domain.StatusPublished: "terbit", domain.StatusUnpublished: "ditarik", domain.StatusDraft: "draf"}

// saveArticle creates (id 0) or updates an article from the editor form.
func (u *UI) saveArticle(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	var id int64
	var a domain.Article
	if r.PathValue("id") != "" {
		var err error
		if id, err = pathID(r, "id", "artikel"); err != nil {
			return err
		}
		if a, err = u.ed.Article(r.Context(), &p.User, id); err != nil {
			return err
		}
	}
	f := readForm(r)
	action := r.PostFormValue("action")
	fail := func(err error) error {
		status := web.StatusOf(err)
		if status >= 500 {
			return err
		}
		pg, perr := u.editorPage(r, p, a, f)
		if perr != nil {
			return perr
		}
		pg.Error = errorSentence(err)
		u.render(w, "editor", status, pg)
		return nil
	}
	if action == "preview" {
		html, err := u.ed.Preview(&p.User, f.Body)
		if err != nil {
			return fail(err)
		}
		pg, err := u.editorPage(r, p, a, f)
		if err != nil {
			return err
		}
		pg.Preview = template.HTML(html) // sanitised by the render package
		u.render(w, "editor", http.StatusOK, pg)
		return nil
	}
	if action == "body_upload" { // images for the body, without JavaScript: show the Markdown to paste
		_, md, err := u.uploadBody(r, p)
		if err != nil {
			return fail(err)
		}
		pg, err := u.editorPage(r, p, a, f)
		if err != nil {
			return err
		}
		pg.BodySnippet = strings.TrimSpace(md)
		pg.Notice = "Gambar terunggah. Salin kodenya ke isi berita di tempat gambar ingin ditampilkan, lalu simpan."
		u.render(w, "editor", http.StatusOK, pg)
		return nil
	}
	status, ok := statusFor(action)
	if !ok {
		return fail(domain.Invalid("tindakan %q tidak dikenal", action))
	}
	if err := u.attachUpload(r, p, &f); err != nil {
		return fail(err)
	}
	ef, err := u.fields(f)
	if err != nil {
		return fail(err)
	}
	if status != "" {
		ef.Status = &status
	}
	var saved domain.Article
	if id == 0 {
		saved, err = u.ed.Create(r.Context(), &p.User, ef)
	} else {
		saved, err = u.ed.Update(r.Context(), &p.User, id, ef)
	}
	var stale *editorial.StaleError
	if errors.As(err, &stale) {
		return u.showConflict(w, r, p, stale, f)
	}
	if err != nil {
		return fail(err)
	}
	notice := "tersimpan"
	if n, ok := actionNotice[status]; ok && status != a.Status {
		notice = n
	}
	return redirect(w, r, "/redaksi/artikel/"+strconv.FormatInt(saved.ID, 10), notice)
}

// autosave stores the editor's content without moving the article in its
// workflow (JSON, called by newsroom.js).
func (u *UI) autosave(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	id, err := pathID(r, "id", "artikel")
	if err != nil {
		return err
	}
	ef, err := u.fields(readForm(r))
	if err != nil {
		return err
	}
	a, err := u.ed.Update(r.Context(), &p.User, id, ef)
	if err != nil {
		return err
	}
	web.JSON(w, http.StatusOK, web.Envelope{Data: map[string]any{"saved_at": whenOrDash(a.UpdatedAt, u.cfg.Location), "slug": a.Slug,
		"version": a.Version}})
	return nil
}

func (u *UI) preview(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	html, err := u.ed.Preview(&p.User, r.PostFormValue("body"))
	if err != nil {
		return err
	}
	web.JSON(w, http.StatusOK, web.Envelope{Data: map[string]string{"html": html}})
	return nil
}

func (u *UI) upload(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	if len(bodyFiles(r)) > 0 {
		return u.bodyUploadJSON(w, r, p)
	}
	var f articleForm
	if err := u.attachUpload(r, p, &f); err != nil {
		return err
	}
	if f.PhotoURL == "" {
		return domain.Invalid("pilih berkas gambar terlebih dahulu")
	}
	web.JSON(w, http.StatusCreated, web.Envelope{Data: map[string]any{"url": f.PhotoURL, "width": f.PhotoWidth,
		"height": f.PhotoHeight, "srcset": media.Srcset(f.PhotoURL, f.PhotoWidth)}})
	return nil
}

func (u *UI) deleteArticle(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	id, err := pathID(r, "id", "artikel")
	if err != nil {
		return err
	}
	if err := u.ed.Delete(r.Context(), &p.User, id); err != nil {
		return err
	}
	return redirect(w, r, "/redaksi/artikel", "dihapus")
}

func (u *UI) addNote(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	id, err := pathID(r, "id", "artikel")
	if err != nil {
		return err
	}
	if _, err := u.ed.AddNote(r.Context(), &p.User, id, r.PostFormValue("kind"), r.PostFormValue("note")); err != nil {
		return err
	}
	return redirect(w, r, "/redaksi/artikel/"+strconv.FormatInt(id, 10), "catatan")
}

type revisionsPage struct {
	frame
	Article   domain.Article
	Revisions []domain.Revision
	From, To  domain.Revision
	Diff      []editorial.DiffLine
	CanEdit   bool
}

func (u *UI) revisions(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	id, err := pathID(r, "id", "artikel")
	if err != nil {
		return err
	}
	a, err := u.ed.Article(r.Context(), &p.User, id)
	if err != nil {
		return err
	}
	list, err := u.ed.Revisions(r.Context(), &p.User, id)
	if err != nil {
		return err
	}
	pg := revisionsPage{frame: u.frame(r, p, "Revisi: "+a.Title, "artikel"), Article: a, Revisions: list}
	pg.CanEdit = auth.Can(p.User.Role, auth.PermArticleEditAny) || a.Status == domain.StatusDraft || a.Status == domain.StatusReview
	from, _ := strconv.ParseInt(r.URL.Query().Get("dari"), 10, 64)
	to, _ := strconv.ParseInt(r.URL.Query().Get("ke"), 10, 64)
	if from == 0 && to == 0 && len(list) >= 2 {
		from, to = list[1].ID, list[0].ID
	}
	if from != 0 && to != 0 {
		pg.From, pg.To, pg.Diff, err = u.ed.Compare(r.Context(), &p.User, id, from, to, u.cfg.Location)
		if err != nil {
			return err
		}
	}
	u.render(w, "revisions", http.StatusOK, pg)
	return nil
}

func (u *UI) restore(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	id, err := pathID(r, "id", "artikel")
	if err != nil {
		return err
	}
	rev, err := pathID(r, "rev", "revisi")
	if err != nil {
		return err
	}
	_, kept, err := u.ed.Restore(r.Context(), &p.User, id, rev)
	if err != nil {
		return err
	}
	ok := "dipulihkan"
	if len(kept) > 0 {
		ok = "dipulihkan-sebagian"
	}
	return redirect(w, r, "/redaksi/artikel/"+strconv.FormatInt(id, 10), ok)
}
