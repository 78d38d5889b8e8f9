package discovery

import (
	"time"

	"warta/internal/domain"
)

// DateRange reads the date filters of a search, "YYYY-MM-DD" days in the
// site's zone, either may be empty: from is the start of its day, to the
// end of its day (the range is [from, to)). A bad date or a range that ends
// before it starts is an invalid-input error with an Indonesian message.
func DateRange(fromText, toText string, loc *time.Location) (from, to time.Time, err error) {
	day := func(what, s string) (time.Time, error) {
		if s == "" {
			return time.Time{}, nil
		}
		t, err := time.ParseInLocation("2006-01-02", s, loc)
		if err != nil {
			return time.Time{}, domain.Invalid("tanggal %s %q tidak dikenali: gunakan bentuk TTTT-BB-HH, misalnya 2026-03-17", what, domain.Truncate(s, 20))
		}
		return t, nil
	}
	if from, err = day("mulai", fromText); err != nil {
		return from, to, err
	}
	if to, err = day("akhir", toText); err != nil {
		return from, to, err
	}
	if !to.IsZero() {
		to = to.AddDate(0, 0, 1)
	}
	if !from.IsZero() && !to.IsZero() && !from.Before(to) {
		return from, to, domain.Invalid("tanggal akhir lebih awal dari tanggal mulai")
	}
	return from, to, nil
}
