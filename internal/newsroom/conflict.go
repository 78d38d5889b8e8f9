package newsroom

import (
	"net/http"
	"strconv"
	"strings"

	"warta/internal/auth"
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
	// OtherPhoto is the stored version's photo width and height.
	OtherPhoto [2]int
}

// conflictField is a field both editors changed.
type conflictField struct {
	Name, Label  string
	Mine, Theirs string // as shown
	TheirsRaw    string // the form value of theirs
}

// mergeField is one form field that a conflict can concern.
type mergeField struct {
	name, label string
	get         func(*articleForm) string
	set         func(*articleForm, string)
	base        func(text [4]string) (string, bool) // the value in the version the editor opened, when revisions keep it
}

func boolField(v bool) string {
	if v {
		return "1"
	}
	return ""
}

func baseText(i int) func([4]string) (string, bool) {
	return func(t [4]string) (string, bool) { return t[i], true }
}

var mergeFields = []mergeField{
	{"title", "Judul", func(f *articleForm) string { return f.Title }, func(f *articleForm, v string) { f.Title = v }, baseText(0)},
	{"slug", "Slug", func(f *articleForm) string { return f.Slug }, func(f *articleForm, v string) { f.Slug = v }, baseText(1)},
	{"excerpt", "Ringkasan", func(f *articleForm) string { return f.Excerpt }, func(f *articleForm, v string) { f.Excerpt = v }, baseText(2)},
	{"body", "Isi berita", func(f *articleForm) string { return f.Body }, func(f *articleForm, v string) { f.Body = v }, baseText(3)},
	{"category", "Kategori", func(f *articleForm) string { return f.Category }, func(f *articleForm, v string) { f.Category = v }, nil},
	{"tags", "Topik", func(f *articleForm) string { return f.Tags }, func(f *articleForm, v string) { f.Tags = v }, nil},
	{"authors", "Penulis", func(f *articleForm) string { return f.Authors }, func(f *articleForm, v string) { f.Authors = v }, nil},
	{"photo_url", "Foto utama", func(f *articleForm) string { return f.PhotoURL }, func(f *articleForm, v string) { f.PhotoURL = v }, nil},
	{"photo_caption", "Keterangan foto", func(f *articleForm) string { return f.PhotoCaption }, func(f *articleForm, v string) { f.PhotoCaption = v }, nil},
	{"photo_credit", "Sumber foto", func(f *articleForm) string { return f.PhotoCredit }, func(f *articleForm, v string) { f.PhotoCredit = v }, nil},
	{"published_at", "Waktu terbit", func(f *articleForm) string { return f.PublishedAt }, func(f *articleForm, v string) { f.PublishedAt = v }, nil},
	{"breaking", "Breaking news", func(f *articleForm) string { return boolField(f.Breaking) }, func(f *articleForm, v string) { f.Breaking = v != "" }, nil},
	{"featured", "Berita utama", func(f *articleForm) string { return boolField(f.Featured) }, func(f *articleForm, v string) { f.Featured = v != "" }, nil},
	{"poll_id", "Polling", func(f *articleForm) string { return strconv.FormatInt(f.PollID, 10) }, func(f *articleForm, v string) { f.PollID, _ = strconv.ParseInt(v, 10, 64) }, nil},
}

// takeTheirs applies the choices of a conflict panel: for every field the
// editor chose the other version of, the form takes that value.
func takeTheirs(r *http.Request, f *articleForm) {
	for _, m := range mergeFields {
		if r.PostFormValue("gabung_"+m.name) == "theirs" {
			m.set(f, r.PostFormValue("lain_"+m.name))
		}
	}
	if r.PostFormValue("gabung_photo_url") == "theirs" {
		f.PhotoWidth, _ = strconv.Atoi(r.PostFormValue("lain_photo_width"))
		f.PhotoHeight, _ = strconv.Atoi(r.PostFormValue("lain_photo_height"))
	}
}

func shown(m mergeField, v string) string {
	switch m.name {
	case "breaking", "featured":
		if v != "" {
			return "ya"
		}
		return "tidak"
	case "poll_id":
		if v == "0" {
			return "tanpa polling"
		}
	}
	if strings.TrimSpace(v) == "" {
		return "(kosong)"
	}
	return v
}

// showConflict answers a stale save: 409 with the editor page, the form
// merged as far as it can be, and the fields both editors changed.
func (u *UI) showConflict(w http.ResponseWriter, r *http.Request, p *auth.Principal, stale *editorial.StaleError, mine articleForm) error {
	cur := stale.Current
	theirs := u.formFrom(cur)
	var base [4]string
	baseOK := false
	if rev, ok, err := u.ed.RevisionAtVersion(r.Context(), &p.User, cur.ID, stale.Given); err != nil {
		return err
	} else if ok {
		base, baseOK = [4]string{rev.Title, rev.Slug, rev.Excerpt, rev.BodySource}, true
	}
	c := &conflict{}
	if rev, ok, err := u.ed.RevisionAtVersion(r.Context(), &p.User, cur.ID, cur.Version); err == nil && ok {
		c.By, c.At = rev.UserName, whenOrDash(rev.CreatedAt, u.cfg.Location)
	}
	c.OtherPhoto = [2]int{theirs.PhotoWidth, theirs.PhotoHeight}
	merged := mine
	merged.Version = cur.Version
	for _, m := range mergeFields {
		mv, tv := m.get(&mine), m.get(&theirs)
		if strings.TrimSpace(mv) == strings.TrimSpace(tv) {
			continue
		}
		if baseOK && m.base != nil {
			bv, _ := m.base(base)
			if strings.TrimSpace(mv) == strings.TrimSpace(bv) { // only they changed it
				m.set(&merged, tv)
				if m.name == "photo_url" {
					merged.PhotoWidth, merged.PhotoHeight = theirs.PhotoWidth, theirs.PhotoHeight
				}
				c.Taken = append(c.Taken, m.label)
				continue
			}
			if strings.TrimSpace(tv) == strings.TrimSpace(bv) { // only I changed it
				continue
			}
		}
		c.Fields = append(c.Fields, conflictField{Name: m.name, Label: m.label, Mine: shown(m, mv), Theirs: shown(m, tv), TheirsRaw: tv})
	}
	merged.HotBadge = mine.HotBadge
	pg, err := u.editorPage(r, p, cur, merged)
	if err != nil {
		return err
	}
	pg.Conflict = c
	pg.Error = "Artikel ini sudah disimpan orang lain sejak Anda membukanya. Periksa perbedaannya di bawah, lalu simpan lagi."
	u.render(w, "editor", http.StatusConflict, pg)
	return nil
}
