package site

import (
	"bytes"
	"context"
	"html/template"
	"math"
	"net/http"
	"slices"
	"time"

	"warta/internal/domain"
	"warta/internal/web"
)

// List pages (home, channel, tag and author pages) render from a skeleton
// (skeleton.go) too: what they list changes only when an article does (any
// article write drops every skeleton), so the templates run once per page
// and day. The view count beside each story is a hole filled from one
// query kept for countsTTL, and so are Terpopuler (a piece rendered once
// per countsTTL for every page that shows it) and the home page's poll.

// viewsHole stands, in a skeleton's data, for a view count that is a hole.
const viewsHole = math.MinInt64

// viewsText is {{views .}}: an article's view count as a list shows it,
// or the hole for it in a skeleton.
func viewsText(a domain.Article) template.HTML {
	if a.Views == viewsHole {
		return holeMarkOf(holeViewsOf, a.ID)
	}
	return template.HTML(web.FormatNumber(a.Views))
}

// holed returns a copy of list whose view counts are holes.
func holed(list []domain.Article) []domain.Article {
	out := slices.Clone(list)
	for i := range out {
		out[i].Views = viewsHole
	}
	return out
}

// listHoles are the holes of a list page other than its view counts.
type listHoles struct {
	Popular, Poll template.HTML
}

// listSkeletonHoles is what a list skeleton renders in place of them.
var listSkeletonHoles = listHoles{Popular: holeMark(holePopular), Poll: holeMark(holePoll)}

// listData is what filling a list skeleton needs besides the skeleton.
type listData struct {
	ids []int64 // the articles whose view counts are holes
}

// breakingEnd is when the first of the articles that show as breaking news
// stops showing so (zero: none does): a skeleton must not outlive it.
func breakingEnd(lists ...[]domain.Article) time.Time {
	var end time.Time
	now := time.Now()
	for _, list := range lists {
		for _, a := range list {
			if a.BreakingAt(now) && !a.BreakingUntil.IsZero() && (end.IsZero() || a.BreakingUntil.Before(end)) {
				end = a.BreakingUntil
			}
		}
	}
	return end
}

// listSkeleton returns the skeleton kept under key, or renders page's
// layout with data and keeps it until the end of the day, or until the
// first breaking story it shows stops being one. build returns, in lists,
// every article data shows with its view count a hole (holed).
func (s *Site) listSkeleton(ctx context.Context, key string, build func() (page string, data any, lists [][]domain.Article, err error)) (*skeleton, listData, error) {
	sk, d, err := s.skels.get(ctx, key, func() ([]byte, any, time.Time, error) {
		page, data, lists, err := build()
		if err != nil {
			return nil, nil, time.Time{}, err
		}
		var ld listData
		for _, list := range lists {
			for _, a := range list {
				if !slices.Contains(ld.ids, a.ID) {
					ld.ids = append(ld.ids, a.ID)
				}
			}
		}
		b, err := s.renderBytes(page, "layout", data)
		return b, ld, s.capExpiry(s.endOfDay(), breakingEnd(lists...)), err
	})
	if err != nil {
		return nil, listData{}, err
	}
	return sk, d.(listData), nil
}

// listViews are the formatted view counts of a list page's articles.
type listViews struct {
	ids []int64
	b   map[int64][]byte
}

// fillList fills a list skeleton for this request: the view counts (kept
// countsTTL under key), Terpopuler where the page shows it and, with poll,
// the home page's poll (this reader's own vote, or the form everyone else
// sees).
func (s *Site) fillList(w http.ResponseWriter, r *http.Request, key string, sk *skeleton, d listData, poll bool) error {
	ctx := r.Context()
	load := func() (listViews, error) {
		n, err := s.store.ArticleViews(ctx, d.ids)
		if err != nil {
			return listViews{}, err
		}
		v := listViews{ids: d.ids, b: make(map[int64][]byte, len(n))}
		for id, c := range n {
			v.b[id] = []byte(web.FormatNumber(c))
		}
		return v, nil
	}
	views, err := fetch(ctx, s.frags, &s.frags.views, &s.frags.gen, key, s.countsTTL(), load)
	if err == nil && !slices.Equal(views.ids, d.ids) { // kept for a skeleton rendered before this one
		views, err = load()
	}
	if err != nil {
		return err
	}
	var fillers [holeMax][]byte
	if slices.ContainsFunc(sk.holes, func(h holeAt) bool { return h.h == holePopular }) {
		if fillers[holePopular], err = s.popularHTML(ctx); err != nil {
			return err
		}
	}
	if poll {
		b, voted, err := s.pollHTML(r, s.readers.Visit(r), 0)
		if err != nil {
			return err
		}
		if voted {
			markPerReader(w)
		}
		if len(b) > 0 {
			w.Header().Set(pollHeader, "1")
		}
		fillers[holePoll] = b
	}
	out := bufPool.Get().(*bytes.Buffer)
	out.Reset()
	sk.fill(out, &fillers, views.b)
	writePage(w, http.StatusOK, out.Bytes())
	releaseBuf(out)
	return nil
}

// popularHTML is Terpopuler (today's and this week's most read), rendered
// once per countsTTL for every page that shows it.
func (s *Site) popularHTML(ctx context.Context) ([]byte, error) {
	return fetch(ctx, s.frags, &s.frags.popular, &s.frags.gen, struct{}{}, s.countsTTL(), func() ([]byte, error) {
		today, week, err := s.popularLists(ctx)
		if err != nil {
			return nil, err
		}
		return s.renderBytes("home", "popular", struct{ PopularToday, Popular []domain.Article }{today, week})
	})
}
