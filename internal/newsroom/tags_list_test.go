package newsroom_test

import (
	"context"
	"fmt"
	"html"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"warta/internal/domain"
	"warta/internal/newsroom/nrtest"
	"warta/internal/store"
	"warta/internal/testdb"
)

var (
	tagRow     = regexp.MustCompile(`<tr data-tag="(\d+)">`)
	formAction = regexp.MustCompile(`<form method="post" action="([^"]+)"`)
)

// formActions lists where a page's forms post.
func formActions(body string) []string {
	var out []string
	for _, m := range formAction.FindAllStringSubmatch(body, -1) {
		out = append(out, html.UnescapeString(m[1]))
	}
	return out
}

// The newsroom's tag page at more tags than fit one page: 50 a page with
// the article list's pager, a search by the start of the name, the most
// used first, published articles counted; rename and merge from page 2
// land back on it; bad input a clear 4xx.
func TestNewsroomTagListPagesSearchesAndKeepsItsPlace(t *testing.T) {
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		e := nrtest.New(t, st)
		// 120 tags "Topik 001" to "Topik 120" on drafts; 007 on three
		// published articles, 042 on two, 100 on one.
		for i := range 4 {
			var tags []string
			for j := 1; j <= 30; j++ {
				tags = append(tags, fmt.Sprintf("Topik %03d", i*30+j))
			}
			e.CreateArticle(t, map[string]any{"title": fmt.Sprintf("Draf topik %d", i), "category": "nasional", "tags": tags})
		}
		for i, tag := range []string{"Topik 007", "Topik 007", "Topik 007", "Topik 042", "Topik 042", "Topik 100"} {
			e.CreateArticle(t, map[string]any{"title": fmt.Sprintf("Terbit %d", i), "category": "nasional", "status": "published", "tags": []string{tag}})
		}
		all, err := st.TagsWithCounts(ctx)
		if err != nil {
			t.Fatal(err)
		}
		slices.SortFunc(all, func(x, y store.TagCount) int { return strings.Compare(x.Slug, y.Slug) })
		id := map[string]int64{}
		var bySlug []int64
		for _, x := range all {
			id[x.Slug] = x.ID
			bySlug = append(bySlug, x.ID)
		}
		if len(all) != 120 {
			t.Fatalf("fixture: %d tags, want 120", len(all))
		}
		b := newBrowser(t, e)
		b.login(domain.RoleEditor)

		ids, pages := walkRows(t, b, "/redaksi/tag", tagRow)
		if !slices.Equal(ids, bySlug) || len(pages) != 3 {
			t.Errorf("unfiltered: %d tags over %d pages, want all 120 by name over 3", len(ids), len(pages))
		}
		if p := pages[0].body; !strings.Contains(p, "Halaman 1 dari 3") || !strings.Contains(p, `href="/redaksi/tag?page=3">Terakhir`) ||
			!strings.Contains(p, "120 topik.") || !strings.Contains(p, "<th>Artikel terbit</th>") {
			t.Error("page 1: no pager, count or column label")
		}
		if p := pages[2].body; !strings.Contains(p, `rel="prev" href="/redaksi/tag?page=2"`) || strings.Contains(p, "Berikutnya") {
			t.Error("page 3: wrong pager links")
		}
		count := func(body, slug string) string {
			m := regexp.MustCompile(`href="/tag/` + slug + `">#[^<]*</a></td><td>(\d+)</td>`).FindStringSubmatch(body)
			if m == nil {
				return "none"
			}
			return m[1]
		}
		if c := count(pages[0].body, "topik-007"); c != "3" {
			t.Errorf("Topik 007 shows %s articles, want its 3 published (its draft not counted)", c)
		}
		if c := count(pages[0].body, "topik-001"); c != "0" {
			t.Errorf("Topik 001, on a draft only, shows %s articles, want 0", c)
		}

		// The search: the start of the name, whatever the case; the pager
		// keeps it.
		if ids, p := walkRows(t, b, "/redaksi/tag?q=TOPIK+00", tagRow); !slices.Equal(ids, bySlug[:9]) || !strings.Contains(p[0].body, "9 topik diawali") {
			t.Errorf("q=TOPIK 00: %d tags, want Topik 001 to 009", len(ids))
		}
		ids, pages = walkRows(t, b, "/redaksi/tag?q=topik+0", tagRow)
		if !slices.Equal(ids, bySlug[:99]) || len(pages) != 2 {
			t.Errorf("q=topik 0: %d tags over %d pages, want 99 over 2", len(ids), len(pages))
		}
		if p := b.get("/redaksi/tag?q=jakarta"); !strings.Contains(p.body, "Tidak ada topik yang namanya diawali") {
			t.Error("a search with no match does not say so")
		}
		// The most used first: only tags with published articles.
		if ids, p := walkRows(t, b, "/redaksi/tag?urut=terbanyak", tagRow); !slices.Equal(ids, []int64{id["topik-007"], id["topik-042"], id["topik-100"]}) ||
			count(p[0].body, "topik-042") != "2" || !strings.Contains(p[0].body, `<option value="terbanyak" selected>`) {
			t.Errorf("most used first: %v", ids)
		}

		// Rename from page 2: back on page 2, the new name shown.
		page2 := b.get("/redaksi/tag?page=2")
		action := "/redaksi/tag/" + strconv.FormatInt(id["topik-060"], 10) + "?page=2"
		if !slices.Contains(formActions(page2.body), action) {
			t.Fatalf("page 2 has no form posting to %s", action)
		}
		p := b.post(action, url.Values{"csrf": {b.csrf}, "name": {"Topik 060 Banjir"}})
		if p.code != http.StatusSeeOther || p.location != "/redaksi/tag?page=2&ok=tersimpan" {
			t.Fatalf("rename from page 2: %d to %q", p.code, p.location)
		}
		if p := b.get(p.location); !strings.Contains(p.body, "Perubahan tersimpan.") || !strings.Contains(p.body, "#Topik 060 Banjir") || !strings.Contains(p.body, "Halaman 2 dari 3") {
			t.Error("after the rename: not page 2 with the new name")
		}
		// Merge from page 2 of a search: back there, one tag fewer.
		search2 := b.get("/redaksi/tag?q=topik+0&page=2")
		action = "/redaksi/tag/" + strconv.FormatInt(id["topik-070"], 10) + "?page=2&q=topik+0"
		if !slices.Contains(formActions(search2.body), action) {
			t.Fatalf("page 2 of the search has no form posting to %s", action)
		}
		p = b.post(action, url.Values{"csrf": {b.csrf}, "into": {"Topik 007"}})
		if p.code != http.StatusSeeOther || p.location != "/redaksi/tag?page=2&q=topik+0&ok=tersimpan" {
			t.Fatalf("merge from page 2: %d to %q", p.code, p.location)
		}
		if p := b.get(p.location); !strings.Contains(p.body, "98 topik diawali") || strings.Contains(p.body, "#Topik 070<") || !strings.Contains(p.body, "Halaman 2 dari 2") {
			t.Error("after the merge: not page 2 of the search without Topik 070")
		}
		// A refused rename shows the same page again with the reason.
		p = b.post("/redaksi/tag/"+strconv.FormatInt(id["topik-061"], 10)+"?page=2&q=topik+0", url.Values{"csrf": {b.csrf}, "name": {"Topik 062"}})
		if p.code != http.StatusConflict || !strings.Contains(p.body, "sudah ada") || !strings.Contains(p.body, "Halaman 2 dari 2") || !strings.Contains(p.body, `value="topik 0"`) {
			t.Errorf("refused rename: %d, want 409 on page 2 of the search with the reason", p.code)
		}
		// A merge that empties the page it was sent from lands on the last
		// page there is.
		p = b.post("/redaksi/tag/"+strconv.FormatInt(id["topik-110"], 10)+"?page=2&q=topik+11", url.Values{"csrf": {b.csrf}, "into": {"Topik 111"}})
		if p.code != http.StatusSeeOther || p.location != "/redaksi/tag?q=topik+11&ok=tersimpan" {
			t.Errorf("merge from a page past the end: %d to %q", p.code, p.location)
		}

		for _, c := range []struct {
			method, path string
			code         int
			want         string
		}{
			{"GET", "/redaksi/tag?page=0", 400, "tidak valid"},
			{"GET", "/redaksi/tag?page=abc", 400, "tidak valid"},
			{"GET", "/redaksi/tag?page=9", 404, "Halaman 9 daftar topik tidak ada"},
			{"GET", "/redaksi/tag?urut=acak", 400, "tidak dikenal"},
			{"GET", "/redaksi/tag?q=" + strings.Repeat("a", 10000), 400, "paling panjang 100 karakter"},
			{"POST", "/redaksi/tag/" + strconv.FormatInt(id["topik-001"], 10) + "?page=abc", 400, "tidak valid"},
		} {
			var p page
			if c.method == "GET" {
				p = b.get(c.path)
			} else {
				p = b.post(c.path, url.Values{"csrf": {b.csrf}, "name": {"Topik Satu"}})
			}
			if p.code != c.code || !strings.Contains(p.body, c.want) {
				t.Errorf("%s %.60s: %d, want %d with %q", c.method, c.path, p.code, c.code, c.want)
			}
		}
	})
}
