package newsroom_test

import (
	"fmt"
	"html"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"warta/internal/domain"
	"warta/internal/newsroom/nrtest"
	"warta/internal/store"
	"warta/internal/testdb"
)

var versionRe = regexp.MustCompile(`name="version" id="version" value="(\d+)"`)

// editForm opens the editor of article id as b and returns the form as the
// page filled it (the fields a save sends) with its hidden version.
func editForm(t *testing.T, b *browser, id int64, a map[string]string) url.Values {
	t.Helper()
	p := b.get(fmt.Sprintf("/redaksi/artikel/%d", id))
	m := versionRe.FindStringSubmatch(p.body)
	if p.code != 200 || m == nil {
		t.Fatalf("editor page: %d, version field %v", p.code, m)
	}
	f := url.Values{"csrf": {b.csrf}, "version": {m[1]}, "category": {"nasional"}, "action": {"save"}}
	for k, v := range a {
		f.Set(k, v)
	}
	return f
}

// Issue 12 item 2: A and B open one article; A saves a new summary; B then
// saves a new title from the older form. B's save is refused (409) with the
// page showing that A saved, A's summary taken into B's form and B's title
// kept; saving that form keeps both changes.
func TestTwoEditorsDoNotOverwriteEachOther(t *testing.T) {
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		e := nrtest.New(t, st)
		id := e.CreateArticle(t, map[string]any{"title": "Banjir Bandang di Garut", "excerpt": "Ringkasan lama.",
			"body": "Isi berita.", "category": "nasional"})
		a, b := newBrowser(t, e), newBrowser(t, e)
		a.login(domain.RoleEditor)
		b.login(domain.RoleAdmin)
		old := map[string]string{"title": "Banjir Bandang di Garut", "slug": "banjir-bandang-di-garut", "excerpt": "Ringkasan lama.", "body": "Isi berita."}
		fa, fb := editForm(t, a, id, old), editForm(t, b, id, old)
		fa.Set("excerpt", "Ringkasan baru dari A.")
		if p := a.post(fmt.Sprintf("/redaksi/artikel/%d", id), fa); p.code != http.StatusSeeOther {
			t.Fatalf("A saves: %d", p.code)
		}
		fb.Set("title", "Banjir Bandang Terjang Garut")
		p := b.post(fmt.Sprintf("/redaksi/artikel/%d", id), fb)
		if p.code != http.StatusConflict {
			t.Fatalf("B's stale save: %d, want 409", p.code)
		}
		for _, want := range []string{"sudah disimpan orang lain", "Eko Editor menyimpan", "Ringkasan sudah dimasukkan",
			">Ringkasan baru dari A.</textarea>", `value="Banjir Bandang Terjang Garut"`} {
			if !strings.Contains(p.body, html.EscapeString(want)) && !strings.Contains(p.body, want) {
				t.Errorf("conflict page lacks %q", want)
			}
		}
		a0, _ := st.ArticleByIDAnyStatus(t.Context(), id)
		if a0.Title != "Banjir Bandang di Garut" || a0.Excerpt != "Ringkasan baru dari A." {
			t.Fatalf("refused save wrote: %q / %q", a0.Title, a0.Excerpt)
		}
		// B saves the merged form the page gave back.
		m := versionRe.FindStringSubmatch(p.body)
		fb.Set("version", m[1])
		fb.Set("excerpt", "Ringkasan baru dari A.")
		if p := b.post(fmt.Sprintf("/redaksi/artikel/%d", id), fb); p.code != http.StatusSeeOther {
			t.Fatalf("B saves merged: %d", p.code)
		}
		a1, _ := st.ArticleByIDAnyStatus(t.Context(), id)
		if a1.Title != "Banjir Bandang Terjang Garut" || a1.Excerpt != "Ringkasan baru dari A." {
			t.Errorf("after merge: %q / %q", a1.Title, a1.Excerpt)
		}
	})
}

// When both editors changed the same field, the page shows both values and
// lets the second editor take the other's (without JavaScript).
func TestConflictOnOneFieldShowsBothAndTakesTheirs(t *testing.T) {
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		e := nrtest.New(t, st)
		id := e.CreateArticle(t, map[string]any{"title": "Harga Cabai Melonjak", "excerpt": "Awal.", "category": "nasional"})
		a, b := newBrowser(t, e), newBrowser(t, e)
		a.login(domain.RoleEditor)
		b.login(domain.RoleAdmin)
		old := map[string]string{"title": "Harga Cabai Melonjak", "slug": "harga-cabai-melonjak", "excerpt": "Awal."}
		fa, fb := editForm(t, a, id, old), editForm(t, b, id, old)
		fa.Set("excerpt", "Versi A.")
		a.post(fmt.Sprintf("/redaksi/artikel/%d", id), fa)
		fb.Set("excerpt", "Versi B.")
		p := b.post(fmt.Sprintf("/redaksi/artikel/%d", id), fb)
		if p.code != http.StatusConflict || !strings.Contains(p.body, `name="gabung_excerpt"`) ||
			!strings.Contains(p.body, "Versi A.") || !strings.Contains(p.body, "Versi B.") {
			t.Fatalf("conflict on excerpt: %d", p.code)
		}
		fb.Set("version", versionRe.FindStringSubmatch(p.body)[1])
		fb.Set("gabung_excerpt", "theirs")
		fb.Set("lain_excerpt", "Versi A.")
		if p := b.post(fmt.Sprintf("/redaksi/artikel/%d", id), fb); p.code != http.StatusSeeOther {
			t.Fatalf("save choosing theirs: %d", p.code)
		}
		if got, _ := st.ArticleByIDAnyStatus(t.Context(), id); got.Excerpt != "Versi A." {
			t.Errorf("excerpt %q, want the other editor's", got.Excerpt)
		}
	})
}

// Without JavaScript the editor page tells the same on every draw (so after
// every save): the first editor that someone else opened the article, the
// second who holds it with a take-over button, and, after a take-over, the
// first that their lock was taken.
func TestEditLockMessagesAndTakeOverWithoutJS(t *testing.T) {
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		e := nrtest.New(t, st)
		id := e.CreateArticle(t, map[string]any{"title": "Kereta Cepat Beroperasi", "category": "nasional"})
		path := fmt.Sprintf("/redaksi/artikel/%d", id)
		a, b := newBrowser(t, e), newBrowser(t, e)
		a.login(domain.RoleEditor)
		b.login(domain.RoleAdmin)
		if p := a.get(path); strings.Contains(p.body, "sedang menyunting") || strings.Contains(p.body, "Juga membuka") {
			t.Errorf("A alone is warned")
		}
		p := b.get(path)
		if !strings.Contains(p.body, "Eko Editor sedang menyunting") || !strings.Contains(p.body, path+"/kunci/ambil") {
			t.Errorf("B not told who holds the lock, or no take-over")
		}
		if p := a.get(path); !strings.Contains(p.body, "Juga membuka artikel ini: Ani Admin") {
			t.Errorf("A not told B opened the article")
		}
		if p := b.post(path+"/kunci/ambil", url.Values{"csrf": {b.csrf}}); p.code != http.StatusSeeOther {
			t.Fatalf("take over: %d", p.code)
		}
		if p := b.get(path + "?ok=diambil"); !strings.Contains(p.body, "memegang penyuntingan") || strings.Contains(p.body, "sedang menyunting") {
			t.Errorf("B after take-over")
		}
		if p := a.get(path); !strings.Contains(p.body, "Ani Admin mengambil alih") {
			t.Errorf("A not told the lock was taken")
		}
		// A writer may not take over an article they may not edit.
		w := newBrowser(t, e)
		w.login(domain.RoleWriter)
		if p := w.post(path+"/kunci/ambil", url.Values{"csrf": {w.csrf}}); p.code != http.StatusForbidden {
			t.Errorf("writer takes over: %d", p.code)
		}
	})
}
