package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"warta/internal/domain"
)

// Article list orders accepted by QueryArticles.
const (
	SortNewest  = "newest"
	SortOldest  = "oldest"
	SortPopular = "popular"
)

// ArticleQuery asks for one page of published articles with the filters and
// orders of the content API, the feeds and the news sitemap.
type ArticleQuery struct {
	Filter domain.ArticleFilter
	From   time.Time // published at or after; zero for no bound
	To     time.Time // published at or before; zero for no bound
	Sort   string    // SortNewest (default), SortOldest or SortPopular
	Page   domain.Page
	// NoTotal skips counting every match (feeds need no total); the total
	// returned is then -1.
	NoTotal bool
	// After continues a list (newest or oldest order) after this article,
	// the last of the previous page: keyset pagination, as cheap on page
	// 50,000 as on page 1. Page.Number must then be 1.
	After *Cursor
}

// Cursor is a position in a list of articles ordered by publish time with
// the id as tie-break.
type Cursor struct {
	PublishedAt time.Time
	ID          int64
}

// CursorAfter is the cursor that continues a list after a.
func CursorAfter(a domain.Article) *Cursor { return &Cursor{PublishedAt: a.PublishedAt, ID: a.ID} }

// QueryArticles returns one page of published articles that match q, with
// their tags and authors, and the total number that match. A page past the
// end is an empty list with the right total. Totals above ExactCountLimit
// are estimates (see EstimatedTotal).
//
// A tag or author filter drives the query from article_tags /
// article_authors: their pub_at copy of the publish time (listing.go) puts
// one tag's articles, newest first, in one index range, so the biggest tag
// of a million articles costs a page what a small one does.
func (s *Store) QueryArticles(ctx context.Context, q ArticleQuery) ([]domain.Article, int, error) {
	now := s.Now()
	f := q.Filter
	var link, linkCol, linkSlug string // the driving link table, its key column and the slug looked up
	if l, slug, ok := linkListOf(f); ok && q.Sort != SortPopular {
		link, linkCol, linkSlug = l.link, l.match(""), slug
	}
	// pub is the publish time column the query is ordered and bounded by.
	pub := "a.published_at"
	where := " WHERE" + published
	args := []any{now}
	if link != "" {
		pub = "l.pub_at"
		where = " WHERE l." + linkCol + " AND l.pub_at IS NOT NULL AND l.pub_at <= ?"
		args = []any{linkSlug, now}
	}
	if f.CategorySlug != "" {
		// A subquery, not c.slug, so the count below needs no join.
		where += " AND a.category_id = (SELECT id FROM categories WHERE slug = ?)"
		args = append(args, f.CategorySlug)
	}
	// The most read of a list that holds a large share of the archive are
	// found walking every article most read first (popularWalk), each
	// tested for the tag or author by one primary-key look-up.
	walk := ""
	if q.Sort == SortPopular && s.dialect == SQLite {
		ok, err := s.popularWalk(ctx, q)
		if err != nil {
			return nil, 0, err
		}
		if ok {
			walk = " INDEXED BY articles_status_views"
		}
	}
	// A tag or author the list is not driven by: its articles by their
	// links. For the most read, on SQLite walking (popularWalk) each story is
	// tested by one primary-key look-up; on PostgreSQL the one tag or author
	// is named by its id, so the planner weighs its own share (looked up in
	// an InitPlan it was taken for an average one, 474 links: the biggest
	// tag's 351,650 were read and sorted, 2.3 s at 1M; by id the planner
	// walks articles_status_views, 4.8 ms), planned for that id every time
	// (pgx's unnamed statement), never by a generic plan.
	planEach := false
	for _, m := range []struct {
		l    linkList
		slug string
	}{{tagList, f.TagSlug}, {authorList, f.AuthorSlug}} {
		switch {
		case m.slug == "" || link == m.l.link:
			continue
		case walk != "":
			where += " AND EXISTS (SELECT 1 FROM " + m.l.link + " m WHERE m.article_id = a.id AND " + m.l.match("m.") + ")"
			args = append(args, m.slug)
		case q.Sort == SortPopular && s.dialect == Postgres && oneList(f):
			var id int64
			err := s.r.QueryRowContext(ctx, s.q("SELECT id FROM "+m.l.owner+" WHERE slug = ?"), m.slug).Scan(&id)
			if errors.Is(err, sql.ErrNoRows) {
				return nil, 0, nil
			}
			if err != nil {
				return nil, 0, fmt.Errorf("popular list: %w", err)
			}
			where += " AND a.id IN (SELECT m.article_id FROM " + m.l.link + " m WHERE m." + m.l.col + " = ?)"
			args, planEach = append(args, id), true
		default:
			where += " AND a.id IN (SELECT m.article_id FROM " + m.l.link + " m JOIN " + m.l.owner + " o ON o.id = m." + m.l.col + " WHERE o.slug = ?)"
			args = append(args, m.slug)
		}
	}
	if f.ExcludeID != 0 {
		where += " AND a.id <> ?"
		args = append(args, f.ExcludeID)
	}
	if !q.From.IsZero() {
		where += " AND " + pub + " >= ?"
		args = append(args, dbTime(q.From))
	}
	// The one upper bound of the publish-time range: now, or an earlier To
	// in its place (SQLite carries one bound a side into the index range;
	// a day of /indeks years back must not walk every article since).
	nowArg := 0 // the placeholder of "published_at <= now"
	if link != "" {
		nowArg = 1
	}
	upper := now
	if !q.To.IsZero() {
		if to := dbTime(q.To); to.Before(now) {
			args[nowArg], upper = to, to
		}
	}
	var order, outer string
	id := "a.id"
	if link != "" {
		id = "l.article_id"
	}
	// countWhere is where without the cursor: the total counts the whole list.
	countWhere, countArgs := where, args
	if q.After != nil {
		if q.Sort == SortPopular || q.Page.Number != 1 {
			return nil, 0, domain.Invalid("cursor hanya untuk urutan newest atau oldest, tanpa nomor halaman")
		}
		cmp := "<"
		if q.Sort == SortOldest {
			cmp = ">"
		}
		// Spelled out rather than as a row value, whose bound SQLite does
		// not carry into the index range. Newest first, the cursor's time
		// replaces now as the one upper bound of the range (SQLite uses one
		// bound a side); oldest first it is the lower bound.
		t := dbTime(q.After.PublishedAt)
		args = slices.Clone(args)
		if cmp == "<" {
			if t.Before(upper) {
				args[nowArg] = t
			}
			where += " AND (" + pub + " < ? OR " + id + " < ?)"
			args = append(args, t, q.After.ID)
		} else {
			where += " AND " + pub + " >= ? AND (" + pub + " > ? OR " + id + " > ?)"
			args = append(args, t, t, q.After.ID)
		}
	}
	switch q.Sort {
	case "", SortNewest:
		order, outer = " ORDER BY "+pub+" DESC, "+id+" DESC", " ORDER BY a.published_at DESC, a.id DESC"
	case SortOldest:
		order, outer = " ORDER BY "+pub+" ASC, "+id+" ASC", " ORDER BY a.published_at ASC, a.id ASC"
	case SortPopular:
		order = " ORDER BY a.views DESC, a.published_at DESC, a.id DESC"
		outer = order
	default:
		return nil, 0, domain.Invalid("urutan %q tidak dikenal", q.Sort)
	}
	if q.Page.Number < 1 || q.Page.Size < 1 {
		return nil, 0, domain.Invalid("halaman tidak valid")
	}
	from := " FROM articles a"
	count := from
	if link != "" {
		from = " FROM " + link + " l JOIN articles a ON a.id = l.article_id"
		count = from
		if !strings.Contains(where, "a.") {
			// Nothing but the link table to filter on: count it alone.
			count = " FROM " + link + " l"
		}
	}
	pageOf := func(where string, args []any, offset int) ([]domain.Article, error) {
		inner := "SELECT a.*" + from + walk + where + order + " LIMIT ? OFFSET ?"
		if count != from {
			// Only the link table filters: cut the page from its index alone,
			// then read the page's articles (page 100 of a tag read the 1,200
			// articles before it).
			inner = "SELECT a.* FROM (SELECT l.article_id" + count + where + order + " LIMIT ? OFFSET ?) x JOIN articles a ON a.id = x.article_id"
		}
		pageArgs := append(slices.Clip(args), q.Page.Size, offset)
		if planEach {
			pageArgs = append([]any{pgx.QueryExecModeExec}, pageArgs...)
		}
		return s.queryArticles(ctx, "SELECT "+s.cols(articleListCols)+" FROM ("+inner+") a JOIN categories c ON c.id = a.category_id"+outer,
			pageArgs...)
	}
	page := func() ([]domain.Article, error) {
		// A deep page of the whole list, one channel or one tag, newest or
		// oldest first, starts from the day that holds its first article
		// (article_days / tag_days) instead of stepping over every article
		// before it.
		if src, ok := seekSourceOf(q); ok && q.Page.Offset() >= s.seekOffset {
			d, skip, ok, err := s.seekDay(ctx, src, q.Sort == SortOldest, q.Page.Offset(), now)
			if err != nil {
				return nil, fmt.Errorf("seek page: %w", err)
			}
			if ok {
				args := slices.Clone(args)
				if q.Sort == SortOldest {
					return pageOf(where+" AND "+pub+" >= ?", append(args, dbTime(dayStart(d))), skip)
				}
				// The day's last microsecond replaces now as the one upper
				// bound (times are stored to the microsecond).
				args[nowArg] = dbTime(dayStart(d + 1).Add(-time.Microsecond))
				return pageOf(where, args, skip)
			}
		}
		return pageOf(where, args, q.Page.Offset())
	}
	if q.NoTotal {
		list, err := page()
		return list, -1, err
	}
	total, counted, err := s.countedTotal(ctx, q)
	if err == nil && !counted {
		total, err = s.countOrEstimate(ctx, count+countWhere, pub, countArgs, upper)
	}
	if err != nil {
		return nil, 0, fmt.Errorf("count articles: %w", err)
	}
	if q.Page.Offset() >= total && q.After == nil {
		return []domain.Article{}, total, nil
	}
	list, err := page()
	return list, total, err
}

// SeekOffset is the offset from which a page of the newest or oldest list
// (all articles, one channel's or one tag's, no other filter) is found
// through per-month and per-day counts (seekSourceOf) rather than by OFFSET: page 5,000 of a million articles costs about what page 50
// does.
const SeekOffset = 1000

// dayStart is the start of a UTC day number (days since 1970-01-01).
func dayStart(day int64) time.Time { return time.Unix(day*86400, 0).UTC() }

// monthDays is the first day number of a month number (year*12 + month-1,
// UTC) and the first of the next.
func monthDays(month int64) (first, next int64) {
	m := time.Date(int(month/12), time.Month(month%12+1), 1, 0, 0, 0, 0, time.UTC)
	return m.Unix() / 86400, m.AddDate(0, 1, 0).Unix() / 86400
}

// seekSource names the counts a deep page is found through: per-day and
// per-month tables, the condition that picks the list's rows in them, and
// the count of the list's articles published today up to now (its
// arguments: the day's start, now, then keyArgs).
type seekSource struct {
	days, months string
	key          string
	keyArgs      []any
	today        string
}

// seekSourceOf says which counts hold the positions of q's list: the whole
// list's or one channel's (article_days, article_months: migrations 0180,
// 0182), one tag's (tag_days, tag_months: 0183) or one author's
// (author_days, author_months: 0195), newest or oldest first
// with no other filter.
func seekSourceOf(q ArticleQuery) (seekSource, bool) {
	f := q.Filter
	if q.After != nil || q.Sort == SortPopular || !q.From.IsZero() || !q.To.IsZero() || f.ExcludeID != 0 || !oneList(f) {
		return seekSource{}, false
	}
	if l, slug, ok := linkListOf(f); ok {
		return seekSource{days: l.days, months: l.months, key: " AND " + l.match(""), keyArgs: []any{slug},
			today: "SELECT COUNT(*) FROM " + l.link + " l WHERE l.pub_at >= ? AND l.pub_at <= ? AND " + l.match("l.")}, true
	}
	src := seekSource{days: "article_days", months: "article_months",
		today: "SELECT COUNT(*) FROM articles a WHERE a.status = 'published' AND a.published_at >= ? AND a.published_at <= ?"}
	if f.CategorySlug != "" {
		src.key, src.keyArgs = " AND category_id = (SELECT id FROM categories WHERE slug = ?)", []any{f.CategorySlug}
		src.today += " AND a.category_id = (SELECT id FROM categories WHERE slug = ?)"
	}
	return src, true
}

// seekDay finds where the article at offset (0-based) of a published list
// (src) lies: on day d, after skip articles of the list that are newer
// (oldest: older) and on d or later (earlier). Newest
// first it counts today's articles up to now one by one (today's row also
// counts articles still ahead of their time), then sums this month's days
// before today, then whole months back, then the days of the month the
// offset falls in; oldest first the same from the first month on, and past
// yesterday the offset lies in today's articles. At most about 120 month
// sums and 31 day sums, each of up to one row per channel. ok is false when
// the offset lies in today's articles newest first (the caller steps over
// them by OFFSET) or the counts hold fewer articles than the list.
func (s *Store) seekDay(ctx context.Context, src seekSource, oldest bool, offset int, now time.Time) (d int64, skip int, ok bool, err error) {
	today := now.Unix() / 86400
	t := now.UTC()
	thisMonth := int64(t.Year())*12 + int64(t.Month()) - 1
	monthFirst, _ := monthDays(thisMonth)
	dir := "ASC"
	if !oldest {
		dir = "DESC"
	}
	cum := 0
	// walk sums the counts of days (or months) in [lo, hi) in list order
	// and returns the one that holds offset, with the count before it.
	walk := func(table, col string, lo, hi int64) (key int64, before int, found bool, err error) {
		rows, err := s.r.QueryContext(ctx, s.q("SELECT "+col+", SUM(n) FROM "+table+" WHERE "+col+" >= ? AND "+col+" < ?"+src.key+
			" GROUP BY "+col+" ORDER BY "+col+" "+dir), append([]any{lo, hi}, src.keyArgs...)...)
		if err != nil {
			return 0, 0, false, err
		}
		defer rows.Close()
		for rows.Next() {
			var k int64
			var n int
			if err := rows.Scan(&k, &n); err != nil {
				return 0, 0, false, err
			}
			if cum+n > offset {
				return k, cum, true, nil
			}
			cum += n
		}
		return 0, 0, false, rows.Err()
	}
	days := func(lo, hi int64) (int64, int, bool, error) { return walk(src.days, "day", lo, hi) }
	months := func(lo, hi int64) (int64, int, bool, error) { return walk(src.months, "month", lo, hi) }
	found := false
	var before int
	if oldest {
		var m int64
		if m, before, found, err = months(0, thisMonth); err == nil && found {
			first, next := monthDays(m)
			cum = before
			d, before, found, err = days(first, next)
		} else if err == nil {
			if d, before, found, err = days(monthFirst, today); err == nil && !found {
				// Past yesterday: among today's articles, every one of
				// them listed up to now.
				d, before, found = today, cum, true
			}
		}
	} else {
		if err := s.r.QueryRowContext(ctx, s.q(src.today),
			append([]any{dbTime(dayStart(today)), dbTime(now)}, src.keyArgs...)...).Scan(&cum); err != nil {
			return 0, 0, false, err
		}
		if offset < cum {
			return 0, 0, false, nil
		}
		if d, before, found, err = days(monthFirst, today); err == nil && !found {
			var m int64
			if m, before, found, err = months(0, thisMonth); err == nil && found {
				first, next := monthDays(m)
				cum = before
				d, before, found, err = days(first, next)
			}
		}
	}
	if err != nil || !found {
		return 0, 0, false, err
	}
	return d, offset - before, true, nil
}

// ExactCountLimit is the most matches a list counts one by one; beyond it
// the total is estimated and shown as "sekitar 196.000".
const ExactCountLimit = 10000

// EstimatedTotal reports whether a total returned by QueryArticles (or
// another capped count) is an estimate rather than an exact count.
func EstimatedTotal(total int) bool { return total > ExactCountLimit }

// countOrEstimate counts the rows of fromWhere up to ExactCountLimit. Past
// that it estimates from the publish times, which an archive fills at a
// steady pace: the matches number about ExactCountLimit times the span from
// the oldest match to now over the span of the newest ExactCountLimit. The
// estimate reads two index positions, never every match, and is rounded to
// three significant digits (and kept above ExactCountLimit, so
// EstimatedTotal tells it apart).
func (s *Store) countOrEstimate(ctx context.Context, fromWhere, pub string, args []any, now time.Time) (int, error) {
	var n int
	if err := s.r.QueryRowContext(ctx, s.q("SELECT COUNT(*) FROM (SELECT 1"+fromWhere+" LIMIT ?) x"),
		append(args, ExactCountLimit+1)...).Scan(&n); err != nil {
		return 0, err
	}
	if n <= ExactCountLimit {
		return n, nil
	}
	var kth, oldest any
	if err := s.r.QueryRowContext(ctx, s.q("SELECT "+pub+fromWhere+" ORDER BY "+pub+" DESC LIMIT 1 OFFSET ?"),
		append(args, ExactCountLimit-1)...).Scan(&kth); err != nil {
		return 0, err
	}
	if err := s.r.QueryRowContext(ctx, s.q("SELECT "+pub+fromWhere+" ORDER BY "+pub+" ASC LIMIT 1"), args...).Scan(&oldest); err != nil {
		return 0, err
	}
	tk, err := anyTime(kth)
	if err != nil {
		return 0, err
	}
	to, err := anyTime(oldest)
	if err != nil {
		return 0, err
	}
	recent := now.Sub(tk)
	if recent <= 0 {
		return ExactCountLimit + 1, nil
	}
	est := float64(ExactCountLimit) * float64(now.Sub(to)) / float64(recent)
	return max(ExactCountLimit+1, roundSignificant(est, 3)), nil
}

// roundSignificant rounds v to d significant digits.
func roundSignificant(v float64, d int) int {
	if v < 1 {
		return 0
	}
	scale := math.Pow(10, math.Floor(math.Log10(v))-float64(d-1))
	return int(math.Round(v/scale) * scale)
}

// countAtMost counts the rows a query selects, stopping past limit (the
// caller shows "10.000+" then).
func (s *Store) countAtMost(ctx context.Context, limit int, fromWhere string, args ...any) (int, error) {
	var n int
	err := s.r.QueryRowContext(ctx, s.q("SELECT COUNT(*) FROM (SELECT 1"+fromWhere+" LIMIT ?) x"), append(args, limit+1)...).Scan(&n)
	return n, err
}

// SitemapBucket is one file of the article sitemap: the published articles
// whose ids fall in ((Number-1)*size, Number*size]. Buckets by id keep an
// article in the same file for ever, and no file can hold more than size
// URLs.
type SitemapBucket struct {
	Number  int
	Count   int
	LastMod time.Time
}

// ArticleSitemapBuckets lists the non-empty article sitemap files for the
// given file size, in order. For sizes that are whole blocks of 1,000 ids it
// sums article_blocks (listing.go): at a million articles a thousand small
// rows instead of every article.
func (s *Store) ArticleSitemapBuckets(ctx context.Context, size int) ([]SitemapBucket, error) {
	if size < 1 {
		return nil, domain.Invalid("ukuran sitemap tidak valid")
	}
	query := `SELECT (a.id - 1) / ? AS bucket, COUNT(*), MAX(a.updated_at) FROM articles a
		WHERE` + published + ` GROUP BY bucket ORDER BY bucket`
	args := []any{size, s.Now()}
	switch {
	case size == blockSize: // one block a file: the rows in primary-key order
		query = "SELECT block, published, " + s.timeText("lastmod") + " FROM article_blocks ORDER BY block"
		args = nil
	case size%blockSize == 0:
		query = "SELECT block / ? AS bucket, SUM(published), MAX(lastmod) FROM article_blocks GROUP BY bucket ORDER BY bucket"
		args = []any{size / blockSize}
	}
	rows, err := s.r.QueryContext(ctx, s.q(query), args...)
	if err != nil {
		return nil, fmt.Errorf("sitemap buckets: %w", err)
	}
	defer rows.Close()
	var list []SitemapBucket
	for rows.Next() {
		var b SitemapBucket
		var last any
		if err := rows.Scan(&b.Number, &b.Count, &last); err != nil {
			return nil, fmt.Errorf("sitemap buckets: %w", err)
		}
		b.Number++
		if b.LastMod, err = anyTime(last); err != nil {
			return nil, fmt.Errorf("sitemap buckets: %w", err)
		}
		list = append(list, b)
	}
	return list, rows.Err()
}

// SitemapEntry is what a sitemap needs of an article (Title only in the
// news sitemap).
type SitemapEntry struct {
	ID          int64
	Slug        string
	Title       string
	PublishedAt time.Time
	UpdatedAt   time.Time
}

// NewsSitemap returns page number (of size) of the articles published from
// since to now, newest first: what the Google News sitemap lists. One range
// of articles_status_pub_id and the page's rows, nothing of their tags or
// authors.
func (s *Store) NewsSitemap(ctx context.Context, since time.Time, number, size int) ([]SitemapEntry, error) {
	if number < 1 || size < 1 {
		return nil, domain.Invalid("nomor sitemap tidak valid")
	}
	query := `SELECT a.id, a.slug, a.title, a.published_at, a.updated_at FROM articles a
		WHERE` + published + ` AND a.published_at >= ? ORDER BY a.published_at DESC, a.id DESC LIMIT ? OFFSET ?`
	if s.dialect == SQLite {
		// The page's ids from articles_status_pub_id, their times and slugs
		// from the covering articles_sitemap, the title from the row's first
		// page: updated_at sits after the body in SQLite's row, so reading it
		// there walked each article's overflow pages (native sqlite3: 1.0 →
		// 0.45 ms for the 297 entries of a 1M archive's two days; the whole
		// page 3.25 → 2.7 ms CPU).
		query = `SELECT x.id, x.slug, a.title, +x.published_at, +x.updated_at FROM (
			SELECT id, slug, published_at, updated_at FROM articles INDEXED BY articles_sitemap WHERE status = 'published' AND id IN (
				SELECT a.id FROM articles a WHERE` + published + ` AND a.published_at >= ? ORDER BY a.published_at DESC, a.id DESC LIMIT ? OFFSET ?)) x
			JOIN articles a ON a.id = x.id ORDER BY x.published_at DESC, x.id DESC`
	}
	rows, err := s.r.QueryContext(ctx, s.q(query), s.Now(), dbTime(since), size, (number-1)*size)
	if err != nil {
		return nil, fmt.Errorf("news sitemap: %w", err)
	}
	defer rows.Close()
	var list []SitemapEntry
	for rows.Next() {
		var e SitemapEntry
		if err := rows.Scan(&e.ID, &e.Slug, &e.Title, scanTime{t: &e.PublishedAt}, scanTime{t: &e.UpdatedAt}); err != nil {
			return nil, fmt.Errorf("news sitemap: %w", err)
		}
		list = append(list, e)
	}
	return list, rows.Err()
}

// CountPublishedSince counts the articles published from since to now,
// from the publish-time index alone (the sitemap index's news files).
func (s *Store) CountPublishedSince(ctx context.Context, since time.Time) (int, error) {
	var n int
	if err := s.r.QueryRowContext(ctx, s.q("SELECT COUNT(*) FROM articles a WHERE"+published+" AND a.published_at >= ?"),
		s.Now(), dbTime(since)).Scan(&n); err != nil {
		return 0, fmt.Errorf("count recent articles: %w", err)
	}
	return n, nil
}

// ArticleSitemap returns the published articles of one sitemap bucket (see
// SitemapBucket), by id.
func (s *Store) ArticleSitemap(ctx context.Context, number, size int) ([]SitemapEntry, error) {
	if number < 1 || size < 1 {
		return nil, domain.Invalid("nomor sitemap tidak valid")
	}
	lo := int64(number-1) * int64(size)
	// One range of the covering articles_sitemap index: the table rows hold
	// the body before the status and times, so reading them from the table
	// walks every body.
	rows, err := s.r.QueryContext(ctx, s.q(`SELECT a.id, a.slug, `+s.timeText("a.published_at")+`, `+s.timeText("a.updated_at")+` FROM articles a
		WHERE a.status = 'published' AND a.id > ? AND a.id <= ? AND a.published_at <= ? ORDER BY a.id`), lo, lo+int64(size), s.Now())
	if err != nil {
		return nil, fmt.Errorf("article sitemap: %w", err)
	}
	defer rows.Close()
	var list []SitemapEntry
	for rows.Next() {
		var e SitemapEntry
		if err := rows.Scan(&e.ID, &e.Slug, scanTime{t: &e.PublishedAt}, scanTime{t: &e.UpdatedAt}); err != nil {
			return nil, fmt.Errorf("article sitemap: %w", err)
		}
		list = append(list, e)
	}
	return list, rows.Err()
}

// anyTime reads an aggregate time column: PostgreSQL gives a time.Time,
// SQLite (which loses the column type in MAX) gives text.
func anyTime(v any) (time.Time, error) {
	switch t := v.(type) {
	case nil:
		return time.Time{}, nil
	case time.Time:
		return t, nil
	case []byte:
		return parseSQLiteTime(string(t))
	case string:
		return parseSQLiteTime(t)
	}
	return time.Time{}, fmt.Errorf("unexpected time value %T", v)
}

func parseSQLiteTime(v string) (time.Time, error) {
	if t, ok := fastSQLiteTime(v); ok {
		return t, nil
	}
	for _, layout := range []string{"2006-01-02 15:04:05.999999999-07:00", "2006-01-02 15:04:05.999999999Z07:00",
		time.RFC3339Nano, "2006-01-02 15:04:05.999999999", "2006-01-02T15:04:05.999999999"} {
		if t, err := time.Parse(layout, strings.TrimSpace(v)); err == nil {
			return t.UTC(), nil
		}
	}
	return time.Time{}, fmt.Errorf("cannot parse time %q", v)
}

// fastSQLiteTime reads the form Warta's SQLite connections write times in
// (_time_format=sqlite: "2006-01-02 15:04:05.999999999-07:00", UTC), and
// also a trailing "Z", without time.Parse: a sitemap index of a million
// articles reads a thousand of them. ok is false for anything else.
func fastSQLiteTime(v string) (t time.Time, ok bool) {
	if len(v) < 20 || v[4] != '-' || v[7] != '-' || (v[10] != ' ' && v[10] != 'T') || v[13] != ':' || v[16] != ':' {
		return t, false
	}
	num := func(s string) int {
		n := 0
		for i := 0; i < len(s); i++ {
			if s[i] < '0' || s[i] > '9' {
				return -1
			}
			n = n*10 + int(s[i]-'0')
		}
		return n
	}
	year, month, day, hour, minute, sec := num(v[0:4]), num(v[5:7]), num(v[8:10]), num(v[11:13]), num(v[14:16]), num(v[17:19])
	if year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || sec < 0 || sec > 59 {
		return t, false
	}
	rest, nsec := v[19:], 0
	if rest != "" && rest[0] == '.' {
		i := 1
		for i < len(rest) && rest[i] >= '0' && rest[i] <= '9' {
			i++
		}
		if i == 1 || i > 10 {
			return t, false
		}
		nsec = num(rest[1:i])
		for range 10 - i {
			nsec *= 10
		}
		rest = rest[i:]
	}
	var offset int
	switch {
	case rest == "Z":
	case len(rest) == 6 && (rest[0] == '+' || rest[0] == '-') && rest[3] == ':':
		h, m := num(rest[1:3]), num(rest[4:6])
		if h < 0 || h > 23 || m < 0 || m > 59 {
			return t, false
		}
		offset = h*3600 + m*60
		if rest[0] == '-' {
			offset = -offset
		}
	default:
		return t, false
	}
	t = time.Date(year, time.Month(month), day, hour, minute, sec, nsec, time.UTC)
	if t.Day() != day { // 31 April
		return time.Time{}, false
	}
	return t.Add(-time.Duration(offset) * time.Second), true
}

// CategoryStat is a category with the number of its published articles.
type CategoryStat struct {
	domain.Category
	Articles int
}

// CategoryStats lists all categories in navigation order with their
// published article counts (article_counts, exact).
func (s *Store) CategoryStats(ctx context.Context) ([]CategoryStat, error) {
	cats, err := s.Categories(ctx)
	if err != nil {
		return nil, fmt.Errorf("category stats: %w", err)
	}
	counts, err := groupCounts[int64](ctx, s, "SELECT category_id, n FROM article_counts WHERE status = 'published'")
	if err != nil {
		return nil, fmt.Errorf("category stats: %w", err)
	}
	ahead, err := groupCounts[int64](ctx, s, `SELECT a.category_id, COUNT(*) FROM articles a
		WHERE a.status = 'published' AND a.published_at > ? GROUP BY a.category_id`, s.Now())
	if err != nil {
		return nil, fmt.Errorf("category stats: %w", err)
	}
	list := make([]CategoryStat, 0, len(cats))
	for _, c := range cats {
		list = append(list, CategoryStat{Category: c, Articles: counts[c.ID] - ahead[c.ID]})
	}
	return list, nil
}

// TagStat is a tag with the number of its published articles and the time
// the newest of them was updated.
type TagStat struct {
	domain.Tag
	Articles int
	LastMod  time.Time
}

// tagHasArticles is true for a tag (alias t) with a published article: one
// probe of the article_tags_pub index.
const tagHasArticles = ` EXISTS (SELECT 1 FROM article_tags l WHERE l.tag_id = t.id AND l.pub_at IS NOT NULL AND l.pub_at <= ?)`

// CountListedTags counts the tags that have published articles readers
// see: those tag_counts counts, less the tags whose every one is still
// ahead of its publish time.
func (s *Store) CountListedTags(ctx context.Context) (int, error) {
	var n int
	if err := s.r.QueryRowContext(ctx, "SELECT COUNT(*) FROM tag_counts WHERE published > 0").Scan(&n); err != nil {
		return 0, fmt.Errorf("count tags: %w", err)
	}
	ahead, err := s.aheadByTag(ctx)
	if err != nil || len(ahead) == 0 {
		return n, err
	}
	var ids []any
	for id := range ahead {
		ids = append(ids, id)
	}
	counts, err := groupCounts[int64](ctx, s, "SELECT tag_id, published FROM tag_counts WHERE tag_id IN ("+
		strings.TrimSuffix(strings.Repeat("?, ", len(ids)), ", ")+")", ids...)
	if err != nil {
		return 0, fmt.Errorf("count tags: %w", err)
	}
	for id, k := range ahead {
		if counts[id] == k {
			n--
		}
	}
	return n, nil
}

// TagStats returns one page of the tags that have published articles, by
// name, and how many such tags there are. The page walks the tags_name
// index with each tag's count from tag_counts; LastMod is when a tag's
// newest article last changed, one probe of article_tags_pub each. The
// unary + keeps SQLite from reading tag_counts_published (migration 0201)
// and sorting every tag in use instead.
func (s *Store) TagStats(ctx context.Context, p domain.Page) ([]TagStat, int, error) {
	now := s.Now()
	total, err := s.CountListedTags(ctx)
	if err != nil {
		return nil, 0, err
	}
	list := []TagStat{}
	if p.Offset() >= total {
		return list, total, nil
	}
	rows, err := s.r.QueryContext(ctx, s.q(`SELECT t.id, t.slug, t.name, t.published,
		(SELECT a.updated_at FROM article_tags l JOIN articles a ON a.status = 'published' AND a.id = l.article_id
			WHERE l.tag_id = t.id AND l.pub_at IS NOT NULL AND l.pub_at <= ? ORDER BY l.pub_at DESC, l.article_id DESC LIMIT 1)
		FROM (SELECT t.id, t.slug, t.name, k.published FROM tags t JOIN tag_counts k ON k.tag_id = t.id
			WHERE +k.published > 0 AND`+tagHasArticles+` ORDER BY t.name, t.id LIMIT ? OFFSET ?) t ORDER BY t.name, t.id`),
		now, now, p.Size, p.Offset())
	if err != nil {
		return nil, 0, fmt.Errorf("list tags: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var t TagStat
		var last any
		if err := rows.Scan(&t.ID, &t.Slug, &t.Name, &t.Articles, &last); err != nil {
			return nil, 0, fmt.Errorf("list tags: %w", err)
		}
		if t.LastMod, err = anyTime(last); err != nil {
			return nil, 0, fmt.Errorf("list tags: %w", err)
		}
		list = append(list, t)
	}
	if err := rows.Err(); err != nil {
		return nil, 0, fmt.Errorf("list tags: %w", err)
	}
	ahead, err := s.aheadByTag(ctx)
	if err != nil {
		return nil, 0, fmt.Errorf("list tags: %w", err)
	}
	for i := range list {
		list[i].Articles -= ahead[list[i].ID]
	}
	return list, total, nil
}

// TagSitemapFiles lists the numbers of the tag sitemap files for the given
// file size: file N holds the tags with ids in ((N-1)*size, N*size] that
// have a published article (by id, like the article files, so a tag keeps
// its file). A range is listed when a read of its tags finds one whose
// newest article (tags.newest_pub_at, migration 0197) is out, or whose
// newest is still ahead and a probe of article_tags_pub finds an older one
// out (only asked of a range with no tag out): usually the range's first
// tag row, and nothing of the articles.
func (s *Store) TagSitemapFiles(ctx context.Context, size int) ([]int, error) {
	if size < 1 {
		return nil, domain.Invalid("ukuran sitemap tidak valid")
	}
	var last int64
	if err := s.r.QueryRowContext(ctx, "SELECT COALESCE(MAX(id), 0) FROM tags").Scan(&last); err != nil {
		return nil, fmt.Errorf("tag sitemap files: %w", err)
	}
	now := s.Now()
	var files []int
	for n := 1; int64(n-1)*int64(size) < last; n++ {
		lo := int64(n-1) * int64(size)
		var any int
		err := s.r.QueryRowContext(ctx, s.q(`SELECT COUNT(*) FROM (SELECT 1 FROM tags t
			WHERE t.id > ? AND t.id <= ? AND t.newest_pub_at <= ? LIMIT 1) x`), lo, lo+int64(size), now).Scan(&any)
		if err == nil && any == 0 {
			err = s.r.QueryRowContext(ctx, s.q(`SELECT COUNT(*) FROM (SELECT 1 FROM tags t
				WHERE t.id > ? AND t.id <= ? AND t.newest_pub_at > ? AND`+tagHasArticles+` LIMIT 1) x`), lo, lo+int64(size), now, now).Scan(&any)
		}
		if err != nil {
			return nil, fmt.Errorf("tag sitemap files: %w", err)
		}
		if any > 0 {
			files = append(files, n)
		}
	}
	return files, nil
}

// TagSitemap returns the tags of tag sitemap file number (see
// TagSitemapFiles) that have published articles, by id, with LastMod only
// (Articles is not counted): when the tag's newest article was published,
// the last time its page gained a story. One range of tags, whose rows keep
// that time (tags.newest_pub_at, migration 0197), and nothing of the
// articles; only a tag whose newest article is still ahead of its publish
// time probes article_tags_pub for the newest one already out. A probe per
// tag (a random leaf read on SQLite at a million articles) had cost
// 6.6–6.8 ms a file against 2.6–5 ms at 1,000.
func (s *Store) TagSitemap(ctx context.Context, number, size int) ([]TagStat, error) {
	if number < 1 || size < 1 {
		return nil, domain.Invalid("nomor sitemap tidak valid")
	}
	lo := int64(number-1) * int64(size)
	rows, err := s.r.QueryContext(ctx, s.q(`SELECT t.id, t.slug, t.name, `+s.timeText("t.newest_pub_at")+`
		FROM tags t WHERE t.id > ? AND t.id <= ? AND t.newest_pub_at IS NOT NULL ORDER BY t.id`), lo, lo+int64(size))
	if err != nil {
		return nil, fmt.Errorf("tag sitemap: %w", err)
	}
	defer rows.Close()
	list := []TagStat{}
	for rows.Next() {
		var t TagStat
		if err := rows.Scan(&t.ID, &t.Slug, &t.Name, scanTime{&t.LastMod}); err != nil {
			return nil, fmt.Errorf("tag sitemap: %w", err)
		}
		list = append(list, t)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("tag sitemap: %w", err)
	}
	rows.Close()
	// A tag whose newest article is still ahead: the newest one out, if any.
	now := s.Now()
	out := list[:0]
	for _, t := range list {
		if t.LastMod.After(now) {
			var ok bool
			if t.LastMod, ok, err = s.newestOut(ctx, tagList, t.ID, now); err != nil {
				return nil, fmt.Errorf("tag sitemap: %w", err)
			}
			if !ok {
				continue // every article of the tag is still ahead
			}
		}
		out = append(out, t)
	}
	return out, nil
}

// newestOut is the publish time of the newest article of one tag or author
// (by id) already out at now, and false when none is: one probe of the link
// table's pub_at index, for a tag or author whose kept newest_pub_at
// (migrations 0197, 0200) is still ahead.
func (s *Store) newestOut(ctx context.Context, l linkList, id int64, now time.Time) (time.Time, bool, error) {
	var t time.Time
	err := s.r.QueryRowContext(ctx, s.q(`SELECT `+s.timeText("l.pub_at")+` FROM `+l.link+` l WHERE l.`+l.col+` = ?
		AND l.pub_at IS NOT NULL AND l.pub_at <= ? ORDER BY l.pub_at DESC, l.article_id DESC LIMIT 1`), id, now).Scan(scanTime{&t})
	if errors.Is(err, sql.ErrNoRows) {
		return t, false, nil
	}
	return t, err == nil, err
}

// ListedAuthor is an author the pages sitemap lists, with the publish
// time of their newest article out: when their page last gained a story.
type ListedAuthor struct {
	domain.Author
	LastMod time.Time
}

// ListedAuthors returns up to limit authors that have published articles,
// by name. One read of the authors, whose rows keep the newest publish
// time of their articles (authors.newest_pub_at, migration 0200); only an
// author whose newest article is still ahead probes article_authors_pub,
// for an older one out. A probe per author had cost the sitemap 1.1 ms at
// 1M articles on PostgreSQL (300 authors), twice its 1k figure.
func (s *Store) ListedAuthors(ctx context.Context, limit int) ([]ListedAuthor, error) {
	now := s.Now()
	rows, err := s.r.QueryContext(ctx, s.q(`SELECT au.id, au.slug, au.name, au.bio, `+s.timeText("au.newest_pub_at")+` FROM authors au
		WHERE au.newest_pub_at <= ? OR (au.newest_pub_at IS NOT NULL AND EXISTS (SELECT 1 FROM article_authors l
			WHERE l.author_id = au.id AND l.pub_at IS NOT NULL AND l.pub_at <= ?))
		ORDER BY au.name, au.id LIMIT ?`), now, now, limit)
	if err != nil {
		return nil, fmt.Errorf("listed authors: %w", err)
	}
	defer rows.Close()
	var list []ListedAuthor
	for rows.Next() {
		var a ListedAuthor
		if err := rows.Scan(&a.ID, &a.Slug, &a.Name, &a.Bio, scanTime{&a.LastMod}); err != nil {
			return nil, fmt.Errorf("listed authors: %w", err)
		}
		list = append(list, a)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("listed authors: %w", err)
	}
	rows.Close()
	for i := range list {
		if list[i].LastMod.After(now) {
			if list[i].LastMod, _, err = s.newestOut(ctx, authorList, list[i].ID, now); err != nil {
				return nil, fmt.Errorf("listed authors: %w", err)
			}
		}
	}
	return list, nil
}

// AuthorStat is an author with the number of their published articles.
type AuthorStat struct {
	domain.Author
	Articles int
}

// AuthorStats returns one page of all authors, by name, with their
// published article counts, and the number of authors.
func (s *Store) AuthorStats(ctx context.Context, p domain.Page) ([]AuthorStat, int, error) {
	var total int
	if err := s.r.QueryRowContext(ctx, "SELECT COUNT(*) FROM authors").Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("count authors: %w", err)
	}
	list := []AuthorStat{}
	if p.Offset() >= total {
		return list, total, nil
	}
	// Each count from the author's counter (author_counts, 0200) less the
	// articles still ahead, counted only for an author whose newest one is
	// (authors.newest_pub_at, 0200), instead of every article of each
	// author: 300 authors of a 1M archive had meant counting all million
	// links.
	rows, err := s.r.QueryContext(ctx, s.q(`SELECT au.id, au.slug, au.name, au.bio,
		COALESCE((SELECT c.n FROM author_counts c WHERE c.author_id = au.id), 0)
		- CASE WHEN au.newest_pub_at > ? THEN (SELECT COUNT(*) FROM article_authors l
			WHERE l.author_id = au.id AND l.pub_at IS NOT NULL AND l.pub_at > ?) ELSE 0 END
		FROM authors au ORDER BY au.name, au.id LIMIT ? OFFSET ?`), s.Now(), s.Now(), p.Size, p.Offset())
	if err != nil {
		return nil, 0, fmt.Errorf("list authors: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var a AuthorStat
		if err := rows.Scan(&a.ID, &a.Slug, &a.Name, &a.Bio, &a.Articles); err != nil {
			return nil, 0, fmt.Errorf("list authors: %w", err)
		}
		list = append(list, a)
	}
	return list, total, rows.Err()
}

// popularWalk reports whether the most read of one channel, tag or author
// (q, SQLite) are found faster by walking every article most read first
// (articles_status_views), testing each, than by sorting all of the list's
// articles by views: when the list holds a large share of the archive. Left
// to itself the planner sorted the list: views sits after the body in
// SQLite's row, so every article of it was read whole (a channel of 142,867
// stories at 1M: 11.6 s). Walking reads about (offset+limit) / share
// articles, sorting all n of them; it walks when n² > (offset+limit) · total.
func (s *Store) popularWalk(ctx context.Context, q ArticleQuery) (bool, error) {
	f := q.Filter
	if !oneList(f) || !q.From.IsZero() || !q.To.IsZero() {
		return false, nil
	}
	total, err := s.listedArticles(ctx, "")
	if err != nil || total == 0 {
		return false, err
	}
	n := total // the whole archive: sorted by the covering articles_pub_views, 143 ms at 1M
	if l, slug, ok := linkListOf(f); ok {
		n, err = s.listedLinkArticles(ctx, l, slug)
	} else if f.CategorySlug != "" {
		n, err = s.listedArticles(ctx, f.CategorySlug)
	}
	if err != nil || n == 0 {
		return false, err
	}
	return float64(n)*float64(n) > float64(q.Page.Offset()+q.Page.Size)*float64(total), nil
}
