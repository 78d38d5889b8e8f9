package store_test

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"warta/internal/domain"
	"warta/internal/store"
	"warta/internal/testdb"
)

// The rule of React and AddComment (see their comments) on both engines:
// PostgreSQL runs it in warta_react / warta_add_comment, SQLite in Go.

func TestReactionsCountersEqualRowsWhenOneReaderRaces(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := newFixture(t, s)
		id := publish(t, s, store.ArticleInput{Title: "Rebutan Reaksi", CategoryID: f.nasional})
		// Eight readers each send 24 reactions at once, cycling through
		// like, dislike and none in different orders; others press like
		// once each beside them.
		kinds := []string{domain.ReactionLike, domain.ReactionDislike, domain.ReactionNone}
		var wg sync.WaitGroup
		for r := 0; r < 8; r++ {
			for j := 0; j < 24; j++ {
				wg.Add(1)
				go func(r, j int) {
					defer wg.Done()
					if _, err := s.React(ctx, id, fmt.Sprintf("sama-%d", r), kinds[(r+j)%3]); err != nil {
						t.Errorf("react: %v", err)
					}
				}(r, j)
			}
		}
		for i := 0; i < 40; i++ {
			wg.Add(1)
			go func(i int) {
				defer wg.Done()
				if _, err := s.React(ctx, id, fmt.Sprintf("lain-%d", i), domain.ReactionLike); err != nil {
					t.Errorf("react: %v", err)
				}
			}(i)
		}
		wg.Wait()
		c, err := s.ArticleCounts(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		likes, _ := s.CountReactions(ctx, id, domain.ReactionLike)
		dislikes, _ := s.CountReactions(ctx, id, domain.ReactionDislike)
		if c.Likes != likes || c.Dislikes != dislikes || likes+dislikes > 48 || likes < 40 {
			t.Errorf("counters %d/%d, stored %d/%d", c.Likes, c.Dislikes, likes, dislikes)
		}
		// Each racing reader ends with at most one reaction, the one read back.
		for r := 0; r < 8; r++ {
			kind, err := s.ReactionOf(ctx, id, fmt.Sprintf("sama-%d", r))
			if err != nil || (kind != "" && kind != domain.ReactionLike && kind != domain.ReactionDislike) {
				t.Errorf("reader %d: %q %v", r, kind, err)
			}
		}
		// Then one clear sequence: the answer is the counts after the step.
		for _, step := range []struct {
			kind       string
			dl, dd     int64
			wantStored string
		}{
			{domain.ReactionNone, 0, 0, ""}, {domain.ReactionLike, 1, 0, "like"}, {domain.ReactionLike, 0, 0, "like"},
			{domain.ReactionDislike, -1, 1, "dislike"}, {domain.ReactionNone, 0, -1, ""}, {domain.ReactionNone, 0, 0, ""},
		} {
			before, _ := s.ArticleCounts(ctx, id)
			got, err := s.React(ctx, id, "urut", step.kind)
			if err != nil {
				t.Fatal(err)
			}
			if got.Likes != before.Likes+step.dl || got.Dislikes != before.Dislikes+step.dd || got.Views != before.Views || got.CommentCount != before.CommentCount {
				t.Errorf("%s: %+v after %+v", step.kind, got, before)
			}
			if kind, _ := s.ReactionOf(ctx, id, "urut"); kind != step.wantStored {
				t.Errorf("%s: stored %q, want %q", step.kind, kind, step.wantStored)
			}
		}
	})
}

func TestReaderWritesNeedAVisibleArticle(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := newFixture(t, s)
		id := publish(t, s, store.ArticleInput{Title: "Terbit", CategoryID: f.nasional})
		draft := publish(t, s, store.ArticleInput{Title: "Draf", CategoryID: f.nasional, Status: domain.StatusDraft})
		later := publish(t, s, store.ArticleInput{Title: "Nanti", CategoryID: f.nasional, PublishedAt: time.Now().Add(time.Hour)})
		for _, a := range []int64{draft, later, 987654} {
			if _, err := s.React(ctx, a, "pembaca", domain.ReactionLike); !errors.Is(err, domain.ErrNotFound) {
				t.Errorf("react on %d: %v, want not found", a, err)
			}
			if _, err := s.AddComment(ctx, domain.Comment{ArticleID: a, Name: "Ani", Body: "Halo", Status: domain.CommentApproved, Reader: "pembaca"}); !errors.Is(err, domain.ErrNotFound) {
				t.Errorf("comment on %d: %v, want not found", a, err)
			}
		}
		if n, _ := s.CountReactions(ctx, draft, domain.ReactionLike); n != 0 {
			t.Errorf("%d reactions stored on the draft", n)
		}
		// Comments: approved ones count, pending ones do not; a reply must
		// answer an approved comment of the same article.
		top, err := s.AddComment(ctx, domain.Comment{ArticleID: id, Name: "Ani", Body: "Pertama", Status: domain.CommentApproved, Reader: "r1"})
		if err != nil || top.ID <= 0 {
			t.Fatalf("comment: %+v %v", top, err)
		}
		held, err := s.AddComment(ctx, domain.Comment{ArticleID: id, Name: "Budi", Body: "Tunggu", Status: domain.CommentPending, Reader: "r2"})
		if err != nil || held.ID <= top.ID {
			t.Fatalf("comment: %+v %v", held, err)
		}
		reply, err := s.AddComment(ctx, domain.Comment{ArticleID: id, ParentID: top.ID, Name: "Cici", Body: "Balas", Status: domain.CommentApproved, Reader: "r3"})
		if err != nil || reply.ID <= held.ID || reply.CreatedAt.IsZero() {
			t.Fatalf("reply: %+v %v", reply, err)
		}
		other := publish(t, s, store.ArticleInput{Title: "Lain", CategoryID: f.nasional})
		for _, bad := range []domain.Comment{
			{ArticleID: id, ParentID: held.ID, Name: "Dodi", Body: "Ke yang ditahan", Status: domain.CommentApproved},
			{ArticleID: other, ParentID: top.ID, Name: "Dodi", Body: "Ke artikel lain", Status: domain.CommentApproved},
			{ArticleID: id, ParentID: 987654, Name: "Dodi", Body: "Ke yang tidak ada", Status: domain.CommentApproved},
		} {
			if got, err := s.AddComment(ctx, bad); domain.ErrorCode(err) != domain.EInvalid || got.ID != 0 {
				t.Errorf("reply %q: %+v %v, want invalid", bad.Body, got, err)
			}
		}
		c, _ := s.ArticleCounts(ctx, id)
		stored, _ := s.CountApprovedComments(ctx, id)
		if c.CommentCount != 2 || stored != 2 {
			t.Errorf("comment_count %d, approved stored %d, want 2", c.CommentCount, stored)
		}
		if c, _ := s.ArticleCounts(ctx, other); c.CommentCount != 0 {
			t.Errorf("the other article counts %d comments", c.CommentCount)
		}
	})
}

// CommentRulesFor answers in one read what the four reads it replaces in
// engage.Comment answer.
func TestCommentRulesForMatchesTheSeparateReads(t *testing.T) {
	testdb.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := newFixture(t, s)
		id := publish(t, s, store.ArticleInput{Title: "Aturan", CategoryID: f.nasional})
		check := func(label, reader, email, ip string) {
			t.Helper()
			got, err := s.CommentRulesFor(ctx, reader, email, ip)
			if err != nil {
				t.Fatalf("%s: %v", label, err)
			}
			words, _ := s.BannedWords(ctx)
			b, blocked, _ := s.MatchBlock(ctx, reader, email, ip)
			mode, _ := s.Setting(ctx, store.SettingModeration)
			known, _ := s.HasApprovedComment(ctx, "", reader)
			if fmt.Sprint(got.BannedWords) != fmt.Sprint(words) && !(len(got.BannedWords) == 0 && len(words) == 0) {
				t.Errorf("%s: words %q, want %q", label, got.BannedWords, words)
			}
			if got.Blocked != blocked || got.Block.Kind != b.Kind || got.Block.Value != b.Value || got.Block.Action != b.Action || got.Block.Reason != b.Reason {
				t.Errorf("%s: block %v %+v, want %v %+v", label, got.Blocked, got.Block, blocked, b)
			}
			if got.Moderation != mode || got.KnownReader != known {
				t.Errorf("%s: mode %q known %v, want %q %v", label, got.Moderation, got.KnownReader, mode, known)
			}
		}
		check("empty site", "r1", "", "203.0.113.9")
		for _, w := range []string{"judi", "pinjol"} {
			if err := s.AddBannedWord(ctx, w); err != nil {
				t.Fatal(err)
			}
		}
		if err := s.SetSetting(ctx, store.SettingModeration, domain.ModerationHoldFirst); err != nil {
			t.Fatal(err)
		}
		for _, b := range []store.Block{
			{Kind: store.BlockIP, Value: "203.0.113.0/24", Action: store.BlockHold, Reason: "jaringan: ramai"},
			{Kind: store.BlockReader, Value: "r2", Action: store.BlockRefuse, Reason: "spam"},
			{Kind: store.BlockEmail, Value: "a@b.id", Action: store.BlockHold},
		} {
			if err := s.AddBlock(ctx, b); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := s.AddComment(ctx, domain.Comment{ArticleID: id, Name: "Ani", Body: "Halo", Status: domain.CommentApproved, Reader: "r1"}); err != nil {
			t.Fatal(err)
		}
		if _, err := s.AddComment(ctx, domain.Comment{ArticleID: id, Name: "Tanpa kunci", Body: "Impor", Status: domain.CommentApproved}); err != nil {
			t.Fatal(err)
		}
		check("known reader, held address", "r1", "", "203.0.113.9")
		check("refused reader beats held address", "r2", "", "203.0.113.9")
		check("held e-mail", "r3", "A@B.id", "198.51.100.1")
		check("nothing applies", "r3", "c@d.id", "198.51.100.1")
		check("no key, bad address", "", "", "bukan-ip")
		if got, _ := s.CommentRulesFor(ctx, "r1", "", "203.0.113.9"); !got.KnownReader || !got.Blocked || got.Moderation != domain.ModerationHoldFirst || len(got.BannedWords) != 2 {
			t.Errorf("rules %+v", got)
		}
	})
}
