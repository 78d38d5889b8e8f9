package discovery_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"warta/internal/discovery"
	"warta/internal/domain"
	"warta/internal/newsroom/nrtest"
	"warta/internal/store"
	"warta/internal/testdb"
)

// TestRelatedEvaluation loads the evaluation set (evalset_test.go) through
// the admin API as a newsroom would, one half per database, in publication
// order with the articles' own past published_at, with the related-news
// engine running. It reads every article's related list from the public API
// a few seconds after the last publish and again once the engine has
// settled, and prints precision@5 beside a plain TF-IDF cosine baseline on
// the same articles. It prints figures and asserts nothing about them; it
// runs when WARTA_RELATED_EVAL is set (bench/related.sh).
func TestRelatedEvaluation(t *testing.T) {
	if os.Getenv("WARTA_RELATED_EVAL") == "" {
		t.Skip("set WARTA_RELATED_EVAL=1 (or run bench/related.sh) to run the related-news evaluation")
	}
	readAfter := 3 * time.Second
	if d, err := time.ParseDuration(os.Getenv("WARTA_RELATED_READ_AFTER")); err == nil {
		readAfter = d
	}
	fams := loadEvalMaterial(t)
	lists := map[string]map[string][]int64{} // engine/half -> article key -> related keys
	var report []string
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		for _, half := range []string{"tune", "test"} {
			key := fmt.Sprintf("%s/%s", st.Dialect(), half)
			line, got := runEvalHalf(t, st, fams, half, readAfter, false)
			lists[key] = got
			report = append(report, line)
			t.Log(line)
			st = freshLike(t, st) // the halves never share a database
		}
	})
	for _, half := range []string{"tune", "test"} {
		a, b := lists["sqlite/"+half], lists["postgres/"+half]
		if a == nil || b == nil {
			continue
		}
		same := 0
		for k, l := range a {
			if slices.Equal(l, b[k]) {
				same++
			}
		}
		report = append(report, fmt.Sprintf("%s half: %d of %d lists identical on SQLite and PostgreSQL after a full rebuild", half, same, len(a)))
	}
	fmt.Println("related-news evaluation (precision@5):\n  " + strings.Join(report, "\n  "))
}

// freshLike opens a new empty database on the same engine as st.
func freshLike(t *testing.T, st *store.Store) *store.Store {
	if st.Dialect() == "postgres" {
		return testdb.Postgres(t)
	}
	return testdb.SQLite(t)
}

// TestRelatedEvaluationOnArchive loads the test half of the evaluation set
// on top of a big archive (WARTA_RELATED_ARCHIVE: a copy of a bench/scalegen
// database, SQLite file or postgres:// URL, which it changes), as
// TestRelatedEvaluation does on an empty database, and prints precision@5 a
// few seconds after the last publish and once settled: archive articles in
// an evaluation article's list count as wrong. This is the evaluation at the
// archive sizes where the candidate bounds (posting budget, tag cap) bind.
// No full rebuild: that would recompute every archive list.
func TestRelatedEvaluationOnArchive(t *testing.T) {
	dsn := os.Getenv("WARTA_RELATED_ARCHIVE")
	if dsn == "" {
		t.Skip("set WARTA_RELATED_ARCHIVE to a copy of a bench/scalegen database")
	}
	readAfter := 3 * time.Second
	if d, err := time.ParseDuration(os.Getenv("WARTA_RELATED_READ_AFTER")); err == nil {
		readAfter = d
	}
	st, err := store.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := st.Migrate(context.Background()); err != nil {
		t.Fatal(err)
	}
	line, _ := runEvalHalf(t, st, loadEvalMaterial(t), "test", readAfter, true)
	fmt.Println("related-news evaluation on an archive (precision@5):\n  " + line)
}

// runEvalHalf loads one half into st and measures it. On an archive
// (a database already holding articles) categories it has are reused and
// there is no full rebuild.
func runEvalHalf(t *testing.T, st *store.Store, fams []*evalFamily, half string, readAfter time.Duration, archive bool) (string, map[string][]int64) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	e := nrtest.New(t, st)
	for _, name := range []string{"Ekonomi", "Olahraga", "Hukum", "Politik", "Kesehatan", "Internasional"} {
		r := e.API(t, domain.RoleAdmin, "POST", "/categories", map[string]any{"name": name})
		if r.Status != http.StatusCreated && !(archive && r.Status == http.StatusConflict) {
			t.Fatalf("category %s: %d %s", name, r.Status, r.Body)
		}
	}
	// The application's own related-news worker, as in production: a
	// second engine here would compute every list twice, racing the first.
	eng := e.App.Discovery

	loc := e.Location
	now := time.Now().In(loc)
	start := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, loc).AddDate(0, 0, -60)
	arts := generateEval(fams, half, start)
	began := time.Now()
	for _, a := range arts {
		fields := map[string]any{"title": a.title, "excerpt": a.excerpt, "body": a.body,
			"category": a.story.family.category, "status": "published", "published_at": a.publishedAt.Format(time.RFC3339)}
		if len(a.tags) > 0 {
			fields["tags"] = a.tags
		}
		a.id = e.CreateArticle(t, fields)
	}
	loaded := time.Since(began)
	time.Sleep(readAfter)
	early := readRelated(t, e, arts)
	wctx, wcancel := context.WithTimeout(ctx, 5*time.Minute)
	defer wcancel()
	if err := eng.Wait(wctx); err != nil {
		t.Logf("related news not settled after 5 minutes: %v", err)
	}
	settled := time.Since(began)
	late := readRelated(t, e, arts)
	// A full rebuild computes every list with the final statistics: what
	// the lists would be whatever the order and timing of the work.
	rebuilt := late
	if !archive {
		if err := discovery.RebuildRelated(ctx, st); err != nil {
			t.Fatal(err)
		}
		rebuilt = readRelated(t, e, arts)
	}
	base := tfidfBaseline(arts)
	// Lists by position in the set, comparable across databases.
	pos := map[int64]int64{}
	for i, a := range arts {
		pos[a.id] = int64(i)
	}
	byKey := map[string][]int64{}
	for id, l := range rebuilt {
		k := fmt.Sprint(pos[id])
		for _, x := range l {
			byKey[k] = append(byKey[k], pos[x])
		}
	}
	sp, none, n := searchEval(t, e, fams, half, arts)
	line := fmt.Sprintf("%-8s %-4s search: P@10 %.3f over %d labelled queries, %d with no result\n  ", st.Dialect(), half, sp, n, none) +
		fmt.Sprintf("%-8s %-4s %s; loaded in %.1fs, settled %.1fs after the first publish; "+
			"P@5 %.0fs after the last publish %.3f, settled %.3f, after a full rebuild %.3f, TF-IDF baseline %.3f",
			st.Dialect(), half, describeEval(arts), loaded.Seconds(), settled.Seconds(), readAfter.Seconds(),
			precisionAt5(arts, early), precisionAt5(arts, late), precisionAt5(arts, rebuilt), precisionAt5(arts, base))
	return line, byKey
}

// readRelated reads every article's related list from the public API, as a
// reader's page would get it.
func readRelated(t *testing.T, e *nrtest.Env, arts []*evalArticle) map[int64][]int64 {
	out := map[int64][]int64{}
	for _, a := range arts {
		resp, err := http.Get(fmt.Sprintf("%s/api/v1/articles/%d", e.URL, a.id))
		if err != nil {
			t.Fatal(err)
		}
		var body struct {
			Data struct {
				Related []struct {
					ID int64 `json:"id"`
				} `json:"related"`
			} `json:"data"`
		}
		err = json.NewDecoder(resp.Body).Decode(&body)
		resp.Body.Close()
		if err != nil || resp.StatusCode != 200 {
			t.Fatalf("article %d: %d %v", a.id, resp.StatusCode, err)
		}
		for _, r := range body.Data.Related {
			out[a.id] = append(out[a.id], r.ID)
		}
	}
	return out
}

// searchEval runs the labelled queries of this half's stories through the
// public search API and returns their mean precision@10.
func searchEval(t *testing.T, e *nrtest.Env, fams []*evalFamily, half string, arts []*evalArticle) (float64, int, int) {
	story := map[int64]*evalStory{}
	byKey := map[string]*evalStory{}
	for _, a := range arts {
		story[a.id] = a.story
		byKey[a.story.key] = a.story
	}
	var sum float64
	n, none := 0, 0
	for _, q := range evalQueries {
		want := byKey[q.story]
		if want == nil {
			continue // a story of the other half
		}
		resp, err := http.Get(e.URL + "/api/v1/search?q=" + url.QueryEscape(q.q))
		if err != nil {
			t.Fatal(err)
		}
		var body struct {
			Data []struct {
				ID int64 `json:"id"`
			} `json:"data"`
		}
		err = json.NewDecoder(resp.Body).Decode(&body)
		resp.Body.Close()
		if err != nil {
			t.Fatal(err)
		}
		var ids []int64
		for _, d := range body.Data {
			ids = append(ids, d.ID)
		}
		if len(ids) == 0 {
			none++
		}
		p := precisionAt10(ids, want, story)
		if os.Getenv("WARTA_RELATED_EVAL") == "v" {
			t.Logf("query %q: P@10 %.2f (%d results)", q.q, p, len(ids))
		}
		sum += p
		n++
	}
	return sum / float64(max(n, 1)), none, n
}
