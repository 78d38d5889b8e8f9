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
		// An archive from before 0190: the same texts, worked out. Brief
		// reads (a result page's, the page's rows in the match's query when
		// all matches fit on it) give the same articles and texts.
		find := func(q string, size int, brief bool) store.SearchResult {
			t.Helper()
			res, err := s.Find(ctx, store.SearchRequest{Query: store.ParseQuery(q), Order: store.SearchByRelevance,
				Page: domain.Page{Number: 1, Size: size}, Texts: true, Brief: brief, WithoutRelations: true})
			if err != nil || len(res.Texts) != len(res.Articles) {
				t.Fatalf("search %q: %d articles, %d texts (%v)", q, len(res.Articles), len(res.Texts), err)
			}
			return res
		}
		texts := func() []string {
			t.Helper()
			var out []string
			for _, c := range []struct {
				q    string
				size int
			}{{"arsip", 50}, {"arsip", 10}, {"kudus", 10}, {"banjir kudus", 1}} {
				full, brief := find(c.q, c.size, false), find(c.q, c.size, true)
				if len(full.Articles) == 0 || !slices.Equal(full.Texts, brief.Texts) {
					t.Fatalf("%q: texts %q, brief %q", c.q, full.Texts, brief.Texts)
				}
				for i, a := range full.Articles {
					b := brief.Articles[i]
					if a.ID != b.ID || a.Title != b.Title || a.Slug != b.Slug || a.Excerpt != b.Excerpt || a.Hot != b.Hot ||
						!a.PublishedAt.Equal(b.PublishedAt) || a.Category.ID != b.Category.ID || a.Category.Slug != b.Category.Slug ||
						a.Category.Name != b.Category.Name {
						t.Fatalf("%q: result %d %+v, brief %+v", c.q, i, a, b)
					}
				}
				out = append(out, full.Texts...)
			}
			return out
		}
		kept := texts()
		if len(kept) != len(ids)+10+2 {
			t.Fatalf("%d texts, want %d", len(kept), len(ids)+12)
		}
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
