package editorial

import (
	"context"
	"time"

	"warta/internal/auth"
	"warta/internal/domain"
	"warta/internal/store"
)

// Stats is what is read now: views in the last hour and today, the top
// articles of the last hours, and views per hour for the last 48 hours
// (every hour present, oldest first).
type Stats struct {
	LastHour int64
	Today    int64
	Top      []domain.Article // Views = views in the last TopWindow
	Hours    []store.HourViews
	ByStatus map[domain.Status]int

	// ReadNow are the articles read in the last ReadNowWindow, most read
	// first (Views = views in that window); ReadNowTotal counts the views
	// of every article in it (site-wide only).
	ReadNow      []domain.Article
	ReadNowTotal int64
}

// ReadNowWindow is what "dibaca sekarang" means: read in the last five
// minutes (counted by the minute, store.ReadNow).
const ReadNowWindow = 5 * time.Minute

// TopWindow is the dashboard's "most read" period: the last six hours,
// ranked each minute by the discovery job (app wires it in with the site's
// windows).
const TopWindow = 6 * time.Hour

// ChartHours is how many hours the views chart covers.
const ChartHours = 48

// Stats computes the dashboard numbers for the whole site (articleID 0) or
// one article, with "today" starting at midnight in loc.
func (s *Service) Stats(ctx context.Context, u *domain.User, articleID int64, loc *time.Location) (Stats, error) {
	var st Stats
	if err := auth.Require(u, auth.PermStats); err != nil {
		return st, err
	}
	if articleID != 0 {
		if _, err := s.Article(ctx, u, articleID); err != nil {
			return st, err
		}
	}
	now := s.store.Now()
	hourStart := now.Truncate(time.Hour)
	first := hourStart.Add(-(ChartHours - 1) * time.Hour)
	lt := now.In(loc)
	midnight := time.Date(lt.Year(), lt.Month(), lt.Day(), 0, 0, 0, 0, loc)
	since := first
	if midnight.Before(first) {
		since = midnight
	}
	rows, err := s.store.ViewsPerHour(ctx, articleID, since)
	if err != nil {
		return st, err
	}
	byHour := map[int64]int64{}
	for _, h := range rows {
		byHour[h.Hour.Unix()] = h.Views
		if !h.Hour.Before(midnight) {
			st.Today += h.Views
		}
	}
	// Views are kept per clock hour: the last sixty minutes are this hour's
	// views plus the share of the previous hour that still falls inside them.
	prev := byHour[hourStart.Add(-time.Hour).Unix()]
	left := time.Hour - now.Sub(hourStart)
	st.LastHour = byHour[hourStart.Unix()] + prev*int64(left/time.Second)/3600
	for i := 0; i < ChartHours; i++ {
		h := first.Add(time.Duration(i) * time.Hour)
		st.Hours = append(st.Hours, store.HourViews{Hour: h, Views: byHour[h.Unix()]})
	}
	if articleID == 0 {
		if st.Top, err = s.store.TopArticlesSince(ctx, now.Add(-TopWindow), 10); err != nil {
			return st, err
		}
		if st.ByStatus, err = s.store.CountArticlesByStatus(ctx); err != nil {
			return st, err
		}
		if st.ReadNow, st.ReadNowTotal, err = s.store.ReadNow(ctx, now.Add(-ReadNowWindow), 10); err != nil {
			return st, err
		}
	}
	return st, nil
}
