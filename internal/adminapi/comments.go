package adminapi

import (
	"net/http"

	"warta/internal/auth"
	"warta/internal/domain"
	"warta/internal/editorial"
	"warta/internal/store"
	"warta/internal/web"
)

type commentJSON struct {
	ID           int64  `json:"id"`
	ArticleID    int64  `json:"article_id"`
	ArticleTitle string `json:"article_title,omitempty"`
	ParentID     int64  `json:"parent_id,omitempty"`
	Name         string `json:"name"`
	Email        string `json:"email"`
	Text         string `json:"text"` // as in the public API
	Status       string `json:"status"`
	Reader       string `json:"reader"`
	CreatedAt    string `json:"created_at"`
}

func (a *API) commentJSON(c domain.Comment) commentJSON {
	return commentJSON{ID: c.ID, ArticleID: c.ArticleID, ArticleTitle: c.ArticleTitle, ParentID: c.ParentID, Name: c.Name,
		Email: c.Email, Text: c.Body, Status: c.Status, Reader: c.Reader, CreatedAt: a.time(c.CreatedAt)}
}

func (a *API) listComments(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	pg, err := pageOf(r)
	if err != nil {
		return err
	}
	list, total, err := a.ed.Comments(r.Context(), &p.User, r.URL.Query().Get("status"), pg)
	if err != nil {
		return err
	}
	out := make([]commentJSON, 0, len(list))
	for _, c := range list {
		out = append(out, a.commentJSON(c))
	}
	web.JSON(w, http.StatusOK, web.Envelope{Data: out, Pagination: web.NewPagination(pg.Number, pg.Size, total)})
	return nil
}

func (a *API) moderateComment(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	id, err := pathID(r, "id", "komentar")
	if err != nil {
		return err
	}
	var in struct {
		Status string `json:"status"`
	}
	if err := decode(w, r, &in); err != nil {
		return err
	}
	if in.Status == editorial.ActionDelete {
		return domain.Invalid("status komentar harus approved, rejected, spam atau pending (hapus dengan DELETE)")
	}
	if err := a.ed.Moderate(r.Context(), &p.User, []int64{id}, in.Status); err != nil {
		return err
	}
	c, err := a.ed.Comment(r.Context(), &p.User, id)
	if err != nil {
		return err
	}
	return ok(w, a.commentJSON(c))
}

func (a *API) deleteComment(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	id, err := pathID(r, "id", "komentar")
	if err != nil {
		return err
	}
	if err := a.ed.Moderate(r.Context(), &p.User, []int64{id}, editorial.ActionDelete); err != nil {
		return err
	}
	return noContent(w)
}

func (a *API) bulkComments(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	var in struct {
		IDs    []int64 `json:"ids"`
		Action string  `json:"action"`
	}
	if err := decode(w, r, &in); err != nil {
		return err
	}
	if err := a.ed.Moderate(r.Context(), &p.User, in.IDs, in.Action); err != nil {
		return err
	}
	return ok(w, map[string]any{"action": in.Action, "count": len(in.IDs)})
}

func (a *API) listBannedWords(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	list, err := a.ed.BannedWords(r.Context(), &p.User)
	if err != nil {
		return err
	}
	return ok(w, list)
}

func (a *API) addBannedWord(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	var in struct {
		Word string `json:"word"`
	}
	if err := decode(w, r, &in); err != nil {
		return err
	}
	word, err := a.ed.AddBannedWord(r.Context(), &p.User, in.Word)
	if err != nil {
		return err
	}
	return created(w, map[string]string{"word": word})
}

func (a *API) removeBannedWord(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	if err := a.ed.RemoveBannedWord(r.Context(), &p.User, r.PathValue("word")); err != nil {
		return err
	}
	return noContent(w)
}

func blockJSON(a *API, b store.Block) map[string]string {
	m := map[string]string{"kind": b.Kind, "value": b.Value, "action": b.Action, "reason": b.Reason}
	if !b.CreatedAt.IsZero() {
		m["created_at"] = a.time(b.CreatedAt)
	}
	if b.Kind == store.BlockReader {
		m["reader"] = b.Value // the field older clients read
	}
	return m
}

func blocksJSON(a *API, list []store.Block) []map[string]string {
	out := make([]map[string]string, 0, len(list))
	for _, b := range list {
		out = append(out, blockJSON(a, b))
	}
	return out
}

func (a *API) listBlockedReaders(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	list, err := a.ed.BlockedReaders(r.Context(), &p.User)
	if err != nil {
		return err
	}
	return ok(w, blocksJSON(a, list))
}

func (a *API) blockReader(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	var in struct {
		Kind   string `json:"kind"`
		Value  string `json:"value"`
		Reader string `json:"reader"` // older clients: the value, kind guessed
		Action string `json:"action"`
		Reason string `json:"reason"`
	}
	if err := decode(w, r, &in); err != nil {
		return err
	}
	if in.Value == "" {
		in.Value = in.Reader
	}
	b, err := a.ed.BlockReader(r.Context(), &p.User, editorial.BlockInput{Kind: in.Kind, Value: in.Value, Action: in.Action, Reason: in.Reason})
	if err != nil {
		return err
	}
	return created(w, blockJSON(a, b))
}

// blockCommenter blocks the reader key and e-mail of a comment's writer.
func (a *API) blockCommenter(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	id, err := pathID(r, "id", "komentar")
	if err != nil {
		return err
	}
	var in struct {
		Action string `json:"action"`
		Reason string `json:"reason"`
	}
	if r.ContentLength != 0 {
		if err := decode(w, r, &in); err != nil {
			return err
		}
	}
	list, err := a.ed.BlockCommenter(r.Context(), &p.User, id, in.Action, in.Reason)
	if err != nil {
		return err
	}
	return created(w, blocksJSON(a, list))
}

func (a *API) unblockReader(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	if err := a.ed.UnblockReader(r.Context(), &p.User, r.URL.Query().Get("kind"), r.PathValue("reader")); err != nil {
		return err
	}
	return noContent(w)
}

func (a *API) getModeration(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	v, err := a.ed.ModerationMode(r.Context(), &p.User)
	if err != nil {
		return err
	}
	return ok(w, map[string]string{"mode": v})
}

func (a *API) setModeration(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	var in struct {
		Mode string `json:"mode"`
	}
	if err := decode(w, r, &in); err != nil {
		return err
	}
	if err := a.ed.SetModerationMode(r.Context(), &p.User, in.Mode); err != nil {
		return err
	}
	return ok(w, map[string]string{"mode": in.Mode})
}
