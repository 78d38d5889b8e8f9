package site

import (
	"context"
	"net/http"
	"strconv"
	"time"

	"warta/internal/domain"
)

type categoryBlock struct {
	Category domain.Category
	Articles []domain.Article
}

type homePage struct {
	frame
	Headline *domain.Article
	// Secondary are the stories beside the lead (other featured ones,
	// topped up with the newest while the stream keeps enough).
	Secondary []domain.Article
	Latest    []domain.Article
	Blocks    []categoryBlock
	More      *moreLink // "Muat lebih banyak" under Berita Terbaru: /terkini after its last story
	Holes     listHoles // Terpopuler and the poll (listskel.go)
}

// home is the home page, from its skeleton (listskel.go): the lists are
// read and rendered once per article write (and day); a request fills in
// the view counts, Terpopuler and the poll.
func (s *Site) home(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	sk, d, err := s.listSkeleton(ctx, "h", func() (string, any, [][]domain.Article, error) {
		name, tagline := s.cfg.Name, s.cfg.Tagline
		if l, err := s.look(ctx); err == nil {
			name, tagline = l.Name, l.Tagline
		}
		f, err := s.frame(ctx, meta{Title: name + " — " + tagline,
			Description: "Berita terkini, terpopuler dan terpercaya dari " + name + ".", Canonical: "/"}, "home")
		if err != nil {
			return "", nil, nil, err
		}
		p, err := s.homeLists(ctx, f.Nav)
		if err != nil {
			return "", nil, nil, err
		}
		p.frame, p.Holes = f, listSkeletonHoles
		if n := len(p.Latest); n > 0 {
			p.More = newMoreLink("/terkini?sebelum="+strconv.FormatInt(p.Latest[n-1].ID, 10), true)
		}
		var lists [][]domain.Article
		if p.Headline != nil {
			lead := holed([]domain.Article{*p.Headline})
			p.Headline, lists = &lead[0], append(lists, lead)
		}
		p.Secondary, p.Latest = holed(p.Secondary), holed(p.Latest)
		lists = append(lists, p.Secondary, p.Latest)
		for i := range p.Blocks {
			p.Blocks[i].Articles = holed(p.Blocks[i].Articles)
			lists = append(lists, p.Blocks[i].Articles)
		}
		return "home", p, lists, nil
	})
	if err != nil {
		return err
	}
	return s.fillList(w, r, "h", sk, d, true)
}

// homeLists reads the home page's lists: headline, latest and the newest
// of each category.
func (s *Site) homeLists(ctx context.Context, nav []domain.Category) (homePage, error) {
	var p homePage
	heads, err := s.store.HeadlineArticles(ctx, 1+secondaryCount)
	if err != nil {
		return p, err
	}
	latest, err := s.store.LatestArticles(ctx, domain.ArticleFilter{}, 1+secondaryCount+streamCount)
	if err != nil {
		return p, err
	}
	p.Headline, p.Secondary, p.Latest = frontLists(heads, latest)
	p.Latest = p.Latest[:min(len(p.Latest), streamCount)]
	// No story twice in the main column: a channel's block leaves out what
	// the headline and "Berita Terbaru" already show.
	seen := map[int64]bool{}
	if p.Headline != nil {
		seen[p.Headline.ID] = true
	}
	for _, a := range append(p.Secondary, p.Latest...) {
		seen[a.ID] = true
	}
	slugs := make([]string, len(nav))
	for i, c := range nav {
		slugs[i] = c.Slug
	}
	lists, err := s.store.LatestInCategories(ctx, slugs, 3+len(seen))
	if err != nil {
		return p, err
	}
	for i, c := range nav {
		list := lists[i]
		var keep []domain.Article
		for _, a := range list {
			if !seen[a.ID] && len(keep) < 3 {
				keep = append(keep, a)
			}
		}
		p.Blocks = append(p.Blocks, categoryBlock{Category: c, Articles: keep})
	}
	return p, nil
}

// popularLists is Terpopuler: the five stories read most today (since
// midnight in the site's zone) and this week, titles only.
func (s *Site) popularLists(ctx context.Context) (today, week []domain.Article, err error) {
	w := s.MostReadWindows(s.now())
	if today, err = s.store.MostRead(ctx, w[0], 5, true); err != nil {
		return nil, nil, err
	}
	week, err = s.store.MostRead(ctx, w[1], 5, true)
	return today, week, err
}

// MostReadWindows are the starts of the windows the site ranks by views at
// a time: today (since midnight in the site's zone) and the last seven days
// (Terpopuler's page and the home page's second list). The discovery job
// keeps their lists ranked (discovery.Engine.SetMostReadWindows).
func (s *Site) MostReadWindows(now time.Time) []time.Time {
	y, m, d := now.In(s.cfg.Location).Date()
	return []time.Time{time.Date(y, m, d, 0, 0, 0, 0, s.cfg.Location), now.Add(-7 * 24 * time.Hour)}
}

// How many stories the home page's top and stream show.
const (
	secondaryCount = 4 // beside the lead
	streamCount    = 8 // Berita Terbaru
	minStream      = 6 // the newest are not taken for the top below this
)

// frontLists divides a front page's stories, none twice: the lead (the
// first featured story, else the newest), the secondary stories (the other
// featured ones, topped up with the newest while more than minStream remain
// for the stream) and the stream of the newest.
func frontLists(featured, latest []domain.Article) (lead *domain.Article, secondary, stream []domain.Article) {
	if len(featured) == 0 && len(latest) > 0 {
		featured = latest[:1]
	}
	if len(featured) == 0 {
		return nil, nil, nil
	}
	lead = &featured[0]
	seen := map[int64]bool{lead.ID: true}
	for _, a := range featured[1:] {
		if len(secondary) < secondaryCount && !seen[a.ID] {
			secondary = append(secondary, a)
			seen[a.ID] = true
		}
	}
	for _, a := range latest {
		if !seen[a.ID] {
			stream = append(stream, a)
		}
	}
	for len(secondary) < secondaryCount && len(stream) > minStream {
		secondary, stream = append(secondary, stream[0]), stream[1:]
	}
	return lead, secondary, stream
}
