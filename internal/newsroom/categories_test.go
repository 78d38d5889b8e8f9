package newsroom_test

import (
	"context"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"warta/internal/domain"
	"warta/internal/newsroom/nrtest"
	"warta/internal/store"
	"warta/internal/testdb"
)

// Issue 12 item 10: a category's description is edited in the newsroom,
// and a new category asked for an existing position lands there, the ones
// after it moving down (it used to be sorted among them by name). A new
// category without a position goes last.
func TestCategoryDescriptionAndPosition(t *testing.T) {
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		e := nrtest.New(t, st) // Nasional at 1, Teknologi at 2
		ctx := context.Background()
		b := newBrowser(t, e)
		b.login(domain.RoleEditor)
		page := b.get("/redaksi/kategori")
		if !strings.Contains(page.body, `name="description"`) || strings.Contains(page.body, `type="hidden" name="description"`) {
			t.Fatalf("the categories page offers no description field:\n%s", page.body)
		}
		cats, _ := st.Categories(ctx)
		nas := cats[0]
		p := b.post("/redaksi/kategori/"+strconv.FormatInt(nas.ID, 10), url.Values{"csrf": {b.csrf}, "name": {nas.Name}, "slug": {nas.Slug},
			"description": {"Berita politik, hukum dan pemerintahan."}, "position": {"1"}})
		if p.code >= 400 {
			t.Fatalf("save description: %d", p.code)
		}
		if c, _ := st.CategoryBySlug(ctx, nas.Slug); c.Description != "Berita politik, hukum dan pemerintahan." {
			t.Errorf("description after save: %q", c.Description)
		}
		// "Ekonomi" asked for position 2: between Nasional and Teknologi.
		if p := b.post("/redaksi/kategori", url.Values{"csrf": {b.csrf}, "name": {"Ekonomi"}, "position": {"2"}}); p.code >= 400 {
			t.Fatalf("create: %d", p.code)
		}
		// "Zodiak" without a position: last.
		if p := b.post("/redaksi/kategori", url.Values{"csrf": {b.csrf}, "name": {"Zodiak"}, "position": {""}}); p.code >= 400 {
			t.Fatalf("create: %d", p.code)
		}
		if p := b.post("/redaksi/kategori", url.Values{"csrf": {b.csrf}, "name": {"Wisata"}, "position": {"1"}}); p.code >= 400 {
			t.Fatalf("create: %d", p.code)
		}
		cats, _ = st.Categories(ctx)
		var order []string
		for _, c := range cats {
			order = append(order, c.Name)
		}
		if got, want := strings.Join(order, ", "), "Wisata, Nasional, Ekonomi, Teknologi, Zodiak"; got != want {
			t.Errorf("navigation order %q, want %q", got, want)
		}
	})
}
