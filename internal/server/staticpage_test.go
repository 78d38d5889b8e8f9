package server_test

import (
	"context"
	"strings"
	"testing"

	"warta/internal/domain"
	"warta/internal/store"
	"warta/internal/testdb"
)

// An institutional page (Tentang Kami, Redaksi, …) is shown at
// /halaman/{slug}, sanitised, and linked from every page's footer; an
// unknown one is the Indonesian 404.
func TestStaticPageShowsAndIsLinkedFromTheFooter(t *testing.T) {
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		if err := st.SaveStaticPage(context.Background(), domain.StaticPage{Slug: "tentang-kami", Title: "Tentang Kami",
			BodySource: "Warta terbit dari Jakarta.", BodyHTML: "<p>Warta terbit dari Jakarta.</p>", Position: 1}); err != nil {
			t.Fatal(err)
		}
		e := newEnv(t, st)
		code, _, body := e.get(t, "/halaman/tentang-kami")
		if code != 200 || !strings.Contains(body, ">Tentang Kami</h1>") || !strings.Contains(body, "<p>Warta terbit dari Jakarta.</p>") {
			t.Errorf("/halaman/tentang-kami: %d\n%s", code, body)
		}
		if _, _, home := e.get(t, "/"); !strings.Contains(home, `href="/halaman/tentang-kami"`) {
			t.Error("the home page's footer does not link Tentang Kami")
		}
		if code, _, body := e.get(t, "/halaman/tidak-ada"); code != 404 || !strings.Contains(body, "tidak ditemukan") {
			t.Errorf("/halaman/tidak-ada: %d", code)
		}
	})
}
