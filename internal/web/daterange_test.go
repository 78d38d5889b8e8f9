package web

import (
	"strings"
	"testing"
	"time"
)

// Issue 9: one date-range rule for the article list, the search page and
// the search API: a day is the whole day in the site zone, both ends
// included, and from=to is that one day.
func TestDateRange(t *testing.T) {
	wib := time.FixedZone("WIB", 7*3600)
	at := func(s string) time.Time {
		v, err := time.Parse(time.RFC3339Nano, s)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	for _, tc := range []struct {
		from, to         string
		wantFrom, wantTo string // RFC 3339; "" for no bound
	}{
		{"2024-06-20", "2024-06-20", "2024-06-20T00:00:00+07:00", "2024-06-20T23:59:59.999999+07:00"},
		{"", "2024-06-18", "", "2024-06-18T23:59:59.999999+07:00"},
		{"2024-06-19T23:00:00+07:00", "2024-06-20T00:00:00Z", "2024-06-19T23:00:00+07:00", "2024-06-20T00:00:00Z"},
		{" 2024-06-01 ", "", "2024-06-01T00:00:00+07:00", ""},
		{"", "", "", ""},
	} {
		from, to, err := DateRange(tc.from, tc.to, "parameter from", "parameter to", wib)
		if err != nil {
			t.Errorf("%q..%q: %v", tc.from, tc.to, err)
			continue
		}
		for _, c := range []struct {
			got  time.Time
			want string
		}{{from, tc.wantFrom}, {to, tc.wantTo}} {
			if (c.want == "") != c.got.IsZero() || (c.want != "" && !c.got.Equal(at(c.want))) {
				t.Errorf("%q..%q: got %v..%v, want %s..%s", tc.from, tc.to, from, to, tc.wantFrom, tc.wantTo)
			}
		}
	}
	for _, tc := range []struct{ from, to, want string }{
		{"2024-02-30", "", "tanggal mulai \"2024-02-30\" bukan tanggal"},
		{"", "kemarin", "tanggal akhir \"kemarin\" bukan tanggal"},
		{"2024-06-20T25:00:00Z", "", "tanggal mulai"},
		{"2024-06-21", "2024-06-20", "tanggal akhir lebih awal dari tanggal mulai"},
	} {
		_, _, err := DateRange(tc.from, tc.to, "tanggal mulai", "tanggal akhir", wib)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q..%q: error %v, want one saying %q", tc.from, tc.to, err, tc.want)
		}
		if StatusOf(err) != 400 {
			t.Errorf("%q..%q: status %d, want 400", tc.from, tc.to, StatusOf(err))
		}
	}
}
