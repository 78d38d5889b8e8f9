package adminapi

import (
	"net/http"
	"strings"

	"warta/internal/auth"
	"warta/internal/domain"
	"warta/internal/web"
)

type commentJSON struct {
	ID           int64  `json:"id"`
	ArticleID    int64  `json:"article_id"`
	ArticleTitle string `json:"article_title,omitempty"`
	ParentID     int64  `json:"parent_id,omitempty"`
	Name         string `json:"name"`
	Email        string `json:"email"`
	Body         string `json:"body"`
	Status       string `json:"status"`
	Reader       string `json:"reader"`
	CreatedAt    string `json:"created_at"`
}

func (a *API) commentJSON(c domain.Comment) commentJSON {
	return commentJSON{ID: c.ID, ArticleID: c.ArticleID, ArticleTitle: c.ArticleTitle, ParentID: c.ParentID, Name: c.Name,
		Email: c.Email, Body: c.Body, Status: c.Status, Reader: c.Reader, CreatedAt: a.time(c.CreatedAt)}
}

func (a *API) listComments(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	if err := auth.Require(&p.User, auth.PermComments); err != nil {
		return err
	}
	pg, err := pageOf(r)
	if err != nil {
		return err
	}
	status := r.URL.Query().Get("status")
	if status == "" {
		status = domain.CommentPending
	}
	list, total, err := a.store.CommentsByStatus(r.Context(), status, pg)
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

// actionStatus maps a moderation action (or a status) to a comment status.
func actionStatus(action string) (string, bool) {
	switch action {
	case "approve", domain.CommentApproved:
		return domain.CommentApproved, true
	case "reject", domain.CommentRejected:
		return domain.CommentRejected, true
	case domain.CommentSpam:
		return domain.CommentSpam, true
	case "hold", domain.CommentPending:
		return domain.CommentPending, true
	}
	return "", false
}

func (a *API) moderateComment(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	if err := auth.Require(&p.User, auth.PermComments); err != nil {
		return err
	}
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
	st, valid := actionStatus(in.Status)
	if !valid {
		return domain.Invalid("status komentar harus approved, rejected, spam atau pending")
	}
	if err := a.store.ModerateComments(r.Context(), []int64{id}, st); err != nil {
		return err
	}
	c, err := a.store.Comment(r.Context(), id)
	if err != nil {
		return err
	}
	return ok(w, a.commentJSON(c))
}

func (a *API) deleteComment(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	if err := auth.Require(&p.User, auth.PermComments); err != nil {
		return err
	}
	id, err := pathID(r, "id", "komentar")
	if err != nil {
		return err
	}
	if _, err := a.store.Comment(r.Context(), id); err != nil {
		return err
	}
	if err := a.store.DeleteComments(r.Context(), []int64{id}); err != nil {
		return err
	}
	return noContent(w)
}

func (a *API) bulkComments(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	if err := auth.Require(&p.User, auth.PermComments); err != nil {
		return err
	}
	var in struct {
		IDs    []int64 `json:"ids"`
		Action string  `json:"action"`
	}
	if err := decode(w, r, &in); err != nil {
		return err
	}
	if len(in.IDs) == 0 || len(in.IDs) > 500 {
		return domain.Invalid("pilih 1 sampai 500 komentar")
	}
	if in.Action == "delete" {
		if err := a.store.DeleteComments(r.Context(), in.IDs); err != nil {
			return err
		}
	} else {
		st, valid := actionStatus(in.Action)
		if !valid {
			return domain.Invalid("tindakan harus approve, reject, spam atau delete")
		}
		if err := a.store.ModerateComments(r.Context(), in.IDs, st); err != nil {
			return err
		}
	}
	return ok(w, map[string]any{"action": in.Action, "count": len(in.IDs)})
}

func (a *API) listBannedWords(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	if err := auth.Require(&p.User, auth.PermComments); err != nil {
		return err
	}
	list, err := a.store.BannedWords(r.Context())
	if err != nil {
		return err
	}
	if list == nil {
		list = []string{}
	}
	return ok(w, list)
}

func (a *API) addBannedWord(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	if err := auth.Require(&p.User, auth.PermComments); err != nil {
		return err
	}
	var in struct {
		Word string `json:"word"`
	}
	if err := decode(w, r, &in); err != nil {
		return err
	}
	if strings.TrimSpace(in.Word) == "" {
		return domain.Invalid("kata terlarang tidak boleh kosong")
	}
	if err := a.store.AddBannedWord(r.Context(), in.Word); err != nil {
		return err
	}
	return created(w, map[string]string{"word": strings.ToLower(strings.TrimSpace(in.Word))})
}

func (a *API) removeBannedWord(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	if err := auth.Require(&p.User, auth.PermComments); err != nil {
		return err
	}
	if err := a.store.RemoveBannedWord(r.Context(), r.PathValue("word")); err != nil {
		return err
	}
	return noContent(w)
}

func (a *API) listBlockedReaders(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	if err := auth.Require(&p.User, auth.PermComments); err != nil {
		return err
	}
	list, err := a.store.BlockedReaders(r.Context())
	if err != nil {
		return err
	}
	out := make([]map[string]string, 0, len(list))
	for _, b := range list {
		out = append(out, map[string]string{"reader": b.Reader, "reason": b.Reason, "created_at": a.time(b.CreatedAt)})
	}
	return ok(w, out)
}

func (a *API) blockReader(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	if err := auth.Require(&p.User, auth.PermComments); err != nil {
		return err
	}
	var in struct {
		Reader string `json:"reader"`
		Reason string `json:"reason"`
	}
	if err := decode(w, r, &in); err != nil {
		return err
	}
	if err := a.store.BlockReader(r.Context(), in.Reader, in.Reason); err != nil {
		return err
	}
	return created(w, map[string]string{"reader": in.Reader, "reason": in.Reason})
}

func (a *API) unblockReader(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	if err := auth.Require(&p.User, auth.PermComments); err != nil {
		return err
	}
	if err := a.store.UnblockReader(r.Context(), r.PathValue("reader")); err != nil {
		return err
	}
	return noContent(w)
}

// ModerationKey is the setting that holds the comment moderation mode.
const ModerationKey = "comments.moderation"

func (a *API) getModeration(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	if err := auth.Require(&p.User, auth.PermComments); err != nil {
		return err
	}
	v, err := a.store.Setting(r.Context(), ModerationKey)
	if err != nil {
		return err
	}
	return ok(w, map[string]string{"mode": v})
}

func (a *API) setModeration(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	if err := auth.Require(&p.User, auth.PermSettings); err != nil {
		return err
	}
	var in struct {
		Mode string `json:"mode"`
	}
	if err := decode(w, r, &in); err != nil {
		return err
	}
	switch in.Mode {
	case domain.ModerationHoldAll, domain.ModerationHoldFirst, domain.ModerationApproveAll:
	default:
		return domain.Invalid("mode moderasi harus hold_all, hold_first atau approve_all")
	}
	if err := a.store.SetSetting(r.Context(), ModerationKey, in.Mode); err != nil {
		return err
	}
	return ok(w, map[string]string{"mode": in.Mode})
}
