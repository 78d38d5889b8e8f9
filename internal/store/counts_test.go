package store_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"warta/internal/domain"
	"warta/internal/store"
	"warta/internal/testdb"
)

// The totals read from article_counts and tag_counts (migration 0166) are
// what counting the articles gives, after every kind of write: create,
// draft, a publish time still ahead, a channel move, unpublishing, retagging,
// a tag merge, a tag rename, a delete and rescheduling. Each tag's newest
// publish time (tags.newest_pub_at, migration 0197) follows the same
// writes: the tag sitemap's lastmod is the tag's newest listed article, and
// the kept time is its newest published one, ahead of now or not; so do each
// author's (authors.newest_pub_at, 0200), the pages sitemap's authors and
// the API's author counts.
func TestListCountersFollowEveryWrite(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := newFixture(t, s)
		in := func(title string, cat int64, tags ...string) store.ArticleInput {
			return store.ArticleInput{Title: title, CategoryID: cat, Tags: tags, AuthorIDs: []int64{f.author},
				Status: domain.StatusPublished, PublishedAt: time.Now().Add(-time.Hour)}
		}
		// check asks for a list's total through the counters and, with a
		// publish-time bound that changes nothing, by counting.
		check := func(step string, filter domain.ArticleFilter, want int) {
			t.Helper()
			_, counted, err := s.QueryArticles(ctx, store.ArticleQuery{Filter: filter, Page: domain.Page{Number: 1, Size: 5}})
			if err != nil {
				t.Fatal(err)
			}
			_, real, err := s.QueryArticles(ctx, store.ArticleQuery{Filter: filter, From: time.Unix(0, 0), Page: domain.Page{Number: 1, Size: 5}})
			if err != nil {
				t.Fatal(err)
			}
			if counted != want || real != want {
				t.Errorf("%s: %+v: counter says %d, counting %d, want %d", step, filter, counted, real, want)
			}
		}
		stats := func(step string, nasional, ekonomi int, tags map[string]int, byStatus map[domain.Status]int) {
			t.Helper()
			cats, err := s.CategoryStats(ctx)
			if err != nil {
				t.Fatal(err)
			}
			got := map[int64]int{}
			for _, c := range cats {
				got[c.ID] = c.Articles
			}
			if got[f.nasional] != nasional || got[f.ekonomi] != ekonomi {
				t.Errorf("%s: category stats %v, want nasional %d, ekonomi %d", step, got, nasional, ekonomi)
			}
			ts, total, err := s.TagStats(ctx, domain.Page{Number: 1, Size: 50})
			if err != nil {
				t.Fatal(err)
			}
			gotTags := map[string]int{}
			for _, x := range ts {
				gotTags[x.Slug] = x.Articles
			}
			if fmt.Sprint(gotTags) != fmt.Sprint(tags) || total != len(tags) {
				t.Errorf("%s: tag stats %v (%d), want %v", step, gotTags, total, tags)
			}
			st, err := s.CountArticlesByStatus(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if fmt.Sprint(st) != fmt.Sprint(byStatus) {
				t.Errorf("%s: by status %v, want %v", step, st, byStatus)
			}
			_, n, err := s.AdminArticles(ctx, store.AdminFilter{Status: domain.StatusPublished}, domain.Page{Number: 1, Size: 5})
			if err != nil {
				t.Fatal(err)
			}
			if n != byStatus[domain.StatusPublished] {
				t.Errorf("%s: newsroom list of published articles: total %d, want %d", step, n, byStatus[domain.StatusPublished])
			}
		}
		newest := func(step string) {
			t.Helper()
			distinct := "IS DISTINCT FROM"
			if s.Dialect() == store.SQLite {
				distinct = "IS NOT"
			}
			for _, k := range [][3]string{{"tags", "article_tags", "tag_id"}, {"authors", "article_authors", "author_id"}} {
				var stale int
				if err := s.WriteDB().QueryRowContext(ctx, `SELECT COUNT(*) FROM `+k[0]+` t WHERE t.newest_pub_at `+distinct+`
					(SELECT MAX(l.pub_at) FROM `+k[1]+` l WHERE l.`+k[2]+` = t.id)`).Scan(&stale); err != nil {
					t.Fatal(err)
				}
				if stale > 0 {
					t.Errorf("%s: %d %s keep a newest publish time that is not their newest article's", step, stale, k[0])
				}
			}
			tagSitemapAgrees(t, s, step)
			authorsAgree(t, s, step)
		}
		all, nas, eko := domain.ArticleFilter{}, domain.ArticleFilter{CategorySlug: "nasional"}, domain.ArticleFilter{CategorySlug: "ekonomi"}
		banjir, gunung := domain.ArticleFilter{TagSlug: "banjir"}, domain.ArticleFilter{TagSlug: "gunung"}
		rina := domain.ArticleFilter{AuthorSlug: "rina-wulandari"} // every article's author (author_months, 0195)
		// A second author on two of the articles, so an author's total is
		// not the whole list's.
		budiID, err := s.CreateAuthor(ctx, domain.Author{Name: "Budi Santoso"})
		if err != nil {
			t.Fatal(err)
		}
		budi := domain.ArticleFilter{AuthorSlug: "budi-santoso"}
		withBudi := func(in store.ArticleInput) store.ArticleInput {
			in.AuthorIDs = append(in.AuthorIDs, budiID)
			return in
		}

		a := publish(t, s, withBudi(in("Banjir di Lereng Gunung", f.nasional, "Banjir", "Gunung")))
		b := publish(t, s, in("Banjir Rob", f.nasional, "Banjir"))
		c := publish(t, s, withBudi(in("Harga Gunung Emas", f.ekonomi, "Gunung")))
		draft := in("Draf Banjir", f.nasional, "Banjir")
		draft.Status = domain.StatusDraft
		publish(t, s, draft)
		ahead := in("Banjir Nanti", f.nasional, "Banjir", "Kelak")
		ahead.PublishedAt = time.Now().Add(time.Hour)
		aheadID := publish(t, s, ahead)
		for _, c := range []struct {
			f domain.ArticleFilter
			n int
		}{{all, 3}, {nas, 2}, {eko, 1}, {banjir, 2}, {gunung, 2}, {rina, 3}, {budi, 2}} {
			check("created", c.f, c.n)
		}
		// The article ahead of its time is published in the newsroom's
		// eyes, not yet on the site (its tag "kelak" is not listed).
		stats("created", 2, 1, map[string]int{"banjir": 2, "gunung": 2},
			map[domain.Status]int{domain.StatusPublished: 4, domain.StatusDraft: 1})
		newest("created")

		moved := in("Banjir Rob", f.ekonomi, "Banjir")
		if err := s.UpdateArticle(ctx, b, moved); err != nil {
			t.Fatal(err)
		}
		check("moved", nas, 1)
		check("moved", eko, 2)
		newest("moved")
		if err := s.SetArticleStatus(ctx, a, domain.StatusUnpublished, time.Time{}); err != nil {
			t.Fatal(err)
		}
		check("unpublished", all, 2)
		check("unpublished", rina, 2)
		check("unpublished", budi, 1)
		check("unpublished", banjir, 1)
		check("unpublished", gunung, 1)
		stats("unpublished", 0, 2, map[string]int{"banjir": 1, "gunung": 1},
			map[domain.Status]int{domain.StatusPublished: 3, domain.StatusDraft: 1, domain.StatusUnpublished: 1})
		newest("unpublished")

		// Retag c from Gunung to Banjir and Hujan, merge Hujan into Banjir
		// (c carries both: one row stays), rename Banjir.
		retag := in("Harga Gunung Emas", f.ekonomi, "Banjir", "Hujan")
		if err := s.UpdateArticle(ctx, c, retag); err != nil {
			t.Fatal(err)
		}
		check("retagged", banjir, 2)
		check("retagged", gunung, 0)
		check("retagged: Budi taken off", budi, 0)
		check("retagged", rina, 2)
		newest("retagged")
		hujan, err := s.TagBySlug(ctx, "hujan")
		if err != nil {
			t.Fatal(err)
		}
		bj, err := s.TagBySlug(ctx, "banjir")
		if err != nil {
			t.Fatal(err)
		}
		if err := s.MergeTags(ctx, hujan.ID, bj.ID); err != nil {
			t.Fatal(err)
		}
		newest("merged")
		if _, err := s.RenameTag(ctx, bj.ID, "Banjir Besar"); err != nil {
			t.Fatal(err)
		}
		check("merged", domain.ArticleFilter{TagSlug: "banjir-besar"}, 2)
		stats("merged", 0, 2, map[string]int{"banjir-besar": 2},
			map[domain.Status]int{domain.StatusPublished: 3, domain.StatusDraft: 1, domain.StatusUnpublished: 1})

		if err := s.DeleteArticle(ctx, c); err != nil {
			t.Fatal(err)
		}
		check("deleted", eko, 1)
		check("deleted", rina, 1)
		check("deleted", domain.ArticleFilter{TagSlug: "banjir-besar"}, 1)
		stats("deleted", 0, 1, map[string]int{"banjir-besar": 1},
			map[domain.Status]int{domain.StatusPublished: 2, domain.StatusDraft: 1, domain.StatusUnpublished: 1})
		newest("deleted")

		// The article ahead of its time rescheduled into the past becomes
		// its tags' newest (Kelak is listed), and back ahead again.
		ahead.Tags = []string{"Banjir Besar", "Kelak"}
		ahead.PublishedAt = time.Now().Add(-time.Minute)
		if err := s.UpdateArticle(ctx, aheadID, ahead); err != nil {
			t.Fatal(err)
		}
		stats("rescheduled", 1, 1, map[string]int{"banjir-besar": 2, "kelak": 1},
			map[domain.Status]int{domain.StatusPublished: 2, domain.StatusDraft: 1, domain.StatusUnpublished: 1})
		newest("rescheduled")
		ahead.PublishedAt = time.Now().Add(2 * time.Hour)
		if err := s.UpdateArticle(ctx, aheadID, ahead); err != nil {
			t.Fatal(err)
		}
		stats("rescheduled ahead", 0, 1, map[string]int{"banjir-besar": 1},
			map[domain.Status]int{domain.StatusPublished: 2, domain.StatusDraft: 1, domain.StatusUnpublished: 1})
		newest("rescheduled ahead")
		// Deleting the last listed article leaves no tag in the sitemap;
		// deleting the one ahead leaves no newest time at all.
		if err := s.DeleteArticle(ctx, b); err != nil {
			t.Fatal(err)
		}
		newest("deleted the last listed")
		if err := s.DeleteArticle(ctx, aheadID); err != nil {
			t.Fatal(err)
		}
		newest("deleted the one ahead")
	})
}

// The moderation queue's totals (comment_counts, migration 0181) are the
// number of comments it lists, after adding, moderating, deleting
// comments and deleting an article with its comments; and so each
// article's kept count of approved top-level comments (article_tops, 0202),
// the total of its page of comments, is what counting them gives.
func TestCommentCountersFollowEveryWrite(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := newFixture(t, s)
		a := publish(t, s, store.ArticleInput{Title: "Banjir Rob", CategoryID: f.nasional, AuthorIDs: []int64{f.author}})
		b := publish(t, s, store.ArticleInput{Title: "Harga Cabai", CategoryID: f.ekonomi, AuthorIDs: []int64{f.author}})
		check := func(step string, want map[string]int) {
			t.Helper()
			topsAgree(t, s, step, a, b)
			for _, st := range []string{domain.CommentPending, domain.CommentApproved, domain.CommentRejected, domain.CommentSpam} {
				list, total, err := s.CommentsByStatus(ctx, st, domain.Page{Number: 1, Size: 100})
				if err != nil {
					t.Fatal(err)
				}
				if total != want[st] || len(list) != want[st] {
					t.Errorf("%s: %s: total %d, %d listed, want %d", step, st, total, len(list), want[st])
				}
			}
		}
		var ids []int64
		for i, art := range []int64{a, a, a, b, b} {
			c, err := s.AddComment(ctx, domain.Comment{ArticleID: art, Name: "Pembaca", Body: fmt.Sprintf("Komentar %d.", i), Status: domain.CommentPending})
			if err != nil {
				t.Fatal(err)
			}
			ids = append(ids, c.ID)
		}
		check("added", map[string]int{domain.CommentPending: 5})
		if err := s.ModerateComments(ctx, ids[1:3], domain.CommentApproved); err != nil {
			t.Fatal(err)
		}
		if err := s.ModerateComments(ctx, ids[3:4], domain.CommentSpam); err != nil {
			t.Fatal(err)
		}
		if err := s.ModerateComments(ctx, ids[1:2], domain.CommentApproved); err != nil { // no change
			t.Fatal(err)
		}
		if _, err := s.AddComment(ctx, domain.Comment{ArticleID: a, ParentID: ids[1], Name: "Redaksi", Body: "Balasan.", Status: domain.CommentApproved}); err != nil {
			t.Fatal(err)
		}
		check("moderated", map[string]int{domain.CommentPending: 2, domain.CommentApproved: 3, domain.CommentSpam: 1})
		// A pending reply approved later is still not a top-level comment;
		// an approved one rejected, and back to pending, no longer counts.
		reply, err := s.AddComment(ctx, domain.Comment{ArticleID: a, ParentID: ids[2], Name: "Pembaca", Body: "Balasan lagi.", Status: domain.CommentPending})
		if err != nil {
			t.Fatal(err)
		}
		if err := s.ModerateComments(ctx, []int64{reply.ID}, domain.CommentApproved); err != nil {
			t.Fatal(err)
		}
		check("reply approved", map[string]int{domain.CommentPending: 2, domain.CommentApproved: 4, domain.CommentSpam: 1})
		if err := s.ModerateComments(ctx, ids[2:3], domain.CommentRejected); err != nil {
			t.Fatal(err)
		}
		check("rejected", map[string]int{domain.CommentPending: 2, domain.CommentApproved: 3, domain.CommentRejected: 1, domain.CommentSpam: 1})
		if err := s.ModerateComments(ctx, ids[2:3], domain.CommentPending); err != nil {
			t.Fatal(err)
		}
		check("back to pending", map[string]int{domain.CommentPending: 3, domain.CommentApproved: 3, domain.CommentSpam: 1})
		if err := s.ModerateComments(ctx, ids[2:4], domain.CommentApproved); err != nil {
			t.Fatal(err)
		}
		check("approved again", map[string]int{domain.CommentPending: 2, domain.CommentApproved: 5})
		// A reader's own comment waiting for moderation is added on top of
		// the kept count, for them alone.
		if _, err := s.AddComment(ctx, domain.Comment{ArticleID: b, Name: "Pembaca", Body: "Menunggu.", Status: domain.CommentPending, Reader: "pembaca-1"}); err != nil {
			t.Fatal(err)
		}
		if th, err := s.ArticleComments(ctx, b, "pembaca-1", false, domain.Page{Number: 1, Size: 20}); err != nil || th.Total != 2 || len(th.Comments) != 2 {
			t.Errorf("own pending: total %d, %d listed (%v), want 2", th.Total, len(th.Comments), err)
		}
		check("own pending", map[string]int{domain.CommentPending: 3, domain.CommentApproved: 5})
		// Deleting a top-level comment takes its replies with it.
		if err := s.DeleteComments(ctx, ids[1:2]); err != nil {
			t.Fatal(err)
		}
		check("thread deleted", map[string]int{domain.CommentPending: 3, domain.CommentApproved: 3})
		if err := s.DeleteComments(ctx, ids[4:5]); err != nil {
			t.Fatal(err)
		}
		check("deleted", map[string]int{domain.CommentPending: 2, domain.CommentApproved: 3})
		// The article's comments (and the reply, by cascade) go with it.
		if err := s.DeleteArticle(ctx, a); err != nil {
			t.Fatal(err)
		}
		check("article deleted", map[string]int{domain.CommentPending: 1, domain.CommentApproved: 1})
	})
}

// topsAgree checks that each article's page of comments, for a reader
// with nothing waiting, totals its approved top-level comments as a fresh
// count finds them, and that the kept count (article_tops) says the same.
func topsAgree(t *testing.T, s *store.Store, step string, articles ...int64) {
	t.Helper()
	ctx := context.Background()
	for _, id := range articles {
		var counted, kept int
		if err := s.WriteDB().QueryRowContext(ctx, s.Rebind(`SELECT (SELECT COUNT(*) FROM comments WHERE article_id = ? AND parent_id IS NULL AND status = 'approved'),
			COALESCE((SELECT n FROM article_tops WHERE article_id = ?), 0)`), id, id).Scan(&counted, &kept); err != nil {
			t.Fatal(err)
		}
		th, err := s.ArticleComments(ctx, id, "", false, domain.Page{Number: 1, Size: 50})
		if err != nil {
			t.Fatal(err)
		}
		if th.Total != counted || kept != counted || len(th.Comments) != counted {
			t.Errorf("%s: article %d: page total %d, kept %d, %d listed, counting %d", step, id, th.Total, kept, len(th.Comments), counted)
		}
	}
}

// tagSitemapAgrees checks that the tag sitemap lists the tags with listed
// articles, each with its tag page's newest article's publish time, and that
// the sitemap index lists its file when there is one.
func tagSitemapAgrees(t *testing.T, s *store.Store, step string) {
	t.Helper()
	ctx := context.Background()
	ts, _, err := s.TagStats(ctx, domain.Page{Number: 1, Size: 50})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]time.Time{}
	for _, x := range ts {
		l, _, err := s.QueryArticles(ctx, store.ArticleQuery{Filter: domain.ArticleFilter{TagSlug: x.Slug}, Page: domain.Page{Number: 1, Size: 1}})
		if err != nil || len(l) != 1 {
			t.Fatalf("%s: newest of tag %s: %v %v", step, x.Slug, l, err)
		}
		want[x.Slug] = l[0].PublishedAt
	}
	sm, err := s.TagSitemap(ctx, 1, 1000)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]time.Time{}
	for _, x := range sm {
		got[x.Slug] = x.LastMod
	}
	sameLastMods(t, step+": tag sitemap", got, want)
	files, err := s.TagSitemapFiles(ctx, 1000)
	if err != nil {
		t.Fatal(err)
	}
	if (len(files) == 1 && files[0] == 1) != (len(want) > 0) || len(files) > 1 {
		t.Errorf("%s: tag sitemap files %v with %d tags listed", step, files, len(want))
	}
}

// authorsAgree checks that the pages sitemap's authors are those with
// listed articles, each with their page's newest article's publish time,
// and that the API's author counts are their pages' totals.
func authorsAgree(t *testing.T, s *store.Store, step string) {
	t.Helper()
	ctx := context.Background()
	stats, _, err := s.AuthorStats(ctx, domain.Page{Number: 1, Size: 50})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]time.Time{}
	for _, a := range stats {
		l, n, err := s.QueryArticles(ctx, store.ArticleQuery{Filter: domain.ArticleFilter{AuthorSlug: a.Slug}, From: time.Unix(0, 0),
			Page: domain.Page{Number: 1, Size: 1}})
		if err != nil {
			t.Fatal(err)
		}
		if n != a.Articles {
			t.Errorf("%s: author %s: %d articles in the API's list, %d on their page", step, a.Slug, a.Articles, n)
		}
		if len(l) == 1 {
			want[a.Slug] = l[0].PublishedAt
		}
	}
	listed, err := s.ListedAuthors(ctx, 1000)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]time.Time{}
	for _, a := range listed {
		got[a.Slug] = a.LastMod
	}
	sameLastMods(t, step+": sitemap authors", got, want)
}

// sameLastMods checks that a sitemap lists the slugs of want, each with
// the publish time of its page's newest listed article.
func sameLastMods(t *testing.T, what string, got, want map[string]time.Time) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%s: %v, want %v", what, got, want)
	}
	for slug, w := range want {
		if g, ok := got[slug]; !ok || !g.Equal(w) {
			t.Errorf("%s: lastmod of %s: %v, want %v (its page's newest listed article)", what, slug, g, w)
		}
	}
}
