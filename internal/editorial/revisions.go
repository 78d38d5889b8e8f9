package editorial

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"time"

	"warta/internal/auth"
	"warta/internal/domain"
)

// Revisions lists an article's revisions for u.
func (s *Service) Revisions(ctx context.Context, u *domain.User, id int64) ([]domain.Revision, error) {
	if _, err := s.Article(ctx, u, id); err != nil {
		return nil, err
	}
	return s.store.Revisions(ctx, id)
}

// Compare returns two revisions of an article and the line diff between
// them: title, excerpt and body, then (when both kept every field) one line
// per other field, times in loc.
func (s *Service) Compare(ctx context.Context, u *domain.User, id, from, to int64, loc *time.Location) (domain.Revision, domain.Revision, []DiffLine, error) {
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
	return a, b, Diff(RevisionText(a, b.AllFields, loc), RevisionText(b, a.AllFields, loc)), nil
}

// RevisionText is a revision as the comparison reads it: "# title", the
// excerpt and the body, then, when the revision kept every field and
// fields is set (the other side kept them too), a line per field.
func RevisionText(r domain.Revision, fields bool, loc *time.Location) string {
	var b strings.Builder
	b.WriteString("# " + r.Title + "\n\n" + r.Excerpt + "\n\n" + r.BodySource)
	if !r.AllFields || !fields {
		return b.String()
	}
	yes := func(v bool) string {
		if v {
			return "ya"
		}
		return "tidak"
	}
	var authors []string
	for _, a := range r.Authors {
		authors = append(authors, a.Name)
	}
	when := "—"
	if !r.PublishedAt.IsZero() {
		when = r.PublishedAt.In(loc).Format("2006-01-02 15:04 MST")
	}
	poll := "tanpa polling"
	if r.PollID != 0 {
		poll = "polling #" + strconv.FormatInt(r.PollID, 10)
	}
	b.WriteString("\n\n———\nKategori: " + orDash(r.Category.Name) + "\nTopik: " + orDash(strings.Join(r.Tags, ", ")) +
		"\nPenulis: " + orDash(strings.Join(authors, ", ")) + "\nFoto utama: " + orDash(r.Photo.URL) +
		"\nKeterangan foto: " + orDash(r.Photo.Caption) + "\nSumber foto: " + orDash(r.Photo.Credit) +
		"\nWaktu terbit: " + when + "\nBreaking news: " + yes(r.Breaking) + "\nBerita utama: " + yes(r.Featured) +
		"\nLencana #HOT: " + HotLabel(HotBadgeOf(r.HotManual)) + "\nPolling: " + poll +
		"\nTautan “Baca juga”: " + bacaJugaLabel(r.BacaJugaOff))
	return b.String()
}

// bacaJugaLabel is a revision's "Baca juga" switch in Indonesian.
func bacaJugaLabel(off *bool) string {
	switch {
	case off == nil:
		return "— (revisi lama tidak menyimpannya)"
	case *off:
		return "dimatikan"
	}
	return "tampil"
}

func orDash(s string) string {
	if strings.TrimSpace(s) == "" {
		return "—"
	}
	return s
}

// HotBadgeOf is an editor's #HOT decision as the hot_badge field says it:
// "auto" (nil: the trending job decides), "on" or "off".
func HotBadgeOf(v *bool) string {
	switch {
	case v == nil:
		return "auto"
	case *v:
		return "on"
	}
	return "off"
}

// HotLabel is a hot_badge value in Indonesian.
func HotLabel(badge string) string {
	return map[string]string{"auto": "otomatis", "on": "selalu tampil", "off": "jangan tampilkan"}[badge]
}

// Restore brings back a revision as a new save (so the restore itself can
// be undone): every field it kept, as far as u may set it and it still
// exists. Kept lists, in Indonesian, what stayed as it is and why: a
// revision from before every field was kept brings back only the text, one
// from before the "Baca juga" switch was kept leaves the switch; a
// category, byline or poll deleted since, or a photo whose files were
// deleted (a replaced photo's are), stay as they are now; only editors
// restore Breaking, Berita utama, #HOT and the publish time, and a
// published article keeps its publish time (a scheduled one too when the
// revision's time has passed).
func (s *Service) Restore(ctx context.Context, u *domain.User, id, revID int64) (a domain.Article, kept []string, err error) {
	cur, err := s.Article(ctx, u, id)
	if err != nil {
		return cur, nil, err
	}
	r, err := s.store.Revision(ctx, id, revID)
	if err != nil {
		return cur, nil, err
	}
	f := Fields{Title: &r.Title, Slug: &r.Slug, Excerpt: &r.Excerpt, Body: &r.BodySource}
	if !r.AllFields {
		kept = append(kept, "bagian lain selain judul, slug, ringkasan dan isi (revisi lama hanya menyimpan teks)")
		a, err = s.Update(ctx, u, id, f)
		return a, kept, err
	}
	if r.Category.Slug != "" {
		f.Category = &r.Category.Slug
	} else {
		kept = append(kept, "kategori (sudah dihapus)")
	}
	tags := append([]string{}, r.Tags...)
	f.Tags = &tags
	authors := []string{}
	for _, au := range r.Authors {
		authors = append(authors, au.Slug)
	}
	f.Authors = &authors
	if r.Photo.URL == "" || s.media == nil || s.media.Exists(ctx, r.Photo.URL) {
		f.PhotoURL, f.PhotoCaption, f.PhotoCredit = &r.Photo.URL, &r.Photo.Caption, &r.Photo.Credit
		f.PhotoWidth, f.PhotoHeight = &r.Photo.Width, &r.Photo.Height
	} else {
		kept = append(kept, "foto utama (berkasnya sudah dihapus)")
	}
	if r.PollID != 0 {
		if _, err := s.store.Poll(ctx, r.PollID); errors.Is(err, domain.ErrNotFound) {
			kept = append(kept, "polling (sudah dihapus)")
		} else if err != nil {
			return cur, nil, err
		} else {
			f.PollID = &r.PollID
		}
	} else {
		f.PollID = &r.PollID
	}
	if r.BacaJugaOff != nil {
		on := !*r.BacaJugaOff
		f.BacaJuga = &on
	} else {
		kept = append(kept, "tautan “Baca juga” (revisi lama tidak menyimpannya)")
	}
	if auth.Can(u.Role, auth.PermArticlePublish) {
		hot := HotBadgeOf(r.HotManual)
		f.Breaking, f.Featured, f.HotBadge = &r.Breaking, &r.Featured, &hot
		now := s.store.Now()
		switch {
		case cur.Status == domain.StatusPublished:
			if !r.PublishedAt.IsZero() && !r.PublishedAt.Equal(cur.PublishedAt) {
				kept = append(kept, "waktu terbit (artikel sudah terbit)")
			}
		case cur.Status == domain.StatusScheduled && !r.PublishedAt.After(now):
			kept = append(kept, "waktu terbit (jadwal di revisi itu sudah lewat)")
		default:
			t := ""
			if !r.PublishedAt.IsZero() {
				t = r.PublishedAt.Format(time.RFC3339Nano)
			}
			f.PublishedAt = &t
		}
	} else if r.Breaking != cur.Breaking || r.Featured != cur.Featured {
		kept = append(kept, "Breaking news dan Berita utama (hanya editor yang mengaturnya)")
	}
	a, err = s.Update(ctx, u, id, f)
	return a, kept, err
}
