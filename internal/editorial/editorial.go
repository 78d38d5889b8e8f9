// Package editorial is the newsroom's business logic, shared by the /redaksi
// UI and the admin API so both apply the same rules: who may edit which
// article, which workflow moves make sense, revisions on every save, and
// Markdown rendered exactly as readers will see it.
package editorial

import (
	"context"
	"errors"
	"strings"
	"time"
	"unicode/utf8"

	"warta/internal/ads"
	"warta/internal/auth"
	"warta/internal/domain"
	"warta/internal/media"
	"warta/internal/render"
	"warta/internal/store"
)

// Limits on what an article may hold.
const (
	MaxTitle   = 300
	MaxExcerpt = 1000
	MaxBody    = 512 << 10
	// MaxCaption and MaxCredit bound the photo's caption and credit
	// (characters); MaxAuthors the bylines of one article.
	MaxCaption = 500
	MaxCredit  = 200
	MaxAuthors = 10
)

// Service applies the newsroom's rules over the store.
type Service struct {
	store    *store.Store
	render   *render.Renderer
	media    *media.Store
	onChange []func(context.Context, Change) // see OnChange
	ads      ads.Network                     // the operator's ad network (SetAdNetwork)
}

// New builds the service; media may be nil when uploads are off.
func New(st *store.Store, r *render.Renderer, m *media.Store) *Service {
	return &Service{store: st, render: r, media: m}
}

// Media is the upload store (nil when uploads are off).
func (s *Service) Media() *media.Store { return s.media }

// Fields is a set of article fields to write; nil fields are left alone (on
// create: empty). The admin API decodes its JSON straight into it.
type Fields struct {
	Title       *string        `json:"title"`
	Slug        *string        `json:"slug"`
	Excerpt     *string        `json:"excerpt"`
	Body        *string        `json:"body"`
	Category    *string        `json:"category"` // slug
	Tags        *[]string      `json:"tags"`     // names, created on the fly
	Authors     *[]string      `json:"authors"`  // names or slugs, created on the fly
	Status      *domain.Status `json:"status"`
	PublishedAt *string        `json:"published_at"` // RFC 3339; "" clears
	Breaking    *bool          `json:"breaking"`
	// BreakingUntil ends the Breaking flag (RFC 3339, within 7 days);
	// flagging without one takes DefaultBreakingFor. Editors only.
	BreakingUntil *string `json:"breaking_until"`
	Featured      *bool   `json:"featured"`
	PhotoURL      *string `json:"photo_url"`
	PhotoCaption  *string `json:"photo_caption"`
	PhotoCredit   *string `json:"photo_credit"`
	PhotoWidth    *int    `json:"photo_width"`
	PhotoHeight   *int    `json:"photo_height"`
	PollID        *int64  `json:"poll_id"` // 0 detaches
	// BacaJuga: whether the reader page puts "Baca juga" links to related
	// news inside the body (issue 14); on unless turned off.
	BacaJuga *bool `json:"baca_juga"`
	// HotBadge is the editor's decision on the #HOT badge: "auto" (the
	// trending job decides), "on" or "off". Editors and admins only.
	HotBadge *string `json:"hot_badge"`
	// Version, when not 0, is the article version the save was made from
	// (the admin API's If-Match, the newsroom form's hidden field): a save
	// from an older version is refused with a *StaleError.
	Version int64 `json:"-"`
}

// placement checks that only editors (PermArticlePublish) put an article in
// "Breaking" or "Berita utama" or take it out: a writer's save may carry
// both flags only as they already are (cur is the zero article on create).
func placement(u *domain.User, f Fields, cur domain.Article) error {
	if auth.Require(u, auth.PermArticlePublish) == nil {
		return nil
	}
	if f.Breaking != nil && *f.Breaking != cur.Breaking {
		return domain.Forbidden("hanya editor yang boleh menandai atau melepas Breaking News")
	}
	if f.Featured != nil && *f.Featured != cur.Featured {
		return domain.Forbidden("hanya editor yang boleh menjadikan atau melepas Berita utama")
	}
	if f.BreakingUntil != nil && strings.TrimSpace(*f.BreakingUntil) != "" {
		t, err := ParseTime(*f.BreakingUntil)
		if err != nil || !t.Truncate(time.Minute).Equal(cur.BreakingUntil.Truncate(time.Minute)) {
			return domain.Forbidden("hanya editor yang boleh mengatur batas waktu Breaking News")
		}
	}
	return nil
}

// hotOverride checks the #HOT badge field: set reports whether it was given,
// v is the override to store (nil for "auto").
func hotOverride(u *domain.User, f Fields) (set bool, v *bool, err error) {
	if f.HotBadge == nil {
		return false, nil, nil
	}
	if err := auth.Require(u, auth.PermArticlePublish); err != nil {
		return false, nil, domain.Forbidden("hanya editor yang boleh mengatur lencana #HOT")
	}
	on, off := true, false
	switch *f.HotBadge {
	case "auto":
		return true, nil, nil
	case "on":
		return true, &on, nil
	case "off":
		return true, &off, nil
	}
	return false, nil, domain.Invalid(`hot_badge harus "auto", "on" atau "off"`)
}

// Preview renders Markdown exactly as the reader site will show it.
func (s *Service) Preview(u *domain.User, body string) (string, error) {
	if err := s.MayWrite(u); err != nil {
		return "", err
	}
	return s.bodyHTML(body)
}

// MayWrite says whether u may write articles (the newsroom shows the empty
// editor only then).
func (s *Service) MayWrite(u *domain.User) error { return auth.Require(u, auth.PermArticleCreate) }

// bodyHTML checks a Markdown body and renders it as readers will see it.
func (s *Service) bodyHTML(body string) (string, error) {
	if err := checkText("isi berita", body, MaxBody); err != nil {
		return "", err
	}
	return s.render.Markdown(body)
}

func checkText(what, v string, maxLen int) error {
	if !utf8.ValidString(v) {
		return domain.Invalid("%s bukan teks UTF-8 yang valid", what)
	}
	if strings.ContainsRune(v, 0) {
		return domain.Invalid("%s berisi karakter yang tidak diizinkan", what)
	}
	if len(v) > maxLen {
		return domain.Invalid("%s terlalu panjang (paling banyak %d karakter)", what, maxLen)
	}
	return nil
}

// checkRunes is checkText with the limit in characters.
func checkRunes(what, v string, maxRunes int) error {
	if err := checkText(what, v, maxRunes*4); err != nil {
		return err
	}
	if utf8.RuneCountInString(strings.TrimSpace(v)) > maxRunes {
		return domain.Invalid("%s terlalu panjang (paling banyak %d karakter)", what, maxRunes)
	}
	return nil
}

// checkPublishTime lets only editors set the publish time: a writer's form
// may echo the stored time (or send none), but a time a writer picks would
// survive the editor's publish (issue 16), so it is refused.
func checkPublishTime(u *domain.User, f Fields, stored time.Time) error {
	if f.PublishedAt == nil || auth.Can(u.Role, auth.PermArticlePublish) {
		return nil
	}
	t, err := ParseTime(*f.PublishedAt)
	if err != nil {
		return err
	}
	// The newsroom's form shows the time to the minute.
	if t.IsZero() || t.Truncate(time.Minute).Equal(stored.Truncate(time.Minute)) {
		return nil
	}
	return domain.Forbidden("hanya editor yang boleh mengatur waktu terbit")
}

// editorialStatus reports whether only editors may move an article into st.
func editorialStatus(st domain.Status) bool {
	return st == domain.StatusScheduled || st == domain.StatusPublished || st == domain.StatusUnpublished
}

// transitions lists the workflow moves that make sense.
var transitions = map[domain.Status][]domain.Status{
	domain.StatusDraft:       {domain.StatusReview, domain.StatusScheduled, domain.StatusPublished},
	domain.StatusReview:      {domain.StatusDraft, domain.StatusScheduled, domain.StatusPublished},
	domain.StatusScheduled:   {domain.StatusDraft, domain.StatusReview, domain.StatusScheduled, domain.StatusPublished},
	domain.StatusPublished:   {domain.StatusUnpublished},
	domain.StatusUnpublished: {domain.StatusDraft, domain.StatusReview, domain.StatusScheduled, domain.StatusPublished},
}

var statusLabels = map[domain.Status]string{
	domain.StatusDraft: "draf", domain.StatusReview: "menunggu tinjauan", domain.StatusScheduled: "terjadwal",
	domain.StatusPublished: "terbit", domain.StatusUnpublished: "ditarik",
}

// StatusLabel is a status's Indonesian name.
func StatusLabel(st domain.Status) string {
	if l, ok := statusLabels[st]; ok {
		return l
	}
	return string(st)
}

// CheckTransition says whether u may move an article from one status to
// another: a move the role may not make is forbidden (403), one that makes
// no sense is a conflict (409).
func CheckTransition(u *domain.User, from, to domain.Status) error {
	if !to.Valid() {
		return domain.Invalid("status %q tidak dikenal (draft, review, scheduled, published, unpublished)", to)
	}
	if editorialStatus(to) && from != to && !auth.Can(u.Role, auth.PermArticlePublish) {
		return domain.Forbidden("hanya editor yang boleh menjadwalkan, menerbitkan atau menarik artikel")
	}
	if from == to {
		return nil
	}
	for _, ok := range transitions[from] {
		if ok == to {
			return nil
		}
	}
	return domain.Conflict("artikel berstatus %s tidak bisa diubah menjadi %s", StatusLabel(from), StatusLabel(to))
}

// canEdit checks that u may change article a.
func (s *Service) canEdit(ctx context.Context, u *domain.User, a domain.Article) error {
	if auth.Can(u.Role, auth.PermArticleEditAny) {
		return nil
	}
	owner, err := s.store.ArticleOwner(ctx, a.ID)
	if err != nil {
		return err
	}
	return canEditAs(u, a, owner)
}

// canEditAs checks that u may change article a, owned by the account owner.
func canEditAs(u *domain.User, a domain.Article, owner int64) error {
	if auth.Can(u.Role, auth.PermArticleEditAny) {
		return nil
	}
	if err := auth.Require(u, auth.PermArticleCreate); err != nil {
		return err
	}
	if owner != u.ID {
		return domain.Forbidden("penulis hanya boleh mengubah artikelnya sendiri")
	}
	if a.Status != domain.StatusDraft && a.Status != domain.StatusReview {
		return domain.Forbidden("artikel yang %s hanya bisa diubah editor", StatusLabel(a.Status))
	}
	return nil
}

// canRead checks that u may open article a in the newsroom.
func (s *Service) canRead(ctx context.Context, u *domain.User, a domain.Article) error {
	if auth.Can(u.Role, auth.PermArticleEditAny) {
		return nil
	}
	if err := auth.Require(u, auth.PermArticleCreate); err != nil {
		return err
	}
	owner, err := s.store.ArticleOwner(ctx, a.ID)
	if err != nil {
		return err
	}
	if owner != u.ID {
		return domain.Forbidden("penulis hanya boleh membuka artikelnya sendiri")
	}
	return nil
}

// Article returns an article u may open, whatever its status.
func (s *Service) Article(ctx context.Context, u *domain.User, id int64) (domain.Article, error) {
	a, err := s.store.ArticleByIDAnyStatus(ctx, id)
	if err != nil {
		return a, err
	}
	return a, s.canRead(ctx, u, a)
}

// List returns the articles u may see: everything for editors, their own
// for writers.
func (s *Service) List(ctx context.Context, u *domain.User, f store.AdminFilter, p domain.Page) ([]domain.Article, int, error) {
	if err := auth.Require(u, auth.PermArticleCreate); err != nil {
		return nil, 0, err
	}
	if f.Status != "" && !f.Status.Valid() {
		return nil, 0, domain.Invalid("status %q tidak dikenal", f.Status)
	}
	if !auth.Can(u.Role, auth.PermArticleEditAny) {
		f.OwnerID = u.ID
	}
	return s.store.AdminArticles(ctx, f, p)
}

// resolved is what a save needs from outside the article row: looked up,
// created or rendered before the write transaction, which must not use
// the database or wait on it.
type resolved struct {
	bodyHTML            string
	categoryID          int64
	authorIDs           []int64
	photoW, photoH      int
	photoSized          bool
	tags                []string
	title, excerpt, url string
	publishedAt         time.Time
}

// resolve checks the fields sent and does their lookups (category, poll),
// creations (authors) and rendering (body).
func (s *Service) resolve(ctx context.Context, f Fields) (resolved, error) {
	var r resolved
	if f.Title != nil {
		if err := checkText("judul", *f.Title, MaxTitle*4); err != nil {
			return r, err
		}
		r.title = strings.TrimSpace(*f.Title)
		if utf8.RuneCountInString(r.title) > MaxTitle {
			return r, domain.Invalid("judul terlalu panjang (paling banyak %d karakter)", MaxTitle)
		}
	}
	if f.Excerpt != nil {
		if err := checkText("ringkasan", *f.Excerpt, MaxExcerpt*4); err != nil {
			return r, err
		}
		r.excerpt = strings.TrimSpace(*f.Excerpt)
	}
	if f.Body != nil {
		html, err := s.bodyHTML(*f.Body)
		if err != nil {
			return r, err
		}
		r.bodyHTML = html
	}
	if f.Category != nil {
		slug := strings.TrimSpace(*f.Category)
		if slug == "" {
			return r, domain.Invalid("kategori wajib dipilih")
		}
		c, err := s.store.CategoryBySlug(ctx, slug)
		if errors.Is(err, domain.ErrNotFound) {
			return r, domain.Invalid("kategori %q tidak ada", slug)
		}
		if err != nil {
			return r, err
		}
		r.categoryID = c.ID
	}
	if f.Tags != nil {
		for _, t := range *f.Tags {
			if t = strings.TrimSpace(t); t != "" {
				if err := checkRunes("topik", t, domain.MaxTagName); err != nil {
					return r, err
				}
				r.tags = append(r.tags, t)
			}
		}
		if len(r.tags) > 30 {
			return r, domain.Invalid("paling banyak 30 topik per artikel")
		}
	}
	if f.PublishedAt != nil {
		t, err := ParseTime(*f.PublishedAt)
		if err != nil {
			return r, err
		}
		r.publishedAt = t
	}
	if f.PhotoURL != nil {
		r.url = strings.TrimSpace(*f.PhotoURL)
		if r.url != "" && !strings.HasPrefix(r.url, "/") && !strings.HasPrefix(r.url, "https://") &&
			!strings.HasPrefix(r.url, "http://") {
			return r, domain.Invalid("alamat foto harus dimulai dengan / atau http(s)://")
		}
		if r.url != "" && f.PhotoWidth == nil && s.media != nil {
			r.photoW, r.photoH, r.photoSized = s.media.Size(r.url)
		}
	}
	if f.PollID != nil && *f.PollID != 0 {
		if _, err := s.store.Poll(ctx, *f.PollID); err != nil {
			if errors.Is(err, domain.ErrNotFound) {
				return r, domain.Invalid("polling %d tidak ada", *f.PollID)
			}
			return r, err
		}
	}
	if f.PhotoCaption != nil {
		if err := checkRunes("keterangan foto", *f.PhotoCaption, MaxCaption); err != nil {
			return r, err
		}
	}
	if f.PhotoCredit != nil {
		if err := checkRunes("sumber foto", *f.PhotoCredit, MaxCredit); err != nil {
			return r, err
		}
	}
	if f.Authors != nil {
		if len(*f.Authors) > MaxAuthors {
			return r, domain.Invalid("paling banyak %d penulis per artikel", MaxAuthors)
		}
		for _, n := range *f.Authors {
			if err := checkRunes("nama penulis", n, domain.MaxAuthorName); err != nil {
				return r, err
			}
		}
		ids, err := s.store.EnsureAuthors(ctx, *f.Authors)
		if err != nil {
			return r, err
		}
		r.authorIDs = ids
	}
	return r, nil
}

// apply copies the set fields, resolved as r, onto in (everything but the
// status). It uses no database: updates call it inside their transaction
// on the article as it is there.
func apply(in *store.ArticleInput, f Fields, r resolved) {
	if f.Title != nil {
		in.Title = r.title
	}
	if f.Slug != nil {
		in.Slug = strings.TrimSpace(*f.Slug)
		if in.Slug == "" { // a fresh one from the title, numbered when taken
			in.Slug, in.SlugFromTitle = domain.Slugify(in.Title), true
		}
	}
	if f.Excerpt != nil {
		in.Excerpt = r.excerpt
	}
	if f.Body != nil {
		in.BodySource, in.BodyHTML = *f.Body, r.bodyHTML
	}
	if f.Category != nil {
		in.CategoryID = r.categoryID
	}
	if f.Tags != nil {
		in.Tags = r.tags
	}
	if f.Authors != nil {
		in.AuthorIDs = r.authorIDs
	}
	if f.PublishedAt != nil {
		in.PublishedAt = r.publishedAt
	}
	if f.Breaking != nil {
		in.Breaking = *f.Breaking
	}
	if f.Featured != nil {
		in.Featured = *f.Featured
	}
	if f.PhotoURL != nil {
		in.Photo.URL = r.url
		if in.Photo.URL == "" {
			in.Photo = domain.Photo{}
		} else if r.photoSized {
			in.Photo.Width, in.Photo.Height = r.photoW, r.photoH
		}
	}
	if f.PhotoCaption != nil {
		in.Photo.Caption = strings.TrimSpace(*f.PhotoCaption)
	}
	if f.PhotoCredit != nil {
		in.Photo.Credit = strings.TrimSpace(*f.PhotoCredit)
	}
	if f.PhotoWidth != nil {
		in.Photo.Width = max(0, *f.PhotoWidth)
	}
	if f.PhotoHeight != nil {
		in.Photo.Height = max(0, *f.PhotoHeight)
	}
	if f.PollID != nil {
		in.PollID = *f.PollID
	}
	if f.BacaJuga != nil {
		in.BacaJugaOff = !*f.BacaJuga
	}
}

// ParseTime reads an RFC 3339 time ("" is the zero time). The newsroom form
// sends "2006-01-02T15:04" in the site zone; use ParseLocal for that.
func ParseTime(v string) (time.Time, error) {
	v = strings.TrimSpace(v)
	if v == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(time.RFC3339, v)
	if err != nil {
		return time.Time{}, domain.Invalid("waktu %q tidak valid: gunakan format RFC 3339, misalnya 2024-06-20T18:34:00+07:00", v)
	}
	return t, nil
}

// settle fills the publish time a status needs and checks it.
func (s *Service) settle(in *store.ArticleInput, prev domain.Article, timeGiven bool) error {
	return settle(in, prev, timeGiven, s.store.Now())
}

func settle(in *store.ArticleInput, prev domain.Article, timeGiven bool, now time.Time) error {
	switch in.Status {
	case domain.StatusPublished:
		if prev.Status == domain.StatusScheduled && !timeGiven {
			in.PublishedAt = now // "publish now" on a scheduled article
		}
		if in.PublishedAt.IsZero() {
			in.PublishedAt = now
		}
		if in.PublishedAt.After(now.Add(time.Minute)) {
			return domain.Invalid("waktu terbit di masa depan: jadwalkan artikel, jangan terbitkan sekarang")
		}
	case domain.StatusScheduled:
		if in.PublishedAt.IsZero() {
			return domain.Invalid("waktu terbit wajib diisi untuk menjadwalkan artikel")
		}
		if !in.PublishedAt.After(now) {
			return domain.Invalid("waktu jadwal harus di masa depan")
		}
	}
	return nil
}

// Create writes a new article for u and returns it. The article, its
// owner, first revision, tags, #HOT decision and search index are written
// in one transaction.
func (s *Service) Create(ctx context.Context, u *domain.User, f Fields) (domain.Article, error) {
	if err := auth.Require(u, auth.PermArticleCreate); err != nil {
		return domain.Article{}, err
	}
	in := store.ArticleInput{Status: domain.StatusDraft, OwnerID: u.ID}
	if u.AuthorID != 0 {
		in.AuthorIDs = []int64{u.AuthorID}
	}
	if f.Slug == nil || strings.TrimSpace(*f.Slug) == "" {
		empty := ""
		f.Slug = &empty         // apply derives it from the title, which it sets first
		in.SlugFromTitle = true // a repeated title gets slug-2, not a conflict
	}
	setHot, hot, err := hotOverride(u, f)
	if err != nil {
		return domain.Article{}, err
	}
	if err := placement(u, f, domain.Article{}); err != nil {
		return domain.Article{}, err
	}
	if f.Status != nil {
		if err := CheckTransition(u, domain.StatusDraft, *f.Status); err != nil {
			return domain.Article{}, err
		}
	}
	if err := checkPublishTime(u, f, time.Time{}); err != nil {
		return domain.Article{}, err
	}
	r, err := s.resolve(ctx, f)
	if err != nil {
		return domain.Article{}, err
	}
	apply(&in, f, r)
	if f.Status != nil {
		in.Status = *f.Status
	}
	if err := s.settle(&in, domain.Article{Status: domain.StatusDraft}, f.PublishedAt != nil); err != nil {
		return domain.Article{}, err
	}
	if until, set, err := breakingUntil(f, domain.Article{}, s.store.Now()); err != nil {
		return domain.Article{}, err
	} else if set {
		in.BreakingUntil = until
	}
	in.SetHot, in.HotManual = setHot, hot
	id, err := s.store.CreateArticle(ctx, in)
	if err != nil {
		return domain.Article{}, err
	}
	return s.store.ArticleByIDAnyStatus(ctx, id)
}

// StaleError is the answer to a save made from an older version of an
// article than the stored one (a 409 conflict): Current is the article as
// it is now, so the editor can see the other change and merge.
type StaleError struct {
	Current domain.Article
	Given   int64 // the version the save was made from
}

func (e *StaleError) Error() string { return e.Unwrap().Error() }

// Unwrap makes the error a domain conflict.
func (e *StaleError) Unwrap() error {
	return domain.Conflict("artikel sudah diubah orang lain sejak Anda membukanya (versi %d, sekarang versi %d)",
		e.Given, e.Current.Version)
}

// Update writes the fields set in f (and the status move, if any) of an
// article, in one transaction on the article as it is at that moment: two
// saves that change different fields both stay. When f.Version is set and
// the article has moved on since, nothing is written and the error is a
// *StaleError.
func (s *Service) Update(ctx context.Context, u *domain.User, id int64, f Fields) (domain.Article, error) {
	setHot, hot, err := hotOverride(u, f)
	if err != nil {
		return domain.Article{}, err
	}
	r, err := s.resolve(ctx, f)
	if err != nil {
		return domain.Article{}, err
	}
	now := s.store.Now()
	var oldPhoto domain.Photo
	a, err := s.store.EditArticle(ctx, id, func(cur store.ArticleState, in *store.ArticleInput) error {
		oldPhoto = cur.Photo
		if err := canEditAs(u, cur.Article, cur.OwnerID); err != nil {
			return err
		}
		if f.Version != 0 && f.Version != cur.Version {
			return &StaleError{Current: cur.Article, Given: f.Version}
		}
		if err := checkPublishTime(u, f, cur.PublishedAt); err != nil {
			return err
		}
		if err := placement(u, f, cur.Article); err != nil {
			return err
		}
		apply(in, f, r)
		if f.Status != nil {
			if err := CheckTransition(u, cur.Status, *f.Status); err != nil {
				return err
			}
			in.Status = *f.Status
		}
		if err := settle(in, cur.Article, f.PublishedAt != nil, now); err != nil {
			return err
		}
		if until, set, err := breakingUntil(f, cur.Article, now); err != nil {
			return err
		} else if set {
			in.BreakingUntil = until
		}
		in.SetHot, in.HotManual = setHot, hot
		in.OwnerID = u.ID // the revision's author
		return nil
	})
	if err == nil && oldPhoto.URL != a.Photo.URL {
		s.dropPhoto(ctx, oldPhoto)
	}
	return a, err
}

// dropPhoto deletes the stored copies of a photo no article shows any more
// (a replaced or removed lead photo, a deleted article's). Failing to
// delete leaves files behind, never breaks the save.
func (s *Service) dropPhoto(ctx context.Context, p domain.Photo) {
	if s.media == nil || p.URL == "" {
		return
	}
	if used, err := s.store.PhotoInUse(ctx, p.URL); err != nil || used {
		return
	}
	s.media.Delete(ctx, p.URL, p.Width)
}

// Delete removes an article: editors any, writers their own drafts.
func (s *Service) Delete(ctx context.Context, u *domain.User, id int64) error {
	a, err := s.store.ArticleByIDAnyStatus(ctx, id)
	if err != nil {
		return err
	}
	if !auth.Can(u.Role, auth.PermArticleDelete) {
		if err := s.canEdit(ctx, u, a); err != nil {
			return err
		}
	}
	if err := s.store.DeleteArticle(ctx, id); err != nil {
		return err
	}
	s.dropPhoto(ctx, a.Photo)
	return nil
}

// AddNote adds a correction or update note to a published article.
func (s *Service) AddNote(ctx context.Context, u *domain.User, id int64, kind, body string) (domain.Note, error) {
	if err := auth.Require(u, auth.PermArticleNotes); err != nil {
		return domain.Note{}, err
	}
	a, err := s.store.ArticleByIDAnyStatus(ctx, id)
	if err != nil {
		return domain.Note{}, err
	}
	if a.Status != domain.StatusPublished {
		return domain.Note{}, domain.Conflict("ralat dan catatan pembaruan hanya untuk artikel yang sudah terbit")
	}
	if err := checkText("catatan", body, 5000); err != nil {
		return domain.Note{}, err
	}
	n := domain.Note{ArticleID: id, Kind: kind, Body: body, UserID: u.ID}
	if n.ID, err = s.store.AddNote(ctx, n); err != nil {
		return n, err
	}
	notes, err := s.store.Notes(ctx, id)
	if err != nil {
		return n, err
	}
	for _, x := range notes {
		if x.ID == n.ID {
			return x, nil
		}
	}
	return n, nil
}

// Lock records that u is editing an article and returns who else is.
func (s *Service) Lock(ctx context.Context, u *domain.User, id int64) (domain.EditLock, error) {
	st, err := s.EditStatus(ctx, u, id, false)
	return st.Holder, err
}

// EditTTL is how long an open editor counts as present without a
// heartbeat (the editor page sends one every 15 s).
const EditTTL = 45 * time.Second

// EditStatus records that u has the editor of an article open (taking the
// lock when nobody else holds it, or from its holder when takeOver is set)
// and returns who else is there.
func (s *Service) EditStatus(ctx context.Context, u *domain.User, id int64, takeOver bool) (store.EditStatus, error) {
	a, err := s.Article(ctx, u, id)
	if err != nil {
		return store.EditStatus{}, err
	}
	if takeOver {
		if err := s.canEdit(ctx, u, a); err != nil {
			return store.EditStatus{}, err
		}
	}
	return s.store.EditPresence(ctx, id, u.ID, EditTTL, takeOver)
}

// LeaveEditor records that u closed an article's editor.
func (s *Service) LeaveEditor(ctx context.Context, u *domain.User, id int64) error {
	return s.store.LeaveEditor(ctx, id, u.ID)
}

// MayUpload says whether u may upload images (checked before the body is
// read, and again by Upload).
func (s *Service) MayUpload(u *domain.User) error { return auth.Require(u, auth.PermUpload) }

// Upload stores an image for u.
func (s *Service) Upload(u *domain.User, data []byte) (media.Image, error) {
	if err := s.MayUpload(u); err != nil {
		return media.Image{}, err
	}
	if s.media == nil {
		return media.Image{}, domain.Invalid("unggahan tidak diaktifkan di server ini")
	}
	return s.media.Save(data)
}
