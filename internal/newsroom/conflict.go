package newsroom

import (
	"net/http"
	"strconv"
	"strings"

	"warta/internal/auth"
	"warta/internal/domain"
	"warta/internal/editorial"
)

// A save made from an older version of the article than the stored one is
// refused (409). The editor page then shows what the other editor changed:
// fields only they changed are taken into the form, fields only this
// editor changed are kept, and fields both changed are listed with both
// values and a choice ("keep mine" / "take theirs"; the choice works
// without JavaScript: the other value travels in a hidden field). The form
// then carries the current version, so the next save goes through.

// conflict is what the editor page shows about a refused save.
type conflict struct {
	By     string // who saved the version now stored ("" when unknown)
	At     string // when
	Taken  []string
	Fields []conflictField
}

// conflictField is a field both editors changed.
type conflictField struct {
	Name, Label  string
	Mine, Theirs string // as shown
	TheirsRaw    string // the form value of theirs
}

// mergeField is one form field that a conflict can concern. The value in
// the version the editor opened comes from its revision (formOf): every
// field for revisions that keep every field, only the text (text) for
// older ones.
type mergeField struct {
	name, label string
	get         func(*articleForm) string
	set         func(*articleForm, string)
	text        bool                // kept by every revision, also the old ones
	editors     bool                // on the form only for editors (Breaking, Berita utama, #HOT)
	show        func(string) string // how a value is shown; nil: as it is
	// kept reports whether a revision kept the field (nil: every revision
	// that kept all fields did); where the base revision did not, both
	// versions are shown to choose from.
	kept func(domain.Revision) bool
}

// never: revisions do not keep the field.
func never(domain.Revision) bool { return false }

func boolField(v bool) string {
	if v {
		return "1"
	}
	return ""
}

// The lead photo is one field: its URL with the size of its largest copy
// ("URL WxH"), so taking the other photo takes its size too.
func photoField(f *articleForm) string {
	if f.PhotoURL == "" {
		return ""
	}
	return f.PhotoURL + " " + strconv.Itoa(f.PhotoWidth) + "x" + strconv.Itoa(f.PhotoHeight)
}

func setPhoto(f *articleForm, v string) {
	url, size, _ := strings.Cut(strings.TrimSpace(v), " ")
	w, h, _ := strings.Cut(size, "x")
	f.PhotoURL = url
	f.PhotoWidth, _ = strconv.Atoi(w)
	f.PhotoHeight, _ = strconv.Atoi(h)
}

func showPhoto(v string) string { url, _, _ := strings.Cut(v, " "); return url }

func showYesNo(v string) string {
	if v != "" {
		return "ya"
	}
	return "tidak"
}

var mergeFields = []mergeField{
	{name: "title", label: "Judul", get: func(f *articleForm) string { return f.Title }, set: func(f *articleForm, v string) { f.Title = v }, text: true},
	{name: "slug", label: "Slug", get: func(f *articleForm) string { return f.Slug }, set: func(f *articleForm, v string) { f.Slug = v }, text: true},
	{name: "excerpt", label: "Ringkasan", get: func(f *articleForm) string { return f.Excerpt }, set: func(f *articleForm, v string) { f.Excerpt = v }, text: true},
	{name: "body", label: "Isi berita", get: func(f *articleForm) string { return f.Body }, set: func(f *articleForm, v string) { f.Body = v }, text: true},
	{name: "category", label: "Kategori", get: func(f *articleForm) string { return f.Category }, set: func(f *articleForm, v string) { f.Category = v }},
	{name: "tags", label: "Topik", get: func(f *articleForm) string { return f.Tags }, set: func(f *articleForm, v string) { f.Tags = v }},
	{name: "authors", label: "Penulis", get: func(f *articleForm) string { return f.Authors }, set: func(f *articleForm, v string) { f.Authors = v }},
	{name: "photo", label: "Foto utama", get: photoField, set: setPhoto, show: showPhoto},
	{name: "photo_caption", label: "Keterangan foto", get: func(f *articleForm) string { return f.PhotoCaption }, set: func(f *articleForm, v string) { f.PhotoCaption = v }},
	{name: "photo_credit", label: "Sumber foto", get: func(f *articleForm) string { return f.PhotoCredit }, set: func(f *articleForm, v string) { f.PhotoCredit = v }},
	{name: "published_at", label: "Waktu terbit", get: func(f *articleForm) string { return f.PublishedAt }, set: func(f *articleForm, v string) { f.PublishedAt = v }},
	{name: "breaking", label: "Breaking news", get: func(f *articleForm) string { return boolField(f.Breaking) }, set: func(f *articleForm, v string) { f.Breaking = v != "" }, editors: true, show: showYesNo},
	{name: "baca_juga_off", label: "Tanpa “Baca juga”", get: func(f *articleForm) string { return boolField(f.BacaJugaOff) },
		set: func(f *articleForm, v string) { f.BacaJugaOff = v != "" }, show: showYesNo,
		kept: func(r domain.Revision) bool { return r.BacaJugaOff != nil }}, // since migration 0170
	{name: "breaking_until", label: "Breaking sampai", get: func(f *articleForm) string { return f.BreakingUntil }, set: func(f *articleForm, v string) { f.BreakingUntil = v }, editors: true,
		kept: never},
	{name: "featured", label: "Berita utama", get: func(f *articleForm) string { return boolField(f.Featured) }, set: func(f *articleForm, v string) { f.Featured = v != "" }, editors: true, show: showYesNo},
	{name: "hot_badge", label: "Lencana #HOT", get: func(f *articleForm) string { return f.HotBadge }, set: func(f *articleForm, v string) { f.HotBadge = v }, editors: true,
		show: editorial.HotLabel},
	{name: "poll_id", label: "Polling", get: func(f *articleForm) string { return strconv.FormatInt(f.PollID, 10) }, set: func(f *articleForm, v string) { f.PollID, _ = strconv.ParseInt(v, 10, 64) },
		show: func(v string) string {
			if v == "0" {
				return "tanpa polling"
			}
			return "polling #" + v
		}},
}

// takeTheirs applies the choices of a conflict panel: for every field the
// editor chose the other version of, the form takes that value.
func takeTheirs(r *http.Request, f *articleForm) {
	for _, m := range mergeFields {
		if r.PostFormValue("gabung_"+m.name) == "theirs" {
			m.set(f, r.PostFormValue("lain_"+m.name))
		}
	}
}

func shown(m mergeField, v string) string {
	if m.show != nil {
		v = m.show(v)
	}
	if strings.TrimSpace(v) == "" {
		return "(kosong)"
	}
	return v
}

// formOf is the editor form as a revision would have filled it.
func (u *UI) formOf(rev domain.Revision) articleForm {
	a := domain.Article{Title: rev.Title, Slug: rev.Slug, Excerpt: rev.Excerpt, BodySource: rev.BodySource,
		Category: rev.Category, Authors: rev.Authors, Photo: rev.Photo, PublishedAt: rev.PublishedAt,
		Breaking: rev.Breaking, Featured: rev.Featured, PollID: rev.PollID}
	for _, t := range rev.Tags {
		a.Tags = append(a.Tags, domain.Tag{Name: t})
	}
	f := u.formFrom(a)
	f.HotBadge = editorial.HotBadgeOf(rev.HotManual)
	f.BacaJugaOff = rev.BacaJugaOff != nil && *rev.BacaJugaOff
	return f
}

// showConflict answers a stale save: 409 with the editor page, the form
// merged as far as it can be, and the fields both editors changed.
func (u *UI) showConflict(w http.ResponseWriter, r *http.Request, p *auth.Principal, stale *editorial.StaleError, mine articleForm) error {
	cur := stale.Current
	theirs := u.formFrom(cur)
	if mine.Placement {
		var err error
		if theirs.HotBadge, err = u.ed.HotBadge(r.Context(), &p.User, cur.ID); err != nil {
			return err
		}
	}
	var base articleForm
	var baseRev domain.Revision
	baseOK := false
	if rev, ok, err := u.ed.RevisionAtVersion(r.Context(), &p.User, cur.ID, stale.Given); err != nil {
		return err
	} else if ok {
		base, baseRev, baseOK = u.formOf(rev), rev, true
	}
	c := &conflict{}
	if rev, ok, err := u.ed.RevisionAtVersion(r.Context(), &p.User, cur.ID, cur.Version); err == nil && ok {
		c.By, c.At = rev.UserName, whenOrDash(rev.CreatedAt, u.cfg.Location)
	}
	merged := mine
	merged.Version = cur.Version
	for _, m := range mergeFields {
		if m.editors && !mine.Placement { // not on this editor's form: stays as stored
			continue
		}
		mv, tv := m.get(&mine), m.get(&theirs)
		if strings.TrimSpace(mv) == strings.TrimSpace(tv) {
			continue
		}
		if baseOK && (m.text || baseRev.AllFields && (m.kept == nil || m.kept(baseRev))) {
			bv := m.get(&base)
			if strings.TrimSpace(mv) == strings.TrimSpace(bv) { // only they changed it
				m.set(&merged, tv)
				c.Taken = append(c.Taken, m.label)
				continue
			}
			if strings.TrimSpace(tv) == strings.TrimSpace(bv) { // only I changed it
				continue
			}
		}
		c.Fields = append(c.Fields, conflictField{Name: m.name, Label: m.label, Mine: shown(m, mv), Theirs: shown(m, tv), TheirsRaw: tv})
	}
	pg, err := u.editorPage(r, p, cur, merged)
	if err != nil {
		return err
	}
	pg.Conflict = c
	pg.Error = "Artikel ini sudah disimpan orang lain sejak Anda membukanya. Periksa perbedaannya di bawah, lalu simpan lagi."
	u.render(w, "editor", http.StatusConflict, pg)
	return nil
}
