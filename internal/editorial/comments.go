package editorial

import (
	"context"
	"net/mail"
	"net/netip"
	"strconv"
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
// announced through OnChange (one Change).
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
	s.changed(ctx, Change{Articles: articles})
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

// BlockedReaders lists the comment blocks (by reader key, e-mail and IP
// range), newest first.
func (s *Service) BlockedReaders(ctx context.Context, u *domain.User) ([]store.Block, error) {
	if err := auth.Require(u, auth.PermComments); err != nil {
		return nil, err
	}
	return s.store.Blocks(ctx)
}

// BlockInput is one block a moderator asks for. Kind may be empty: then an
// address with "@" is an e-mail, an IP or CIDR range is an IP block and
// anything else a reader key. Action defaults to refusing.
type BlockInput struct {
	Kind, Value, Action, Reason string
}

// BlockReader adds (or changes) a block: the reader's next comments are
// refused or held for review, as the moderator chose.
func (s *Service) BlockReader(ctx context.Context, u *domain.User, in BlockInput) (store.Block, error) {
	if err := auth.Require(u, auth.PermComments); err != nil {
		return store.Block{}, err
	}
	b, err := normaliseBlock(in)
	if err != nil {
		return b, err
	}
	return b, s.store.AddBlock(ctx, b)
}

// BlockCommenter is the moderation queue's one click: it blocks the reader
// key a comment was written with and, when the comment carries one, its
// e-mail address. It returns the blocks it added.
func (s *Service) BlockCommenter(ctx context.Context, u *domain.User, commentID int64, action, reason string) ([]store.Block, error) {
	if err := auth.Require(u, auth.PermComments); err != nil {
		return nil, err
	}
	c, err := s.store.Comment(ctx, commentID)
	if err != nil {
		return nil, err
	}
	if reason == "" {
		reason = "diblokir dari komentar #" + strconv.FormatInt(c.ID, 10)
	}
	var ins []BlockInput
	if c.Reader != "" {
		ins = append(ins, BlockInput{Kind: store.BlockReader, Value: c.Reader, Action: action, Reason: reason})
	}
	if c.Email != "" {
		ins = append(ins, BlockInput{Kind: store.BlockEmail, Value: c.Email, Action: action, Reason: reason})
	}
	if len(ins) == 0 {
		return nil, domain.Invalid("komentar ini tidak punya kunci pembaca atau email untuk diblokir")
	}
	var out []store.Block
	for _, in := range ins {
		b, err := normaliseBlock(in)
		if err != nil {
			return out, err
		}
		if err := s.store.AddBlock(ctx, b); err != nil {
			return out, err
		}
		out = append(out, b)
	}
	return out, nil
}

// UnblockReader lifts a block. An empty kind means a reader key (the old
// API), unless the value looks like an e-mail or an IP range.
func (s *Service) UnblockReader(ctx context.Context, u *domain.User, kind, value string) error {
	if err := auth.Require(u, auth.PermComments); err != nil {
		return err
	}
	b, err := normaliseBlock(BlockInput{Kind: kind, Value: value})
	if err != nil {
		return err
	}
	return s.store.RemoveBlock(ctx, b.Kind, b.Value)
}

func normaliseBlock(in BlockInput) (store.Block, error) {
	b := store.Block{Kind: strings.TrimSpace(in.Kind), Value: strings.TrimSpace(in.Value),
		Action: strings.TrimSpace(in.Action), Reason: strings.TrimSpace(in.Reason)}
	if err := checkText("alasan", b.Reason, 500); err != nil {
		return b, err
	}
	if b.Value == "" {
		return b, domain.Invalid("isi kunci pembaca, email atau rentang IP yang diblokir")
	}
	if b.Kind == "" {
		switch {
		case strings.Contains(b.Value, "@"):
			b.Kind = store.BlockEmail
		case isIPOrPrefix(b.Value):
			b.Kind = store.BlockIP
		default:
			b.Kind = store.BlockReader
		}
	}
	switch b.Action {
	case "":
		b.Action = store.BlockRefuse
	case store.BlockRefuse, store.BlockHold:
	default:
		return b, domain.Invalid("tindakan blokir harus refuse (tolak) atau hold (tahan untuk ditinjau)")
	}
	switch b.Kind {
	case store.BlockReader:
		if len(b.Value) > 200 {
			return b, domain.Invalid("kunci pembaca terlalu panjang")
		}
	case store.BlockEmail:
		b.Value = strings.ToLower(b.Value)
		if a, err := mail.ParseAddress(b.Value); err != nil || a.Address != b.Value || len(b.Value) > 254 {
			return b, domain.Invalid("alamat email %q tidak valid", b.Value)
		}
	case store.BlockIP:
		pfx, err := parseIPRange(b.Value)
		if err != nil {
			return b, domain.Invalid("rentang IP %q tidak valid; tulis alamat (203.0.113.7) atau CIDR (203.0.113.0/24, 2001:db8::/32)", b.Value)
		}
		b.Value = pfx.String()
	default:
		return b, domain.Invalid("jenis blokir harus reader, email atau ip")
	}
	return b, nil
}

func isIPOrPrefix(v string) bool {
	_, err := parseIPRange(v)
	return err == nil
}

// parseIPRange reads a CIDR range or a single address (a /32 or /128),
// normalised to its network address.
func parseIPRange(v string) (netip.Prefix, error) {
	if !strings.Contains(v, "/") {
		a, err := netip.ParseAddr(v)
		if err != nil {
			return netip.Prefix{}, err
		}
		a = a.Unmap()
		return netip.PrefixFrom(a, a.BitLen()), nil
	}
	p, err := netip.ParsePrefix(v)
	if err != nil {
		return p, err
	}
	if p.Addr().Is4In6() && p.Bits() >= 96 {
		p = netip.PrefixFrom(p.Addr().Unmap(), p.Bits()-96)
	}
	return p.Masked(), nil
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
