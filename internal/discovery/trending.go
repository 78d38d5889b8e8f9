package discovery

import (
	"context"
	"fmt"
	"time"

	"warta/internal/store"
)

// TrendingRule decides which articles earn the #HOT badge from their views
// per hour. An article is hot when, in the last Window, it was read at
// least MinViews times and at least Ratio times faster than its usual rate;
// its usual rate is its average over the Baseline before the window (only
// the hours since it was published count), never less than FloorRate. Once
// hot, it stays hot while it keeps half of MinViews and KeepRatio times its
// usual rate, so the badge does not flicker around the threshold.
type TrendingRule struct {
	Window    time.Duration // recent period; the current hour counts as far as it has gone
	Baseline  time.Duration // period before the window giving the usual rate
	MinViews  int64         // views in the window needed to become hot
	Ratio     float64       // recent rate over usual rate needed to become hot
	KeepRatio float64       // ... needed to stay hot
	FloorRate float64       // usual rate never taken as lower than this (views per hour)
}

// DefaultTrendingRule is the rule Warta applies every minute.
func DefaultTrendingRule() TrendingRule {
	return TrendingRule{Window: 3 * time.Hour, Baseline: 7 * 24 * time.Hour,
		MinViews: 100, Ratio: 3, KeepRatio: 1.5, FloorRate: 5}
}

// span returns the start of the window and of the baseline at time now.
// Views are kept per hour, so the window is the current hour plus the
// Window-1 hours before it.
func (r TrendingRule) span(now time.Time) (windowStart, baselineStart time.Time) {
	hours := max(1, int(r.Window/time.Hour))
	windowStart = now.Truncate(time.Hour).Add(-time.Duration(hours-1) * time.Hour)
	return windowStart, windowStart.Add(-r.Baseline)
}

// Rates returns an article's recent and usual rate (views per hour) at
// time now.
func (r TrendingRule) Rates(v store.ViewStat, now time.Time) (recent, usual float64) {
	ws, bs := r.span(now)
	recent = float64(v.Recent) / max(1, now.Sub(ws).Hours())
	start := bs
	if pub := v.PublishedAt.Truncate(time.Hour); pub.After(start) {
		start = pub
	}
	usual = r.FloorRate
	if h := ws.Sub(start).Hours(); h >= 1 {
		usual = max(usual, float64(v.Before)/h)
	}
	return recent, usual
}

// Hot applies the rule to one article at time now.
func (r TrendingRule) Hot(v store.ViewStat, now time.Time) bool {
	recent, usual := r.Rates(v, now)
	if v.Hot {
		return 2*v.Recent >= r.MinViews && recent >= r.KeepRatio*usual
	}
	return v.Recent >= r.MinViews && recent >= r.Ratio*usual
}

// TrendingResult tells what one application of the rule changed.
type TrendingResult struct {
	On, Off []int64 // articles that gained or lost the badge
}

// UpdateTrending applies the engine's rule once, now.
func (e *Engine) UpdateTrending(ctx context.Context) (TrendingResult, error) {
	return ApplyTrending(ctx, e.st, e.rule, e.st.Now())
}

// ApplyTrending applies rule to every article the trending job decides for
// (no editor override) at time now, and stores the badges that changed.
func ApplyTrending(ctx context.Context, st *store.Store, rule TrendingRule, now time.Time) (TrendingResult, error) {
	var res TrendingResult
	ws, bs := rule.span(now)
	// Neither to become hot (MinViews) nor to stay hot (half of it) can a
	// story be read less than this in the window.
	stats, err := st.TrendingStats(ctx, ws, bs, now, (rule.MinViews+1)/2)
	if err != nil {
		return res, err
	}
	for _, v := range stats {
		switch hot := rule.Hot(v, now); {
		case hot && !v.Hot:
			res.On = append(res.On, v.ArticleID)
		case !hot && v.Hot:
			res.Off = append(res.Off, v.ArticleID)
		}
	}
	if _, err := st.SetAutoHot(ctx, res.On, res.Off); err != nil {
		return res, fmt.Errorf("trending: %w", err)
	}
	return res, nil
}
