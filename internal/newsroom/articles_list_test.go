package newsroom_test

import (
	"context"
	"html"
	"net/http"
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

// listFixture stores 70 articles: even ones drafts, odd ones published;
// every third in Teknologi, the rest in Nasional; every fifth by Sari
// Dewi, the rest by Budi Santoso. want lists the ids a filter should show,
// most recently updated first.
type listFixture struct {
	nas, tek, budi, sari int64
	ids                  []int64 // newest first
	status               map[int64]domain.Status
	cat, author          map[int64]int64
}

func newListFixture(t *testing.T, st *store.Store) listFixture {
	t.Helper()
	ctx := context.Background()
	f := listFixture{status: map[int64]domain.Status{}, cat: map[int64]int64{}, author: map[int64]int64{}}
	cats, err := st.Categories(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cats {
		switch c.Slug {
		case "nasional":
			f.nas = c.ID
		case "teknologi":
			f.tek = c.ID
		}
	}
	if f.budi, err = st.CreateAuthor(ctx, domain.Author{Name: "Budi Santoso"}); err != nil {
		t.Fatal(err)
	}
	if f.sari, err = st.CreateAuthor(ctx, domain.Author{Name: "Sari Dewi"}); err != nil {
		t.Fatal(err)
	}
	for i := range 70 {
		in := store.ArticleInput{Title: "Berita Daftar " + strconv.Itoa(i), CategoryID: f.nas, AuthorIDs: []int64{f.budi}, Status: domain.StatusDraft}
		if i%2 == 1 {
			in.Status, in.PublishedAt = domain.StatusPublished, time.Date(2024, 6, 1, 0, i, 0, 0, time.UTC)
		}
		if i%3 == 0 {
			in.CategoryID = f.tek
		}
		if i%5 == 0 {
			in.AuthorIDs = []int64{f.sari}
		}
		id, err := st.CreateArticle(ctx, in)
		if err != nil {
			t.Fatal(err)
		}
		f.ids = append([]int64{id}, f.ids...)
		f.status[id], f.cat[id], f.author[id] = in.Status, in.CategoryID, in.AuthorIDs[0]
	}
	return f
}

func (f listFixture) want(status domain.Status, cat, author int64) []int64 {
	var out []int64
	for _, id := range f.ids {
		if (status == "" || f.status[id] == status) && (cat == 0 || f.cat[id] == cat) && (author == 0 || f.author[id] == author) {
			out = append(out, id)
		}
	}
	return out
}

var (
	rowID    = regexp.MustCompile(`<tr data-article="(\d+)">`)
	nextLink = regexp.MustCompile(`<a rel="next" href="([^"]+)">Berikutnya`)
)

// walk follows the list's "Berikutnya" links from path and returns every
// article id it shows, and the pages seen.
func walk(t *testing.T, b *browser, path string) ([]int64, []page) {
	t.Helper()
	return walkRows(t, b, path, rowID)
}

// walkRows is walk for any list whose rows' ids rowID finds.
func walkRows(t *testing.T, b *browser, path string, rowID *regexp.Regexp) ([]int64, []page) {
	t.Helper()
	var ids []int64
	var pages []page
	for path != "" && len(pages) < 10 {
		p := b.get(path)
		if p.code != http.StatusOK {
			t.Fatalf("%s: status %d", path, p.code)
		}
		pages = append(pages, p)
		for _, m := range rowID.FindAllStringSubmatch(p.body, -1) {
			id, _ := strconv.ParseInt(m[1], 10, 64)
			ids = append(ids, id)
		}
		path = ""
		if m := nextLink.FindStringSubmatch(p.body); m != nil {
			path = html.UnescapeString(m[1])
		}
	}
	return ids, pages
}

// The newsroom's article list: the pager links, filters by status, channel
// and author that combine and survive paging, bad choices a clear 400.
func TestNewsroomArticleListPagesAndFilters(t *testing.T) {
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		e := nrtest.New(t, st)
		f := newListFixture(t, st)
		b := newBrowser(t, e)
		b.login(domain.RoleEditor)

		ids, pages := walk(t, b, "/redaksi/artikel")
		if !slices.Equal(ids, f.ids) || len(pages) != 3 {
			t.Errorf("unfiltered: %d ids over %d pages, want the 70 newest first over 3", len(ids), len(pages))
		}
		if p := pages[0].body; !strings.Contains(p, "Halaman 1 dari 3") || !strings.Contains(p, `href="/redaksi/artikel?page=3">Terakhir`) || strings.Contains(p, "Sebelumnya") {
			t.Error("page 1: no pager links")
		}
		if p := pages[2].body; !strings.Contains(p, `rel="prev" href="/redaksi/artikel?page=2"`) || !strings.Contains(p, `href="/redaksi/artikel">« Pertama`) || strings.Contains(p, "Berikutnya") {
			t.Error("page 3: wrong pager links")
		}
		for _, c := range []struct {
			status      domain.Status
			cat, author int64
		}{
			{domain.StatusDraft, 0, 0}, {"", f.tek, 0}, {"", 0, f.budi},
			{domain.StatusDraft, f.nas, f.budi}, {domain.StatusPublished, f.tek, f.sari}, {domain.StatusPublished, f.nas, 0},
		} {
			path := "/redaksi/artikel?status=" + string(c.status)
			if c.cat != 0 {
				path += "&kanal=" + strconv.FormatInt(c.cat, 10)
			}
			if c.author != 0 {
				path += "&penulis=" + strconv.FormatInt(c.author, 10)
			}
			want := f.want(c.status, c.cat, c.author)
			got, pages := walk(t, b, path)
			if !slices.Equal(got, want) {
				t.Errorf("%s: %d articles %v, want %d %v", path, len(got), got, len(want), want)
			}
			last := pages[len(pages)-1].body
			if !strings.Contains(pages[0].body, strconv.Itoa(len(want))+" artikel cocok dengan saringan") {
				t.Errorf("%s: the count %d is not shown", path, len(want))
			}
			// The form on the last page still shows the filters chosen.
			for name, v := range map[string]int64{"kanal": c.cat, "penulis": c.author} {
				if v != 0 && !regexp.MustCompile(`name="`+name+`">(?s:.*?)<option value="`+strconv.FormatInt(v, 10)+`" selected>`).MatchString(last) {
					t.Errorf("%s: %s not selected on page %d", path, name, len(pages))
				}
			}
			if c.status != "" && !strings.Contains(last, `<option value="`+string(c.status)+`" selected>`) {
				t.Errorf("%s: status not selected on page %d", path, len(pages))
			}
		}
		if p := b.get("/redaksi/artikel?status=published&kanal=" + strconv.FormatInt(f.tek, 10) + "&penulis=" + strconv.FormatInt(f.sari, 10) + "&q=tidak-ada"); !strings.Contains(p.body, "Tidak ada artikel yang cocok dengan saringan ini.") || !strings.Contains(p.body, "Hapus saringan") {
			t.Error("an empty filtered list does not say so")
		}
		for _, c := range []struct {
			path string
			code int
			want string
		}{
			{"/redaksi/artikel?kanal=abc", 400, "Kanal &#34;abc&#34; tidak dikenal: pilih dari daftar"},
			{"/redaksi/artikel?kanal=99999", 400, "tidak dikenal"},
			{"/redaksi/artikel?penulis=x", 400, "Penulis &#34;x&#34; tidak dikenal"},
			{"/redaksi/artikel?status=rusak", 400, "tidak dikenal"},
			{"/redaksi/artikel?page=0", 400, "tidak valid"},
			{"/redaksi/artikel?page=abc", 400, "tidak valid"},
			{"/redaksi/artikel?page=9", 404, "Halaman 9 daftar artikel tidak ada"},
		} {
			if p := b.get(c.path); p.code != c.code || !strings.Contains(p.body, c.want) {
				t.Errorf("%s: %d, want %d with %q", c.path, p.code, c.code, c.want)
			}
		}

		// A writer's list holds only their own articles, filters included.
		r := e.API(t, domain.RoleWriter, http.MethodPost, "/articles", map[string]any{"title": "Tulisan Wati Sendiri", "category": "teknologi", "body": "Isi."})
		if r.Status != http.StatusCreated {
			t.Fatalf("writer's article: %d %s", r.Status, r.Body)
		}
		var created struct {
			ID int64 `json:"id"`
		}
		r.Data(t, &created)
		own := created.ID
		w := newBrowser(t, e)
		w.login(domain.RoleWriter)
		got, _ := walk(t, w, "/redaksi/artikel?kanal="+strconv.FormatInt(f.tek, 10))
		if !slices.Equal(got, []int64{own}) {
			t.Errorf("writer's Teknologi list = %v, want only their own %d", got, own)
		}
	})
}
