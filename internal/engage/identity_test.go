package engage

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"testing"
	"time"

	"warta/internal/domain"
	"warta/internal/store"
	"warta/internal/testdb"
)

// The engagement rules, over a real database, with readers as the HTTP
// layer resolves them. Two people behind one carrier NAT with the same
// phone and browser have the same address hashes and different cookies.

type fixture struct {
	st      *store.Store
	svc     *Service
	article int64
	poll    domain.Poll
}

func newFixture(t *testing.T, st *store.Store, cfg Config) *fixture {
	t.Helper()
	ctx := context.Background()
	cat, err := st.CreateCategory(ctx, domain.Category{Name: "Nasional", Position: 1})
	if err != nil {
		t.Fatal(err)
	}
	id, err := st.CreateArticle(ctx, store.ArticleInput{Title: "Harga Beras Turun", CategoryID: cat, Status: domain.StatusPublished,
		BodyHTML: "<p>Isi.</p>", PublishedAt: time.Now().Add(-time.Hour)})
	if err != nil {
		t.Fatal(err)
	}
	pid, err := st.CreatePoll(ctx, store.PollInput{Question: "Setuju?", Options: []string{"Ya", "Tidak"}})
	if err != nil {
		t.Fatal(err)
	}
	p, err := st.Poll(ctx, pid)
	if err != nil {
		t.Fatal(err)
	}
	cfg.MinSubmitDelay = time.Nanosecond
	return &fixture{st: st, svc: New(cfg, st, slog.New(slog.NewTextHandler(io.Discard, nil))), article: id, poll: p}
}

// natReader is one person behind the shared address: own cookie key, the
// same address hashes as everyone else there.
func natReader(key string) domain.Reader {
	return domain.Reader{Key: key, FirstSeen: time.Now().Add(-time.Minute), IPKey: "i-nat", ClientKey: "d-nat-android-chrome",
		DayHash: "h-nat", UserAgent: "Mozilla/5.0 (Linux; Android 14) Chrome/124 Mobile"}
}

func TestTwoReadersOnOneAddressAreTwoReaders(t *testing.T) {
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		f := newFixture(t, st, Config{})
		ctx := context.Background()
		ani, budi := natReader("r-ani"), natReader("r-budi")
		if err := f.svc.Vote(ctx, ani, f.poll.ID, f.poll.Options[0].ID); err != nil {
			t.Fatalf("first reader's vote: %v", err)
		}
		if got := f.svc.VotedOption(ctx, budi, f.poll.ID); got != 0 {
			t.Errorf("the second reader is shown the first one's vote (option %d)", got)
		}
		if err := f.svc.Vote(ctx, budi, f.poll.ID, f.poll.Options[1].ID); err != nil {
			t.Fatalf("second reader on the same address and browser could not vote: %v", err)
		}
		if err := f.svc.Vote(ctx, ani, f.poll.ID, f.poll.Options[1].ID); domain.ErrorCode(err) != domain.EConflict {
			t.Errorf("a reader's second vote: %v, want a conflict", err)
		}
		if a, b := f.svc.VotedOption(ctx, ani, f.poll.ID), f.svc.VotedOption(ctx, budi, f.poll.ID); a != f.poll.Options[0].ID || b != f.poll.Options[1].ID {
			t.Errorf("own votes shown: %d and %d", a, b)
		}
		if _, err := f.svc.React(ctx, ani, f.article, domain.ReactionLike); err != nil {
			t.Fatal(err)
		}
		if got := f.svc.ReactionOf(ctx, budi, f.article); got != "" {
			t.Errorf("the second reader sees the first one's reaction %q", got)
		}
		c, err := f.svc.React(ctx, budi, f.article, domain.ReactionLike)
		if err != nil || c.Likes != 2 {
			t.Errorf("second reader's like: %+v %v, want 2 likes", c, err)
		}
		p, _ := st.Poll(ctx, f.poll.ID)
		if p.TotalVotes() != 2 {
			t.Errorf("%d votes stored, want 2", p.TotalVotes())
		}
	})
}

func TestCountingNeedsTheReaderCookie(t *testing.T) {
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		f := newFixture(t, st, Config{})
		ctx := context.Background()
		fresh := natReader("r-baru")
		fresh.New = true // issued by this very request
		for name, err := range map[string]error{
			"vote":     f.svc.Vote(ctx, fresh, f.poll.ID, f.poll.Options[0].ID),
			"reaction": func() error { _, err := f.svc.React(ctx, fresh, f.article, domain.ReactionLike); return err }(),
			"no key":   f.svc.Vote(ctx, domain.Reader{IPKey: "i-x"}, f.poll.ID, f.poll.Options[0].ID),
		} {
			if domain.ErrorCode(err) != domain.ECookieRequired {
				t.Errorf("%s without a cookie: %v, want %s", name, err, domain.ECookieRequired)
			}
		}
		// What would be refused anyway says so first.
		if err := f.svc.Vote(ctx, fresh, 99999, 1); domain.ErrorCode(err) != domain.ENotFound {
			t.Errorf("vote in a missing poll: %v", err)
		}
		if _, err := f.svc.React(ctx, fresh, 99999, domain.ReactionLike); domain.ErrorCode(err) != domain.ENotFound {
			t.Errorf("reaction to a missing article: %v", err)
		}
		p, _ := st.Poll(ctx, f.poll.ID)
		c, _ := st.ArticleCounts(ctx, f.article)
		if p.TotalVotes() != 0 || c.Likes != 0 {
			t.Errorf("counted without a cookie: %d votes, %d likes", p.TotalVotes(), c.Likes)
		}
		fresh.New = false // the same browser sends it again with its cookie
		if err := f.svc.Vote(ctx, fresh, f.poll.ID, f.poll.Options[0].ID); err != nil {
			t.Errorf("vote with the cookie: %v", err)
		}
	})
}

// A client that throws its cookie away after every vote, and changes its
// User-Agent too, has a budget per address and poll. Refused and repeated
// votes do not use it up.
func TestVoteBudgetPerAddressHoldsWhateverTheUserAgent(t *testing.T) {
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		f := newFixture(t, st, Config{VotesPerPollIP: Limit{PerMinute: 1.0 / 60, Burst: 5}})
		ctx := context.Background()
		counted, refused := 0, 0
		for i := 0; i < 30; i++ {
			rd := natReader(fmt.Sprintf("r-%d", i))
			rd.ClientKey, rd.UserAgent = fmt.Sprintf("d-ua-%d", i), fmt.Sprintf("Browser/%d", i)
			err := f.svc.Vote(ctx, rd, f.poll.ID, f.poll.Options[0].ID)
			switch {
			case err == nil:
				counted++
				// The same reader again: refused as a repeat, budget kept.
				if err := f.svc.Vote(ctx, rd, f.poll.ID, f.poll.Options[1].ID); domain.ErrorCode(err) != domain.EConflict {
					t.Errorf("repeat vote: %v", err)
				}
			case domain.ErrorCode(err) == domain.ETooMany:
				refused++
			default:
				t.Fatalf("vote %d: %v", i, err)
			}
		}
		if counted != 5 || refused != 25 {
			t.Errorf("%d votes counted, %d refused; want 5 and 25", counted, refused)
		}
		// Another address has its own budget; another poll too.
		other := natReader("r-elsewhere")
		other.IPKey = "i-elsewhere"
		if err := f.svc.Vote(ctx, other, f.poll.ID, f.poll.Options[0].ID); err != nil {
			t.Errorf("reader at another address: %v", err)
		}
	})
}

// With --poll-method cookie+hash, one device (address and User-Agent) has
// one vote per poll: stricter, and the price is carrier NAT.
func TestStrictPollMethodAllowsOneVotePerDevice(t *testing.T) {
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		f := newFixture(t, st, Config{PollMethod: PollCookieHash})
		ctx := context.Background()
		if err := f.svc.Vote(ctx, natReader("r-1"), f.poll.ID, f.poll.Options[0].ID); err != nil {
			t.Fatal(err)
		}
		second := natReader("r-2")
		if err := f.svc.Vote(ctx, second, f.poll.ID, f.poll.Options[0].ID); domain.ErrorCode(err) != domain.EConflict {
			t.Errorf("second cookie on the same device: %v, want a conflict", err)
		}
		if got := f.svc.VotedOption(ctx, second, f.poll.ID); got != 0 {
			t.Errorf("the device's other reader is shown the vote as theirs (%d)", got)
		}
		second.ClientKey = "d-nat-iphone-safari"
		if err := f.svc.Vote(ctx, second, f.poll.ID, f.poll.Options[0].ID); err != nil {
			t.Errorf("another device on the same address: %v", err)
		}
	})
}

// hold_first publishes at once only for a reader whose own earlier comment
// was approved; a typed e-mail address is not proof of anything.
func TestHoldFirstTrustsTheReaderNotTheTypedEmail(t *testing.T) {
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		f := newFixture(t, st, Config{ModerationMode: domain.ModerationHoldFirst})
		ctx := context.Background()
		sari := natReader("r-sari")
		post := func(rd domain.Reader, email string) domain.Comment {
			t.Helper()
			c, err := f.svc.Comment(ctx, rd, CommentInput{ArticleID: f.article, Name: "Sari", Email: email, Text: "Setuju dengan tulisan ini."})
			if err != nil {
				t.Fatal(err)
			}
			return c
		}
		first := post(sari, "sari@example.id")
		if first.Status != domain.CommentPending {
			t.Fatalf("first comment %s, want held", first.Status)
		}
		if err := st.ModerateComments(ctx, []int64{first.ID}, domain.CommentApproved); err != nil {
			t.Fatal(err)
		}
		if c := post(sari, "sari@example.id"); c.Status != domain.CommentApproved {
			t.Errorf("approved reader's next comment %s, want published", c.Status)
		}
		if c := post(sari, ""); c.Status != domain.CommentApproved {
			t.Errorf("approved reader without e-mail %s, want published", c.Status)
		}
		// Someone else on the same address and browser, typing Sari's
		// address in any case, is a new commenter.
		for _, email := range []string{"sari@example.id", "SARI@Example.ID", ""} {
			if c := post(natReader("r-peniru"), email); c.Status != domain.CommentPending {
				t.Errorf("another reader with e-mail %q: %s, want held", email, c.Status)
			}
		}
	})
}

// Blocking is by the reader's own key: one person's block does not fall on
// another behind the same address.
func TestBlockingOneReaderLeavesTheNeighbours(t *testing.T) {
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		f := newFixture(t, st, Config{ModerationMode: domain.ModerationApproveAll})
		ctx := context.Background()
		spammer, neighbour := natReader("r-spam"), natReader("r-tetangga")
		if err := st.AddBlock(ctx, store.Block{Kind: store.BlockReader, Value: spammer.Key, Action: store.BlockRefuse, Reason: "spam"}); err != nil {
			t.Fatal(err)
		}
		in := CommentInput{ArticleID: f.article, Name: "A", Text: "Halo semua."}
		if _, err := f.svc.Comment(ctx, spammer, in); domain.ErrorCode(err) != domain.EForbidden {
			t.Errorf("blocked reader: %v, want forbidden", err)
		}
		if _, err := f.svc.Comment(ctx, neighbour, in); err != nil {
			t.Errorf("the neighbour on the same address is blocked too: %v", err)
		}
	})
}

// Per-address comment budgets hold whatever the User-Agent and cookie say
// (issue 16 H1: 1,000 replies from one address by changing the UA).
func TestCommentBudgetPerAddress(t *testing.T) {
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		f := newFixture(t, st, Config{ModerationMode: domain.ModerationApproveAll})
		ctx := context.Background()
		ok, limited := 0, 0
		for i := 0; i < 100; i++ {
			rd := natReader(fmt.Sprintf("r-%d", i))
			rd.UserAgent = fmt.Sprintf("UA/%d", i)
			_, err := f.svc.Comment(ctx, rd, CommentInput{ArticleID: f.article, Name: "X", Text: fmt.Sprintf("Komentar %d", i)})
			switch {
			case err == nil:
				ok++
			case domain.ErrorCode(err) == domain.ETooMany && strings.Contains(domain.ErrorMessage(err), "terlalu banyak"):
				limited++
			default:
				t.Fatal(err)
			}
		}
		if def := f.svc.Config().CommentsPerIP; ok != int(def.Burst) || limited != 100-ok {
			t.Errorf("%d comments stored and %d refused from one address; want the burst of %v", ok, limited, def.Burst)
		}
	})
}
