package web

import (
	"strings"
	"time"

	"warta/internal/domain"
)

// DateRange reads the publish-time filters of a list or a search, the one
// rule for every page and API. Each of fromText and toText is a day,
// "YYYY-MM-DD" in the site's zone loc, meaning the whole day (from its first
// instant; to its last, so from=to is that one day), or an RFC 3339 time;
// empty is no bound. Both ends are included: to is the last microsecond of
// its day (times are stored at microsecond precision). A bad value, or a
// range that ends before it starts, is an invalid-input error with an
// Indonesian message naming the filter as the caller's reader knows it
// (fromName, toName: "parameter from" in the API, "tanggal mulai" on the
// search page).
func DateRange(fromText, toText, fromName, toName string, loc *time.Location) (from, to time.Time, err error) {
	if from, err = dateBound(fromText, fromName, loc, false); err != nil {
		return from, to, err
	}
	if to, err = dateBound(toText, toName, loc, true); err != nil {
		return from, to, err
	}
	if !from.IsZero() && !to.IsZero() && from.After(to) {
		return from, to, domain.Invalid("%s lebih awal dari %s", toName, fromName)
	}
	return from, to, nil
}

func dateBound(v, name string, loc *time.Location, end bool) (time.Time, error) {
	v = strings.TrimSpace(v)
	if v == "" {
		return time.Time{}, nil
	}
	if t, err := time.Parse(time.RFC3339, v); err == nil {
		return t, nil
	}
	d, err := time.ParseInLocation("2006-01-02", v, loc)
	if err != nil { // impossible days (2024-02-30) too
		return time.Time{}, domain.Invalid("%s %q bukan tanggal yang dikenali: gunakan bentuk TTTT-BB-HH, misalnya 2026-03-17, "+
			"atau waktu RFC 3339 seperti 2026-03-17T18:34:00+07:00", name, domain.Truncate(v, 40))
	}
	if end {
		d = d.AddDate(0, 0, 1).Add(-time.Microsecond)
	}
	return d, nil
}
