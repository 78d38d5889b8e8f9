package newsroom

import (
	"net/http"
	"strconv"
	"strings"

	"warta/internal/auth"
	"warta/internal/domain"
	"warta/internal/editorial"
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
	pg := commentsPage{frame: u.frame(r, p, "Moderasi komentar", "komentar"), Status: r.URL.Query().Get("status"), Statuses: commentTabs, Page: 1}
	if pg.Status == "" {
		pg.Status = domain.CommentPending
	}
	if v, err := strconv.Atoi(r.URL.Query().Get("page")); err == nil && v > 0 {
		pg.Page = v
	}
	list, total, err := u.ed.Comments(r.Context(), &p.User, pg.Status, domain.Page{Number: pg.Page, Size: 50})
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
	back := "/redaksi/komentar"
	if st := r.PostFormValue("status"); domain.ValidCommentStatus(st) {
		back += "?status=" + st
	}
	if action == "block" {
		// "Blokir pembaca ini": the comment's reader key and e-mail, with
		// the action chosen in that comment's own select.
		for _, id := range ids {
			how := r.PostFormValue("block-" + strconv.FormatInt(id, 10))
			if _, err := u.ed.BlockCommenter(r.Context(), &p.User, id, how, ""); err != nil {
				return err
			}
		}
		return redirect(w, r, back, "diblokir")
	}
	if err := u.ed.Moderate(r.Context(), &p.User, ids, action); err != nil {
		return err
	}
	return redirect(w, r, back, "moderasi")
}

type moderationPage struct {
	frame
	Words   []string
	Readers []store.Block
	Mode    string
	Modes   []statusTab
}

func (u *UI) moderation(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	pg := moderationPage{frame: u.frame(r, p, "Kata terlarang dan pembaca diblokir", "moderasi")}
	for _, m := range editorial.ModerationModes {
		pg.Modes = append(pg.Modes, statusTab{m.Mode, m.Label})
	}
	var err error
	if pg.Words, err = u.ed.BannedWords(r.Context(), &p.User); err != nil {
		return err
	}
	if pg.Readers, err = u.ed.BlockedReaders(r.Context(), &p.User); err != nil {
		return err
	}
	if pg.Mode, err = u.ed.ModerationMode(r.Context(), &p.User); err != nil {
		return err
	}
	u.render(w, "moderation", http.StatusOK, pg)
	return nil
}

func (u *UI) moderationAction(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	ctx, by := r.Context(), &p.User
	var err error
	switch r.PathValue("action") {
	case "kata":
		_, err = u.ed.AddBannedWord(ctx, by, r.PostFormValue("word"))
	case "hapus-kata":
		err = u.ed.RemoveBannedWord(ctx, by, r.PostFormValue("word"))
	case "blokir":
		_, err = u.ed.BlockReader(ctx, by, editorial.BlockInput{Kind: r.PostFormValue("kind"),
			Value: r.PostFormValue("reader"), Action: r.PostFormValue("action"), Reason: r.PostFormValue("reason")})
	case "buka-blokir":
		err = u.ed.UnblockReader(ctx, by, r.PostFormValue("kind"), r.PostFormValue("reader"))
	case "mode":
		err = u.ed.SetModerationMode(ctx, by, r.PostFormValue("mode"))
	default:
		err = domain.NotFound("halaman tidak ditemukan")
	}
	if err != nil {
		return err
	}
	return redirect(w, r, "/redaksi/moderasi", "tersimpan")
}
