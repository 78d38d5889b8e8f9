package adminapi

import (
	"net/http"
	"strings"
	"time"

	"warta/internal/auth"
	"warta/internal/domain"
	"warta/internal/store"
)

func (a *API) listCategories(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	list, err := a.store.Categories(r.Context())
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
	if err := auth.Require(&p.User, auth.PermCategories); err != nil {
		return err
	}
	var in categoryIn
	if err := decode(w, r, &in); err != nil {
		return err
	}
	var c domain.Category
	in.apply(&c)
	if c.Slug != "" && domain.Slugify(c.Slug) != c.Slug {
		return domain.Invalid("slug hanya boleh berisi huruf kecil, angka dan tanda hubung")
	}
	id, err := a.store.CreateCategory(r.Context(), c)
	if err != nil {
		return err
	}
	c, err = a.store.CategoryBySlug(r.Context(), firstNonEmpty(c.Slug, domain.Slugify(c.Name)))
	if err != nil {
		return err
	}
	c.ID = id
	return created(w, categoryJSON{ID: c.ID, Slug: c.Slug, Name: c.Name, Position: c.Position})
}

func firstNonEmpty(v ...string) string {
	for _, s := range v {
		if s != "" {
			return s
		}
	}
	return ""
}

func (a *API) updateCategory(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	if err := auth.Require(&p.User, auth.PermCategories); err != nil {
		return err
	}
	c, err := a.store.CategoryBySlug(r.Context(), r.PathValue("slug"))
	if err != nil {
		return err
	}
	var in categoryIn
	if err := decode(w, r, &in); err != nil {
		return err
	}
	in.apply(&c)
	if err := a.store.UpdateCategory(r.Context(), c.ID, c); err != nil {
		return err
	}
	return ok(w, categoryJSON{ID: c.ID, Slug: c.Slug, Name: strings.TrimSpace(c.Name), Position: c.Position})
}

func (a *API) deleteCategory(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	if err := auth.Require(&p.User, auth.PermCategories); err != nil {
		return err
	}
	c, err := a.store.CategoryBySlug(r.Context(), r.PathValue("slug"))
	if err != nil {
		return err
	}
	if err := a.store.DeleteCategory(r.Context(), c.ID); err != nil {
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

func (a *API) listTags(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	if err := auth.Require(&p.User, auth.PermArticleCreate); err != nil {
		return err
	}
	list, err := a.store.TagsWithCounts(r.Context())
	if err != nil {
		return err
	}
	out := make([]tagJSON, 0, len(list))
	for _, t := range list {
		out = append(out, tagJSON{ID: t.ID, Slug: t.Slug, Name: t.Name, Articles: t.Articles})
	}
	return ok(w, out)
}

func (a *API) renameTag(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	if err := auth.Require(&p.User, auth.PermTags); err != nil {
		return err
	}
	t, err := a.store.TagBySlug(r.Context(), r.PathValue("slug"))
	if err != nil {
		return err
	}
	var in struct {
		Name string `json:"name"`
	}
	if err := decode(w, r, &in); err != nil {
		return err
	}
	t, err = a.store.RenameTag(r.Context(), t.ID, in.Name)
	if err != nil {
		return err
	}
	return ok(w, tagJSON{ID: t.ID, Slug: t.Slug, Name: t.Name})
}

func (a *API) mergeTag(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	if err := auth.Require(&p.User, auth.PermTags); err != nil {
		return err
	}
	from, err := a.store.TagBySlug(r.Context(), r.PathValue("slug"))
	if err != nil {
		return err
	}
	var in struct {
		Into string `json:"into"`
	}
	if err := decode(w, r, &in); err != nil {
		return err
	}
	into, err := a.store.TagBySlug(r.Context(), domain.Slugify(in.Into))
	if err != nil {
		return domain.Invalid("topik tujuan %q tidak ada", in.Into)
	}
	if err := a.store.MergeTags(r.Context(), from.ID, into.ID); err != nil {
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
	OpensAt   string           `json:"opens_at"`
	ClosesAt  string           `json:"closes_at"`
	Open      bool             `json:"open"`
	Votes     int64            `json:"votes"`
	Options   []pollOptionJSON `json:"options"`
}

func (a *API) pollJSON(p domain.Poll) pollJSON {
	j := pollJSON{ID: p.ID, Question: p.Question, ArticleID: p.ArticleID, OpensAt: a.time(p.OpensAt), ClosesAt: a.time(p.ClosesAt),
		Open: p.IsOpen(a.store.Now()), Votes: p.TotalVotes(), Options: []pollOptionJSON{}}
	for _, o := range p.Options {
		j.Options = append(j.Options, pollOptionJSON{ID: o.ID, Label: o.Label, Votes: o.Votes})
	}
	return j
}

type pollIn struct {
	Question  *string  `json:"question"`
	Options   []string `json:"options"`
	ArticleID *int64   `json:"article_id"`
	OpensAt   *string  `json:"opens_at"`
	ClosesAt  *string  `json:"closes_at"`
	Open      *bool    `json:"open"` // true opens now (for good), false closes now
}

func parseOpt(v *string) (*time.Time, error) {
	if v == nil {
		return nil, nil
	}
	t, err := parseRFC3339(*v)
	if err != nil {
		return nil, err
	}
	return &t, nil
}

func (a *API) listPolls(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	if err := auth.Require(&p.User, auth.PermArticleCreate); err != nil {
		return err
	}
	list, err := a.store.Polls(r.Context(), 200)
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
	if err := auth.Require(&p.User, auth.PermPolls); err != nil {
		return err
	}
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
	id, err := a.store.CreatePoll(r.Context(), pi)
	if err != nil {
		return err
	}
	poll, err := a.store.Poll(r.Context(), id)
	if err != nil {
		return err
	}
	return created(w, a.pollJSON(poll))
}

func (a *API) getPoll(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	if err := auth.Require(&p.User, auth.PermArticleCreate); err != nil {
		return err
	}
	id, err := pathID(r, "id", "polling")
	if err != nil {
		return err
	}
	poll, err := a.store.Poll(r.Context(), id)
	if err != nil {
		return err
	}
	return ok(w, a.pollJSON(poll))
}

func (a *API) updatePoll(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	if err := auth.Require(&p.User, auth.PermPolls); err != nil {
		return err
	}
	id, err := pathID(r, "id", "polling")
	if err != nil {
		return err
	}
	var in pollIn
	if err := decode(w, r, &in); err != nil {
		return err
	}
	u := store.PollUpdate{Question: in.Question, Options: in.Options, ArticleID: in.ArticleID}
	if u.OpensAt, err = parseOpt(in.OpensAt); err != nil {
		return err
	}
	if u.ClosesAt, err = parseOpt(in.ClosesAt); err != nil {
		return err
	}
	if in.Open != nil {
		now := a.store.Now()
		if *in.Open {
			var zero time.Time
			u.ClosesAt = &zero
			poll, err := a.store.Poll(r.Context(), id)
			if err != nil {
				return err
			}
			if poll.OpensAt.After(now) {
				u.OpensAt = &now
			}
		} else {
			u.ClosesAt = &now
			poll, err := a.store.Poll(r.Context(), id)
			if err != nil {
				return err
			}
			if !poll.OpensAt.Before(now) {
				earlier := now.Add(-time.Second)
				u.OpensAt = &earlier
			}
		}
	}
	if err := a.store.UpdatePoll(r.Context(), id, u); err != nil {
		return err
	}
	poll, err := a.store.Poll(r.Context(), id)
	if err != nil {
		return err
	}
	return ok(w, a.pollJSON(poll))
}

func (a *API) deletePoll(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	if err := auth.Require(&p.User, auth.PermPolls); err != nil {
		return err
	}
	id, err := pathID(r, "id", "polling")
	if err != nil {
		return err
	}
	if err := a.store.DeletePoll(r.Context(), id); err != nil {
		return err
	}
	return noContent(w)
}
