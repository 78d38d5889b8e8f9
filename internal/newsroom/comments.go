package newsroom

import (
	"net/http"
	"strconv"
	"strings"

	"warta/internal/auth"
	"warta/internal/domain"
	"warta/internal/store"
)

type commentsPage struct {
	frame
	Status   string
	Statuses []statusTab
	Comments []domain.Comment
	Total    int
	Page     int
	Pages    int
}

type statusTab struct{ Value, Label string }

var commentTabs = []statusTab{{domain.CommentPending, "Menunggu"}, {domain.CommentApproved, "Disetujui"},
	{domain.CommentRejected, "Ditolak"}, {domain.CommentSpam, "Spam"}}

func (u *UI) comments(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	if err := auth.Require(&p.User, auth.PermComments); err != nil {
		return err
	}
	pg := commentsPage{frame: u.frame(r, p, "Moderasi komentar", "komentar"), Status: r.URL.Query().Get("status"), Statuses: commentTabs, Page: 1}
	if pg.Status == "" {
		pg.Status = domain.CommentPending
	}
	if v, err := strconv.Atoi(r.URL.Query().Get("page")); err == nil && v > 0 {
		pg.Page = v
	}
	list, total, err := u.store.CommentsByStatus(r.Context(), pg.Status, domain.Page{Number: pg.Page, Size: 50})
	if err != nil {
		return err
	}
	pg.Comments, pg.Total, pg.Pages = list, total, (total+49)/50
	u.render(w, "comments", http.StatusOK, pg)
	return nil
}

// moderate applies one action to the checked comments (or to the one whose
// button was pressed).
func (u *UI) moderate(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	if err := auth.Require(&p.User, auth.PermComments); err != nil {
		return err
	}
	action, ids := r.PostFormValue("action"), formIDs(r, "id")
	// A per-comment button sends "approve:17".
	if a, id, ok := strings.Cut(action, ":"); ok {
		action = a
		n, err := strconv.ParseInt(id, 10, 64)
		if err != nil {
			return domain.Invalid("komentar tidak dikenal")
		}
		ids = []int64{n}
	}
	if len(ids) == 0 {
		return domain.Invalid("pilih minimal satu komentar")
	}
	var err error
	switch action {
	case "approve":
		err = u.store.ModerateComments(r.Context(), ids, domain.CommentApproved)
	case "reject":
		err = u.store.ModerateComments(r.Context(), ids, domain.CommentRejected)
	case "spam":
		err = u.store.ModerateComments(r.Context(), ids, domain.CommentSpam)
	case "delete":
		err = u.store.DeleteComments(r.Context(), ids)
	default:
		err = domain.Invalid("tindakan moderasi tidak dikenal")
	}
	if err != nil {
		return err
	}
	back := "/redaksi/komentar"
	if st := r.PostFormValue("status"); domain.ValidCommentStatus(st) {
		back += "?status=" + st
	}
	return redirect(w, r, back, "moderasi")
}

type moderationPage struct {
	frame
	Words   []string
	Readers []store.BlockedReader
	Mode    string
	Modes   []statusTab
}

func (u *UI) moderation(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	if err := auth.Require(&p.User, auth.PermComments); err != nil {
		return err
	}
	pg := moderationPage{frame: u.frame(r, p, "Kata terlarang dan pembaca diblokir", "moderasi"),
		Modes: []statusTab{{domain.ModerationHoldAll, "Tahan semua komentar untuk ditinjau"},
			{domain.ModerationHoldFirst, "Tahan komentar pertama tiap pembaca"}, {domain.ModerationApproveAll, "Langsung tampilkan semua komentar"}}}
	var err error
	if pg.Words, err = u.store.BannedWords(r.Context()); err != nil {
		return err
	}
	if pg.Readers, err = u.store.BlockedReaders(r.Context()); err != nil {
		return err
	}
	if pg.Mode, err = u.store.Setting(r.Context(), "comments.moderation"); err != nil {
		return err
	}
	u.render(w, "moderation", http.StatusOK, pg)
	return nil
}

func (u *UI) moderationAction(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	if err := auth.Require(&p.User, auth.PermComments); err != nil {
		return err
	}
	ctx := r.Context()
	var err error
	switch r.PathValue("action") {
	case "kata":
		if strings.TrimSpace(r.PostFormValue("word")) == "" {
			return domain.Invalid("kata terlarang tidak boleh kosong")
		}
		err = u.store.AddBannedWord(ctx, r.PostFormValue("word"))
	case "hapus-kata":
		err = u.store.RemoveBannedWord(ctx, r.PostFormValue("word"))
	case "blokir":
		err = u.store.BlockReader(ctx, strings.TrimSpace(r.PostFormValue("reader")), strings.TrimSpace(r.PostFormValue("reason")))
	case "buka-blokir":
		err = u.store.UnblockReader(ctx, r.PostFormValue("reader"))
	case "mode":
		if err := auth.Require(&p.User, auth.PermSettings); err != nil {
			return err
		}
		switch m := r.PostFormValue("mode"); m {
		case domain.ModerationHoldAll, domain.ModerationHoldFirst, domain.ModerationApproveAll:
			err = u.store.SetSetting(ctx, "comments.moderation", m)
		default:
			err = domain.Invalid("mode moderasi tidak dikenal")
		}
	default:
		err = domain.NotFound("halaman tidak ditemukan")
	}
	if err != nil {
		return err
	}
	return redirect(w, r, "/redaksi/moderasi", "tersimpan")
}
