package store_test

import (
	"bytes"
	"context"
	"database/sql"
	"log/slog"
	neturl "net/url"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"warta/internal/domain"
	"warta/internal/store"
	"warta/internal/testdb"
)

// inbox collects what a store's Listen hands its callback.
type inbox struct {
	mu   sync.Mutex
	got  []string
	wake chan struct{}
}

func listen(t *testing.T, s *store.Store) *inbox {
	t.Helper()
	in := &inbox{wake: make(chan struct{}, 1)}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		s.Listen(ctx, func(p string) {
			in.mu.Lock()
			in.got = append(in.got, p)
			in.mu.Unlock()
			select {
			case in.wake <- struct{}{}:
			default:
			}
		})
	}()
	t.Cleanup(func() {
		cancel()
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			t.Error("Listen did not return after its context was cancelled")
		}
	})
	return in
}

func (in *inbox) has(pred func(string) bool) bool {
	in.mu.Lock()
	defer in.mu.Unlock()
	for _, p := range in.got {
		if pred(p) {
			return true
		}
	}
	return false
}

func (in *inbox) snapshot() []string {
	in.mu.Lock()
	defer in.mu.Unlock()
	return append([]string(nil), in.got...)
}

// await waits up to d for a payload matching pred; every tick it calls
// poke (may be nil), e.g. to resend a probe until the listener is up.
func (in *inbox) await(t *testing.T, d time.Duration, what string, poke func(), pred func(string) bool) {
	t.Helper()
	deadline := time.After(d)
	tick := time.NewTicker(100 * time.Millisecond)
	defer tick.Stop()
	if poke != nil {
		poke()
	}
	for !in.has(pred) {
		select {
		case <-deadline:
			t.Fatalf("no notification %s within %v; got %q", what, d, in.snapshot())
		case <-in.wake:
		case <-tick.C:
			if poke != nil {
				poke()
			}
		}
	}
}

func TestNotifyReachesOtherProcessesOnly(t *testing.T) {
	url := testdb.PostgresURL(t)
	ctx := context.Background()
	open := func() *store.Store {
		s, err := store.Open(ctx, url)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		if err := s.Migrate(ctx); err != nil {
			t.Fatal(err)
		}
		return s
	}
	a, b := open(), open() // two "processes" over one database
	var logged syncBuffer
	b.SetLogger(slog.New(slog.NewJSONHandler(&logged, nil)))
	inA, inB := listen(t, a), listen(t, b)

	// Both listeners are up once each hears a probe from the other.
	probe := func(s *store.Store, p string) func() {
		return func() {
			if err := s.Notify(ctx, p); err != nil {
				t.Error(err)
			}
		}
	}
	is := func(p string) func(string) bool { return func(got string) bool { return got == p } }
	inB.await(t, 10*time.Second, "probe from A", probe(a, "probe:a"), is("probe:a"))
	inA.await(t, 10*time.Second, "probe from B", probe(b, "probe:b"), is("probe:b"))

	f := newFixture(t, a)
	id, err := a.CreateArticle(ctx, store.ArticleInput{Title: "Banjir Rob di Pesisir Utara", BodyHTML: "<p>Isi.</p>",
		CategoryID: f.nasional, AuthorIDs: []int64{f.author}, Status: domain.StatusDraft})
	if err != nil {
		t.Fatal(err)
	}
	art := "a:" + strconv.FormatInt(id, 10) + ":"
	inB.await(t, 5*time.Second, "of the created article", nil, is(art+"created"))
	if err := a.SetArticleStatus(ctx, id, domain.StatusPublished, time.Now()); err != nil {
		t.Fatal(err)
	}
	inB.await(t, 5*time.Second, "of the published article", nil, is(art+"published"))

	// A failed write sends nothing: publishing an unknown article.
	if err := a.SetArticleStatus(ctx, id+1000, domain.StatusPublished, time.Now()); err == nil {
		t.Fatal("publishing an unknown article succeeded")
	}

	// B's marker is committed after all of A's writes, and notifications
	// arrive in commit order: once A hears it, A would have heard its own.
	inA.await(t, 5*time.Second, "marker from B", probe(b, "marker:b"), is("marker:b"))
	if inA.has(func(p string) bool { return strings.HasPrefix(p, "a:") || strings.HasPrefix(p, "probe:a") }) {
		t.Errorf("A heard its own notifications: %q", inA.snapshot())
	}
	if inB.has(func(p string) bool { return strings.HasPrefix(p, "a:"+strconv.FormatInt(id+1000, 10)) }) {
		t.Errorf("a failed write was announced: %q", inB.snapshot())
	}

	// A dropped listening connection comes back, and says so (it may have
	// missed notifications meanwhile).
	admin, err := sql.Open("pgx", url)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	u, _ := neturl.Parse(url)
	var killed int
	err = admin.QueryRow(`SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity
		WHERE query LIKE 'LISTEN %' AND query LIKE '%' || $1 || '%'`, u.Query().Get("search_path")).Scan(&killed)
	if err != nil || killed != 2 {
		t.Fatalf("terminating the listeners: %d, %v", killed, err)
	}
	inB.await(t, 10*time.Second, "resync after reconnecting", nil, is(store.ResyncPayload))
	inB.await(t, 10*time.Second, "probe after reconnecting", probe(a, "probe:again"), is("probe:again"))
	// The reconnect was logged through the logger the store was given.
	if got := logged.String(); !strings.Contains(got, `"msg":"change notifications interrupted; reconnecting"`) {
		t.Errorf("reconnect not logged through the configured logger: %q", got)
	}
}

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func TestNotifyAndListenAreNoOpsOnSQLite(t *testing.T) {
	s := testdb.SQLite(t)
	if err := s.Notify(context.Background(), "c:1"); err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	go func() {
		s.Listen(context.Background(), func(string) { t.Error("callback called on SQLite") })
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(2 * time.Second):
		t.Fatal("Listen did not return at once on SQLite")
	}
}
