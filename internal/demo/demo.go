// Package demo fills an empty database with a living Indonesian news site:
// categories, authors, articles published relative to now, generated lead
// photos and an open poll.
package demo

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"hash/fnv"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"warta/internal/discovery"
	"warta/internal/domain"
	"warta/internal/media"
	"warta/internal/render"
	"warta/internal/store"
)

// Photo size of generated lead images: what a newsroom uploads (the media
// package's largest rendition), with the smaller copies beside it.
const (
	photoWidth  = 1440
	photoHeight = 810
)

// Seed fills st with the demo content unless it already holds articles. Lead
// photos are written to mediaDir (skipped when it is empty). It reports how
// many articles it created.
func Seed(ctx context.Context, st *store.Store, r *render.Renderer, mediaDir string) (int, error) {
	var photos media.Backend
	if mediaDir != "" {
		photos = media.Dir(mediaDir)
	}
	return SeedTo(ctx, st, r, photos)
}

// SeedTo is Seed with the lead photos written to a media backend (a folder
// or the shared object store; skipped when nil).
func SeedTo(ctx context.Context, st *store.Store, r *render.Renderer, photos media.Backend) (n int, err error) {
	if n, err = SeedLater(ctx, st, r, photos != nil); err != nil || photos == nil {
		return n, err
	}
	return n, DrawPhotos(ctx, st, photos)
}

// SeedLater is SeedTo without drawing the photos: the articles name their
// photos (withPhotos) and DrawPhotos draws them, which serve --demo does
// in the background so the site starts at once.
func SeedLater(ctx context.Context, st *store.Store, r *render.Renderer, withPhotos bool) (n int, err error) {
	// Several processes starting at once on an empty database: one seeds,
	// the others wait for it and then find articles.
	err = st.Exclusive(ctx, store.LockDemoSeed, func() error {
		if n, err = seed(ctx, st, r, withPhotos); err != nil {
			return err
		}
		return seedPages(ctx, st, r)
	})
	return n, err
}

func seed(ctx context.Context, st *store.Store, r *render.Renderer, withPhotos bool) (int, error) {
	n, err := st.CountArticles(ctx)
	if err != nil {
		return 0, err
	}
	if n > 0 {
		return 0, nil
	}
	now := st.Now()
	catIDs := map[string]int64{}
	for i, c := range Categories {
		// A seed cut short (a killed process) left some: use them.
		if have, err := st.CategoryBySlug(ctx, c.Slug); err == nil {
			catIDs[c.Slug] = have.ID
			continue
		}
		id, err := st.CreateCategory(ctx, domain.Category{Slug: c.Slug, Name: c.Name, Description: c.Description, Position: i + 1})
		if err != nil {
			return 0, fmt.Errorf("seed category %s: %w", c.Slug, err)
		}
		catIDs[c.Slug] = id
	}
	authorIDs := map[string]int64{}
	for _, a := range Authors {
		if have, err := st.AuthorBySlug(ctx, a.Slug); err == nil {
			authorIDs[a.Slug] = have.ID
			continue
		}
		id, err := st.CreateAuthor(ctx, domain.Author{Slug: a.Slug, Name: a.Name, Bio: a.Bio})
		if err != nil {
			return 0, fmt.Errorf("seed author %s: %w", a.Slug, err)
		}
		authorIDs[a.Slug] = id
	}
	for i, sa := range Articles {
		html, err := r.Markdown(sa.Body)
		if err != nil {
			return 0, err
		}
		in := store.ArticleInput{
			Title: sa.Title, Excerpt: sa.Excerpt, BodySource: sa.Body, BodyHTML: html,
			CategoryID: catIDs[sa.Category], Tags: sa.Tags, Status: domain.StatusPublished,
			PublishedAt: now.Add(-time.Duration(sa.HoursAgo * float64(time.Hour))),
			Breaking:    sa.Breaking, Featured: sa.Featured,
			Photo: domain.Photo{Caption: sa.PhotoCaption, Credit: sa.PhotoCredit},
		}
		for _, a := range sa.Authors {
			in.AuthorIDs = append(in.AuthorIDs, authorIDs[a])
		}
		if withPhotos {
			in.Photo.URL, in.Photo.Width, in.Photo.Height = "/media/"+photoKey(sa, photoWidth), photoWidth, photoHeight
		}
		id, err := st.CreateArticle(ctx, in)
		if err != nil {
			return 0, fmt.Errorf("seed article %d %q: %w", i, sa.Title, err)
		}
		// The demo newsroom's editors pinned the #HOT badge on the stories
		// they tagged HOT; the trending job decides for the rest.
		if slices.ContainsFunc(sa.Tags, func(t string) bool { return strings.EqualFold(t, "HOT") }) {
			on := true
			if err := st.SetHotOverride(ctx, id, &on); err != nil {
				return 0, err
			}
		}
		if err := st.SetUnedited(ctx, id); err != nil {
			return 0, err
		}
		views, likes, dislikes := demoCounters(sa)
		if err := st.SetCounters(ctx, id, views, likes, dislikes); err != nil {
			return 0, err
		}
	}
	if err := seedLive(ctx, st, r, now); err != nil {
		return 0, fmt.Errorf("seed live report: %w", err)
	}
	pollID, err := st.CreatePoll(ctx, store.PollInput{Question: Poll.Question, Options: Poll.Options,
		OpensAt: now.Add(-72 * time.Hour), ClosesAt: now.Add(30 * 24 * time.Hour)})
	if err != nil {
		return 0, fmt.Errorf("seed poll: %w", err)
	}
	if err := seedVotes(ctx, st, pollID); err != nil {
		return 0, fmt.Errorf("seed poll votes: %w", err)
	}
	if err := discovery.RebuildRelated(ctx, st); err != nil {
		return 0, fmt.Errorf("seed related news: %w", err)
	}
	return len(Articles), nil
}

// demoCounters gives each article plausible, deterministic counts: older
// stories have been read more, some stories far more than others.
func demoCounters(sa SeedArticle) (views, likes, dislikes int64) {
	h := fnv.New64a()
	h.Write([]byte(sa.Title))
	x := h.Sum64()
	age := min(sa.HoursAgo, 24*14)
	views = int64(40+age*float64(5+x%40)) + int64(x%300)
	likes = views / int64(25+x%20)
	dislikes = likes / int64(3+x%5)
	return views, likes, dislikes
}

// photoVersion names the drawing: change it when ScenePhoto draws
// differently, so that new pictures get new names (they are served as
// immutable).
const photoVersion = "scene-2"

// photoKey is where the copy of sa's lead photo at width w is stored, as
// the media package names an upload's copies (u/HASH-WIDTH.jpg), so pages
// get a srcset. HASH is of what the picture is drawn from, not of its
// bytes, so articles can name it before it is drawn.
func photoKey(sa SeedArticle, w int) string {
	sum := sha256.Sum256([]byte(photoVersion + "\x00" + sa.Title))
	return "u/" + hex.EncodeToString(sum[:])[:24] + "-" + strconv.Itoa(w) + ".jpg"
}

// DrawPhotos draws and stores the demo articles' lead photos that are not
// stored yet (all of them after SeedLater; those a stopped process left
// undrawn after a restart), on as many goroutines as there are cores. The
// largest copy is stored last, so its presence means the photo is whole.
// It draws nothing for a site whose articles are not the demo's with these
// photos (a real site started with --demo, a demo of an older version).
func DrawPhotos(ctx context.Context, st *store.Store, photos media.Backend) error {
	first, err := st.ArticleBySlug(ctx, domain.Slugify(Articles[0].Title))
	if errors.Is(err, domain.ErrNotFound) || (err == nil && first.Photo.URL != "/media/"+photoKey(Articles[0], photoWidth)) {
		return nil
	}
	if err != nil {
		return err
	}
	var next atomic.Int64
	errs := make(chan error, runtime.GOMAXPROCS(0))
	for range cap(errs) {
		go func() {
			for {
				i := int(next.Add(1) - 1)
				if i >= len(Articles) || ctx.Err() != nil {
					errs <- ctx.Err()
					return
				}
				if err := writePhoto(ctx, photos, Articles[i]); err != nil {
					next.Store(int64(len(Articles)))
					errs <- err
					return
				}
			}
		}()
	}
	for range cap(errs) {
		if e := <-errs; e != nil && err == nil {
			err = e
		}
	}
	return err
}

// writePhoto draws sa's lead photo at every width an upload is stored at,
// unless it is stored already.
func writePhoto(ctx context.Context, photos media.Backend, sa SeedArticle) error {
	if ok, err := photos.Exists(ctx, photoKey(sa, photoWidth)); err != nil || ok {
		return err
	}
	kind := SceneFor(sa.Category, sa.Title+" "+sa.PhotoCaption)
	for _, w := range media.Widths { // ascending: the largest last
		img, err := ScenePhoto(sa.Title, kind, w, w*photoHeight/photoWidth)
		if err != nil {
			return fmt.Errorf("seed photo: %w", err)
		}
		if err := photos.Put(ctx, photoKey(sa, w), img, "image/jpeg"); err != nil {
			return fmt.Errorf("seed photo: %w", err)
		}
	}
	return nil
}

// seedVotes casts the demo poll's first votes (a poll open for three days
// does not stand at 0), each as its own demo reader, through the same path
// as a reader's vote.
func seedVotes(ctx context.Context, st *store.Store, pollID int64) error {
	p, err := st.Poll(ctx, pollID)
	if err != nil {
		return err
	}
	shares := []int{97, 66, 51, 23, 11, 7} // votes per option, in order
	voter := 0
	for i, o := range p.Options {
		for range shares[i%len(shares)] {
			voter++
			if err := st.Vote(ctx, pollID, o.ID, []string{"demo:" + strconv.Itoa(voter)}); err != nil {
				return err
			}
		}
	}
	return nil
}
