package server_test

import (
	"strings"
	"testing"

	"warta/internal/testdb"
)

// The home page shows no story twice (headline, secondary stories, Berita
// Terbaru and the channel blocks), and an article page puts Berita Terkait before the
// comments.
func TestNoStoryTwiceAndRelatedBeforeComments(t *testing.T) {
	e := newEnv(t, testdb.SQLite(t))
	_, _, home := e.get(t, "/")
	// Everything on the page but Terpopuler (a ranking may repeat a story).
	main := home[strings.Index(home, `<h1 class="sr-only"`):strings.Index(home, `</main>`)]
	if a, b := strings.Index(main, `<aside class="popular`), strings.Index(main, `</aside>`); a >= 0 && b > a {
		main = main[:a] + main[b:]
	}
	for _, slug := range []string{"pemerintah-umumkan-kebijakan-pertahanan-baru", "dpr-bahas-anggaran-pertahanan", "startup-lokal-raih-pendanaan"} {
		if n := strings.Count(main, `<h2><a href="/berita/`+slug+`"`) + strings.Count(main, `<h3><a href="/berita/`+slug+`"`); n != 1 {
			t.Errorf("home shows %s %d times, want once", slug, n)
		}
	}
	_, _, art := e.get(t, "/berita/pemerintah-umumkan-kebijakan-pertahanan-baru")
	rel, com := strings.Index(art, `id="terkait"`), strings.Index(art, `id="komentar"`)
	if rel < 0 || com < 0 || rel > com {
		t.Errorf("Berita Terkait at %d, comments at %d: want related first", rel, com)
	}
}
