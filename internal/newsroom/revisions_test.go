package newsroom_test

import (
	"bytes"
	"fmt"
	"html"
	"image"
	"image/color"
	"image/jpeg"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"warta/internal/domain"
	"warta/internal/newsroom/nrtest"
	"warta/internal/store"
	"warta/internal/testdb"
)

var restoreRe = regexp.MustCompile(`/revisi/(\d+)/pulihkan`)

// revisionIDs lists the revisions on the article's revision page, newest first.
func revisionIDs(t *testing.T, b *browser, id int64) []int64 {
	t.Helper()
	p := b.get(fmt.Sprintf("/redaksi/artikel/%d/revisi", id))
	if p.code != http.StatusOK {
		t.Fatalf("revision page: %d", p.code)
	}
	var ids []int64
	for _, m := range restoreRe.FindAllStringSubmatch(p.body, -1) {
		n, _ := strconv.ParseInt(m[1], 10, 64)
		ids = append(ids, n)
	}
	return ids
}

func tagNames(a domain.Article) []string {
	var out []string
	for _, t := range a.Tags {
		out = append(out, t.Name)
	}
	slices.Sort(out)
	return out
}

// Issue 12 item 8: a revision keeps every field, not only title, slug,
// excerpt and body, and restoring it (newsroom, without JavaScript)
// restores them all: category, tags, byline, photo with caption and credit,
// Breaking, Berita utama, #HOT, poll, planned publish time. The comparison
// shows the other fields too.
func TestRestoringARevisionRestoresEveryField(t *testing.T) {
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		ctx := t.Context()
		e := nrtest.New(t, st)
		poll, err := st.CreatePoll(ctx, store.PollInput{Question: "Setuju?", Options: []string{"Ya", "Tidak"}})
		if err != nil {
			t.Fatal(err)
		}
		planned := time.Now().Add(48 * time.Hour).Truncate(time.Minute)
		id := e.CreateArticle(t, map[string]any{"title": "Banjir Rendam Jakarta", "body": "Air naik.", "category": "nasional",
			"tags": []string{"Banjir", "Jakarta"}, "authors": []string{"Budi Santoso"}, "photo_url": "https://foto.example/banjir.jpg",
			"photo_caption": "Warga mengungsi", "photo_credit": "Antara", "photo_width": 1200, "photo_height": 800,
			"breaking": true, "hot_badge": "on", "poll_id": poll, "published_at": planned.Format(time.RFC3339)})
		b := newBrowser(t, e)
		b.login(domain.RoleEditor)
		path := fmt.Sprintf("/redaksi/artikel/%d", id)
		f := editForm(t, b, id, nil)
		for k, v := range map[string]string{"title": "Banjir Surut di Jakarta", "category": "teknologi", "tags": "Cuaca",
			"authors": "Sari Dewi", "photo_url": "https://foto.example/surut.jpg", "photo_caption": "Jalan kering",
			"photo_credit": "Warta", "photo_width": "900", "photo_height": "600", "featured": "1", "hot_badge": "off",
			"poll_id": "0", "placement": "1", "published_at": planned.Add(24 * time.Hour).In(e.Location).Format("2006-01-02T15:04")} {
			f.Set(k, v)
		}
		f.Del("breaking")
		if p := b.post(path, f); p.code != http.StatusSeeOther {
			t.Fatalf("second save: %d", p.code)
		}
		revs := revisionIDs(t, b, id)
		if len(revs) != 2 {
			t.Fatalf("revisions %v, want 2", revs)
		}
		// The comparison shows the other fields as well.
		p := b.get(fmt.Sprintf("%s/revisi?dari=%d&ke=%d", path, revs[1], revs[0]))
		for _, want := range []string{"- Kategori: Nasional", "+ Kategori: Teknologi", "- Topik: Banjir, Jakarta", "+ Topik: Cuaca",
			"- Penulis: Budi Santoso", "- Keterangan foto: Warga mengungsi", "- Breaking news: ya", "+ Berita utama: ya",
			"- Lencana #HOT: selalu tampil", "+ Polling: tanpa polling", "- Waktu terbit: " + planned.In(e.Location).Format("2006-01-02 15:04") + " WIB"} {
			if !strings.Contains(html.UnescapeString(p.body), want) {
				t.Errorf("comparison lacks %q", want)
			}
		}
		p = b.post(fmt.Sprintf("%s/revisi/%d/pulihkan", path, revs[1]), url.Values{"csrf": {b.csrf}})
		if p.code != http.StatusSeeOther || !strings.HasSuffix(p.location, "ok=dipulihkan") {
			t.Fatalf("restore: %d %s", p.code, p.location)
		}
		a, _ := st.ArticleByIDAnyStatus(ctx, id)
		if a.Title != "Banjir Rendam Jakarta" || a.Category.Slug != "nasional" || !slices.Equal(tagNames(a), []string{"Banjir", "Jakarta"}) ||
			len(a.Authors) != 1 || a.Authors[0].Name != "Budi Santoso" {
			t.Errorf("restored text and taxonomy: %q %q %v %v", a.Title, a.Category.Slug, tagNames(a), a.Authors)
		}
		if a.Photo != (domain.Photo{URL: "https://foto.example/banjir.jpg", Caption: "Warga mengungsi", Credit: "Antara", Width: 1200, Height: 800}) {
			t.Errorf("restored photo %+v", a.Photo)
		}
		if !a.Breaking || a.Featured || a.PollID != poll || !a.PublishedAt.Equal(planned) {
			t.Errorf("restored placement: breaking %v featured %v poll %d, time %v (want %v)", a.Breaking, a.Featured, a.PollID, a.PublishedAt, planned)
		}
		if hot, _ := st.HotOverride(ctx, id); hot == nil || !*hot {
			t.Errorf("restored #HOT decision %v, want on", hot)
		}
		// The admin API shows a revision's fields, and a restore says what it kept.
		var rev struct {
			AllFields bool `json:"all_fields"`
			Fields    struct {
				Category string   `json:"category"`
				Tags     []string `json:"tags"`
				HotBadge string   `json:"hot_badge"`
			} `json:"fields"`
		}
		e.API(t, domain.RoleEditor, "GET", fmt.Sprintf("/articles/%d/revisions/%d", id, revs[0]), nil).Data(t, &rev)
		if !rev.AllFields || rev.Fields.Category != "teknologi" || !slices.Equal(rev.Fields.Tags, []string{"Cuaca"}) || rev.Fields.HotBadge != "off" {
			t.Errorf("API revision: %+v", rev)
		}
		r := e.API(t, domain.RoleEditor, "POST", fmt.Sprintf("/articles/%d/revisions/%d/restore", id, revs[0]), nil)
		var restored struct {
			Category struct{ Slug string } `json:"category"`
			Kept     []string              `json:"kept"`
		}
		if r.Data(t, &restored); r.Status != 200 || restored.Category.Slug != "teknologi" || len(restored.Kept) != 0 {
			t.Errorf("API restore: %d %s", r.Status, r.Body)
		}
	})
}

// A revision saved before revisions kept every field (only title, slug,
// excerpt and body) still restores: the text comes back, everything else
// stays, and the page says some parts were left as they are.
func TestOldTextOnlyRevisionStillRestores(t *testing.T) {
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		ctx := t.Context()
		e := nrtest.New(t, st)
		id := e.CreateArticle(t, map[string]any{"title": "Judul Baru", "body": "Isi baru.", "category": "teknologi",
			"tags": []string{"Gawai"}, "photo_url": "https://foto.example/a.jpg", "photo_caption": "Keterangan"})
		// As migration 0150 leaves a revision from before: only the old columns.
		if _, err := st.WriteDB().ExecContext(ctx, st.Rebind(`INSERT INTO article_revisions (article_id, user_id, title, slug, excerpt,
			body_source, status, created_at, article_version) VALUES (?, NULL, 'Judul Lama', 'judul-lama', 'Ringkasan lama.', 'Isi lama.', 'draft', ?, 0)`),
			id, time.Now().Add(-time.Hour).UTC()); err != nil {
			t.Fatal(err)
		}
		b := newBrowser(t, e)
		b.login(domain.RoleEditor)
		revs := revisionIDs(t, b, id)
		old := slices.Max(revs)
		p := b.get(fmt.Sprintf("/redaksi/artikel/%d/revisi", id))
		if !strings.Contains(p.body, "teks saja") {
			t.Error("revision page does not mark the text-only revision")
		}
		p = b.post(fmt.Sprintf("/redaksi/artikel/%d/revisi/%d/pulihkan", id, old), url.Values{"csrf": {b.csrf}})
		if p.code != http.StatusSeeOther || !strings.HasSuffix(p.location, "ok=dipulihkan-sebagian") {
			t.Fatalf("restore: %d %s", p.code, p.location)
		}
		if p := b.get(p.location); !strings.Contains(p.body, "Yang tidak bisa dipulihkan dibiarkan seperti sekarang") {
			t.Error("editor page does not say some parts stayed")
		}
		a, _ := st.ArticleByIDAnyStatus(ctx, id)
		if a.Title != "Judul Lama" || a.Slug != "judul-lama" || a.Excerpt != "Ringkasan lama." || a.BodySource != "Isi lama." {
			t.Errorf("text not restored: %q %q %q %q", a.Title, a.Slug, a.Excerpt, a.BodySource)
		}
		if a.Category.Slug != "teknologi" || !slices.Equal(tagNames(a), []string{"Gawai"}) || a.Photo.URL != "https://foto.example/a.jpg" || a.Photo.Caption != "Keterangan" {
			t.Errorf("fields an old revision never kept were changed: %q %v %+v", a.Category.Slug, tagNames(a), a.Photo)
		}
	})
}

// When A saves a new category and photo caption and B, from the older
// form, saves new tags, B's stale save knows what every field was when B
// opened the article (the revision keeps them all): A's changes are taken
// into B's form, nothing is asked, and saving keeps all three changes. With
// text-only revisions category and caption were asked as conflicts.
func TestConflictKnowsTheOriginalOfEveryField(t *testing.T) {
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		e := nrtest.New(t, st)
		id := e.CreateArticle(t, map[string]any{"title": "Gempa Guncang Cianjur", "category": "nasional", "tags": []string{"Gempa"},
			"photo_url": "https://foto.example/gempa.jpg", "photo_caption": "Rumah rusak", "photo_width": 800, "photo_height": 500})
		a, b := newBrowser(t, e), newBrowser(t, e)
		a.login(domain.RoleEditor)
		b.login(domain.RoleAdmin)
		fa, fb := editForm(t, a, id, nil), editForm(t, b, id, nil)
		for _, f := range []url.Values{fa, fb} {
			for k, v := range map[string]string{"title": "Gempa Guncang Cianjur", "slug": "gempa-guncang-cianjur", "tags": "Gempa",
				"photo_url": "https://foto.example/gempa.jpg", "photo_caption": "Rumah rusak", "photo_width": "800", "photo_height": "500",
				"placement": "1", "hot_badge": "auto", "poll_id": "0"} {
				f.Set(k, v)
			}
		}
		fa.Set("category", "teknologi")
		fa.Set("photo_caption", "Rumah warga rusak berat")
		fa.Set("photo_url", "https://foto.example/gempa-2.jpg")
		fa.Set("photo_width", "1440")
		if p := a.post(fmt.Sprintf("/redaksi/artikel/%d", id), fa); p.code != http.StatusSeeOther {
			t.Fatalf("A saves: %d", p.code)
		}
		fb.Set("tags", "Gempa, Cianjur")
		p := b.post(fmt.Sprintf("/redaksi/artikel/%d", id), fb)
		if p.code != http.StatusConflict {
			t.Fatalf("B's stale save: %d, want 409", p.code)
		}
		if !strings.Contains(p.body, "Kategori, Foto utama, Keterangan foto sudah dimasukkan") || strings.Contains(p.body, `name="gabung_`) {
			t.Errorf("conflict page does not take A's changes without asking")
		}
		for _, want := range []string{`<option value="teknologi" selected>`, `value="Rumah warga rusak berat"`, `value="https://foto.example/gempa-2.jpg"`,
			`name="photo_width" id="photo_width" value="1440"`, `value="Gempa, Cianjur"`} {
			if !strings.Contains(p.body, want) {
				t.Errorf("merged form lacks %s", want)
			}
		}
		fb.Set("version", versionRe.FindStringSubmatch(p.body)[1])
		for k, v := range map[string]string{"category": "teknologi", "photo_caption": "Rumah warga rusak berat",
			"photo_url": "https://foto.example/gempa-2.jpg", "photo_width": "1440"} {
			fb.Set(k, v)
		}
		if p := b.post(fmt.Sprintf("/redaksi/artikel/%d", id), fb); p.code != http.StatusSeeOther {
			t.Fatalf("B saves merged: %d", p.code)
		}
		got, _ := st.ArticleByIDAnyStatus(t.Context(), id)
		if got.Category.Slug != "teknologi" || got.Photo.Caption != "Rumah warga rusak berat" || got.Photo.Width != 1440 ||
			!slices.Equal(tagNames(got), []string{"Cianjur", "Gempa"}) {
			t.Errorf("after merge: %q %+v %v", got.Category.Slug, got.Photo, tagNames(got))
		}
	})
}

// A writer restoring a revision of their own draft gets every field they
// may set back, and Breaking, which only editors set, stays as the editor
// left it (no refusal): the page says some parts stayed.
func TestWriterRestoreLeavesEditorsFields(t *testing.T) {
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		e := nrtest.New(t, st)
		w := newBrowser(t, e)
		w.login(domain.RoleWriter)
		f := url.Values{"csrf": {w.csrf}, "title": {"Pasar Tradisional Sepi"}, "category": {"nasional"}, "tags": {"Pasar"}, "action": {"save"}}
		p := w.post("/redaksi/artikel/baru", f)
		if p.code != http.StatusSeeOther {
			t.Fatalf("writer creates: %d", p.code)
		}
		id, _ := strconv.ParseInt(strings.TrimPrefix(strings.Split(p.location, "?")[0], "/redaksi/artikel/"), 10, 64)
		if r := e.API(t, domain.RoleEditor, "PATCH", fmt.Sprintf("/articles/%d", id), map[string]any{"tags": []string{"Ekonomi"}, "breaking": true}); r.Status != 200 {
			t.Fatalf("editor edits: %d %s", r.Status, r.Body)
		}
		revs := revisionIDs(t, w, id)
		p = w.post(fmt.Sprintf("/redaksi/artikel/%d/revisi/%d/pulihkan", id, slices.Min(revs)), url.Values{"csrf": {w.csrf}})
		if p.code != http.StatusSeeOther || !strings.HasSuffix(p.location, "ok=dipulihkan-sebagian") {
			t.Fatalf("writer restores: %d %s", p.code, p.location)
		}
		a, _ := st.ArticleByIDAnyStatus(t.Context(), id)
		if !slices.Equal(tagNames(a), []string{"Pasar"}) || !a.Breaking {
			t.Errorf("after the writer's restore: tags %v, breaking %v (want [Pasar], true)", tagNames(a), a.Breaking)
		}
	})
}

// jpegOf is a small JPEG of w×h pixels.
func jpegOf(t *testing.T, w, h int, tint uint8) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			img.Set(x, y, color.RGBA{uint8(x), uint8(y), tint, 255})
		}
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, nil); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// A replaced lead photo's files are deleted once no article shows it, so
// restoring a revision with that photo keeps the article's current photo
// (with its caption) instead of pointing at files that are gone, and says
// so; the rest of the revision comes back.
func TestRestoreKeepsThePhotoWhoseFilesAreGone(t *testing.T) {
	st := testdb.SQLite(t)
	e := nrtest.New(t, st)
	upload := func(tint uint8) (url string, w int) {
		r := e.API(t, domain.RoleEditor, http.MethodPost, "/uploads", jpegOf(t, 800, 500, tint))
		var out struct {
			URL   string `json:"url"`
			Width int    `json:"width"`
		}
		if r.Data(t, &out); r.Status/100 != 2 {
			t.Fatalf("upload: %d %s", r.Status, r.Body)
		}
		return out.URL, out.Width
	}
	first, fw := upload(10)
	id := e.CreateArticle(t, map[string]any{"title": "Pantai Tercemar", "category": "nasional", "photo_url": first,
		"photo_width": fw, "photo_height": 500, "photo_caption": "Sampah di pantai"})
	second, sw := upload(200)
	if r := e.API(t, domain.RoleEditor, "PATCH", fmt.Sprintf("/articles/%d", id), map[string]any{"title": "Pantai Kembali Bersih",
		"photo_url": second, "photo_width": sw, "photo_height": 500, "photo_caption": "Pantai bersih"}); r.Status != 200 {
		t.Fatalf("replace the photo: %d %s", r.Status, r.Body)
	}
	if resp, err := http.Get(e.URL + first); err != nil || resp.StatusCode != http.StatusNotFound {
		t.Fatalf("the replaced photo is still served (%v)", err)
	}
	var revs []struct {
		ID int64 `json:"id"`
	}
	e.API(t, domain.RoleEditor, "GET", fmt.Sprintf("/articles/%d/revisions", id), nil).Data(t, &revs)
	r := e.API(t, domain.RoleEditor, "POST", fmt.Sprintf("/articles/%d/revisions/%d/restore", id, revs[len(revs)-1].ID), nil)
	var out struct {
		Title string `json:"title"`
		Photo struct {
			URL     string `json:"url"`
			Caption string `json:"caption"`
		} `json:"photo"`
		Kept []string `json:"kept"`
	}
	if r.Data(t, &out); r.Status != 200 {
		t.Fatalf("restore: %d %s", r.Status, r.Body)
	}
	if out.Title != "Pantai Tercemar" || out.Photo.URL != second || out.Photo.Caption != "Pantai bersih" ||
		len(out.Kept) != 1 || !strings.Contains(out.Kept[0], "foto utama") {
		t.Errorf("restore with a deleted photo: %+v", out)
	}
}

// The "Baca juga" switch is a field like the others: turning it off alone
// is a revision, the comparison shows it, restoring a revision brings it
// back, a stale save knows its original (the other editor's change is taken
// without asking), and a revision from before it was kept leaves it.
func TestBacaJugaSwitchIsKeptByRevisions(t *testing.T) {
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		ctx := t.Context()
		e := nrtest.New(t, st)
		id := e.CreateArticle(t, map[string]any{"title": "Harga Beras Naik", "body": "Harga beras di pasar induk naik.", "category": "nasional"})
		b := newBrowser(t, e)
		b.login(domain.RoleEditor)
		path := fmt.Sprintf("/redaksi/artikel/%d", id)
		fields := map[string]string{"title": "Harga Beras Naik", "slug": "harga-beras-naik", "body": "Harga beras di pasar induk naik."}
		before := revisionIDs(t, b, id)
		off := editForm(t, b, id, fields)
		off.Set("baca_juga_off", "1")
		if p := b.post(path, off); p.code != http.StatusSeeOther {
			t.Fatalf("turn Baca juga off: %d", p.code)
		}
		revs := revisionIDs(t, b, id)
		if len(revs) != len(before)+1 {
			t.Fatalf("revisions %v after turning Baca juga off (before %v): want one more", revs, before)
		}
		p := b.get(fmt.Sprintf("%s/revisi?dari=%d&ke=%d", path, revs[1], revs[0]))
		for _, want := range []string{"- Tautan “Baca juga”: tampil", "+ Tautan “Baca juga”: dimatikan"} {
			if !strings.Contains(html.UnescapeString(p.body), want) {
				t.Errorf("comparison lacks %q", want)
			}
		}
		bacaJuga := func() bool {
			t.Helper()
			a, err := st.ArticleByIDAnyStatus(ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			return !a.BacaJugaOff
		}
		if p := b.post(fmt.Sprintf("%s/revisi/%d/pulihkan", path, revs[1]), url.Values{"csrf": {b.csrf}}); p.code != http.StatusSeeOther || !strings.HasSuffix(p.location, "ok=dipulihkan") {
			t.Fatalf("restore: %d %s", p.code, p.location)
		}
		if !bacaJuga() {
			t.Error("restoring the revision from before the switch was turned off left it off")
		}
		if strings.Contains(b.get(path).body, `name="baca_juga_off" value="1" checked`) {
			t.Error("the editor form still has Tanpa Baca juga ticked after the restore")
		}
		var rev struct {
			Fields struct {
				BacaJuga *bool `json:"baca_juga"`
			} `json:"fields"`
		}
		e.API(t, domain.RoleEditor, "GET", fmt.Sprintf("/articles/%d/revisions/%d", id, revs[0]), nil).Data(t, &rev)
		if rev.Fields.BacaJuga == nil || *rev.Fields.BacaJuga {
			t.Errorf("API revision baca_juga = %v, want false", rev.Fields.BacaJuga)
		}
		if r := e.API(t, domain.RoleEditor, "POST", fmt.Sprintf("/articles/%d/revisions/%d/restore", id, revs[0]), nil); r.Status != 200 {
			t.Fatalf("API restore: %d %s", r.Status, r.Body)
		}
		if bacaJuga() {
			t.Error("restoring the revision with Baca juga off through the API left it on")
		}

		// A stale save: A turns Baca juga back on, B (older form) edits the
		// title; B's form takes A's switch without asking.
		a2, b2 := newBrowser(t, e), newBrowser(t, e)
		a2.login(domain.RoleEditor)
		b2.login(domain.RoleAdmin)
		fa, fb := editForm(t, a2, id, fields), editForm(t, b2, id, fields)
		fb.Set("baca_juga_off", "1") // as B's form shows it; A's has it unticked
		if p := a2.post(path, fa); p.code != http.StatusSeeOther {
			t.Fatalf("A saves: %d", p.code)
		}
		fb.Set("title", "Harga Beras Naik Lagi")
		p = b2.post(path, fb)
		if p.code != http.StatusConflict || !strings.Contains(p.body, "Tanpa “Baca juga” sudah dimasukkan") || strings.Contains(p.body, `name="gabung_baca_juga_off"`) {
			t.Errorf("stale save: %d; A's Baca juga change is not taken without asking", p.code)
		}

		// As migration 0170 leaves a revision saved before it: the switch unknown.
		if _, err := st.WriteDB().ExecContext(ctx, st.Rebind(`UPDATE article_revisions SET baca_juga_off = NULL WHERE id = ?`), revs[0]); err != nil {
			t.Fatal(err)
		}
		p = b.get(fmt.Sprintf("%s/revisi?dari=%d&ke=%d", path, revs[1], revs[0]))
		if !strings.Contains(html.UnescapeString(p.body), "+ Tautan “Baca juga”: — (revisi lama tidak menyimpannya)") {
			t.Error("the comparison does not say the old revision did not keep the switch")
		}
		on := bacaJuga()
		p = b.post(fmt.Sprintf("%s/revisi/%d/pulihkan", path, revs[0]), url.Values{"csrf": {b.csrf}})
		if p.code != http.StatusSeeOther || !strings.HasSuffix(p.location, "ok=dipulihkan-sebagian") {
			t.Fatalf("restore of an old revision: %d %s", p.code, p.location)
		}
		if bacaJuga() != on {
			t.Error("restoring a revision that did not keep the switch changed it")
		}
	})
}
