package editorial

import (
	"context"
	"strings"

	"warta/internal/auth"
	"warta/internal/domain"
	"warta/internal/store"
)

// MaxBulk is the most comments one moderation action may name, in the UI
// and the API alike.
const MaxBulk = 500

// Moderation actions: what a moderator does to comments.
const (
	ActionApprove = "approve"
	ActionReject  = "reject"
	ActionSpam    = "spam"
	ActionHold    = "hold" // back to the queue
	ActionDelete  = "delete"
)

// actionStatus maps a moderation action (or the status it leads to, which
// the API accepts too) to a comment status.
func actionStatus(action string) (string, bool) {
	switch action {
	case ActionApprove, domain.CommentApproved:
		return domain.CommentApproved, true
	case ActionReject, domain.CommentRejected:
		return domain.CommentRejected, true
	case ActionSpam: // the same word as domain.CommentSpam
		return domain.CommentSpam, true
	case ActionHold, domain.CommentPending:
		return domain.CommentPending, true
	}
	return "", false
}

// OnChange registers fn to run after the newsroom changed what readers see
// of an article's engagement (a comment approved, hidden or deleted), with
// the article's id. internal/app wires it to engage.Service.Changed, the one
// change event that drops this process's page cache and tells the others.
// Register at start-up, before serving.
func (s *Service) OnChange(fn func(articleID int64)) { s.onChange = append(s.onChange, fn) }

func (s *Service) changed(articleIDs []int64) {
	for _, id := range articleIDs {
		for _, fn := range s.onChange {
			fn(id)
		}
	}
}

// Comments lists the comments with a status (the moderation queue).
func (s *Service) Comments(ctx context.Context, u *domain.User, status string, p domain.Page) ([]domain.Comment, int, error) {
	if err := auth.Require(u, auth.PermComments); err != nil {
		return nil, 0, err
	}
	if status == "" {
		status = domain.CommentPending
	}
	if !domain.ValidCommentStatus(status) {
		return nil, 0, domain.Invalid("status komentar harus pending, approved, rejected atau spam")
	}
	return s.store.CommentsByStatus(ctx, status, p)
}

// Comment returns one comment for a moderator.
func (s *Service) Comment(ctx context.Context, u *domain.User, id int64) (domain.Comment, error) {
	if err := auth.Require(u, auth.PermComments); err != nil {
		return domain.Comment{}, err
	}
	return s.store.Comment(ctx, id)
}

// Moderate applies one action (approve, reject, spam, hold or delete; the
// target status is accepted as well) to 1 to MaxBulk comments. Deleting a
// comment deletes its replies. The articles whose comments changed are
// announced through OnChange.
func (s *Service) Moderate(ctx context.Context, u *domain.User, ids []int64, action string) error {
	if err := auth.Require(u, auth.PermComments); err != nil {
		return err
	}
	if len(ids) == 0 || len(ids) > MaxBulk {
		return domain.Invalid("pilih 1 sampai %d komentar", MaxBulk)
	}
	status, valid := actionStatus(action)
	if action != ActionDelete && !valid {
		return domain.Invalid("tindakan moderasi harus approve, reject, spam, hold atau delete")
	}
	articles, err := s.store.CommentArticles(ctx, ids)
	if err != nil {
		return err
	}
	if action == ActionDelete {
		err = s.store.DeleteComments(ctx, ids)
	} else {
		err = s.store.ModerateComments(ctx, ids, status)
	}
	if err != nil {
		return err
	}
	s.changed(articles)
	return nil
}

// BannedWords lists the words that hold a comment for moderation.
func (s *Service) BannedWords(ctx context.Context, u *domain.User) ([]string, error) {
	if err := auth.Require(u, auth.PermComments); err != nil {
		return nil, err
	}
	list, err := s.store.BannedWords(ctx)
	if list == nil {
		list = []string{}
	}
	return list, err
}

// AddBannedWord adds a banned word and returns it as stored (lower case).
func (s *Service) AddBannedWord(ctx context.Context, u *domain.User, word string) (string, error) {
	if err := auth.Require(u, auth.PermComments); err != nil {
		return "", err
	}
	word = strings.ToLower(strings.TrimSpace(word))
	if word == "" {
		return "", domain.Invalid("kata terlarang tidak boleh kosong")
	}
	if err := checkText("kata terlarang", word, 100); err != nil {
		return "", err
	}
	return word, s.store.AddBannedWord(ctx, word)
}

// RemoveBannedWord removes a banned word (removing one that is not there
// is no error).
func (s *Service) RemoveBannedWord(ctx context.Context, u *domain.User, word string) error {
	if err := auth.Require(u, auth.PermComments); err != nil {
		return err
	}
	return s.store.RemoveBannedWord(ctx, word)
}

// BlockedReaders lists the readers whose comments are refused.
func (s *Service) BlockedReaders(ctx context.Context, u *domain.User) ([]store.BlockedReader, error) {
	if err := auth.Require(u, auth.PermComments); err != nil {
		return nil, err
	}
	return s.store.BlockedReaders(ctx)
}

// BlockReader refuses a reader's further comments.
func (s *Service) BlockReader(ctx context.Context, u *domain.User, reader, reason string) (store.BlockedReader, error) {
	if err := auth.Require(u, auth.PermComments); err != nil {
		return store.BlockedReader{}, err
	}
	b := store.BlockedReader{Reader: strings.TrimSpace(reader), Reason: strings.TrimSpace(reason)}
	if err := checkText("alasan", b.Reason, 500); err != nil {
		return b, err
	}
	return b, s.store.BlockReader(ctx, b.Reader, b.Reason)
}

// UnblockReader lets a reader comment again.
func (s *Service) UnblockReader(ctx context.Context, u *domain.User, reader string) error {
	if err := auth.Require(u, auth.PermComments); err != nil {
		return err
	}
	return s.store.UnblockReader(ctx, strings.TrimSpace(reader))
}

// ModerationModes are the moderation modes with their Indonesian labels, in
// the order the newsroom offers them.
var ModerationModes = []struct{ Mode, Label string }{
	{domain.ModerationHoldAll, "Tahan semua komentar untuk ditinjau"},
	{domain.ModerationHoldFirst, "Tahan komentar pertama tiap pembaca"},
	{domain.ModerationApproveAll, "Langsung tampilkan semua komentar"},
}

// ModerationMode returns the site's comment moderation mode ("" when never
// set: the engagement default applies).
func (s *Service) ModerationMode(ctx context.Context, u *domain.User) (string, error) {
	if err := auth.Require(u, auth.PermComments); err != nil {
		return "", err
	}
	return s.store.Setting(ctx, store.SettingModeration)
}

// SetModerationMode chooses how new comments are moderated.
func (s *Service) SetModerationMode(ctx context.Context, u *domain.User, mode string) error {
	if err := auth.Require(u, auth.PermSettings); err != nil {
		return err
	}
	for _, m := range ModerationModes {
		if m.Mode == mode {
			return s.store.SetSetting(ctx, store.SettingModeration, mode)
		}
	}
	return domain.Invalid("mode moderasi harus hold_all, hold_first atau approve_all")
}
