package adminapi

import (
	"errors"
	"net/http"
	"strconv"
	"strings"

	"warta/internal/auth"
	"warta/internal/domain"
	"warta/internal/editorial"
	"warta/internal/media"
	"warta/internal/store"
	"warta/internal/web"
)

type categoryJSON struct {
	ID       int64  `json:"id"`
	Slug     string `json:"slug"`
	Name     string `json:"name"`
	Position int    `json:"position"`
}

type authorJSON struct {
	ID   int64  `json:"id"`
	Slug string `json:"slug"`
	Name string `json:"name"`
}

type photoJSON struct {
	URL     string `json:"url"`
	Caption string `json:"caption"`
	Credit  string `json:"credit"`
	Width   int    `json:"width"`
	Height  int    `json:"height"`
	Srcset  string `json:"srcset,omitempty"`
}

type articleJSON struct {
	ID       int64         `json:"id"`
	Slug     string        `json:"slug"`
	Title    string        `json:"title"`
	Excerpt  string        `json:"excerpt"`
	Body     string        `json:"body"`
	BodyHTML string        `json:"body_html"`
	Status   domain.Status `json:"status"`
	URL      string        `json:"url"`
	Category categoryJSON  `json:"category"`
	Tags     []string      `json:"tags"`
	Authors  []authorJSON  `json:"authors"`
	Photo    *photoJSON    `json:"photo"`
	Breaking bool          `json:"breaking"`
	// BreakingUntil is when the Breaking flag ends ("" when none).
	BreakingUntil string `json:"breaking_until,omitempty"`
	Featured      bool   `json:"featured"`
	Hot           bool   `json:"hot"`
	PollID        int64  `json:"poll_id,omitempty"`
	BacaJuga      *bool  `json:"baca_juga,omitempty"` // full reads: "Baca juga" links inside the body (issue 14)
	PublishedAt   string `json:"published_at"`
	CreatedAt     string `json:"created_at"`
	UpdatedAt     string `json:"updated_at"`
	Views         int64  `json:"views"`
	Likes         int64  `json:"likes"`
	Dislikes      int64  `json:"dislikes"`
	CommentCount  int64  `json:"comment_count"`
	Version       int64  `json:"version,omitempty"`
}

func (a *API) articleJSON(x domain.Article, full bool) articleJSON {
	j := articleJSON{ID: x.ID, Slug: x.Slug, Title: x.Title, Excerpt: x.Excerpt, Status: x.Status,
		URL:      domain.ArticleURL(a.cfg.BaseURL, x.Slug),
		Category: categoryJSON{ID: x.Category.ID, Slug: x.Category.Slug, Name: x.Category.Name, Position: x.Category.Position},
		Tags:     []string{}, Authors: []authorJSON{}, Breaking: x.Breaking, Featured: x.Featured, Hot: x.Hot, PollID: x.PollID,
		PublishedAt: a.time(x.PublishedAt), CreatedAt: a.time(x.CreatedAt), UpdatedAt: a.time(x.UpdatedAt),
		BreakingUntil: a.time(x.BreakingUntil), Views: x.Views, Likes: x.Likes, Dislikes: x.Dislikes, CommentCount: x.CommentCount}
	if full {
		j.Body, j.BodyHTML, j.Version = x.BodySource, x.BodyHTML, x.Version
		on := !x.BacaJugaOff
		j.BacaJuga = &on
	}
	for _, t := range x.Tags {
		j.Tags = append(j.Tags, t.Name)
	}
	j.Authors, j.Photo = authorsJSON(x.Authors), photoOf(x.Photo)
	return j
}

func authorsJSON(list []domain.Author) []authorJSON {
	out := []authorJSON{}
	for _, au := range list {
		out = append(out, authorJSON{ID: au.ID, Slug: au.Slug, Name: au.Name})
	}
	return out
}

// photoOf is a lead photo as the API shows it (nil when none).
func photoOf(p domain.Photo) *photoJSON {
	if p.URL == "" {
		return nil
	}
	return &photoJSON{URL: p.URL, Caption: p.Caption, Credit: p.Credit, Width: p.Width, Height: p.Height,
		Srcset: media.Srcset(p.URL, p.Width)}
}

func (a *API) listArticles(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	pg, err := pageOf(r)
	if err != nil {
		return err
	}
	f := store.AdminFilter{Status: domain.Status(r.URL.Query().Get("status")), Query: r.URL.Query().Get("q")}
	list, total, err := a.ed.List(r.Context(), &p.User, f, pg)
	if err != nil {
		return err
	}
	out := make([]articleJSON, 0, len(list))
	for _, x := range list {
		out = append(out, a.articleJSON(x, false))
	}
	web.JSON(w, http.StatusOK, web.Envelope{Data: out, Pagination: web.NewPagination(pg.Number, pg.Size, total)})
	return nil
}

func (a *API) createArticle(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	var f editorial.Fields
	if err := decode(w, r, &f); err != nil {
		return err
	}
	x, err := a.ed.Create(r.Context(), &p.User, f)
	if err != nil {
		return err
	}
	setVersionTag(w, x)
	return created(w, a.articleJSON(x, true))
}

func (a *API) getArticle(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	id, err := pathID(r, "id", "artikel")
	if err != nil {
		return err
	}
	x, err := a.ed.Article(r.Context(), &p.User, id)
	if err != nil {
		return err
	}
	setVersionTag(w, x)
	return ok(w, a.articleJSON(x, true))
}

func (a *API) updateArticle(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	id, err := pathID(r, "id", "artikel")
	if err != nil {
		return err
	}
	var f editorial.Fields
	if err := decode(w, r, &f); err != nil {
		return err
	}
	if f.Version, err = ifMatchVersion(r); err != nil {
		return err
	}
	x, err := a.ed.Update(r.Context(), &p.User, id, f)
	var stale *editorial.StaleError
	if errors.As(err, &stale) {
		// 409 with the article as it is now, so the client can merge and
		// retry with the new ETag.
		setVersionTag(w, stale.Current)
		web.JSON(w, http.StatusConflict, map[string]any{"error": map[string]any{
			"message": domain.ErrorMessage(err), "code": domain.EConflict, "current": a.articleJSON(stale.Current, true)}})
		return nil
	}
	if err != nil {
		return err
	}
	setVersionTag(w, x)
	return ok(w, a.articleJSON(x, true))
}

// setVersionTag sends an article's version as its entity-tag: a client
// sends it back in If-Match to save only over the version it read.
func setVersionTag(w http.ResponseWriter, x domain.Article) {
	w.Header().Set("ETag", `"v`+strconv.FormatInt(x.Version, 10)+`"`)
}

// ifMatchVersion reads the article version from If-Match: 0 when absent or
// "*" (the save then applies the fields sent to the article as it is).
func ifMatchVersion(r *http.Request) (int64, error) {
	h := strings.TrimSpace(r.Header.Get("If-Match"))
	if h == "" || h == "*" {
		return 0, nil
	}
	tag := strings.TrimPrefix(h, "W/")
	v, err := strconv.ParseInt(strings.TrimPrefix(strings.Trim(tag, `"`), "v"), 10, 64)
	if err != nil || v <= 0 || !strings.HasPrefix(tag, `"`) {
		return 0, domain.Invalid(`If-Match harus ETag artikel seperti "v3" (dari GET atau jawaban simpan sebelumnya)`)
	}
	return v, nil
}

func (a *API) deleteArticle(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	id, err := pathID(r, "id", "artikel")
	if err != nil {
		return err
	}
	if err := a.ed.Delete(r.Context(), &p.User, id); err != nil {
		return err
	}
	return noContent(w)
}

type revisionJSON struct {
	ID        int64         `json:"id"`
	ArticleID int64         `json:"article_id"`
	Author    string        `json:"saved_by"`
	Title     string        `json:"title"`
	Slug      string        `json:"slug"`
	Excerpt   string        `json:"excerpt"`
	Body      string        `json:"body,omitempty"`
	Status    domain.Status `json:"status"`
	CreatedAt string        `json:"created_at"`
	// AllFields: the revision kept every field below (revisions saved
	// before that kept only the text); the fields come with one revision.
	AllFields bool           `json:"all_fields"`
	Fields    *revisionExtra `json:"fields,omitempty"`
}

// revisionExtra is what a revision keeps beyond the text.
type revisionExtra struct {
	Category    string       `json:"category"` // slug ("" when the category is gone)
	Tags        []string     `json:"tags"`
	Authors     []authorJSON `json:"authors"`
	Photo       *photoJSON   `json:"photo"`
	PublishedAt string       `json:"published_at"`
	Breaking    bool         `json:"breaking"`
	Featured    bool         `json:"featured"`
	HotBadge    string       `json:"hot_badge"`
	PollID      int64        `json:"poll_id"`
	BacaJuga    *bool        `json:"baca_juga"` // "Baca juga" links inside the body; null: the revision predates keeping it
}

func (a *API) revisionJSON(r domain.Revision, full bool) revisionJSON {
	j := revisionJSON{ID: r.ID, ArticleID: r.ArticleID, Author: r.UserName, Title: r.Title, Slug: r.Slug, Excerpt: r.Excerpt,
		Status: r.Status, CreatedAt: a.time(r.CreatedAt), AllFields: r.AllFields}
	if full {
		j.Body = r.BodySource
	}
	if full && r.AllFields {
		j.Fields = &revisionExtra{Category: r.Category.Slug, Tags: append([]string{}, r.Tags...), Authors: authorsJSON(r.Authors),
			Photo: photoOf(r.Photo), PublishedAt: a.time(r.PublishedAt), Breaking: r.Breaking, Featured: r.Featured,
			HotBadge: editorial.HotBadgeOf(r.HotManual), PollID: r.PollID}
		if r.BacaJugaOff != nil {
			on := !*r.BacaJugaOff
			j.Fields.BacaJuga = &on
		}
	}
	return j
}

func (a *API) listRevisions(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	id, err := pathID(r, "id", "artikel")
	if err != nil {
		return err
	}
	list, err := a.ed.Revisions(r.Context(), &p.User, id)
	if err != nil {
		return err
	}
	out := make([]revisionJSON, 0, len(list))
	for _, x := range list {
		out = append(out, a.revisionJSON(x, false))
	}
	return ok(w, out)
}

func (a *API) getRevision(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	id, err := pathID(r, "id", "artikel")
	if err != nil {
		return err
	}
	rev, err := pathID(r, "rev", "revisi")
	if err != nil {
		return err
	}
	x, err := a.ed.Revision(r.Context(), &p.User, id, rev)
	if err != nil {
		return err
	}
	return ok(w, a.revisionJSON(x, true))
}

func (a *API) restoreRevision(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	id, err := pathID(r, "id", "artikel")
	if err != nil {
		return err
	}
	rev, err := pathID(r, "rev", "revisi")
	if err != nil {
		return err
	}
	x, kept, err := a.ed.Restore(r.Context(), &p.User, id, rev)
	if err != nil {
		return err
	}
	// The article as restored, and what stayed as it was (and why).
	return ok(w, struct {
		articleJSON
		Kept []string `json:"kept"`
	}{a.articleJSON(x, true), append([]string{}, kept...)})
}

type diffLineJSON struct {
	Op   string `json:"op"` // "=", "-", "+"
	Text string `json:"text"`
}

func (a *API) diffRevisions(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	id, err := pathID(r, "id", "artikel")
	if err != nil {
		return err
	}
	from, err1 := strconv.ParseInt(r.URL.Query().Get("from"), 10, 64)
	to, err2 := strconv.ParseInt(r.URL.Query().Get("to"), 10, 64)
	if err1 != nil || err2 != nil {
		return domain.Invalid("parameter from dan to (id revisi) wajib diisi")
	}
	ra, rb, lines, err := a.ed.Compare(r.Context(), &p.User, id, from, to, a.cfg.Location)
	if err != nil {
		return err
	}
	out := make([]diffLineJSON, 0, len(lines))
	for _, l := range lines {
		op := "="
		if l.Op != ' ' {
			op = string(l.Op)
		}
		out = append(out, diffLineJSON{Op: op, Text: l.Text})
	}
	return ok(w, map[string]any{"from": a.revisionJSON(ra, false), "to": a.revisionJSON(rb, false), "lines": out})
}

type noteJSON struct {
	ID        int64  `json:"id"`
	Kind      string `json:"kind"`
	Label     string `json:"label"`
	Body      string `json:"body"`
	CreatedAt string `json:"created_at"`
}

func (a *API) listNotes(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	id, err := pathID(r, "id", "artikel")
	if err != nil {
		return err
	}
	list, err := a.ed.Notes(r.Context(), &p.User, id)
	if err != nil {
		return err
	}
	out := make([]noteJSON, 0, len(list))
	for _, n := range list {
		out = append(out, noteJSON{ID: n.ID, Kind: n.Kind, Label: n.Label(), Body: n.Body, CreatedAt: a.time(n.CreatedAt)})
	}
	return ok(w, out)
}

func (a *API) addNote(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	id, err := pathID(r, "id", "artikel")
	if err != nil {
		return err
	}
	var in struct {
		Kind string `json:"kind"`
		Body string `json:"body"`
	}
	if err := decode(w, r, &in); err != nil {
		return err
	}
	n, err := a.ed.AddNote(r.Context(), &p.User, id, in.Kind, in.Body)
	if err != nil {
		return err
	}
	return created(w, noteJSON{ID: n.ID, Kind: n.Kind, Label: n.Label(), Body: n.Body, CreatedAt: a.time(n.CreatedAt)})
}

func (a *API) lockArticle(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	id, err := pathID(r, "id", "artikel")
	if err != nil {
		return err
	}
	other, err := a.ed.Lock(r.Context(), &p.User, id)
	if err != nil {
		return err
	}
	out := map[string]any{"locked_by_other": other.UserID != 0}
	if other.UserID != 0 {
		out["editor"] = other.UserName
		out["message"] = other.UserName + " sedang menyunting artikel ini; simpan dengan hati-hati agar tidak saling menimpa."
	}
	return ok(w, out)
}

func (a *API) preview(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	var in struct {
		Body string `json:"body"`
	}
	if err := decode(w, r, &in); err != nil {
		return err
	}
	html, err := a.ed.Preview(&p.User, in.Body)
	if err != nil {
		return err
	}
	return ok(w, map[string]string{"html": html})
}
