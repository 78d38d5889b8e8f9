package store_test

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"warta/internal/domain"
	"warta/internal/store"
	"warta/internal/testdb"
)

// article_text holds every published article's SnippetText, whichever path
// wrote it: a publish, an edit (one that changes no index term too), an
// unpublication and a new publication, a body rewrite, a bulk load; an
// archive without it gets the same text worked out per request, and
// FillArticleText fills it in.
func TestArticleTextFollowsEveryWrite(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := newFixture(t, s)
		in := store.ArticleInput{Title: "Banjir Demak", Excerpt: "Warga mengungsi.", BodySource: "x",
			BodyHTML: "<p>Banjir <strong>mer</strong>endam &amp; menggenangi Demak.</p><p>Dua</p>", CategoryID: f.nasional,
			AuthorIDs: []int64{f.author}}
		id := publish(t, s, in)
		check := func(when string, id int64, want string) {
			t.Helper()
			got, ok := store.ArticleText(s, id)
			if want == "" {
				if ok {
					t.Errorf("%s: article %d keeps text %q, want none", when, id, got)
				}
				return
			}
			if !ok || got != want {
				t.Errorf("%s: article %d text %q (row %v), want %q", when, id, got, ok, want)
			}
		}
		check("published", id, "Warga mengungsi. Banjir merendam & menggenangi Demak. Dua")
		// Only punctuation and case change: the index row stays as it was,
		// the text does not.
		in.BodyHTML = "<p>BANJIR merendam, menggenangi Demak!</p>"
		in.Status, in.PublishedAt = domain.StatusPublished, s.Now().Add(-2*time.Hour)
		if err := s.UpdateArticle(ctx, id, in); err != nil {
			t.Fatal(err)
		}
		check("edited", id, "Warga mengungsi. BANJIR merendam, menggenangi Demak!")
		if err := s.SetArticleStatus(ctx, id, domain.StatusDraft, s.Now()); err != nil {
			t.Fatal(err)
		}
		check("unpublished", id, "")
		if err := s.SetArticleStatus(ctx, id, domain.StatusPublished, s.Now().Add(-time.Minute)); err != nil {
			t.Fatal(err)
		}
		check("published again", id, "Warga mengungsi. BANJIR merendam, menggenangi Demak!")
		if _, err := s.RewriteBodies(ctx, func(_, h string) (string, error) { return strings.ReplaceAll(h, "Demak", "Kudus"), nil }); err != nil {
			t.Fatal(err)
		}
		check("body rewritten", id, "Warga mengungsi. BANJIR merendam, menggenangi Kudus!")
		res, err := s.Find(ctx, store.SearchRequest{Query: store.ParseQuery("kudus"), Order: store.SearchByNewest,
			Page: domain.Page{Number: 1, Size: 10}, Texts: true})
		if err != nil || len(res.Articles) != 1 || res.Articles[0].ID != id {
			t.Fatalf("search after the rewrite: %+v %v", res, err)
		}
		ids := bulkArchive(t, s, f, 30)
		var want []string
		for _, aid := range ids {
			a, err := s.ArticleByID(ctx, aid)
			if err != nil {
				t.Fatal(err)
			}
			want = append(want, store.SnippetText(a.Excerpt, a.BodyHTML))
			check("bulk loaded", aid, want[len(want)-1])
		}
		// An archive from before 0190: the same texts, worked out.
		texts := func() []string {
			res, err := s.Find(ctx, store.SearchRequest{Query: store.ParseQuery("arsip"), Order: store.SearchByNewest,
				Page: domain.Page{Number: 1, Size: 50}, Texts: true})
			if err != nil || len(res.Texts) != len(ids) {
				t.Fatalf("search the archive: %d texts, want %d (%v)", len(res.Texts), len(ids), err)
			}
			return res.Texts
		}
		kept := texts()
		if err := store.DropArticleText(s); err != nil {
			t.Fatal(err)
		}
		if got := texts(); !slices.Equal(got, kept) {
			t.Errorf("texts worked out differ from the kept ones:\n got  %q\n want %q", got, kept)
		}
		if n, err := s.FillArticleText(ctx); err != nil || n != len(ids)+1 {
			t.Errorf("FillArticleText filled %d (%v), want %d", n, err, len(ids)+1)
		}
		for i, aid := range ids {
			check("filled", aid, want[i])
		}
		if n, err := s.FillArticleText(ctx); err != nil || n != 0 {
			t.Errorf("FillArticleText once more filled %d (%v), want none", n, err)
		}
		check("filled", id, "Warga mengungsi. BANJIR merendam, menggenangi Kudus!")
	})
}
