package api

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strings"

	"warta/internal/domain"
	"warta/internal/engage"
	"warta/internal/web"
)

// maxJSONBody bounds what a reader may send.
const maxJSONBody = 64 << 10

// decodeJSON reads a JSON object into v: 413 when too large, 400 when it is
// not JSON or not the expected shape.
func decodeJSON(w http.ResponseWriter, r *http.Request, v any) error {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxJSONBody))
	if err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return &domain.Error{Code: domain.ETooLarge, Message: "isi permintaan terlalu besar (paling banyak 64 KB)"}
		}
		return domain.Invalid("isi permintaan tidak dapat dibaca")
	}
	if len(strings.TrimSpace(string(body))) == 0 {
		return domain.Invalid("isi permintaan kosong: kirim objek JSON")
	}
	if err := json.Unmarshal(body, v); err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) {
			return domain.Invalid("kolom %q harus bertipe %s", te.Field, te.Type.String())
		}
		return domain.Invalid("JSON tidak valid: %s", err.Error())
	}
	return nil
}

func (a *API) postView(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id", "artikel")
	if err != nil {
		return err
	}
	counted, err := a.engage.BeaconView(r.Context(), a.cfg.Readers.Viewer(r), id)
	if err != nil {
		return err
	}
	web.JSON(w, http.StatusAccepted, web.Envelope{Data: map[string]bool{"counted": counted}})
	return nil
}

type reactionJSON struct {
	Likes    int64  `json:"likes"`
	Dislikes int64  `json:"dislikes"`
	Reaction string `json:"reaction"`
}

func (a *API) postReaction(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id", "artikel")
	if err != nil {
		return err
	}
	var in struct {
		Reaction *string `json:"reaction"`
	}
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	if in.Reaction == nil {
		return domain.Invalid(`kolom "reaction" wajib diisi: "like", "dislike" atau "none"`)
	}
	c, err := a.engage.React(r.Context(), a.reader(w, r), id, *in.Reaction)
	if err != nil {
		return err
	}
	a.cfg.Readers.Active(w, r)
	mine := *in.Reaction
	if mine == domain.ReactionNone {
		mine = ""
	}
	web.JSON(w, http.StatusOK, web.Envelope{Data: reactionJSON{Likes: c.Likes, Dislikes: c.Dislikes, Reaction: mine}})
	return nil
}

type commentJSON struct {
	ID        int64         `json:"id"`
	ArticleID int64         `json:"article_id"`
	ParentID  *int64        `json:"parent_id"`
	Name      string        `json:"name"`
	Text      string        `json:"text"`
	Status    string        `json:"status"`
	CreatedAt string        `json:"created_at"`
	Replies   []commentJSON `json:"replies,omitempty"`
	// MoreReplies counts the thread's replies beyond the first
	// store.ReplyCap given in replies.
	MoreReplies int64 `json:"more_replies,omitempty"`
}

func (a *API) commentJSON(c domain.Comment) commentJSON {
	j := commentJSON{ID: c.ID, ArticleID: c.ArticleID, Name: c.Name, Text: c.Body, Status: c.Status,
		CreatedAt: web.RFC3339(c.CreatedAt, a.cfg.Location), MoreReplies: c.MoreReplies}
	if c.ParentID != 0 {
		p := c.ParentID
		j.ParentID = &p
	}
	for _, r := range c.Replies {
		j.Replies = append(j.Replies, a.commentJSON(r))
	}
	return j
}

func (a *API) listComments(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id", "artikel")
	if err != nil {
		return err
	}
	page, limit, err := pageParams(r, 20, 100)
	if err != nil {
		return err
	}
	newest := true
	switch r.URL.Query().Get("order") {
	case "", "newest":
	case "oldest":
		newest = false
	default:
		return domain.Invalid(`parameter order harus "newest" atau "oldest"`)
	}
	if err := a.store.PublishedArticleID(r.Context(), id); err != nil {
		return err
	}
	// Approved comments only: nobody's pending comment appears in the API.
	th, err := a.store.ArticleComments(r.Context(), id, "", newest, domain.Page{Number: page, Size: limit})
	if err != nil {
		return err
	}
	out := make([]commentJSON, 0, len(th.Comments))
	for _, c := range th.Comments {
		out = append(out, a.commentJSON(c))
	}
	web.JSON(w, http.StatusOK, web.Envelope{Data: out, Pagination: web.NewPagination(page, limit, th.Total)})
	return nil
}

// listReplies pages through every reply (at any depth, oldest first) under
// one top-level comment: the rest of a thread whose listing says
// more_replies.
func (a *API) listReplies(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id", "artikel")
	if err != nil {
		return err
	}
	root, err := web.PathID(r, "comment", "komentar")
	if err != nil {
		return err
	}
	page, limit, err := pageParams(r, 20, 100)
	if err != nil {
		return err
	}
	if err := a.store.PublishedArticleID(r.Context(), id); err != nil {
		return err
	}
	// Approved replies only, as in listComments.
	_, replies, total, err := a.store.CommentReplies(r.Context(), id, root, "", domain.Page{Number: page, Size: limit})
	if err != nil {
		return err
	}
	out := make([]commentJSON, 0, len(replies))
	for _, c := range replies {
		out = append(out, a.commentJSON(c))
	}
	web.JSON(w, http.StatusOK, web.Envelope{Data: out, Pagination: web.NewPagination(page, limit, total)})
	return nil
}

func (a *API) postComment(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id", "artikel")
	if err != nil {
		return err
	}
	var in struct {
		Name     string `json:"name"`
		Email    string `json:"email"`
		Text     string `json:"text"`
		ParentID int64  `json:"parent_id"`
	}
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	c, err := a.engage.Comment(r.Context(), a.reader(w, r), engage.CommentInput{ArticleID: id, ParentID: in.ParentID,
		Name: in.Name, Email: in.Email, Text: in.Text})
	if err != nil {
		return err
	}
	a.cfg.Readers.Active(w, r)
	status := http.StatusCreated
	if c.Status != domain.CommentApproved {
		status = http.StatusAccepted
	}
	web.JSON(w, status, web.Envelope{Data: a.commentJSON(c)})
	return nil
}

type pollOptionJSON struct {
	ID    int64  `json:"id"`
	Label string `json:"label"`
	Votes int64  `json:"votes"`
}

type pollJSON struct {
	ID        int64            `json:"id"`
	Question  string           `json:"question"`
	State     string           `json:"state"`
	ArticleID *int64           `json:"article_id"`
	OpensAt   string           `json:"opens_at"`
	ClosesAt  *string          `json:"closes_at"`
	Options   []pollOptionJSON `json:"options"`
	Total     int64            `json:"total"`
}

func (a *API) pollJSON(p domain.Poll) pollJSON {
	j := pollJSON{ID: p.ID, Question: p.Question, State: "open", OpensAt: web.RFC3339(p.OpensAt, a.cfg.Location),
		Options: []pollOptionJSON{}, Total: p.TotalVotes()}
	now := a.store.Now()
	switch {
	case now.Before(p.OpensAt):
		j.State = "scheduled"
	case !p.IsOpen(now):
		j.State = "closed"
	}
	if p.ArticleID != 0 {
		id := p.ArticleID
		j.ArticleID = &id
	}
	if !p.ClosesAt.IsZero() {
		c := web.RFC3339(p.ClosesAt, a.cfg.Location)
		j.ClosesAt = &c
	}
	for _, o := range p.Options {
		j.Options = append(j.Options, pollOptionJSON{ID: o.ID, Label: o.Label, Votes: o.Votes})
	}
	return j
}

func (a *API) listPolls(w http.ResponseWriter, r *http.Request) error {
	ids, err := a.store.OpenPollIDs(r.Context(), 0, 100)
	if err != nil {
		return err
	}
	out := make([]pollJSON, 0, len(ids))
	for _, id := range ids {
		p, err := a.store.Poll(r.Context(), id)
		if err != nil {
			return err
		}
		out = append(out, a.pollJSON(p))
	}
	web.JSON(w, http.StatusOK, web.Envelope{Data: out})
	return nil
}

func (a *API) getPoll(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id", "polling")
	if err != nil {
		return err
	}
	p, err := a.store.PublicPoll(r.Context(), id)
	if err != nil {
		return err
	}
	web.JSON(w, http.StatusOK, web.Envelope{Data: a.pollJSON(p)})
	return nil
}

func (a *API) postVote(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id", "polling")
	if err != nil {
		return err
	}
	var in struct {
		OptionID *int64 `json:"option_id"`
	}
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	if in.OptionID == nil {
		return domain.Invalid(`kolom "option_id" wajib diisi`)
	}
	if err := a.engage.Vote(r.Context(), a.reader(w, r), id, *in.OptionID); err != nil {
		if domain.ErrorCode(err) == domain.EInvalid && *in.OptionID <= 0 {
			return domain.NotFound("pilihan tidak ditemukan di polling ini")
		}
		return err
	}
	a.cfg.Readers.Active(w, r)
	p, err := a.store.Poll(r.Context(), id)
	if err != nil {
		return err
	}
	web.JSON(w, http.StatusCreated, web.Envelope{Data: a.pollJSON(p)})
	return nil
}
