package adminapi

import (
	"net/http"
	"strings"
	"time"

	"warta/internal/auth"
	"warta/internal/domain"
	"warta/internal/editorial"
	"warta/internal/store"
	"warta/internal/web"
)

func (a *API) listCategories(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	list, err := a.ed.Categories(r.Context(), &p.User)
	if err != nil {
		return err
	}
	out := make([]categoryJSON, 0, len(list))
	for _, c := range list {
		out = append(out, categoryJSON{ID: c.ID, Slug: c.Slug, Name: c.Name, Position: c.Position})
	}
	return ok(w, out)
}

type categoryIn struct {
	Name        *string `json:"name"`
	Slug        *string `json:"slug"`
	Description *string `json:"description"`
	Position    *int    `json:"position"`
}

func (in categoryIn) apply(c *domain.Category) {
	if in.Name != nil {
		c.Name = *in.Name
	}
	if in.Slug != nil {
		c.Slug = strings.TrimSpace(*in.Slug)
	}
	if in.Description != nil {
		c.Description = strings.TrimSpace(*in.Description)
	}
	if in.Position != nil {
		c.Position = *in.Position
	}
}

func (a *API) createCategory(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	var in categoryIn
	if err := decode(w, r, &in); err != nil {
		return err
	}
	var c domain.Category
	in.apply(&c)
	c, err := a.ed.CreateCategory(r.Context(), &p.User, c)
	if err != nil {
		return err
	}
	return created(w, categoryJSON{ID: c.ID, Slug: c.Slug, Name: c.Name, Position: c.Position})
}

func (a *API) updateCategory(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	c, err := a.ed.Category(r.Context(), &p.User, r.PathValue("slug"))
	if err != nil {
		return err
	}
	var in categoryIn
	if err := decode(w, r, &in); err != nil {
		return err
	}
	in.apply(&c)
	if c, err = a.ed.UpdateCategory(r.Context(), &p.User, c.ID, c); err != nil {
		return err
	}
	return ok(w, categoryJSON{ID: c.ID, Slug: c.Slug, Name: c.Name, Position: c.Position})
}

func (a *API) deleteCategory(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	c, err := a.ed.Category(r.Context(), &p.User, r.PathValue("slug"))
	if err != nil {
		return err
	}
	if err := a.ed.DeleteCategory(r.Context(), &p.User, c.ID); err != nil {
		return err
	}
	return noContent(w)
}

type tagJSON struct {
	ID       int64  `json:"id"`
	Slug     string `json:"slug"`
	Name     string `json:"name"`
	Articles int    `json:"articles"`
}

// listTags pages the tags (?page=, ?limit=) by slug, or with
// ?sort=articles the tags with published articles, most first; ?q= keeps
// the tags whose slug starts with its slug. articles is the published
// articles of each.
func (a *API) listTags(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	pg, err := pageOf(r)
	if err != nil {
		return err
	}
	f := store.TagFilter{Query: strings.TrimSpace(r.URL.Query().Get("q"))}
	switch v := r.URL.Query().Get("sort"); v {
	case "", "name":
	case "articles":
		f.ByUse = true
	default:
		return domain.Invalid("parameter sort harus name atau articles")
	}
	list, total, err := a.ed.Tags(r.Context(), &p.User, f, pg)
	if err != nil {
		return err
	}
	out := make([]tagJSON, 0, len(list))
	for _, t := range list {
		out = append(out, tagJSON{ID: t.ID, Slug: t.Slug, Name: t.Name, Articles: t.Articles})
	}
	web.JSON(w, http.StatusOK, web.Envelope{Data: out, Pagination: web.NewPagination(pg.Number, pg.Size, total)})
	return nil
}

func (a *API) renameTag(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	t, err := a.ed.Tag(r.Context(), &p.User, r.PathValue("slug"))
	if err != nil {
		return err
	}
	var in struct {
		Name string `json:"name"`
	}
	if err := decode(w, r, &in); err != nil {
		return err
	}
	t, err = a.ed.RenameTag(r.Context(), &p.User, t.ID, in.Name)
	if err != nil {
		return err
	}
	return ok(w, tagJSON{ID: t.ID, Slug: t.Slug, Name: t.Name})
}

func (a *API) mergeTag(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	from, err := a.ed.Tag(r.Context(), &p.User, r.PathValue("slug"))
	if err != nil {
		return err
	}
	var in struct {
		Into string `json:"into"`
	}
	if err := decode(w, r, &in); err != nil {
		return err
	}
	into, err := a.ed.MergeTag(r.Context(), &p.User, from.ID, in.Into)
	if err != nil {
		return err
	}
	return ok(w, tagJSON{ID: into.ID, Slug: into.Slug, Name: into.Name})
}

type pollOptionJSON struct {
	ID    int64  `json:"id"`
	Label string `json:"label"`
	Votes int64  `json:"votes"`
}

type pollJSON struct {
	ID        int64            `json:"id"`
	Question  string           `json:"question"`
	ArticleID int64            `json:"article_id,omitempty"`
	Scope     string           `json:"scope"` // "site" or "article" (issue 14)
	OpensAt   string           `json:"opens_at"`
	ClosesAt  string           `json:"closes_at"`
	Open      bool             `json:"open"`
	Votes     int64            `json:"votes"`
	Options   []pollOptionJSON `json:"options"`
}

func (a *API) pollJSON(p domain.Poll) pollJSON {
	j := pollJSON{ID: p.ID, Question: p.Question, ArticleID: p.ArticleID, Scope: p.Scope, OpensAt: a.time(p.OpensAt), ClosesAt: a.time(p.ClosesAt),
		Open: p.IsOpen(a.ed.Now()), Votes: p.TotalVotes(), Options: []pollOptionJSON{}}
	for _, o := range p.Options {
		j.Options = append(j.Options, pollOptionJSON{ID: o.ID, Label: o.Label, Votes: o.Votes})
	}
	return j
}

type pollIn struct {
	Question  *string  `json:"question"`
	Options   []string `json:"options"`
	ArticleID *int64   `json:"article_id"`
	Scope     *string  `json:"scope"`
	OpensAt   *string  `json:"opens_at"`
	ClosesAt  *string  `json:"closes_at"`
	Open      *bool    `json:"open"` // true opens now (for good), false closes now
}

func parseOpt(v *string) (*time.Time, error) {
	if v == nil {
		return nil, nil
	}
	t, err := editorial.ParseTime(*v)
	if err != nil {
		return nil, err
	}
	return &t, nil
}

func (a *API) listPolls(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	list, err := a.ed.Polls(r.Context(), &p.User)
	if err != nil {
		return err
	}
	out := make([]pollJSON, 0, len(list))
	for _, x := range list {
		out = append(out, a.pollJSON(x))
	}
	return ok(w, out)
}

func (a *API) createPoll(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	var in pollIn
	if err := decode(w, r, &in); err != nil {
		return err
	}
	pi := store.PollInput{Options: in.Options}
	if in.Question != nil {
		pi.Question = *in.Question
	}
	if in.ArticleID != nil {
		pi.ArticleID = *in.ArticleID
	}
	if in.Scope != nil {
		pi.Scope = *in.Scope
	}
	opens, err := parseOpt(in.OpensAt)
	if err != nil {
		return err
	}
	closes, err := parseOpt(in.ClosesAt)
	if err != nil {
		return err
	}
	if opens != nil {
		pi.OpensAt = *opens
	}
	if closes != nil {
		pi.ClosesAt = *closes
	}
	poll, err := a.ed.CreatePoll(r.Context(), &p.User, pi)
	if err != nil {
		return err
	}
	return created(w, a.pollJSON(poll))
}

func (a *API) getPoll(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	id, err := pathID(r, "id", "polling")
	if err != nil {
		return err
	}
	poll, err := a.ed.Poll(r.Context(), &p.User, id)
	if err != nil {
		return err
	}
	return ok(w, a.pollJSON(poll))
}

func (a *API) updatePoll(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	id, err := pathID(r, "id", "polling")
	if err != nil {
		return err
	}
	var in pollIn
	if err := decode(w, r, &in); err != nil {
		return err
	}
	c := editorial.PollChange{PollUpdate: store.PollUpdate{Question: in.Question, Options: in.Options, ArticleID: in.ArticleID, Scope: in.Scope},
		Open: in.Open}
	if c.OpensAt, err = parseOpt(in.OpensAt); err != nil {
		return err
	}
	if c.ClosesAt, err = parseOpt(in.ClosesAt); err != nil {
		return err
	}
	poll, err := a.ed.UpdatePoll(r.Context(), &p.User, id, c)
	if err != nil {
		return err
	}
	return ok(w, a.pollJSON(poll))
}

func (a *API) deletePoll(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	id, err := pathID(r, "id", "polling")
	if err != nil {
		return err
	}
	if err := a.ed.DeletePoll(r.Context(), &p.User, id); err != nil {
		return err
	}
	return noContent(w)
}
