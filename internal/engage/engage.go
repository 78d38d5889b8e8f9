package engage

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"net/mail"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"warta/internal/domain"
	"warta/internal/store"
)

// Config holds the engagement rules. Zero values take the defaults.
type Config struct {
	ViewMode        ViewMode
	RepeatWindow    time.Duration // a reader's repeat views within it don't count (30 min)
	MaxTrackedViews int           // memory bound for repeat detection
	MinSubmitDelay  time.Duration // form comments sooner than this after the page loaded are refused (3 s)
	MaxCommentRunes int           // 2000
	MaxCommentLinks int           // 2
	ModerationMode  string        // default when the site never set one: hold_first
	PollMethod      string        // "cookie", "hash" or "cookie+hash" (default)

	// Rate limits: per reader, with a generous ceiling per IP because many
	// Indonesian mobile readers share one address behind carrier NAT.
	CommentsPerReader, CommentsPerIP   Limit
	ReactionsPerReader, ReactionsPerIP Limit
	VotesPerReader, VotesPerIP         Limit
}

func (c *Config) defaults() {
	if c.ViewMode == "" {
		c.ViewMode = ViewsServer
	}
	if c.MinSubmitDelay == 0 {
		c.MinSubmitDelay = 3 * time.Second
	}
	if c.MaxCommentRunes == 0 {
		c.MaxCommentRunes = 2000
	}
	if c.MaxCommentLinks == 0 {
		c.MaxCommentLinks = 2
	}
	if c.ModerationMode == "" {
		c.ModerationMode = domain.ModerationHoldFirst
	}
	if c.PollMethod == "" {
		c.PollMethod = "cookie+hash"
	}
	def := func(l *Limit, perMin, burst float64) {
		if l.PerMinute == 0 && l.Burst == 0 {
			*l = Limit{PerMinute: perMin, Burst: burst}
		}
	}
	def(&c.CommentsPerReader, 3, 5)
	def(&c.CommentsPerIP, 600, 1000)
	def(&c.ReactionsPerReader, 30, 20)
	def(&c.ReactionsPerIP, 6000, 5000)
	def(&c.VotesPerReader, 10, 10)
	def(&c.VotesPerIP, 6000, 5000)
}

// Service applies the engagement rules over the store.
type Service struct {
	cfg     Config
	store   *store.Store
	log     *slog.Logger
	Readers *Readers
	Views   *Counter
	now     func() time.Time

	onChange []func(articleID int64)
	notifyCh chan struct{} // wakes the cross-process notifier (coalesced)
	// pending holds the article ids changed since the last notification.
	pendingMu sync.Mutex
	pending   map[int64]struct{}

	commentsReader, commentsIP   *limiter
	reactionsReader, reactionsIP *limiter
	votesReader, votesIP         *limiter
}

// New builds the engagement service. secret signs reader cookies.
func New(cfg Config, st *store.Store, secret []byte, trustProxy bool, log *slog.Logger) *Service {
	cfg.defaults()
	return &Service{cfg: cfg, store: st, log: log, now: time.Now,
		Readers:        NewReaders(secret, trustProxy, nil),
		Views:          NewCounter(st, log, cfg.RepeatWindow, cfg.MaxTrackedViews),
		notifyCh:       make(chan struct{}, 1),
		commentsReader: newLimiter(cfg.CommentsPerReader), commentsIP: newLimiter(cfg.CommentsPerIP),
		reactionsReader: newLimiter(cfg.ReactionsPerReader), reactionsIP: newLimiter(cfg.ReactionsPerIP),
		votesReader: newLimiter(cfg.VotesPerReader), votesIP: newLimiter(cfg.VotesPerIP),
	}
}

// OnChange registers fn to run after a reaction, comment or vote was stored
// (articleID is 0 for a vote). Register at start-up, before serving.
func (s *Service) OnChange(fn func(articleID int64)) { s.onChange = append(s.onChange, fn) }

func (s *Service) changed(articleID int64) {
	for _, fn := range s.onChange {
		fn(articleID)
	}
	s.pendingMu.Lock()
	if s.pending == nil {
		s.pending = map[int64]struct{}{}
	}
	if len(s.pending) <= maxNotifyIDs { // past it the payload names none
		s.pending[articleID] = struct{}{}
	}
	s.pendingMu.Unlock()
	select {
	case s.notifyCh <- struct{}{}:
	default: // a notification is already due; it covers this change too
	}
}

// maxNotifyIDs bounds the article ids one notification names; past it the
// notification says only that engagement changed (drop every article page).
const maxNotifyIDs = 100

// EngagementPayload is the notification for engagement changes whose
// articles are not named: other processes drop every article page.
const EngagementPayload = "e:engagement"

// notifyPayload names what changed since the last notification:
// "e:a:<id>,<id>" for reactions and comments (id 0 stands for a vote), or
// EngagementPayload when too many articles changed to name them.
func (s *Service) notifyPayload() string {
	s.pendingMu.Lock()
	ids := s.pending
	s.pending = nil
	s.pendingMu.Unlock()
	if len(ids) == 0 || len(ids) > maxNotifyIDs {
		return EngagementPayload
	}
	b := []byte("e:a:")
	first := true
	for id := range ids {
		if !first {
			b = append(b, ',')
		}
		first = false
		b = strconv.AppendInt(b, id, 10)
	}
	return string(b)
}

// RunNotifier tells other Warta processes over the same PostgreSQL that
// reactions, comments or votes changed (and on which articles), so they
// drop those pages from their caches. Many changes in a burst become one
// notification every 100 ms at most. On SQLite (one process owns the file)
// it only waits for ctx.
func (s *Service) RunNotifier(ctx context.Context) {
	for {
		select {
		case <-ctx.Done():
			return
		case <-s.notifyCh:
			if err := s.store.Notify(ctx, s.notifyPayload()); err != nil && ctx.Err() == nil {
				s.log.Warn("notify other processes", "err", err)
			}
			select {
			case <-ctx.Done():
				return
			case <-time.After(100 * time.Millisecond):
			}
		}
	}
}

// Config returns the rules in force.
func (s *Service) Config() Config { return s.cfg }

// tooMany builds the 429 error with its Retry-After.
func tooMany(wait time.Duration, msg string) error {
	secs := int(wait.Seconds() + 0.999)
	if secs < 1 {
		secs = 1
	}
	return &domain.Error{Code: domain.ETooMany, Message: msg, RetryAfter: secs}
}

func (s *Service) limit(r *http.Request, reader string, perReader, perIP *limiter, msg string) error {
	now := s.now()
	if ok, wait := perReader.allow(reader, now); !ok {
		return tooMany(wait, msg)
	}
	if ok, wait := perIP.allow(s.Readers.IPKey(r), now); !ok {
		return tooMany(wait, msg)
	}
	return nil
}

// ArticleServed is what serving an article page does for engagement:
// count the view (when the server counts views) and give a browser without
// one the reader cookie the comment form's defences rely on. The reader
// hash is computed once for both.
func (s *Service) ArticleServed(w http.ResponseWriter, r *http.Request, articleID int64) {
	v := s.Readers.Visitor(r)
	if !s.cfg.ViewMode.Server() && v.Key != "" {
		return
	}
	hash := s.Readers.Hash(r)
	if s.cfg.ViewMode.Server() {
		s.Views.Hit(articleID, hash, r.UserAgent())
	}
	if v.Key == "" {
		s.Readers.setCookie(w, r, hash, s.Readers.now())
	}
}

// BeaconView counts a view reported by the page's beacon. It returns
// whether the view counted.
func (s *Service) BeaconView(ctx context.Context, r *http.Request, articleID int64) (bool, error) {
	if err := s.store.PublishedArticleID(ctx, articleID); err != nil {
		return false, err
	}
	if !s.cfg.ViewMode.Beacon() {
		return false, nil
	}
	return s.Views.Hit(articleID, s.Readers.Hash(r), r.UserAgent()), nil
}

// LiveCounts returns an article's counts including views not yet flushed.
func (s *Service) LiveCounts(ctx context.Context, articleID int64) (domain.Counts, error) {
	c, err := s.store.ArticleCounts(ctx, articleID)
	if err != nil {
		return c, err
	}
	c.Views += s.Views.Pending(articleID)
	return c, nil
}

// React sets the reader's reaction and returns the new counts.
func (s *Service) React(ctx context.Context, w http.ResponseWriter, r *http.Request, articleID int64, kind string) (domain.Counts, error) {
	switch kind {
	case domain.ReactionLike, domain.ReactionDislike, domain.ReactionNone:
	case "":
		return domain.Counts{}, domain.Invalid(`reaksi wajib diisi: "like", "dislike" atau "none"`)
	default:
		return domain.Counts{}, domain.Invalid(`reaksi harus "like", "dislike" atau "none"`)
	}
	reader := s.Readers.Key(w, r)
	if err := s.limit(r, reader, s.reactionsReader, s.reactionsIP, "terlalu banyak reaksi, coba lagi sebentar lagi"); err != nil {
		return domain.Counts{}, err
	}
	c, err := s.store.React(ctx, articleID, reader, kind)
	if err != nil {
		return c, err
	}
	s.changed(articleID)
	c.Views += s.Views.Pending(articleID)
	return c, nil
}

// ReactionOf returns this reader's reaction to an article ("" when none).
func (s *Service) ReactionOf(ctx context.Context, r *http.Request, articleID int64) string {
	v := s.Readers.Visitor(r)
	if v.Key == "" {
		return ""
	}
	kind, err := s.store.ReactionOf(ctx, articleID, v.Key)
	if err != nil {
		s.log.Warn("reaction of", "err", err)
	}
	return kind
}

// CommentInput is what a reader submits.
type CommentInput struct {
	ArticleID int64
	ParentID  int64
	Name      string
	Email     string
	Text      string
	// Form-only defences.
	Honeypot string // must stay empty: only bots fill the hidden field
	FromForm bool
}

var linkRe = regexp.MustCompile(`(?i)\bhttps?://|\bwww\.|\[url`)

// clean makes text safe to store: valid UTF-8, no NUL bytes, normalised line
// ends. It is shown escaped, so markup stays inert.
func clean(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = strings.ReplaceAll(s, "\x00", "\uFFFD")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.TrimSpace(s)
}

// Comment validates and stores a comment. The status follows the site's
// moderation mode. Errors carry Indonesian messages for the reader.
func (s *Service) Comment(ctx context.Context, w http.ResponseWriter, r *http.Request, in CommentInput) (domain.Comment, error) {
	c := domain.Comment{ArticleID: in.ArticleID, ParentID: in.ParentID,
		Name: clean(in.Name), Email: strings.ToLower(clean(in.Email)), Body: clean(in.Text)}
	if in.FromForm {
		if in.Honeypot != "" {
			return c, domain.Invalid("komentar Anda terdeteksi sebagai spam")
		}
		v := s.Readers.Visitor(r)
		if v.Key == "" {
			return c, domain.Invalid("aktifkan cookie di peramban Anda, muat ulang halaman, lalu kirim lagi komentar Anda")
		}
		if s.now().Sub(v.FirstSeen) < s.cfg.MinSubmitDelay {
			return c, domain.Invalid("komentar dikirim terlalu cepat; tunggu beberapa detik lalu kirim lagi")
		}
	}
	// AddComment checks in its transaction that the article is published.
	switch {
	case c.Name == "":
		return c, domain.Invalid("nama wajib diisi")
	case utf8.RuneCountInString(c.Name) > 80:
		return c, domain.Invalid("nama paling panjang 80 karakter")
	case c.Body == "":
		return c, domain.Invalid("komentar wajib diisi")
	case utf8.RuneCountInString(c.Body) > s.cfg.MaxCommentRunes:
		return c, domain.Invalid("komentar paling panjang %d karakter", s.cfg.MaxCommentRunes)
	case len(linkRe.FindAllStringIndex(c.Body, -1)) > s.cfg.MaxCommentLinks:
		return c, domain.Invalid("komentar paling banyak berisi %d tautan", s.cfg.MaxCommentLinks)
	}
	if c.Email != "" {
		if a, err := mail.ParseAddress(c.Email); err != nil || a.Address != c.Email || len(c.Email) > 254 {
			return c, domain.Invalid("alamat email tidak valid")
		}
	}
	words, err := s.store.BannedWords(ctx)
	if err != nil {
		return c, err
	}
	lower := strings.ToLower(c.Name + " " + c.Body)
	for _, bw := range words {
		if strings.Contains(lower, bw) {
			return c, domain.Invalid("komentar Anda mengandung kata yang tidak diizinkan di situs ini")
		}
	}
	c.Reader = s.Readers.Key(w, r)
	if blocked, err := s.store.IsBlocked(ctx, c.Reader, s.Readers.Hash(r)); err != nil {
		return c, err
	} else if blocked {
		return c, domain.Forbidden("Anda tidak dapat berkomentar di situs ini")
	}
	if err := s.limit(r, c.Reader, s.commentsReader, s.commentsIP, "terlalu banyak komentar dalam waktu singkat, coba lagi nanti"); err != nil {
		return c, err
	}
	mode, err := s.store.Setting(ctx, store.SettingModeration)
	if err != nil {
		return c, err
	}
	if mode == "" {
		mode = s.cfg.ModerationMode
	}
	c.Status = domain.CommentPending
	switch mode {
	case domain.ModerationApproveAll:
		c.Status = domain.CommentApproved
	case domain.ModerationHoldFirst:
		known, err := s.store.HasApprovedComment(ctx, c.Email, c.Reader)
		if err != nil {
			return c, err
		}
		if known {
			c.Status = domain.CommentApproved
		}
	}
	c, err = s.store.AddComment(ctx, c)
	if err == nil {
		s.changed(c.ArticleID)
	}
	return c, err
}

// Vote records the reader's vote in a poll.
func (s *Service) Vote(ctx context.Context, w http.ResponseWriter, r *http.Request, pollID, optionID int64) error {
	if optionID <= 0 {
		return domain.Invalid("pilih salah satu jawaban")
	}
	voters := s.voterKeys(w, r, pollID, true)
	if err := s.limit(r, voters[0], s.votesReader, s.votesIP, "terlalu banyak suara dalam waktu singkat, coba lagi nanti"); err != nil {
		return err
	}
	if err := s.store.Vote(ctx, pollID, optionID, voters); err != nil {
		return err
	}
	s.changed(0)
	return nil
}

// VotedOption returns the option this reader chose in a poll, or 0.
func (s *Service) VotedOption(ctx context.Context, r *http.Request, pollID int64) int64 {
	opt, err := s.store.VotedOption(ctx, pollID, s.voterKeys(nil, r, pollID, false))
	if err != nil && !errors.Is(err, context.Canceled) {
		s.log.Warn("voted option", "err", err)
	}
	return opt
}

// voterKeys lists the keys that identify this reader in a poll, following
// the site's method. With set, a missing reader cookie is issued.
func (s *Service) voterKeys(w http.ResponseWriter, r *http.Request, pollID int64, set bool) []string {
	var keys []string
	if strings.Contains(s.cfg.PollMethod, "cookie") {
		var k string
		if set {
			k = s.Readers.Key(w, r)
		} else {
			k = s.Readers.Visitor(r).Key
		}
		if k != "" {
			keys = append(keys, "c:"+k)
		}
	}
	if strings.Contains(s.cfg.PollMethod, "hash") || len(keys) == 0 {
		keys = append(keys, s.Readers.PollKey(r, pollID))
	}
	return keys
}
