package engage

import (
	"context"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"log/slog"
	"net/mail"
	"regexp"
	"slices"
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
	// PollMethod: "cookie" (default): one vote per reader cookie, which the
	// browser must have before it votes, within a per-address budget per
	// poll; "cookie+hash" (or its older name "hash") also allows only one
	// vote per client address and User-Agent per poll, which is stricter
	// but gives everyone behind one carrier NAT with the same browser one
	// vote between them.
	PollMethod string

	// Rate limits: per reader (cookie), with budgets per client address
	// that hold whatever the User-Agent says, generous enough for the many
	// Indonesian mobile readers who share one address behind carrier NAT.
	CommentsPerReader, CommentsPerIP   Limit
	ReactionsPerReader, ReactionsPerIP Limit
	VotesPerReader, VotesPerIP         Limit
	// VotesPerPollIP bounds the votes one address adds to one poll, so a
	// client that throws its cookie away after each vote gains little.
	VotesPerPollIP Limit
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
		c.PollMethod = PollCookie
	}
	def := func(l *Limit, perMin, burst float64) {
		if l.PerMinute == 0 && l.Burst == 0 {
			*l = Limit{PerMinute: perMin, Burst: burst}
		}
	}
	def(&c.CommentsPerReader, 3, 5)
	def(&c.CommentsPerIP, 30, 60)
	def(&c.ReactionsPerReader, 30, 20)
	def(&c.ReactionsPerIP, 300, 300)
	def(&c.VotesPerReader, 10, 10)
	def(&c.VotesPerIP, 300, 300)
	def(&c.VotesPerPollIP, 100.0/60, 100) // 100 at once, then 100 an hour
}

// Poll methods (--poll-method).
const (
	PollCookie     = "cookie"
	PollCookieHash = "cookie+hash"
	PollHash       = "hash" // older name of cookie+hash
)

// ValidPollMethod reports whether m names a poll method.
func ValidPollMethod(m string) bool { return m == PollCookie || m == PollCookieHash || m == PollHash }

// Service applies the engagement rules over the store.
type Service struct {
	cfg   Config
	store *store.Store
	log   *slog.Logger
	Views *Counter
	now   func() time.Time

	onChange []func(articleID int64)
	notifyCh chan struct{} // wakes the cross-process notifier (coalesced)
	// pending holds the article ids changed since the last notification.
	pendingMu sync.Mutex
	pending   map[int64]struct{}

	commentsReader, commentsIP   *limiter
	reactionsReader, reactionsIP *limiter
	votesReader, votesIP         *limiter
	votesPollIP                  *limiter
}

// New builds the engagement service. It takes readers as the HTTP layer
// resolved them (domain.Reader) and never reads or sets a cookie itself.
func New(cfg Config, st *store.Store, log *slog.Logger) *Service {
	cfg.defaults()
	return &Service{cfg: cfg, store: st, log: log, now: time.Now,
		Views:          NewCounter(st, log, cfg.RepeatWindow, cfg.MaxTrackedViews),
		notifyCh:       make(chan struct{}, 1),
		commentsReader: newLimiter(cfg.CommentsPerReader), commentsIP: newLimiter(cfg.CommentsPerIP),
		reactionsReader: newLimiter(cfg.ReactionsPerReader), reactionsIP: newLimiter(cfg.ReactionsPerIP),
		votesReader: newLimiter(cfg.VotesPerReader), votesIP: newLimiter(cfg.VotesPerIP),
		votesPollIP: newLimiter(cfg.VotesPerPollIP),
	}
}

// OnChange registers fn to run after a reaction, comment or vote was stored
// (articleID is 0 for a vote). Register at start-up, before serving.
func (s *Service) OnChange(fn func(articleID int64)) { s.onChange = append(s.onChange, fn) }

// Changed announces a change readers see in an article's engagement made
// outside this service (the newsroom approving or deleting comments): the
// same event as the service's own writes, so this process's caches drop the
// page and other processes are told.
func (s *Service) Changed(articleID int64) { s.changed(articleID) }

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

func (s *Service) limit(rd domain.Reader, perReader, perIP *limiter, msg string) error {
	now := s.now()
	if ok, wait := perReader.allow(rd.Key, now); !ok {
		return tooMany(wait, msg)
	}
	if ok, wait := perIP.allow(rd.IPKey, now); !ok {
		return tooMany(wait, msg)
	}
	return nil
}

// errCookieRequired refuses a counting action (reaction, vote) from a
// browser that had no reader cookie: one is set with the answer, and the
// same request sent again counts. A client that throws cookies away cannot
// count at all.
var errCookieRequired = &domain.Error{Code: domain.ECookieRequired,
	Message: "peramban Anda baru saja menerima cookie pembaca; kirim sekali lagi (aktifkan cookie bila pesan ini muncul lagi)"}

// needsCookie: the reader has no key their browser sent back, so nothing
// counts for them and nothing they did can be found as theirs.
func needsCookie(rd domain.Reader) bool { return rd.Key == "" || rd.New }

// ArticleServed counts the view of a served article page when the server
// counts views. rd needs DayHash and UserAgent.
func (s *Service) ArticleServed(rd domain.Reader, articleID int64) {
	if s.cfg.ViewMode.Server() {
		s.Views.Hit(articleID, rd.DayHash, rd.UserAgent)
	}
}

// BeaconView counts a view reported by the page's beacon. It returns
// whether the view counted.
func (s *Service) BeaconView(ctx context.Context, rd domain.Reader, articleID int64) (bool, error) {
	if err := s.store.PublishedArticleID(ctx, articleID); err != nil {
		return false, err
	}
	if !s.cfg.ViewMode.Beacon() {
		return false, nil
	}
	return s.Views.Hit(articleID, rd.DayHash, rd.UserAgent), nil
}

// LiveCounts returns an article's counts including views not yet flushed.
func (s *Service) LiveCounts(ctx context.Context, articleID int64) (domain.Counts, error) {
	c, err := s.store.ArticleCounts(ctx, articleID)
	if err != nil {
		return c, err
	}
	return s.WithPending(articleID, c), nil
}

// WithPending is LiveCounts from counts just read with the article (its
// row's counters): the views not yet written added.
func (s *Service) WithPending(articleID int64, c domain.Counts) domain.Counts {
	c.Views += s.Views.Pending(articleID)
	return c
}

// React sets the reader's reaction and returns the new counts. The reader
// must already have their cookie (see errCookieRequired).
func (s *Service) React(ctx context.Context, rd domain.Reader, articleID int64, kind string) (domain.Counts, error) {
	switch kind {
	case domain.ReactionLike, domain.ReactionDislike, domain.ReactionNone:
	case "":
		return domain.Counts{}, domain.Invalid(`reaksi wajib diisi: "like", "dislike" atau "none"`)
	default:
		return domain.Counts{}, domain.Invalid(`reaksi harus "like", "dislike" atau "none"`)
	}
	if needsCookie(rd) {
		// A missing article is still a 404, whoever asks.
		if err := s.store.PublishedArticleID(ctx, articleID); err != nil {
			return domain.Counts{}, err
		}
		return domain.Counts{}, errCookieRequired
	}
	if err := s.limit(rd, s.reactionsReader, s.reactionsIP, "terlalu banyak reaksi, coba lagi sebentar lagi"); err != nil {
		return domain.Counts{}, err
	}
	c, err := s.store.React(ctx, articleID, rd.Key, kind)
	if err != nil {
		return c, err
	}
	s.changed(articleID)
	c.Views += s.Views.Pending(articleID)
	return c, nil
}

// ReactionOf returns this reader's reaction to an article ("" when none).
// Only the reader's own cookie key finds it.
func (s *Service) ReactionOf(ctx context.Context, rd domain.Reader, articleID int64) string {
	if needsCookie(rd) {
		return ""
	}
	kind, err := s.store.ReactionOf(ctx, articleID, rd.Key)
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
// moderation mode; under hold_first only the reader's own approval history
// (their cookie key) publishes at once, never a typed e-mail address.
// Errors carry Indonesian messages for the reader. The reader must have a
// key (the HTTP layer issues one); form posts need one issued earlier.
func (s *Service) Comment(ctx context.Context, rd domain.Reader, in CommentInput) (domain.Comment, error) {
	c := domain.Comment{ArticleID: in.ArticleID, ParentID: in.ParentID,
		Name: clean(in.Name), Email: strings.ToLower(clean(in.Email)), Body: clean(in.Text)}
	if in.FromForm {
		if in.Honeypot != "" {
			return c, domain.Invalid("komentar Anda terdeteksi sebagai spam")
		}
		if needsCookie(rd) {
			return c, domain.Invalid("aktifkan cookie di peramban Anda, muat ulang halaman, lalu kirim lagi komentar Anda")
		}
		if s.now().Sub(rd.FirstSeen) < s.cfg.MinSubmitDelay {
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
	if rd.Key == "" {
		return c, domain.Invalid("pembaca tidak dikenali")
	}
	c.Reader = rd.Key
	// The banned words, the block that applies, the moderation mode and
	// whether this reader has an approved comment, in one read.
	rules, err := s.store.CommentRulesFor(ctx, c.Reader, c.Email, rd.IP)
	if err != nil {
		return c, err
	}
	// A banned word holds the comment for a moderator, whatever the mode,
	// and the answer is the one any held comment gets: telling the writer
	// which word tripped the filter would only teach spammers to spell
	// around it.
	lower := strings.ToLower(c.Name + " " + c.Body)
	flagged := false
	for _, bw := range rules.BannedWords {
		if strings.Contains(lower, bw) {
			flagged = true
			break
		}
	}
	// Blocks are by the reader's own key (one person's block never falls on
	// another behind the same address), by the e-mail typed, or by an IP
	// range matched against the client address now (never stored). The
	// moderator chose for each whether the comment is refused or held.
	block, blocked := rules.Block, rules.Blocked
	if blocked && block.Action != store.BlockHold {
		return c, domain.Forbidden("Anda tidak dapat berkomentar di situs ini")
	}
	if err := s.limit(rd, s.commentsReader, s.commentsIP, "terlalu banyak komentar dalam waktu singkat, coba lagi nanti"); err != nil {
		return c, err
	}
	mode := rules.Moderation
	if mode == "" {
		mode = s.cfg.ModerationMode
	}
	c.Status = domain.CommentPending
	switch mode {
	case domain.ModerationApproveAll:
		c.Status = domain.CommentApproved
	case domain.ModerationHoldFirst:
		// The e-mail address is typed, not proven: anyone can type an
		// approved commenter's. Only this reader's own history counts.
		if rules.KnownReader {
			c.Status = domain.CommentApproved
		}
	}
	if flagged || blocked {
		c.Status = domain.CommentPending
	}
	c, err = s.store.AddComment(ctx, c)
	if err == nil {
		s.changed(c.ArticleID)
	}
	return c, err
}

// Vote records the reader's vote in a poll. The reader must already have
// their cookie; their address has a budget of votes per poll.
func (s *Service) Vote(ctx context.Context, rd domain.Reader, pollID, optionID int64) error {
	if optionID <= 0 {
		return domain.Invalid("pilih salah satu jawaban")
	}
	if needsCookie(rd) {
		// What the vote would be refused for anyway is said first.
		p, err := s.store.PublicPoll(ctx, pollID)
		if err != nil {
			return err
		}
		if !slices.ContainsFunc(p.Options, func(o domain.PollOption) bool { return o.ID == optionID }) {
			return domain.NotFound("pilihan tidak ditemukan di polling ini")
		}
		if !p.IsOpen(s.store.Now()) {
			return domain.Conflict("polling ini sedang tidak menerima suara")
		}
		return errCookieRequired
	}
	const msg = "terlalu banyak suara dalam waktu singkat, coba lagi nanti"
	if err := s.limit(rd, s.votesReader, s.votesIP, msg); err != nil {
		return err
	}
	pollIP := strconv.FormatInt(pollID, 10) + ":" + rd.IPKey
	if ok, wait := s.votesPollIP.allow(pollIP, s.now()); !ok {
		if s.VotedOption(ctx, rd, pollID) != 0 {
			return domain.Conflict("Anda sudah memberikan suara di polling ini")
		}
		return tooMany(wait, "terlalu banyak suara dari jaringan Anda di polling ini, coba lagi nanti")
	}
	voters := []string{"c:" + rd.Key}
	if s.cfg.PollMethod != PollCookie {
		voters = append(voters, pollKey(pollID, rd.ClientKey))
	}
	if err := s.store.Vote(ctx, pollID, optionID, voters); err != nil {
		s.votesPollIP.refund(pollIP) // only votes that count use the budget
		return err
	}
	s.changed(0)
	return nil
}

// VotedOption returns the option this reader chose in a poll, or 0. Only
// the reader's own cookie key finds it: a vote from another browser on the
// same address and User-Agent is never shown as theirs.
func (s *Service) VotedOption(ctx context.Context, rd domain.Reader, pollID int64) int64 {
	if needsCookie(rd) {
		return 0
	}
	opt, err := s.store.VotedOption(ctx, pollID, []string{"c:" + rd.Key})
	if err != nil && !errors.Is(err, context.Canceled) {
		s.log.Warn("voted option", "err", err)
	}
	return opt
}

// pollKey is the per-poll device key of cookie+hash: it does not rotate,
// so a device cannot vote again tomorrow, and differs between polls, so
// votes cannot be linked across polls. clientKey is already keyed with the
// site secret.
func pollKey(pollID int64, clientKey string) string {
	sum := sha256.Sum256([]byte("poll\x00" + strconv.FormatInt(pollID, 10) + "\x00" + clientKey))
	return "p" + base64.RawURLEncoding.EncodeToString(sum[:15])
}
