package server_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"warta/internal/store"
	"warta/internal/testdb"
)

// Terpopuler, on its page and in the front page's two lists, is the
// reading as the discovery job last ranked it (each minute): readers' views
// count into it at the job's next ranking, and a story read this week
// outranks one with more views in its lifetime but none this week.
func TestTerpopulerIsTheRankedWeek(t *testing.T) {
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		e := newEnv(t, st)
		ctx := context.Background()
		seen := 0 // readers so far: each new one counts
		read := func(path string, readers int) {
			t.Helper()
			for range readers {
				seen++
				if a := e.reader(t, fmt.Sprintf("pembaca-%d", seen)).get(path); a.code != 200 {
					t.Fatalf("%s: %d", path, a.code)
				}
			}
			e.app.Engage.Views.Flush(ctx)
		}
		rank := func() {
			t.Helper()
			if err := e.app.Discovery.UpdateMostRead(ctx); err != nil {
				t.Fatal(err)
			}
		}
		const (
			budget  = "DPR Bahas Anggaran Pertahanan"
			startup = "Startup Lokal Raih Pendanaan"
			main    = "Pemerintah Umumkan Kebijakan Pertahanan Baru" // 242 views in its lifetime, none this week
		)
		// Each list: Terpopuler's page, and the front page's today and week.
		lists := func() map[string]string {
			between := func(s, from, to string) string {
				_, s, _ = strings.Cut(s, from)
				s, _, _ = strings.Cut(s, to)
				return s
			}
			page, front := e.reader(t, "penilai").get("/terpopuler").body, e.reader(t, "penilai").get("/").body
			return map[string]string{"/terpopuler": between(page, "<h1>Terpopuler</h1>", "</main>"),
				"front, today": between(front, `id="populer-hari"`, `id="populer-minggu"`),
				"front, week":  between(front, `id="populer-minggu"`, "</aside>")}
		}
		order := func(when string, titles ...string) {
			t.Helper()
			for name, body := range lists() {
				last := -1
				for _, title := range titles {
					at := strings.Index(body, title)
					if at <= last {
						t.Errorf("%s, %s: %q missing or not after the story before it (%v)", when, name, title, titles)
					}
					last = at
				}
				if strings.Contains(body, main) {
					t.Errorf("%s, %s: lists %q, not read this week", when, name, main)
				}
			}
		}
		read("/berita/dpr-bahas-anggaran-pertahanan", 3)
		read("/berita/startup-lokal-raih-pendanaan", 1)
		rank()
		order("ranked", budget, startup)
		read("/berita/startup-lokal-raih-pendanaan", 4)
		rank()
		order("ranked again after more readers", startup, budget)
		// Between two rankings the pages show the last one (the cost of a
		// list is then the same however many articles were read).
		read("/berita/dpr-bahas-anggaran-pertahanan", 4)
		order("read since the ranking", startup, budget)
		rank()
		order("and ranked", budget, startup)
	})
}
