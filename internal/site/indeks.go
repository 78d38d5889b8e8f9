package site

// /indeks (issue 14): all news of one day in the site's zone, newest
// first, optionally of one channel, paged. The day is a plain GET form
// (<input type=date>), so it works without JavaScript; one day is one
// range of articles_status_pub_id (or articles_category_pub_id with a
// channel), never a walk of the archive.

import (
	"net/http"
	"net/url"
	"time"

	"warta/internal/domain"
	"warta/internal/store"
	"warta/internal/web"
)

// indeksPageSize is how many stories one page of the index lists.
const indeksPageSize = 30

// indeksFirstDay is the earliest day the date picker offers.
const indeksFirstDay = "2000-01-01"

type indeksPage struct {
	frame
	Date      string // YYYY-MM-DD, the day shown
	DateLabel string // "Kamis, 20 Juni 2024"
	Max       string // today, YYYY-MM-DD in the site zone: the picker's max
	FirstDay  string
	Channel   string // category slug, "" for all
	ChanName  string
	Prev      string // link to the day before
	Next      string // link to the day after; "" on today
	Total     int64
	About     bool
	Articles  []domain.Article
	Pager     pager
}

// indeksURL is the address of one day (and channel, page) of the index.
func indeksURL(day, channel string, page int) string {
	v := url.Values{}
	if day != "" {
		v.Set("tanggal", day)
	}
	if channel != "" {
		v.Set("kanal", channel)
	}
	if page > 1 {
		v.Set("page", itoa(page))
	}
	if len(v) == 0 {
		return "/indeks"
	}
	return "/indeks?" + v.Encode()
}

// indeksDay reads ?tanggal=YYYY-MM-DD as a day in loc (today when absent).
// A malformed date, a day before indeksFirstDay or one after today is a 400.
func indeksDay(r *http.Request, now time.Time, loc *time.Location) (time.Time, error) {
	y, m, d := now.In(loc).Date()
	today := time.Date(y, m, d, 0, 0, 0, 0, loc)
	v := r.URL.Query().Get("tanggal")
	if v == "" {
		return today, nil
	}
	day, err := time.ParseInLocation("2006-01-02", v, loc)
	if err != nil {
		return time.Time{}, domain.Invalid("tanggal %q tidak valid: gunakan format TTTT-BB-HH, misalnya %s", domain.Truncate(v, 20), today.Format("2006-01-02"))
	}
	first, _ := time.ParseInLocation("2006-01-02", indeksFirstDay, loc)
	if day.Before(first) {
		return time.Time{}, domain.Invalid("tanggal %s terlalu lama: indeks berita dimulai %s", v, web.FormatDate(first, loc))
	}
	if day.After(today) {
		return time.Time{}, domain.Invalid("tanggal %s belum tiba: hari ini %s", v, web.FormatDate(today, loc))
	}
	return day, nil
}

func (s *Site) indeks(w http.ResponseWriter, r *http.Request) error {
	loc := s.cfg.Location
	now := s.now()
	day, err := indeksDay(r, now, loc)
	if err != nil {
		return err
	}
	page, err := pageParam(r)
	if err != nil {
		return err
	}
	chanSlug, chanName := r.URL.Query().Get("kanal"), ""
	if chanSlug != "" {
		c, err := s.store.CategoryBySlug(r.Context(), chanSlug)
		if err != nil {
			if web.StatusOf(err) == http.StatusNotFound {
				return domain.Invalid("kanal %q tidak dikenal: pilih salah satu kanal dari daftar", domain.Truncate(chanSlug, 40))
			}
			return err
		}
		chanName = c.Name
	}
	date := day.Format("2006-01-02")
	next := day.AddDate(0, 0, 1) // midnight of the next day in loc (DST-proof)
	// The list carries view counts (see countsTTL).
	key := "indeks\x00" + date + "\x00" + chanSlug + "\x00" + itoa(page)
	lp, err := fetch(r.Context(), s.frags, &s.frags.pages, &s.frags.gen, key, s.countsTTL(), func() (listResult, error) {
		list, total, err := s.store.QueryArticles(r.Context(), store.ArticleQuery{Filter: domain.ArticleFilter{CategorySlug: chanSlug},
			From: day, To: next.Add(-time.Microsecond), Page: domain.Page{Number: page, Size: indeksPageSize}})
		return listResult{list: list, total: total}, err
	})
	if err != nil {
		return err
	}
	pages := (lp.total + indeksPageSize - 1) / indeksPageSize
	if page > 1 && page > pages {
		return domain.NotFound("halaman %d indeks %s tidak ada", page, date)
	}
	y, m, d := now.In(loc).Date()
	today := time.Date(y, m, d, 0, 0, 0, 0, loc).Format("2006-01-02")
	label := web.FormatDate(day, loc)
	heading := "Indeks Berita"
	if chanName != "" {
		heading += " " + chanName
	}
	title := heading + " " + label
	if page > 1 {
		title += " (halaman " + itoa(page) + ")"
	}
	canonical := indeksURL(date, chanSlug, page)
	if r.URL.Query().Get("tanggal") == "" && date == today {
		canonical = indeksURL("", chanSlug, page) // today's index keeps its short address
	}
	fr, err := s.frame(r.Context(), meta{Title: title + " — " + s.siteName(r.Context()),
		Description: "Semua berita " + s.siteName(r.Context()) + " yang terbit " + label + ", urut dari yang terbaru.", Canonical: canonical}, "indeks")
	if err != nil {
		return err
	}
	p := indeksPage{frame: fr, Date: date, DateLabel: label, Max: today, FirstDay: indeksFirstDay, Channel: chanSlug, ChanName: chanName,
		Total: int64(lp.total), About: store.EstimatedTotal(lp.total), Articles: lp.list,
		Pager: pager{Base: indeksURL(date, chanSlug, 1), Page: page, Pages: pages}}
	if prev := day.AddDate(0, 0, -1).Format("2006-01-02"); prev >= indeksFirstDay {
		p.Prev = indeksURL(prev, chanSlug, 1)
	}
	if date < today {
		p.Next = indeksURL(next.Format("2006-01-02"), chanSlug, 1)
	}
	return s.render(w, "indeks", http.StatusOK, p)
}
