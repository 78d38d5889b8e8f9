package faults

import (
	"fmt"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
)

// kill -9 while articles are being created leaves no half article: every
// article has its owner and its first revision, every published one is in
// the search index, and every create that was answered 201 is there.
// Before creates were one transaction, 2 of 3 runs on each engine left
// articles without a revision or an owner.
func TestKill9DuringCreatesLeavesNoHalfArticle(t *testing.T) {
	each(t, func(t *testing.T, dsn string) {
		token := account(t, dsn, "admin")
		var acked []int64
		for round := range rounds("WARTA_FAULT_ROUNDS", 3) {
			p := start(t, dsn)
			if round == 0 {
				category(t, p, token)
			}
			var mu sync.Mutex
			var n atomic.Int64
			var wg sync.WaitGroup
			killAt := int64(10 + 5*round)
			for w := range 4 {
				wg.Add(1)
				go func() {
					defer wg.Done()
					for i := 0; ; i++ {
						status := "draft"
						if i%2 == 0 {
							status = "published"
						}
						r, err := api(p.URL, token, "POST", "/articles", map[string]any{
							"title":   fmt.Sprintf("Berita %d-%d-%d %s", round, w, i, randHex(3)),
							"excerpt": "Ringkasan berita.", "body": "Isi **berita** tentang banjir di Jakarta.",
							"category": "umum", "tags": []string{"Banjir", fmt.Sprintf("Topik %d", i%5)}, "status": status,
						})
						if err != nil {
							return // the process is gone
						}
						if r.Status == http.StatusCreated {
							mu.Lock()
							acked = append(acked, r.id(t))
							mu.Unlock()
							if n.Add(1) == killAt {
								p.kill()
							}
							continue
						}
						if r.Status == http.StatusBadRequest && strings.Contains(string(r.Body), "kategori") {
							t.Errorf("no category: %s", r.Body)
						}
						return
					}
				}()
			}
			wg.Wait()
			p.kill()
		}
		db := openDB(t, dsn)
		if n := count(t, db, `SELECT COUNT(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM article_owners o WHERE o.article_id = a.id)`); n != 0 {
			t.Errorf("%d articles without an owner", n)
		}
		if n := count(t, db, `SELECT COUNT(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM article_revisions r WHERE r.article_id = a.id)`); n != 0 {
			t.Errorf("%d articles without a revision", n)
		}
		pub := count(t, db, `SELECT COUNT(*) FROM articles WHERE status = 'published'`)
		if idx := count(t, db, `SELECT COUNT(*) FROM article_search`); idx != pub {
			t.Errorf("%d published articles, %d in the search index", pub, idx)
		}
		for _, id := range acked {
			if count(t, db, `SELECT COUNT(*) FROM articles WHERE id = `+fmt.Sprint(id)) != 1 {
				t.Errorf("acknowledged article %d is gone", id)
			}
		}
		t.Logf("%d acknowledged creates over the kills, %d articles", len(acked), count(t, db, "SELECT COUNT(*) FROM articles"))
	})
}
