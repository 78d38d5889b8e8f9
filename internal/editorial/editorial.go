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
	store  *store.Store
	render *render.Renderer
	media  *media.Store
}

// New builds the service; media may be nil when uploads are off.
func New(st *store.Store, r *render.Renderer, m *media.Store) *Service {
	return &Service{store: st, render: r, media: m}
}

// Store exposes the store for read-only pages.
func (s *Service) Store() *store.Store { return s.store }

// Media is the upload store (nil when uploads are off).
func (s *Service) Media() *media.Store { return s.media }

// Fields is a set of article fields to write; nil fields are left alone (on
// create: empty). The admin API decodes its JSON straight into it.
type Fields struct {
	Title        *string        `json:"title"`
	Slug         *string        `json:"slug"`
	Excerpt      *string        `json:"excerpt"`
	Body         *string        `json:"body"`
	Category     *string        `json:"category"` // slug
	Tags         *[]string      `json:"tags"`     // names, created on the fly
	Authors      *[]string      `json:"authors"`  // names or slugs, created on the fly
	Status       *domain.Status `json:"status"`
	PublishedAt  *string        `json:"published_at"` // RFC 3339; "" clears
	Breaking     *bool          `json:"breaking"`
	Featured     *bool          `json:"featured"`
	PhotoURL     *string        `json:"photo_url"`
	PhotoCaption *string        `json:"photo_caption"`
	PhotoCredit  *string        `json:"photo_credit"`
	PhotoWidth   *int           `json:"photo_width"`
	PhotoHeight  *int           `json:"photo_height"`
	PollID       *int64         `json:"poll_id"` // 0 detaches
	// HotBadge is the editor's decision on the #HOT badge: "auto" (the
	// trending job decides), "on" or "off". Editors and admins only.
	HotBadge *string `json:"hot_badge"`
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
func (s *Service) Preview(body string) (string, error) {
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
	if t.IsZero() || t.Truncate(time.Second).Equal(stored.Truncate(time.Second)) {
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
	if err := auth.Require(u, auth.PermArticleCreate); err != nil {
		return err
	}
	owner, err := s.store.ArticleOwner(ctx, a.ID)
	if err != nil {
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

func inputFrom(a domain.Article) store.ArticleInput {
	in := store.ArticleInput{Slug: a.Slug, Title: a.Title, Excerpt: a.Excerpt, BodySource: a.BodySource, BodyHTML: a.BodyHTML,
		Photo: a.Photo, CategoryID: a.Category.ID, Status: a.Status, PublishedAt: a.PublishedAt,
		Breaking: a.Breaking, Featured: a.Featured, Hot: a.Hot, PollID: a.PollID}
	for _, t := range a.Tags {
		in.Tags = append(in.Tags, t.Name)
	}
	for _, au := range a.Authors {
		in.AuthorIDs = append(in.AuthorIDs, au.ID)
	}
	return in
}

// apply copies the set fields onto in (everything but the status).
func (s *Service) apply(ctx context.Context, in *store.ArticleInput, f Fields) error {
	if f.Title != nil {
		if err := checkText("judul", *f.Title, MaxTitle*4); err != nil {
			return err
		}
		in.Title = strings.TrimSpace(*f.Title)
		if utf8.RuneCountInString(in.Title) > MaxTitle {
			return domain.Invalid("judul terlalu panjang (paling banyak %d karakter)", MaxTitle)
		}
	}
	if f.Slug != nil {
		in.Slug = strings.TrimSpace(*f.Slug)
		if in.Slug == "" {
			in.Slug = domain.Slugify(in.Title)
		}
	}
	if f.Excerpt != nil {
		if err := checkText("ringkasan", *f.Excerpt, MaxExcerpt*4); err != nil {
			return err
		}
		in.Excerpt = strings.TrimSpace(*f.Excerpt)
	}
	if f.Body != nil {
		html, err := s.Preview(*f.Body)
		if err != nil {
			return err
		}
		in.BodySource, in.BodyHTML = *f.Body, html
	}
	if f.Category != nil {
		slug := strings.TrimSpace(*f.Category)
		if slug == "" {
			return domain.Invalid("kategori wajib dipilih")
		}
		c, err := s.store.CategoryBySlug(ctx, slug)
		if errors.Is(err, domain.ErrNotFound) {
			return domain.Invalid("kategori %q tidak ada", slug)
		}
		if err != nil {
			return err
		}
		in.CategoryID = c.ID
	}
	if f.Tags != nil {
		in.Tags = nil
		for _, t := range *f.Tags {
			if t = strings.TrimSpace(t); t != "" {
				if err := checkRunes("topik", t, domain.MaxTagName); err != nil {
					return err
				}
				in.Tags = append(in.Tags, t)
			}
		}
		if len(in.Tags) > 30 {
			return domain.Invalid("paling banyak 30 topik per artikel")
		}
	}
	if f.Authors != nil {
		if len(*f.Authors) > MaxAuthors {
			return domain.Invalid("paling banyak %d penulis per artikel", MaxAuthors)
		}
		for _, n := range *f.Authors {
			if err := checkRunes("nama penulis", n, domain.MaxAuthorName); err != nil {
				return err
			}
		}
		ids, err := s.store.EnsureAuthors(ctx, *f.Authors)
		if err != nil {
			return err
		}
		in.AuthorIDs = ids
	}
	if f.PublishedAt != nil {
		t, err := ParseTime(*f.PublishedAt)
		if err != nil {
			return err
		}
		in.PublishedAt = t
	}
	if f.Breaking != nil {
		in.Breaking = *f.Breaking
	}
	if f.Featured != nil {
		in.Featured = *f.Featured
	}
	if f.PhotoURL != nil {
		in.Photo.URL = strings.TrimSpace(*f.PhotoURL)
		if in.Photo.URL != "" && !strings.HasPrefix(in.Photo.URL, "/") && !strings.HasPrefix(in.Photo.URL, "https://") &&
			!strings.HasPrefix(in.Photo.URL, "http://") {
			return domain.Invalid("alamat foto harus dimulai dengan / atau http(s)://")
		}
		if in.Photo.URL == "" {
			in.Photo = domain.Photo{}
		} else if f.PhotoWidth == nil && s.media != nil {
			if w, h, ok := s.media.Size(in.Photo.URL); ok {
				in.Photo.Width, in.Photo.Height = w, h
			}
		}
	}
	if f.PhotoCaption != nil {
		if err := checkRunes("keterangan foto", *f.PhotoCaption, MaxCaption); err != nil {
			return err
		}
		in.Photo.Caption = strings.TrimSpace(*f.PhotoCaption)
	}
	if f.PhotoCredit != nil {
		if err := checkRunes("sumber foto", *f.PhotoCredit, MaxCredit); err != nil {
			return err
		}
		in.Photo.Credit = strings.TrimSpace(*f.PhotoCredit)
	}
	if f.PhotoWidth != nil {
		in.Photo.Width = max(0, *f.PhotoWidth)
	}
	if f.PhotoHeight != nil {
		in.Photo.Height = max(0, *f.PhotoHeight)
	}
	if f.PollID != nil {
		if *f.PollID != 0 {
			if _, err := s.store.Poll(ctx, *f.PollID); err != nil {
				if errors.Is(err, domain.ErrNotFound) {
					return domain.Invalid("polling %d tidak ada", *f.PollID)
				}
				return err
			}
		}
		in.PollID = *f.PollID
	}
	return nil
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
	now := s.store.Now()
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

// Create writes a new article for u and returns it.
func (s *Service) Create(ctx context.Context, u *domain.User, f Fields) (domain.Article, error) {
	if err := auth.Require(u, auth.PermArticleCreate); err != nil {
		return domain.Article{}, err
	}
	in := store.ArticleInput{Status: domain.StatusDraft}
	if u.AuthorID != 0 {
		in.AuthorIDs = []int64{u.AuthorID}
	}
	if f.Slug == nil || strings.TrimSpace(*f.Slug) == "" {
		empty := ""
		f.Slug = &empty // apply derives it from the title, which it sets first
	}
	if err := checkPublishTime(u, f, time.Time{}); err != nil {
		return domain.Article{}, err
	}
	if err := s.apply(ctx, &in, f); err != nil {
		return domain.Article{}, err
	}
	if f.Status != nil {
		if err := CheckTransition(u, domain.StatusDraft, *f.Status); err != nil {
			return domain.Article{}, err
		}
		in.Status = *f.Status
	}
	if err := s.settle(&in, domain.Article{Status: domain.StatusDraft}, f.PublishedAt != nil); err != nil {
		return domain.Article{}, err
	}
	setHot, hot, err := hotOverride(u, f)
	if err != nil {
		return domain.Article{}, err
	}
	id, err := s.store.CreateArticle(ctx, in)
	if err != nil {
		return domain.Article{}, err
	}
	if setHot {
		if err := s.store.SetHotOverride(ctx, id, hot); err != nil {
			return domain.Article{}, err
		}
	}
	if err := s.store.SetArticleOwner(ctx, id, u.ID); err != nil {
		return domain.Article{}, err
	}
	if _, err := s.store.AddRevision(ctx, domain.Revision{ArticleID: id, UserID: u.ID, Title: in.Title, Slug: in.Slug,
		Excerpt: in.Excerpt, BodySource: in.BodySource, Status: in.Status}); err != nil {
		return domain.Article{}, err
	}
	return s.store.ArticleByIDAnyStatus(ctx, id)
}

// Update writes the set fields (and the status move, if any) of an article.
func (s *Service) Update(ctx context.Context, u *domain.User, id int64, f Fields) (domain.Article, error) {
	a, err := s.store.ArticleByIDAnyStatus(ctx, id)
	if err != nil {
		return a, err
	}
	if err := s.canEdit(ctx, u, a); err != nil {
		return a, err
	}
	in := inputFrom(a)
	if err := checkPublishTime(u, f, a.PublishedAt); err != nil {
		return a, err
	}
	if err := s.apply(ctx, &in, f); err != nil {
		return a, err
	}
	if f.Status != nil {
		if err := CheckTransition(u, a.Status, *f.Status); err != nil {
			return a, err
		}
		in.Status = *f.Status
	}
	if err := s.settle(&in, a, f.PublishedAt != nil); err != nil {
		return a, err
	}
	setHot, hot, err := hotOverride(u, f)
	if err != nil {
		return a, err
	}
	if err := s.store.UpdateArticle(ctx, id, in); err != nil {
		return a, err
	}
	if setHot {
		if err := s.store.SetHotOverride(ctx, id, hot); err != nil {
			return a, err
		}
	}
	if _, err := s.store.AddRevision(ctx, domain.Revision{ArticleID: id, UserID: u.ID, Title: in.Title, Slug: in.Slug,
		Excerpt: in.Excerpt, BodySource: in.BodySource, Status: in.Status}); err != nil {
		return a, err
	}
	return s.store.ArticleByIDAnyStatus(ctx, id)
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
	return s.store.DeleteArticle(ctx, id)
}

// Revisions lists an article's revisions for u.
func (s *Service) Revisions(ctx context.Context, u *domain.User, id int64) ([]domain.Revision, error) {
	if _, err := s.Article(ctx, u, id); err != nil {
		return nil, err
	}
	return s.store.Revisions(ctx, id)
}

// Compare returns two revisions of an article and the line diff between them.
func (s *Service) Compare(ctx context.Context, u *domain.User, id, from, to int64) (domain.Revision, domain.Revision, []DiffLine, error) {
	if _, err := s.Article(ctx, u, id); err != nil {
		return domain.Revision{}, domain.Revision{}, nil, err
	}
	a, err := s.store.Revision(ctx, id, from)
	if err != nil {
		return a, a, nil, err
	}
	b, err := s.store.Revision(ctx, id, to)
	if err != nil {
		return a, b, nil, err
	}
	left := "# " + a.Title + "\n\n" + a.Excerpt + "\n\n" + a.BodySource
	right := "# " + b.Title + "\n\n" + b.Excerpt + "\n\n" + b.BodySource
	return a, b, Diff(left, right), nil
}

// Restore brings back a revision's title, slug, excerpt and body as a new
// save (so the restore itself can be undone).
func (s *Service) Restore(ctx context.Context, u *domain.User, id, revID int64) (domain.Article, error) {
	if _, err := s.Article(ctx, u, id); err != nil {
		return domain.Article{}, err
	}
	r, err := s.store.Revision(ctx, id, revID)
	if err != nil {
		return domain.Article{}, err
	}
	return s.Update(ctx, u, id, Fields{Title: &r.Title, Slug: &r.Slug, Excerpt: &r.Excerpt, Body: &r.BodySource})
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
	if _, err := s.Article(ctx, u, id); err != nil {
		return domain.EditLock{}, err
	}
	return s.store.TakeEditLock(ctx, id, u.ID, 90*time.Second)
}

// Upload stores an image for u.
func (s *Service) Upload(u *domain.User, data []byte) (media.Image, error) {
	if err := auth.Require(u, auth.PermUpload); err != nil {
		return media.Image{}, err
	}
	if s.media == nil {
		return media.Image{}, domain.Invalid("unggahan tidak diaktifkan di server ini")
	}
	return s.media.Save(data)
}
