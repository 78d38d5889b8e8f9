package newsroom

import (
	"fmt"
	"html/template"
	"net/http"
	"strings"
	"time"

	"warta/internal/auth"
	"warta/internal/domain"
	"warta/internal/editorial"
	"warta/internal/store"
	"warta/internal/web"
)

type dashboardPage struct {
	frame
	Stats     editorial.Stats
	Review    []domain.Article
	Pending   int64 // comments waiting for moderation (exact: comment_counts)
	InReview  int
	Scheduled int
	Updated   string // when the numbers were read, "14:32:10 WIB"
	Refresh   int    // milliseconds between the page's own updates (newsroom.js)
	Proposals int64  // correction proposals waiting for an editor (issue 12)
}

func (u *UI) dashboard(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	st, err := u.ed.Stats(r.Context(), &p.User, 0, u.cfg.Location)
	if err != nil {
		return err
	}
	pg := dashboardPage{frame: u.frame(r, p, "Dasbor", "dasbor"), Stats: st,
		InReview: st.ByStatus[domain.StatusReview], Scheduled: st.ByStatus[domain.StatusScheduled]}
	if auth.Can(p.User.Role, auth.PermArticleCreate) {
		if pg.Review, _, err = u.ed.List(r.Context(), &p.User, store.AdminFilter{Status: domain.StatusReview}, domain.Page{Number: 1, Size: 10}); err != nil {
			return err
		}
	}
	if auth.Can(p.User.Role, auth.PermComments) {
		_, n, err := u.ed.Comments(r.Context(), &p.User, domain.CommentPending, domain.Page{Number: 1, Size: 1})
		if err != nil {
			return err
		}
		pg.Pending = int64(n)
	}
	if auth.Can(p.User.Role, auth.PermArticleNotes) {
		n, err := u.ed.PendingProposals(r.Context(), &p.User)
		if err != nil {
			return err
		}
		pg.Proposals = int64(n)
	}
	now := time.Now()
	pg.Updated = now.In(u.cfg.Location).Format("15:04:05") + " " + web.ZoneName(u.cfg.Location, now)
	pg.Refresh = int(u.cfg.DashboardRefresh / time.Millisecond)
	// The dashboard updates itself (issue 14): newsroom.js fetches
	// ?bagian=langsung, the live part alone, every Refresh milliseconds.
	switch v := r.URL.Query().Get("bagian"); v {
	case "":
		u.render(w, "dashboard", http.StatusOK, pg)
	case "langsung":
		u.renderPart(w, "dashboard", "live", pg)
	default:
		return domain.Invalid("bagian %q tidak dikenal: gunakan langsung", domain.Truncate(v, 20))
	}
	return nil
}

type statsPage struct {
	frame
	Article domain.Article
	Stats   editorial.Stats
}

func (u *UI) articleStats(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	id, err := pathID(r, "id", "artikel")
	if err != nil {
		return err
	}
	a, err := u.ed.Article(r.Context(), &p.User, id)
	if err != nil {
		return err
	}
	st, err := u.ed.Stats(r.Context(), &p.User, id, u.cfg.Location)
	if err != nil {
		return err
	}
	u.render(w, "stats", http.StatusOK, statsPage{frame: u.frame(r, p, "Statistik: "+a.Title, "artikel"), Article: a, Stats: st})
	return nil
}

// chartSVG draws views per hour as a bar chart, on the server, so the
// dashboard needs no JavaScript. Only numbers and formatted hours go in.
func chartSVG(hours []store.HourViews, loc *time.Location) template.HTML {
	// The labels' size is set in newsroom.css: larger in the drawing's
	// units on a phone, where the chart is drawn at half its width or less.
	const w, h, left, bottom, top = 720, 220, 84, 36, 14
	var peak int64
	for _, x := range hours {
		peak = max(peak, x.Views)
	}
	scale := niceCeil(peak)
	plotH := float64(h - bottom - top)
	barW := float64(w-left-8) / float64(max(1, len(hours)))
	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="chart" viewBox="0 0 %d %d" role="img" aria-label="Jumlah dibaca per jam, %d jam terakhir" xmlns="http://www.w3.org/2000/svg">`, w, h, len(hours))
	for i := 0; i <= 4; i++ {
		y := float64(top) + plotH*float64(i)/4
		v := scale * int64(4-i) / 4
		fmt.Fprintf(&b, `<line x1="%d" x2="%d" y1="%.1f" y2="%.1f" stroke="#ddd" stroke-width="1"/>`, left, w-4, y, y)
		fmt.Fprintf(&b, `<text x="%d" y="%.1f" font-size="12" text-anchor="end" dominant-baseline="middle" fill="#555">%s</text>`, left-8, y, axisNumber(v))
	}
	for i, x := range hours {
		bh := 0.0
		if scale > 0 {
			bh = plotH * float64(x.Views) / float64(scale)
		}
		bx := float64(left) + float64(i)*barW
		lt := x.Hour.In(loc)
		label := web.FormatTime(x.Hour, loc)
		fmt.Fprintf(&b, `<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="#b3261e"><title>%s: %s kali dibaca</title></rect>`,
			bx+1, float64(top)+plotH-bh, max(1, barW-2), bh, template.HTMLEscapeString(label), web.FormatNumber(x.Views))
		if lt.Hour()%6 == 0 {
			// A phone shows every other label (class minor hidden).
			minor := ""
			if lt.Hour()%12 != 0 {
				minor = ` class="minor"`
			}
			fmt.Fprintf(&b, `<text x="%.1f" y="%d"%s font-size="12" text-anchor="middle" fill="#555">%s</text>`, bx+barW/2, h-8, minor, lt.Format("15:04"))
		}
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

// axisNumber is a chart's axis label, short: 1.000, 10 rb, 2 jt.
func axisNumber(v int64) string {
	switch {
	case v >= 1_000_000 && v%1_000_000 == 0:
		return web.FormatNumber(v/1_000_000) + " jt"
	case v >= 10_000:
		return web.FormatNumber(v/1000) + " rb"
	}
	return web.FormatNumber(v)
}

// niceCeil rounds a chart's top up to 1, 2 or 5 times a power of ten.
func niceCeil(v int64) int64 {
	if v <= 4 {
		return 4
	}
	p := int64(1)
	for p*10 <= v {
		p *= 10
	}
	for _, m := range []int64{1, 2, 5, 10} {
		if m*p >= v {
			return m * p
		}
	}
	return 10 * p
}
