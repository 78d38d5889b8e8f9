package store

import (
	"testing"
	"time"
)

// fastSQLiteTime reads what time.Parse reads for the forms SQLite holds,
// and leaves everything else to it.
func TestFastSQLiteTimeReadsWhatTimeParseReads(t *testing.T) {
	for _, v := range []string{"2026-12-02 03:36:32.157857+00:00", "2018-07-09 12:49:28+00:00", "2019-04-17 02:54:55.8+00:00",
		"2024-02-29 23:59:59.999999999+07:00", "2024-06-20 19:00:00-03:30", "2024-06-20T19:00:00Z", "2024-06-20 19:00:00.5Z"} {
		want, err := time.Parse("2006-01-02 15:04:05.999999999Z07:00", v)
		if err != nil {
			want, err = time.Parse(time.RFC3339Nano, v)
		}
		if err != nil {
			t.Fatalf("%s: %v", v, err)
		}
		got, ok := fastSQLiteTime(v)
		if !ok || !got.Equal(want) || got.Location() != time.UTC {
			t.Errorf("%s: got %v %v, want %v", v, got, ok, want.UTC())
		}
	}
	for _, v := range []string{"", "2024-06-20", "2024-13-01 00:00:00+00:00", "2023-02-29 10:00:00+00:00", "2024-06-20 19:00:00",
		"2024-06-20 19:00:00.+00:00", "2024-06-20 19:00:00.1234567891+00:00", "2024-06-20 19:00:00+0700", "2024-06-2x 19:00:00+00:00",
		"2024-06-20 19:00:00 +0000 UTC"} {
		if got, ok := fastSQLiteTime(v); ok {
			t.Errorf("%q: read as %v, want it left to time.Parse", v, got)
		}
	}
	// What it leaves, parseSQLiteTime still reads.
	if got, err := parseSQLiteTime("2024-06-20 19:00:00"); err != nil || !got.Equal(time.Date(2024, 6, 20, 19, 0, 0, 0, time.UTC)) {
		t.Errorf("no zone: %v %v", got, err)
	}
}

func FuzzFastSQLiteTime(f *testing.F) {
	f.Add("2026-12-02 03:36:32.157857+00:00")
	f.Add("2024-06-20T19:00:00Z")
	f.Fuzz(func(t *testing.T, v string) {
		got, ok := fastSQLiteTime(v)
		if !ok {
			return
		}
		want, err := time.Parse("2006-01-02 15:04:05.999999999Z07:00", v)
		if err != nil {
			want, err = time.Parse("2006-01-02T15:04:05.999999999Z07:00", v)
		}
		if err != nil || !got.Equal(want) {
			t.Fatalf("%q: fast %v, time.Parse %v %v", v, got, want, err)
		}
	})
}
